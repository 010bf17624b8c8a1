"""The Rules sheet (defaults -> rows -> RuleConfig round-trip, switching off, severities, thresholds) and the
Keywords sheet."""

from __future__ import annotations

import pytest

from tests.review.conftest import frame, line, run, tuples
from tkops.errors import ConfigError
from tkops.review import (CODES, RULES_SHEET_HEADERS, RuleConfig, default_keyword_rows, keywords_from_sheet_rows,
                          rules_sheet_rows)
from tkops.review.config import SETTINGS
from tkops.review.rules import REGISTRY, codes

BAD = {"zipcode": "1", "buyer_message": "black please", "phone": "", "quantity": 9, "order_amount": 999.0}


def test_every_registered_code_is_on_the_rules_sheet_and_back():
    assert set(codes()) == set(CODES)
    rows = rules_sheet_rows()
    assert rows[0] == RULES_SHEET_HEADERS
    assert {r[0] for r in rows[1:] if not r[3]} == set(CODES)
    config = RuleConfig.from_sheet_rows(rows)
    assert config == RuleConfig.from_sheet_rows(rules_sheet_rows(config))
    for code in CODES:
        assert config.enabled(code) and config.severity(code) == CODES[code][0]
    for code, name, *_ in SETTINGS:
        assert config.get(code, name) == RuleConfig().get(code, name)


def test_a_changed_sheet_round_trips():
    rows = rules_sheet_rows()
    for row in rows[1:]:
        if row[0] == "address.po_box" and not row[3]:
            row[1], row[2] = "No", "error"
        if row[0] == "timing.cooling_off" and row[3] == "Hold Minutes":
            row[4] = 30
    config = RuleConfig.from_sheet_rows(rows)
    assert not config.enabled("address.po_box") and config.severity("address.po_box") == "error"
    assert config.get("timing.cooling_off", "Hold Minutes") == 30
    assert RuleConfig.from_sheet_rows(rules_sheet_rows(config)) == config


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.name)
def test_a_rule_switched_off_yields_nothing(rule):
    lines = frame(line(**BAD), line(n=2, **BAD, buyer_username="buyer1", address_line_2=""))
    before = {code for _, _, code in tuples(run(lines))}
    rows = [RULES_SHEET_HEADERS] + [[code, "No", "", "", "", "", ""] for code in rule.codes]
    after = {code for _, _, code in tuples(run(lines, config=RuleConfig.from_sheet_rows(rows)))}
    assert not after & set(rule.codes)
    assert after == before - set(rule.codes)


def test_severity_override_changes_hold():
    lines = frame(line(address_line_1="PO Box 5"))
    assert run(lines).statuses.tolist() == ["Ready"]
    rows = [RULES_SHEET_HEADERS, ["address.po_box", "Yes", "error", "", "", "", ""]]
    assert run(lines, config=RuleConfig.from_sheet_rows(rows)).statuses.tolist() == ["Hold"]


@pytest.mark.parametrize("row", [
    ["address.nope", "Yes", "", "", ""], ["address.po_box", "maybe", "", "", ""],
    ["address.po_box", "", "fatal", "", ""], ["timing.cooling_off", "", "", "Hold Minutes", "soon"],
    ["timing.cooling_off", "", "", "Nap Minutes", "5"], ["risk.unusual_quantity", "", "", "Max Quantity", 2.5],
])
def test_bad_rows_are_config_errors_naming_the_rule(row):
    with pytest.raises(ConfigError) as err:
        RuleConfig.from_sheet_rows([RULES_SHEET_HEADERS[:5], row])
    assert row[0] in err.value.render("en")


def test_blank_rows_and_booleans_from_excel():
    config = RuleConfig.from_sheet_rows([RULES_SHEET_HEADERS, [None] * 7, ["phone.missing", False, None, None, None],
                                         ["phone.invalid", True]])
    assert not config.enabled("phone.missing") and config.enabled("phone.invalid")


def test_keywords_sheet_rows():
    rows = default_keyword_rows()
    assert rows[0] == ["Category", "Language", "Keyword"]
    assert {r[1] for r in rows[1:]} == {"en", "es", "de", "fr", "it", "pt", "id", "ms", "th", "vi", "ja", "zh"}
    keywords = keywords_from_sheet_rows(rows)
    assert keywords.pattern("gift").search("gift")
    with pytest.raises(ConfigError) as err:
        keywords_from_sheet_rows([["Category", "Language", "Keyword"], ["weather", "en", "rain"]])
    assert "row 2" in err.value.render("en")
