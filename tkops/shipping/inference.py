"""The carrier of a tracking number when the number alone says it for certain (docs/tracking.md#inference).

A number's carrier is *certain* when every format it is valid for belongs to one carrier, at least one of those
formats has a check digit that the number passes, and no shape-only carrier that a provider of the shop's market may
carry (J&T, Flash, Kerry, Ninja Van, SPX: no published rule) could have issued it. The provider name written for it
is the first one on the Carriers sheet that names that carrier (S10 numbers: its issuing post, "s10:GB") and serves
the market. Anything else is held for a person to fill Shipping Provider Name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from tkops.shipping.carriers import ProviderMap, unsafe_name
from tkops.shipping.formats import bundled_matches

#: Statuses of an inference: certain (``provider`` is the name to write), several carriers, one carrier but no
#: check digit, no carrier at all, and a certain carrier that no provider on the Carriers sheet names.
STATUSES = ("certain", "several", "no_check", "unknown", "no_name")


@dataclass(frozen=True)
class Inference:
    """What a number says of its carrier: ``status`` (one of :data:`STATUSES`), the ``provider`` to write when
    certain, the candidate carriers' labels (``carriers``) and the certain carrier's courier ``code``."""

    status: str
    provider: str = ""
    carriers: str = ""
    code: str = ""


def infer(number: str, providers: ProviderMap, market: str | None = None) -> Inference:
    """The carrier of the cleaned ``number`` (from :func:`~tkops.shipping.tracking.clean_tracking`), with the
    provider name of ``providers`` to write for it in ``market``."""
    valid = [m for m in bundled_matches(number) if m.valid]
    shapes = [s.name for s in providers.shapes_in(market) if s.fits(number)]
    labels = ", ".join(dict.fromkeys([m.label for m in valid] + shapes))
    couriers = {m.format.courier for m in valid}
    if not couriers and not shapes:
        return Inference("unknown")
    if len(couriers) != 1 or shapes:
        return Inference("several", carriers=labels)
    checked = [m for m in valid if m.format.has_check]
    if not checked:
        return Inference("no_check", carriers=labels)
    code = checked[0].codes[-1]  # "s10:GB" for an S10 number, else the courier
    provider = providers.provider_for(code, market)
    if provider is None:
        return Inference("no_name", carriers=labels, code=code)
    return Inference("certain", provider, labels, code)


def inferred_providers(numbers: pd.Series, current: pd.Series, providers: ProviderMap, market: str | None = None,
                       skip: pd.Series | None = None) -> pd.Series:
    """The provider name to write for each line whose Shipping Provider Name (``current``) is blank and whose
    cleaned tracking number (``numbers``; "" when none) has a certain carrier; other lines are left out.
    ``skip`` marks lines to leave alone (cancelled orders). Indexed like ``numbers``."""
    out: dict[Any, str] = {}
    for label, number in numbers.items():
        now = current.get(label)
        blank = now is None or (isinstance(now, float) and now != now) or not str(now).strip()
        if not number or not blank or (skip is not None and bool(skip.get(label))):
            continue
        found = infer(number, providers, market)
        if found.status == "certain" and not unsafe_name(found.provider):
            out[label] = found.provider
    return pd.Series(out, dtype=object)
