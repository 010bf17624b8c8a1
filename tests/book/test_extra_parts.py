"""A book holding every kind of part a team's workbook may carry goes through ``tkops import`` and ``tkops review``:
nothing is dropped, every part the run did not need to change is byte for byte what it was, only the changed sheets,
their tables, styles and workbook.xml are rewritten, and the values read back right with openpyxl, calamine and
LibreOffice (docs/ooxml.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.book.extra_parts import add_extra_parts, base_book
from tests.book.helpers import (
    calamine_rows, changed, libreoffice_csv, needs_libreoffice, openpyxl_rows, parts, sheet_part,
)
from tkops.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "exports" / "us_2025.csv"
NOW = "2026-11-25T11:30"


@pytest.fixture(scope="module")
def team_book(tmp_path_factory) -> tuple[Path, list[str]]:
    path = base_book(tmp_path_factory.mktemp("team") / "team.xlsx")
    return path, add_extra_parts(path)


@pytest.fixture(scope="module")
def after_a_day(team_book, tmp_path_factory) -> tuple[Path, dict, dict, list[str], dict]:
    original, extra = team_book
    book = tmp_path_factory.mktemp("day") / "team.xlsx"
    shutil.copy2(original, book)
    before = parts(book)
    assert main(["import", str(SAMPLE), "--book", str(book), "--market", "US"]) == 0
    imported = parts(book)
    assert main(["review", "--book", str(book), "--now", NOW]) == 0
    return book, before, parts(book), extra, imported


def test_no_part_is_dropped_and_every_extra_part_is_byte_identical(after_a_day):
    book, before, after, extra, _imported = after_a_day
    assert not [n for n in changed(before, after) if n.startswith("-")]
    assert len(extra) >= 25
    for name in extra:
        assert after[name] == before[name], name
    for name in before:
        if name.startswith(("xl/charts/", "xl/drawings/", "xl/media/", "xl/comments", "xl/pivot", "xl/slicer",
                            "xl/threadedComments/", "xl/persons/", "xl/richData/", "xl/activeX/", "xl/embeddings/",
                            "xl/externalLinks/", "customXml/", "customUI/", "docProps/", "xl/theme/",
                            "xl/sharedStrings.xml", "xl/metadata.xml")):
            assert after[name] == before[name], name


def test_an_import_and_a_review_rewrite_only_the_sheets_they_change(after_a_day):
    """The parts a typical day rewrites: the import, the Orders sheet and its table (it grew), the ImportLog sheet,
    the hidden tkops Base sheet and its table (what was imported, for the next three-way merge), the StockLog sheet
    and its table (the stock ledger's first movements: the typed On Hand as the opening count) and, as the import
    was given --market on a book whose Market was blank, the Settings sheet (the market kept); the review, the
    Orders and Review sheets, the Review table (it grew) and styles.xml (the legend's colours are new cell formats).
    workbook.xml, [Content_Types].xml and every other part stay as they were."""
    book, before, after, _extra, imported = after_a_day
    sheets = {name: sheet_part(book, name) for name in ("Orders", "Review", "ImportLog", "tkops Base", "Settings",
                                                        "StockLog")}
    tables = {name: _table_of(after, part) for name, part in sheets.items() if name != "Settings"}
    assert changed(before, imported) == {sheets["Orders"], tables["Orders"], sheets["ImportLog"],
                                         sheets["tkops Base"], tables["tkops Base"], sheets["Settings"],
                                         sheets["StockLog"], tables["StockLog"]}
    assert changed(imported, after) == {sheets["Orders"], sheets["Review"], tables["Review"], "xl/styles.xml"}


def _table_of(package: dict, sheet: str) -> str:
    rels = package[sheet.replace("worksheets/", "worksheets/_rels/") + ".rels"].decode()
    target = rels.split("relationships/table", 1)[1].split('Target="', 1)[1].split('"', 1)[0]
    return "xl/" + target.replace("../", "")


def test_the_values_read_back_right_with_openpyxl_and_calamine(after_a_day):
    book, _before, _after, _extra, _imported = after_a_day
    with_openpyxl = openpyxl_rows(book, "Orders")
    with_calamine = calamine_rows(book, "Orders")
    header = list(with_openpyxl[0])
    ids = [r[header.index("Order ID")] for r in with_openpyxl[1:]]
    assert len(ids) == 14 and all(isinstance(i, str) and len(i) == 18 for i in ids)
    assert [r[header.index("Order ID")] for r in with_calamine[1:]] == ids
    status = [r[header.index("Review Status")] for r in with_openpyxl[1:]]
    assert "Hold" in set(status) <= {"Hold", "Ready", None}  # no Inventory in this book: stock.unchecked holds
    assert status == [r[header.index("Review Status")] or None for r in with_calamine[1:]]
    team = openpyxl_rows(book, "Team")
    assert [r[:2] for r in team[:4]] == [("SKU", "Sold"), ("A-1", 5), ("B-2", 9), ("C-3", 2)]


@needs_libreoffice
def test_libreoffice_opens_and_converts_the_book(after_a_day, tmp_path):
    book, _before, _after, _extra, _imported = after_a_day
    sheets = libreoffice_csv(book, tmp_path / "lo")
    orders = sheets["Orders"]
    header = orders[0]
    ids = [r[header.index("Order ID")] for r in orders[1:] if r and r[0]]
    assert ids == [r[header.index("Order ID")] for r in openpyxl_rows(book, "Orders")[1:]]
    assert sheets["Team"][1][:2] == ["A-1", "5"]


def test_the_macro_workbook_keeps_its_vba_buttons_and_untouched_sheets(tmp_path):
    from tkops.xlsm import build_workbook

    book = build_workbook(tmp_path / "tkops.xlsm")
    before = parts(book)
    assert main(["import", str(SAMPLE), "--book", str(book), "--market", "US"]) == 0
    assert main(["review", "--book", str(book), "--now", NOW]) == 0
    after = parts(book)
    assert set(after) == set(before)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert all(after[n] == before[n] for n in before if n.startswith(("xl/drawings/", "xl/ctrlProps/", "docProps/")))
    home = sheet_part(book, "Home")
    assert after[home] == before[home]
    ids = [r[0] for r in openpyxl_rows(book, "Orders")[1:]]
    assert len(ids) == 14 and [r[0] for r in calamine_rows(book, "Orders")[1:]] == ids
    if shutil.which("soffice"):
        orders = libreoffice_csv(book, tmp_path / "lo")["Orders"]
        assert [r[0] for r in orders[1:] if r and r[0]] == ids
