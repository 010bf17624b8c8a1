"""Which market an export is from, told from the file: its addresses' Country, else a header only one market's
layout has (docs/exports.md#which-market-a-file-is-from)."""

from __future__ import annotations

import pandas as pd
import pytest

from tkops.sources.file_market import file_market, market_of_country

US_HEADERS = ["Order ID", "Country", "State", "City", "Zipcode"]


@pytest.mark.parametrize(("cell", "market"), [
    ("Thailand", "TH"), ("TH", "TH"), ("th", "TH"), ("ประเทศไทย", "TH"), ("  Viet   Nam ", "VN"), ("Việt Nam", "VN"),
    ("United States", "US"), ("USA", "US"), ("GB", "UK"), ("United Kingdom", "UK"), ("Scotland", "UK"),
    ("IRL", "IE"), ("Deutschland", "DE"), ("España", "ES"), ("México", "MX"), ("Brasil", "BR"), ("日本", "JP"),
    ("Indonesia", "ID"), ("Malaysia", "MY"), ("The Philippines", "PH"), ("Singapore", "SG"), ("Italia", "IT"),
    ("France", "FR"),
])
def test_country_cells_name_their_market(cell, market):
    assert market_of_country(cell) == market


@pytest.mark.parametrize("cell", ["", "Narnia", "Canada", None, 66, float("nan")])
def test_countries_that_are_no_market_name_none(cell):
    assert market_of_country(cell) == ""


def test_one_country_in_every_address_names_the_market():
    assert file_market(pd.Series(["Thailand", "TH", None, "  ", "ไทย"]), US_HEADERS) == "TH"


def test_addresses_in_several_markets_or_an_unknown_country_name_none_even_with_a_marker_header():
    headers = US_HEADERS + ["Post Town"]
    assert file_market(pd.Series(["Thailand", "Malaysia"]), headers) == ""
    assert file_market(pd.Series(["Malaysia", "Narnia"]), headers) == ""


@pytest.mark.parametrize(("extra", "market"), [
    (["Regency and City", "Villages"], "ID"), (["Tokopedia Invoice Number"], "ID"), (["post town"], "MY"),
    (["Barangay"], "PH"), (["Municipality", "Region"], "PH"), (["Commune"], "VN"),
])
def test_without_countries_a_header_only_one_layout_has_names_the_market(extra, market):
    blank = pd.Series([None, "", None])
    assert file_market(blank, US_HEADERS + extra) == market
    assert file_market(None, US_HEADERS + extra) == market


def test_headers_of_two_layouts_or_none_name_no_market():
    assert file_market(None, US_HEADERS + ["Post Town", "Barangay"]) == ""
    assert file_market(None, US_HEADERS) == ""
    assert file_market(None, US_HEADERS + [None, ""]) == ""
