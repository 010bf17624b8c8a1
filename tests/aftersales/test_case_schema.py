"""The after-sales case table: columns defined once, platform vs team, buyer text, the upsert key, the messages."""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest

from tkops import messages, schema as orders_schema
from tkops.sources import returns_catalogue
from tkops import case_schema as C
from tkops.jobs.new_book import starting_frame
from tkops.schema import Column, Kind


def test_columns_use_the_order_tables_types_and_are_defined_once():
    assert all(isinstance(c, Column) and isinstance(c.kind, Kind) for c in C.CASE_SHEET_COLUMNS)
    keys = [c.key for c in C.CASE_SHEET_COLUMNS]
    names = [c.name for c in C.CASE_SHEET_COLUMNS]
    assert len(set(keys)) == len(keys) and len(set(names)) == len(names)
    assert len({orders_schema.header_key(n) for n in names}) == len(names)  # distinct even when folded
    assert C.CASE_HEADER_TO_KEY[orders_schema.header_key(" case  id ")] == "case_id"


def test_the_issues_case_log_columns_are_all_there():
    wanted = {"Case ID", "Order ID", "SKU ID", "Seller SKU", "Product Name", "Buyer Username", "Country",
              "Buyer Language", "Case Type", "Reason", "Reason Key", "Cause", "Seller Fault", "Amount", "Currency",
              "Quantity", "Return Type", "Return Status", "Opened", "Due", "Closed", "Return Tracking ID",
              "Buyer Note", "Source", "Suggested Resolution", "Resolution Taken", "Cost", "Status", "Reply Text",
              "Owner", "Team Note"}
    assert wanted <= set(C.CASE_BY_NAME)
    assert [c.name for c in C.CASE_SHEET_COLUMNS[:2]] == ["Case ID", "Order ID"]


def test_platform_and_team_columns_are_disjoint_and_team_is_never_imported():
    assert not set(C.CASE_PLATFORM_KEYS) & set(C.CASE_TEAM_KEYS)
    assert {"resolution_taken", "cost", "status", "reply_text", "owner", "team_note"} <= set(C.CASE_TEAM_KEYS)
    # The suggestion is tkops' (rewritten each run from the Resolutions sheet); the team's decision is its own.
    suggestion = {c.key for c in C.CASE_SUGGESTION_COLUMNS}
    assert {"suggested_resolution", "est_cost", "due_state"} <= suggestion
    assert not suggestion & (set(C.CASE_TEAM_KEYS) | set(C.CASE_PLATFORM_KEYS))
    from tkops.sources.returns_export import EXPORT_HEADERS
    assert not set(EXPORT_HEADERS.values()) & set(C.CASE_TEAM_KEYS)
    assert set(C.DERIVED_KEYS) <= set(C.CASE_PLATFORM_KEYS)
    assert not set(C.DERIVED_KEYS) & set(EXPORT_HEADERS.values())


def test_kinds_of_ids_money_dates_and_buyer_text():
    kinds = {c.key: c.kind for c in C.CASE_SHEET_COLUMNS}
    assert {k for k, v in kinds.items() if v is Kind.ID} == {"case_id", "order_id", "sku_id", "return_tracking_id"}
    assert {k for k, v in kinds.items() if v is Kind.DATETIME} == {"opened", "due", "closed"}
    assert {"amount", "cost", "est_cost", "order_amount", "compensation_amount"} == {
        k for k, v in kinds.items() if v is Kind.MONEY}
    assert {"buyer_note", "buyer_username", "reply_text", "country"} == set(C.CASE_BUYER_TEXT_KEYS)
    assert all(kinds[k] is Kind.TEXT for k in C.CASE_BUYER_TEXT_KEYS)  # text cells: never a formula
    assert C.CASE_ID_KEYS == ("case_id", "order_id", "sku_id", "return_tracking_id")


def test_empty_cases_are_typed_like_the_order_table():
    empty = C.empty_cases()
    assert list(empty.columns) == list(C.CASE_PLATFORM_KEYS)
    assert empty["amount"].dtype == "Float64" and empty["quantity"].dtype == "Int64"
    assert empty["opened"].dtype == "datetime64[ns]" and empty["case_id"].dtype == object


def test_ordered_keeps_sheet_order_and_drops_strangers():
    frame = pd.DataFrame({"team_note": ["n"], "stranger": [1], "order_id": ["5"], "case_id": ["4"]}, index=[7])
    out = C.ordered(frame)
    assert list(out.columns) == ["case_id", "order_id", "team_note"] and out.index.tolist() == [0]


def cases(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["case_id", "sku_id", "seller_sku"])


def test_case_keys_one_return_of_two_skus_is_two_rows():
    keys = C.case_keys(cases(("4035", "11", "TEE"), ("4035", "12", "CAP"), ("4035", "11", "TEE")))
    assert keys.tolist() == ["4035|11|0", "4035|12|0", "4035|11|1"]


def test_case_keys_fall_back_to_seller_sku_and_ignore_the_skus_of_a_cancellation():
    keys = C.case_keys(cases(("4036", None, "MUG"), ("C-577", "11, 12", "TEE, CAP"), ("T-1", None, None)))
    assert keys.tolist() == ["4036|sku:MUG|0", "C-577||0", "T-1||0"]
    later = C.case_keys(cases(("C-577", "11", "TEE")))  # the order lost a line: still the same case
    assert later.tolist() == ["C-577||0"]


def test_case_keys_of_nothing():
    assert C.case_keys(cases()).empty


def test_cancellation_case_ids():
    assert C.cancellation_case_id(pd.Series(["577123456789012345"])).tolist() == ["C-577123456789012345"]
    assert C.CANCEL_PREFIX == "C-" and C.CANCEL_TYPE == "Cancel"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(returns_catalogue.CATALOGUE))
def test_every_returns_sentence_names_the_file(code):
    # en/zh and their placeholders: tests/test_catalogues.py checks every catalogue
    entry = returns_catalogue.CATALOGUE[code]
    assert "file" in fields(entry["en"])
    assert code.startswith("returns.") and code not in messages.CATALOGUE


def test_catalogue_renders_through_tkops_messages_once_registered(monkeypatch):
    module = "tkops.sources.returns_catalogue"
    if module not in messages._SECTION_CATALOGUES:
        monkeypatch.setattr(messages, "_SECTION_CATALOGUES", messages._SECTION_CATALOGUES + (module,))
    text = messages.render("returns.missing_column", "zh", file="a.csv", column="Return Order ID", headers="X")
    assert text.startswith("a.csv") and not re.search(r"[{}]", text)


def test_the_after_sales_sheets_have_the_tables_headers():
    """The workbook layout spells the Reasons and CaseKeywords headers itself (no import cycle): keep them equal."""
    from tkops.aftersales.classify import CASE_KEYWORDS_SHEET_HEADERS
    from tkops.aftersales.reasons import REASONS_SHEET_HEADERS, reasons_sheet_rows
    from tkops.book import layout

    assert layout.REASONS.headers == REASONS_SHEET_HEADERS
    assert layout.CASE_KEYWORDS.headers == CASE_KEYWORDS_SHEET_HEADERS
    from tkops.aftersales.resolutions_table import RESOLUTIONS_SHEET_HEADERS
    assert layout.RESOLUTIONS.headers == RESOLUTIONS_SHEET_HEADERS
    labels = set(layout.CASE_LABEL_COLUMNS.values())  # each beside its code column, for people to read
    assert [h for h in layout.AFTERSALES.headers[:-1] if h not in labels] == [c.name for c in C.CASE_SHEET_COLUMNS]
    for code, label in layout.CASE_LABEL_COLUMNS.items():
        assert layout.AFTERSALES.headers.index(label) == layout.AFTERSALES.headers.index(code) + 1
    assert reasons_sheet_rows()[0] == starting_frame(layout.REASONS).columns.tolist()
    assert len(starting_frame(layout.REASONS)) > 50
