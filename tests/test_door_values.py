"""Rows and values checked at the door: which rows are order lines (description row, empty rows, ERP follow-on
rows, malformed or missing Order IDs), duplicate headers, whole numbers and amounts that fit their column, dates in
range, possible quantities, an order paid after it was created, lines of one order that agree on its destination.
Real CSV files in, the canonical table or the error (code, row, column, value) out."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
import pytest

from tkops import values as V
from tkops.errors import BadValue, DataError
from tkops.settings import Settings
from tkops.sources import mapping, read_orders
from tkops.sources.rows import is_description_row

US = Settings(market="US")
HEADERS = ["Order ID", "Order Status", "Cancelation/Return Type", "SKU ID", "Seller SKU", "Product Name",
           "Quantity", "Sku Quantity of return", "SKU Unit Original Price", "Order Amount", "Created Time",
           "Paid Time", "Recipient", "Zipcode", "Address Line 1", "Weight(kg)"]
DESCRIPTION = ["Platform unique order ID.", "Current order status.", "", "Platform SKU ID.", "Seller sku input.",
               "Platform product name.", "SKU sold quantity in the order.", "", "", "", "", "", "", "", "", ""]
A, B, C = "577123456789012301", "577123456789012302", "577123456789012303"


def row(order: str = A, sku: str = "TEE", **cells) -> list[str]:
    base = {"Order ID": order, "Order Status": "Awaiting Shipment", "SKU ID": "1729000000000000001",
            "Seller SKU": sku, "Product Name": "Tee", "Quantity": "1", "SKU Unit Original Price": "19.99",
            "Order Amount": "21.99", "Created Time": "11/24/2026 9:10:11 AM", "Paid Time": "11/24/2026 9:12:40 AM",
            "Recipient": "John Smith", "Zipcode": "90012", "Address Line 1": "1 Main St", "Weight(kg)": "0.25"}
    base.update({k.replace("_", " "): v for k, v in cells.items()})
    return [base.get(h, "") for h in HEADERS]


def orders(tmp_path, *rows, headers=HEADERS, description=True, settings=US, name="orders.csv", mappings=()):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([headers] + ([DESCRIPTION] if description else []) + list(rows))
    path = tmp_path / name
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return read_orders(path, settings, mappings).table


def refused(tmp_path, *rows, code: str, **kw) -> DataError:
    with pytest.raises(DataError) as caught:
        orders(tmp_path, *rows, **kw)
    assert caught.value.code == code, caught.value.render()
    assert "orders.csv" in caught.value.render("en") and "orders.csv" in caught.value.render("zh")
    return caught.value


# --- rows ---------------------------------------------------------------------------------------------------------

def test_description_row_and_empty_rows_are_skipped_every_other_row_imports(tmp_path):
    table = orders(tmp_path, row(A), [""] * len(HEADERS), row(B), [" "] * len(HEADERS))
    assert (len(table.frame), table.skipped_rows) == (2, 3)
    assert table.frame.attrs["rows"].tolist() == [3, 5]


def test_the_description_row_may_follow_empty_rows_but_not_a_line(tmp_path):
    blank_first = [[""] * len(HEADERS), DESCRIPTION, row(A)]
    assert len(orders(tmp_path, *blank_first, description=False).frame) == 1
    err = refused(tmp_path, row(A), DESCRIPTION, description=False, code="input.order_id_bad")
    assert (err.params["row"], err.params["value"]) == (3, "Platform unique order ID.")


def test_thai_description_row(tmp_path):
    thai = ["รหัสคำสั่งซื้อ"] + [""] * 5 + ["จำนวนที่ขายในคำสั่งซื้อ"] + [""] * 9
    assert len(orders(tmp_path, thai, row(A), description=False).frame) == 1


@pytest.mark.parametrize("value, rule", [("=1+1", "rule.tiktok_order_id"), ("../x", "rule.tiktok_order_id"),
                                         ("abc", "rule.tiktok_order_id"), ("577123456789", "rule.tiktok_order_id"),
                                         ("5771234567890123011", "rule.tiktok_order_id"),
                                         ("57712345678901230A", "rule.tiktok_order_id")])
def test_malformed_order_ids_are_errors_naming_row_and_value(tmp_path, value, rule):
    err = refused(tmp_path, row(A), row(value), code="input.order_id_bad")
    assert (err.params["row"], err.params["column"], err.params["value"], err.params["rule"]) == (4, "Order ID",
                                                                                                 value, rule)
    assert "18 digits" in err.render("en") and "18 位数字" in err.render("zh")


def test_abc_on_the_description_rows_place_is_still_an_error_when_it_has_a_quantity(tmp_path):
    err = refused(tmp_path, row("abc"), row(A), description=False, code="input.order_id_bad")
    assert err.params["row"] == 2


def test_a_tiktok_line_without_order_id_is_an_error(tmp_path):
    err = refused(tmp_path, row(A), row("", sku="MUG", Quantity="3"), code="input.order_id_missing")
    assert err.params["row"] == 4 and 'Seller SKU "MUG"' in err.params["line"] and "Quantity \"3\"" in err.params[
        "line"]


def test_follow_on_rows_of_a_mapped_export_take_their_order_from_above(tmp_path):
    toml = tmp_path / "erp.mapping.toml"
    toml.write_text('name = "erp"\n[columns]\n"No" = "Order ID"\n"Art" = "Seller SKU"\n"Qty" = "Quantity"\n'
                    '"Name" = "Recipient"\n', encoding="utf-8")
    erp = [mapping.from_toml(toml)]
    table = orders(tmp_path, ["TT-1001", "TEE", "1", "Ann"], ["", "MUG", "2", ""], ["TT-1002", "CAP", "1", "Bo"],
                   ["", "", "", ""], ["", "SOCK", "4", ""], headers=["No", "Art", "Qty", "Name"], description=False,
                   mappings=erp)
    frame = table.frame
    assert frame["order_id"].tolist() == ["TT-1001", "TT-1001", "TT-1002", "TT-1002"]
    assert frame["recipient"].tolist() == ["Ann", "Ann", "Bo", "Bo"]
    assert table.skipped_rows == 1
    with pytest.raises(DataError) as caught:
        orders(tmp_path, ["", "MUG", "2", ""], headers=["No", "Art", "Qty", "Name"], description=False, mappings=erp)
    assert (caught.value.code, caught.value.params["row"]) == ("input.order_id_missing", 2)
    with pytest.raises(DataError) as caught:
        orders(tmp_path, ["abc", "MUG", "2", ""], headers=["No", "Art", "Qty", "Name"], description=False,
               mappings=erp)
    assert caught.value.params["rule"] == "rule.order_id"


def test_duplicate_headers_are_refused_naming_their_columns(tmp_path):
    headers = HEADERS[:7] + ["quantity "] + HEADERS[8:]
    err = refused(tmp_path, row(A), headers=headers, description=False, code="input.duplicate_header")
    assert (err.params["header"], err.params["columns"]) == ("Quantity", "G, H")
    # two different names for one column: the first wins (Mabang's two product-name columns)
    two_names = HEADERS + ["Detail Address"]
    table = orders(tmp_path, row(A) + ["elsewhere"], headers=two_names, description=False)
    assert table.frame["address_line_1"].tolist() == ["1 Main St"]


# --- numbers -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("column, value, code", [
    ("Quantity", "99999999999999999999", "input.number_too_big"), ("Quantity", "1e3", "bad_value"),
    ("Quantity", "1,5", "bad_value"), ("Order Amount", "99999999999999999999", "input.number_too_big"),
    ("Order Amount", "1000000000001", "input.number_too_big"), ("Weight(kg)", "1e400", "bad_value"),
])
def test_numbers_that_do_not_fit_their_column(tmp_path, column, value, code):
    err = refused(tmp_path, row(A), row(B, **{column.replace(" ", "_"): value}), code=code)
    assert (err.params["row"], err.params["column"]) == (4, column)


def test_whole_numbers_from_text_and_cells():
    at = V.Where("f.xlsx", "Quantity", pd.Series(range(2, 9)))
    cells = pd.Series(["2", " 3 ", "1,200", "4.0", None, 5.0, -1], dtype=object)
    assert V.integers(cells, at).tolist() == [2, 3, 1200, 4, pd.NA, 5, -1]
    with pytest.raises(BadValue):
        V.integers(pd.Series([1.5], dtype=object), V.Where("f", "Q", pd.Series([2])))
    with pytest.raises(DataError) as caught:
        V.integers(pd.Series([float("inf")], dtype=object), V.Where("f", "Q", pd.Series([2])))
    assert caught.value.code == "bad_value"
    assert [V.whole_number(t) for t in ("7", "1,234", "2.00", "-3", "x", "1.5", "", "1e3")] == [
        7, 1234, 2, -3, None, None, None, None]


def test_a_lone_dot_before_three_digits_follows_the_market():
    at = V.Where("f.csv", "Order Amount", pd.Series([2, 3]))
    text = pd.Series(["1.234", "1,234"], dtype="str")
    assert V.money(text, at, "", "USD", ".")[0].tolist() == [1.234, 1234.0]
    assert V.money(text, at, "", "BRL", ",")[0].tolist() == [1234.0, 1234.0]
    assert V.money(pd.Series(["0.095"], dtype="str"), V.Where("f", "W", pd.Series([2])), "", "BRL", ",")[
        0].tolist() == [0.095]


def test_weights_keep_their_decimals_in_a_comma_market(tmp_path):
    table = orders(tmp_path, row(A, **{"Weight(kg)": "0.095"}), settings=Settings(market="BR"))
    assert table.frame["weight_kg"].tolist() == [0.095]


# --- dates -----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("column, value", [("Paid Time", "11/24/2099 9:12:40 AM"),
                                           ("Created Time", "11/24/1999 9:10:11 AM"),
                                           ("Paid Time", "01/01/2015 12:00:00 AM")])
def test_dates_out_of_range(tmp_path, column, value):
    err = refused(tmp_path, row(A), row(B, **{column.replace(" ", "_"): value}), code="input.date_range")
    assert (err.params["row"], err.params["column"], err.params["value"]) == (4, column, value)
    assert err.params["first"] == 2016 and err.params["last"] == dt.date.today().year + 1


def test_dates_from_cells_and_serials_out_of_range():
    at = V.Where("f.xlsx", "Paid Time", pd.Series([2, 3, 4]))
    fine = pd.Series([dt.datetime(2026, 11, 24, 9, 0), 46350.5, None], dtype=object)
    assert V.datetimes(fine, at, None).notna().tolist() == [True, True, False]
    for bad in (dt.datetime(1900, 1, 1), 1e20, 100.0, float("inf"), -5.0):
        with pytest.raises(DataError) as caught:
            V.datetimes(pd.Series([dt.datetime(2026, 1, 1), bad], dtype=object), at, None)
        assert (caught.value.code, caught.value.params["row"]) == ("input.date_range", 3)


def test_paid_before_created(tmp_path):
    err = refused(tmp_path, row(A), row(B, Paid_Time="11/23/2026 9:12:40 AM"), code="input.paid_before_created")
    assert err.params == {"file": "orders.csv", "row": 4, "paid_column": "Paid Time", "paid": "2026-11-23 09:12:40",
                          "created_column": "Created Time", "created": "2026-11-24 09:10:11"}
    same = row(A, Created_Time="11/24/2026 9:12:40 AM")  # paid the second it was created: fine
    assert len(orders(tmp_path, same, row(B, Paid_Time="", Created_Time="")).frame) == 2


# --- quantities ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, code", [("0", "input.quantity"), ("-2", "input.quantity"),
                                         ("1000", "input.quantity"), ("", "input.quantity_blank")])
def test_impossible_quantities(tmp_path, value, code):
    err = refused(tmp_path, row(A), row(B, Quantity=value), code=code)
    assert (err.params["row"], err.params["column"]) == (4, "Quantity")
    assert "Quantity Limit" in err.render("en") or code == "input.quantity_blank"


def test_zero_only_on_a_cancelled_line_and_the_limit_from_settings(tmp_path):
    table = orders(tmp_path, row(A, Quantity="0", Order_Status="Canceled"),
                   row(B, Quantity="0", **{"Cancelation/Return Type": "Cancel"}), row(C, Quantity="999"))
    assert table.frame["quantity"].tolist() == [0, 0, 999]
    err = refused(tmp_path, row(A, Quantity="6"), code="input.quantity", settings=Settings(market="US",
                                                                                          quantity_limit="5"))
    assert err.params["limit"] == 5
    err = refused(tmp_path, row(A, Sku_Quantity_of_return="-1"), code="input.quantity")
    assert err.params["column"] == "Sku Quantity of return"


# --- lines of one order -------------------------------------------------------------------------------------------

def test_lines_of_one_order_with_different_destinations_are_refused_naming_both_rows(tmp_path):
    err = refused(tmp_path, row(A), row(A, sku="MUG", Zipcode="10001"), code="input.conflicting_lines")
    assert (err.params["first_row"], err.params["row"], err.params["column"]) == (3, 4, "Zipcode")
    assert (err.params["first"], err.params["value"], err.params["order"]) == ("90012", "10001", A)
    # blank on the second line is not a conflict: the order's value fills it
    table = orders(tmp_path, row(A), row(A, sku="MUG", Recipient="", Zipcode=""))
    assert table.frame["recipient"].tolist() == ["John Smith"] * 2


def test_other_order_values_that_differ_keep_the_first_line_with_a_warning(tmp_path):
    table = orders(tmp_path, row(A), row(A, sku="MUG", Order_Amount="99.99"))
    assert table.frame["order_amount"].tolist() == [21.99, 21.99]
    assert any("row 4" in w and "Order Amount" in w for w in table.warnings)


def test_identical_lines_are_kept_and_said(tmp_path):
    table = orders(tmp_path, row(A), row(A), row(B))
    assert len(table.frame) == 3
    assert [w for w in table.warnings if "identical" in w] == [
        "orders.csv, rows 3, 4: the same line of order 577123456789012301 (TEE) appears 2 times, identical in every "
        "column. Each is kept as a line of its own (an order can list one SKU on two lines); if the file repeats "
        "rows by mistake, export it again."]


def test_identical_lines_warnings_follow_the_file_name_the_sku_and_stop_at_twenty(tmp_path):
    table = orders(tmp_path, row(B, sku="ZED"), row(B, sku="ZED"), row(A, sku="ABE"), row(A, sku="ABE"))
    said = [w for w in table.warnings if "identical" in w]
    assert "rows 3, 4" in said[0] and "(ZED)" in said[0]  # in file order, not sorted
    assert "rows 5, 6" in said[1] and "(ABE)" in said[1]
    many = [row(f"5771234567890124{n:02d}", sku=f"S{n}") for n in range(22) for _ in (1, 2)]
    assert len([w for w in orders(tmp_path, *many).warnings if "identical" in w]) == 20
    zh = orders(tmp_path, row(A), row(A), settings=Settings(market="US", language="zh"))
    assert any("每一列都相同" in w for w in zh.warnings)


def test_identical_lines_named_by_sku_id_when_there_is_no_seller_sku(tmp_path):
    headers = [h for h in HEADERS if h != "Seller SKU"]
    line = [v for h, v in zip(HEADERS, row(A)) if h != "Seller SKU"]
    table = orders(tmp_path, line, line, headers=headers, description=False)
    assert any("(1729000000000000001)" in w for w in table.warnings)
    blank_sku = row(A, sku="")
    table = orders(tmp_path, blank_sku, blank_sku, description=False)
    assert any("(1729000000000000001)" in w for w in table.warnings)


def test_a_line_is_cancelled_by_its_status_its_substatus_or_its_cancel_type(tmp_path):
    headers = HEADERS + ["Order Substatus"]

    def line(order, status, substatus, kind=""):
        return row(order, Quantity="0", Order_Status=status, **{"Cancelation/Return Type": kind}) + [substatus]

    table = orders(tmp_path, line(A, "Canceled", "In transit"), line(B, "Awaiting Shipment", "Canceled"),
                   line(C, "Awaiting Shipment", "", "Cancel"), headers=headers, description=False)
    assert table.frame["quantity"].tolist() == [0, 0, 0]
    err = refused(tmp_path, line(A, "Awaiting Shipment", "Awaiting Collection", "Return/Refund"), headers=headers,
                  description=False, code="input.quantity")
    assert err.params["value"] == 0


def test_order_values_that_differ_are_warned_in_the_teams_language_naming_both(tmp_path):
    table = orders(tmp_path, row(A), row(A, sku="MUG", Order_Amount="99.99", Created_Time=""),
                   settings=Settings(market="US", language="zh"))
    assert table.frame["created_time"].notna().all()  # a blank order-level cell takes the order's value
    said = [w for w in table.warnings if "Order Amount" in w]
    assert said == ["orders.csv，第 4 行，“Order Amount”列：“99.99”与该订单首行（“21.99”）不一致，已保留首行的值。"]


def test_a_first_row_with_letters_and_digits_is_not_a_description(tmp_path):
    err = refused(tmp_path, row("Order no. 1", Quantity="SKU sold quantity in the order."), row(A),
                  description=False, code="input.order_id_bad")
    assert err.params["row"] == 2


def test_a_line_without_order_id_is_shown_by_its_first_three_line_cells(tmp_path):
    err = refused(tmp_path, row(A), row("", sku="MUG", Quantity="3"), code="input.order_id_missing")
    assert err.params["line"] == 'Seller SKU "MUG", Quantity "3", Product Name "Tee"'
    assert err.params["column"] == "Order ID"
    only_name = [""] * len(HEADERS)
    only_name[HEADERS.index("Recipient")] = "Ann"
    assert refused(tmp_path, row(A), only_name, code="input.order_id_missing").params["line"] == "…"


def test_quantities_name_the_value_and_bounds_are_inclusive(tmp_path):
    err = refused(tmp_path, row(A, Quantity="-1", Order_Status="Canceled"), code="input.quantity")
    assert (err.params["value"], err.params["limit"]) == (-1, 999)
    limit = Settings(market="US", quantity_limit="5")
    assert orders(tmp_path, row(A, Quantity="5", Sku_Quantity_of_return="5"), settings=limit).frame[
        "return_quantity"].tolist() == [5]
    err = refused(tmp_path, row(A, Sku_Quantity_of_return="6"), settings=limit, code="input.quantity")
    assert (err.params["value"], err.params["column"]) == (6, "Sku Quantity of return")


def test_identical_lines_without_any_sku_are_named_by_a_dash(tmp_path):
    no_sku = row(A, sku="", SKU_ID="")
    table = orders(tmp_path, no_sku, no_sku, description=False)
    said = [w for w in table.warnings if "identical" in w]
    assert len(said) == 1 and "(-)" in said[0], table.warnings


def test_paid_time_without_a_created_time_column_is_not_compared(tmp_path):
    headers = [h for h in HEADERS if h != "Created Time"]
    line = [v for h, v in zip(HEADERS, row(A, Paid_Time="11/20/2026 9:12:40 AM")) if h != "Created Time"]
    table = orders(tmp_path, line, headers=headers, description=False)
    assert table.frame["paid_time"].tolist() == [pd.Timestamp("2026-11-20 09:12:40")]


def test_a_differing_order_value_is_named_by_its_header_as_written_or_by_its_column(tmp_path):
    lower = [h.lower() if h == "Order Amount" else h for h in HEADERS]
    table = orders(tmp_path, row(A), row(A, sku="MUG", Order_Amount="99.99"), headers=lower)
    assert [w for w in table.warnings if "differs" in w] == [
        'orders.csv, row 4, column "order amount": "99.99" differs from the order\'s first line ("21.99"); the first '
        'line\'s value is kept.']
    # the currency comes from the amounts' marks, not from a column of the file: named by the Orders column
    table = orders(tmp_path, row(A, Order_Amount="$21.99"), row(A, sku="MUG", Order_Amount="€21.99"))
    assert table.frame["currency"].tolist() == ["USD", "USD"]
    assert any('row 4, column "Currency": "EUR"' in w for w in table.warnings), table.warnings


def test_the_conflicting_first_row_is_of_the_same_order(tmp_path):
    # order B's lines (rows 3, 4) have the same Zipcode as order A's first line: the message names A's rows only
    err = refused(tmp_path, row(B), row(B, sku="MUG"), row(A), row(A, sku="MUG", Zipcode="10001"),
                  code="input.conflicting_lines")
    assert (err.params["first_row"], err.params["row"], err.params["order"]) == (5, 6, A)


@pytest.mark.parametrize("quantity, description", [(None, True), ("", True), ("  ", True), (float("nan"), True),
                                                   ("SKU sold quantity in the order.", True), ("2", False),
                                                   (2, False)])
def test_a_description_row_has_no_number_in_its_quantity_cell(quantity, description):
    cells = pd.Series({"order_id": "Platform unique order ID.", "quantity": quantity}, dtype=object)
    assert is_description_row(cells, "Platform unique order ID.") is description
    assert is_description_row(pd.Series({"order_id": "x"}, dtype=object), "Platform unique order ID.")
    assert not is_description_row(cells, "577123456789012301")


def test_a_return_quantity_may_be_zero_up_to_the_limit(tmp_path):
    table = orders(tmp_path, row(A, Sku_Quantity_of_return="0"), row(B, Sku_Quantity_of_return="999"))
    assert table.frame["return_quantity"].tolist() == [0, 999]
    err = refused(tmp_path, row(A, Sku_Quantity_of_return="1000"), code="input.quantity")
    assert (err.params["column"], err.params["value"], err.params["limit"]) == ("Sku Quantity of return", 1000, 999)
