"""States and provinces of every market (docs/addresses.md): names in every script, common spellings and
abbreviations accepted, misspellings named with what they probably are, postal codes of another province named
with the province they belong to; US ZIPs against USPS data; UK BFPO postcodes."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.review.conftest import frame, line, problem, run, tuples
from tkops.settings import Settings


CODES = {"address.state_invalid", "address.zip_state_mismatch", "address.zip_format", "address.missing_part"}


def state_problems(market: str, state: str, zipcode: str | None = None, **more) -> set[tuple]:
    """The state, postal-code and missing-part problems of one line (a Chinese name on a Thai label is another
    matter: address.unprintable_chars)."""
    fields = {"state": state, **({"zipcode": zipcode} if zipcode is not None else {}), **more}
    return {t for t in tuples(run(frame(line(market, **fields)))) if t[2] in CODES}


ACCEPTED = [
    ("TH", "กรุงเทพมหานคร", "10330"), ("TH", "Bangkok", "10330"), ("TH", "BANGKOK", "10330"), ("TH", "กทม.", "10330"),
    ("TH", "Krung Thep Maha Nakhon", "10330"), ("TH", "曼谷", "10330"), ("TH", "จ.เชียงใหม่", "50200"),
    ("TH", "จังหวัดเชียงใหม่", "50200"), ("TH", "Chiang Mai Province", "50200"), ("TH", "Chonburi", "20150"),
    ("TH", "Chon Buri", "20150"), ("TH", "Samut Prakan", "10270"), ("TH", "Bangkok Metropolis", "10330"),
    ("TH", "Bangkok City", "10330"), ("JP", "Tokyo Metropolis", "100-0001"),
    ("JP", "東京都", "100-0001"), ("JP", "東京", "100-0001"), ("JP", "Tokyo", "1000001"), ("JP", "Tokyo-to", "100-0001"),
    ("JP", "TŌKYŌ", "100-0001"), ("JP", "大阪府", "530-0001"), ("JP", "Osaka-fu", "530-0001"), ("JP", "北海道", "060-0001"),
    ("US", "California", "90012"), ("US", "ca", "90012"), ("US", "US-CA", "90012"), ("US", "New York State", "10001"),
    ("US", "加利福尼亚州", "90012"), ("US", "Washington DC", "20001"), ("US", "District of Columbia", "20001"),
    ("MX", "CDMX", "06600"), ("MX", "Ciudad de México", "06600"), ("MX", "Mexico City", "06600"),
    ("MX", "Nuevo Leon", "64000"), ("MX", "N.L.", "64000"), ("MX", "Estado de México", "50000"),
    ("BR", "SP", "01310-100"), ("BR", "São Paulo", "01310-100"), ("BR", "sao paulo", "01310100"),
    ("BR", "Rio de Janeiro", "20040-020"),
    ("ES", "Madrid", "28013"), ("ES", "Comunidad de Madrid", "28013"), ("ES", "Gipuzkoa", "20001"),
    ("ES", "Guipúzcoa", "20001"), ("ES", "Illes Balears", "07001"), ("ES", "Islas Baleares", "07001"),
    ("ES", "Cataluña", "08001"), ("ES", "Lleida", "25001"),
    ("IT", "RM", "00184"), ("IT", "Roma", "00184"), ("IT", "Lazio", "00184"), ("IT", "Provincia di Milano", "20121"),
    ("MY", "Kuala Lumpur", "50450"), ("MY", "W.P. Kuala Lumpur", "50450"), ("MY", "Wilayah Persekutuan Kuala Lumpur",
                                                                              "50450"),
    ("MY", "Penang", "10200"), ("MY", "Pulau Pinang", "10200"), ("MY", "Negeri Sembilan", "70000"),
    ("PH", "Metro Manila", "1000"), ("PH", "NCR", "1200"), ("PH", "National Capital Region", "1200"),
    ("PH", "Cebu", "6000"), ("PH", "Davao de Oro", "8800"),
    ("ID", "DKI Jakarta", "10110"), ("ID", "Jakarta", "10110"), ("ID", "Jawa Barat", "40111"),
    ("ID", "West Java", "40111"), ("ID", "Papua Selatan", "99600"),
    ("VN", "Hà Nội", ""), ("VN", "Ha Noi", ""), ("VN", "Hanoi", ""), ("VN", "Thành phố Hồ Chí Minh", ""),
    ("VN", "TP. Hồ Chí Minh", ""), ("VN", "Ho Chi Minh City", ""), ("VN", "Đắk Lắk", ""), ("VN", "Dak Lak", ""),
    ("IE", "Co. Dublin", "D02 X285"), ("IE", "Dublin", "D02 X285"), ("IE", "County Cork", "T12 X70A"),
]


@pytest.mark.parametrize("market", sorted({m for m, *_ in ACCEPTED}))
def test_names_in_every_script_common_spellings_and_abbreviations_are_accepted(market):
    spellings = [(state, zipcode) for m, state, zipcode in ACCEPTED if m == market]
    lines = frame(*(line(market, n=n, state=state, zipcode=zipcode) for n, (state, zipcode) in enumerate(spellings, 1)))
    found = {t for t in tuples(run(lines)) if t[2] in CODES}
    assert not found, [(spellings[row - 2], code) for row, _, code in found]


@pytest.mark.parametrize("market, state, zipcode, probably", [
    ("TH", "Bangkock", "10330", "Bangkok"), ("TH", "Chiang Maii", "50200", "Chiang Mai"),
    ("TH", "เชียงใหม", "50200", "เชียงใหม่"), ("US", "Californa", "90012", "California"),
    ("JP", "Kanagwa", "220-0001", "Kanagawa"), ("MY", "Selangr", "40000", "Selangor"),
    ("PH", "Pampnga", "2000", "Pampanga"), ("ID", "Jawa Barrat", "40111", "Jawa Barat"),
    ("VN", "Ha Noii", "", "Hà Nội"), ("MX", "Jalsco", "44100", "Jalisco"), ("BR", "Sao Paolo", "01310-100", "São Paulo"),
    ("ES", "Barcelna", "08001", "Barcelona"), ("IT", "Milnao", "20121", "Milano"),
    ("IE", "Co. Dubln", "D02 X285", "Co. Dublin"),
])
def test_a_misspelt_province_is_named_with_what_it_probably_is(market, state, zipcode, probably):
    result = run(frame(line(market, state=state, zipcode=zipcode)))
    assert tuples(result, "address.") == {(2, "state", "address.state_invalid")}
    p = problem(result, "address.state_invalid")
    assert p["explanation"].endswith(f": probably {probably}")
    assert p["severity"] == "error"
    assert pd.isna(p["buyer_message"])  # the team fixes it: no message to the buyer


def test_an_unknown_province_without_a_close_name_asks_the_buyer():
    result = run(frame(line("TH", state="Narnia", zipcode="10330")))
    p = problem(result, "address.state_invalid")
    assert p["explanation"] == "Thailand has no province \"Narnia\""
    assert "จังหวัด \"Narnia\"" in p["buyer_message"]


@pytest.mark.parametrize("market, state, zipcode, belongs_to", [
    ("TH", "กรุงเทพมหานคร", "77110", "Prachuap Khiri Khan (ประจวบคีรีขันธ์)"),
    ("TH", "Chiang Mai", "10330", "Bangkok (กรุงเทพมหานคร) / Samut Prakan (สมุทรปราการ)"),
    ("JP", "大阪府", "100-0001", "Tokyo (東京都)"), ("IT", "Roma", "20121", "Milano (MI)"),
    ("ES", "Madrid", "08001", "Barcelona (B)"), ("MX", "Jalisco", "06600", "Ciudad de México (CDMX)"),
    ("BR", "RJ", "01310-100", "São Paulo (SP)"), ("MY", "Johor", "50450", "Kuala Lumpur"),
    ("PH", "Cebu", "2000", "Pampanga"), ("US", "CA", "10001", "NY"),
])
def test_a_postal_code_of_another_province_names_the_province_it_belongs_to(market, state, zipcode, belongs_to):
    result = run(frame(line(market, state=state, zipcode=zipcode)))
    assert tuples(result, "address.") == {(2, "zipcode", "address.zip_state_mismatch")}
    p = problem(result, "address.zip_state_mismatch")
    assert p["params"]["expected"] == belongs_to
    assert belongs_to in p["explanation"]
    assert p["buyer_message"]


def test_the_explanations_in_both_languages():
    lines = frame(line("TH", state="กรุงเทพมหานคร", zipcode="77110"), line("TH", n=2, state="Bangkock", zipcode="10330"))
    en = run(lines).problems["explanation"].tolist()
    zh = run(lines, settings=Settings(language="zh")).problems["explanation"].tolist()
    assert en == ["postal code 77110 belongs to Prachuap Khiri Khan (ประจวบคีรีขันธ์), but the province is Bangkok "
                  "(กรุงเทพมหานคร)", "Thailand has no province \"Bangkock\": probably Bangkok"]
    assert zh == ["邮编 77110 属于 Prachuap Khiri Khan (ประจวบคีรีขันธ์)，但省为 Bangkok (กรุงเทพมหานคร)",
                  "泰国没有名为“Bangkock”的省：可能是 Bangkok"]


def test_a_postal_code_of_no_province_says_so():
    p = problem(run(frame(line("PH", state="Cebu", zipcode="1000"))), "address.zip_state_mismatch")
    assert p["explanation"] == "postal code 1000 does not belong to the province Cebu"


def test_the_buyer_is_asked_about_the_province_in_their_language():
    p = problem(run(frame(line("TH", state="กรุงเทพมหานคร", zipcode="77110"))), "address.zip_state_mismatch")
    assert "ไม่ตรงกับจังหวัด" in p["buyer_message"] and "รัฐ" not in p["buyer_message"]
    p = problem(run(frame(line("JP", state="大阪府", zipcode="100-0001"))), "address.zip_state_mismatch")
    assert "都道府県" in p["buyer_message"]
    p = problem(run(frame(line("US", state="CA", zipcode="10001"))), "address.zip_state_mismatch")
    assert "ZIP code 10001 doesn't seem to match the state CA" in p["buyer_message"]


@pytest.mark.parametrize("market, state, zipcode", [
    ("TH", "Bueng Kan", "99999"), ("PH", "Metro Manila", "6000"), ("ID", "Jawa Barat", "10110"),
    ("IE", "Co. Cork", "D02 X285"), ("ID", "Papua Selatan", "10110"), ("PH", "Maguindanao del Norte", "1000"),
])
def test_a_province_the_data_has_no_postal_codes_for_is_not_judged_by_its_postal_code(market, state, zipcode):
    assert state_problems(market, state, zipcode) == set()


def test_a_region_standing_for_several_provinces():
    assert state_problems("IT", "Lazio", "04100") == set()  # Latina
    p = problem(run(frame(line("IT", state="Lazio", zipcode="20121"))), "address.zip_state_mismatch")
    assert p["explanation"] == "postal code 20121 belongs to Milano (MI), but the province is Lazio"


@pytest.mark.parametrize("state, zipcode, city", [
    ("WY", "83414", "Alta"), ("NY", "06390", "Fishers Island"), ("FM", "96941", "Pohnpei"), ("MH", "96960", "Majuro"),
    ("PW", "96940", "Koror"), ("GU", "96910", "Hagatna"), ("MP", "96950", "Saipan"), ("AS", "96799", "Pago Pago"),
    ("PR", "00601", "Adjuntas"), ("VI", "00801", "St Thomas"), ("AE", "09001", "APO"), ("AA", "34001", "DPO"),
    ("AP", "96201", "FPO"), ("Armed Forces Europe", "09001", "APO"), ("TX", "73301", "Austin"),
    ("GU", "96938", "Hagatna"),
])
def test_us_zips_of_territories_the_military_and_border_towns(state, zipcode, city):
    assert state_problems("US", state, zipcode, city=city) == set()


@pytest.mark.parametrize("state, zipcode, expected", [("ID", "83414", "WY"), ("CT", "06390", "NY"),
                                                      ("GU", "96941", "FM"), ("OK", "73301", "TX")])
def test_a_us_zip_is_in_the_state_usps_says(state, zipcode, expected):
    p = problem(run(frame(line("US", state=state, zipcode=zipcode))), "address.zip_state_mismatch")
    assert p["explanation"] == f"ZIP code {zipcode} is in {expected}, but the state is {state}"


@pytest.mark.parametrize("zipcode", ["21301", "00100", "98701"])
def test_a_us_zip_of_an_unassigned_prefix_is_flagged(zipcode):
    result = run(frame(line("US", state="MD", zipcode=zipcode)))
    assert tuples(result, "address.") == {(2, "zipcode", "address.zip_format")}
    assert "is not assigned" in problem(result, "address.zip_format")["explanation"]


@pytest.mark.parametrize("zipcode", ["BFPO 105", "BFPO105", "BFPO 1", "BFPO 2005", "BF1 3AA", "GIR 0AA", "sw1a 1aa"])
def test_uk_forces_and_special_postcodes_are_accepted(zipcode):
    assert tuples(run(frame(line("GB", zipcode=zipcode))), "address.") == set()


@pytest.mark.parametrize("zipcode", ["XX1 1AA", "QQ9 9ZZ", "BFPO 12345", "BFPO"])
def test_uk_postcodes_of_no_postcode_area_are_flagged(zipcode):
    assert tuples(run(frame(line("GB", zipcode=zipcode))), "address.") == {(2, "zipcode", "address.zip_format")}


def test_masked_states_and_postal_codes_are_not_judged():
    lines = frame(line("TH", state="ก*******", zipcode="77110"), line("TH", n=2, state="กรุงเทพมหานคร", zipcode="77***"),
                  line("JP", n=3, state="東*都", zipcode="100-0001"))
    assert tuples(run(lines), "address.") == set()


@pytest.mark.parametrize("market, state", [("GB", "Greater London"), ("DE", "Bayern"), ("FR", "Île-de-France"),
                                           ("SG", "Central")])
def test_states_of_markets_without_sub_regions_in_the_data_are_not_judged(market, state):
    assert state_problems(market, state) == set()


def test_a_country_outside_the_markets_is_not_judged():
    lines = frame(line("US", country="Canada", state="Ontari", zipcode="M5V 2T6"))
    assert tuples(run(lines), "address.") == set()


def test_the_checks_can_be_switched_off_on_the_rules_sheet():
    from tkops.review import RuleConfig
    config = RuleConfig(disabled=frozenset({"address.state_invalid", "address.zip_state_mismatch"}))
    lines = frame(line("TH", state="Bangkock", zipcode="10330"), line("TH", n=2, state="Bangkok", zipcode="77110"))
    assert tuples(run(lines, config=config), "address.") == set()
