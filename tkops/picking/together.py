"""Orders that ship together: several released orders of one buyer to one address (the review's order.combinable,
:mod:`tkops.review.rules.combinable`) go out as one parcel, so they are picked in one wave and packed side by side.

Pure: canonical order lines in, a group per line out. The buyer and the address are compared exactly as the review
compares them (Buyer Username folded; country and every address part folded, without spaces and punctuation).
"""

from __future__ import annotations

import pandas as pd

from tkops.review import text as T
from tkops.review.context import ADDRESS_KEYS
from tkops.review.countries import country_code
from tkops.review.rules.combinable import address_key_of, buyer_keys


def together_groups(lines: pd.DataFrame) -> pd.Series:
    """Per line of ``lines`` (same index): the Order ID of the first order of its ship-together group, "" when its
    order ships alone. Only orders among ``lines`` count (pass the released ones)."""
    out = pd.Series("", index=lines.index, dtype=object)
    if lines.empty or "order_id" not in lines.columns:
        return out
    src = lines.reset_index(drop=True)
    w = pd.DataFrame(index=src.index)
    for key in ("order_id", "buyer_username", "country", *ADDRESS_KEYS):
        w[key] = T.as_text(src[key] if key in src.columns else None, src.index)
    w["cc"] = w["country"].map({v: country_code(v) or v.casefold() for v in w["country"].unique()})
    first = w[(w["order_id"] != "") & ~w["order_id"].duplicated()]
    parcel = pd.DataFrame({"order": first["order_id"], "buyer": buyer_keys(first), "address": address_key_of(first)})
    parcel = parcel[(parcel["buyer"] != "") & (parcel["address"] != "")]
    size = parcel.groupby(["buyer", "address"], sort=False)["order"].transform("nunique")
    parcel = parcel[size >= 2]
    if parcel.empty:
        return out
    leader = parcel.groupby(["buyer", "address"], sort=False)["order"].transform("first")
    group_of = dict(zip(parcel["order"], leader))
    out[:] = w["order_id"].map(group_of).fillna("").to_numpy()
    return out


def together_with(lines: pd.DataFrame) -> dict[str, list[str]]:
    """Order ID -> the other Order IDs it ships with (only orders that have partners among ``lines``)."""
    groups = together_groups(lines)
    ids = lines["order_id"].astype(str) if "order_id" in lines.columns else pd.Series(dtype=object)
    members: dict[str, list[str]] = {}
    for order, group in zip(ids, groups):
        if group and order not in members.setdefault(group, []):
            members[group].append(order)
    return {o: [m for m in group if m != o] for group in members.values() for o in group}
