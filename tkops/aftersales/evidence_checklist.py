"""What evidence a dispute needs, per case type, and the appeal deadline.

Defaults live in ``tkops/data/aftersales/evidence.csv`` (Case Type, Item, Item 说明, Why, Why 说明, Required,
Keywords); a workbook's EvidenceChecklist sheet with the same columns replaces them for the case types it lists.
Keywords (separated by ``;``) are looked for in the names of the team's files and folders to tell which item a file
probably covers; an item's keywords are those of every row with the same Item, whatever the case type.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

from tkops.aftersales.catalogue import AfterSalesConfigError, choice, sheet_records
from tkops.aftersales.reasons import CASE_TYPES
from tkops.bundled import bundled_rows
from tkops.cells.yes_no import yes_no

CHECKLIST_SHEET = "EvidenceChecklist"
CHECKLIST_HEADERS = ["Case Type", "Item", "Item 说明", "Why", "Why 说明", "Required", "Keywords"]
#: UNVERIFIED default for the Appeal Days setting. The shared reference (tiktok-shop-formats.md) has no appeal
#: window. Seller University pages seen for TH and VN (2025-11, 2026-01) give 7 calendar days "from the time the
#: appeal becomes available"; an older VN FAQ gives 15 days from the refund. 7 days counted from Opened, which is
#: earlier than any decision, is the conservative reading; the team sets its market's value.
DEFAULT_APPEAL_DAYS = 7
_SEPARATORS = re.compile(r"[\s_\-.,+()\[\]]+")


class Requirement(NamedTuple):
    """One checklist item of a case type, its texts in the language asked for."""

    item: str  # the English name: what identifies the item
    label: str
    why: str
    required: bool
    keywords: tuple[str, ...]


class _Row(NamedTuple):
    case_type: str
    item: str
    item_zh: str
    why: str
    why_zh: str
    required: bool
    keywords: tuple[str, ...]


class EvidenceChecklist:
    """Checklist rows by case type; an item's keywords gathered over all its rows."""

    def __init__(self, rows: list[_Row]) -> None:
        self.rows = tuple(rows)
        words: dict[str, list[str]] = {}
        for r in self.rows:
            bucket = words.setdefault(r.item.casefold(), [])
            bucket.extend(k for k in r.keywords if k not in bucket)
        self._keywords = {item: tuple(ks) for item, ks in words.items()}

    @classmethod
    def from_rows(cls, rows: list[list[Any]], sheet: str = CHECKLIST_SHEET,
                  base: "EvidenceChecklist | None" = None) -> "EvidenceChecklist":
        """The checklist of rows laid out like the EvidenceChecklist sheet (header first). With ``base``, the rows
        replace ``base``'s for the case types they name. Raises :class:`AfterSalesConfigError` on a bad cell."""
        parsed = []
        for n, r in sheet_records(rows, sheet, ("Case Type", "Item")):
            case = choice(r["case type"], CASE_TYPES, sheet, n, "Case Type")
            if not r["item"]:
                raise AfterSalesConfigError("aftersales.sheet_blank", sheet=sheet, row=n, column="Item",
                                            allowed="the name of a piece of evidence")
            required = yes_no(r.get("required", ""), blank=True)
            if required is None:
                raise AfterSalesConfigError("aftersales.sheet_value", sheet=sheet, row=n, column="Required",
                                            value=r["required"], allowed="yes, no")
            keywords = tuple(k.strip() for k in re.split(r"[;；\n]", r.get("keywords", "")) if k.strip())
            parsed.append(_Row(case, r["item"], r.get("item 说明", ""), r.get("why", ""), r.get("why 说明", ""),
                               required, keywords))
        if base is not None:
            replaced = {r.case_type for r in parsed}
            parsed = [r for r in base.rows if r.case_type not in replaced] + parsed
        return cls(parsed)

    def keywords_by_item(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(item casefolded, its keywords) for every item of the table."""
        return tuple(self._keywords.items())

    def requirements(self, case_type: str, lang: str = "en") -> list[Requirement]:
        """The items of ``case_type`` (a key or label; unknown: other), in the table's order."""
        key = case_type_key(case_type)
        zh = lang == "zh"
        return [Requirement(r.item, (r.item_zh or r.item) if zh else r.item, (r.why_zh or r.why) if zh else r.why,
                            r.required,
                            self._keywords[r.item.casefold()]) for r in self.rows if r.case_type == key]


@lru_cache(maxsize=1)
def default_checklist() -> EvidenceChecklist:
    """The built-in checklist (``tkops/data/aftersales/evidence.csv``), read once."""
    return EvidenceChecklist.from_rows(bundled_rows("aftersales/evidence.csv"), "evidence.csv")


def checklist(case_type: str, lang: str = "en", table: EvidenceChecklist | None = None) -> list[Requirement]:
    """The evidence a dispute of ``case_type`` needs (labels and reasons in ``lang``, en or zh), required first as
    the table lists them. ``table``: the team's checklist (None: built-in)."""
    return (table or default_checklist()).requirements(case_type, lang)


def case_type_key(value: Any) -> str:
    """The case type key of a key, a spaced key or an en/zh label, in any case; "other" when it is none of them."""
    text = "" if value is None else " ".join(str(value).split()).casefold()
    for key, entry in CASE_TYPES.items():
        if text.replace(" ", "_") == key or text in (entry.en.casefold(), entry.zh.casefold()):
            return key
    return "other"


def appeal_due(opened: dt.datetime | dt.date | None, days: int = DEFAULT_APPEAL_DAYS) -> dt.datetime | None:
    """The last moment to appeal: ``days`` calendar days after the case was opened (None without an Opened time).

    Counted from Opened, the earliest event a platform's appeal window can start from, so it is never later than
    the platform's own deadline."""
    if opened is None:
        return None
    if not isinstance(opened, dt.datetime):
        opened = dt.datetime.combine(opened, dt.time())
    return opened + dt.timedelta(days=days)


def fold_name(text: str) -> str:
    """A file name or keyword as compared: NFC, casefold, separators (space _ - . brackets) as one space."""
    return " ".join(_SEPARATORS.sub(" ", unicodedata.normalize("NFC", text).casefold()).split())


def keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern | None:
    """A pattern finding any of ``keywords`` in a folded name. A Latin keyword must start a word ("pack" finds
    "packing" but not "backpack"); Chinese or Thai ones match anywhere, as those scripts put no spaces."""
    parts = []
    for word in keywords:
        folded = fold_name(word)
        if folded:
            parts.append(r"(?<![a-z])" + re.escape(folded) if folded.isascii() else re.escape(folded))
    return re.compile("|".join(parts)) if parts else None


def covered_by(name: str, requirements: list[Requirement], table: EvidenceChecklist | None = None) -> list[Requirement]:
    """The requirements whose keywords occur in ``name`` (a relative path: folder names count). The most specific
    word wins: a requirement found only through words inside a longer keyword of another item of ``table`` (None:
    the built-in checklist) is left out, so 商品页截图 (a listing screenshot) is not also a chat screenshot (截图)
    or a product photo (商品), even for a case type whose checklist has no listing item."""
    folded = fold_name(name)
    by_item = {item: _spans(folded, words) for item, words in (table or default_checklist()).keywords_by_item()}
    found = []
    for r in requirements:
        mine = _spans(folded, r.keywords)
        others = [s for item, spans in by_item.items() if item != r.item.casefold() for s in spans]
        if any(not _inside(span, others) for span in mine):
            found.append(r)
    return found


def _inside(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    start, end = span
    return any(s <= start and end <= e and e - s > end - start for s, e in others)


def _spans(folded: str, keywords: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where each of ``keywords`` occurs in the folded name."""
    return [m.span() for pattern in _patterns(keywords) for m in pattern.finditer(folded)]


@lru_cache(maxsize=256)
def _patterns(keywords: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(p for p in (keyword_pattern((word,)) for word in keywords) if p is not None)
