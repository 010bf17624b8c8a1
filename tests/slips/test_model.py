"""The slip data: grouping per order or package, pick order, language, gifts, agreed changes, money, addresses."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.slips.sample import LANGUAGES, frame, line, one_order_per_language, order_id
from tkops.errors import ConfigError
from tkops.slips import SlipSettings, build_slips
from tkops.slips.labels import SLIP_KEYS, SLIP_LABELS, SLIP_LANGUAGES, money
from tkops.slips.review_input import is_yes


def test_every_language_has_every_label():
    assert set(SLIP_LANGUAGES) == set(LANGUAGES)
    for lang in SLIP_LANGUAGES:
        assert set(SLIP_LABELS[lang]) == set(SLIP_KEYS)
        assert all(text.strip() for text in SLIP_LABELS[lang].values()), lang


def test_one_slip_per_order_with_every_item_in_line_order():
    slips = build_slips(one_order_per_language())
    assert [s.order_id for s in slips] == [order_id(i) for i in range(len(LANGUAGES))]
    first = slips[0]
    assert [(i.sku, i.quantity) for i in first.items] == [("SKU-EN-0", 1), ("SKU-EN-1", 2)]
    assert first.items[0].product == "High Waist Squat-Proof Leggings" and first.items[0].variation == "Black, S"
    assert first.recipient == "Emily Carter"
    assert first.address == ("2306 E Camelback Rd", "Unit 12", "Phoenix, Arizona 85016", "United States")
    assert first.order_date == "2026-11-25"
    assert first.barcode_value == first.order_id


def test_slips_come_in_the_given_pick_order():
    lines = frame(line(2, "en"), line(0, "de"), line(2, "en", 1), line(1, "fr"))
    assert [s.order_id for s in build_slips(lines)] == [order_id(2), order_id(0), order_id(1)]
    picked = build_slips(lines, pick_order=[order_id(1), order_id(2)])
    assert [s.order_id for s in picked] == [order_id(1), order_id(2), order_id(0)]


def test_the_language_follows_the_destination_and_the_buyer_language_column():
    slips = build_slips(one_order_per_language())
    assert [s.lang for s in slips] == list(LANGUAGES)
    assert slips[0].labels.colour == "Color" and slips[0].country == "US"  # US English
    assert build_slips(frame(line(0, "en", country="United Kingdom")))[0].labels.colour == "Colour"
    assert build_slips(frame(line(0, "de", buyer_language="es-MX")))[0].lang == "es"
    assert build_slips(frame(line(0, "en", country="Narnia")))[0].lang == "en"
    assert build_slips(frame(line(0, "en", country="")), SlipSettings(market="TH"))[0].lang == "th"


def test_packages_make_slips_and_a_package_of_two_orders_is_one_slip():
    lines = frame(line(0, "en", 0, package_id="P1"), line(0, "en", 1, package_id="P2"),
                  line(1, "en", 0, package_id="P3"), line(2, "en", 0, package_id="P3"))
    slips = build_slips(lines)
    assert [(s.key, s.order_ids) for s in slips] == [
        ("P1", (order_id(0),)), ("P2", (order_id(0),)), ("P3", (order_id(1), order_id(2)))]
    assert slips[0].barcode_value == order_id(0) and slips[2].barcode_value == "P3"


def test_gift_orders_show_no_prices():
    lines = frame(line(0, "en"), line(0, "en", 1), line(1, "de"), line(2, "fr", gift="Yes"))
    review = pd.DataFrame({"Order ID": [order_id(0)], "Code": ["message.gift"], "Severity": ["warning"]})
    slips = build_slips(lines, review=review)
    gift, normal, flagged = slips
    assert gift.gift and not gift.show_prices and gift.total == "" and all(i.price == "" for i in gift.items)
    assert not normal.gift and normal.show_prices and normal.items[0].price == "12,50 EUR"
    assert normal.total == "49,99 EUR"
    assert flagged.gift and not flagged.show_prices


def test_agreed_changes_come_from_the_review_sheet():
    lines = frame(line(0, "en"), line(0, "en", 1), line(1, "th"), line(2, "de"))
    sku0 = line(0, "en")["sku_id"]
    review = pd.DataFrame([
        {"Order ID": order_id(0), "SKU ID": sku0, "Code": "message.colour_change", "Agreed": "yes",
         "Agreed Variation": "Red, S"},
        {"Order ID": order_id(1), "SKU ID": "", "Code": "message.size_change", "Agreed": True,
         "Agreed Variation": "แดง, L"},
        {"Order ID": order_id(2), "SKU ID": "", "Code": "message.size_change", "Agreed": "",
         "Agreed Variation": "XL"},  # not agreed (yet): not printed
        {"Order ID": order_id(2), "SKU ID": "", "Code": "address.po_box", "Agreed": "yes"},
    ])
    slips = build_slips(lines, review=review)
    (change,) = slips[0].agreed
    assert (change.kind, change.sku, change.ordered, change.sending) == ("colour", "SKU-EN-0", "Black, S", "Red, S")
    (thai,) = slips[1].agreed
    assert (thai.kind, thai.product, thai.sending) == ("size", "ชุดเดรสลายดอกไม้", "แดง, L")
    assert slips[2].agreed == ()


def test_review_headers_match_loosely_and_team_ticks_are_read_generously():
    review = pd.DataFrame({" order id ": [order_id(0)], "CODE": ["message.colour_change"], "agreed": ["是"]})
    assert build_slips(frame(line(0, "en")), review=review)[0].agreed[0].sending == ""
    assert all(is_yes(v) for v in ("Yes", " y ", "TRUE", 1, 1.0, True, "x", "✓", "同意"))
    assert not any(is_yes(v) for v in ("", "no", 0, None, float("nan"), False, "maybe"))


@pytest.mark.parametrize("value, currency, lang, text", [
    (1234.5, "USD", "en", "1,234.50 USD"), (1234.5, "EUR", "de", "1.234,50 EUR"),
    (1234.5, "EUR", "fr", "1\u202f234,50 EUR"), (150000, "IDR", "id", "150.000 IDR"), (1990, "JPY", "ja", "1,990 JPY"),
    (-3.5, "THB", "th", "-3.50 THB"), (None, "USD", "en", ""), (float("nan"), "USD", "en", "")])
def test_money_is_written_the_buyers_way(value, currency, lang, text):
    assert money(value, currency, lang) == text


def test_addresses_follow_the_destination_and_drop_control_characters():
    de = build_slips(frame(line(0, "de")))[0]
    assert de.address == ("Hauptstraße 5", "10115 Berlin", "Berlin", "Germany")
    hostile = build_slips(frame(line(0, "en", recipient="Eve\u202e\x07 Evil\tName", address_line_2="")))[0]
    assert hostile.recipient == "Eve Evil Name"


def test_missing_columns_and_odd_values_do_not_break_a_slip():
    lines = pd.DataFrame({"order_id": ["1", "1"], "quantity": [None, "2"], "seller_sku": ["A", None]})
    slip = build_slips(lines)[0]
    assert [(i.sku, i.quantity, i.price) for i in slip.items] == [("A", 0, ""), ("", 2, "")]
    assert not slip.show_prices and slip.address == () and slip.lang == "en"
    assert build_slips(lines.iloc[0:0]) == []


def test_slip_settings_come_from_sheet_names_and_are_checked():
    s = SlipSettings.from_mapping({"Shop Name": " Demo ", "Return Address": "1 Road\n  Town ", "QC Points": "A; B\nC",
                                   "slip layout": "4X6", "Unknown": "x"})
    assert (s.shop_name, s.return_address, s.qc_points, s.layout) == ("Demo", ("1 Road", "Town"), ("A", "B", "C"),
                                                                        "4x6")
    with pytest.raises(ConfigError) as err:  # the logo and font files are the job's to check (test_slips_job.py)
        SlipSettings.from_mapping({"Slip Layout": "A5"})
    assert err.value.code == "bad_setting"
