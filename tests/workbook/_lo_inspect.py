"""Helper run by Debian's /usr/bin/python3 (which has the LibreOffice UNO bridge).

Usage: python3 _lo_inspect.py WORKBOOK PROFILE_DIR

Starts a private headless LibreOffice listening on a named pipe (no network), opens WORKBOOK, and prints one JSON
object: the sheets with their codeNames, the Basic modules of the VBAProject library with their module types,
and every form control of every sheet with its label, position, size, the cell under it and script event
bindings; for each binding, whether LibreOffice's script provider resolves it to a macro. Nothing is run. Not a
test module (pytest does not collect it).
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
from _lo_office import hidden_workbook  # noqa: E402  (tests/_lo_office.py: the LibreOffice it runs in)

MODULE_TYPES = {0: "unknown", 1: "normal", 2: "class", 3: "form", 4: "document"}


def basic_modules(doc):
    libraries = doc.BasicLibraries
    out = {}
    if not libraries.hasByName("VBAProject"):
        return out
    libraries.loadLibrary("VBAProject")
    library = libraries.getByName("VBAProject")
    for name in library.getElementNames():
        kind = "unknown"
        if library.hasModuleInfo(name):
            kind = MODULE_TYPES.get(library.getModuleInfo(name).ModuleType, "unknown")
        out[name] = {"type": kind, "source": library.getByName(name)}
    return out


def cell_under(sheet, x, y, max_rows=200, max_cols=30):
    """The cell whose rectangle holds the point (x, y) (1/100 mm), with its rectangle and text."""
    for r in range(max_rows):
        for c in range(max_cols):
            cell = sheet.getCellByPosition(c, r)
            p, s = cell.Position, cell.Size
            if p.Y > y:
                return None
            if p.X <= x < p.X + s.Width and p.Y <= y < p.Y + s.Height:
                return {"name": cell.AbsoluteName, "x": p.X, "y": p.Y, "width": s.Width, "height": s.Height,
                        "text": cell.String}
    return None


def controls(doc, sheet):
    provider = doc.getScriptProvider()
    found = []
    page = sheet.DrawPage
    forms = page.Forms
    for i in range(page.Count):
        shape = page.getByIndex(i)
        if not shape.supportsService("com.sun.star.drawing.ControlShape"):
            continue
        model = shape.Control
        events = []
        for f in range(forms.Count):
            form = forms.getByIndex(f)
            for c in range(form.Count):
                if form.getByIndex(c) == model:
                    for event in form.getScriptEvents(c):
                        resolved = True
                        try:
                            provider.getScript(event.ScriptCode)
                        except Exception:
                            resolved = False
                        events.append({"listener": event.ListenerType, "method": event.EventMethod,
                                       "type": event.ScriptType, "code": event.ScriptCode, "resolves": resolved})
        pos, size = shape.Position, shape.Size
        cell = cell_under(sheet, pos.X + size.Width // 2, pos.Y + size.Height // 2)
        found.append({"label": getattr(model, "Label", None), "name": model.Name,
                      "x": pos.X, "y": pos.Y, "width": size.Width, "height": size.Height,
                      "cell": cell, "events": events})
    return found


def main():
    workbook, profile = sys.argv[1:3]
    with hidden_workbook(workbook, profile, "wb") as (_ctx, doc):
        sheets = []
        for i in range(doc.Sheets.Count):
            sheet = doc.Sheets.getByIndex(i)
            sheets.append({"name": sheet.Name, "codename": sheet.CodeName, "controls": controls(doc, sheet)})
        ranges = {name: doc.NamedRanges.getByName(name).Content for name in doc.NamedRanges.ElementNames}
        result = {"sheets": sheets, "modules": basic_modules(doc), "named_ranges": ranges,
                  "libraries": list(doc.BasicLibraries.getElementNames())}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
