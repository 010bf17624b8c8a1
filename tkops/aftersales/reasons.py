"""Platform reasons -> case type, cause, seller fault and owner, as a table the team edits (the Reasons sheet).

Defaults live in ``tkops/data/aftersales/reasons.csv``: one row per official return, refund, seller-refund,
cancellation and reject reason of the reference lists. The team's Reasons sheet is laid over them: a sheet row with
the same key or the same text wins, a new row teaches tkops another reason (e.g. a localised text). Blank Cause,
Seller Fault or Owner cells take the case type's usual values (:data:`CASE_TYPES`). Kind, Market and Note are for
people: matching uses the key, then the folded text, whatever the kind or market.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable, Mapping, NamedTuple

import numpy as np
import pandas as pd

from tkops.aftersales.catalogue import AfterSalesConfigError, choice, sheet_records
from tkops.bundled import bundled_rows
from tkops.cells.yes_no import yes_no
from tkops.markets import MARKET_ALIASES, MARKETS
from tkops.review import text as T


class Label(NamedTuple):
    """A vocabulary entry's English and Chinese label."""

    en: str
    zh: str


class CaseType(NamedTuple):
    """A case type: its labels and its usual cause, seller fault (None: unknown) and owner."""

    en: str
    zh: str
    cause: str
    seller_fault: bool | None
    owner: str


CASE_TYPES: dict[str, CaseType] = {
    "not_received": CaseType("Not received", "未收到货", "logistics", False, "carrier"),
    "damaged": CaseType("Damaged", "破损", "logistics", True, "carrier"),
    "defective": CaseType("Defective / quality", "质量问题", "product_quality", True, "sourcing"),
    "wrong_item": CaseType("Wrong item", "发错货", "fulfilment_error", True, "warehouse"),
    "missing_parts": CaseType("Missing item or parts", "少件漏发", "fulfilment_error", True, "warehouse"),
    "size_fit": CaseType("Size / fit", "尺码不合适", "size_fit", False, "listing"),
    "not_as_described": CaseType("Not as described", "与描述不符", "description_mismatch", True, "listing"),
    "colour_material": CaseType("Colour / material not as expected", "颜色或材质不符预期", "description_mismatch",
                                False, "listing"),
    "late": CaseType("Late (dispatch or delivery)", "发货或送达延迟", "logistics", False, "carrier"),
    "no_longer_needed": CaseType("No longer needed (buyer's choice)", "不想要了（买家原因）", "buyer_remorse", False,
                                 "none"),
    "other": CaseType("Other", "其他", "unknown", None, "none"),
}
#: Cause categories: key -> (en, zh). buyer_remorse covers every buyer-side reason (mind, mistake, payment).
CAUSES: dict[str, Label] = {
    "product_quality": Label("Product quality", "产品质量"), "logistics": Label("Logistics", "物流"),
    "description_mismatch": Label("Description mismatch", "描述不符"), "size_fit": Label("Size / fit", "尺码"),
    "fulfilment_error": Label("Fulfilment error", "仓库履约差错"), "buyer_remorse": Label("Buyer's side", "买家原因"),
    "unknown": Label("Unknown", "未知"),
}
#: Who acts on a cause: key -> (en, zh).
OWNERS: dict[str, Label] = {
    "sourcing": Label("Sourcing", "采购"), "listing": Label("Listing", "商品页"), "ads": Label("Ads", "广告"),
    "warehouse": Label("Warehouse", "仓库"), "carrier": Label("Carrier", "物流商"), "none": Label("None", "无"),
}
KINDS = ("return", "refund", "seller_refund", "cancel", "reject")
_KIND_LABELS = {k: Label(k, k) for k in KINDS}
REASONS_SHEET = "Reasons"
REASONS_SHEET_HEADERS = ["Kind", "Market", "Reason Text", "Reason Key", "Case Type", "Cause", "Seller Fault",
                         "Owner", "Note"]
RESULT_COLUMNS = ["case_type", "cause", "seller_fault", "owner", "matched_by"]
_MARKET_LABELS = {m: Label(m, m) for m in (*MARKETS, *MARKET_ALIASES, "EU", "*")}
_SPELLINGS = (("colour", "color"), ("cancelled", "canceled"), ("cancellation", "cancelation"), ("ised", "ized"))
_PUNCT = re.compile(r"[\W_]+")


def label(vocab: Mapping[str, Any], key: str, lang: str = "en") -> str:
    """The en or zh label of ``key`` in a vocabulary (CASE_TYPES, CAUSES or OWNERS); the key itself if unknown."""
    entry = vocab.get(key)
    return key if entry is None else entry.zh if lang == "zh" else entry.en


def fold_reason(text: str) -> str:
    """A reason text as compared: NFKC, casefold, US spellings (color, canceled, -ize), no punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    for variant, spelling in _SPELLINGS:
        folded = folded.replace(variant, spelling)
    return " ".join(_PUNCT.sub(" ", folded.replace("'", "")).split())


class Reason(NamedTuple):
    """One row of the Reasons table."""

    kind: str
    market: str
    text: str
    key: str
    case_type: str
    cause: str
    seller_fault: bool | None
    owner: str
    note: str = ""

    def sheet_row(self) -> list[str]:
        """The row as the Reasons sheet shows it."""
        fault = "" if self.seller_fault is None else "yes" if self.seller_fault else "no"
        return [self.kind, self.market, self.text, self.key, self.case_type, self.cause, fault, self.owner, self.note]


class ReasonMap:
    """Reasons indexed by folded key and folded text. A later reason wins over an earlier one with the same key or
    text (the team's rows come after the defaults); a later one without key takes over its text's keys as well."""

    def __init__(self, reasons: Iterable[Reason]) -> None:
        self.reasons = tuple(reasons)
        self._by_key: dict[str, Reason] = {}
        self._by_text: dict[str, Reason] = {}
        keys_of: dict[str, list[str]] = {}
        for r in self.reasons:
            folded = fold_reason(r.text)
            key = r.key.strip().casefold()  # keys are machine strings: commas and apostrophes are part of them
            self._by_key.update(dict.fromkeys([key] if key else keys_of.get(folded, []), r))
            keys_of.setdefault(folded, []).extend([key] if key else [])
            if folded:
                self._by_text[folded] = r

    @classmethod
    def from_sheet_rows(cls, rows: list[list[Any]] | None, base: "ReasonMap | None" = None,
                        sheet: str = REASONS_SHEET) -> "ReasonMap":
        """``base`` (the defaults) overlaid with the Reasons sheet's rows (header first; columns found by name).
        Raises :class:`AfterSalesConfigError` naming the sheet, row, column and allowed values of a bad cell."""
        base = base or default_reason_map()
        return cls(base.reasons + tuple(parse_reason_rows(rows or [], sheet)))

    def lookup(self, text: str, key: str = "") -> tuple[Reason | None, str]:
        """The reason for a (text, key) pair and how it was found: "key", "text", or (None, "none"). Either
        argument may hold a key or a text: exports put display text where the API puts keys."""
        for value in (key.strip().casefold(), text.strip().casefold()):
            if value in self._by_key:
                return self._by_key[value], "key"
        for value in (text, key):
            if value and fold_reason(value) in self._by_text:
                return self._by_text[fold_reason(value)], "text"
        return None, "none"

@lru_cache(maxsize=1)
def default_reason_map() -> ReasonMap:
    """The built-in reasons (``tkops/data/aftersales/reasons.csv``), read once."""
    return ReasonMap(parse_reason_rows(bundled_rows("aftersales/reasons.csv"), "reasons.csv"))


def reasons_sheet_rows(reason_map: ReasonMap | None = None) -> list[list[str]]:
    """The Reasons sheet for a new workbook (header + the built-in reasons), or of ``reason_map``: one row per key
    or per kind and text, the last of each winning."""
    rows: dict[str, list[str]] = {}
    for r in (reason_map or default_reason_map()).reasons:
        rows[f"k:{r.key.strip().casefold()}" if r.key else f"t:{r.kind}:{fold_reason(r.text)}"] = r.sheet_row()
    return [list(REASONS_SHEET_HEADERS), *rows.values()]


def parse_reason_rows(rows: list[list[Any]], sheet: str = REASONS_SHEET) -> list[Reason]:
    """The reasons of Reasons-sheet rows (header first). Raises :class:`AfterSalesConfigError` on a bad cell."""
    out = []
    for n, r in sheet_records(rows, sheet, ("Reason Text", "Reason Key", "Case Type")):
        if not r["reason text"] and not r["reason key"]:
            raise AfterSalesConfigError("aftersales.reason_blank", sheet=sheet, row=n)
        kind = choice(r["kind"], _KIND_LABELS, sheet, n, "Kind") if r.get("kind") else ""
        markets = [choice(m, _MARKET_LABELS, sheet, n, "Market")
                   for m in re.split(r"[\s,;/]+", r.get("market", "")) if m]
        case = choice(r["case type"], CASE_TYPES, sheet, n, "Case Type")
        usual = CASE_TYPES[case]
        cause = choice(r["cause"], CAUSES, sheet, n, "Cause") if r.get("cause") else usual.cause
        owner = choice(r["owner"], OWNERS, sheet, n, "Owner") if r.get("owner") else usual.owner
        fault = yes_no(r.get("seller fault", ""))
        if fault is None and r.get("seller fault", "").strip():
            raise AfterSalesConfigError("aftersales.sheet_value", sheet=sheet, row=n, column="Seller Fault",
                                        value=T.shorten(r["seller fault"]), allowed="yes, no (blank: usual)")
        seller_fault = usual.seller_fault if fault is None else fault
        out.append(Reason(kind, ", ".join(markets), r["reason text"], r["reason key"], case, cause, seller_fault,
                          owner, r.get("note", "")))
    return out


def classify_reasons(data: pd.DataFrame | pd.Series, text: str = "Reason Text", key: str = "Reason Key",
                     notes: Iterable[str] = (), reasons: ReasonMap | None = None, keywords=None) -> pd.DataFrame:
    """Case type, cause, seller fault, owner and how each was found, for every row of ``data``.

    ``data``: a Series of reason texts (or keys), or a frame with the ``text`` and/or ``key`` columns. Order: the
    key, then the folded text (matched_by "key"/"text"); an unknown text (e.g. a localised one) or key goes to the
    keyword classifier ("keywords"); a reason still "other" (none, or a generic one such as "Other") is classified
    from the ``notes`` columns (buyer or team notes, those ``data`` has: "note"); else other/unknown ("none").
    ``reasons``: the Reasons table; ``keywords``: the CaseKeywords lists (None: built-in). Index as ``data``'s.
    """
    from tkops.aftersales.classify import (
        classify_text,  # here: classify imports this module's vocabularies
    )

    reasons = reasons or default_reason_map()
    index = data.index
    if isinstance(data, pd.Series):
        texts, keys = T.as_text(data, index), T.as_text(None, index)
    elif text in data.columns or key in data.columns:
        texts, keys = T.as_text(data.get(text), index), T.as_text(data.get(key), index)
    else:
        raise KeyError(f"classify_reasons: the frame has neither a {text!r} nor a {key!r} column")
    # each distinct (text, key) pair once, in order of first appearance: the two columns' codes combined, not 200,000
    # tuples hashed
    text_codes, text_values = pd.factorize(texts, use_na_sentinel=False)
    key_codes, key_values = pd.factorize(keys, use_na_sentinel=False)
    codes, combined = pd.factorize(text_codes.astype(np.int64) * len(key_values) + key_codes)
    pairs = [(text_values[c // len(key_values)], key_values[c % len(key_values)]) for c in combined]
    found = [reasons.lookup(t, k) for t, k in pairs]
    out = pd.DataFrame([(r.case_type, r.cause, r.seller_fault, r.owner, how) if r is not None else
                        ("other", "unknown", None, "none", how) for r, how in found], columns=RESULT_COLUMNS)
    out["seller_fault"] = out["seller_fault"].astype(object).astype("boolean")
    for probe in ([t for t, _k in pairs], [k.replace("_", " ") for _t, k in pairs]):
        unknown = out["matched_by"] == "none"
        probe = pd.Series(probe, dtype=object).where(unknown, "")
        _fill(out, unknown, classify_text(probe, keywords), "keywords")
    out = out.iloc[codes].set_axis(index)
    notes = [c for c in notes if c in getattr(data, "columns", ())]
    if notes:
        joined = pd.concat([T.as_text(data[c], index) for c in notes], axis=1).agg(" | ".join, axis=1)
        _fill(out, out["case_type"] == "other", classify_text(joined, keywords), "note")
    return out


def _fill(out: pd.DataFrame, where: pd.Series, found: pd.DataFrame, how: str) -> None:
    """Rows ``where`` the free-text ``found`` a case type take it, with that type's usual fault and owner."""
    hit = where.to_numpy() & (found["case_type"] != "other").to_numpy()
    if not hit.any():
        return
    types = found["case_type"].to_numpy()[hit]
    out.loc[hit, "case_type"] = types
    out.loc[hit, "cause"] = found["cause"].to_numpy()[hit]
    out.loc[hit, "seller_fault"] = pd.array([CASE_TYPES[t].seller_fault for t in types], dtype="boolean")
    out.loc[hit, "owner"] = [CASE_TYPES[t].owner for t in types]
    out.loc[hit, "matched_by"] = how
