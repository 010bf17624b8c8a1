"""Every carrier format of the vendored data set against its own published test numbers, and the check-digit
algorithms on their own."""

from __future__ import annotations

import json

import pytest

from tkops.shipping import carrier_of
from tkops.shipping.checksums import ALGORITHMS, mod7, mod10, mod_37_36, s10, sum_product_with_weightings_and_modulo
from tkops.shipping.formats import data_folder, load_formats, match

FORMATS = load_formats()
VALID = [(f.id, n) for f in FORMATS for n in f.valid_examples]
INVALID = [(f.id, n) for f in FORMATS for n in f.invalid_examples]
BY_ID = {f.id: f for f in FORMATS}


def test_the_data_set_has_the_carriers_sellers_use():
    couriers = {f.courier for f in FORMATS}
    assert {"ups", "usps", "fedex", "dhl", "s10", "amazon", "ontrac"} <= couriers
    assert {"dhl_express", "fedex_express_12", "fedex_ground", "fedex_ground_96_22",
            "fedex_express_34", "usps_20", "usps_91"} <= set(BY_ID)
    assert len(BY_ID) == len(FORMATS), "format ids are unique"


def test_every_vendored_file_is_read_and_every_checksum_is_implemented():
    files = sorted(data_folder().glob("*.json"))
    assert len(files) == 7
    for path in files:
        for entry in json.loads(path.read_text(encoding="utf-8"))["tracking_numbers"]:
            checksum = (entry.get("validation") or {}).get("checksum")
            assert checksum is None or checksum["name"] in ALGORITHMS
    assert (data_folder().parent / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


@pytest.mark.parametrize("format_id, number", VALID)
def test_published_valid_numbers_are_valid(format_id, number):
    fmt = BY_ID[format_id]
    result = match(fmt, "".join(number.split()).upper())
    assert result is not None and result.valid, (format_id, number, result and result.reason)
    assert fmt.courier in {code for code, _ in carrier_of(number)}


@pytest.mark.parametrize("format_id, number", INVALID)
def test_published_invalid_numbers_are_invalid_for_their_format(format_id, number):
    result = match(BY_ID[format_id], "".join(number.split()).upper())
    assert result is None or not result.valid


@pytest.mark.parametrize("number, expected", [
    ("1Z5R89390357567127", [("ups", "UPS")]),
    ("1z 5r8 939 0357 5671 27", [("ups", "UPS")]),  # pasted with spaces, lower case
    ("\t1Z5R89390357567127\u200b\n", [("ups", "UPS")]),
    ("１Ｚ５Ｒ８９３９０３５７５６７１２７", [("ups", "UPS")]),  # full-width, from a Chinese input method
    ("'9400111201080805483016", [("usps", "USPS 91")]),  # Excel text prefix
    ("420 22153 9101026837331000039521", [("usps", "USPS 91")]),  # 420 + ZIP routing prefix
    ("RB123456785GB", [("s10", "S10 (GB: Royal Mail Group plc)")]),
    ("EE123456785CN", [("s10", "S10 (CN: China Post)")]),
    ("986578788855", [("fedex", "FedEx Express (12)")]),
    ("3318810025", [("dhl", "DHL Express")]),
    ("RB123456785XX", []),  # XX is no postal country
    ("1Z5R89390357567128", []),  # check digit off by one
    ("", []), (None, []), (9.4e21, []), ("9.4E+21", []),
])
def test_carrier_of(number, expected):
    assert carrier_of(number) == expected


def test_one_number_can_fit_several_carriers():
    found = carrier_of("61299998820821171811")  # FedEx SmartPost, delivered by USPS
    assert ("fedex", "FedEx SmartPost") in found


def test_checksum_algorithms_by_hand():
    assert mod10("5R8939035756712", "7", evens_multiplier=1, odds_multiplier=2)
    assert not mod10("5R8939035756712", "A", evens_multiplier=1, odds_multiplier=2)  # letters are no check digit
    # reverse: "12" reversed is "21": 2*3 + 1*1 = 7 -> check 3; forward 1*3 + 2 = 5 -> check 5
    assert mod10("12", "3", evens_multiplier=3, odds_multiplier=1, reverse=True)
    assert mod10("12", "5", evens_multiplier=3, odds_multiplier=1)
    assert mod7("331881002", "5") and not mod7("331881002", "4") and not mod7("33188100X", "5")
    assert s10("12345678", "5") and not s10("12345678", "6") and not s10("1234567", "5")
    assert sum_product_with_weightings_and_modulo("98657878885", "5", (3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1), 11, 10)
    assert mod_37_36("008182709980000020033350276", "C")
    assert mod_37_36("008182709980000020045327276", "N")
    assert not mod_37_36("008182709980000020033350276", "A")
    assert not mod_37_36("00818270998000002003335027!", "C")
