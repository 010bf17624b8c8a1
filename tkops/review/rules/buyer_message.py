"""Buyer messages: what the buyer asks for, from the keyword lists (:mod:`tkops.review.keywords`) in twelve
languages, and whether a colour or size the buyer names differs from the ordered Variation.

Matching runs once per distinct message and once per distinct Variation; results are mapped back to the lines.
"""

from __future__ import annotations

import pandas as pd

from tkops.review import problems as P
from tkops.review import text as T
from tkops.review import vocab
from tkops.review.context import ReviewContext
from tkops.review.keywords import CATEGORIES
from tkops.review.rules.base import Rule

MAX_MATCHED_CHARS = 4000  # longer messages are matched on their beginning
ORDER_LEVEL = ("address_change", "cancel_request", "gift", "urgent")


def _one_line(text: str, limit: int = 80) -> str:
    return T.shorten(" ".join(text.split()), limit)


def check_messages(ctx: ReviewContext) -> pd.DataFrame:
    """message.* problems for every in-scope order with a buyer message."""
    w = ctx.w
    o = ctx.orders(w["buyer_message"] != "")
    if o.empty:
        return P.none()
    kw = ctx.keywords
    texts = pd.Series(o["buyer_message"].unique(), dtype=object)
    folded = T.fold(texts.str.slice(0, MAX_MATCHED_CHARS))
    hits = {c: dict(zip(texts, folded.str.contains(kw.pattern(c)).fillna(False).astype(bool)))
            if kw.pattern(c) is not None else {} for c in CATEGORIES}
    colours = dict(zip(texts, folded.map(kw.colours_in)))
    sizes = dict(zip(texts, folded.map(kw.sizes_in)))

    lines = w[w["okey"].isin(o["okey"]) & w["scope"]]
    variations = pd.Series(lines["variation"].unique(), dtype=object)
    vfolded = T.fold(variations)
    v_colours = dict(zip(variations, vfolded.map(lambda v: {c for c, _ in kw.colours_in(v)})))
    v_sizes = dict(zip(variations, vfolded.map(lambda v: set(vocab.variation_sizes(v)))))
    by_order = {k: g for k, g in lines.groupby("okey", sort=False)}

    out: list[dict] = []
    for pos, okey, message in zip(o.index, o["okey"], o["buyer_message"]):
        group = by_order.get(okey)
        if group is None:
            continue
        found = False
        for code, named, ordered_of, keyword in (
                ("message.colour_change", colours[message], v_colours, hits["colour_change"].get(message, False)),
                ("message.size_change", sizes[message], v_sizes, hits["size_change"].get(message, False))):
            rows = _variant_change(code, group, named, ordered_of, keyword, pos)
            found |= bool(rows)
            out += rows
        for category in ORDER_LEVEL:
            if hits[category].get(message, False):
                found = True
                out.append({"pos": pos, "code": f"message.{category}", "key": f"message.{category}",
                            "params": {"text": _one_line(message)}})
        if not found:
            out.append({"pos": pos, "code": "message.other", "key": "message.other",
                        "params": {"text": _one_line(message)}})
    if not out:
        return P.none()
    frame = pd.DataFrame(out)
    frame["column"] = "buyer_message"
    return frame[P.RULE_COLUMNS].astype({"pos": "int64"})


def _variant_change(code: str, group: pd.DataFrame, named: list[tuple[str, str]], ordered_of: dict,
                    keyword: bool, first_pos: int) -> list[dict]:
    """Problems when the buyer names a colour/size no line of the order has, or asks for a change without one."""
    union = set().union(*(ordered_of[v] for v in group["variation"]))
    unmatched = [(name, written) for name, written in named if name not in union]
    if unmatched:
        asked = ", ".join(name for name, _ in unmatched)
        words = ", ".join(written for _, written in unmatched)
        return [{"pos": pos, "code": code, "key": code,
                 "params": {"asked": asked, "asked_words": words, "ordered": variation or "-"}}
                for pos, variation in zip(group.index, group["variation"])]
    if keyword and not named:
        ordered = ", ".join(dict.fromkeys(v for v in group["variation"] if v)) or "-"
        return [{"pos": first_pos, "code": code, "key": f"{code}:unnamed",
                 "params": {"asked": "", "asked_words": "", "ordered": ordered}}]
    return []


MESSAGES = Rule("buyer_message", ("message.colour_change", "message.size_change", "message.address_change",
                                  "message.gift", "message.urgent", "message.cancel_request", "message.other"),
                check_messages)
RULES = (MESSAGES,)
