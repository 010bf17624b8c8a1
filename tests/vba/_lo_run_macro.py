"""Helper run by Debian's /usr/bin/python3 (which has the LibreOffice UNO bridge).

Usage: python3 _lo_run_macro.py WORKBOOK PROFILE_DIR MACRO CELL

Starts a private headless LibreOffice listening on a named pipe (no network),
opens WORKBOOK with macros allowed, runs the document macro MACRO (e.g.
``VBAProject.Module1.Fill``), prints the first sheet's CELL text as JSON and
shuts LibreOffice down. Not a test module (pytest does not collect it).
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
from _lo_office import hidden_workbook  # noqa: E402  (tests/_lo_office.py: the LibreOffice it runs in)


def main():
    workbook, profile, macro, cell = sys.argv[1:5]
    with hidden_workbook(workbook, profile, "vba") as (_ctx, doc):
        script = doc.getScriptProvider().getScript(
            "vnd.sun.star.script:%s?language=Basic&location=document" % macro)
        script.invoke((), (), ())
        sheet = doc.Sheets.getByIndex(0)
        result = {"cell": sheet.getCellRangeByName(cell).String, "codename": sheet.CodeName,
                  "libraries": list(doc.BasicLibraries.getElementNames())}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
