"""Buyer-message templates: every template in every language renders with the order's details, no leftover
placeholders, plain text; the language follows the destination and a buyer_language column."""

from __future__ import annotations

import itertools
import re

import pytest

from tests.review.conftest import frame, line, problem, run
from tkops import templating
from tkops.errors import ConfigError
from tkops.review.buyer import BUYER_TEMPLATES, TEMPLATE_LANGUAGES, TEMPLATE_NAMES, template_path

ORDER_ID = "577000000000000042"
VARIANTS = [
    {"reason": "missing", "missing": ["zipcode", "city"], "problem": "format", "kind": "colour", "asked": "preto",
     "short": 1, "alternative": "Black, M", "latin_only": True, "first_name": "Ana", "full_name": "Ana Souza"},
    {"reason": "house_number", "missing": ["house_number"], "problem": "mismatch", "kind": "size", "asked": "",
     "region": "province", "short": 2, "alternative": "", "latin_only": False, "first_name": "", "full_name": ""},
    {"reason": "placeholder", "missing": ["address_line_1"], "problem": "state", "kind": "colour", "asked": "",
     "region": "prefecture", "short": 2, "alternative": "", "latin_only": False, "first_name": "Ana",
     "full_name": "Ana Souza"},
    {"reason": "missing", "missing": ["recipient", "address_line_2", "state", "districts", "house_name_or_number"],
     "problem": "missing", "kind": "size", "asked": "XL", "region": "county", "short": 1, "alternative": "",
     "latin_only": True, "first_name": "Ana", "full_name": "Ana Souza"},
]
BASE = {"code": "x", "order_id": ORDER_ID, "product": "Basic Tee", "variation": "White, M", "quantity": 2,
        "address": "12 Main St, Springfield", "zipcode": "9001", "state": "XX", "city": "Springfield",
        "phone": "123", "country": "US", "region": "state"}
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|Undefined|None")


def test_every_template_exists_in_every_language():
    shipped = templating.shipped_templates() / "messages"
    for lang, name in itertools.product(TEMPLATE_LANGUAGES, TEMPLATE_NAMES):
        assert (shipped / lang / f"{name}.txt.j2").is_file(), (lang, name)
    assert set(BUYER_TEMPLATES.values()) == set(TEMPLATE_NAMES)


@pytest.mark.parametrize("lang", TEMPLATE_LANGUAGES)
@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_template_renders_in_every_language(lang, name):
    for variant in VARIANTS:
        text = templating.render(template_path(name, lang), {**BASE, **variant})
        assert ORDER_ID in text
        assert not LEFTOVER.search(text), text
        assert "<" not in text and "&amp;" not in text and "&#" not in text
        assert text.strip() and len(text) < 900
        if variant["first_name"] and lang != "ja":
            assert "Ana" in text


@pytest.mark.parametrize("market, lang", [("US", "en"), ("GB", "en"), ("MX", "es"), ("ES", "es"), ("BR", "pt"),
                                          ("DE", "de"), ("FR", "fr"), ("IT", "it"), ("JP", "ja"), ("ID", "id"),
                                          ("MY", "ms"), ("TH", "th"), ("VN", "vi"), ("SG", "en"), ("PH", "en")])
def test_the_buyer_language_follows_the_destination(market, lang):
    p = problem(run(frame(line(market, zipcode="X"))), "address.zip_format")
    assert p["buyer_language"] == lang
    assert p["buyer_template"] == f"messages/{lang}/address_postcode.txt.j2"
    assert "577000000000000001" in p["buyer_message"]


def test_a_buyer_language_column_overrides_the_country():
    lines = frame(line("US", zipcode="X", buyer_language="es-MX"), line("US", n=2, zipcode="X", buyer_language="xx"))
    result = run(lines)
    assert result.problems["buyer_language"].tolist() == ["es", "en"]


def test_the_buyer_message_carries_the_order_details():
    p = problem(run(frame(line("DE", recipient="Anna Müller", address_line_1="Hauptstraße"))),
                "address.no_house_number")
    assert p["buyer_message"].startswith("Hallo Anna,")
    assert "Hausnummer" in p["buyer_message"] and "577000000000000001" in p["buyer_message"]


def test_masked_names_are_not_used_to_greet():
    p = problem(run(frame(line(recipient="J*** S***", zipcode="X"))), "address.zip_format")
    assert p["buyer_message"].startswith("Hi,")


def test_the_same_message_is_not_sent_twice_for_one_order():
    lines = frame(line(phone="123"), line(phone="123", seller_sku="TEE-BLK-M"))
    result = run(lines)
    assert result.problems["buyer_message"].notna().sum() == 1


def test_problems_without_a_question_have_no_message():
    p = problem(run(frame(line(order_amount=1000.0))), "risk.high_value")
    assert p["buyer_template"] is None and p["buyer_message"] is None


def test_the_team_templates_folder_is_used_first(tmp_path):
    own = tmp_path / "messages" / "en"
    own.mkdir(parents=True)
    (own / "phone.txt.j2").write_text("Order {{ order_id }}: your number please?", encoding="utf-8")
    result = run(frame(line(phone="12", zipcode="X")), template_folder=str(tmp_path))
    assert problem(result, "phone.invalid")["buyer_message"] == "Order 577000000000000001: your number please?"
    assert "ZIP code" in problem(result, "address.zip_format")["buyer_message"]  # not overridden: shipped one


def test_a_broken_team_template_is_a_clear_error(tmp_path):
    own = tmp_path / "messages" / "en"
    own.mkdir(parents=True)
    (own / "phone.txt.j2").write_text("Hi {{ nickname }}", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        run(frame(line(phone="12")), template_folder=str(tmp_path))
    assert "messages/en/phone.txt.j2" in err.value.render("en") and "nickname" in err.value.render("en")
