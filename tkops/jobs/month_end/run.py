"""The month-end batch (``tkops month-end``): order and return exports (a year of monthly files at once is fine) and,
optionally, the team's workbook -> the month's figures, the after-sales pivots, a report workbook and an HTML summary.

Works on files alone, without Excel. :func:`month_end_figures` is the pure core (frames in, :class:`MonthEndReport`
out); :func:`run_month_end` reads the files, runs it and writes the report (:mod:`tkops.jobs.month_end.report`). Every
number the report shows is in the report object too (``figures`` and the frames), so a run can be checked and
reproduced. Definitions (also in the report's notes): an order belongs to the month it was paid in (orders
cancelled before payment are left out; files without a Paid Time use the Created Time); sales are the Order Amount
of the month's orders not cancelled, each order once, per currency; cases are the return and refund requests opened
in the month (cancellations are counted apart); the rest follows :mod:`tkops.aftersales.pivots`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import pandas as pd

from tkops.aftersales import pivots as P
from tkops.aftersales.month_end_catalogue import MonthEndError
from tkops.aftersales.month_end_catalogue import text as say
from tkops.aftersales.reasons import (
    CASE_TYPES,
    CAUSES,
    OWNERS,
    ReasonMap,
    classify_reasons,
)
from tkops.aftersales.classify import default_case_keywords
from tkops.cells.text import map_text, scalar_text
from tkops.jobs.heap import roomy_heap
from tkops.jobs.month_end.inputs import (
    BookInputs,
    FileRead,
    read_book,
    read_order_files,
    read_return_files,
    with_book_cases,
)
from tkops.jobs.month_end.line_figures import (
    TREND_MONTHS,
    LineFacts,
    LineFigures,
    line_facts_of,
    line_figures,
    parse_month,
)
from tkops.messages import render
from tkops.settings import Settings
from tkops.stock.reorder import COLUMNS as REORDER_COLUMNS
from tkops.stock.reorder import to_reorder, units
from tkops.templating import compile_ahead

Progress = Callable[[int, int, str], None]  # (steps done, steps in all, what is being done, in the team's language)
CLASS_COLUMNS = {"case_type": "case_type", "cause": "cause", "seller_fault": "seller_fault", "owner": "cause_owner"}


@dataclass
class MonthEndReport:
    """A month-end run: the figures (plain values), the tables behind every sheet, the inputs read, the files made."""

    month: str
    figures: dict  # orders, lines, units, cancelled, rates, cases, response times, "kpis", "currencies"
    by_currency: pd.DataFrame  # currency, orders, sales, refund_cost, reship_cost, refund_rate
    cancellations: pd.DataFrame  # reason, cancel_by, case_type, cause, currency, orders, amount, share
    causes: pd.DataFrame  # cause, currency, cases, units, refund_cost, reship_cost, cost, share
    response: pd.DataFrame  # case_type, cases, closed, open, median_hours, p90_hours, mean_hours
    trend: pd.DataFrame  # month, currency, orders, cancelled, sales, cases, return_rate, refund_cost, reship_cost
    pivots: P.Pivots
    #: the SKUs below their reorder point when the report was made, by supplier (tkops.stock.reorder.to_reorder);
    #: empty without a workbook
    reorder: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(REORDER_COLUMNS)))
    files: list[FileRead] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    made: dt.datetime | None = None
    workbook: Path | None = None
    html: Path | None = None

    def lines(self, lang: str = "en") -> list[str]:
        """What the command prints when done: where the files are, the warnings, the key figures."""
        from tkops.jobs.month_end.html import show
        from tkops.jobs.month_end.report import summary_rows

        from tkops.jobs.reorder import by_supplier_lines

        out = [say("month_end.done", lang, month=self.month, workbook=self.workbook, html=self.html), *self.warnings]
        out += [f"  {name}: {show(value, kind)} {currency}".rstrip()
                for _section, name, value, currency, kind in summary_rows(self, lang)[:16]]
        if len(self.reorder):
            out += [render("reorder.home", lang, n=len(self.reorder),
                           units=sum(units(v) for v in self.reorder["suggested_qty"])),
                    *by_supplier_lines(self.reorder, lang)]
        return out


def classify(cases: pd.DataFrame, reasons: ReasonMap | None = None) -> pd.DataFrame:
    """``cases`` with case_type, cause, seller_fault and cause_owner from the reason (the Reasons table), then the
    notes for reasons still "other". Rows the team typed (Source Team) keep the Case Type they gave (a key), and
    its usual cause, seller fault and owner where they left those blank."""
    if "reason" not in cases and "reason_key" not in cases:
        cases = cases.assign(reason=None)
    found = classify_reasons(cases, text="reason", key="reason_key", reasons=reasons)
    other = (found["case_type"] == "other").to_numpy()
    notes = [c for c in ("buyer_note", "team_note") if c in cases]
    if other.any() and notes:  # notes are joined row by row: only for the few reasons that say nothing
        again = classify_reasons(cases.loc[other], text="reason", key="reason_key", notes=notes, reasons=reasons)
        for column in found.columns:
            found.loc[other, column] = again[column].to_numpy()
    given = _keys(cases, "case_type", CASE_TYPES)
    typed = given.notna() & P.text(cases, "source").eq("Team")
    usual = {column: given.map(lambda t, c=column: getattr(CASE_TYPES[t], c), na_action="ignore")
             for column in ("cause", "seller_fault", "owner")}
    team = {"case_type": given, "cause": _keys(cases, "cause", CAUSES).fillna(usual["cause"]),
            "owner": _keys(cases, "cause_owner", OWNERS).fillna(usual["owner"]),
            "seller_fault": cases.get("seller_fault", pd.Series(None, index=cases.index)).astype(object)
            .where(lambda v: v.notna() & v.ne(""), usual["seller_fault"])}
    out = cases.copy(deep=False)  # the four columns are replaced, never written into: a year of cases not copied
    for source, key in CLASS_COLUMNS.items():
        out[key] = team[source].astype(object).where(typed, found[source].astype(object))
    return out


def _classified(cases: pd.DataFrame, book: pd.DataFrame | None, reasons: ReasonMap | None) -> pd.DataFrame:
    """The file cases with the AfterSales sheet's (:func:`with_book_cases`), classified (:func:`classify`)."""
    cases = with_book_cases(cases, book)
    return classify(cases.reset_index(drop=True), reasons) if len(cases) else cases


def _warm(settings: Settings) -> None:
    """What a run compiles once (the classifiers' keyword pattern, the summary's templates), compiled while the
    AfterSales sheet is parsed rather than after it."""
    from tkops.jobs.month_end.html import TEMPLATES

    default_case_keywords()
    compile_ahead(TEMPLATES, settings.templates_folder)


def _case_inputs(files: pd.DataFrame, book: pd.DataFrame | None, reasons: ReasonMap | None,
                 unit_costs: pd.Series | None, facts: LineFacts | None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The cases of the files and of the AfterSales sheet, classified, and prepared for the pivots
    (:func:`tkops.aftersales.pivots.prepare`) when what the month takes from the lines is known (else None)."""
    cases = _classified(files, book, reasons)
    if facts is None or not len(cases):
        return cases, None
    return cases, P.prepare(cases, pd.DataFrame(), unit_costs=unit_costs, facts=facts.facts,
                            seller_of_id=facts.seller_of_id)


def _keys(cases: pd.DataFrame, key: str, vocab: dict) -> pd.Series:
    """Column ``key`` as vocabulary keys: a key, the key with spaces, or its English or Chinese label (else NaN)."""
    names = {n.casefold(): k for k, v in vocab.items() for n in (k, k.replace("_", " "), v.en, v.zh)}
    if key not in cases:
        return pd.Series(np.nan, index=cases.index, dtype=object)
    # once per distinct cell (a blank one stays blank, which is no key either)
    return map_text(cases[key], lambda v: names.get(scalar_text(v).casefold(), np.nan))


def _response(cases: pd.DataFrame, current: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Per case type and in all, of the month's cases (once per Case ID): cases, closed, open and the
    opened-to-closed hours (median, 90th percentile, mean)."""
    times = cases.reindex(columns=["opened", "closed"]).loc[current.index]
    hours = (pd.to_datetime(times["closed"]) - pd.to_datetime(times["opened"])).dt.total_seconds() / 3600
    per_case = current.assign(hours=hours.where(hours >= 0), all="").drop_duplicates("case_number")
    tables = []
    for by in ("case_type", "all"):
        g = per_case.groupby(by, sort=False)["hours"]
        out = pd.DataFrame({"cases": g.size(), "closed": g.count()})
        out["open"] = out["cases"] - out["closed"]
        out = out.assign(median_hours=g.median(), p90_hours=g.quantile(0.9), mean_hours=g.mean())
        tables.append(out.reset_index().sort_values("cases", ascending=False, kind="stable").reset_index(drop=True))
    overall = tables[1].iloc[0].to_dict() if len(tables[1]) else {"cases": 0, "closed": 0, "open": 0}
    return tables[0], overall


def _value(v):
    """A plain Python value for the figures (None for a missing number)."""
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return None
    return v.item() if hasattr(v, "item") else v


def _share(part, whole):
    return float(part) / float(whole) if whole else None


def month_end_figures(month: str, lines: pd.DataFrame, cases: pd.DataFrame, settings: Settings, *,
                      book: BookInputs | None = None, now: dt.datetime | None = None, top: int = 20,
                      facts: LineFacts | None = None, figures: LineFigures | None = None,
                      prepared: pd.DataFrame | None = None) -> MonthEndReport:
    """The month's figures, pivots and trend from order lines (canonical keys, one row per line; ``key``: the line
    key, for the team's columns) and cases (case keys, classified: :func:`classify`). Pure: no file is read or made.
    ``now``: when open fulfilment clocks are judged (default: the shop's current time). ``facts``: what the month
    takes from every line (:func:`line_facts_of` of them), when ``lines`` are only the lines the month needs
    (:func:`tkops.jobs.month_end.line_figures.wanted_rows`); ``figures``: :func:`line_figures` of them, when made
    already; ``prepared``: the cases prepared for the pivots with those facts and the book's unit costs, when made
    already (:func:`_case_inputs`)."""
    book = book or BookInputs()
    number = P.month_number(month)
    facts = line_facts_of(lines) if facts is None else facts
    made = figures or line_figures(month, lines, settings, orders=facts.orders, team=book.team, sla=book.sla, now=now)
    orders, month_lines, fulfilment = made.orders, made.month_lines, made.fulfilment
    in_month = orders[orders["month"] == number]
    reviews = book.reviews
    if reviews is not None and "time" in reviews:
        when = P.month_numbers(pd.to_datetime(reviews["time"], errors="coerce", format="mixed"))
        reviews = reviews[(when == number) | (when == P.NO_MONTH)]
    pv = P.summarise(cases, lines, month=month, reviews=reviews, actions=book.actions, unit_costs=book.unit_costs,
                     top=top, facts=facts.facts, sku_catalogue=(facts.seller_of_id, facts.names), prepared=prepared,
                     skus=made.skus, shipped=made.shipped)
    prepared = pv.prepared
    current = prepared[prepared["month"] == number]

    sold = in_month[~in_month["cancelled"]]
    by_currency = in_month.groupby("currency").agg(orders=("order_id", "size"), sales=("sales", "sum"))
    costs = current.groupby("currency")[["refund_cost", "reship_cost"]].sum()
    by_currency = by_currency.join(costs, how="outer").fillna(0.0).astype({"orders": "int64"})
    by_currency["refund_rate"] = (by_currency["refund_cost"] / by_currency["sales"].where(by_currency["sales"] > 0))
    by_currency = by_currency.reset_index()

    cancelled = in_month[in_month["cancelled"]].assign(reason=lambda f: P.text(f, "cancel_reason"),
                                                        cancel_by=lambda f: P.text(f, "cancel_by"))
    cancellations = cancelled.groupby(["reason", "cancel_by", "currency"], sort=False).agg(
        orders=("order_id", "size"), amount=("cancel_amount", "sum")).reset_index()
    kinds = classify_reasons(cancellations["reason"], reasons=book.reasons)
    cancellations.insert(2, "case_type", kinds["case_type"].to_numpy())
    cancellations.insert(3, "cause", kinds["cause"].to_numpy())
    cancellations["share"] = cancellations["orders"] / max(len(cancelled), 1)
    cancellations = cancellations.sort_values(["orders", "amount"], ascending=False).reset_index(drop=True)

    causes = P.totals(current, ["cause", "currency"]).sort_values(["currency", "cases", "cost"],
                                                                  ascending=[True, False, False])
    causes["share"] = causes["cases"] / max(current["case_number"].nunique(), 1)
    causes = causes.reset_index(drop=True)

    response, overall = _response(cases, current)

    trend = _trend(orders, prepared, number)
    n_cases = int(current["case_number"].nunique())
    figures = {
        "month": month, "orders": len(in_month), "lines": len(month_lines),
        "units": int(np.nan_to_num(P.numbers(month_lines, "quantity")).sum()),
        "cancelled": int(in_month["cancelled"].sum()), "cancellation_rate": _share(in_month["cancelled"].sum(),
                                                                                   len(in_month)),
        "cases": n_cases, "returned_units": int(current["units"].sum()), "return_rate": _share(n_cases, len(sold)),
        **{k: _value(overall.get(k)) for k in ("closed", "open", "median_hours", "p90_hours", "mean_hours")},
        "kpis": {k: _value(v) for k, v in fulfilment.items()},
        "currencies": {r["currency"]: {k: _value(r[k]) for k in by_currency.columns if k != "currency"}
                       for r in by_currency.to_dict("records")},
        # orders and cases whose lines name no currency: their money is the "" currency, kept apart
        "no_currency": {"orders": int((in_month["currency"] == "").sum()),
                        "cases": int(current.loc[current["currency"] == "", "case_number"].nunique())},
    }
    report = MonthEndReport(month, figures, by_currency, cancellations, causes, response, trend, pv)
    if book.reorder is not None:
        report.reorder = to_reorder(book.reorder)
    return report


def _trend(orders: pd.DataFrame, prepared: pd.DataFrame, number: int) -> pd.DataFrame:
    """Per month (the 12 ending with ``number`` that have data) and currency: orders, cancelled, sales, cases,
    return rate, refund and reship cost."""
    first = number - TREND_MONTHS + 1
    o = orders[["month", "currency", "cancelled", "sales"]]  # a year of orders: their IDs and reasons not copied
    o = o[(o["month"] >= first) & (o["month"] <= number)]
    per = o.groupby(["month", "currency"]).agg(orders=("month", "size"), cancelled=("cancelled", "sum"),
                                               sales=("sales", "sum"))
    c = prepared[(prepared["month"] >= first) & (prepared["month"] <= number)]
    per = per.join(c.groupby(["month", "currency"]).agg(cases=("case_number", "nunique"),
                                                        refund_cost=("refund_cost", "sum"),
                                                        reship_cost=("reship_cost", "sum")), how="outer")
    per = per.fillna(0).astype({"orders": "int64", "cancelled": "int64", "cases": "int64"}).reset_index()
    sold = per["orders"] - per["cancelled"]
    per.insert(5, "return_rate", (per["cases"] / sold.where(sold > 0)).astype(float))
    per["month"] = per["month"].map(P.month_label)
    return per.sort_values(["currency", "month"]).reset_index(drop=True)


def run_month_end(month: str, orders: Sequence[Path], returns: Sequence[Path], out: Path, settings: Settings, *,
                  book: Path | None = None, progress: Progress | None = None, now: dt.datetime | None = None,
                  top: int = 20) -> MonthEndReport:
    """Read ``orders`` and ``returns`` (and the team's sheets of ``book``), compute ``month`` (``YYYY-MM``) and
    write ``month-end YYYY-MM <time>.xlsx`` and ``.html`` into ``out`` (created). ``progress(done, total, text)``
    is called before each file and step. ``now``: shop-local time the open clocks are judged at and the files are
    stamped with (default: now). Raises :class:`MonthEndError` for a bad month or no order file, and the readers'
    :class:`~tkops.errors.DataError` (file, row, column) for a bad input; nothing is written then."""
    with roomy_heap():  # a year of lines: arrays of hundreds of megabytes come and go
        return _run(month, orders, returns, out, settings, book=book, progress=progress, now=now, top=top)


def _run(month: str, orders: Sequence[Path], returns: Sequence[Path], out: Path, settings: Settings, *,
         book: Path | None, progress: Progress | None, now: dt.datetime | None, top: int) -> MonthEndReport:
    from tkops.jobs.month_end.report import write_report

    parse_month(month)
    if not orders and not book:
        raise MonthEndError("month_end.no_orders")
    total = len(orders) + len(returns) + (1 if book else 0) + 3
    done = [0]

    def step(what: str) -> None:
        if progress:
            progress(done[0], total, what)
        done[0] += 1

    lines, files, dup_lines = read_order_files([Path(p) for p in orders], settings, step)
    cases, case_files, dup_cases = read_return_files([Path(p) for p in returns], settings, step)
    inputs = BookInputs()
    now = now or settings.shop_now()
    if book:
        step(say("month_end.progress.book", settings.lang, file=Path(book).name))
        # history beyond the trend's months is read only for the cases' orders: a year of lines, not the shop's life
        case_orders = cases["order_id"].dropna() if "order_id" in cases else ()
        inputs = read_book(Path(book), settings, month=month, case_orders=case_orders, now=now,
                           own_lines=not orders, then=lambda *read: _case_inputs(cases, *read),
                           warm=lambda: _warm(settings))
    facts = figures = None
    if not orders:  # the book's own lines: its Orders sheet and its history
        lines = inputs.lines if inputs.lines is not None else pd.DataFrame(columns=["key", "order_id"])
        facts, figures = inputs.line_facts, inputs.line_figures
    facts = line_facts_of(lines) if facts is None else facts
    step(say("month_end.progress.figures", settings.lang, month=month))
    cases, prepared = inputs.made_cases if book else (_classified(cases, None, None), None)
    report = month_end_figures(month, lines, cases, settings, book=inputs, now=now, top=top, facts=facts,
                               figures=figures, prepared=prepared)
    report.files, report.made = files + case_files, now
    for n, what in ((dup_lines, "month_end.what_lines"), (dup_cases, "month_end.what_cases")):
        if n:
            report.warnings.append(say("month_end.duplicates", settings.lang, n=f"{n:,}",
                                       what=say(what, settings.lang)))
    unknown = report.figures["no_currency"]
    if unknown["orders"] or unknown["cases"]:
        report.warnings.append(say("month_end.no_currency", settings.lang, month=month, **unknown))
    if not report.figures["orders"] and len(lines):
        months = sorted(m for m in facts.orders["month"].unique() if m != P.NO_MONTH)
        report.warnings.append(say("month_end.no_orders_in_month", settings.lang, month=month,
                                   first=P.month_label(months[0]) if months else "-",
                                   last=P.month_label(months[-1]) if months else "-"))
    write_report(report, Path(out), settings, step)
    if progress:
        progress(total, total, say("month_end.done", settings.lang, month=month, workbook=report.workbook,
                                   html=report.html))
    return report
