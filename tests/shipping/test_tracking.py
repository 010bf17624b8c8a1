"""validate_tracking: wrong carrier, duplicates, missing numbers, Excel damage, providers without public rules,
the Carriers sheet, and the explanations in both languages."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from tests.shipping.conftest import DHL, FEDEX, S10_GB, S10_US, UPS, UPS_2, USPS, codes, frame, line, order_id
from tkops.shipping import (PROBLEM_COLUMNS, carriers_sheet_rows, explain, provider_map_from_rows,
                            validate_tracking)


def test_clean_lines_have_no_problems():
    lines = frame(line(tracking_id=UPS), line(order_id(1), tracking_id=USPS, provider="USPS"),
                  line(order_id(2), tracking_id=FEDEX, provider="FedEx"),
                  line(order_id(3), tracking_id=DHL, provider="DHL Express"),
                  line(order_id(4), tracking_id=S10_GB, provider="Royal Mail"),
                  line(order_id(5), tracking_id=S10_US, provider="usps"),  # provider case does not matter
                  line(order_id(6), tracking_id="YT2229521272164446", provider="Yun Express"),
                  line(order_id(7), tracking_id="9361289878700317633795", provider="TikTok Shipping"))
    problems = validate_tracking(lines)
    assert list(problems.columns) == PROBLEM_COLUMNS
    assert problems.empty


def test_wrong_carrier_names_the_carrier_and_suggests_the_provider():
    lines = frame(line(tracking_id=USPS, provider="UPS"), line(order_id(1), tracking_id=S10_GB, provider="USPS"),
                  line(order_id(2), tracking_id=UPS_2, provider="FedEx"))
    assert codes(lines) == [(2, "tracking.wrong_carrier"), (3, "tracking.wrong_carrier"),
                            (4, "tracking.wrong_carrier")]
    problems = validate_tracking(lines)
    first = problems.iloc[0]
    assert first["severity"] == "error" and first["params"]["carriers"] == "USPS IMpb N"
    assert "USPS" in first["params"]["suggest"].split(", ")
    assert problems.iloc[1]["params"]["suggest"].startswith("Royal Mail")
    text = explain(problems, "en")[0]
    assert USPS in text and "USPS IMpb N" in text and "UPS" in text


def test_same_number_on_lines_of_one_order_is_fine_on_two_orders_is_a_duplicate():
    same_order = frame(line(sku_id="1"), line(sku_id="2"), line(sku_id="3"))
    assert codes(same_order) == []
    two_orders = frame(line(sku_id="1"), line(sku_id="2"), line(order_id(1), tracking_id=" 1z5r89390357567127 "))
    assert codes(two_orders) == [(2, "tracking.duplicate"), (3, "tracking.duplicate"), (4, "tracking.duplicate")]
    params = validate_tracking(two_orders).set_index("row").loc[4, "params"]
    assert params["others"] == order_id(0)


def test_orders_combined_into_one_package_may_share_a_number():
    lines = frame(line(package_id="1154528977690660930"),
                  line(order_id(1), package_id="1154528977690660930"))
    assert codes(lines) == []
    apart = frame(line(package_id="1154528977690660930"), line(order_id(1), package_id="1154528977690660931"))
    assert codes(apart) == [(2, "tracking.duplicate"), (3, "tracking.duplicate")]


def test_cancelled_lines_are_not_duplicates_nor_missing():
    lines = frame(line(status="Cancelled"), line(order_id(1)),
                  line(order_id(2), tracking_id=None, status="Cancelled", packed="Yes"))
    assert codes(lines) == []


@pytest.mark.parametrize("packed", ["Yes", "y", "x", True, 1, "✓", "是", "已打包", "TRUE",
                                    dt.datetime(2026, 11, 25, 9, 30), "2026-11-25 09:30"])
def test_packed_lines_need_a_number(packed):
    lines = frame(line(tracking_id=None, Packed=packed), line(order_id(1), tracking_id="  ", Packed=packed))
    assert codes(lines) == [(2, "tracking.missing"), (3, "tracking.missing")]


@pytest.mark.parametrize("packed", ["", " ", None, float("nan"), "No", "n", 0, False, "FALSE", "否", "未打包", "-", "none",
                                    "off", "JL", "maybe"])
def test_unpacked_lines_without_a_number_are_fine(packed):
    assert codes(frame(line(tracking_id=None, packed=packed))) == []


def test_awaiting_collection_needs_a_number_in_any_spelling():
    lines = frame(line(tracking_id=None, status="Awaiting Collection"),
                  line(order_id(1), tracking_id=None, status="待揽收"),
                  line(order_id(2), tracking_id=None, status="Awaiting Shipment"))
    assert codes(lines) == [(2, "tracking.missing"), (3, "tracking.missing")]


@pytest.mark.parametrize("value", [9.4e21, 9.400111201080805e21, "9.4E+21", "9,40011E+21", "9.40011e21",
                                   "9400111201080800000000", float("inf")])
def test_numbers_excel_damaged_are_refused_with_a_clear_message(value):
    lines = frame(line(tracking_id=value, provider="USPS"))
    assert codes(lines) == [(2, "tracking.mangled")]
    text = explain(validate_tracking(lines), "en")[0]
    assert "Excel" in text and "Text" in text
    assert "Excel" in explain(validate_tracking(lines), "zh")[0]


def test_small_numbers_excel_kept_exactly_are_accepted():
    assert codes(frame(line(tracking_id=986578788855, provider="FedEx"))) == []
    assert codes(frame(line(tracking_id=986578788855.0, provider="FedEx"))) == []
    assert codes(frame(line(tracking_id="986578788855.0", provider="FedEx"))) == []


def test_bad_check_digit_and_close_formats_are_named():
    lines = frame(line(tracking_id="1Z5R89390357567128"), line(order_id(1), tracking_id="1Z5R8939035756712"),
                  line(order_id(2), tracking_id="HELLOWORLD", provider="USPS"),
                  line(order_id(3), tracking_id="RB123456785XX", provider="Royal Mail"))
    problems = validate_tracking(lines)
    assert problems["code"].tolist() == ["tracking.format"] * 4
    variants = [p.get("variant") for p in problems["params"]]
    assert variants == ["check_digit", "close", "", "country"]
    texts = explain(problems, "en").tolist()
    assert "check digit" in texts[0] and "UPS" in texts[0]
    assert "UPS: 1Z5R89390357567127 (18)" in texts[1]
    assert "USPS 20: 03071790000523483741" in texts[2]
    assert '"XX"' in texts[3]


def test_provider_without_public_rules_gets_a_shape_check_and_a_warning():
    lines = frame(line(tracking_id="JX8009962760", provider="J&T Express"),
                  line(order_id(1), tracking_id="SPXTH012345678901", provider="SPX"),
                  line(order_id(2), tracking_id="HELLOWORLD1", provider="Flash Express"),
                  line(order_id(3), tracking_id="ABC1234567", provider="Evri"),
                  line(order_id(4), tracking_id="XYZ1234567", provider="TikTok Shipping"))
    problems = validate_tracking(lines)
    assert list(zip(problems["row"], problems["code"], problems["severity"])) == [
        (4, "tracking.unknown_carrier_format", "warning"), (5, "tracking.provider_unknown", "error"),
        (6, "tracking.unknown_carrier_format", "warning")]
    assert [p["variant"] for p in problems["params"]] == ["shape", "", "any"]


def test_a_valid_number_of_another_carrier_on_a_shape_only_provider_is_a_wrong_carrier():
    assert codes(frame(line(tracking_id=UPS, provider="Kerry Express"))) == [(2, "tracking.wrong_carrier")]


def test_a_number_without_provider_is_an_error():
    assert codes(frame(line(provider=None), )) == [(2, "tracking.no_provider")]
    assert codes(frame(line(provider="  "))) == [(2, "tracking.no_provider")]


def test_the_carriers_sheet_edits_the_mapping():
    rows = carriers_sheet_rows()
    assert rows[0] == ["Provider Name", "Courier", "Markets"] and ["USPS", "usps, s10:US", ""] in rows
    assert ["Kerry Express", "kerry", "TH"] in rows
    lines = frame(line(tracking_id=USPS, provider="UPS"),
                  line(order_id(1), tracking_id="9505511069605048600624", provider="Evri"),
                  line(order_id(2), tracking_id=S10_GB, provider="Evri"))
    assert codes(lines) == [(2, "tracking.wrong_carrier"), (3, "tracking.provider_unknown"),
                            (4, "tracking.provider_unknown")]
    team = provider_map_from_rows([["Provider Name", "Courier"], ["UPS", "ups"], ["UPS", "usps"],
                                   ["Evri", "s10:GB"], [None, "x"], []])
    assert codes(lines, provider_map=team) == [(3, "tracking.wrong_carrier")]
    assert codes(lines, provider_map={"Evri": "s10:GB", "UPS": "ups, usps"}) == [(3, "tracking.wrong_carrier")]


def test_row_index_and_ids_are_kept():
    lines = frame(line(tracking_id="bad", provider="UPS"), first_row=41)
    problems = validate_tracking(lines)
    assert problems.loc[0, ["row", "order_id", "tracking_id"]].tolist() == [41, "576461413038785752", "BAD"]


@pytest.mark.parametrize("value, variant", [("1Z5R8939-0357567127", "characters"), ("1Z5R", "too_short"),
                                            ("<b>1Z</b>", "characters"), ("9" * 41, "too_long")])
def test_numbers_no_carrier_could_issue_are_errors_whatever_the_provider(value, variant):
    for provider in ("UPS", "Evri", "TikTok Shipping", "J&T Express"):
        problems = validate_tracking(frame(line(tracking_id=value, provider=provider)))
        assert problems["code"].tolist() == ["tracking.format"]
        assert problems.loc[0, "params"]["variant"] == variant


def test_every_problem_explains_itself_in_both_languages():
    lines = frame(line(tracking_id=USPS), line(order_id(1), tracking_id=UPS), line(order_id(2), tracking_id=UPS),
                  line(order_id(3), tracking_id=None, packed="yes"), line(order_id(4), tracking_id="9.4E+21"),
                  line(order_id(5), tracking_id="1Z5R8939035756712"), line(order_id(6), tracking_id="x" * 80),
                  line(order_id(7), tracking_id="ABCDEFGH12", provider="Evri"), line(order_id(8), provider=""),
                  line(order_id(9), tracking_id="ABCDEFGH12", provider="Ninja Van"),
                  line(order_id(10), tracking_id="1Z-5R8", provider="UPS"), line(order_id(11), tracking_id="1Z5"))
    problems = validate_tracking(lines)
    assert set(problems["code"]) == {"tracking.wrong_carrier", "tracking.duplicate", "tracking.missing",
                                     "tracking.mangled", "tracking.format", "tracking.unknown_carrier_format",
                                     "tracking.no_provider", "tracking.provider_unknown"}
    for lang in ("en", "zh"):
        for text in explain(problems, lang):
            assert text and not re.search(r"\{\w+\}", text), text
    assert all(re.search(r"[\u4e00-\u9fff]", t) for t in explain(problems, "zh"))


def test_an_empty_frame_and_missing_columns_are_fine():
    assert validate_tracking(pd.DataFrame()).empty
    assert list(validate_tracking(pd.DataFrame({"tracking_id": [UPS]}))["code"]) == ["tracking.no_provider"]
