"""tkops against upstream's own test numbers: jkeen/tracking_number_data's couriers/*.json, from a checkout named by
the environment variable TKOPS_TRACKING_NUMBER_DATA (tkops/data/tracking/README.md#provenance).

Every upstream format read by tkops's loader must accept its `valid` numbers and refuse its `invalid` ones; every
bundled format with the same id must judge those numbers the same way; every upstream format is either bundled or
named in NOT_BUNDLED. Without a checkout the tests are skipped, saying how to run them. Property tests beside them
hold the check digits against python-stdnum, an independent implementation.
"""

from __future__ import annotations

import json
import os
import re
from importlib.util import find_spec
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tkops.shipping.checksums import luhn, mod_37_36
from tkops.shipping.formats import load_formats, match, parse_formats

#: Upstream formats tkops leaves out on purpose (courier code, format id): the README says why.
NOT_BUNDLED = {("canpar", "canpar_22"), ("old_dominion", "old_dominion"),
               ("old_dominion", "old_dominion_guaranteed_shipment"), ("purolator", "purolator_numeric"),
               ("purolator", "purolator_alpha"), ("lasership", "lasership_1ls7_18")}


def _upstream_folder() -> Path | None:
    given_path = os.environ.get("TKOPS_TRACKING_NUMBER_DATA")
    if not given_path:
        return None
    folder = Path(given_path)
    return folder / "couriers" if (folder / "couriers").is_dir() else folder


UPSTREAM = _upstream_folder()
needs_upstream = pytest.mark.skipif(
    UPSTREAM is None, reason="set TKOPS_TRACKING_NUMBER_DATA to a checkout of jkeen/tracking_number_data to compare "
                             "tkops with upstream's own test numbers")


def _id(entry: dict) -> str:
    return entry.get("id") or re.sub(r"[^a-z0-9]+", "_", entry["name"].casefold()).strip("_")


def _upstream_entries() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(UPSTREAM.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found += [(data["courier_code"], entry) for entry in data["tracking_numbers"]]
    return found


def _clean(number: str) -> str:
    return "".join(number.split()).upper()


@needs_upstream
def test_the_loader_and_check_digits_agree_with_every_upstream_test_number():
    formats = parse_formats(p.read_text(encoding="utf-8") for p in sorted(UPSTREAM.glob("*.json")))
    assert len(formats) >= 39
    wrong = [(f.id, n, "valid") for f in formats for n in f.valid_examples if not (m := match(f, _clean(n)))
             or not m.valid]
    wrong += [(f.id, n, "invalid") for f in formats for n in f.invalid_examples
              if (m := match(f, _clean(n))) is not None and m.valid]
    assert wrong == []


@needs_upstream
def test_the_bundled_formats_judge_upstream_numbers_as_upstream_does():
    bundled = {(f.courier, f.id): f for f in load_formats()}
    compared, wrong, missing = 0, [], []
    for courier, entry in _upstream_entries():
        key = (courier, _id(entry))
        if key in NOT_BUNDLED:
            continue
        if key not in bundled:
            missing.append(key)
            continue
        numbers = entry.get("test_numbers") or {}
        for expected, listed in ((True, numbers.get("valid") or ()), (False, numbers.get("invalid") or ())):
            for number in listed:
                compared += 1
                result = match(bundled[key], _clean(number))
                if (result is not None and result.valid) != expected:
                    wrong.append((key, number, expected))
    assert missing == [], "an upstream format is neither bundled nor in NOT_BUNDLED"
    assert wrong == []
    assert compared >= 240


needs_stdnum = pytest.mark.skipif(find_spec("stdnum") is None,
                                  reason="python-stdnum (the test extra) is not installed")


@needs_stdnum
@given(st.text(alphabet="0123456789", min_size=1, max_size=30))
def test_luhn_agrees_with_python_stdnum(number):
    from stdnum import luhn as stdnum_luhn

    check = stdnum_luhn.calc_check_digit(number)
    assert luhn(number, check)
    assert not luhn(number, str((int(check) + 1) % 10))


@needs_stdnum
@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=30))
def test_mod_37_36_agrees_with_python_stdnum(serial):
    from stdnum.iso7064 import mod_37_36 as stdnum_mod

    check = stdnum_mod.calc_check_digit(serial)
    assert mod_37_36(serial, check)
    other = "0" if check != "0" else "1"
    assert not mod_37_36(serial, other)
