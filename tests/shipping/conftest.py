"""Shared helpers of the shipping tests: order lines with tracking numbers, and a runner that returns compact
(row, code) tuples."""

from __future__ import annotations

import pandas as pd
import pytest

from tkops.shipping import validate_tracking

#: Published valid numbers (jkeen/tracking_number_data test_numbers) used across the tests.
UPS = "1Z5R89390357567127"
UPS_2 = "1Z879E930346834440"
USPS = "9400111201080805483016"
FEDEX = "986578788855"
DHL = "3318810025"
S10_GB = "RB123456785GB"
S10_US = "RB123456785US"
ORDER = "576461413038785752"


def line(order_id: str = ORDER, sku_id: str = "1729382938492834921", tracking_id=UPS, provider="UPS",
         status="Awaiting Shipment", quantity=1, **extra) -> dict:
    """One canonical order line (keys as in tkops.schema) with a tracking number."""
    return {"order_id": order_id, "sku_id": sku_id, "quantity": quantity, "tracking_id": tracking_id,
            "shipping_provider": provider, "order_status": status, **extra}


def frame(*rows: dict, first_row: int = 2) -> pd.DataFrame:
    """Lines indexed by spreadsheet row number (2, 3, ...), as the Orders sheet gives them."""
    lines = pd.DataFrame(list(rows))
    lines.index = range(first_row, first_row + len(lines))
    return lines


def codes(lines: pd.DataFrame, **kw) -> list[tuple[int, str]]:
    """The problems of ``lines`` as sorted (row, code) tuples."""
    problems = validate_tracking(lines, **kw)
    return sorted(zip(problems["row"].tolist(), problems["code"].tolist()))


def order_id(n: int) -> str:
    """The n-th 18-digit order ID of a test."""
    return str(576461413038785752 + n)


@pytest.fixture(autouse=True)
def fresh_format_caches():
    """Each test starts without formats or matches cached by another (tests load their own courier files)."""
    from tkops.shipping.formats import bundled_matches, load_formats
    from tkops.shipping.tracking import _check_number

    for cached in (load_formats, bundled_matches, _check_number):
        cached.cache_clear()
    yield


def write_upload(path, upload):
    """Write the upload file as the ship job does: the book layer's text-only sheet, with the upload's sheet name
    and columns."""
    from tkops.book.text_sheet import write_text_sheet
    from tkops.shipping import UPLOAD_COLUMNS, UPLOAD_MIN_WIDTHS, UPLOAD_SHEET

    return write_text_sheet(path, UPLOAD_SHEET, upload, UPLOAD_COLUMNS, UPLOAD_MIN_WIDTHS)
