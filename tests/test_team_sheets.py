"""A team sheet's rows, or its default rows written first (tkops/jobs/team_sheets.py), on real workbooks read back
with openpyxl: a missing or header-only sheet gets the defaults a new workbook has, a sheet with the team's rows is
neither changed nor written."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from tkops.book import FileBook, layout
from tkops.jobs.new_book import default_rows
from tkops.jobs.team_sheets import missing, no_rows, no_values, rows_or_defaults

#: The sheets the jobs read this way.
TEAM_SHEETS = [layout.RULES, layout.SLA, layout.REASONS, layout.RESOLUTIONS, layout.CAUSE_ACTIONS,
               layout.FOLLOWUP_DAYS, layout.CASE_KEYWORDS]


class RecordingBook(FileBook):
    """A workbook file that remembers the sheets written to it."""

    def __init__(self, path) -> None:
        super().__init__(path)
        self.written: list[str] = []

    def write_table(self, spec, frame: pd.DataFrame) -> None:
        self.written.append(spec.name)
        super().write_table(spec, frame)


def workbook(path, sheets: dict[str, list[list]]):
    """An .xlsx holding ``sheets`` (name -> rows, header first) and a Notes sheet, as a team might have it."""
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    wb.active.append(["kept"])
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def rows_of(path, sheet: str) -> list[list]:
    """The sheet's rows as openpyxl reads them, blanks as ""."""
    return [["" if v is None else v for v in row] for row in openpyxl.load_workbook(path)[sheet].iter_rows(
        values_only=True)]


def as_text(rows: list[list]) -> list[list[str]]:
    return [["" if v is None else str(v) for v in row] for row in rows]


@pytest.mark.parametrize("spec", TEAM_SHEETS, ids=lambda s: s.name)
def test_a_missing_sheet_gets_its_default_rows_written_and_none_is_returned(tmp_path, spec):
    path = workbook(tmp_path / "book.xlsx", {})
    book = RecordingBook(path)
    assert rows_or_defaults(book, spec) is None
    assert book.written == [spec.name]
    book.save()
    assert as_text(rows_of(path, spec.name)) == as_text(default_rows(spec.name))
    assert rows_of(path, "Notes") == [["kept"]]


@pytest.mark.parametrize("spec", TEAM_SHEETS, ids=lambda s: s.name)
def test_a_header_only_sheet_gets_its_default_rows_written(tmp_path, spec):
    path = workbook(tmp_path / "book.xlsx", {spec.name: [spec.headers]})
    book = RecordingBook(path)
    assert rows_or_defaults(book, spec) is None
    assert book.written == [spec.name]
    book.save()
    assert as_text(rows_of(path, spec.name)) == as_text(default_rows(spec.name))


@pytest.mark.parametrize("empty", [no_rows, no_values, missing])
def test_a_sheet_with_the_teams_rows_is_returned_as_it_is_and_not_written(tmp_path, empty):
    team = [layout.CAUSE_ACTIONS.headers, ["damaged", "Bubble-wrap fragile items"] + [None] * (
        len(layout.CAUSE_ACTIONS.headers) - 2)]
    path = workbook(tmp_path / "book.xlsx", {layout.CAUSE_ACTIONS.name: team})
    before = rows_of(path, layout.CAUSE_ACTIONS.name)
    book = RecordingBook(path)
    rows = rows_or_defaults(book, layout.CAUSE_ACTIONS, empty)
    assert rows == book.read_rows(layout.CAUSE_ACTIONS.name)
    assert as_text(rows)[1][:2] == ["damaged", "Bubble-wrap fragile items"]
    assert book.written == []
    book.save()
    assert rows_of(path, layout.CAUSE_ACTIONS.name) == before


def test_a_header_only_holidays_sheet_is_the_teams_no_holidays_and_a_missing_one_is_written(tmp_path):
    kept = workbook(tmp_path / "kept.xlsx", {layout.HOLIDAYS.name: [layout.HOLIDAYS.headers]})
    book = RecordingBook(kept)
    assert rows_or_defaults(book, layout.HOLIDAYS, missing) == [layout.HOLIDAYS.headers]
    assert book.written == []
    book = RecordingBook(workbook(tmp_path / "new.xlsx", {}))
    assert rows_or_defaults(book, layout.HOLIDAYS, missing) is None
    assert book.written == [layout.HOLIDAYS.name]
    book.save()
    assert as_text(rows_of(book.path, layout.HOLIDAYS.name)) == as_text(default_rows(layout.HOLIDAYS.name))


def test_what_counts_as_no_rows():
    header = ["Market", "Setting", "Value"]
    for empty in (no_rows, no_values, missing):
        assert empty(None)
    assert no_rows([]) and no_rows([header]) and not no_rows([header, [None, None, ""]])
    assert no_values([]) and no_values([header]) and no_values([header, [None, None, ""]])
    assert not no_values([header, [None, "Ship Days", None]])
    assert not missing([]) and not missing([header])
