"""A new workbook's default rows come from the jobs (tkops.jobs.new_book), handed to the file backend: with them the
settings and rule sheets are filled, without them every sheet starts with its headers only."""

from __future__ import annotations

import openpyxl
import pytest

from tkops.aftersales.reasons import reasons_sheet_rows
from tkops.book import FileBook, layout
from tkops.book.session import BookSession
from tkops.clocks.sla import sla_sheet_rows
from tkops.jobs.new_book import DEFAULTS, default_rows, starting_frame
from tkops.review.config import rules_sheet_rows
from tkops.settings import Settings, sheet_rows
from tkops.shipping.carriers import carriers_sheet_rows


def rows_of(path, sheet: str) -> list[list]:
    ws = openpyxl.load_workbook(path)[sheet]
    return [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]


def test_every_sheet_with_default_rows_is_a_standard_sheet_and_its_rows_fit_its_columns():
    standard = {s.name: s for s in layout.STANDARD_SHEETS}
    assert set(DEFAULTS) <= set(standard)
    for name in DEFAULTS:
        rows = default_rows(name, "zh")
        assert rows and set(rows[0]) <= set(standard[name].headers), name
        assert len(rows) > 1 or name == "Holidays", name  # the holidays come from each market's calendar


@pytest.mark.parametrize("spec, rows", [
    (layout.RULES, rules_sheet_rows()), (layout.SLA, sla_sheet_rows()), (layout.CARRIERS, carriers_sheet_rows()),
    (layout.REASONS, reasons_sheet_rows()),
])
def test_a_sheets_starting_frame_holds_the_cores_rows(spec, rows):
    frame = starting_frame(spec)
    assert list(frame.columns) == spec.headers
    assert len(frame) == len(rows) - 1
    assert frame.iloc[0][rows[0][0]] == rows[1][0]


def test_the_settings_sheet_starts_in_the_teams_language():
    assert default_rows("Settings", "zh") == sheet_rows(Settings(language="zh"))
    assert default_rows("Settings")[1][:2] == ["Language", "en"]  # English unless the team says otherwise
    language = {lang: starting_frame(layout.SETTINGS, *((lang,) if lang else ())).set_index("Setting")
                .loc["Language", "Value"] for lang in ("", "zh")}
    assert language == {"": "en", "zh": "zh"}
    assert default_rows("Settings", "zh") != default_rows("Settings", "en")
    assert default_rows("Orders") is None and default_rows("NoSuchSheet") is None


def test_a_sheet_without_default_rows_starts_with_its_headers():
    assert starting_frame(layout.SHIPLOG).empty
    assert list(starting_frame(layout.SHIPLOG).columns) == layout.SHIPLOG.headers
    orders = starting_frame(layout.ORDERS)  # a new Orders sheet gets the core columns
    assert orders.empty and "Order ID" in orders.columns


def test_a_new_workbook_is_filled_from_the_defaults_it_is_given(tmp_path):
    given, bare = tmp_path / "given.xlsx", tmp_path / "bare.xlsx"
    FileBook(given, Settings(language="zh"), defaults=default_rows).save()
    FileBook(bare).save()
    sla = rows_of(given, "SLA")
    assert len(sla) == len(sla_sheet_rows()) and sla[1][:2] == sla_sheet_rows()[1][:2]
    assert len(rows_of(given, "Rules")) == len(rules_sheet_rows())
    assert rows_of(given, "Settings")[1][0] == sheet_rows()[1][0]
    for name in DEFAULTS:
        assert len(rows_of(bare, name)) == 1, name  # headers only


def test_a_session_hands_its_defaults_to_the_books_it_opens(tmp_path):
    with BookSession(tmp_path / "book.xlsx", defaults=default_rows) as session:
        book = session.open(Settings())
        assert book.defaults is default_rows
        book.save()
    assert len(rows_of(tmp_path / "book.xlsx", "Carriers")) == len(carriers_sheet_rows())


def test_every_setting_is_described_in_both_languages_and_only_settings_are():
    from tkops.locale_files import catalogue
    from tkops.settings import SETTINGS_SPEC

    described = catalogue("settings")
    assert set(described) == {f"setting.{attr}" for _name, attr, _default in SETTINGS_SPEC}
    rows = {r[0]: r for r in sheet_rows()[1:]}
    for name, attr, default in SETTINGS_SPEC:
        assert rows[name][1] == getattr(Settings(), attr) == default
        assert rows[name][2:] == [described[f"setting.{attr}"]["en"], described[f"setting.{attr}"]["zh"]]
    assert "50,000,000" in rows["Max Sheet Cells"][2] and "50,000,000" in rows["Max Sheet Cells"][3]
