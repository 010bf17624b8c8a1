"""The SOP clocks of a workbook: the job behind ``tkops clocks`` and the Clocks button.

Reads Orders, SLA, Holidays, ShipLog and AfterSales (pending cancellation requests) through any backend, runs the
clocks core (:mod:`tkops.clocks`) and writes back: on Orders the due times, Next Deadline, Next Clock, Clock State
and Deadline Source, and the flags that colour each due cell by its state (late red, due soon yellow, ok green;
done and stopped clocks uncoloured) and the Clock State cell by the worst; the Unscanned sheet (tracking uploaded but
not scanned). A missing SLA sheet is written with the defaults; an SLA sheet of an older tkops (earlier defaults
that promised more time than TikTok gives, settings it lacks) is rewritten with today's and the run says so.
Running it again with the same ``now`` and nothing changed writes no cell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from tkops import flags, schema
from tkops.book.layout import (
    AFTERSALES,
    HOLIDAYS,
    SHIPLOG,
    SLA,
    UNSCANNED,
)
from tkops.book.protocol import Book
from tkops.clocks import (
    CLOCKS,
    DUE_COLUMNS,
    KPI_KEYS,
    STATE_COLUMNS,
    WATCH_COLUMNS,
    SlaTable,
    clock_counts,
    clocks,
    kpi_rows,
    kpis,
    sla_sheet_rows,
    unscanned,
)
from tkops.clocks.catalogue import explain
from tkops.clocks.kpi import exclusion_lines
from tkops.clocks.states import SOURCE_COLUMN
from tkops.jobs.lines import order_lines
from tkops.jobs.sheets import read_orders, write_orders
from tkops.jobs.team_sheets import missing, no_values, rows_or_defaults
from tkops.settings import Settings

#: The Orders columns this job writes (the core's names are the sheet's headers), then the flags column.
WRITTEN = [*DUE_COLUMNS.values(), "Next Deadline", "Next Clock", "Clock State", SOURCE_COLUMN]
TEAM = ("Review Status", "Reviewed At", "Picked", "Picked At", "Packed", "Packed At")
LETTERS = {"late": "L", "due soon": "S", "ok": "K"}  # done and stopped clocks are not coloured
SHARES = {"review_share", "dispatch_share", "ldr"}


@dataclass
class ClocksReport:
    """What a clocks run found: the clocks per line, counts per order, the unscanned watch, the KPIs if asked."""

    frame: pd.DataFrame  # tkops.clocks.CLOCK_COLUMNS per order line, index = Orders rows (0 = sheet row 2)
    counts: dict[str, dict[str, int]]  # clock (or "all") -> state -> orders
    unscanned: pd.DataFrame  # WATCH_COLUMNS, longest wait first
    kpis: dict | None = None  # tkops.clocks.kpis() of ``period``
    period: tuple[dt.date, dt.date] | None = None  # dates or datetimes, shop-local; the end is not included
    notices: list[str] = field(default_factory=list)  # codes and parameters of what the run has to tell

    def kpi_rows(self, lang: str = "en") -> list[list]:
        """The KPIs as [label, value] rows (shares as fractions); [] without a period."""
        return kpi_rows(self.kpis, lang) if self.kpis is not None else []

    def count_line(self, clock: str, lang: str = "en") -> str:
        """"Dispatch: 2 late, 1 due soon, 5 ok" for ``clock`` (a key of :data:`tkops.clocks.CLOCKS` or "all")."""
        n = self.counts[clock]
        return explain("clock.counts", lang, clock=explain(f"clock.{clock}", lang), late=n["late"],
                       due_soon=n["due soon"], ok=n["ok"])

    def unscanned_line(self, lang: str = "en") -> str:
        """How many orders wait for a carrier scan, or that none does."""
        if self.unscanned.empty:
            return explain("clock.unscanned_none", lang)
        return explain("clock.unscanned_count", lang, n=len(self.unscanned))

    def lines(self, lang: str = "en") -> list[str]:
        """The run's summary: all orders first (the status line), each clock, the unscanned watch, the KPIs."""
        out = [self.count_line("all", lang)] + [self.count_line(c, lang) for c in CLOCKS]
        out.append(self.unscanned_line(lang))
        out += [explain(code, lang, **params) for code, params in self.notices]
        if self.kpis is not None and self.period is not None:
            start, end = self.period
            out.append(explain("clock.kpi.title", lang, start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"))
            out += [f"  {label}: {_kpi_value(key, value)}"
                    for key, (label, value) in zip(KPI_KEYS, self.kpi_rows(lang))]
            out += [f"  {line}" for line in exclusion_lines(self.kpis, lang)]
        return out

    def home_text(self, lang: str = "en") -> str:
        """The Home sheet's clocks cell: the clocks with late or due-soon orders, worst first, then the unscanned
        watch; one reassuring line when nothing is late or due soon."""
        urgent = [c for c in CLOCKS if self.counts[c]["late"] or self.counts[c]["due soon"]]
        urgent.sort(key=lambda c: (-self.counts[c]["late"], -self.counts[c]["due soon"]))
        out = [self.count_line(c, lang) for c in urgent]
        if not out:
            out = [explain("clock.all_ok", lang, ok=self.counts["all"]["ok"], done=self.counts["all"]["done"])]
        if not self.unscanned.empty:
            out.append(self.unscanned_line(lang))
        return "\n".join(out)


def run_clocks(book: Book, settings: Settings, now: dt.datetime | None = None, *,
               kpi_period: tuple[dt.date, dt.date] | None = None) -> ClocksReport:
    """Run the SOP clocks on the book's Orders sheet and write the outcome back through ``book``.

    ``now``: aware, or naive in the shop's time zone (:func:`tkops.clocks.evidence.shop_zone`: the Time Zone or
    Market setting, else the market of the book's lines; default: the current time); ``kpi_period``: (start, end)
    shop-local dates, orders paid in [start, end) are measured. Raises DataError ``no_orders`` when Orders is empty
    and :class:`tkops.clocks.SlaConfigError` (naming the sheet, row and setting) for a bad SLA or Holidays row.
    """
    view = read_orders(book)
    sheet = view.sheet
    notices: list = []
    sla = _sla_table(book, notices)
    now = now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    lines = view.lines
    team = sheet.reindex(columns=[h for h in TEAM if h in sheet.columns])
    frame = clocks(lines, team, sla, now, settings=settings, requests=cancel_requests(book.read_rows(AFTERSALES.name)))
    watch = unscanned(lines, _table(book.read_rows(SHIPLOG.name)), now, sla=sla, settings=settings)
    report = ClocksReport(frame, clock_counts(frame, lines["order_id"]), watch, notices=notices)
    unknown = int(frame["Market"].eq("").sum())
    if unknown:
        report.notices.append(("clock.no_market", {"n": unknown}))
    if kpi_period is not None:
        start, end = kpi_period
        every = order_lines(book, team=list(team.columns), sheet=sheet)  # the period's archived lines count too
        report.kpis = kpis(every, every[list(team.columns)], start, end, sla=sla, settings=settings, now=now)
        report.period = (start, end)

    write_orders(book, view, orders_update(sheet, frame))  # only the clock columns: the rest stays as it is
    book.write_table(UNSCANNED, watch.reindex(columns=UNSCANNED.headers))
    book.save()
    return report


def orders_update(sheet: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The Orders columns the clocks write, aligned on the sheet's rows: :data:`WRITTEN` and the flags column.

    Due times are shown to the minute (rounded to the second first, so a time read back from a file compares equal
    and a re-run writes nothing).
    """
    out = pd.DataFrame(index=sheet.index)
    for column in WRITTEN:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            values = values.dt.round("s").dt.floor("min")
        else:
            values = values.astype(object).where(values.ne("") & values.notna(), None)
        out[column] = values
    old = sheet.get("tkops Flags", pd.Series(None, index=sheet.index, dtype=object))
    new = flags.merge(old, clock_flags(frame), flags.CLOCK_LETTERS, sheet.index)
    # the same tokens in another order (flags written by an older tkops, or by hand) are no change: left alone
    unchanged = [a == b or sorted(flags.tokens(a)) == sorted(flags.tokens(b)) for a, b in zip(old, new)]
    out["tkops Flags"] = new.where(~pd.Series(unchanged, index=sheet.index, dtype=bool), old)
    return out


def clock_flags(frame: pd.DataFrame) -> pd.Series:
    """Per row the clocks' tokens: each running clock's due cell by its state, the Clock State cell by the worst
    (``|L:Dispatch Deadline|K:Auto-cancel At|L:Clock State|``); "" when no clock runs."""
    cells = [(STATE_COLUMNS[c], DUE_COLUMNS[c]) for c in CLOCKS] + [("Clock State", "Clock State")]
    out = pd.Series("", index=frame.index, dtype=object)
    for state_column, header in cells:
        letter = frame[state_column].map(LETTERS).fillna("")
        out = out + letter.where(letter.eq(""), "|" + letter + ":" + header + "|")
    return out


def _sla_table(book: Book, notices: list) -> SlaTable:
    """The SLA and Holidays sheets as a table; a missing or empty sheet is written with its starting rows; a sheet
    of an older tkops is brought up to date (its earlier defaults replaced, the settings it lacks added; every other
    value is kept), and ``notices`` says what changed."""
    rows = rows_or_defaults(book, SLA, no_values)
    table = SlaTable.from_sheet_rows(rows, rows_or_defaults(book, HOLIDAYS, missing))
    old, lacking = table.superseded(), table.lacks_settings()
    if old or lacking:
        table = table.without(old)
        fresh = sla_sheet_rows(table)
        book.write_table(SLA, pd.DataFrame(fresh[1:], columns=fresh[0]).reindex(columns=SLA.headers))
        notices.append(("clock.sla_upgraded", {"changes": _changes(old, lacking)}))
    return table


def _changes(old: dict, lacking: tuple[str, ...]) -> str:
    """"Auto-cancel Days 3 -> 2 (ID, MY, PH, SG, TH, VN); new settings Deliver Days, ..." for the run's report."""
    by_change: dict[tuple, list[str]] = {}
    for (code, setting), (was, now) in old.items():
        by_change.setdefault((setting, _shown(was), _shown(now)), []).append(code)
    parts = [f"{setting} {was} -> {now} ({', '.join(codes)})" for (setting, was, now), codes in by_change.items()]
    if lacking:
        parts.append(explain("clock.sla_added", "en", names=", ".join(lacking)))
    return "; ".join(parts)


def _shown(value) -> str:
    return "off" if value is None else "none" if value == "" else str(value)


def cancel_requests(rows) -> pd.DataFrame | None:
    """The AfterSales sheet's cancellation requests (Return Type Cancel): Order ID, Opened, Due, and Settled (closed:
    a Closed time, a final Return Status or the team's Status Done)."""
    from tkops.aftersales.case_facts import closed  # here: the after-sales package is slow to import
    from tkops.case_schema import CANCEL_TYPE, CASE_HEADER_TO_KEY

    frame = _table(rows) if rows else None
    if frame is None or frame.empty:
        return None
    cases = frame.rename(columns=lambda h: CASE_HEADER_TO_KEY.get(schema.header_key(h), h))
    kind = cases.get("return_type", pd.Series("", index=cases.index)).astype(str).str.strip().str.casefold()
    cancel = kind.eq(CANCEL_TYPE.casefold())
    if "opened" not in cases or "order_id" not in cases or not cancel.any():
        return None
    part = cases[cancel]
    return pd.DataFrame({"Order ID": part["order_id"], "Opened": part["opened"], "Due": part.get("due"),
                         "Settled": closed(part)})


def _table(rows) -> pd.DataFrame:
    """A sheet's rows (header first) as a frame with the headers as columns; blank rows dropped."""
    if not rows:
        return pd.DataFrame(columns=WATCH_COLUMNS)
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    body = [list(r[:len(header)]) + [None] * (len(header) - len(r[:len(header)])) for r in rows[1:]]
    frame = pd.DataFrame(body, columns=header, dtype=object).dropna(how="all")
    return frame.loc[:, [h for h in header if h]]


def _kpi_value(key: str, value) -> str:
    if value is None:
        return "-"
    return f"{value:.1%}" if key in SHARES else str(value)
