"""The bundled carrier formats: their provenance (SHA-256 list), their own test numbers, the numbers sellers paste,
and the check-digit algorithms on their own (docs/tracking.md)."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from tkops.shipping import carrier_of
from tkops.shipping.checksums import (ALGORITHMS, PARAMETERS, luhn, mod7, mod10, mod_37_36, passes, s10,
                                      sum_product_with_weightings_and_modulo, unsupported)
from tkops.shipping.formats import (Match, bundled_matches, checksums_file, data_folder, load_formats, lookup,
                                    match, matches, parse_checksums, parse_formats, recorded_checksums)

FORMATS = load_formats()
VALID = [(f.id, n) for f in FORMATS for n in f.valid_examples]
INVALID = [(f.id, n) for f in FORMATS for n in f.invalid_examples]
BY_ID = {f.id: f for f in FORMATS}


def test_the_data_set_has_the_carriers_and_formats_sellers_use():
    couriers = {f.courier for f in FORMATS}
    assert couriers == {"amazon", "canada_post", "dhl", "dpd", "fedex", "gofo", "landmark", "lasership", "ontrac",
                        "s10", "speedee", "ups", "usps", "yodel", "yunexpress"}
    assert {"ups", "ups_waybill", "usps_20", "usps_impb_n", "usps_impb_c", "usps_legacy", "fedex_12", "fedex_34",
            "fedex_astra_32", "fedex_ground", "fedex_ground_96", "fedex_ground_gsn", "dhl_express",
            "dhl_express_piece_id", "dhl_ecommerce", "dhl_ecommerce_14", "ontrac_c", "ontrac_d", "dpd", "dpd_14",
            "s10"} <= set(BY_ID)
    assert not {i for i in BY_ID if "smartpost" in i}, "upstream removed FedEx SmartPost as unreliable"
    assert len(BY_ID) == len(FORMATS), "format ids are unique"


def test_every_bundled_file_matches_the_recorded_sha256_list():
    files = {f"couriers/{p.name}": p for p in data_folder().glob("*.json")}
    recorded = recorded_checksums()
    assert set(recorded) == set(files), "SHA256SUMS lists exactly the bundled courier files"
    for name, path in files.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded[name], name
    assert checksums_file().read_text(encoding="utf-8").splitlines()[0].startswith("#")


def test_every_bundled_checksum_is_implemented_and_the_licence_is_kept():
    for path in sorted(data_folder().glob("*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8"))["tracking_numbers"]:
            checksum = (entry.get("validation") or {}).get("checksum")
            assert checksum is None or unsupported(checksum) is None, (path.name, entry["id"])
    licence = (data_folder().parent / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Jeff Keen" in licence
    readme = (data_folder().parent / "README.md").read_text(encoding="utf-8")
    assert "b79ce4bfc04519ef4bc85bf7c6f321795aadf3d3" in readme and "2026-08-17" in readme


@pytest.mark.parametrize("format_id, number", VALID)
def test_own_valid_numbers_are_valid(format_id, number):
    fmt = BY_ID[format_id]
    result = match(fmt, number)
    assert result is not None and result.valid, (format_id, number, result and result.reason)
    assert fmt.courier in {code for code, _ in carrier_of(number)}


@pytest.mark.parametrize("format_id, number", INVALID)
def test_own_invalid_numbers_are_invalid_for_their_format(format_id, number):
    result = match(BY_ID[format_id], number)
    assert result is None or not result.valid


@pytest.mark.parametrize("number, expected", [
    ("1Z5R89390357567127", [("ups", "UPS")]),
    ("1z 5r8 939 0357 5671 27", [("ups", "UPS")]),  # pasted with spaces, lower case
    ("\t1Z5R89390357567127\u200b\n", [("ups", "UPS")]),
    ("１Ｚ５Ｒ８９３９０３５７５６７１２７", [("ups", "UPS")]),  # full-width, from a Chinese input method
    ("K1506235620", [("ups", "UPS Waybill")]),
    ("'9400111201080805483016", [("usps", "USPS IMpb N")]),  # Excel text prefix
    ("420902109400111206206406260787", [("usps", "USPS IMpb N")]),  # 420 + ZIP routing prefix
    ("420 22153 9101026837331000039521", [("usps", "USPS Legacy")]),
    ("9505511069605048600624", [("usps", "USPS IMpb C")]),
    ("RB123456785GB", [("s10", "S10 (GB: Royal Mail Group plc)")]),
    ("EE123456785CN", [("s10", "S10 (CN: China Post)")]),
    ("986578788855", [("fedex", "FedEx Express (12)")]),
    ("31234567890123451234567890120000", [("fedex", "FedEx ASTRA (32)")]),
    ("3318810025", [("dhl", "DHL Express")]),
    ("GM1000200030004000", [("dhl", "DHL E-Commerce")]),
    ("D10000000000425", [("ontrac", "OnTrac D")]),
    ("JJD0002257639032011", [("yodel", "Yodel")]),
    ("RB123456785XX", []),  # XX is no postal country
    ("1Z5R89390357567128", []),  # check digit off by one
    ("", []), (None, []), (9.4e21, []), ("9.4E+21", []),
])
def test_carrier_of(number, expected):
    assert carrier_of(number) == expected


def test_random_twenty_digit_numbers_are_no_longer_smartpost():
    rng = random.Random(20260817)
    numbers = ["".join(rng.choice("0123456789") for _ in range(20)) for _ in range(2000)]
    found = [carrier_of(n) for n in numbers]
    assert not any(code == "fedex" for hits in found for code, _ in hits)
    usps = sum(any(code == "usps" for code, _ in hits) for hits in found)
    # USPS 20 and USPS Legacy (20 digits, checked with 91 in front) each pass one random number in ten
    assert 300 < usps < 540, usps


def test_one_number_can_fit_several_carriers():
    found = carrier_of("A1234567895")  # a UPS Waybill with a right check digit, and the Amazon International shape
    assert ("ups", "UPS Waybill") in found and ("amazon", "Amazon International") in found


def test_match_explains_why_a_shape_fits_but_the_number_is_not_valid():
    s10_fmt = BY_ID["s10"]
    assert match(s10_fmt, "RB123456786GB").reason == "check_digit"
    wrong_country = match(s10_fmt, "RB123456785XX")
    assert (wrong_country.valid, wrong_country.reason) == (False, "unknown_country")
    assert match(s10_fmt, "RB123456785GB").groups == {"ServiceType": "RB", "SerialNumber": "12345678",
                                                      "CheckDigit": "5", "CountryCode": "GB"}
    assert match(s10_fmt, "1Z5R89390357567127") is None
    assert Match(s10_fmt, True, "", {"CountryCode": "GB"}).codes == ("s10", "s10:GB")
    assert Match(BY_ID["ups"], True).codes == ("ups",) and Match(s10_fmt, True).codes == ("s10",)
    assert lookup(s10_fmt, "CountryCode", "CN")["courier"] == "China Post"
    assert lookup(s10_fmt, "ServiceType", "EE")["name"] == "EMS"
    assert lookup(s10_fmt, "CountryCode", "XX") is None and lookup(s10_fmt, "Nothing", "GB") is None
    assert bundled_matches("1Z5R89390357567127") == tuple(matches("1Z5R89390357567127"))


def test_prepend_if_is_applied_before_the_check_digit():
    usps = BY_ID["usps_legacy"]
    assert match(usps, "71000000000123456784").valid  # checked as 91 + the number
    assert not match(usps, "71000000000123456785").valid
    ontrac = BY_ID["ontrac_d"]
    assert match(ontrac, "D10000000000425").valid and not match(ontrac, "D10000000000426").valid


def test_a_sample_shows_a_valid_number_without_spaces():
    assert BY_ID["ups"].sample == "1Z5R89390357567127" and BY_ID["ups"].has_check
    assert not BY_ID["amazon_logistics"].has_check


def formats_in(folder):
    """The formats of the courier files in ``folder``, read as the bundled ones are (in file-name order)."""
    return parse_formats(p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.json")))


def _courier_file(tmp_path, checksum):
    folder = tmp_path / "couriers"
    folder.mkdir(parents=True)
    entry = {"name": "X", "regex": "X(?<SerialNumber>[0-9]{5})(?<CheckDigit>[0-9])",
             "validation": {"checksum": checksum}, "test_numbers": {"valid": ["X123455"], "invalid": []}}
    (folder / "x.json").write_text(json.dumps({"name": "X", "courier_code": "x", "tracking_numbers": [entry]}),
                                   encoding="utf-8")
    return str(folder)


def test_a_checksum_tkops_cannot_run_stops_loading_loudly(tmp_path):
    with pytest.raises(ValueError, match="unknown checksum 'mod11'"):
        formats_in(_courier_file(tmp_path / "a", {"name": "mod11"}))
    with pytest.raises(ValueError, match="modulo=11"):
        formats_in(_courier_file(tmp_path / "b", {"name": "mod10", "modulo": 11}))
    loaded = formats_in(_courier_file(tmp_path / "c", {"name": "luhn", "modulo": 10}))
    assert [(f.courier, f.id, f.name) for f in loaded] == [("x", "x", "X")]
    assert loaded[0].valid_examples == ("X123455",) and loaded[0].invalid_examples == ()


def test_unsupported_names_each_problem():
    assert unsupported({"name": "mod10", "evens_multiplier": 3, "odds_multiplier": 1, "reverse": True,
                        "modulo": 10}) is None
    assert unsupported({"name": "mod_37_36", "modulo": 36, "alphabet": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}) is None
    assert unsupported({"name": "mod_37_36", "alphabet": "0123456789"}) is not None
    assert unsupported({"name": "mod7", "modulo": 7}) is None and unsupported({"name": "mod7", "extra": 1})
    assert unsupported({"name": "s10", "weightings": [1], "modulo": 11}) is None
    assert unsupported({}) == "unknown checksum None"
    assert set(ALGORITHMS) == set(PARAMETERS)


def test_checksum_algorithms_by_hand():
    assert mod10("5R8939035756712", "7", evens_multiplier=1, odds_multiplier=2)
    assert not mod10("5R8939035756712", "A", evens_multiplier=1, odds_multiplier=2)  # letters are no check digit
    assert not mod10("5R893903575671!", "7", evens_multiplier=1, odds_multiplier=2)
    assert not mod10("５", "5", evens_multiplier=1, odds_multiplier=2)  # a full-width digit is not ASCII
    # reverse: "12" reversed is "21": 2*3 + 1*1 = 7 -> check 3; forward 1*3 + 2 = 5 -> check 5
    assert mod10("12", "3", evens_multiplier=3, odds_multiplier=1, reverse=True)
    assert mod10("12", "5", evens_multiplier=3, odds_multiplier=1)
    assert mod10("19", "0", evens_multiplier=1, odds_multiplier=1)  # total 10: check 0, not 10
    assert mod10("55", "0")  # no multipliers: plain sum
    assert mod10("A", "8")  # a letter counts (code - 3) % 10: "A" is 65 -> 2 -> check 8
    assert mod7("331881002", "5") and not mod7("331881002", "4") and not mod7("33188100X", "5")
    assert not mod7("331881002", "55")
    assert s10("12345678", "5") and not s10("12345678", "6") and not s10("1234567", "5")
    assert s10("00000000", "5") and not s10("00000000", "0")  # remainder 0 -> 5
    assert s10("70000000", "0") and not s10("70000000", "1")  # 56 % 11 = 1 -> 0
    assert s10("00000030", "6")  # 27 % 11 = 5 -> 11 - 5
    assert not s10("123456785", "5")  # nine digits: the weights do not cover them, whatever the first eight say
    assert not s10("1234567A", "5")
    assert sum_product_with_weightings_and_modulo("98657878885", "5", (3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1), 11, 10)
    assert not sum_product_with_weightings_and_modulo("98657878885", "5", (3, 1, 7), 11, 10)  # weights must cover
    assert not sum_product_with_weightings_and_modulo("986578788850", "5", (3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1), 11, 10)
    assert not sum_product_with_weightings_and_modulo("9865787888X", "5", (3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1), 11, 10)
    assert sum_product_with_weightings_and_modulo("5", "0", (2,), 11, 10)  # 10 % 11 % 10 = 0
    assert sum_product_with_weightings_and_modulo("11", "0", (5, 6), 11, 10)  # 11 % 11 = 0
    assert sum_product_with_weightings_and_modulo("98657878885", "5", (3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1))  # 11, 10
    assert sum_product_with_weightings_and_modulo("11", "0", (5, 6))  # default modulo1 11: 11 % 11 = 0
    assert sum_product_with_weightings_and_modulo("2", "0", (5,))  # default modulo2 10: 10 % 11 % 10 = 0
    assert mod_37_36("008182709980000020033350276", "C")
    assert mod_37_36("008182709980000020045327276", "N")
    assert not mod_37_36("008182709980000020033350276", "A")
    assert not mod_37_36("00818270998000002003335027!", "C")
    assert luhn("7992739871", "3") and not luhn("7992739871", "4") and not luhn("799273987A", "3")
    assert luhn("0720956276", "3") and luhn("8000328037", "9")  # Old Dominion PRO numbers
    assert not luhn("7992739871", "X")


def test_passes_reads_only_the_parameters_an_algorithm_takes():
    spec = {"name": "mod10", "evens_multiplier": 1, "odds_multiplier": 2, "reverse": False, "modulo": 10,
            "description": "ignored"}
    assert passes(spec, "5R8939035756712", "7") and not passes(spec, "5R8939035756712", "8")
    assert not passes(spec, "5R8939035756712", None)
    assert passes({"name": "mod10", "evens_multiplier": None}, "55", "0")


# --- the loader on its own: fresh loads, upstream's list regexes, ids, lookups (docs/tracking.md#formats) ----------

def _write_courier(folder, entries, name="Test Courier", code="test"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{code}.json").write_text(json.dumps({"name": name, "courier_code": code, "tracking_numbers": entries}),
                                         encoding="utf-8")
    return str(folder)


def test_a_fresh_load_of_the_bundled_files_judges_their_own_numbers():
    load_formats.cache_clear()
    formats = load_formats()
    assert [f.id for f in formats] == [f.id for f in FORMATS] and formats is not FORMATS
    for fmt in formats:
        assert fmt.valid_examples and fmt.invalid_examples and fmt.courier_name and fmt.name
        for number in fmt.valid_examples:
            assert match(fmt, number).valid, (fmt.id, number)
        for number in fmt.invalid_examples:
            result = match(fmt, number)
            assert result is None or not result.valid, (fmt.id, number)
    by_id = {f.id: f for f in formats}
    assert by_id["usps_legacy"].prepend_if[1] == "91" and by_id["ontrac_c"].prepend_if[1] == "4"
    assert by_id["s10"].exists == ("Courier",) and {a["name"] for a in by_id["s10"].additional} >= {"Courier"}
    assert by_id["ups"].checksum["name"] == "mod10" and by_id["amazon_logistics"].checksum is None
    assert by_id["ups"].courier_name == "UPS" and by_id["s10"].courier_name == "S10 International Standard"


def test_upstream_style_entries_load(tmp_path):
    entry = {"name": "  X-Ray Post (18) ", "regex": ["\\s*X\\s*(?<SerialNumber>", "([0-9]\\s*){5})",
                                                    "(?<CheckDigit>[0-9])(?<Country>[A-Z]{2})?"],
             "validation": {"checksum": {"name": "mod10", "evens_multiplier": 3, "odds_multiplier": 1},
                            "serial_number_format": {"prepend_if": {"matches_regex": "^(?!9)", "content": "9"}},
                            "additional": {"exists": ["Country"]}},
             "additional": [{"name": "Country", "regex_group_name": "Country",
                             "lookup": [{"matches": "GB", "name": "UK"}, {"matches_regex": "U[SM]", "name": "US"}]}],
             "test_numbers": {"valid": ["X123456GB"], "invalid": ["X123454GB"]}}
    [fmt] = formats_in(_write_courier(tmp_path / "a", [entry]))
    assert (fmt.id, fmt.name, fmt.courier, fmt.courier_name) == ("x_ray_post_18", "  X-Ray Post (18) ", "test",
                                                                  "Test Courier")
    assert fmt.pattern.pattern.startswith("\\s*X\\s*(?P<SerialNumber>")  # PCRE groups become Python's
    good = match(fmt, "X123456GB")  # checked as 9 + 12345: 9*3 + 1 + 2*3 + 3 + 4*3 + 5 = 54 -> 6
    assert (good.valid, good.reason) == (True, "")
    assert good.groups == {"SerialNumber": "12345", "CheckDigit": "6", "Country": "GB"}
    assert match(fmt, "X123456UM").valid  # the lookup's matches_regex
    bad = match(fmt, "X123454GB")
    assert (bad.format, bad.valid, bad.reason, bad.groups["CheckDigit"]) == (fmt, False, "check_digit", "4")
    unknown = match(fmt, "X123456FR")
    assert (unknown.format, unknown.reason, unknown.groups["Country"]) == (fmt, "lookup", "FR")
    absent = match(fmt, "X123456")  # the optional group the lookup needs is not there
    assert (absent.valid, absent.reason) == (False, "lookup")


def test_lookups_that_name_nothing_fail_and_checksums_need_their_groups(tmp_path):
    entry = {"name": "Y", "id": "y", "regex": "Y(?<Code>[A-Z])", "validation": {"additional": {"exists": ["Nope"]}},
             "test_numbers": {}}
    [fmt] = formats_in(_write_courier(tmp_path / "a", [entry]))
    assert (match(fmt, "YA").valid, match(fmt, "YA").reason) == (False, "lookup")
    assert fmt.valid_examples == () and fmt.invalid_examples == () and fmt.sample == ""
    entry = {"name": "Z", "regex": "Z(?<SerialNumber>[0-9]{4})", "validation": {"checksum": {"name": "mod7"}}}
    with pytest.raises(ValueError, match="^test/Z: a checksum needs the groups SerialNumber and CheckDigit"):
        formats_in(_write_courier(tmp_path / "b", [entry]))


def test_matches_looks_only_at_the_formats_given():
    assert matches("1Z5R89390357567127", [BY_ID["s10"]]) == []
    assert [m.format.id for m in matches("1Z5R89390357567127", [BY_ID["ups"], BY_ID["s10"]])] == ["ups"]


def test_sha256sum_lines_are_read_as_the_tool_writes_them():
    text = "# comment\n\nABC123  couriers/ups.json\ndef456 *Xray file.json\n"
    assert parse_checksums(text) == {"couriers/ups.json": "abc123", "Xray file.json": "def456"}
