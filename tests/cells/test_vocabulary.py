"""The shared cell vocabulary: one meaning of yes/no, text and times, and every step reading a tick the same way."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from tkops.cells.text import mangled_id, scalar_text, text_column, text_or_none
from tkops.cells.times import as_datetime, datetime_column
from tkops.cells.yes_no import tick, ticks, yes_no
from tkops.clocks.evidence import prepare
from tkops.clocks.sla import SlaTable
from tkops.picking.lines import released
from tkops.settings import Settings
from tkops.shipping.tracking import validate_tracking
from tkops.slips.review_input import is_yes

#: The same tricky cells, and what each means as a tick.
TRICKY = [("-", False), ("none", False), ("off", False), ("✓", True), ("是", True), (1, True), (1.0, True),
          (True, True), ("", False), (None, False), (float("nan"), False), (0, False), (0.0, False), (False, False),
          ("No", False), (" NO ", False), ("否", False), ("未打包", False), ("×", False), ("N/A", False),
          ("Yes", True), (" y ", True), ("x", True), ("X", True), ("TRUE", True), ("✔", True), ("已打包", True),
          ("ＹＥＳ", True), ("2026-11-25 09:30", True), (dt.datetime(2026, 11, 25, 9, 30), True),
          (pd.Timestamp("2026-11-25"), True), ("maybe", False), ("JL", False), (np.int64(2), True),
          (np.float64("nan"), False)]


@pytest.mark.parametrize("value,meaning", TRICKY)
def test_a_tick_has_one_meaning(value, meaning):
    assert tick(value) is meaning
    assert bool(ticks(pd.Series([value], dtype=object), pd.RangeIndex(1)).iloc[0]) is meaning
    assert is_yes(value) is meaning  # the Review sheet's Agreed and the slips' Gift


def test_ticks_align_to_the_index_and_a_missing_column_is_all_false():
    idx = pd.Index([10, 11, 12])
    col = pd.Series(["yes", "no", "x"], index=[12, 11, 10], dtype=object)
    assert ticks(col, idx).tolist() == [True, False, True]
    assert ticks(None, idx).tolist() == [False] * 3


@pytest.mark.parametrize("value,meaning", [("Yes", True), ("on", True), ("开", True), ("1", True), (1, True),
                                           ("No", False), ("off", False), ("关", False), (0, False), ("0", False),
                                           ("maybe", None), (2, None), ("", None), (None, None)])
def test_a_setting_is_yes_no_or_not_understood(value, meaning):
    assert yes_no(value) is meaning


def test_a_setting_may_give_blank_and_its_own_words_a_meaning():
    assert yes_no("", blank=True) is True and yes_no(None, blank=False) is False
    assert yes_no("working", extra_no=("working",)) is False and yes_no("Working") is None
    assert yes_no("Feiertag", extra_yes=("feiertag",)) is True


@pytest.mark.parametrize("value,text", [(12.0, "12"), (12, "12"), ("  12 ", "12"), (1.5, "1.5"), (True, "TRUE"),
                                        (None, ""), (float("nan"), ""), (pd.NA, ""), (pd.NaT, ""), ("", ""),
                                        (dt.datetime(2026, 11, 25, 9, 30), "2026-11-25 09:30:00"),
                                        (dt.date(2026, 11, 25), "2026-11-25"), (np.float64(7.0), "7"),
                                        (np.int64(7), "7"), (2.0**53, repr(2.0**53)), ("=1+1", "=1+1")])
def test_a_cell_as_the_text_a_person_sees(value, text):
    assert scalar_text(value) == text
    assert text_or_none(value) == (text or None)


def test_text_column_keeps_text_and_aligns():
    col = pd.Series([" a ", 3.0, None, "b"], index=[3, 2, 1, 0], dtype=object)
    assert text_column(col, pd.Index([0, 1, 2, 3])).tolist() == ["b", "", "3", "a"]
    assert text_column(None, pd.Index([0, 1])).tolist() == ["", ""]


@pytest.mark.parametrize("value,damaged", [(5.77e17, True), ("5.77E+17", True), ("577123456789012345.0", True),
                                           (1.5, True), ("577123456789012345", False), (12.0, False), (12, False),
                                           (None, False), (True, False), ("abc", False)])
def test_an_id_rounded_by_excel_is_seen(value, damaged):
    assert mangled_id(value) is damaged


@pytest.mark.parametrize("value,expected", [
    (dt.datetime(2026, 11, 25, 9, 30), dt.datetime(2026, 11, 25, 9, 30)),
    (dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.timezone.utc), dt.datetime(2026, 11, 25, 9, 30)),
    (dt.date(2026, 11, 25), dt.datetime(2026, 11, 25)),
    (46351.5, dt.datetime(2026, 11, 25, 12, 0)),  # an Excel serial number
    ("2026-11-25T09:30", dt.datetime(2026, 11, 25, 9, 30)),
    ("11/25/2026 9:30 AM", dt.datetime(2026, 11, 25, 9, 30)),
    (12, None), ("soon", None), ("", None), (None, None), (True, None)])
def test_a_time_cell_reads_one_way(value, expected):
    assert as_datetime(value) == expected


def test_a_day_first_market_reads_day_first_and_columns_give_nat_for_junk():
    assert as_datetime("03/04/2026", dayfirst=True) == dt.datetime(2026, 4, 3)
    col = pd.Series(["2026-11-25 09:30", "junk", None, 46351.5], dtype=object)
    out = datetime_column(col, col.index)
    assert str(out.dtype) == "datetime64[ns]"
    assert out.isna().tolist() == [False, True, True, False]


@pytest.mark.parametrize("value,meaning", TRICKY)
def test_every_step_reads_the_same_tick_the_same_way(value, meaning):
    """Picked and Packed holding the same cell: the pick list, the clocks and the ship checks agree with tick()."""
    order = "577123456789012345"
    lines = pd.DataFrame({
        "order_id": [order], "sku_id": ["1729382938492834921"], "seller_sku": ["SKU-1"], "quantity": [1],
        "order_status": ["Awaiting Shipment"], "tracking_id": [None], "shipping_provider": ["USPS"],
        "country": ["United States"], "paid_time": [pd.Timestamp("2026-11-25 09:00")],
        "created_time": [pd.Timestamp("2026-11-25 08:59")],
        "review_status": ["Ready"], "picked": pd.Series([value], dtype=object),
        "Packed": pd.Series([value], dtype=object)}, index=[0])
    assert released(lines).empty is meaning  # a picked line is not released again
    team = pd.DataFrame({"Picked": pd.Series([value], dtype=object), "Packed": pd.Series([value], dtype=object)})
    evidence = prepare(lines, team, SlaTable(), Settings(market="US"))
    assert bool(evidence["packed"].iloc[0]) is meaning and bool(evidence["picked"].iloc[0]) is meaning
    missing = validate_tracking(lines)
    assert ("tracking.missing" in set(missing["code"])) is meaning  # a packed line needs its tracking number
