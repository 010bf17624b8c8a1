"""Every command, each classic mistake a team makes: a --book in a folder that does not exist, a workbook that does
not exist, the Orders sheet renamed or deleted, a file of the wrong kind (a PDF), stdout closed or a pipe that goes
away (``tkops picklist ... | head``), the workbook open in Excel. Each gives its exit code and a message in English
and Chinese, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tkops.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
EXPORT = ROOT / "tests" / "data" / "exports" / "us_2025.csv"
STOCK = ROOT / "tests" / "data" / "stock" / "mabang_stock.csv"
CASE = "4035118812903456781"
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def command_args(name: str, book: Path, tmp: Path) -> list[str]:
    """A correct call of command ``name`` on ``book`` (the mistakes are made to it)."""
    out = str(tmp / "out")
    scans = tmp / "scans.txt"
    scans.write_text("577000000000000001\n", encoding="utf-8")
    return {
        "pack": ["pack", "--book", str(book), "--scans", str(scans), "--packer", "Mei"],
        "import": ["import", str(EXPORT), "--book", str(book)],
        "stock": ["stock", str(STOCK), "--book", str(book)],
        "review": ["review", "--book", str(book), "--now", "2026-11-25T11:30"],
        "picklist": ["picklist", "--book", str(book), "--out", out],
        "slips": ["slips", "--book", str(book), "--out", out],
        "ship": ["ship", "--book", str(book), "--out", str(tmp / "upload.xlsx")],
        "clocks": ["clocks", "--book", str(book)],
        "cases": ["cases", "--book", str(book)],
        "replies": ["replies", "--book", str(book)],
        "followup": ["followup", "--book", str(book)],
        "summary": ["summary", "--book", str(book), "--out", out],
        "evidence": ["evidence", CASE, "--book", str(book), "--out", out],
        "month-end": ["month-end", "--month", "2026-11", "--orders", str(EXPORT), "--book", str(book), "--out", out],
        "connect": ["connect", "--book", str(book), "--code", "ROW_x"],
        "pull": ["pull", "--book", str(book)],
        "push-tracking": ["push-tracking", "--book", str(book)],
        "archive": ["archive", "--book", str(book), "--dry-run"],
        "history": ["history", "find", "576000000000000001", "--book", str(book)],
        "ledger": ["ledger", "--book", str(book)],
        "reorder": ["reorder", "--book", str(book), "--now", "2026-11-25T11:30"],
        "labels": ["labels", "--book", str(book), "--out", out],
        "push-stock": ["push-stock", "--book", str(book), "--dry-run"],
    }[name]


BOOK_COMMANDS = ["import", "stock", "review", "picklist", "slips", "ship", "clocks", "cases", "replies", "followup",
                 "summary", "evidence", "month-end", "connect", "pull", "push-tracking", "archive", "history", "pack",
                 "ledger", "reorder", "labels", "push-stock"]
CREATES = {"import", "stock", "pull"}  # may create the workbook; every other command needs it
NEEDS_ORDERS = {"review", "picklist", "slips", "ship", "clocks", "pack"}


def test_the_table_covers_every_command_with_a_book():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    with_book = {name for name, p in sub.choices.items() if any("--book" in a.option_strings for a in p._actions)}
    assert with_book == set(BOOK_COMMANDS)


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A small working book: orders imported and reviewed."""
    folder = tmp_path_factory.mktemp("base")
    book = folder / "ops.xlsx"
    assert main(["import", str(EXPORT), "--book", str(book)]) == 0
    assert main(["review", "--book", str(book)]) == 0
    return book


def run(args: list[str], capsys) -> tuple[int, str]:
    """Run in process: a traceback would escape main() and fail the test; returns (exit code, all output)."""
    code = main(args)
    out = capsys.readouterr()
    return code, out.out + out.err


def expect(capsys, args, code: int, *words: str) -> None:
    for lang, i in (("en", 0), ("zh", 1)):
        got, text = run(args + ["--lang", lang], capsys)
        assert got == code, (args, lang, text)
        assert "Traceback" not in text
        wanted = words[i] if len(words) > i else None
        if wanted:
            assert wanted in text, (args, lang, text)


@pytest.mark.parametrize("name", BOOK_COMMANDS)
def test_a_book_in_a_folder_that_does_not_exist(name, tmp_path, capsys):
    args = command_args(name, tmp_path / "no-such-folder" / "ops.xlsx", tmp_path)
    if name in CREATES:
        expect(capsys, args, 1, "does not exist", "不存在")
    else:
        expect(capsys, args, 2, "no such workbook", "工作簿不存在")
    assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.parametrize("name", sorted(set(BOOK_COMMANDS) - CREATES))
def test_a_workbook_that_does_not_exist_is_no_such_file(name, tmp_path, capsys):
    expect(capsys, command_args(name, tmp_path / "missing.xlsx", tmp_path), 2, "missing.xlsx: no such workbook",
           "missing.xlsx：工作簿不存在")
    assert not (tmp_path / "missing.xlsx").exists()


def _with_orders(base: Path, tmp: Path, how: str) -> Path:
    book = tmp / "ops.xlsx"
    shutil.copy(base, book)
    wb = openpyxl.load_workbook(book)
    if how == "renamed":
        wb["Orders"].title = "Bestellungen"
    else:
        del wb["Orders"]
    wb.save(book)
    return book


@pytest.mark.parametrize("how", ["renamed", "deleted"])
@pytest.mark.parametrize("name", sorted(NEEDS_ORDERS))
def test_the_orders_sheet_renamed_or_deleted(name, how, base, tmp_path, capsys):
    book = _with_orders(base, tmp_path, how)
    before = book.read_bytes()
    expect(capsys, command_args(name, book, tmp_path), 2, 'has no sheet named "Orders"', "没有名为“Orders”的工作表")
    assert book.read_bytes() == before


def test_importing_into_a_book_whose_orders_sheet_was_renamed(base, tmp_path, capsys):
    book = _with_orders(base, tmp_path, "renamed")
    before = book.read_bytes()
    expect(capsys, command_args("import", book, tmp_path), 2,
           'the table "Orders" is on the sheet "Bestellungen"', "表格“Orders”在工作表“Bestellungen”上")
    assert book.read_bytes() == before


@pytest.mark.parametrize("name", sorted(set(BOOK_COMMANDS) - NEEDS_ORDERS - {"import"}))
def test_other_commands_survive_a_deleted_orders_sheet(name, base, tmp_path, capsys):
    book = _with_orders(base, tmp_path, "deleted")
    for lang in ("en", "zh"):
        code, text = run(command_args(name, book, tmp_path) + ["--lang", lang], capsys)
        assert code in (0, 1, 2) and "Traceback" not in text
        if code:
            assert text.lstrip().startswith("Error:" if lang == "en" else "错误：") or (
                "Error:" in text or "错误：" in text)


@pytest.mark.parametrize("name, option", [("import", None), ("stock", None), ("cases", "--returns"),
                                          ("ship", "--tracking"), ("month-end", "--orders")])
def test_a_pdf_where_an_export_belongs(name, option, base, tmp_path, capsys):
    pdf = tmp_path / "export.pdf"
    pdf.write_bytes(PDF_BYTES)
    book = tmp_path / "ops.xlsx"
    shutil.copy(base, book)
    args = command_args(name, book, tmp_path)
    if option is None:
        args[1] = str(pdf)
    elif option in args:
        args[args.index(option) + 1] = str(pdf)
    else:
        args += [option, str(pdf)]
    expect(capsys, args, 2, "export.pdf is a PDF document", "export.pdf 是PDF 文档")


def test_a_pdf_given_as_the_book(tmp_path, capsys):
    book = tmp_path / "ops.pdf"
    book.write_bytes(PDF_BYTES)
    expect(capsys, ["review", "--book", str(book)], 2, "a workbook must be an .xlsx file", "ops.pdf")


@pytest.mark.parametrize("name", ["review", "picklist", "ship", "clocks", "import", "stock", "cases", "pack"])
def test_a_book_open_in_excel_is_left_alone(name, base, tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    shutil.copy(base, book)
    (tmp_path / "~$ops.xlsx").write_bytes(b"Excel owner file")
    before = book.read_bytes()
    expect(capsys, command_args(name, book, tmp_path), 2, "is open in Excel or another program", "正在被 Excel")
    assert book.read_bytes() == before


@pytest.mark.parametrize("name", ["slips", "evidence"])
def test_read_only_commands_read_a_book_open_in_excel(name, base, tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    shutil.copy(base, book)
    (tmp_path / "~$ops.xlsx").write_bytes(b"Excel owner file")
    code, text = run(command_args(name, book, tmp_path), capsys)
    assert "is open in Excel or another program; tkops read the version saved last" in text
    assert code in (0, 2) and "Traceback" not in text  # evidence: no such case in this book (exit 2), said so


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "-c", command], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("name", ["review", "picklist", "clocks", "import"])
def test_a_reader_that_goes_away_and_a_closed_stdout(name, base, tmp_path):
    book = tmp_path / "ops.xlsx"
    shutil.copy(base, book)
    args = " ".join(f"'{a}'" for a in command_args(name, book, tmp_path))
    tkops = f"'{sys.executable}' -m tkops"
    for reader in ("true", "head -c 1 >/dev/null"):  # gone before the output comes, or after its first byte
        piped = _shell(f"{tkops} {args} | {reader}", tmp_path)
        assert "Traceback" not in piped.stderr and "BrokenPipeError" not in piped.stderr, piped.stderr
    closed = _shell(f"{tkops} {args} >&-", tmp_path)
    assert closed.returncode == 0, closed.stderr
    assert "Traceback" not in closed.stderr
