"""The SOP's resolution rules as a table the team edits (the Resolutions sheet).

One row per rule: Case Type | Condition | Suggest | Alternative | Note | 说明. For each case the first row (top to
bottom) whose case type matches and whose condition holds gives the suggestion. Case Type holds one or more case
types (key or label, separated by commas) or ``*`` for any. Condition holds conditions of :data:`CONDITIONS` joined
by ``and`` (blank: any). Suggest holds one resolution of :data:`RESOLUTIONS` or several joined by ``or``: then the
one that costs least for this order is suggested (the first listed when a cost is unknown). Alternative is what to
offer when the buyer refuses (blank: none). Note and 说明 are shown beside the suggestion, as plain text.

The sheet is laid over the defaults (:data:`DEFAULT_RULES`, the SOP): a case type the sheet has no row for keeps
its default rows, after the sheet's rows.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, NamedTuple

from tkops.aftersales.catalogue import choice, sheet_records
from tkops.aftersales.reasons import CASE_TYPES, Label

RESOLUTIONS_SHEET = "Resolutions"
RESOLUTIONS_SHEET_HEADERS = ["Case Type", "Condition", "Suggest", "Alternative", "Note", "说明"]
ANY_TYPE = "*"
#: Longest note kept (a note is for the team, beside the suggestion).
MAX_NOTE = 500

#: What the team can do about a case: key -> (en, zh).
RESOLUTIONS: dict[str, Label] = {
    "check_tracking": Label("Check tracking", "查询物流"),
    "reship": Label("Reship", "补发"),
    "refund": Label("Full refund", "全额退款"),
    "partial_refund": Label("Partial refund", "部分退款"),
    "return_label": Label("Return with prepaid label", "提供退货面单退货退款"),
    "coupon": Label("Coupon", "发优惠券补偿"),
    "explain_and_advise": Label("Explain and advise", "解释并给出建议"),
    "apologise_only": Label("Apologise", "致歉"),
}
#: What a rule can ask about a case: key (its English wording, so an error lists what to type) -> (en, zh).
#: Tracking states come from the order lines (:func:`tkops.aftersales.case_facts.tracking_state`); the value is the
#: case's Amount against the Return Label Threshold of its currency (neither holds when either is unknown).
CONDITIONS: dict[str, Label] = {
    "any": Label("any", "任何"),
    "tracking lost": Label("tracking lost", "物流丢失"),
    "tracking moving": Label("tracking moving", "物流在途"),
    "tracking delivered": Label("tracking delivered", "物流已签收"),
    "not shipped": Label("not shipped", "未发货"),
    "value >= threshold": Label("value >= threshold", "金额 >= 门槛"),
    "value < threshold": Label("value < threshold", "金额 < 门槛"),
    "buyer insists": Label("buyer insists", "买家坚持"),
}
_TYPES: dict[str, Any] = {ANY_TYPE: Label("any", "全部"), **CASE_TYPES}
_AND = re.compile(r"\s+and\s+|\s*&\s*|\s*(?:并且|且)\s*", re.IGNORECASE)
_OR = re.compile(r"\s+or\s+|\s*[/|;]\s*|\s*或\s*", re.IGNORECASE)
_OP = re.compile(r"\s*(>=|<)\s*")
_SIGNS = str.maketrans({"≥": ">=", "＜": "<"})


class Rule(NamedTuple):
    """One row of the Resolutions table (keys, not labels). ``row`` is its sheet row (0: a default)."""

    case_types: tuple[str, ...]
    conditions: tuple[str, ...]
    suggest: tuple[str, ...]
    alternative: tuple[str, ...] = ()
    note_en: str = ""
    note_zh: str = ""
    row: int = 0

    def sheet_row(self) -> list[str]:
        """The rule as the Resolutions sheet shows it."""
        return [", ".join(self.case_types), " and ".join(self.conditions) or "any",
                " or ".join(self.suggest), " or ".join(self.alternative), self.note_en, self.note_zh]


def _rule(types: str, condition: str, suggest: str, alternative: str, en: str, zh: str) -> Rule:
    return Rule(_keys(types, ","), _keys(condition, "&"), _keys(suggest, "|"), _keys(alternative, "|"), en, zh)


def _keys(text: str, sep: str) -> tuple[str, ...]:
    return tuple(p for p in text.split(sep) if p and p != "any")


_NOT_AS_EXPECTED = "size_fit,not_as_described,colour_material"
#: The SOP as rules, in the order they are tried.
DEFAULT_RULES: tuple[Rule, ...] = (
    _rule("not_received", "tracking lost", "reship|refund", "",
          "Lost: apologise, then reship or refund, whichever costs less. No argument.",
          "丢件：先致歉，再补发或退款（取成本较低者），不争辩。"),
    _rule("not_received", "tracking delivered", "check_tracking", "reship|refund",
          "Tracking shows delivered: send the proof of delivery, ask the buyer to check with neighbours and the "
          "front desk; if still missing, treat as lost.",
          "物流显示已签收：发送签收证明，请买家询问邻居和前台；仍找不到则按丢件处理。"),
    _rule("not_received", "tracking moving", "check_tracking", "reship|refund",
          "Still moving: apologise for the wait, share the tracking link and the expected date.",
          "仍在运输中：为等待致歉，告知物流链接和预计送达时间。"),
    _rule("not_received", "any", "check_tracking", "reship|refund",
          "Check the tracking and share the link and expected date; if lost, reship or refund (cheaper).",
          "查询物流，告知买家物流链接和预计送达时间；如已丢失，补发或退款（取成本较低者）。"),
    _rule("damaged,wrong_item", "any", "reship|partial_refund", "refund",
          "Apologise first, no argument: reship or partial refund, whichever costs less. Ask for one photo for the "
          "records.", "先致歉，不争辩：补发或部分退款（取成本较低者）。请买家提供一张照片留档。"),
    _rule("missing_parts", "any", "reship|partial_refund", "refund",
          "Apologise; send the missing part (the estimate is for the whole item), or a partial refund.",
          "致歉；补发缺少的配件（估算按整件计），或部分退款。"),
    _rule("defective", "any", "reship|partial_refund", "refund",
          "Apologise; a replacement or a partial refund. Note the defect for sourcing.",
          "致歉；换新或部分退款。记录缺陷反馈给采购。"),
    _rule(_NOT_AS_EXPECTED, "buyer insists&value >= threshold", "return_label", "partial_refund",
          "The buyer insists and the item is worth getting back: send a prepaid return label.",
          "买家坚持且商品价值较高：提供预付退货面单。"),
    _rule(_NOT_AS_EXPECTED, "buyer insists", "coupon|partial_refund", "return_label",
          "The buyer insists; the item is not worth a return: a coupon or partial refund, whichever costs less; "
          "the buyer keeps the item.", "买家坚持，但商品不值得退回：发优惠券或部分退款（取成本较低者），买家保留商品。"),
    _rule(_NOT_AS_EXPECTED, "any", "explain_and_advise", "coupon|partial_refund",
          "Explain (size chart, material, photos) and advise how to use or wear it; no argument.",
          "耐心解释（尺码表、材质、实拍图）并给出使用或穿搭建议，不争辩。"),
    _rule("late", "tracking moving", "check_tracking", "coupon",
          "Apologise for the delay and share the tracking and expected date.", "为延迟致歉，告知物流信息和预计送达时间。"),
    _rule("late", "any", "apologise_only", "coupon",
          "Apologise for the delay; a small coupon if the buyer is upset.", "为延迟致歉；买家不满时可发小额优惠券。"),
    _rule("no_longer_needed", "any", "explain_and_advise", "",
          "Politely explain the return policy; accept the return when it is within policy.",
          "礼貌说明退货政策；符合政策的退货请同意。"),
    _rule("other", "any", "explain_and_advise", "",
          "Read the buyer's note and decide by hand; reply before the due time.", "阅读买家留言后人工判断；在截止时间前回复。"),
    _rule(ANY_TYPE, "any", "explain_and_advise", "",
          "No rule matches this case: decide by hand.", "没有匹配此售后的规则：请人工判断。"),
)


def resolutions_sheet_rows(rules: Iterable[Rule] | None = None) -> list[list[str]]:
    """The Resolutions sheet for a new workbook (header + :data:`DEFAULT_RULES`), or of ``rules``."""
    return [list(RESOLUTIONS_SHEET_HEADERS), *(r.sheet_row() for r in (DEFAULT_RULES if rules is None else rules))]


def parse_resolution_rows(rows: list[list[Any]], sheet: str = RESOLUTIONS_SHEET) -> list[Rule]:
    """The rules of Resolutions-sheet rows (header first; columns found by name), in sheet order.

    Raises :class:`~tkops.aftersales.catalogue.AfterSalesConfigError` naming the sheet, row, column and the allowed
    values of the first bad cell.
    """
    out = []
    for n, r in sheet_records(rows, sheet, ("Case Type", "Condition", "Suggest")):
        types = _many(r["case type"], ",", _TYPES, sheet, n, "Case Type")
        condition = _OP.sub(r" \1 ", r["condition"].translate(_SIGNS)) or "any"
        conditions = tuple(c for c in _many(condition, _AND, CONDITIONS, sheet, n, "Condition") if c != "any")
        suggest = _many(r["suggest"], _OR, RESOLUTIONS, sheet, n, "Suggest")
        alternative = _many(r.get("alternative", ""), _OR, RESOLUTIONS, sheet, n, "Alternative") \
            if r.get("alternative") else ()
        out.append(Rule(types, conditions, suggest, alternative, _note(r.get("note", "")), _note(r.get("说明", "")),
                        n))
    return out


def resolution_rules(rows: list[list[Any]] | None = None, sheet: str = RESOLUTIONS_SHEET) -> tuple[Rule, ...]:
    """The rules in force: the sheet's rows (None or no rows: none), then the default rows of every case type the
    sheet has no row for (``*`` counts as a case type). Bad cells raise as in :func:`parse_resolution_rows`."""
    own = parse_resolution_rows(rows or [], sheet)
    covered = {t for r in own for t in r.case_types}
    kept = []
    for r in DEFAULT_RULES:
        rest = tuple(t for t in r.case_types if t not in covered)
        if rest:
            kept.append(r._replace(case_types=rest))
    return (*own, *kept)


def _many(value: str, sep, vocab, sheet: str, row: int, column: str) -> tuple[str, ...]:
    parts = [p.strip() for p in (re.split(sep, value) if isinstance(sep, re.Pattern) else value.split(sep))]
    keys = tuple(choice(p, vocab, sheet, row, column) for p in parts if p) or (choice("", vocab, sheet, row, column),)
    return tuple(dict.fromkeys(keys))


def _note(text: str) -> str:
    # One line of printable text: the note goes beside the suggestion in a cell and in messages.
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return text[:MAX_NOTE]
