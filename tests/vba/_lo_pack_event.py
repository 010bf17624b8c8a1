"""Helper run by Debian's /usr/bin/python3 (which has the LibreOffice UNO bridge).

Usage: python3 _lo_pack_event.py WORKBOOK PROFILE_DIR SHEET TRACE_CELL RANGE=VALUE...

Starts a private headless LibreOffice listening on a named pipe (no network) and opens WORKBOOK hidden with macros
allowed. LibreOffice runs a sheet's VBA events only after its VBA event processor has seen the workbook open, and it
never announces the opening of a hidden document (the only kind a headless LibreOffice opens here), so this helper
makes its own processor for the document and tells it the workbook opened. Then, for each RANGE=VALUE, it writes
VALUE into every cell of RANGE on SHEET (through the API, as typing would), hands LibreOffice's VBA event
processor the Worksheet_Change event of RANGE, as Excel raises it after an entry, and reads TRACE_CELL back.

Prints one JSON object: SHEET's codeName, whether a Worksheet_Change handler is found for it, and per write the
trace cell's text before and after the event is handed over. Not a test module (pytest does not collect it).
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
from _lo_office import hidden_workbook  # noqa: E402  (tests/_lo_office.py: the LibreOffice it runs in)
import uno  # noqa: E402  (only available to the system Python)


def event(name):
    return uno.getConstantByName("com.sun.star.script.vba.VBAEventId." + name)


def main():
    workbook, profile, sheet_name, trace = sys.argv[1:5]
    writes = [arg.split("=", 1) for arg in sys.argv[5:]]
    with hidden_workbook(workbook, profile, "pack") as (ctx, doc):
        sheet = doc.Sheets.getByName(sheet_name)
        events = ctx.ServiceManager.createInstanceWithArgumentsAndContext(
            "com.sun.star.script.vba.VBASpreadsheetEventProcessor", (doc,), ctx)
        result = {"codename": sheet.CodeName,
                  "handler": events.hasVbaEventHandler(event("WORKSHEET_CHANGE"), (sheet.getCellRangeByName("B1"),)),
                  "writes": []}
        events.processVbaEvent(event("WORKBOOK_OPEN"), ())
        for where, value in writes:
            target = sheet.getCellRangeByName(where)
            for row in range(target.Rows.Count):
                for column in range(target.Columns.Count):
                    target.getCellByPosition(column, row).setString(value)
            before = sheet.getCellRangeByName(trace).String
            events.processVbaEvent(event("WORKSHEET_CHANGE"), (target,))
            result["writes"].append([before, sheet.getCellRangeByName(trace).String])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
