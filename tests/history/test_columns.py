"""Sheet values -> typed Arrow columns of the history store, and back: what a person typed never fails to store, and
every column keeps one type whatever its cells hold (blanks, text in a number column, mixed time formats)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa

from tkops.history.columns import as_objects, column_array, sheet_table, to_sheet_values


def test_known_columns_get_their_kinds_type_even_when_blank():
    assert column_array("Order ID", [None, "  ", np.nan]).type == pa.string()
    assert column_array("Order ID", [None, None]).null_count == 2
    assert column_array("Quantity", [None, None]).type == pa.int64()
    assert column_array("Order Amount", [None, np.nan]).type == pa.float64()
    assert column_array("Order Amount", [None, np.nan]).null_count == 2  # blanks, not NaN
    assert column_array("Created Time", [None, None]).type == pa.timestamp("us")


def test_numbers_text_and_blanks_in_a_number_column():
    qty = column_array("Quantity", [1, None, "2", "x", 2.6])
    assert qty.type == pa.int64() and qty.to_pylist() == [1, None, 2, None, 3]
    money = column_array("Order Amount", ["12.50", 3, "", "n/a"])
    assert money.type == pa.float64() and money.to_pylist() == [12.5, 3.0, None, None]


def test_times_in_any_format_a_sheet_holds():
    got = column_array("Created Time", ["2026-11-01 10:00:00", "11/02/2026 9:00:00 AM", dt.datetime(2026, 11, 3, 8),
                                        "garbage", None])
    assert got.type == pa.timestamp("us")
    assert got.to_pylist() == [dt.datetime(2026, 11, 1, 10), dt.datetime(2026, 11, 2, 9), dt.datetime(2026, 11, 3, 8),
                               None, None]


def test_ids_and_text_are_what_a_person_sees():
    assert column_array("Order ID", [577000000000000001, " 12 ", 3.0, None]).to_pylist() == \
        ["577000000000000001", "12", "3", None]


def test_the_teams_own_columns_are_stored_as_they_were():
    assert column_array("Gift Wrap Cost", ["  ", 1.5, None, 2]).type == pa.float64()
    assert column_array("Gift Wrap Cost", ["  ", 1.5, None, 2]).to_pylist() == [None, 1.5, None, 2.0]
    assert column_array("Called At", [np.nan, dt.datetime(2026, 11, 1), None]).type == pa.timestamp("us")
    assert column_array("Note", [1, "x", None]).to_pylist() == ["1", "x", None]  # a mix is text
    assert column_array("Flag", [True, False]).type == pa.string()  # yes/no is text, not a number
    assert column_array("Empty", [None, "  "]).type == pa.string()


def test_sheet_table_puts_its_extra_text_columns_first_even_for_no_rows():
    table = sheet_table(pd.DataFrame({"Order ID": pd.Series([], dtype=object)}), {"tkops Line Key": []})
    assert table.column_names == ["tkops Line Key", "Order ID"]
    assert table.schema.field("tkops Line Key").type == pa.string()
    table = sheet_table(pd.DataFrame({"Quantity": [1, 2]}), {"k": ["a|1|0", "b|1|0"]})
    assert table.column("k").to_pylist() == ["a|1|0", "b|1|0"] and table.schema.field("Quantity").type == pa.int64()


def test_to_sheet_values_gives_blanks_as_none():
    frame = pd.DataFrame({"a": pd.array([1, None], dtype="Int64"), "b": [np.nan, 2.5],
                          "c": pd.to_datetime(["2026-11-01", None]), "d": ["x", None]})
    out = to_sheet_values(frame)
    assert out.iloc[1].tolist() == [None, 2.5, None, None]
    assert out.iloc[0].tolist() == [1, None, pd.Timestamp("2026-11-01"), "x"]
    assert all(dtype == object for dtype in out.dtypes)


def test_as_objects_gives_none_for_every_kind_of_blank_and_keeps_a_clean_column():
    clean = pd.Series(["a", None, "b"], dtype=object)
    assert as_objects(clean) is clean  # the store's text: nothing to change, nothing copied
    for blank in (np.nan, pd.NA, pd.NaT):
        mixed = pd.Series([blank, "a", None], dtype=object)
        out = as_objects(mixed)
        assert out.tolist() == [None, "a", None] and out.dtype == object and out is not mixed
    numbers = as_objects(pd.Series([1.5, np.nan]))
    assert numbers.tolist() == [1.5, None] and numbers.dtype == object
