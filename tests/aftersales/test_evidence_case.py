"""A case read for the evidence index from an AfterSales row: text and times read the one way every sheet cell is read
(tkops.cells.text.scalar_text, tkops.cells.times.as_datetime)."""

from __future__ import annotations

import datetime as dt

import pytest

from tkops.aftersales.evidence import EvidenceCase


def test_display_names_or_keys_and_text_as_a_person_sees_it():
    by_name = EvidenceCase.from_mapping({"Case ID": 4021.0, "Order ID": " 576460752303423488 ", "Seller SKU": " TEE-M ",
                                         "Reason": "Item doesn't fit", "Case Type": "size_fit"})
    by_key = EvidenceCase.from_mapping({"case_id": "4021", "order_id": "576460752303423488", "seller_sku": "TEE-M",
                                        "reason": "Item doesn't fit", "case_type": "size_fit"})
    assert by_name == by_key
    assert (by_name.case_id, by_name.order_id, by_name.skus) == ("4021", "576460752303423488", ("TEE-M",))
    assert EvidenceCase.from_mapping({"Case ID": "R-1", "SKU ID": 1729.0}).skus == ("1729",)
    assert EvidenceCase.from_mapping({"Case ID": "R-1", "Order ID": None}).order_id == ""


@pytest.mark.parametrize("cell, dayfirst, expected", [
    (dt.datetime(2026, 11, 20, 9, 30), False, dt.datetime(2026, 11, 20, 9, 30)),
    (dt.date(2026, 11, 20), False, dt.datetime(2026, 11, 20)),
    (46346.5, False, dt.datetime(2026, 11, 20, 12, 0)),
    (46346.50000001, False, dt.datetime(2026, 11, 20, 12, 0)),  # a serial's float noise: to the second
    ("2026-11-20 09:30", False, dt.datetime(2026, 11, 20, 9, 30)),
    ("03/04/2026", True, dt.datetime(2026, 4, 3)),
    ("03/04/2026", False, dt.datetime(2026, 3, 4)),
    (5, False, None),  # a number that is no date of a shop's life
    (True, False, None),
    ("  ", False, None),
    ("soon", False, None),
])
def test_opened_and_due_are_read_as_every_time_cell(cell, dayfirst, expected):
    case = EvidenceCase.from_mapping({"Case ID": "R-1", "Opened": cell, "Due": cell}, dayfirst)
    assert case.opened == expected and case.due == expected
