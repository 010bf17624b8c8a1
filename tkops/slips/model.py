"""The packing-slip data: one :class:`Slip` per order (or per package), pure, in pick order.

:func:`build_slips` turns canonical order lines (the caller passes them in pick order) into slips: the shop, the
recipient, every item, the buyer's message, whether prices are hidden (gift) and the colour/size changes the team
agreed with the buyer, with the labels in the buyer's language. Templates and the PDF writer only read slips.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tkops.review import text as T
from tkops.review.buyer import buyer_languages
from tkops.review.countries import country_code, market_country
from tkops.slips.config import SlipSettings
from tkops.slips.labels import SLIP_LANGUAGES, Labels, money, slip_labels
from tkops.slips.review_input import agreed_changes, gift_orders, is_yes

_TEXT = ("order_id", "package_id", "seller_sku", "sku_id", "product_name", "variation", "currency", "buyer_message",
         "recipient", "country", "state", "city", "districts", "zipcode", "address_line_1", "address_line_2",
         "house_name_or_number", "buyer_language", "gift", "team_note")
_ZIP_FIRST = {"DE", "AT", "CH", "FR", "BE", "LU", "IT", "ES", "PT", "NL", "MX", "BR", "DK", "SE", "NO", "PL"}
NAN = float("nan")
_LIMITS = {"recipient": 80, "buyer_message": 600, "product_name": 120, "variation": 60, "team_note": 300}


@dataclass(frozen=True)
class SlipItem:
    """One line of a slip. ``price`` is "" when prices are hidden or unknown."""

    sku: str
    product: str
    variation: str
    quantity: int
    price: str


@dataclass(frozen=True)
class AgreedChange:
    """A colour or size change the team agreed with the buyer (``sending`` may be "" when not written down)."""

    kind: str  # "colour" or "size"
    sku: str
    product: str
    ordered: str
    sending: str


@dataclass(frozen=True)
class Slip:
    """Everything printed on one packing slip (text is plain: templates escape it)."""

    key: str
    order_id: str
    order_ids: tuple[str, ...]
    package_id: str
    barcode_value: str
    lang: str
    labels: Labels = field(compare=False, hash=False)
    recipient: str
    address: tuple[str, ...]
    country: str
    order_date: str
    items: tuple[SlipItem, ...]
    show_prices: bool
    gift: bool
    total: str
    buyer_message: str
    agreed: tuple[AgreedChange, ...]
    together: tuple[str, ...] = ()  # other orders of the same parcel, on their own slips right next to this one
    combined: bool = False  # several orders of one buyer merged into this one slip (the team ticked Combine)
    team_note: str = ""  # the team's Team Note for the packer (the checklist shows it; the buyer never does)
    part: int = 1  # a slip too long for one label goes on over several (tkops.slips.fit): this one's number
    parts: int = 1


def build_slips(lines: pd.DataFrame, settings: SlipSettings | None = None, *, review: pd.DataFrame | None = None,
                pick_order: Sequence[str] | None = None, together: Mapping[str, Sequence[str]] | None = None,
                combine: Mapping[str, str] | None = None) -> list[Slip]:
    """Slips for canonical order ``lines``: one per Package ID where the lines have one, else one per Order ID.

    Slips come in the order their first line appears in ``lines`` (pass lines in pick order), or in the order of
    ``pick_order`` (order IDs; orders it does not name follow in line order). ``review``: Review-sheet rows
    (see :mod:`tkops.slips.review_input`) for gift orders and agreed colour/size changes; a ``gift`` column on the
    lines (a team flag: yes/true/x) also hides prices. ``together``: Order ID -> the other orders it ships with
    (:func:`tkops.picking.together.together_with`): their slips come right after one another and say so;
    ``combine``: Order ID -> the order whose slip it joins (the team chose one parcel, one slip). Lines of one slip
    with the same SKU and variation are one item, their quantities and amounts added up.
    """
    settings = settings or SlipSettings()
    together, combine = dict(together or {}), dict(combine or {})
    w = _prepare(lines, settings)
    merged = w["order_id"].map(lambda o: combine.get(o, "")).astype(object)
    w["group"] = ("combined:" + merged).where(merged != "", w["group"])
    gifts = gift_orders(review) | set(w.loc[w["gift"].map(is_yes).astype(bool), "order_id"])
    agreed = agreed_changes(review)
    groups = w.groupby("group", sort=False).indices
    keys = list(groups)
    first_order = {k: w["order_id"].iat[groups[k][0]] for k in keys}
    if pick_order is not None:
        rank = {oid: i for i, oid in enumerate(dict.fromkeys(str(o) for o in pick_order))}
        keys.sort(key=lambda k: rank.get(first_order[k], len(rank)))
    keys = _side_by_side(keys, first_order, together)
    records = w.to_dict("records")
    slips = []
    for key in keys:
        rows = [records[i] for i in groups[key]]
        orders = set(r["order_id"] for r in rows)
        others = [o for o in dict.fromkeys(p for r in rows for p in together.get(r["order_id"], ())) if o not in orders]
        slips.append(_slip(key, rows, gifts, agreed, tuple(others), key.startswith("combined:")))
    return slips


def _side_by_side(keys: list[str], first_order: dict[str, str], together: Mapping[str, Sequence[str]]) -> list[str]:
    """``keys`` with the slips of orders that ship together moved right after the first of them."""
    by_order = {first_order[k]: k for k in keys}
    out: list[str] = []
    for key in keys:
        if key in out:
            continue
        out.append(key)
        for other in together.get(first_order[key], ()):
            partner = by_order.get(other)
            if partner is not None and partner not in out:
                out.append(partner)
    return out


def _prepare(lines: pd.DataFrame, settings: SlipSettings) -> pd.DataFrame:
    index = pd.RangeIndex(len(lines))
    src = lines.reset_index(drop=True)
    w = pd.DataFrame(index=index)
    for key in _TEXT:
        w[key] = T.as_text(src[key] if key in src.columns else None, index)
    for key, limit in _LIMITS.items():
        w[key] = w[key].map(lambda v, n=limit: T.shorten(_clean(v), n))
    for key in ("quantity", "subtotal_after_discount", "subtotal_before_discount", "unit_original_price",
                "order_amount"):
        w[key] = pd.to_numeric(src[key], errors="coerce").astype("float64") if key in src.columns else np.nan
    when = src["paid_time"] if "paid_time" in src.columns else pd.Series(pd.NaT, index=index)
    if "created_time" in src.columns:
        when = when.where(when.notna(), src["created_time"])
    w["date"] = pd.to_datetime(when, errors="coerce", format="mixed").dt.strftime("%Y-%m-%d").fillna("")
    codes = {v: country_code(v) for v in w["country"].unique()}
    w["cc"] = w["country"].map(codes).replace("", market_country(settings.market)).astype(object)
    langs = buyer_languages(w)
    chinese = w["buyer_language"].str.casefold().str.startswith("zh")
    w["lang"] = langs.where(~chinese, "zh")
    w["group"] = w["package_id"].where(w["package_id"] != "", "order:" + w["order_id"])
    return w


def _slip(key: str, rows: list[dict], gifts: set[str], agreed: dict, together: tuple[str, ...] = (),
          combined: bool = False) -> Slip:
    first = rows[0]
    order_ids = tuple(dict.fromkeys(r["order_id"] for r in rows))
    gift = any(o in gifts for o in order_ids)
    lang, cc, currency = first["lang"], first["cc"], first["currency"]
    amounts = []
    lines: dict[tuple, list] = {}  # one item per SKU and variation: [sku, product, variation, quantity, amount]
    for r in rows:
        qty = r["quantity"]
        amount = next((v for v in (r["subtotal_after_discount"], r["subtotal_before_discount"]) if _known(v)), NAN)
        if not _known(amount) and _known(r["unit_original_price"]) and _known(qty):
            amount = r["unit_original_price"] * qty
        amounts.append(amount)
        sku = r["seller_sku"] or r["sku_id"]
        key_ = ((sku or r["product_name"]).casefold(), r["variation"].casefold())
        item = lines.setdefault(key_, [sku, r["product_name"], r["variation"], 0, 0.0])
        item[3] += int(qty) if _known(qty) else 0
        item[4] += amount  # NaN stays NaN: a price is shown only when every line of the item has one
    items = [SlipItem(sku=sku, product=product, variation=variation, quantity=qty,
                      price="" if gift else money(amount, currency, lang))
             for sku, product, variation, qty, amount in lines.values()]
    totals = {r["order_id"]: r["order_amount"] for r in rows if _known(r["order_amount"])}
    total = sum(totals.values()) if len(totals) == len(order_ids) else float(np.nansum(amounts))
    changes = []
    for r in rows:
        for kind, sending in agreed.get((r["order_id"], r["sku_id"]), ()) if r["sku_id"] else ():
            changes.append(AgreedChange(kind, r["seller_sku"] or r["sku_id"], r["product_name"], r["variation"],
                                        _clean(sending)))
    for order_id in order_ids:  # changes the Review sheet gives no SKU ID for: the item when the order has one
        lines = [r for r in rows if r["order_id"] == order_id]
        only = lines[0] if len(lines) == 1 else dict.fromkeys(("seller_sku", "sku_id", "product_name", "variation"), "")
        for kind, sending in agreed.get((order_id, ""), ()):
            changes.append(AgreedChange(kind, only["seller_sku"] or only["sku_id"], only["product_name"],
                                        only["variation"], _clean(sending)))
    package_id = first["package_id"]
    return Slip(
        key=key, order_id=order_ids[0], order_ids=order_ids, package_id=package_id,
        barcode_value=order_ids[0] if len(order_ids) == 1 or not package_id else package_id,
        lang=lang if lang in SLIP_LANGUAGES else "en", labels=slip_labels(lang, cc),
        recipient=first["recipient"], address=_address(first), country=cc, order_date=first["date"],
        items=tuple(items), show_prices=not gift and any(i.price for i in items), gift=gift,
        total="" if gift or not _known(total) or not any(i.price for i in items) else money(total, currency, lang),
        buyer_message=" / ".join(dict.fromkeys(r["buyer_message"] for r in rows if r["buyer_message"])),
        agreed=tuple(dict.fromkeys(changes)),
        together=together, combined=combined and len(order_ids) > 1,
        team_note="; ".join(dict.fromkeys(r["team_note"] for r in rows if r["team_note"])),
    )


def _known(value: float) -> bool:
    return not math.isnan(value)


def _address(r: dict) -> tuple[str, ...]:
    """The address block, one line per line, in the destination's usual order."""
    street = " ".join(p for p in (r["house_name_or_number"], r["address_line_1"]) if p)
    city = r["city"]
    if r["cc"] in _ZIP_FIRST:
        town = " ".join(p for p in (r["zipcode"], city) if p)
        region = r["state"]
    else:
        town = ", ".join(p for p in (city, " ".join(p for p in (r["state"], r["zipcode"]) if p)) if p)
        region = ""
    parts = (street, r["address_line_2"], r["districts"], town, region, r["country"])
    return tuple(T.shorten(_clean(p), 200) for p in parts if p)


_DROP = {c: None for c in [*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
                           *range(0x2066, 0x206A)]}


def _clean(value: str) -> str:
    """Buyer text without control characters and bidi overrides (text stays text; direction is isolated by the
    templates); tabs become spaces."""
    return value.replace("\t", " ").translate(_DROP).strip()
