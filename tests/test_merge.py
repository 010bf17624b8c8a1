"""The upsert on small frames: keys, team columns, columns a file lacks, nothing deleted."""

from __future__ import annotations

import pandas as pd

from tkops import schema
from tkops.merge import merge_lines, sheet_frame


def lines(*rows):
    frame = pd.DataFrame(rows, columns=["order_id", "sku_id", "quantity", "order_status"])
    frame["quantity"] = frame["quantity"].astype("Int64")
    return frame


def test_new_lines_into_an_empty_sheet():
    sheet, counts = merge_lines(pd.DataFrame(), lines(("1", "A", 1, "Awaiting Shipment")))
    assert counts.new == 1 and list(sheet["Order ID"]) == ["1"]


def test_upsert_keeps_team_columns_and_order():
    sheet = sheet_frame([["Order ID", "SKU ID", "Quantity", "Order Status", "Team Note"],
                         ["1", "A", 1, "Awaiting Shipment", "fragile"],
                         ["2", "B", 2, "Awaiting Shipment", None]])
    merged, counts = merge_lines(sheet, lines(("2", "B", 2, "Shipped"), ("3", "C", 1, "Awaiting Shipment"),
                                              ("1", "A", 1, "Awaiting Shipment")))
    assert (counts.new, counts.updated, counts.unchanged) == (1, 1, 1)
    assert list(merged["Order ID"]) == ["1", "2", "3"]
    assert list(merged["Order Status"]) == ["Awaiting Shipment", "Shipped", "Awaiting Shipment"]
    assert merged["Team Note"].iloc[0] == "fragile"


def test_same_sku_twice_in_an_order_is_two_lines():
    first, _ = merge_lines(pd.DataFrame(), lines(("1", "A", 1, "x"), ("1", "A", 2, "x")))
    again, counts = merge_lines(first, lines(("1", "A", 1, "x"), ("1", "A", 3, "x")))
    assert (counts.new, counts.updated, counts.unchanged) == (0, 1, 1)
    assert list(again["Quantity"]) == [1, 3]


def test_a_column_the_file_lacks_keeps_its_value():
    sheet = sheet_frame([["Order ID", "SKU ID", "Quantity", "Order Status", "Tracking ID"],
                         ["1", "A", 1, "Shipped", "1Z999"]])
    merged, counts = merge_lines(sheet, lines(("1", "A", 1, "Shipped")))
    assert counts.unchanged == 1 and merged["Tracking ID"].iloc[0] == "1Z999"


def test_seller_sku_is_the_key_when_there_is_no_sku_id():
    frame = pd.DataFrame({"order_id": ["1", "1"], "seller_sku": ["TEE-M", "TEE-L"]})
    keys = list(schema.line_keys(frame))
    assert keys[0] != keys[1]


def test_orders_of_never_counts_an_order_amount_twice():
    frame = pd.DataFrame({"order_id": ["1", "1", "2"], "order_amount": [30.0, 30.0, 10.0],
                          "seller_sku": ["A", "B", "C"]})
    assert schema.orders_of(frame)["order_amount"].sum() == 40.0


# --- the small frame helpers every job uses ------------------------------------------------------------------------

def test_rows_frame_takes_the_header_drops_blank_rows_and_unnamed_columns():
    from tkops.merge import rows_frame

    rows = [[" Setting ", "Value", None, ""], ["Market", "US", "x", "y"], [None, None, None, None],
            ["Language"], ["Time Zone", "UTC", None, None, "beyond the header"]]
    frame = rows_frame(rows)
    assert list(frame.columns) == ["Setting", "Value"]
    assert frame.values.tolist() == [["Market", "US"], ["Language", None], ["Time Zone", "UTC"]]
    assert list(frame.index) == [0, 2, 3]  # the blank row is gone, the others keep their place


def test_rows_frame_with_headers_gives_exactly_those_columns():
    from tkops.merge import rows_frame

    frame = rows_frame([["Seller SKU", "Bin"], ["A", "1"]], headers=["Bin", "On Hand"])
    assert list(frame.columns) == ["Bin", "On Hand"]
    assert frame["Bin"].tolist() == ["1"] and frame["On Hand"].isna().all()
    for empty in (None, []):
        assert list(rows_frame(empty, headers=["Bin"]).columns) == ["Bin"] and rows_frame(empty).empty
        assert rows_frame(empty, headers=["Bin"]).empty


def test_is_blank_is_none_nan_or_spaces_only():
    from tkops.merge import is_blank

    cells = pd.Series([None, float("nan"), "", "  \t", "x", 0, " y "], dtype=object)
    assert is_blank(cells).tolist() == [True, True, True, True, False, False, False]


def test_fill_blank_never_replaces_what_a_person_typed():
    from tkops.merge import fill_blank

    frame = pd.DataFrame({"Note": ["typed", None, " ", "kept"]}, index=[5, 6, 7, 8])
    values = pd.Series(["a", "b", "c", "d"], index=[5, 6, 7, 8])
    assert fill_blank(frame, "Note", values).tolist() == ["typed", "b", "c", "kept"]
    where = pd.Series([True, False, True, True], index=[5, 6, 7, 8])
    only = fill_blank(frame, "Note", values, where)
    assert only[[5, 7, 8]].tolist() == ["typed", "c", "kept"] and pd.isna(only[6])
    # a column the sheet lacks is all blank; values are aligned by index, not by position
    shuffled = values.iloc[::-1]
    assert fill_blank(frame, "Other", shuffled).tolist() == ["a", "b", "c", "d"]


def test_a_column_new_to_the_sheet_is_filled_on_matched_lines_and_later_columns_still_merge():
    sheet = sheet_frame([["Order ID", "SKU ID", "Quantity"], ["1", "A", 1], ["2", "B", 1], ["3", "C", 1]])
    incoming = lines(("1", "A", 5, None), ("2", "B", 1, "Shipped"), ("3", "C", 1, None))
    incoming = incoming[["order_id", "sku_id", "quantity", "order_status"]]
    merged, counts = merge_lines(sheet, incoming)
    # line 1 changed by Quantity (a column the sheet had), line 2 by Order Status (a column it lacked)
    assert (counts.updated, counts.unchanged, counts.new) == (2, 1, 0)
    assert merged["Order Status"].tolist()[1] == "Shipped" and merged["Order Status"].isna().tolist() == [True, False,
                                                                                                         True]
    assert [int(q) for q in merged["Quantity"]] == [5, 1, 1]
    # a column after the new one is still merged
    later = incoming.assign(seller_sku=["S1", None, None])
    merged, counts = merge_lines(sheet, later)
    assert merged["Seller SKU"].tolist()[0] == "S1" and counts.updated == 2


def test_times_within_half_a_second_are_the_same_time():
    sheet = sheet_frame([["Order ID", "SKU ID", "Created Time"], ["1", "A", pd.Timestamp("2026-11-25 10:00:00")]])
    incoming = pd.DataFrame({"order_id": ["1"], "sku_id": ["A"],
                             "created_time": [pd.Timestamp("2026-11-25 10:00:00.200")]})
    merged, counts = merge_lines(sheet, incoming)
    assert (counts.updated, counts.unchanged) == (0, 1)
    incoming["created_time"] = [pd.Timestamp("2026-11-25 10:00:01")]
    assert merge_lines(sheet, incoming)[1].updated == 1


def test_appended_lines_continue_the_sheet_without_extra_columns():
    sheet = sheet_frame([["Order ID", "SKU ID", "Quantity", "Order Status", "Team Note"],
                         ["1", "A", 1, "Awaiting Shipment", "fragile"]])
    merged, counts = merge_lines(sheet, lines(("2", "B", 2, "Awaiting Shipment"), ("3", "C", 1, "Shipped")))
    assert counts.new == 2
    assert list(merged.columns) == ["Order ID", "SKU ID", "Quantity", "Order Status", "Team Note"]
    assert list(merged.index) == [0, 1, 2] and merged["Order ID"].tolist() == ["1", "2", "3"]
    assert merged["Team Note"].tolist()[0] == "fragile" and merged["Team Note"].isna().tolist()[1:] == [True, True]


# --- reading a sheet ---------------------------------------------------------------------------------------------

def test_sheet_frame_trims_blank_header_cells_and_trailing_blank_rows_but_keeps_rows_in_place():
    rows = [["Order ID", None, "SKU ID", "", None], ["1", "x", "A", "junk"], [None, None, None],
            ["2", None, "B"], ["", None, ""], [None]]
    frame = sheet_frame(rows)
    assert list(frame.columns) == ["Order ID", "SKU ID"]  # unnamed columns dropped
    assert frame["Order ID"].tolist() == ["1", None, "2"]  # the blank row inside stays (its row number), the tail not
    assert frame.dtypes.eq(object).all()


def test_sheet_frame_refuses_a_sheet_without_its_id_header_or_with_a_header_twice():
    import pytest

    from tkops.errors import BadWorkbook

    with pytest.raises(BadWorkbook) as err:
        sheet_frame([["Order", "SKU ID"], ["1", "A"]], file="ops.xlsx")
    assert err.value.params == {"file": "ops.xlsx", "detail": "no_order_id_header"}
    with pytest.raises(BadWorkbook) as err:
        sheet_frame([["Case ID"], ["C1"]], sheet="AfterSales", file="ops.xlsx", id_header="Return ID")
    assert err.value.params == {"file": "ops.xlsx",
                                "detail": 'sheet "AfterSales" has no "Return ID" header in row 1.'}
    with pytest.raises(BadWorkbook) as err:
        sheet_frame([["Order ID", "Note", " Note "], ["1", "a", "b"]], sheet="Orders", file="ops.xlsx")
    assert err.value.params == {"file": "ops.xlsx",
                                "detail": 'sheet "Orders" has the header "Note" twice; rename or delete one.'}
    assert list(sheet_frame([["Order ID", None, None], ["1"]]).columns) == ["Order ID"]  # blank is not twice


def test_a_time_typed_as_words_a_parser_reads_as_the_year_one_is_no_time():
    import datetime as dt

    from tkops.merge import typed_numbers
    from tkops.schema import Kind

    # dateutil reads "7a" as 07:00 of the year 1, which nanoseconds cannot hold: blank, not a crash
    col = pd.Series(["7a", "2026-11-03 09:30", None, dt.datetime(9999, 12, 31), "x"], dtype=object)
    got = typed_numbers(col, Kind.DATETIME)
    assert str(got.dtype) == "datetime64[ns]"
    assert got.isna().tolist() == [True, False, True, True, True]
    assert got.iloc[1] == pd.Timestamp("2026-11-03 09:30")
