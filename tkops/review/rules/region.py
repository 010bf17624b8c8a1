"""States and provinces, for every market whose states/provinces the data lists (:mod:`tkops.review.regions`):
the name must be one of the country's (a misspelling is named with what it probably is), and the postal code must
belong to it (:mod:`tkops.review.postal_regions`).

Part of the address family (:mod:`.address`); postal-code formats are in :mod:`.postcode`. Masked states and
postal codes (TikTok writes "C*", "900**") are never judged.
"""

from __future__ import annotations

import pandas as pd

from tkops.review import postal, postal_regions, regions, problems as P
from tkops.review import text as T
from tkops.review.context import ReviewContext
from tkops.review.countries import country_names
from tkops.review.rules.base import Rule
from tkops.review.rules.postcode import normal_zip


def check_state(ctx: ReviewContext) -> pd.DataFrame:
    """address.state_invalid and address.zip_state_mismatch."""
    o = ctx.orders(ctx.w["cc"].isin(list(regions.MARKETS)) & (ctx.w["state"] != ""))
    o = o[~T.masked(o["state"])]
    out = []
    for cc, idx in o.groupby("cc", sort=False).groups.items():
        out += _check_country(cc, o.loc[idx])
    return P.concat(out)


def _check_country(cc: str, o: pd.DataFrame) -> list[pd.DataFrame]:
    table = regions.of(cc)
    kind, kind_zh = table.words()
    name, name_zh = country_names(cc)
    words = {"country": cc, "country_name": {"en": name, "zh": name_zh}, "kind": {"en": kind, "zh": kind_zh}}
    found = {v: table.lookup(v) for v in o["state"].unique()}
    keys = o["state"].map(found)
    unknown = keys.map(len) == 0
    bad = o.loc[unknown, "state"]
    guesses = {v: table.suggest(v) for v in bad.unique()}
    params = [{"value": T.shorten(v, 40), "suggestion": guesses[v], **words} for v in bad]
    variant = pd.Series(["suggest" if guesses[v] else "" for v in bad], dtype=object)
    out = [P.emit(bad.index, "address.state_invalid", "state", params, variant=variant)]

    zips = normal_zip(o["zipcode"])
    check = ~unknown & (o["zipcode"] != "") & ~T.masked(o["zipcode"])
    check &= postal.fits(cc, zips.where(check, ""))
    if not check.any():
        return out
    owners = postal_regions.owners(cc, zips[check])
    mismatch, params, variant = [], [], []
    for i, stated, own in zip(owners.index, keys[check], owners):
        if stated & own or not _judged(cc, table, stated, own):
            continue
        mismatch.append(i)
        shown = table.labels(stated) if len(stated) == 1 else T.shorten(o.at[i, "state"], 40)
        params.append({"zipcode": o.at[i, "zipcode"], "state": shown, "expected": table.labels(own), **words})
        variant.append("" if cc == "US" else "region" if own else "nowhere")
    out.append(P.emit(mismatch, "address.zip_state_mismatch", "zipcode", params,
                      variant=pd.Series(variant, dtype=object)))
    return out


def _judged(cc: str, table: regions.Regions, stated: frozenset[str], own: frozenset[str]) -> bool:
    """True when the data can say the code is not of ``stated``: every stated region has postal prefixes (US: the
    ZIP code's prefix is assigned at all; an unassigned one is a format problem)."""
    if cc == "US":
        return bool(own)
    return all(table.regions[k].postal for k in stated)


STATE = Rule("address.state", ("address.state_invalid", "address.zip_state_mismatch"), check_state)
RULES = (STATE,)
