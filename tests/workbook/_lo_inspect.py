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
import subprocess
import sys
import time

import uno  # noqa: E402  (only available to the system Python)
from com.sun.star.beans import PropertyValue

MODULE_TYPES = {0: "unknown", 1: "normal", 2: "class", 3: "form", 4: "document"}


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.5)
    raise RuntimeError("LibreOffice did not start")


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
    pipe = "tkops_wb_%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless",
         "--norestore", "--nologo", "--nodefault", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        # MacroExecutionMode 4 = ALWAYS_EXECUTE_NO_WARN: the script provider resolves document macros.
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(workbook), "_blank", 0,
                                           (prop("Hidden", True), prop("MacroExecutionMode", 4)))
        sheets = []
        for i in range(doc.Sheets.Count):
            sheet = doc.Sheets.getByIndex(i)
            sheets.append({"name": sheet.Name, "codename": sheet.CodeName, "controls": controls(doc, sheet)})
        ranges = {name: doc.NamedRanges.getByName(name).Content for name in doc.NamedRanges.ElementNames}
        result = {"sheets": sheets, "modules": basic_modules(doc), "named_ranges": ranges,
                  "libraries": list(doc.BasicLibraries.getElementNames())}
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes away as LibreOffice exits
        print(json.dumps(result))
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    main()
