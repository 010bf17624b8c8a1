"""Address rules for every market: required parts, placeholders, postal codes, US states and ZIPs, house numbers,
PO boxes, unprintable characters, unknown countries; masked parts are never flagged."""

from __future__ import annotations

import pytest

from tests.review.conftest import CLEAN, frame, line, problem, run, tuples


@pytest.mark.parametrize("market", sorted(CLEAN))
def test_a_clean_address_of_every_market_has_no_problem(market):
    assert tuples(run(frame(line(market)))) == set()


@pytest.mark.parametrize("market, part", [
    ("US", "zipcode"), ("US", "state"), ("US", "city"), ("GB", "zipcode"), ("DE", "zipcode"), ("MX", "state"),
    ("BR", "state"), ("JP", "state"), ("TH", "zipcode"), ("VN", "state"), ("SG", "zipcode"), ("ID", "city"),
    ("FR", "address_line_1"), ("IT", "recipient"),
])
def test_a_required_part_left_empty_is_missing(market, part):
    result = run(frame(line(market, **{part: ""})))
    assert tuples(result, "address.missing_part") == {(2, part, "address.missing_part")}


def test_missing_parts_are_listed_together_on_one_problem():
    result = run(frame(line("US", city="", zipcode="")))
    p = problem(result, "address.missing_part")
    assert p["column"] == "city" and p["params"]["columns"] == ["city", "zipcode"]
    assert p["explanation"] == "address has no City, Zipcode"


def test_parts_a_country_does_not_need_are_not_missing():
    # Vietnam has no postal codes in exports; Ireland's Eircode is optional; Japan puts the town in line 1.
    assert tuples(run(frame(line("VN", zipcode=""), line("IE", n=2, zipcode=""), line("JP", n=3, city="")))) == set()


def test_a_column_the_export_does_not_have_is_not_missing():
    lines = frame(line("US")).drop(columns=["zipcode", "state"])
    assert tuples(run(lines), "address.") == set()


def test_a_line_is_not_asked_for_a_part_its_export_had_no_column_for():
    """A US line and a Malaysian line without the Zipcode column in one sheet (docs/exports.md#what-the-review-asks-for):
    only the line whose export had the column is asked for it."""
    lines = frame(line("US", zipcode=""), line("MY", n=2, zipcode="", export_lacks="Zipcode"),
                  line("MY", n=3, zipcode="", export_lacks="City, Zipcode"), line("MY", n=4, zipcode="",
                                                                                   export_lacks="Zipcodes"),
                  line("MY", n=5, zipcode="", export_lacks=""), line("MY", n=6, zipcode="", export_lacks=None))
    assert tuples(run(lines), "address.") == {(2, "zipcode", "address.missing_part"),
                                              (5, "zipcode", "address.missing_part"),
                                              (6, "zipcode", "address.missing_part"),
                                              (7, "zipcode", "address.missing_part")}


def test_the_per_line_record_only_excuses_the_parts_it_names():
    lines = frame(line("US", city="", zipcode="", export_lacks="Zipcode"),
                  line("US", n=2, city="", state="", export_lacks=" City ,State"))
    assert tuples(run(lines), "address.") == {(2, "city", "address.missing_part")}


@pytest.mark.parametrize("value", ["N/A", "n.a.", "test", ".", "xxx", "-", "None", "asdf"])
def test_placeholders_are_flagged(value):
    assert tuples(run(frame(line(address_line_1=value)))) == {(2, "address_line_1", "address.placeholder")}


def test_placeholder_city_and_recipient_and_too_short_line():
    result = run(frame(line(city="na"), line(n=2, recipient="TEST"), line(n=3, address_line_1="1 A")))
    assert tuples(result) == {(2, "city", "address.placeholder"), (3, "recipient", "address.placeholder"),
                              (4, "address_line_1", "address.placeholder")}
    assert "too short" in result.problems.loc[result.problems["row"] == 4, "explanation"].iloc[0]


def test_address_line_2_placeholders_are_harmless():
    assert tuples(run(frame(line(address_line_2="N/A")))) == set()


@pytest.mark.parametrize("market, bad", [
    ("US", "9001"), ("US", "ABCDE"), ("GB", "12345"), ("IE", "12345"), ("DE", "1011"), ("FR", "7500"),
    ("ES", "60000"), ("MX", "0660"), ("BR", "01310-10"), ("JP", "1000-001"), ("SG", "01895"), ("PH", "12000"),
    ("TH", "01234"), ("MY", "5045"),
])
def test_postal_codes_outside_the_country_format(market, bad):
    assert tuples(run(frame(line(market, zipcode=bad)))) == {(2, "zipcode", "address.zip_format")}


@pytest.mark.parametrize("market, good", [
    ("US", "90012-3456"), ("GB", "sw1a1aa"), ("GB", "M1 1AE"), ("BR", "01310100"), ("JP", "〒１００-０００１"),
    ("JP", "1000001"), ("FR", "75 001"), ("VN", "700000"), ("VN", "70000"),
])
def test_postal_codes_written_in_other_accepted_ways(market, good):
    assert tuples(run(frame(line(market, zipcode=good)))) == set()


def test_us_zip_with_a_lost_leading_zero_says_so():
    result = run(frame(line(state="MA", zipcode="2134", city="Boston")))
    assert "leading zero" in problem(result, "address.zip_format")["explanation"]


def test_us_state_names_and_codes():
    lines = frame(line(state="California"), line(n=2, state="ca"), line(n=3, state="Californa"),
                  line(n=4, state="ZZ"), line(n=5, state="US-CA"), line(n=6, state="new york", zipcode="10001"))
    assert tuples(run(lines)) == {(4, "state", "address.state_invalid"), (5, "state", "address.state_invalid")}


def test_zip_must_belong_to_the_state():
    lines = frame(line(state="California", zipcode="10001"), line(n=2, state="NY", zipcode="10001"),
                  line(n=3, state="TX", zipcode="73301"), line(n=4, state="AE", zipcode="09001"))
    result = run(lines)
    assert tuples(result) == {(2, "zipcode", "address.zip_state_mismatch")}
    assert problem(result, "address.zip_state_mismatch")["explanation"] == \
        "ZIP code 10001 is in NY, but the state is CA"


@pytest.mark.parametrize("market, street", [("US", "Main Street"), ("DE", "Hauptstraße"), ("GB", "High Street"),
                                            ("JP", "千代田")])
def test_no_house_number(market, street):
    assert tuples(run(frame(line(market, address_line_1=street)))) == {
        (2, "address_line_1", "address.no_house_number")}


@pytest.mark.parametrize("market, street, extra", [
    ("ES", "Calle Mayor s/n", {}), ("JP", "千代田一丁目", {}), ("GB", "Rose Cottage", {"house_name_or_number": "Rose"}),
    ("US", "Main Street", {"address_line_2": "Unit 5"}), ("TH", "ถนนพระราม", {}), ("IE", "Main Street", {}),
])
def test_numbers_elsewhere_or_not_expected(market, street, extra):
    assert tuples(run(frame(line(market, address_line_1=street, **extra)))) == set()


@pytest.mark.parametrize("street", ["PO Box 123", "P.O. Box 12", "po box 7", "Postfach 1234", "Apartado de Correos 5",
                                    "Caixa Postal 44", "POB 99"])
def test_po_boxes_are_warned(street):
    result = run(frame(line(address_line_1=street)))
    assert tuples(result) == {(2, "address_line_1", "address.po_box")}
    assert problem(result, "address.po_box")["severity"] == "warning"


def test_po_box_in_line_2():
    assert tuples(run(frame(line(address_line_2="PO Box 5")))) == {(2, "address_line_2", "address.po_box")}


@pytest.mark.parametrize("market, column, value", [
    ("US", "address_line_1", "123 Main St 😀"), ("US", "recipient", "Иван Петров"), ("DE", "city", "北京"),
    ("TH", "address_line_1", "99/1 ถนนพระราม 1 🎁"), ("JP", "address_line_1", "千代田1-1 ♥"),
    ("US", "address_line_1", "123 Main St\u202e"),
])
def test_unprintable_characters(market, column, value):
    result = run(frame(line(market, **{column: value})))
    assert tuples(result) == {(2, column, "address.unprintable_chars")}


def test_unprintable_characters_are_shown():
    result = run(frame(line(address_line_1="12 Main St 😀\u202e")))
    assert problem(result, "address.unprintable_chars")["params"]["chars"] == "😀, U+202E"


@pytest.mark.parametrize("market, column, value", [
    ("TH", "address_line_1", "99/1 ถนนพระราม 1"), ("VN", "address_line_1", "12 Nguyễn Huệ, Phường Bến Nghé"),
    ("JP", "recipient", "やまだ タロウ"), ("DE", "recipient", "Jürgen Groß"), ("FR", "city", "Besançon"),
    ("US", "recipient", "José Nuñez-O'Brien"),
])
def test_scripts_the_destination_prints(market, column, value):
    assert tuples(run(frame(line(market, **{column: value})))) == set()


def test_masked_parts_are_accepted():
    lines = frame(line(recipient="J*** S***", address_line_1="1*** M*** St", zipcode="900**", state="C*"),
                  line("TH", n=2, address_line_1="9*/* ถนน***", recipient="ส****"))
    assert tuples(run(lines)) == set()


def test_unknown_country():
    result = run(frame(line(country="Narnia"), line(n=2, country="USA"), line("GB", n=3, country="UK"),
                       line("VN", n=4, country="Vietnam")))
    assert tuples(result) == {(2, "country", "address.unknown_country")}


def test_country_codes_and_the_market_fallback():
    from tkops.settings import Settings

    result = run(frame(line(country="", zipcode="ABC")), settings=Settings(market="US"))
    assert tuples(result) == {(2, "zipcode", "address.zip_format")}


def test_order_level_problems_go_on_the_first_line_of_the_order():
    lines = frame(line(zipcode="9001"), line(zipcode="9001", seller_sku="TEE-BLK-M"), index=[7, 8])
    assert tuples(run(lines)) == {(7, "zipcode", "address.zip_format")}
