"""Review the Orders sheet of a workbook: the job behind ``tkops review`` and the Review button.

Reads Orders, Inventory, Bundles, Rules and Keywords through any backend, runs the review core
(:func:`tkops.review.review`) and writes back: the Issues column, the flags that colour offending cells, the Review
Status (Hold for errors, Ready when clean, never over a status a person set since the last review), the Review
sheet (one row per problem, with the message to the buyer) and a summary beside it. Running it again with nothing
changed changes nothing; problems that are gone lose their colour and their row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tkops import flags, schema
from tkops.book.layout import ORDERS, REVIEW, RULES
from tkops.book.protocol import Book
from tkops.cells.text import scalar_text, text_column
from tkops.jobs.sheets import read_orders, write_orders
from tkops.jobs.team_sheets import rows_or_defaults
from tkops.merge import rows_frame
from tkops.messages import render
from tkops.review import COLUMNS_READ, ReviewResult, RuleConfig, keywords_from_sheet_rows, review
from tkops.review.catalogue import code_label
from tkops.settings import Settings

SEVERITY_LETTER = {"error": "E", "warning": "W", "info": "I"}
SUMMARY_COLUMN = len(REVIEW.columns) + 2  # one empty column between the Review table and the summary (a new sheet)
RESET_STATUSES = {"", "New"}  # a person choosing New asks for a fresh verdict
#: The Orders columns the review reads: the rules' platform columns and the review's own. A button transfers only
#: these from Excel; every other column of the sheet is neither read nor written.
ORDERS_READ: tuple[str, ...] = tuple(schema.BY_KEY[k].name for k in COLUMNS_READ) + (
    "Review Status", "tkops Reviewed", "Reviewed At", "Issues", "Issue Codes", "tkops Flags")


@dataclass
class ReviewReport:
    """What a review run did."""

    result: ReviewResult
    lines: list[str]


def run_review(book: Book, settings: Settings, now: dt.datetime | None = None) -> ReviewReport:
    """Review every line of the book's Orders sheet and write the outcome back through ``book``."""
    view = read_orders(book, ORDERS_READ)
    sheet = view.sheet
    review_rows = book.read_rows(REVIEW.name)
    previous_sheet = rows_frame(_table_rows(review_rows))
    previous = previous_sheet.reindex(columns=REVIEW.headers)
    defaults, overrides = _languages(previous)
    lines = view.lines
    if overrides:
        lines["buyer_language"] = lines["order_id"].map(overrides)
    rules_rows = rows_or_defaults(book, RULES)
    keyword_rows = book.read_rows("Keywords")
    now = now or settings.shop_now()
    result = review(
        lines, rows_frame(book.read_rows("Inventory")), rows_frame(book.read_rows("Bundles")),
        RuleConfig.from_sheet_rows(rules_rows) if rules_rows else RuleConfig(), settings, now,
        keywords=keywords_from_sheet_rows(keyword_rows) if keyword_rows and len(keyword_rows) > 1 else None,
        template_folder=settings.templates_folder,
    )
    updated = orders_with_review(sheet, result, now, settings.lang)
    write_orders(book, view, updated)
    old_block = _summary_column(review_rows)
    if old_block is not None:  # the summary moves when the table gains a column: clear the old one first
        book.write_block(REVIEW.name, old_block, [[None]])
    problems = with_team_columns(review_frame(result, defaults, settings.lang), previous_sheet)
    review_spec = REVIEW.with_extra(list(problems.columns))
    book.write_table(review_spec, problems.reindex(columns=review_spec.headers))
    summary = result.summary_lines(settings.lang) + _shortfall_lines(result, settings.lang)
    book.write_block(REVIEW.name, len(review_spec.columns) + 2, _summary_block(summary, settings.lang),
                     fills=_summary_fills(summary))
    book.save()
    return ReviewReport(result, summary)


def orders_with_review(sheet: pd.DataFrame, result: ReviewResult, now: dt.datetime | None = None,
                       lang: str = "en") -> pd.DataFrame:
    """The Orders sheet frame with Issues (labels in ``lang``), Issue Codes, the highlight flags and the Review
    Status of this review, and the time the review released each line it set to Ready (Reviewed At: the
    print-and-pick clock starts there; kept once set)."""
    out = sheet.copy()
    problems = result.problems
    codes = problems.groupby("row", sort=False)["code"].agg(lambda found: list(dict.fromkeys(found)))
    labels = codes.map(lambda found: "; ".join(code_label(c, lang) for c in found))
    out["Issues"] = labels.reindex(out.index).astype(object).where(lambda s: s.notna(), None)
    out["Issue Codes"] = codes.map(", ".join).reindex(out.index).astype(object).where(lambda s: s.notna(), None)
    out["tkops Flags"] = flags.merge(out.get("tkops Flags"), _flags(problems), flags.REVIEW_LETTERS, out.index)
    current = _text(out.get("Review Status"), out.index)
    last = _text(out.get("tkops Reviewed"), out.index)
    person_set = ~current.isin(RESET_STATUSES) & (current != last)
    take = result.reviewed.reindex(out.index).fillna(False).astype(bool) & ~person_set
    verdict = result.statuses.reindex(out.index)
    out["Review Status"] = np.where(take, verdict, out.get("Review Status", pd.Series(None, index=out.index)))
    out["tkops Reviewed"] = np.where(take, verdict, out.get("tkops Reviewed", pd.Series(None, index=out.index)))
    for column in ("Review Status", "tkops Reviewed"):
        out[column] = out[column].astype(object).where(pd.notna(out[column]), None)
    if now is not None:
        released = take & (verdict == "Ready").to_numpy()
        at = out.get("Reviewed At", pd.Series(None, index=out.index, dtype=object)).astype(object)
        blank = at.isna() | at.astype(str).str.strip().eq("")
        out["Reviewed At"] = at.where(~(released & blank), pd.Timestamp(now)).where(lambda s: s.notna(), None)
    return out


_text = text_column


def _flags(problems: pd.DataFrame) -> pd.Series:
    """Per row: ``|E:Zipcode|W:Phone #|`` — each offending cell's header with its severity letter."""
    if problems.empty:
        return pd.Series(dtype=object)
    marks: dict = {}
    for row, column, severity, params in zip(problems["row"], problems["column"], problems["severity"],
                                             problems["params"]):
        keys = [column] if column else ["order_id"]
        keys += [k for k in (params or {}).get("columns", []) if k]
        letter = SEVERITY_LETTER.get(severity, "I")
        for key in keys:
            header = schema.BY_KEY[key].name if key in schema.BY_KEY else str(key)
            marks.setdefault(row, {}).setdefault(header, letter)  # the worst severity comes first
    return pd.Series({row: flags.join((letter, h) for h, letter in cells.items()) for row, cells in marks.items()},
                     dtype=object)


def review_frame(result: ReviewResult, defaults: dict, lang: str = "en") -> pd.DataFrame:
    """The Review sheet: one row per problem (its label in ``lang`` and its code), the buyer's message where one is
    needed."""
    p = result.problems
    if p.empty:
        return pd.DataFrame(columns=REVIEW.headers)
    language = p["buyer_language"].where(p["buyer_message"].notna(), None)
    chosen = [defaults.get(o, lang) for o, lang in zip(p["order_id"], language)]
    frame = pd.DataFrame({
        "Order ID": p["order_id"], "SKU ID": p["sku_id"],
        "Column": p["column"].map(lambda k: schema.BY_KEY[k].name if k in schema.BY_KEY else k),
        "Problem": p["code"].map(lambda c: code_label(c, lang)),
        "Code": p["code"], "Severity": p["severity"], "Explanation": p["explanation"],
        "Buyer Language": language, "Message to Buyer": p["buyer_message"],
        "tkops Language": [c if m is not None else None for c, m in zip(chosen, p["buyer_message"])],
    })
    return frame.astype(object).where(frame.notna(), None).reset_index(drop=True)


def _languages(previous: pd.DataFrame) -> tuple[dict, dict]:
    """From the last Review sheet: the language tkops chose per order, and the ones the team changed it to."""
    if previous.empty:
        return {}, {}
    chosen = previous["tkops Language"].astype(object).where(previous["tkops Language"].notna(), "")
    given = previous["Buyer Language"].astype(object).where(previous["Buyer Language"].notna(), "")
    changed = (given.astype(str).str.strip() != "") & (given != chosen) & (chosen != "")
    orders = previous["Order ID"].astype(str)
    defaults = dict(zip(orders[changed], chosen[changed]))
    overrides = dict(zip(orders[changed], given[changed].astype(str).str.strip()))
    return defaults, overrides


def _shortfall_lines(result: ReviewResult, lang: str) -> list[str]:
    short = result.shortfall
    if short is None or short.empty:
        return []
    short = short[short["short"] > 0]
    return [render("shortfall_line", lang, sku=r.seller_sku, needed=int(r.needed), on_hand=int(r.on_hand),
                   short=int(r.short)) for r in short.itertuples()]


#: Review sheet columns tkops writes on every run; any other column (Combine, Agreed, Agreed Variation, a column the
#: team added) is the team's and follows its problem from run to run.
TKOPS_REVIEW_HEADERS = tuple(h for h in REVIEW.headers if h != "Combine")
PROBLEM_KEY = ("Order ID", "SKU ID", "Code")


def _table_rows(rows: list[list] | None) -> list[list] | None:
    """The Review sheet's rows cut at the table's last header (the summary block beside it is not the table's)."""
    if not rows:
        return rows
    header = list(rows[0])
    width = next((i for i, h in enumerate(header) if h in (None, "")), len(header))
    return [list(r[:width]) for r in rows]


def _summary_column(rows: list[list] | None) -> int | None:
    """The 1-based column of the summary block a previous run wrote beside the Review table, if any."""
    if not rows:
        return None
    titles = {render("summary_title", lang) for lang in ("en", "zh")}
    return next((i + 1 for i, h in enumerate(rows[0]) if h in titles), None)


def with_team_columns(frame: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (this run's Review rows) with the team's columns of the previous Review sheet carried over by
    problem (Order ID, SKU ID, Code): a tick stays with its problem when rows move, and goes when the problem does."""
    team = [c for c in previous.columns if c not in TKOPS_REVIEW_HEADERS]
    if previous.empty or not team or frame.empty:
        return frame
    def keys(f: pd.DataFrame) -> pd.Series:
        parts = [f[c].map(scalar_text) if c in f.columns else pd.Series("", index=f.index) for c in PROBLEM_KEY]
        return parts[0] + "|" + parts[1] + "|" + parts[2]

    old = previous.assign(_key=keys(previous)).drop_duplicates("_key").set_index("_key")
    out = frame.copy()
    mine = keys(out)
    for column in team:
        out[column] = mine.map(old[column]).astype(object).where(lambda s: s.notna(), None).to_numpy()
    return out


def _summary_fills(summary: list[str]) -> dict:
    """The legend's colours, and the error colour on the loud lines (stock that could not be checked)."""
    colours = {c[1]: c[2] for c in ORDERS.highlights.colours}
    loud = {(1 + i, 0): colours["error"] for i, line in enumerate(summary) if line.startswith("!!")}
    return {**loud, **_legend_fills(len(summary))}


def _summary_block(summary: list[str], lang: str) -> list[list]:
    rows = [[render("summary_title", lang)]] + [[line] for line in summary] + [[None], [render("legend", lang)]]
    rows += [[render(f"legend_{severity}", lang)] for severity in ("error", "warning", "info")]
    return rows


def _legend_fills(summary_rows: int) -> dict:
    first = summary_rows + 3  # title, summary lines, blank, legend title (0-based rows of the block)
    colours = {c[1]: c[2] for c in ORDERS.highlights.colours}
    return {(first + i, 0): colours[s] for i, s in enumerate(("error", "warning", "info"))}
