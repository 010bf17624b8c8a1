"""Phone numbers: present, and valid for the destination country (Google's libphonenumber data through the
``phonenumbers`` package). TikTok's masked phones ("(+1)213*****45", "(+66)8*******12") are accepted as they are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pandas as pd
import phonenumbers

from tkops.review import problems as P
from tkops.review import text as T
from tkops.review.context import ReviewContext
from tkops.review.rules.base import Rule

_NOT_DIAL = re.compile(r"[^\d+]")


@lru_cache(maxsize=65536)
def phone_verdict(phone: str, country: str) -> str:
    """Empty when ``phone`` is a valid number for ``country``; "invalid"; or "+CC" for a valid foreign number."""
    dial = _NOT_DIAL.sub("", unicodedata.normalize("NFKC", phone)[:64])
    if dial.startswith("00"):
        dial = "+" + dial[2:]
    if dial.count("+") > 1 or (dial.count("+") == 1 and not dial.startswith("+")):
        return "invalid"
    digits = dial.lstrip("+")
    if not digits:
        return "invalid"
    if not country and not dial.startswith("+"):
        return ""  # no destination and no country code: nothing to check against
    candidates = [dial] if dial.startswith("+") else [dial, "+" + digits]
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, country or None)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number(number):
            continue
        if not country or number.country_code == phonenumbers.country_code_for_region(country):
            return ""
        return f"+{number.country_code}"
    return "invalid"


def check_phone(ctx: ReviewContext) -> pd.DataFrame:
    """phone.missing (no number) and phone.invalid (not a number of the destination country)."""
    if not ctx.has("phone"):
        return P.none()
    o = ctx.orders()
    missing = o[o["phone"] == ""]
    out = [P.emit(missing.index, "phone.missing", "phone")]
    given = o[(o["phone"] != "") & ~T.masked(o["phone"])]
    pairs = given[["phone", "cc"]].drop_duplicates()
    verdicts = {(p, c): phone_verdict(p, c) for p, c in zip(pairs["phone"], pairs["cc"])}
    verdict = [verdicts[(p, c)] for p, c in zip(given["phone"], given["cc"])]
    bad = [(i, v) for i, v in zip(given.index, verdict) if v]
    params = [{"value": T.shorten(given.at[i, "phone"], 30), "country": given.at[i, "cc"] or "?",
               "number_country": "" if v == "invalid" else v} for i, v in bad]
    out.append(P.emit([i for i, _ in bad], "phone.invalid", "phone", params,
                      variant=pd.Series(["" if v == "invalid" else "foreign" for _, v in bad], dtype=object)))
    return P.concat(out)


PHONE = Rule("phone", ("phone.missing", "phone.invalid"), check_phone)
RULES = (PHONE,)
