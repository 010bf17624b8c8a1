"""Shipping Provider Names checked against the Carriers sheet and the shop's market; names that are formulas or
markup held and never written to the upload file (docs/tracking.md#provider-names)."""

from __future__ import annotations

import re

import openpyxl
import pytest

from tests.shipping.conftest import DHL, S10_GB, UPS, USPS, codes, frame, line, order_id, write_upload
from tkops.shipping import explain, provider_map_from_rows, shipping_upload, validate_tracking
from tkops.shipping.carriers import in_market, parse_markets, provider_map, unsafe_name

HOSTILE = ['<script>alert(1)</script>', '=HYPERLINK("http://evil.example","UPS")', "+UPS", "-UPS", "@SUM(A1)",
           "=UPS", "UPS<b>", "U\nPS", "UPS\x07"]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_provider_name_that_is_a_formula_or_markup_is_held(name, tmp_path):
    lines = frame(line(tracking_id=UPS, provider=name))
    problems = validate_tracking(lines)
    assert list(zip(problems["code"], problems["severity"])) == [("tracking.provider_unsafe", "error")]
    for lang, word in (("en", "formula or markup"), ("zh", "公式或标记")):
        text = explain(problems, lang)[0]
        assert word in text and not text.startswith(("=", "+", "-", "@"))
    upload, rejected = shipping_upload(lines, problems, set())
    assert upload.empty and rejected["Codes"].tolist() == ["tracking.provider_unsafe"]
    # and the upload file is text through and through even for a name that gets past a caller
    upload.loc[2] = ["576461413038785752", "", "1", UPS, name, "", "N/A"]
    path = write_upload(tmp_path / "up.xlsx", upload)
    cell = openpyxl.load_workbook(path)["Shipping info"]["E2"]
    assert cell.data_type == "s"


def test_unsafe_name_rules():
    assert [unsafe_name(n) for n in HOSTILE] == [True] * len(HOSTILE)
    assert not any(unsafe_name(n) for n in ("UPS", "J&T Express", "Royal Mail", "顺丰速运", "DHL eCommerce", "",
                                            None, "  ", "Yun-Express", "A+B Logistics"))
    assert unsafe_name("  =UPS")  # spaces before the sign do not hide it


def test_a_provider_name_not_on_the_carriers_sheet_is_held_with_a_suggestion():
    lines = frame(line(tracking_id=UPS, provider="Evri"), line(order_id(1), tracking_id="HELLO12345", provider="Evri"))
    problems = validate_tracking(lines)
    assert problems["code"].tolist() == ["tracking.provider_unknown"] * 2
    assert problems.loc[0, "params"]["suggest"] == "UPS" and problems.loc[1, "params"]["variant"] == ""
    texts = explain(problems, "en").tolist()
    assert "not on the Carriers sheet" in texts[0] and "fits UPS" in texts[0]
    assert "Seller Center" in texts[1]
    assert "Carriers" in explain(problems, "zh")[0]
    team = provider_map_from_rows([["Provider Name", "Courier"], ["Evri", ""]])  # the team added it, no format
    assert codes(lines, provider_map=team) == [(2, "tracking.wrong_carrier")]  # a UPS number is still a UPS one


def test_provider_markets_on_the_carriers_sheet():
    rows = [["Provider Name", "Courier", "Markets"], ["UPS", "ups", "US, uk"], ["Kerry Express", "kerry", "TH"]]
    team = provider_map_from_rows(rows)
    ups_line = frame(line(tracking_id=UPS, provider="UPS"))
    assert codes(ups_line, provider_map=team, market="US") == []
    assert codes(ups_line, provider_map=team, market="GB") == []  # UK on the sheet is GB
    assert codes(ups_line, provider_map=team, market="UK") == []
    assert codes(ups_line, provider_map=team) == []  # no market set: every provider on the sheet is fine
    problems = validate_tracking(ups_line, team, "TH")
    assert problems["code"].tolist() == ["tracking.provider_market"]
    assert problems.loc[0, "params"]["markets"] == "US, GB"
    assert "TH" in explain(problems, "en")[0] and "Markets" in explain(problems, "zh")[0]


def test_parse_markets_and_in_market():
    assert parse_markets("th, MY;uk") == ("TH", "MY", "GB") and parse_markets(None) == ()
    assert parse_markets(float("nan")) == () and parse_markets(" ") == ()
    assert in_market((), "TH") and in_market(("TH",), None) and in_market(("TH",), "")
    assert in_market(("GB",), "uk") and not in_market(("TH",), "US")


def test_the_sheet_order_is_the_teams_preference():
    team = provider_map_from_rows([["Provider Name", "Courier", "Markets"], ["DHL Express", "dhl", ""],
                                   ["Parcelforce", "s10:GB", "GB"]])
    assert team.provider_for("dhl") == "DHL Express"
    assert team.provider_for("s10:GB", "GB") == "Parcelforce"
    assert team.provider_for("s10:GB", "US") == "Royal Mail"  # Parcelforce is listed for GB only
    assert provider_map().provider_for("dhl") == "DHL" and provider_map().provider_for("s10:SG") is None
    assert provider_map().provider_for("usps") == "USPS"
    assert list(team.entries)[:2] == ["dhlexpress", "parcelforce"]


def test_shapes_count_only_where_a_provider_carrying_them_serves_the_market():
    pm = provider_map()
    assert {s.name for s in pm.shapes_in("US")} == set()
    assert {"J&T Express", "Flash Express", "Kerry Express"} <= {s.name for s in pm.shapes_in("TH")}
    assert {"J&T Express", "Kerry Express"} <= {s.name for s in pm.shapes_in(None)}
    team = provider_map({"J&T Express": "jt"}, {"J&T Express": ["US"]})
    assert "J&T Express" in {s.name for s in team.shapes_in("US")}


def test_known_providers_keep_their_checks():
    lines = frame(line(tracking_id=USPS, provider="USPS"), line(order_id(1), tracking_id=DHL, provider="DHL"),
                  line(order_id(2), tracking_id=S10_GB, provider="Royal Mail"))
    assert codes(lines, market="US") == []
    assert all(not re.search(r"\{\w+\}", t) for t in explain(validate_tracking(lines), "en"))
