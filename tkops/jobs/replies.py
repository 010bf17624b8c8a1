"""Replies and follow-ups: the jobs behind ``tkops replies``, ``tkops followup`` and their buttons.

Replies: every open case on the AfterSales sheet without a Reply Text gets a draft in the buyer's language (the case
type and the resolution taken, else the suggested one), with Reply Says telling the team in their language what it
says; every low-rated review on the Reviews sheet without drafts gets a public reply and a private message, and its
cause. A draft the team edited is never replaced: clear the cell to get a new one.

Follow-ups: shipped orders with no delivery after the market's days (FollowUpDays sheet) and no case yet, with a
proactive message, on the FollowUp sheet (rewritten each run).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from tkops import case_schema as C
from tkops.aftersales.classify import case_keywords_from_sheet_rows
from tkops.aftersales.followup import (
    followup_days,
    stalled_shipments,
)
from tkops.aftersales.replies import draft_replies
from tkops.aftersales.reviews import (
    REVIEW_DRAFT_HEADERS,
    draft_review_replies,
    read_reviews,
)
from tkops.book.layout import FOLLOWUP, FOLLOWUP_DAYS, REVIEWS
from tkops.book.protocol import Book
from tkops.jobs.sheets import case_lines, read_cases, typed_cases, write_cases
from tkops.jobs.team_sheets import rows_or_defaults
from tkops.merge import is_blank, sheet_frame
from tkops.messages import render
from tkops.settings import Settings

#: Case statuses and Return Types that need no reply.
DONE_STATUSES = {"done"}


@dataclass
class RepliesReport:
    """How many drafts a run wrote."""

    cases: int = 0
    reviews: int = 0

    def lines(self, lang: str) -> list[str]:
        return [render("replies_summary", lang, cases=self.cases, reviews=self.reviews)]


@dataclass
class FollowUpReport:
    """The follow-up list a run wrote."""

    frame: pd.DataFrame

    def lines(self, lang: str) -> list[str]:
        return [render("followup_summary", lang, orders=len(self.frame))]


def run_replies(book: Book, settings: Settings) -> RepliesReport:
    """Draft the missing replies on the AfterSales sheet and the missing review drafts on the Reviews sheet."""
    report = RepliesReport()
    sheet = read_cases(book).sheet
    if not sheet.empty:
        sheet, report.cases = _case_replies(sheet, settings)
        write_cases(book, sheet, changed=bool(report.cases))
    reviews_rows = book.read_rows(REVIEWS.name)
    if reviews_rows and len(reviews_rows) > 1:
        keywords = case_keywords_from_sheet_rows(book.read_rows("CaseKeywords"))
        named = [r[0] for r in reviews_rows[1:] if r] if reviews_rows else []
        header = [str(h or "").strip() for h in reviews_rows[0]]
        if "Order ID" in header:
            at = header.index("Order ID")
            named = [r[at] for r in reviews_rows[1:] if len(r) > at and r[at] not in (None, "")]
        frame, report.reviews = _review_drafts(reviews_rows, case_lines(book, named), keywords, settings)
        if report.reviews:
            book.write_table(REVIEWS.with_extra(list(frame.columns)), frame)
    if report.cases or report.reviews:
        book.save()
    return report


def run_followup(book: Book, settings: Settings, now: dt.datetime | None = None) -> FollowUpReport:
    """Write the FollowUp sheet: stalled shipments with a message to send before the buyer opens a case."""
    now = now or settings.shop_now()
    days = followup_days(rows_or_defaults(book, FOLLOWUP_DAYS))
    lines = case_lines(book, ())  # only closed lines are in history, and a closed line is never a stalled shipment
    cases = read_cases(book)
    found = stalled_shipments(lines, None if cases.empty else typed_cases(cases.sheet), days=days, now=now,
                              shop_market=settings.market, template_folder=settings.templates_folder,
                              team_lang=settings.lang)
    book.write_table(FOLLOWUP, found.reindex(columns=FOLLOWUP.headers))
    book.save()
    return FollowUpReport(found)


def _case_replies(sheet: pd.DataFrame, settings: Settings) -> tuple[pd.DataFrame, int]:
    status = sheet.get("Status", pd.Series(None, index=sheet.index)).fillna("").astype(str).str.strip().str.casefold()
    kind = sheet.get("Return Type", pd.Series(None, index=sheet.index)).fillna("").astype(str)
    reply = sheet.get("Reply Text", pd.Series(None, index=sheet.index, dtype=object))
    wanted = is_blank(reply) & ~status.isin(DONE_STATUSES) \
        & kind.ne(C.CANCEL_TYPE) & sheet.get("Due State", pd.Series(None, index=sheet.index)).ne("closed")
    if not wanted.any():
        return sheet, 0
    cases = typed_cases(sheet.loc[wanted], C.CASE_SHEET_COLUMNS)
    drafts = draft_replies(cases, template_folder=settings.templates_folder, team_lang=settings.lang)
    out = sheet.copy()
    for header, column in (("Reply Text", "reply_text"), ("Reply Says", "team_line"),
                           ("Reply Language", "reply_language")):
        current = out[header] if header in out else pd.Series(None, index=out.index, dtype=object)
        out[header] = current.astype(object).where(~wanted, drafts[column].reindex(out.index))  # with the draft
    return out, int(wanted.sum())


def _review_drafts(rows: list, orders: pd.DataFrame, keywords, settings: Settings) -> tuple[pd.DataFrame, int]:
    reviews = read_reviews(rows)  # indexed by sheet row number
    frame = sheet_frame(rows, REVIEWS.name, "", id_header="Order ID")
    frame.index = frame.index + 2  # sheet row numbers, as read_reviews indexes the reviews
    blank = is_blank(frame.get("Public Reply", pd.Series(None, index=frame.index, dtype=object)))
    todo = reviews.loc[blank.reindex(reviews.index).fillna(False).astype(bool)]
    drafts = draft_review_replies(todo, orders=orders if len(orders) else None,
                                  template_folder=settings.templates_folder, team_lang=settings.lang,
                                  keywords=keywords)
    if drafts.empty:
        return frame, 0
    for key, header in REVIEW_DRAFT_HEADERS.items():
        if header not in REVIEWS.headers:
            continue
        current = frame[header] if header in frame else pd.Series(None, index=frame.index, dtype=object)
        frame[header] = current.astype(object).where(~frame.index.isin(drafts.index), drafts[key].reindex(frame.index))
    return frame.reset_index(drop=True), len(drafts)

