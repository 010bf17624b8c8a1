"""Helper run by Debian's /usr/bin/python3 (which has the LibreOffice UNO bridge).

Usage: python3 _lo_run_macro.py WORKBOOK PROFILE_DIR MACRO CELL

Starts a private headless LibreOffice listening on a named pipe (no network),
opens WORKBOOK with macros allowed, runs the document macro MACRO (e.g.
``VBAProject.Module1.Fill``), prints the first sheet's CELL text as JSON and
shuts LibreOffice down. Not a test module (pytest does not collect it).
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


def main():
    workbook, profile, macro, cell = sys.argv[1:5]
    pipe = "tkops_vba_%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless",
         "--norestore", "--nologo", "--nodefault", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise RuntimeError("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        # MacroExecutionMode 4 = ALWAYS_EXECUTE_NO_WARN.
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(workbook), "_blank", 0,
                                           (prop("Hidden", True), prop("MacroExecutionMode", 4)))
        script = doc.getScriptProvider().getScript(
            "vnd.sun.star.script:%s?language=Basic&location=document" % macro)
        script.invoke((), (), ())
        sheet = doc.Sheets.getByIndex(0)
        result = {"cell": sheet.getCellRangeByName(cell).String, "codename": sheet.CodeName,
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
