"""The VBA project inside tkops.xlsm, read back by olevba (and pyopenvba): every module, each source exactly the
text in macros/ or in the installed xlwings."""

from __future__ import annotations

import inspect
import re
import zipfile
from pathlib import Path

import pytest
from oletools import olevba

from tkops.vba import strip_export_header
from tkops.xlsm import home, sheets
from tkops.xlsm.vba import document_code, macro_modules, public_subs, xlwings_folder

from .conftest import MACROS


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") + "\n"


def _body(stored: str) -> str:
    """The stored source without the module-level Attribute lines the writer adds (as tests/vba does)."""
    lines = stored.replace("\r\n", "\n").split("\n")
    while lines and lines[0].startswith("Attribute VB_"):
        lines.pop(0)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def sources(xlsm) -> dict[str, str]:
    parser = olevba.VBA_Parser(str(xlsm))
    try:
        assert parser.type == "OpenXML"
        return {stream: code for _f, stream, _name, code in parser.extract_macros()}
    finally:
        parser.close()


def _macro_files() -> list[Path]:
    return sorted(p for p in MACROS.iterdir() if p.suffix.lower() in (".bas", ".cls"))


def test_every_module_is_listed(sources):
    documents = [sheets.WORKBOOK_CODE_NAME] + [sheets.code_name(n) for n in sheets.all_sheet_names()]
    macros = [p.stem for p in _macro_files()]
    expected = {f"VBA/{name}" for name in documents + macros + ["xlwings", "Dictionary"]}
    assert set(sources) == expected


def test_project_stream_declares_each_module_kind(xlsm):
    import olefile

    with zipfile.ZipFile(xlsm) as z:
        with olefile.OleFileIO(z.read("xl/vbaProject.bin")) as ole:
            project = ole.openstream("PROJECT").read().decode("cp1252")
    for name in [sheets.WORKBOOK_CODE_NAME] + [sheets.code_name(n) for n in sheets.all_sheet_names()]:
        assert f"Document={name}/&H00000000" in project
    for path in _macro_files():
        assert (f"Module={path.stem}" if path.suffix.lower() == ".bas" else f"Class={path.stem}") in project
    assert "Module=xlwings" in project and "Class=Dictionary" in project


@pytest.mark.parametrize("path", _macro_files(), ids=lambda p: p.name)
def test_macro_sources_round_trip(sources, path):
    stored = sources[f"VBA/{path.stem}"]
    assert stored.startswith(f'Attribute VB_Name = "{path.stem}"\r\n')
    assert _normalise(_body(stored)) == _normalise(strip_export_header(path.read_text(encoding="ascii")))


@pytest.mark.parametrize("path", _macro_files(), ids=lambda p: p.name)
def test_macro_files_are_ascii_without_export_header(path):
    data = path.read_bytes()
    data.decode("ascii")  # raises on any non-ASCII byte
    assert strip_export_header(data.decode("ascii")) == data.decode("ascii"), "store macros without the header"


def test_xlwings_module_is_the_installed_one(sources):
    installed = (xlwings_folder() / "xlwings.bas").read_text(encoding="ascii")
    assert _normalise(sources["VBA/xlwings"]) == _normalise(installed)
    dictionary = strip_export_header((xlwings_folder() / "addin" / "Dictionary.cls").read_text(encoding="ascii"))
    assert _normalise(_body(sources["VBA/Dictionary"])) == _normalise(dictionary)


def test_document_modules_hold_only_the_sheet_code_in_macros(sources):
    code = document_code(MACROS)
    assert set(code) == {"shPack"}  # the pack station's scan cell
    for name in [sheets.WORKBOOK_CODE_NAME] + [sheets.code_name(n) for n in sheets.all_sheet_names()]:
        assert _normalise(_body(sources[f"VBA/{name}"])).strip() == _normalise(code.get(name, "")).strip()
    assert 'RunPython "import tkops.xl; tkops.xl.pack_scan()"' in code["shPack"]
    assert "Private Sub Worksheet_Change(ByVal Target As Range)" in code["shPack"]


def test_each_button_sub_runs_one_tkops_xl_function():
    buttons = {m.name: m for m in macro_modules(MACROS)}["Buttons"]
    calls = dict(re.findall(r'Sub\s+(\w+)\(\)\s*\n\s*RunPython "import tkops\.xl; tkops\.xl\.(\w+)\(\)"\s*\n\s*End Sub',
                            buttons.code))
    assert calls == {"ImportOrders": "import_orders", "ReviewOrders": "review", "PickList": "pick_list",
                     "PackingSlips": "packing_slips", "ShipOrders": "ship", "CheckClocks": "clocks",
                     "AfterSalesCases": "cases", "DraftReplies": "replies", "FollowUpShipments": "followup",
                     "AfterSalesSummary": "summary", "PullFromTikTok": "pull", "UploadTracking": "upload_tracking",
                     "PushStock": "push_stock",
                     "LoadStock": "stock", "EvidencePack": "evidence", "MonthEnd": "month_end",
                     "ArchiveClosed": "archive",
                     "PackStation": "pack_start", "BarcodeLabels": "barcode_labels", "Reorder": "reorder"}
    assert set(public_subs(buttons.code)) == set(calls)
    assert {b.macro for b in home.BUTTONS} <= set(calls)


def test_button_functions_exist_in_tkops_xl():
    xl = pytest.importorskip("tkops.xl", reason="tkops/xl.py (the live button functions) is not there yet")
    buttons = {m.name: m for m in macro_modules(MACROS)}["Buttons"]
    for function in re.findall(r"tkops\.xl\.(\w+)\(\)", buttons.code):
        func = getattr(xl, function, None)
        assert callable(func), f"tkops.xl has no function {function}() for the button that calls it"
        inspect.signature(func).bind()  # RunPython calls it with no arguments


def test_pyopenvba_integrity_check(xlsm):
    pyopenvba = pytest.importorskip("pyopenvba")
    report = pyopenvba.check_file(xlsm)
    assert report.ok, report.issues
