"""A whole .xlsm built with XlsxWriter around our vbaProject.bin, read back by
olevba, openpyxl, pyopenvba and LibreOffice (conversion and macro execution)."""

from __future__ import annotations

import html
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from oletools import olevba

from tkops.vba import Module, build_vba_project, module_source

from tests._run import run_killable

xlsxwriter = pytest.importorskip("xlsxwriter")

MODULE1 = '''Option Explicit

Public Function Greeting() As String
    Greeting = "Hello from tkops"
End Function

Public Sub Hello()
    MsgBox Greeting()
End Sub

Public Sub Fill()
    Dim c As New Counter
    c.Increment
    c.Increment
    Sheet1.Range("A1").Value = Greeting() & " " & c.Value
End Sub
'''
COUNTER = '''Option Explicit

Public Value As Long

Public Sub Increment()
    Value = Value + 1
End Sub
'''
THISWORKBOOK = '''Private Sub Workbook_Open()
    ' runs in Excel when macros are enabled
End Sub
'''
MODULES = [
    Module("ThisWorkbook", "document", THISWORKBOOK),
    Module("Sheet1", "document", ""),
    Module("Module1", "standard", MODULE1),
    Module("Counter", "class", COUNTER),
]


@pytest.fixture(scope="module")
def vba_bin() -> bytes:
    return build_vba_project(MODULES)


@pytest.fixture(scope="module")
def xlsm(vba_bin, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("xlsm") / "macros.xlsm"
    workbook = xlsxwriter.Workbook(str(path))
    worksheet = workbook.add_worksheet()
    workbook.add_vba_project(io.BytesIO(vba_bin), is_stream=True)
    workbook.set_vba_name("ThisWorkbook")
    worksheet.set_vba_name("Sheet1")
    worksheet.write("A2", "static text")
    worksheet.insert_button("B2", {"macro": "Hello", "caption": "Hello"})
    workbook.close()
    return path


def test_zip_holds_our_bin_byte_identical(xlsm, vba_bin):
    with zipfile.ZipFile(xlsm) as z:
        assert z.read("xl/vbaProject.bin") == vba_bin
        types = z.read("[Content_Types].xml").decode()
        assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in types
        assert "application/vnd.ms-office.vbaProject" in types
        assert 'codeName="ThisWorkbook"' in z.read("xl/workbook.xml").decode()
        assert 'codeName="Sheet1"' in z.read("xl/worksheets/sheet1.xml").decode()
        assert "[0]!Hello" in z.read("xl/drawings/vmlDrawing1.vml").decode()


def test_olevba_reads_the_xlsm(xlsm):
    parser = olevba.VBA_Parser(str(xlsm))
    assert parser.type == "OpenXML"
    found = {stream: code for _f, stream, _name, code in parser.extract_macros()}
    assert found == {f"VBA/{m.name}": module_source(m) for m in MODULES}


def test_openpyxl_keeps_the_project(xlsm, vba_bin, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(xlsm, keep_vba=True)
    assert wb.vba_archive is not None
    assert wb.vba_archive.read("xl/vbaProject.bin") == vba_bin
    assert wb.code_name == "ThisWorkbook"
    assert wb.active.sheet_properties.codeName == "Sheet1"
    assert wb.active["A2"].value == "static text"
    # A save by openpyxl keeps the project byte-identical.
    wb.active["A3"] = "added"
    resaved = tmp_path / "resaved.xlsm"
    wb.save(resaved)
    with zipfile.ZipFile(resaved) as z:
        assert z.read("xl/vbaProject.bin") == vba_bin


def test_pyopenvba_integrity_check(xlsm):
    pyopenvba = pytest.importorskip("pyopenvba")
    report = pyopenvba.check_file(xlsm)
    assert report.ok, report.issues
    assert pyopenvba.ExcelFile(xlsm).module_names() == [m.name for m in MODULES]


def _soffice() -> str | None:
    return shutil.which("soffice")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_imports_the_modules(xlsm, tmp_path):
    # A private profile: no interference with a user's LibreOffice or parallel runs.
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "ods", "--outdir", str(tmp_path), str(xlsm)],
        capture_output=True, text=True, timeout=300)
    ods = tmp_path / "macros.ods"
    assert ods.exists(), result.stdout + result.stderr
    with zipfile.ZipFile(ods) as z:
        names = set(z.namelist())
        expected_types = {"ThisWorkbook": "document", "Sheet1": "document", "Module1": "normal", "Counter": "class"}
        for m in MODULES:
            xml = z.read(f"Basic/VBAProject/{m.name}.xml").decode()
            assert f'script:moduleType="{expected_types[m.name]}"' in xml
            body = html.unescape(xml)
            for line in m.code.splitlines():
                assert line in body
        assert "Basic/VBAProject/script-lb.xml" in names
        # The XlsxWriter button is bound to our macro.
        content = z.read("content.xml").decode()
        assert "vnd.sun.star.script:VBAProject.Module1.Hello?language=Basic&amp;location=document" in content


def _uno_python() -> str | None:
    """Debian's system Python, if it has LibreOffice's UNO bridge."""
    system_python = "/usr/bin/python3"
    if shutil.which("soffice") is None or not os.path.exists(system_python):
        return None
    probe = subprocess.run([system_python, "-c", "import uno"], capture_output=True)
    return system_python if probe.returncode == 0 else None


@pytest.mark.skipif(_uno_python() is None, reason="LibreOffice with python3-uno is not installed")
def test_libreoffice_runs_the_macros(xlsm, tmp_path):
    # Module1.Fill uses the class module and the Sheet1 document module by its
    # codeName: LibreOffice compiled all three from our source and ran them.
    helper = Path(__file__).with_name("_lo_run_macro.py")
    done = run_killable([_uno_python(), str(helper), str(xlsm), str(tmp_path / "profile"), "VBAProject.Module1.Fill",
                         "A1"])
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["cell"] == "Hello from tkops 2"
    assert result["codename"] == "Sheet1"
    assert "VBAProject" in result["libraries"]
