"""Postal codes per country, US states and US ZIP codes against their state (USPS 3-digit prefixes).

Part of the address family (:mod:`.address`); the data tables are in :mod:`tkops.review.postal`.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from tkops.review import postal
from tkops.review import problems as P
from tkops.review import text as T
from tkops.review.context import ReviewContext
from tkops.review.rules.base import Rule

_SPACES = re.compile(r"\s+")


def normal_zip(col: pd.Series) -> pd.Series:
    """Postal codes as compared: NFKC (full-width digits), upper case, without the 〒 mark, single spaces."""
    folded = col.map(lambda v: unicodedata.normalize("NFKC", v)).str.upper()
    return folded.str.replace("〒", "", regex=False).str.replace(_SPACES, " ", regex=True).str.strip().astype(object)


def check_zip_format(ctx: ReviewContext) -> pd.DataFrame:
    """address.zip_format: the postal code does not fit the destination's format (US: 4 digits, no such area)."""
    o = ctx.orders(ctx.w["cc"].isin(list(postal.POSTAL_CODES)) & (ctx.w["zipcode"] != ""))
    o = o[~T.masked(o["zipcode"])]
    if o.empty:
        return P.none()
    zips = normal_zip(o["zipcode"])
    ok = pd.Series(False, index=o.index)
    for cc, idx in o.groupby("cc", sort=False).groups.items():
        ok[idx] = zips[idx].str.fullmatch(postal.POSTAL_CODES[cc][0]).fillna(False).astype(bool)
    us = o["cc"] == "US"
    variant = pd.Series("", index=o.index, dtype=object)
    variant[us & zips.str.fullmatch(r"\d{4}").fillna(False).astype(bool)] = "leading_zero"
    prefixes = postal.zip_prefix_states()
    no_area = us & ok & ~zips.str.slice(0, 3).isin(list(prefixes))
    variant[no_area] = "no_area"
    bad = ~ok | no_area
    hit = o[bad]
    params = [{"value": T.shorten(o.at[i, "zipcode"], 20), "country": o.at[i, "cc"],
               "example": postal.POSTAL_CODES[o.at[i, "cc"]][1], "prefix": zips[i][:3]} for i in hit.index]
    return P.emit(hit.index, "address.zip_format", "zipcode", params, variant=variant[bad])


def us_state_codes(col: pd.Series) -> pd.Series:
    """Two-letter state codes for what exports write ("California", "ca", "CA.", "US-CA"); "" when not a state."""
    table = postal.us_states()
    folded = col.str.casefold().str.replace(r"[.\s]+$", "", regex=True).str.replace(_SPACES, " ", regex=True)
    folded = folded.str.replace(r"^us-(?=..$)", "", regex=True)
    return folded.map(table).fillna("").astype(object)


def check_us_state(ctx: ReviewContext) -> pd.DataFrame:
    """address.state_invalid and address.zip_state_mismatch for US destinations."""
    o = ctx.orders((ctx.w["cc"] == "US") & (ctx.w["state"] != ""))
    o = o[~T.masked(o["state"])]
    if o.empty:
        return P.none()
    codes = us_state_codes(o["state"])
    invalid = o[codes == ""]
    out = [P.emit(invalid.index, "address.state_invalid", "state",
                  [{"value": T.shorten(v, 40)} for v in invalid["state"]])]
    zips = normal_zip(o["zipcode"])
    five = zips.str.match(r"\d{5}(?:-?\d{4})?$").fillna(False).astype(bool) & ~T.masked(o["zipcode"])
    table = postal.zip_prefix_states()
    prefix = zips.str.slice(0, 3)
    check = five & (codes != "") & prefix.isin(list(table))
    valid = pd.MultiIndex.from_tuples([(p, s) for p, states in table.items() for s in states])
    fits = pd.MultiIndex.from_arrays([prefix[check], codes[check]]).isin(valid)
    mismatch = o.index[check][~fits]
    params = [{"zipcode": o.at[i, "zipcode"], "state": codes[i], "expected": " / ".join(sorted(table[prefix[i]]))}
              for i in mismatch]
    out.append(P.emit(mismatch, "address.zip_state_mismatch", "zipcode", params))
    return P.concat(out)


ZIP_FORMAT = Rule("address.zip_format", ("address.zip_format",), check_zip_format)
US_STATE = Rule("address.us_state", ("address.state_invalid", "address.zip_state_mismatch"), check_us_state)
RULES = (ZIP_FORMAT, US_STATE)
