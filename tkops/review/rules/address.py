"""Address rules for every TikTok Shop market: required parts, placeholders, house numbers, PO boxes, characters
a label cannot print, and unknown countries. Postal codes and US states are in :mod:`.postcode`.

All address columns are order-level, so problems go on the order's first line. Masked parts (TikTok writes
"J*** D***", "1*** M*** St") are never flagged as wrong.
"""

from __future__ import annotations

import pandas as pd

from tkops import schema
from tkops.review import postal
from tkops.review import problems as P
from tkops.review import text as T
from tkops.review.context import ReviewContext
from tkops.review.countries import country_code
from tkops.review.rules.base import Rule

_WIDE = "[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
PRINTED_KEYS = ("recipient", "house_name_or_number", "address_line_1", "address_line_2", "districts", "city",
                "state", "zipcode")


def _name(key: str) -> str:
    return schema.BY_KEY[key].name if key in schema.BY_KEY else key


def check_country(ctx: ReviewContext) -> pd.DataFrame:
    """address.unknown_country: a Country value tkops cannot resolve to a country."""
    o = ctx.orders(ctx.w["country"] != "")
    unknown = o["country"].map(country_code) == ""
    bad = o[unknown]
    return P.emit(bad.index, "address.unknown_country", "country",
                  [{"value": T.shorten(v)} for v in bad["country"]])


def check_required(ctx: ReviewContext) -> pd.DataFrame:
    """address.missing_part: a part the destination needs is empty. A line is asked only for parts its export had
    a column for (:meth:`ReviewContext.carried`): Vietnamese and Philippine exports have no Zipcode column, so
    their lines are never asked for one (docs/exports.md#what-the-review-asks-for)."""
    o = ctx.orders()
    keys = [k for k in dict.fromkeys(k for parts in [*postal.REQUIRED_PARTS.values(), postal.DEFAULT_REQUIRED]
                                     for k in parts) if ctx.has(k)]
    if o.empty or not keys:
        return P.none()
    missing = pd.DataFrame(index=o.index)
    for key in keys:
        needs = [c for c, parts in postal.REQUIRED_PARTS.items() if key in parts]
        required = o["cc"].isin(needs)
        if key in postal.DEFAULT_REQUIRED:
            required |= ~o["cc"].isin(list(postal.REQUIRED_PARTS))
        missing[key] = required & (o[key] == "") & ctx.carried(key, o)
    rows = missing[missing.any(axis=1)]
    if rows.empty:
        return P.none()
    names = pd.Index(keys)
    lists = [names[flags].tolist() for flags in rows[keys].to_numpy()]
    params = [{"parts": [_name(k) for k in ks], "columns": ks} for ks in lists]
    return P.emit(rows.index, "address.missing_part", [ks[0] for ks in lists], params)


def placeholders(ctx: ReviewContext, value: pd.Series) -> pd.Series:
    """True where ``value`` (unmasked, not empty) is a placeholder: a listed word, only punctuation, or one
    character repeated ("xxxx")."""
    words = set(T.alnum_key(pd.Series(ctx.config.get("address.placeholder", "Placeholders"), dtype=object)))
    given = (value != "") & ~T.masked(value)
    folded = T.alnum_key(value)
    repeated = folded.str.fullmatch(r"(.)\1+").fillna(False).astype(bool)
    return given & (folded.isin(words) | (folded == "") | repeated)


def check_placeholder(ctx: ReviewContext) -> pd.DataFrame:
    """address.placeholder: "N/A", "test", ".", "xxx" and the like, or an Address Line 1 too short to be one."""
    o = ctx.orders()
    shortest = ctx.config.get("address.placeholder", "Min Length") or 0
    out = []
    for key in ("address_line_1", "city", "recipient"):
        value = o[key]
        bad = placeholders(ctx, value)
        short = pd.Series(False, index=o.index)
        if key == "address_line_1" and shortest:
            # CJK characters count twice: "千代田" says as much as a short Latin street name.
            length = value.str.replace(r"\s+", "", regex=True).str.len() + value.str.count(_WIDE)
            short = (value != "") & ~T.masked(value) & ~bad & (length < shortest)
        for mask, variant in ((bad, None), (short, "short")):
            hit = o[mask]
            out.append(P.emit(hit.index, "address.placeholder", key,
                              [{"column": _name(key), "value": T.shorten(v), "min": shortest} for v in hit[key]],
                              variant=variant))
    return P.concat(out)


def check_house_number(ctx: ReviewContext) -> pd.DataFrame:
    """address.no_house_number: no number anywhere in the street lines where the destination normally has one
    (a House Name or Number cell, "s/n", a PO Box or a placeholder address are left to other checks)."""
    countries = {("GB" if c.upper() == "UK" else c.upper()) for c in
                 ctx.config.get("address.no_house_number", "Countries")}
    o = ctx.orders(ctx.w["cc"].isin(countries) & (ctx.w["address_line_1"] != ""))
    street = o["address_line_1"] + " " + o["address_line_2"] + " " + o["house_name_or_number"]
    bad = (~street.str.contains(postal.HOUSE_NUMBER) & ~street.str.contains(postal.NO_NUMBER_ON_PURPOSE)
           & ~T.masked(street) & ~street.str.contains(postal.PO_BOX) & (o["house_name_or_number"] == "")
           & ~placeholders(ctx, o["address_line_1"]))
    hit = o[bad.fillna(False).astype(bool)]
    return P.emit(hit.index, "address.no_house_number", "address_line_1",
                  [{"value": T.shorten(v)} for v in hit["address_line_1"]])


def check_po_box(ctx: ReviewContext) -> pd.DataFrame:
    """address.po_box: a post office box in either street line (carriers differ on whether they deliver)."""
    o = ctx.orders()
    out, seen = [], pd.Series(False, index=o.index)
    for key in ("address_line_1", "address_line_2"):
        found = o[key].str.extract(postal.PO_BOX.pattern.join(["(", ")"]), flags=postal.PO_BOX.flags)[0]
        hit_mask = found.notna() & ~seen
        seen |= hit_mask
        hit = found[hit_mask]
        out.append(P.emit(hit.index, "address.po_box", key, [{"match": T.shorten(m, 30)} for m in hit]))
    return P.concat(out)


def check_printable(ctx: ReviewContext) -> pd.DataFrame:
    """address.unprintable_chars: emoji, control characters or a script the destination's labels cannot carry."""
    o = ctx.orders()
    out = []
    for cc, group in o.groupby("cc", sort=False):
        pattern = postal.unprintable_pattern(cc)
        for key in PRINTED_KEYS:
            if not ctx.has(key):
                continue
            values = group[key]
            hit = values[values.str.contains(pattern)]
            if hit.empty:
                continue
            chars = [", ".join(dict.fromkeys(T.show_char(c) for c in pattern.findall(v)[:200]))[:80] for v in hit]
            out.append(P.emit(hit.index, "address.unprintable_chars", key,
                              [{"column": _name(key), "country": cc or "?", "chars": c} for c in chars]))
    return P.concat(out)


COUNTRY = Rule("address.country", ("address.unknown_country",), check_country)
REQUIRED = Rule("address.required", ("address.missing_part",), check_required)
PLACEHOLDER = Rule("address.placeholder", ("address.placeholder",), check_placeholder)
HOUSE_NUMBER = Rule("address.house_number", ("address.no_house_number",), check_house_number)
PO_BOX = Rule("address.po_box", ("address.po_box",), check_po_box)
PRINTABLE = Rule("address.printable", ("address.unprintable_chars",), check_printable)
RULES = (COUNTRY, REQUIRED, PLACEHOLDER, HOUSE_NUMBER, PO_BOX, PRINTABLE)
