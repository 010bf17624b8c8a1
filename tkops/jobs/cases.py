"""Cases: the after-sales case log on the AfterSales sheet, the job behind ``tkops cases`` and the Cases button.

Cases come from Seller Center Return/Refund exports (any number of files), from the cancelled orders on the Orders
sheet, and from rows the team types. Each run upserts them by Case ID + SKU (team columns are never written),
classifies each reason (Reasons sheet, then the CaseKeywords lists on the reason and the buyer's note), fills the
buyer's country and language from the order, and rewrites the suggestion columns from the Resolutions sheet: what
to do, what it costs, and how close the platform's 48-hour deadline is (the Due cell coloured).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from tkops import flags
from tkops import case_schema as C
from tkops.aftersales.classify import case_keywords_from_sheet_rows
from tkops.aftersales.reasons import ReasonMap, classify_reasons
from tkops.sources.returns_export import cancellation_cases, read_returns
from tkops.book.layout import AFTERSALES, CASE_KEYWORDS, REASONS
from tkops.book.protocol import Book, ReadBook
from tkops.jobs.labels import with_case_labels
from tkops.jobs.lines import WHERE
from tkops.jobs.stock_ledger import LedgerReport, sync_stock
from tkops.jobs.sheets import case_lines, read_cases, typed_cases, write_cases
from tkops.jobs.team_sheets import rows_or_defaults
from tkops.merge import MergeCounts, fill_blank, merge_lines
from tkops.messages import render
from tkops.review.countries import country_code, language_for
from tkops.settings import Settings

#: Case columns a reader never fills; the job derives them (for the team's own rows only where they are blank).
DERIVED = ("country", "buyer_language", "case_type", "cause", "seller_fault", "cause_owner", "due")


@dataclass
class CasesReport:
    """What a cases run did: rows per source, merge counts, the case frame as written and its suggestions."""

    files: list[tuple[str, int]] = field(default_factory=list)
    cancelled: int = 0
    counts: MergeCounts = field(default_factory=MergeCounts)
    cases: pd.DataFrame = field(default_factory=pd.DataFrame)
    stock: LedgerReport | None = None  # the stock ledger's sync (returns received, cancelled orders)

    def lines(self, lang: str) -> list[str]:
        """The summary in the team's language: what was read, what changed, what is close to its deadline."""
        out = [render("cases_summary", lang, cases=len(self.cases), new=self.counts.new, updated=self.counts.updated,
                      cancelled=self.cancelled)]
        out += [render("cases_file", lang, file=name, rows=rows) for name, rows in self.files]
        if len(self.cases) and "Due State" in self.cases:
            state = self.cases["Due State"].fillna("")
            out.append(render("cases_due", lang, late=int((state == "late").sum()),
                              soon=int((state == "due soon").sum())))
        return out + (self.stock.lines(lang) if self.stock is not None else [])


def run_cases(book: Book, settings: Settings, returns: tuple[str | Path, ...] | list = (), now: dt.datetime | None = None
              ) -> CasesReport:
    """Upsert the cases of ``returns`` files and of the cancelled orders into the book's AfterSales sheet."""
    report = CasesReport()
    parts = []
    for path in returns:  # every file is read before anything is written: a bad file changes nothing
        table = read_returns(Path(path), settings)
        parts.append(table.frame)
        report.files.append((Path(path).name, len(table.frame)))
    lines = order_lines(book, parts)
    live = lines[lines[WHERE] == "orders"] if len(lines) else lines
    if not live.empty:  # cancelled orders become cases while on Orders (an archived one has had its run)
        cancelled = cancellation_cases(live)
        report.cancelled = len(cancelled)
        parts.append(cancelled)
    return merge_cases(book, settings, parts, now, report, lines)


def merge_cases(book: Book, settings: Settings, parts: list[pd.DataFrame], now: dt.datetime | None = None,
                report: CasesReport | None = None, lines: pd.DataFrame | None = None,
                orders_sheet: pd.DataFrame | None = None) -> CasesReport:
    """Classify canonical case frames (from exports, cancelled orders or the Open API), upsert them into the
    AfterSales sheet (team columns kept), refresh the suggestions, sync the stock ledger (returns received; the
    lines of ``orders_sheet``, default the book's Orders), write and save."""
    now = now or settings.shop_now()
    report = report or CasesReport()
    lines = order_lines(book, parts) if lines is None else lines
    # None, the defaults just written, is the built-in map: nothing to overlay.
    reason_map = ReasonMap.from_sheet_rows(rows_or_defaults(book, REASONS))
    keywords = case_keywords_from_sheet_rows(rows_or_defaults(book, CASE_KEYWORDS))
    incoming = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) \
        else pd.DataFrame(columns=["case_id", "order_id"])
    incoming = derive(incoming, lines, reason_map, keywords, settings)
    current = read_cases(book).sheet
    merged, report.counts = merge_lines(current, incoming, C.CASE_COLUMNS, C.case_keys)
    merged = _derive_team_rows(merged, lines, reason_map, keywords, settings)
    merged = with_case_labels(suggestions(merged, book, lines, settings, now), settings.lang)
    report.cases = merged.reindex(columns=AFTERSALES.with_extra(list(merged.columns)).headers)
    write_cases(book, report.cases)
    report.stock = sync_stock(book, settings, now, sheet=orders_sheet)
    book.save()
    return report


def order_lines(book: ReadBook, parts: list[pd.DataFrame] = ()) -> pd.DataFrame:
    """The order lines of Orders and, for the orders the cases name (``parts`` and the AfterSales sheet), of
    history (:func:`tkops.jobs.lines.order_lines`), statuses canonical; an empty frame when there are none."""
    cases = read_cases(book).sheet
    named = [p["order_id"] for p in parts if len(p) and "order_id" in p]
    named += [cases["Order ID"]] if "Order ID" in cases else []
    archived = set(pd.concat(named, ignore_index=True).dropna().astype(str)) if named else set()
    return case_lines(book, archived)


def derive(cases: pd.DataFrame, lines: pd.DataFrame, reason_map: ReasonMap, keywords, settings: Settings
           ) -> pd.DataFrame:
    """Fill the derived columns of imported cases (canonical keys): country from the order, buyer language from the
    country, case type / cause / seller fault / owner from the reason (then from the buyer's note), the due time."""
    if cases.empty:
        return cases
    out = cases.copy()
    if not lines.empty:
        by_order = lines.drop_duplicates("order_id").set_index("order_id")
        for key in ("country", "buyer_username", "currency"):
            if key in by_order:
                found = out["order_id"].map(by_order[key])
                out[key] = out[key].where(out[key].notna(), found) if key in out else found
    if settings.effective_currency():
        currency = out.get("currency", pd.Series(None, index=out.index, dtype=object))
        out["currency"] = currency.where(currency.notna() & currency.astype(str).ne(""), settings.effective_currency())
    country = out.get("country", pd.Series(None, index=out.index)).fillna("").astype(str)
    codes = country.map(country_code) if len(country) else country
    fallback = country_code(settings.market) if settings.market else ""
    out["buyer_language"] = codes.where(codes != "", fallback).map(language_for)
    data = pd.DataFrame({"Reason Text": out.get("reason"), "Reason Key": out.get("reason_key"),
                         "note": out.get("buyer_note")}, index=out.index)
    found = classify_reasons(data, notes=("note",), reasons=reason_map, keywords=keywords)
    out["case_type"] = found["case_type"]
    out["cause"] = found["cause"]
    out["seller_fault"] = found["seller_fault"].map({True: "Yes", False: "No"}).astype(object)
    out["cause_owner"] = found["owner"]
    return out


def _derive_team_rows(sheet: pd.DataFrame, lines, reason_map, keywords, settings) -> pd.DataFrame:
    """Rows the team typed (Source blank or Team): derive only what they left blank."""
    if sheet.empty:
        return sheet
    source = sheet.get("Source", pd.Series(None, index=sheet.index)).fillna("").astype(str)
    team = source.isin(["", C.SOURCE_TEAM])
    if not team.any():
        return sheet
    rows = typed_cases(sheet.loc[team])
    derived = derive(rows, lines, reason_map, keywords, settings)
    out = sheet.copy()
    for key in DERIVED:
        if key in derived:
            out[C.CASE_BY_KEY[key].name] = fill_blank(out, C.CASE_BY_KEY[key].name, derived[key], team)
    out.loc[team & source.eq(""), "Source"] = C.SOURCE_TEAM
    return out


def suggestions(sheet: pd.DataFrame, book: Book, lines: pd.DataFrame, settings: Settings, now: dt.datetime
                ) -> pd.DataFrame:
    """The suggestion columns and the Due colours from the Resolutions sheet (tkops.aftersales.resolutions)."""
    from tkops.jobs.case_suggestions import suggest_sheet

    if sheet.empty:
        return sheet
    out = suggest_sheet(sheet, book, lines, settings, now)
    marks = {}
    for row, state in out["Due State"].items():
        letter = {"late": "L", "due soon": "S"}.get(state)
        if letter:
            marks[row] = [(letter, "Due"), (letter, "Due State")]
    out["tkops Flags"] = flags.merge(out.get("tkops Flags"), marks, flags.CLOCK_LETTERS, out.index)
    return out
