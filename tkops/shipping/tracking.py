"""Tracking-number checks on the order-line table: format and check digit per carrier, consistency with the
Shipping Provider Name, numbers reused on other orders, and packed lines without a number.

:func:`validate_tracking` returns one row per problem (columns :data:`PROBLEM_COLUMNS`); it never raises on
what a person typed or pasted. Explanations come from :mod:`tkops.shipping.catalogue`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping

import pandas as pd

from tkops.cells.text import scalar_text
from tkops.cells.tracking import EXCEL_DIGITS, clean_tracking  # noqa: F401 (part of this module's interface)
from tkops.cells.yes_no import tick
from tkops.shipping.carriers import (
    ANY,
    SHAPES,
    ProviderMap,
    accepts,
    fold,
    in_market,
    unsafe_name,
)
from tkops.shipping.carriers import provider_map as make_provider_map
from tkops.shipping.formats import Format, Match, bundled_matches, load_formats
from tkops.shipping.inference import infer
from tkops.statuses import canonical_statuses

PROBLEM_COLUMNS = ["row", "order_id", "tracking_id", "code", "severity", "params"]
SEVERITY = {"tracking.missing": "error", "tracking.mangled": "error", "tracking.format": "error",
            "tracking.wrong_carrier": "error", "tracking.duplicate": "error", "tracking.no_provider": "error",
            "tracking.provider_unsafe": "error", "tracking.provider_unknown": "error",
            "tracking.provider_market": "error", "tracking.unknown_carrier_format": "warning"}
MAX_LENGTH = 40  # no carrier's number is longer; longer text is not a tracking number
MIN_LENGTH = 8  # nor shorter
_ALLOWED = re.compile(r"[0-9A-Z]+")  # Seller Center refuses special characters (API error 21004012)
#: What a Packed cell holds when the line is NOT packed; anything else in it (Yes, x, ✓, initials, a time) means packed.
_DONE = {"Shipped", "In Transit", "Delivered", "Completed"}


def carrier_of(tracking_id: Any) -> list[tuple[str, str]]:
    """Every (courier code, format name) the number is valid for: shape, check digit and lookups all agree.

    ``carrier_of("1Z5R89390357567127") == [("ups", "UPS")]``; S10 numbers name the issuing post
    (``("s10", "S10 (GB: Royal Mail Group plc)")``); an empty, mangled or unknown number gives ``[]``.
    """
    number, state = clean_tracking(tracking_id)
    if state or _shape_problem(number):
        return []
    return [(m.format.courier, m.label) for m in _matches(number) if m.valid]


def _matches(number: str) -> tuple[Match, ...]:
    return bundled_matches(number)


def _lengths(fmt: Format) -> tuple[int, int]:
    sizes = [len("".join(n.split())) for n in fmt.valid_examples] or [0]
    return min(sizes), max(sizes)


def _close(number: str, formats: list[Format]) -> list[str]:
    """Formats the number nearly fits: same leading letters (or all digits) and a length 1-3 characters off."""
    found = []
    for fmt in formats:
        sample = fmt.sample
        prefix = re.match(r"1Z|[A-Z]+", sample)
        same_kind = number.startswith(prefix.group()) if prefix else number.isdigit()
        low, high = _lengths(fmt)
        off = low - len(number) if len(number) < low else len(number) - high
        if sample and same_kind and 0 < off <= 3:
            size = str(low) if low == high else f"{low}-{high}"
            found.append(f"{fmt.name}: {sample} ({size})")
    return found[:3]


def _excel_zeros(number: str) -> bool:
    return number.isdigit() and len(number) > EXCEL_DIGITS and set(number[EXCEL_DIGITS:]) == {"0"}


@lru_cache(maxsize=65536)
def _check_number(number: str, provider: str, accepted: tuple[str, ...]) -> tuple[tuple[str, dict], ...]:
    """The format problems of one cleaned number for one provider on the Carriers sheet (codes ``accepted``)."""
    found = _matches(number)
    valid = [m for m in found if m.valid]
    base = {"tracking": number, "provider": provider}
    if valid and not any(accepts(accepted, c) for m in valid for c in m.codes):
        shapes = [SHAPES[c] for c in accepted if c in SHAPES]
        if not any(s.fits(number) for s in shapes):
            labels = ", ".join(dict.fromkeys(m.label for m in valid))
            codes = tuple(dict.fromkeys(c for m in valid for c in m.codes))
            return (("tracking.wrong_carrier", {**base, "carriers": labels, "codes": codes}),)
    if valid:
        return ()
    if _excel_zeros(number):
        return (("tracking.mangled", {**base, "value": number, "variant": "zeros"}),)
    if ANY in accepted:
        return (("tracking.unknown_carrier_format", {**base, "variant": "any"}),)
    shapes = [SHAPES[c] for c in accepted if c in SHAPES]
    own = [f for f in load_formats() if accepts(accepted, f.courier)
           or (f.courier == "s10" and any(c.split(":")[0] == "s10" for c in accepted))]
    if shapes and not own:
        if any(s.fits(number) for s in shapes):
            return ()
        example = ", ".join(s.example for s in shapes)
        return (("tracking.unknown_carrier_format", {**base, "variant": "shape", "example": example}),)
    if any(s.fits(number) for s in shapes):
        return ()
    if not own:  # the team mapped the provider to nothing: no public format to check against
        return ()
    for reason, variant in (("check_digit", "check_digit"), ("unknown_country", "country")):
        failed = [m for m in found if m.reason == reason and any(m.format is f for f in own)]
        if failed:
            return (("tracking.format", {**base, "variant": variant, "formats": ", ".join(m.label for m in failed),
                                         "country": failed[0].groups.get("CountryCode", "")}),)
    close = _close(number, own)
    examples = ", ".join(dict.fromkeys(f"{f.name}: {f.sample}" for f in own if f.sample))
    return (("tracking.format", {**base, "variant": "close" if close else "",
                                 "close": "; ".join(close), "examples": examples}),)


def _provider_problem(i: int, number: str, provider: str, pm: ProviderMap, market: str | None, add):
    """The Carriers sheet's entry for ``provider``; None (with the problem added) when the name is a formula or
    markup, is not on the sheet, or is not listed for ``market``."""
    if unsafe_name(provider):
        add(i, number, "tracking.provider_unsafe", {"tracking": number, "provider": provider[:60]})
        return None
    entry = pm.lookup(provider)
    if entry is None:
        codes = [c for m in _matches(number) if m.valid for c in m.codes]
        suggest = ", ".join(pm.names_for(codes)[:3])
        add(i, number, "tracking.provider_unknown", {"tracking": number, "provider": provider, "suggest": suggest,
                                                     "variant": "suggest" if suggest else ""})
        return None
    if not in_market(entry[2], market):
        add(i, number, "tracking.provider_market", {"tracking": number, "provider": entry[0], "market": market,
                                                    "markets": ", ".join(entry[2])})
        return None
    return entry


def _shape_problem(number: str) -> dict | None:
    """Params of a number no carrier could have issued (too long, too short, characters besides 0-9 and A-Z)."""
    if len(number) > MAX_LENGTH:
        return {"variant": "too_long"}
    odd = "".join(dict.fromkeys(c for c in number if not _ALLOWED.fullmatch(c)))
    if odd:
        return {"variant": "characters", "chars": " ".join(odd[:10])}
    if len(number) < MIN_LENGTH:
        return {"variant": "too_short", "length": len(number)}
    return None


def _column(lines: pd.DataFrame, *names: str) -> pd.Series:
    wanted = {fold(n) for n in names}
    for col in lines.columns:
        if fold(col) in wanted:
            return lines[col]
    return pd.Series([None] * len(lines), index=lines.index, dtype=object)


def validate_tracking(lines: pd.DataFrame, provider_map: Mapping | ProviderMap | None = None,
                      market: str | None = None) -> pd.DataFrame:
    """Problems of the tracking IDs of ``lines`` (canonical keys; a team column "Packed" is read when present).

    One row per problem: ``row`` (the line's index label), ``order_id``, ``tracking_id`` (cleaned), ``code``,
    ``severity`` and ``params`` (a dict for the catalogue). ``provider_map`` maps Shipping Provider Names to
    courier codes and markets over :data:`~tkops.shipping.carriers.DEFAULT_PROVIDERS` (see
    :func:`~tkops.shipping.carriers.provider_map_from_rows` for the Carriers sheet); a provider name that is not
    there, is not listed for the shop's ``market``, or is a formula or markup is an error.
    """
    pm = make_provider_map(provider_map)
    status = canonical_statuses(_column(lines, "order_status", "Order Status"))
    packed = _column(lines, "packed", "Packed")
    order_ids = [scalar_text(v) for v in _column(lines, "order_id", "Order ID")]
    shipment = [scalar_text(p) or scalar_text(g) for p, g in zip(_column(lines, "package_id", "Package ID"),
                                                     _column(lines, "auto_combine_group_id", "Auto Combine Group ID"))]
    rows: list[dict] = []
    numbers: dict[str, list[int]] = {}

    def add(i: int, number: str, code: str, params: dict) -> None:
        rows.append({"pos": i, "row": lines.index[i], "order_id": order_ids[i] or None, "tracking_id": number or None,
                     "code": code, "severity": SEVERITY[code], "params": params})

    providers = _column(lines, "shipping_provider", "Shipping Provider Name")
    for i, (raw, prov, st, pk) in enumerate(zip(_column(lines, "tracking_id", "Tracking ID"), providers,
                                                status, packed)):
        number, state = clean_tracking(raw)
        cancelled = st == "Cancelled"
        provider = scalar_text(prov)
        if state == "empty":
            if not cancelled and (tick(pk) or st == "Awaiting Collection"):
                add(i, "", "tracking.missing", {"provider": provider, "status": scalar_text(st),
                                                "variant": "packed" if tick(pk) else "collection"})
            continue
        if state == "mangled":
            add(i, number, "tracking.mangled", {"value": number, "tracking": number})
            continue
        problem = _shape_problem(number)
        if problem:
            shown = number[:MAX_LENGTH] + "…" if len(number) > MAX_LENGTH else number
            add(i, shown, "tracking.format", {"tracking": shown, "provider": provider, **problem})
            continue
        if not cancelled:
            numbers.setdefault(number, []).append(i)
        if not provider:
            found = infer(number, pm, market)
            add(i, number, "tracking.no_provider", {"tracking": number, "variant": found.status,
                                                    "carriers": found.carriers, "provider": found.provider})
            continue
        entry = _provider_problem(i, number, provider, pm, market, add)
        if entry is None:
            continue
        for code, params in _check_number(number, entry[0], entry[1]):
            params = dict(params)
            if code == "tracking.wrong_carrier":
                params["suggest"] = ", ".join(pm.names_for(params.pop("codes"))[:3])
                if not params["suggest"]:
                    params["variant"] = "no_suggestion"
            add(i, number, code, params)
    for number, where in numbers.items():
        keys = {shipment[i] or f"order:{order_ids[i]}" for i in where}
        if len({order_ids[i] for i in where}) < 2 or len(keys) < 2:
            continue
        for i in where:
            others = sorted({order_ids[j] for j in where if order_ids[j] != order_ids[i]})
            add(i, number, "tracking.duplicate", {"tracking": number, "others": ", ".join(others[:5]),
                                                  "count": len(others)})
    frame = pd.DataFrame(rows, columns=["pos", *PROBLEM_COLUMNS]).sort_values("pos", kind="stable")
    return frame[PROBLEM_COLUMNS].astype({"code": object, "severity": object}).reset_index(drop=True)
