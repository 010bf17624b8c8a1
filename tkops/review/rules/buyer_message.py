"""Buyer messages: what the buyer asks for, from the keyword lists (:mod:`tkops.review.keywords`) in twelve
languages, and whether a colour or size the buyer names differs from the ordered Variation.

Matching runs once per distinct message and once per distinct Variation; the results are mapped back to the
lines with dictionaries (no per-order DataFrame work).
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
CHANGES = (("message.colour_change", "colour_change"), ("message.size_change", "size_change"))


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
    hits = {c: set(texts[folded.str.contains(kw.pattern(c)).fillna(False).astype(bool)])
            if kw.pattern(c) is not None else set() for c in CATEGORIES}
    named = {"colour_change": dict(zip(texts, folded.map(kw.colours_in))),
             "size_change": dict(zip(texts, folded.map(kw.sizes_in)))}

    lines = w[w["okey"].isin(o["okey"]) & w["scope"]]
    variations = pd.Series(lines["variation"].unique(), dtype=object)
    vfolded = T.fold(variations)
    ordered = {"colour_change": dict(zip(variations, vfolded.map(lambda v: {c for c, _ in kw.colours_in(v)}))),
               "size_change": dict(zip(variations, vfolded.map(lambda v: set(vocab.variation_sizes(v)))))}
    members: dict[str, list[tuple[int, str]]] = {}
    for pos, okey, variation in zip(lines.index, lines["okey"], lines["variation"]):
        members.setdefault(okey, []).append((pos, variation))

    out: list[tuple[int, str, str, dict]] = []
    for pos, okey, message in zip(o.index, o["okey"], o["buyer_message"]):
        group = members.get(okey, [(pos, "")])
        found = False
        for code, category in CHANGES:
            rows = _variant_change(code, group, named[category][message], ordered[category],
                                   message in hits[category], pos)
            found |= bool(rows)
            out += rows
        for category in ORDER_LEVEL:
            if message in hits[category]:
                found = True
                out.append((pos, f"message.{category}", f"message.{category}", {"text": _one_line(message)}))
        if not found:
            out.append((pos, "message.other", "message.other", {"text": _one_line(message)}))
    frame = pd.DataFrame(out, columns=["pos", "code", "key", "params"]).astype({"pos": "int64"})
    frame["column"] = "buyer_message"
    return frame[P.RULE_COLUMNS]


def _variant_change(code: str, group: list[tuple[int, str]], named: list[tuple[str, str]], ordered_of: dict,
                    keyword: bool, first_pos: int) -> list[tuple[int, str, str, dict]]:
    """Problems when the buyer names a colour/size no line of the order has, or asks for a change without one."""
    union = set().union(*(ordered_of.get(v, ()) for _, v in group))
    unmatched = [(name, written) for name, written in named if name not in union]
    if unmatched:
        asked = ", ".join(name for name, _ in unmatched)
        words = ", ".join(written for _, written in unmatched)
        return [(pos, code, code, {"asked": asked, "asked_words": words, "ordered": variation or "-"})
                for pos, variation in group]
    if keyword and not named:
        ordered = ", ".join(dict.fromkeys(v for _, v in group if v)) or "-"
        return [(first_pos, code, f"{code}:unnamed", {"asked": "", "asked_words": "", "ordered": ordered})]
    return []


MESSAGES = Rule("buyer_message", ("message.colour_change", "message.size_change", "message.address_change",
                                  "message.gift", "message.urgent", "message.cancel_request", "message.other"),
                check_messages)
RULES = (MESSAGES,)
