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
import subprocess
import sys
import time

import uno  # noqa: E402  (only available to the system Python)
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def event(name):
    return uno.getConstantByName("com.sun.star.script.vba.VBAEventId." + name)


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.5)
    raise RuntimeError("LibreOffice did not start")


def main():
    workbook, profile, sheet_name, trace = sys.argv[1:5]
    writes = [arg.split("=", 1) for arg in sys.argv[5:]]
    pipe = "tkops_pack_%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless",
         "--norestore", "--nologo", "--nodefault", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        # MacroExecutionMode 4 = ALWAYS_EXECUTE_NO_WARN.
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(workbook), "_blank", 0,
                                           (prop("Hidden", True), prop("MacroExecutionMode", 4)))
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
