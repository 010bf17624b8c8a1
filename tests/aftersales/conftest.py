"""The after-sales job tests' shared workbook (tests/aftersales/cases_book.py)."""

from __future__ import annotations

import pytest

from aftersales.cases_book import cases_book


@pytest.fixture
def book(tmp_path):
    """A workbook after the US sample's import and a cases run of the sample Return/Refund export."""
    return cases_book(tmp_path)
