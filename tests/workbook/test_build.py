"""Building tkops.xlsm: reproducible bytes, never replacing a workbook that may hold data, clear errors; and the
batch backend editing the macro workbook without losing its macros."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tkops.book import FileBook
from tkops.xlsm import build_workbook, main
from tkops.xlsm.build import BUILD_TIME, WorkbookExists

from .conftest import EXPORTS_SAMPLE, MACROS


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_sources_give_the_same_bytes(xlsm, tmp_path):
    again = build_workbook(tmp_path / "again.xlsm")
    assert _sha(again) == _sha(xlsm)


@pytest.mark.parametrize("tz", ["America/Los_Angeles", "Asia/Shanghai"])
def test_the_time_zone_of_the_build_does_not_matter(xlsm, tmp_path, tz):
    out = tmp_path / "tz.xlsm"
    env = {**os.environ, "TZ": tz}
    subprocess.run([sys.executable, "-c", f"from tkops.xlsm import build_workbook; build_workbook({str(out)!r})"],
                   env=env, check=True, timeout=120)
    assert _sha(out) == _sha(xlsm)


def test_zip_members_and_properties_carry_fixed_dates(xlsm):
    with zipfile.ZipFile(xlsm) as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 31, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
        stamp = BUILD_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
        assert f">{stamp}</dcterms:created>" in core and f">{stamp}</dcterms:modified>" in core
        types = z.read("[Content_Types].xml").decode()
        assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in types


def test_a_folder_gets_tkops_xlsm(tmp_path):
    assert build_workbook(tmp_path) == tmp_path / "tkops.xlsm"
    assert (tmp_path / "tkops.xlsm").exists()


def test_only_xlsm_targets(tmp_path):
    with pytest.raises(ValueError, match=r"\.xlsm"):
        build_workbook(tmp_path / "tkops.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_an_identical_workbook_is_left_alone(xlsm, tmp_path):
    target = tmp_path / "tkops.xlsm"
    shutil.copy2(xlsm, target)
    before = target.stat().st_mtime_ns
    assert build_workbook(target) == target
    assert target.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tkops.xlsm"]


def test_a_different_workbook_is_never_replaced_silently(tmp_path):
    target = tmp_path / "tkops.xlsm"
    target.write_bytes(b"the team's workbook, with their orders")
    with pytest.raises(WorkbookExists, match="--out"):
        build_workbook(target)
    assert target.read_bytes() == b"the team's workbook, with their orders"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tkops.xlsm"]  # no temporary file left


def test_overwrite_keeps_a_backup(xlsm, tmp_path):
    target = tmp_path / "tkops.xlsm"
    target.write_bytes(b"old")
    build_workbook(target, overwrite=True)
    assert _sha(target) == _sha(xlsm)
    (kept,) = (tmp_path / "tkops-backups").iterdir()
    assert kept.read_bytes() == b"old"


def _macros_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "macros"
    shutil.copytree(MACROS, folder)
    return folder


def test_a_button_without_its_sub_is_an_error(tmp_path):
    folder = _macros_copy(tmp_path)
    text = (folder / "Buttons.bas").read_text()
    (folder / "Buttons.bas").write_text(text.replace("Sub ReviewOrders()", "Sub ReviewOrdersRenamed()"))
    with pytest.raises(ValueError, match="ReviewOrders"):
        build_workbook(tmp_path / "tkops.xlsm", macros_folder=folder)
    assert not (tmp_path / "tkops.xlsm").exists()


def test_non_ascii_macro_source_is_an_error(tmp_path):
    folder = _macros_copy(tmp_path)
    with open(folder / "Buttons.bas", "a", encoding="utf-8") as fh:
        fh.write("' 导入\n")
    with pytest.raises(ValueError, match=r"Buttons\.bas: line \d+: VBA source must be ASCII"):
        build_workbook(tmp_path / "tkops.xlsm", macros_folder=folder)


def test_a_macro_file_named_unlike_its_module_is_an_error(tmp_path):
    folder = _macros_copy(tmp_path)
    (folder / "Extra.bas").write_text('Attribute VB_Name = "Other"\nSub X()\nEnd Sub\n')
    with pytest.raises(ValueError, match="VB_Name is 'Other'"):
        build_workbook(tmp_path / "tkops.xlsm", macros_folder=folder)


def test_an_extra_macro_file_becomes_a_module(tmp_path):
    from oletools import olevba

    folder = _macros_copy(tmp_path)
    (folder / "Later.bas").write_text('Option Explicit\n\nPublic Sub PickList()\n    RunPython "import tkops.xl; '
                                      'tkops.xl.pick_list()"\nEnd Sub\n')
    out = build_workbook(tmp_path / "tkops.xlsm", macros_folder=folder)
    parser = olevba.VBA_Parser(str(out))
    streams = {stream for _f, stream, _n, _c in parser.extract_macros()}
    parser.close()
    assert {"VBA/Buttons", "VBA/Later"} <= streams


def test_main_builds_and_says_where(tmp_path, capsys):
    assert main(str(tmp_path / "book.xlsm")) == 0
    out = capsys.readouterr().out
    assert str((tmp_path / "book.xlsm").resolve()) in out
    assert "xlwings.conf" in out and "docs/setup.md" in out


def test_main_reports_a_refusal_without_traceback(tmp_path, capsys):
    target = tmp_path / "tkops.xlsm"
    target.write_bytes(b"data")
    assert main(str(target)) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "Traceback" not in err
    assert target.read_bytes() == b"data"


# --- the batch backend and tkops.xlsm ---------------------------------------------------------------------------

def test_the_import_command_edits_the_macro_workbook_and_keeps_its_macros_and_buttons(xlsm, tmp_path, capsys):
    """The batch backend edits tkops.xlsm itself: the VBA project, the buttons and every sheet it does not change
    stay byte for byte (docs/ooxml.md)."""
    from tkops.cli import main as cli_main

    target = tmp_path / "tkops.xlsm"
    shutil.copy2(xlsm, target)
    with zipfile.ZipFile(target) as z:
        before = {n: z.read(n) for n in z.namelist()}
    assert cli_main(["import", str(EXPORTS_SAMPLE), "--book", str(target)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    with zipfile.ZipFile(target) as z:
        after = {n: z.read(n) for n in z.namelist()}
    assert set(after) == set(before)
    kept = [n for n in before if n.startswith(("xl/vbaProject", "xl/drawings/", "xl/ctrlProps/", "docProps/"))]
    assert kept and all(after[n] == before[n] for n in kept)
    changed = sorted(n for n in before if after[n] != before[n])
    assert "xl/vbaProject.bin" not in changed and set(changed) <= {
        "[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml"} | {
        n for n in before if n.startswith(("xl/worksheets/sheet", "xl/tables/"))}
    assert FileBook(target).read_rows("Orders")[1][0]  # the imported lines are there
