"""The barcode labels' core: which Inventory rows get a label, which are left out and why, the module width each
code gets and where each label goes on the page."""

from __future__ import annotations

import pandas as pd
import pytest

from tkops.picking.labels_layout import (BIN, PREFERRED_X, SHEETS, SKU, Label, Placed, Problem, Sheet, bin_labels,
                                         module_width, place, sku_labels)
from tkops.slips.barcodes import code128_modules

COLUMNS = ["Seller SKU", "Product Name", "Variation", "Zone", "Bin", "Barcode"]


def inventory(*rows) -> pd.DataFrame:
    """Inventory rows as read (headers as columns, index = data row from 0, so sheet row = index + 2)."""
    return pd.DataFrame([dict(zip(COLUMNS, r)) for r in rows], columns=COLUMNS, dtype=object)


def modules(code: str) -> int:
    """Modules of the code with its two quiet zones."""
    return len(code128_modules(code)) + 20


def test_every_sku_without_a_barcode_gets_one_label_in_sheet_order_with_name_and_variation():
    frame = inventory(("TEE-M", "Basic Tee", "M", "A", "A-1", None),
                      ("MUG", "陶瓷马克杯", None, "B", "B-1", ""),
                      ("CAP", "Cap", "Black", "A", "A-2", "0012345678905"),
                      ("PIN", None, "Gold", "", "", None),
                      ("BARE", None, None, "", "", "  "))
    labels, problems, barcoded = sku_labels(frame)
    assert labels == [Label(SKU, "TEE-M", "Basic Tee · M", 2), Label(SKU, "MUG", "陶瓷马克杯", 3),
                      Label(SKU, "PIN", "Gold", 5), Label(SKU, "BARE", "", 6)]
    assert problems == [] and barcoded == 1


def test_a_sku_barcoded_on_any_of_its_rows_needs_no_label_and_a_sku_on_two_rows_gets_one():
    frame = inventory(("TEE-M", "Tee", "", "A", "A-1", None), ("TEE-M", "Tee", "", "B", "B-9", "0012345678905"),
                      ("SOCK", "Socks", "", "A", "A-3", None), ("SOCK", "Socks", "", "C", "C-1", None),
                      (None, "no SKU", "", "", "Z-1", None), (12345, "typed as a number", "", "", "", None))
    labels, problems, barcoded = sku_labels(frame)
    assert [(label.code, label.row) for label in labels] == [("SOCK", 4), ("12345", 7)]
    assert barcoded == 1 and problems == []


def test_a_sku_code_128_cannot_hold_is_a_problem_naming_its_row_and_is_left_out():
    frame = inventory(("茶杯-1", "Tea cup", "", "", "", None), ("CAFÉ", "Coffee", "", "", "", None),
                      ("OK-1", "Fine", "", "", "", None))
    labels, problems, barcoded = sku_labels(frame)
    assert [label.code for label in labels] == ["OK-1"] and barcoded == 0
    assert problems == [Problem("labels.not_code128", 2, "茶杯-1"), Problem("labels.not_code128", 3, "CAFÉ")]


def test_an_inventory_without_the_columns_or_rows_has_no_label():
    assert sku_labels(pd.DataFrame()) == ([], [], 0)
    assert bin_labels(pd.DataFrame({"Seller SKU": ["A"]})) == ([], [])
    labels, _, barcoded = sku_labels(pd.DataFrame({"Seller SKU": ["A", "B"]}))
    assert [label.code for label in labels] == ["A", "B"] and barcoded == 0


def test_rows_are_numbered_from_the_frame_index_so_blank_rows_dropped_on_reading_keep_their_number():
    frame = inventory(("A", "", "", "", "X-1", None), ("B", "", "", "Z", "X-2", None))
    frame.index = [0, 4]
    assert [label.row for label in sku_labels(frame)[0]] == [2, 6]
    assert [label.row for label in bin_labels(frame)[0]] == [2, 6]


def test_one_label_per_distinct_bin_with_its_zone_and_bins_code_128_cannot_hold_as_problems():
    frame = inventory(("A", "", "", "Z1", "A-01-02", None), ("B", "", "", "Z1", "A-01-02", None),
                      ("C", "", "", None, "B-7", None), ("D", "", "", "Z2", "", None),
                      ("E", "", "", "Z3", "货架-1", None), ("F", "", "", "Z3", "C-1", "0012345678905"))
    labels, problems = bin_labels(frame)
    assert labels == [Label(BIN, "A-01-02", "Z1", 2), Label(BIN, "B-7", "", 4), Label(BIN, "C-1", "Z3", 7)]
    assert problems == [Problem("labels.bin_not_code128", 6, "货架-1")]


def test_the_sheets_are_the_documented_label_stocks():
    a4, thermal = SHEETS["a4"], SHEETS["thermal"]
    assert (a4.columns, a4.rows, a4.per_page, a4.label) == (3, 8, 24, (70.0, 37.0))
    assert a4.columns * a4.pitch[0] <= a4.page[0] and a4.origin[1] + a4.rows * a4.pitch[1] <= a4.page[1]
    assert (thermal.per_page, thermal.page, thermal.label) == (1, (50.8, 25.4), (50.8, 25.4))
    assert a4.bar_room == 60.0 and thermal.bar_room == pytest.approx(47.8)
    assert a4.widths[0] == thermal.widths[0] == PREFERRED_X == 0.254
    assert list(a4.widths) == sorted(a4.widths, reverse=True)


def sheet(room: float, widths=(0.3, 0.2)) -> Sheet:
    """A one-label page whose codes may take ``room`` mm (pads of 1 mm)."""
    return Sheet("t", (room + 2, 20), 1, 1, (room + 2, 20), (0, 0), (room + 2, 20), (1, 1), widths, 10, 1)


def test_the_widest_module_width_that_fits_is_chosen_and_none_when_none_fits():
    n = modules("ABC-123")
    assert module_width("ABC-123", sheet(n * 0.3)) == 0.3  # exactly fits at the widest
    assert module_width("ABC-123", sheet(n * 0.3 - 0.001)) == 0.2
    assert module_width("ABC-123", sheet(n * 0.2)) == 0.2
    assert module_width("ABC-123", sheet(n * 0.2 - 0.001)) is None


def test_a_code_of_twelve_letters_fits_a_thermal_label_at_ten_mil_and_a_longer_one_only_the_a4_sheet():
    assert module_width("ABCDEFGHIJKL", SHEETS["thermal"]) == PREFERRED_X
    assert module_width("ABCDEFGHIJKLM", SHEETS["thermal"]) is None
    assert module_width("ABCDEFGHIJKLM", SHEETS["a4"]) == PREFERRED_X
    assert module_width("VERY-LONG-SKU-NAME-0001", SHEETS["a4"]) == SHEETS["a4"].widths[2]


def labelled(n: int, kind=SKU) -> list[Label]:
    return [Label(kind, f"C-{i}", "", i + 2) for i in range(n)]


def test_labels_fill_the_a4_grid_row_by_row_and_a_new_page_after_24():
    a4 = SHEETS["a4"]
    pages, problems = place(labelled(26), a4)
    assert problems == [] and [len(p) for p in pages] == [24, 2]
    first = pages[0]
    assert first[0] == Placed(Label(SKU, "C-0", "", 2), 0.0, 0.5, PREFERRED_X)
    assert (first[1].x, first[1].y) == (70.0, 0.5) and (first[2].x, first[2].y) == (140.0, 0.5)
    assert (first[3].x, first[3].y) == (0.0, 37.5) and (first[23].x, first[23].y) == (140.0, 0.5 + 7 * 37)
    assert [p.label.code for p in pages[1]] == ["C-24", "C-25"] and (pages[1][0].x, pages[1][0].y) == (0.0, 0.5)


def test_thermal_labels_are_one_a_page():
    pages, problems = place(labelled(3), SHEETS["thermal"])
    assert problems == [] and [[(p.label.code, p.x, p.y) for p in page] for page in pages] == [
        [("C-0", 0.0, 0.0)], [("C-1", 0.0, 0.0)], [("C-2", 0.0, 0.0)]]


def test_a_code_too_long_for_the_stock_is_left_out_naming_the_sheet_and_takes_no_slot():
    long = Label(SKU, "ABCDEFGHIJKLMNOP", "", 9)
    pages, problems = place([Label(SKU, "A", "", 2), long, Label(BIN, "B", "", 3)], SHEETS["thermal"])
    assert [[p.label.code for p in page] for page in pages] == [["A"], ["B"]]
    assert problems == [Problem("labels.too_long", 9, "ABCDEFGHIJKLMNOP", "thermal")]
    pages, problems = place([long], SHEETS["a4"])
    assert problems == [] and pages[0][0].module == PREFERRED_X


def test_nothing_to_place_is_no_page():
    assert place([], SHEETS["a4"]) == ([], [])
