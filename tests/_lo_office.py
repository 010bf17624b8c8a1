"""A private headless LibreOffice with one workbook open, for the helper scripts that Debian's /usr/bin/python3
runs (it has the LibreOffice UNO bridge): tests/workbook/_lo_inspect.py, tests/vba/_lo_run_macro.py and
tests/vba/_lo_pack_event.py. Not a test module (pytest does not collect it)."""

import contextlib
import os
import subprocess
import time

import uno  # noqa: E402  (only available to the system Python)
from com.sun.star.beans import PropertyValue


def prop(name, value):
    """A UNO PropertyValue."""
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.5)
    raise RuntimeError("LibreOffice did not start")


@contextlib.contextmanager
def hidden_workbook(workbook, profile, tag):
    """(component context, document) of ``workbook`` opened hidden with macros allowed, in a LibreOffice of its own
    (user profile ``profile``, listening on a named pipe: no network); closed and shut down afterwards."""
    pipe = "tkops_%s_%d" % (tag, os.getpid())
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless",
         "--norestore", "--nologo", "--nodefault", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = _connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        # MacroExecutionMode 4 = ALWAYS_EXECUTE_NO_WARN: document macros run and the script provider resolves them.
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(workbook), "_blank", 0,
                                           (prop("Hidden", True), prop("MacroExecutionMode", 4)))
        try:
            yield ctx, doc
        finally:
            doc.close(True)
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge goes away as LibreOffice exits
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
