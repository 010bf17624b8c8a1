"""Postal codes per country: the destination's format (tkops' pattern and Google's address data), and US ZIP codes
whose 3-digit prefix the USPS has not assigned (zipcodes package).

Part of the address family (:mod:`.address`); states and provinces, and whether a code belongs to its state, are
in :mod:`.region`. The formats are in :mod:`tkops.review.postal`.
"""

from __future__ import annotations

import unicodedata

import pandas as pd

from tkops.review import postal, postal_regions, problems as P
from tkops.review import text as T
from tkops.review.context import ReviewContext
from tkops.review.rules.base import Rule

def normal_zip(col: pd.Series) -> pd.Series:
    """Postal codes as compared: NFKC (full-width digits), upper case, without the 〒 mark, single spaces."""
    shown = {v: " ".join(unicodedata.normalize("NFKC", v).upper().replace("〒", "").split()) for v in col.unique()}
    return col.map(shown).astype(object)


def check_zip_format(ctx: ReviewContext) -> pd.DataFrame:
    """address.zip_format: the postal code does not fit the destination's format (US: 4 digits, no such area)."""
    o = ctx.orders(ctx.w["cc"].isin(list(postal.POSTAL_CODES)) & (ctx.w["zipcode"] != ""))
    o = o[~T.masked(o["zipcode"])]
    if o.empty:
        return P.none()
    zips = normal_zip(o["zipcode"])
    ok = pd.Series(False, index=o.index)
    for cc, idx in o.groupby("cc", sort=False).groups.items():
        ok[idx] = postal.fits(cc, zips[idx])
    us = o["cc"] == "US"
    variant = pd.Series("", index=o.index, dtype=object)
    variant[us & zips.str.fullmatch(r"\d{4}").fillna(False).astype(bool)] = "leading_zero"
    no_area = us & ok
    if no_area.any():
        prefixes = zips[no_area].str.slice(0, 3)
        assigned = {p for p, codes in postal_regions.us_prefixes(prefixes.unique()).items() if codes}
        no_area[no_area] = ~prefixes.isin(assigned)
    variant[no_area] = "no_area"
    bad = ~ok | no_area
    hit = o[bad]
    params = [{"value": T.shorten(o.at[i, "zipcode"], 20), "country": o.at[i, "cc"],
               "example": postal.POSTAL_CODES[o.at[i, "cc"]][1], "prefix": zips[i][:3]} for i in hit.index]
    return P.emit(hit.index, "address.zip_format", "zipcode", params, variant=variant[bad])


ZIP_FORMAT = Rule("address.zip_format", ("address.zip_format",), check_zip_format)
RULES = (ZIP_FORMAT,)
