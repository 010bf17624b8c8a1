"""Every file of the hostile corpus (tests/data/hostile, written by tools/make_hostile.py) through every command that
reads it: the exit code its truth file gives; a refusal names the file (and the row and column where there is one)
in English and Chinese; never a traceback; a refused command leaves the workbook byte for byte as it was.

The files a broken guard would let crash the process (XFD1048576, zip and ODS bombs) run as real subprocesses with
an address-space limit; the rest run in-process through ``tkops.cli.main``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tkops.cli import main

from conftest import DATA, EXPORTS

HOSTILE = DATA / "hostile"
CASES = sorted(HOSTILE.glob("*.expected.json"))
RUNS = [(case, command) for case in CASES for command in json.loads(case.read_text("utf-8"))["commands"]]


def _id(run) -> str:
    case, command = run
    return f"{case.name.removesuffix('.expected.json')}-{command}"


@pytest.fixture(scope="module")
def base_book(tmp_path_factory) -> Path:
    """A workbook with the US sample's 14 lines (the book every hostile file is given to)."""
    book = tmp_path_factory.mktemp("base") / "ops.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"]) == 0
    return book


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _book(base: Path, folder: Path, settings: dict[str, str]) -> Path:
    book = folder / "ops.xlsx"
    shutil.copy(base, book)
    if settings:
        workbook = openpyxl.load_workbook(book)
        sheet = workbook["Settings"]
        for name, value in settings.items():
            row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == name)
            row[1].value = value
        workbook.save(book)
    return book


def _argv(command: str, file: Path, book: Path, folder: Path) -> list[str]:
    if command == "import":
        return ["import", str(file), "--book", str(book), "--market", "US"]
    if command == "cases":
        return ["cases", "--book", str(book), "--returns", str(file), "--market", "US", "--now", "2026-11-26T10:00"]
    if command == "ship":
        return ["ship", "--book", str(book), "--tracking", str(file), "--out", str(folder / "upload.xlsx")]
    return ["month-end", "--month", "2026-11", "--orders", str(file), "--out", str(folder / "report"), "--market",
            "US", "--now", "2026-11-30T12:00"]


def _run(argv: list[str], in_subprocess: bool, capsys) -> tuple[int, str]:
    if in_subprocess:
        limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30)); "
        proc = subprocess.run([sys.executable, "-c", limit + "import sys; from tkops.cli import main; "
                               "sys.exit(main(sys.argv[1:]))", *argv], capture_output=True, text=True, timeout=300)
        return proc.returncode, proc.stdout + proc.stderr
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out + out.err


def _orders(book: Path) -> list[list]:
    return CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Orders").to_python()


@pytest.mark.parametrize("run", RUNS, ids=_id)
def test_hostile_file(run, base_book, tmp_path, capsys):
    case, command = run
    truth = json.loads(case.read_text("utf-8"))
    expect = truth["commands"][command]
    file = case.with_name(case.name.removesuffix(".expected.json"))
    book = _book(base_book, tmp_path, truth.get("settings", {}))
    before_sha, before_lines = _sha(book), len(_orders(book))
    in_subprocess = bool(truth.get("subprocess"))
    code, text = _run(_argv(command, file, book, tmp_path), in_subprocess, capsys)
    assert "Traceback" not in text and "panicked" not in text, text
    assert code == expect["exit"], text
    for words in expect.get("says", []):
        assert words in text, (words, text)
    if code != 0:
        assert file.name in text, text
        if "row" in expect:
            assert f"row {expect['row']}" in text, text
        if "column" in expect:
            assert f"\"{expect['column']}\"" in text, text
        assert _sha(book) == before_sha, "a refused command changed the workbook"
        if command == "import" and not in_subprocess:  # the same refusal in Chinese names the same file and row
            code_zh, text_zh = _run(_argv(command, file, book, tmp_path) + ["--lang", "zh"], False, capsys)
            assert code_zh == code and file.name in text_zh and "Traceback" not in text_zh, text_zh
            if "row" in expect:
                assert f"第 {expect['row']} 行" in text_zh, text_zh
            assert _sha(book) == before_sha
        return
    if "lines" in expect:
        assert len(_orders(book)) - before_lines == expect["lines"], text
    if "text" in expect:
        _assert_text_cells(book, expect["text"])


def _assert_text_cells(book: Path, cells: dict[str, str]) -> None:
    """Buyer text that looks like a formula is stored as a text cell, as written."""
    sheet = openpyxl.load_workbook(book)["Orders"]
    header = [c.value for c in sheet[1]]
    for name, value in cells.items():
        column = header.index(name) + 1
        found = [c for c in sheet.iter_cols(min_col=column, max_col=column, min_row=2).__next__() if c.value == value]
        assert found, f"{name} {value!r} not on Orders"
        assert all(c.data_type == "s" for c in found), f"{name} {value!r} stored as {found[0].data_type}"


def test_the_corpus_covers_what_the_integrity_checks_promise():
    names = {c.name.removesuffix(".expected.json") for c in CASES}
    promised = {"truncated.xlsx", "damaged_zip.xlsx", "xfd1048576.xlsx", "zip_bomb.xlsx", "latin1.csv",
                "mangled_ids.csv", "formula_buyer_text.csv", "duplicate_header.csv", "erp_follow_on_rows.csv",
                "quantity_zero.csv", "conflicting_lines.csv", "date_far_future.csv", "pdf_renamed.csv", "empty.csv",
                "returns_given_as_orders.csv", "ods_bomb.ods", "order_id_formula.csv", "order_id_path.csv"}
    assert promised <= names
    assert sum(p.stat().st_size for p in HOSTILE.iterdir()) < 1_000_000, "the corpus must stay small on disk"
    for case in CASES:
        truth = json.loads(case.read_text("utf-8"))
        assert truth["description"] and truth["commands"], case.name
        assert case.with_name(case.name.removesuffix(".expected.json")).exists(), case.name
