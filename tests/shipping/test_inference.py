"""The carrier inferred from a tracking number when Shipping Provider Name is blank: only when the number's carrier
is certain (docs/tracking.md#inference)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from tests.shipping.conftest import DHL, FEDEX, S10_GB, UPS, USPS, frame, line, order_id
from tkops.shipping import explain, provider_map_from_rows, validate_tracking
from tkops.shipping.carriers import provider_map
from tkops.shipping.inference import Inference, infer, inferred_providers

PM = provider_map()


@pytest.mark.parametrize("number, market, expected", [
    (UPS, "US", Inference("certain", "UPS", "UPS", "ups")),
    (USPS, "US", Inference("certain", "USPS", "USPS IMpb N", "usps")),
    ("9505511069605048600624", "US", Inference("certain", "USPS", "USPS IMpb C", "usps")),
    (S10_GB, "GB", Inference("certain", "Royal Mail", "S10 (GB: Royal Mail Group plc)", "s10:GB")),
    (FEDEX, "US", Inference("certain", "FedEx", "FedEx Express (12)", "fedex")),
    (DHL, "US", Inference("certain", "DHL", "DHL Express", "dhl")),
    ("C11031500001879", "US", Inference("certain", "OnTrac", "OnTrac", "ontrac")),
    # 12 digits could be a J&T or a Kerry number in Thailand, and a shop with no market set could be anywhere
    (FEDEX, "TH", Inference("several", carriers="FedEx Express (12), J&T Express, Kerry Express")),
    (FEDEX, None, Inference("several", carriers="FedEx Express (12), J&T Express, Kerry Express")),
    ("A1234567895", "US", Inference("several", carriers="Amazon International, UPS Waybill")),
    ("TBA000000000000", "US", Inference("no_check", carriers="Amazon Logistics")),
    ("YT2229521272164446", "US", Inference("no_check", carriers="YunExpress")),
    ("HELLOWORLD1", "US", Inference("unknown")),
    ("RB123456785SG", "SG", Inference("no_name", carriers="S10 (SG: SingPost)", code="s10:SG")),
    ("1Z5R89390357567128", "US", Inference("unknown")),  # a wrong check digit says nothing
])
def test_infer(number, market, expected):
    assert infer(number, PM, market) == expected


def test_the_provider_written_is_the_first_on_the_sheet_for_the_market():
    team = provider_map_from_rows([["Provider Name", "Courier", "Markets"], ["UPS Ground", "ups", "US"],
                                   ["UPS", "ups", ""]])
    assert infer(UPS, team, "US").provider == "UPS Ground"
    assert infer(UPS, team, "GB").provider == "UPS"


def test_inferred_providers_fills_only_blank_cells_of_live_lines():
    numbers = pd.Series({2: UPS, 3: UPS, 4: UPS, 5: "", 6: "TBA000000000000", 7: USPS, 8: UPS, 9: UPS})
    current = pd.Series({2: None, 3: "FedEx", 4: "  ", 5: None, 6: None, 7: float("nan"), 8: "", 9: None},
                        dtype=object)
    skip = pd.Series({2: False, 3: False, 4: False, 5: False, 6: False, 7: False, 8: True, 9: False})
    found = inferred_providers(numbers, current, PM, "US", skip)
    assert found.to_dict() == {2: "UPS", 4: "UPS", 7: "USPS", 9: "UPS"}
    assert inferred_providers(numbers, current, PM, "US").to_dict() == {2: "UPS", 4: "UPS", 7: "USPS", 8: "UPS",
                                                                        9: "UPS"}
    assert inferred_providers(pd.Series(dtype=object), pd.Series(dtype=object), PM).empty


def test_a_markup_provider_name_on_the_sheet_is_never_inferred():
    team = provider_map_from_rows([["Provider Name", "Courier"], ["=HYPERLINK(\"x\",\"UPS\")", "ups"]])
    assert infer(UPS, team, "US").provider.startswith("=")
    assert inferred_providers(pd.Series({2: UPS}), pd.Series({2: None}), team, "US").empty


def test_a_line_without_provider_says_what_the_number_tells():
    lines = frame(line(provider=None), line(order_id(1), tracking_id="A1234567895", provider=None),
                  line(order_id(2), tracking_id="TBA000000000000", provider=None),
                  line(order_id(3), tracking_id="HELLOWORLD1", provider=None),
                  line(order_id(4), tracking_id="RB123456785SG", provider=None))
    problems = validate_tracking(lines, None, "US")
    assert problems["code"].tolist() == ["tracking.no_provider"] * 5
    assert [p["variant"] for p in problems["params"]] == ["certain", "several", "no_check", "unknown", "no_name"]
    en, zh = explain(problems, "en").tolist(), explain(problems, "zh").tolist()
    assert '"UPS"' in en[0] and "run Ship" in en[0]
    assert "Amazon International, UPS Waybill" in en[1]
    assert "no check digit" in en[2] and "fits no known carrier" in en[3] and "Carriers sheet" in en[4]
    for text in en + zh:
        assert not re.search(r"\{\w+\}", text), text
    assert all(re.search(r"[\u4e00-\u9fff]", t) for t in zh)
