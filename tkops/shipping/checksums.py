"""Check-digit algorithms of the tracking-number data (the checksum names of jkeen/tracking_number_data's courier
files; docs/tracking.md#check-digits).

Each algorithm takes the serial number (already cleaned: no spaces, upper case, any ``prepend_if`` applied), the
check character and the algorithm's parameters from the data file, and says whether the check character is right.
One deliberate difference from the Ruby reference: a letter where a check *digit* is expected fails (Ruby's
``"A".to_i`` is 0, so it would pass whenever the computed digit is 0).
"""

from __future__ import annotations

from typing import Callable, Mapping

_LETTER_VALUES = {chr(ord("A") + i): 10 + i for i in range(26)}  # A=10 ... Z=35 (mod 37,36)
S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def _digit(check: str) -> int | None:
    return int(check) if len(check) == 1 and check.isdigit() else None


def _value(char: str) -> int:
    """A serial character as a digit: digits as themselves, letters as (code - 3) mod 10 (UPS's rule)."""
    return int(char) if char.isdigit() else (ord(char) - 3) % 10


def mod10(serial: str, check: str, evens_multiplier: int | None = None, odds_multiplier: int | None = None,
          reverse: bool = False) -> bool:
    """Weighted sum of the characters (index 0 is even; reversed first when ``reverse``); check = (10 - sum%10)%10."""
    expected = _digit(check)
    if expected is None:
        return False
    if not serial.isalnum() or not serial.isascii():
        return False
    chars = reversed(serial) if reverse else serial
    total = 0
    for i, char in enumerate(chars):
        x = _value(char)
        if i % 2 and odds_multiplier:
            x *= int(odds_multiplier)
        elif not i % 2 and evens_multiplier:
            x *= int(evens_multiplier)
        total += x
    return (10 - total % 10) % 10 == expected


def mod7(serial: str, check: str) -> bool:
    """The serial as a number, modulo 7, is the check digit (DHL Express)."""
    expected = _digit(check)
    return expected is not None and serial.isdigit() and serial.isascii() and int(serial) % 7 == expected


def s10(serial: str, check: str, weightings=S10_WEIGHTS) -> bool:
    """UPU S10: weights 8 6 4 2 3 5 9 7 over 8 digits; r = sum % 11; check 0 when r is 1, 5 when r is 0, else 11-r."""
    expected = _digit(check)
    if expected is None or not serial.isdigit() or not serial.isascii() or len(serial) != len(weightings):
        return False
    r = sum(int(d) * w for d, w in zip(serial, weightings)) % 11
    return {1: 0, 0: 5}.get(r, 11 - r) == expected


def sum_product_with_weightings_and_modulo(serial: str, check: str, weightings=(), modulo1: int = 11,
                                           modulo2: int = 10) -> bool:
    """(sum of digit x weight) % modulo1 % modulo2 is the check digit (FedEx Express)."""
    expected = _digit(check)
    if expected is None or not serial.isdigit() or not serial.isascii() or len(serial) != len(weightings):
        return False
    total = sum(int(d) * int(w) for d, w in zip(serial, weightings))
    return total % int(modulo1) % int(modulo2) == expected


def luhn(serial: str, check: str) -> bool:
    """Luhn (ISO/IEC 7812): from the right of the serial, every other digit doubled (9 subtracted above 9); the
    check digit brings the total to a multiple of 10 (Old Dominion, Purolator)."""
    expected = _digit(check)
    if expected is None or not serial.isdigit() or not serial.isascii():
        return False
    total = 0
    for i, char in enumerate(reversed(serial)):
        x = int(char) * (1 if i % 2 else 2)
        total += x // 10 + x % 10  # the digits of a doubled digit: 16 counts 1 + 6
    return (10 - total % 10) % 10 == expected


def mod_37_36(serial: str, check: str) -> bool:
    """ISO 7064 hybrid MOD 37,36 with an alphanumeric check character (DPD parcel label specification)."""
    mod = 36
    cd = mod
    for char in serial:
        if char.isdigit() and char.isascii():
            val = int(char)
        elif char in _LETTER_VALUES:
            val = _LETTER_VALUES[char]
        else:
            return False
        cd += val
        if cd > mod:
            cd -= mod
        cd *= 2
        if cd > mod:
            cd -= mod + 1
    cd = (mod + 1) - cd
    if cd == mod:
        cd = 0
    computed = str(cd) if cd < 10 else chr(ord("A") + cd - 10)
    return computed == check


ALGORITHMS: dict[str, Callable[..., bool]] = {
    "mod10": mod10,
    "mod7": mod7,
    "s10": s10,
    "sum_product_with_weightings_and_modulo": sum_product_with_weightings_and_modulo,
    "mod_37_36": mod_37_36,
    "luhn": luhn,
}
#: The parameters each algorithm reads from a data file's ``checksum`` entry. Other keys only restate the algorithm's
#: own constants ("modulo": 10 for mod10, 7 for mod7, 11 for s10; DPD's "alphabet"): :func:`passes` refuses a
#: value that differs from what the algorithm does, so a data file cannot silently ask for a variant tkops lacks.
PARAMETERS: dict[str, tuple[str, ...]] = {
    "mod10": ("evens_multiplier", "odds_multiplier", "reverse"),
    "mod7": (),
    "s10": ("weightings",),
    "sum_product_with_weightings_and_modulo": ("weightings", "modulo1", "modulo2"),
    "mod_37_36": (),
    "luhn": (),
}


#: The constants each algorithm is built on, as a data file may state them.
CONSTANTS: dict[str, dict[str, object]] = {
    "mod10": {"modulo": 10},
    "mod7": {"modulo": 7},
    "s10": {"modulo": 11},
    "sum_product_with_weightings_and_modulo": {},
    "mod_37_36": {"modulo": 36, "alphabet": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    "luhn": {"modulo": 10},
}


def unsupported(spec: Mapping) -> str | None:
    """Why tkops cannot run the data file's ``checksum`` entry ``spec`` (None when it can): an unknown algorithm,
    or a stated constant that differs from the algorithm's own."""
    name = spec.get("name")
    if name not in ALGORITHMS:
        return f"unknown checksum {name!r}"
    for key, value in spec.items():
        if key == "name" or key in PARAMETERS[name]:
            continue
        if key not in CONSTANTS[name] or CONSTANTS[name][key] != value:
            return f"checksum {name!r} with {key}={value!r} is not implemented"
    return None


def passes(spec: Mapping, serial: str, check: str | None) -> bool:
    """Whether ``check`` is right for ``serial`` under the data file's ``checksum`` entry ``spec``."""
    if check is None:
        return False
    name = spec["name"]
    params = {k: spec[k] for k in PARAMETERS[name] if spec.get(k) is not None}
    return ALGORITHMS[name](serial, check, **params)
