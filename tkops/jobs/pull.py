"""Pull from TikTok Shop: the job behind ``tkops pull`` and the "Pull from TikTok" button.

Orders updated since the last successful pull (ImportLog, Source ``tiktok_api``, its Pulled Until minus a
10-minute overlap; the first pull goes ``days`` back) are searched page by page, read in detail 50 at a time with
their returns, and merged into the Orders sheet exactly as the Seller Center export of the same orders would be.
Returns and cancellations updated in the same window become AfterSales cases.

Every API call is made before anything is written, so a failed call changes nothing and the next pull covers the
same window again. The writes are staged and made in one go (ImportLog last, so a live workbook only records the
window once its orders and cases are in), then the workbook is saved once.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any, Mapping
from zoneinfo import ZoneInfo

import pandas as pd

from tkops.api import ApiClient, MissingScope, SecretStore
from tkops.api.catalogue import render
from tkops.api.orders_map import id_batches, order_lines
from tkops.api.returns_map import cancellation_cases_api, return_cases
from tkops.book.layout import IMPORT_LOG
from tkops.book.protocol import Book
from tkops.errors import ConfigError
from tkops.jobs.cases import CasesReport, merge_cases
from tkops.jobs.import_orders import merge_frame
from tkops.jobs.orders_merge import summary_lines
from tkops.merge import MergeCounts
from tkops.settings import Settings

log = logging.getLogger(__name__)

SOURCE = "tiktok_api"
FILE = "TikTok Shop API"
OVERLAP = dt.timedelta(minutes=10)
SEARCH = "/order/202309/orders/search"
DETAIL = "/order/202309/orders"
RETURNS = "/return_refund/202309/returns/search"
CANCELLATIONS = "/return_refund/202309/cancellations/search"
WAREHOUSES = "/logistics/202309/warehouses"
#: Order-line columns the API leaves empty for orders whose recipient it withholds (UNPAID, ON_HOLD).
ADDRESS_KEYS = ("recipient", "phone", "country", "state", "city", "districts", "zipcode", "address_line_1",
                "address_line_2", "delivery_instruction")
_BY_UPDATE = {"sort_field": "update_time", "sort_order": "ASC"}


@dataclass
class Pulled:
    """Everything one pull fetched from the API (payload dicts as the API sent them)."""

    orders: list[dict] = field(default_factory=list)
    order_returns: list[dict] = field(default_factory=list)
    returns: list[dict] = field(default_factory=list)
    cancellations: list[dict] = field(default_factory=list)
    warehouses: dict[str, str] = field(default_factory=dict)


@dataclass
class PullReport:
    """What a pull did: its window (naive shop-local times), the order lines merged and the cases upserted."""

    since: dt.datetime
    until: dt.datetime
    zone: str
    orders: int = 0
    lines_read: int = 0
    counts: MergeCounts = field(default_factory=MergeCounts)
    returns: int = 0
    cancellations: int = 0
    cases: CasesReport = field(default_factory=CasesReport)
    saved: object = None  # tkops.book.SaveResult when a file was written

    def lines(self, lang: str) -> list[str]:
        """The summary in the team's language (en or zh): the window, the orders, the after-sales cases."""
        stamp = "%Y-%m-%d %H:%M"
        return [
            render("api.pull.window", lang, since=self.since.strftime(stamp), until=self.until.strftime(stamp),
                   zone=self.zone),
            render("api.pull.orders", lang, orders=self.orders, lines=self.lines_read, new=self.counts.new,
                   updated=self.counts.updated, unchanged=self.counts.unchanged),
            render("api.pull.cases", lang, returns=self.returns, cancellations=self.cancellations,
                   new=self.cases.counts.new, updated=self.cases.counts.updated),
        ] + summary_lines(self.counts, lang) + (self.cases.stock.lines(lang) if self.cases.stock else [])


def run_pull(book: Book, settings: Settings, client: ApiClient | None = None, now: dt.datetime | None = None, *,
             days: int = 7) -> PullReport:
    """Pull the orders, returns and cancellations updated since the last pull into ``book`` and save it once.

    ``client`` defaults to the API App Key and API Shop settings' (secrets from the keyring or TKOPS_*); ``now``
    (naive = shop-local, or aware) ends the window, default the current time; ``days``: how far back the first pull
    goes (later pulls start where the last one ended). Raises the API's or the data's
    :class:`~tkops.errors.TkopsError` before anything is written.
    """
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ConfigError("api.pull.bad_days", days=days)
    zone = ZoneInfo(settings.effective_time_zone())
    until = _instant(now, zone)
    last = last_pulled(book.read_rows(IMPORT_LOG.name), zone)
    since = min(last - OVERLAP if last else until - dt.timedelta(days=days), until - OVERLAP)
    own = client is None
    client = client if client is not None else settings_client(settings)
    try:
        pulled = fetch(client, since, until)
    finally:
        if own:
            client.close()
    local = (lambda t: t.astimezone(zone).replace(tzinfo=None))
    report = PullReport(local(since), local(until), settings.effective_time_zone(), orders=len(pulled.orders),
                        returns=len(pulled.returns), cancellations=len(pulled.cancellations))
    # Mapping can still refuse a value (BadValue): do it all before the first write.
    lines = order_lines(pulled.orders, settings, returns=pulled.order_returns, warehouses=pulled.warehouses)
    cases = [return_cases(_latest(pulled.order_returns + pulled.returns), settings),
             cancellation_cases_api(pulled.cancellations, settings)]
    report.lines_read = len(lines)
    withheld = lines["order_id"].isin(lines.attrs.get("recipient_withheld", ()))
    # Withheld recipients come back empty: leave the sheet's address of those orders as it is.
    parts = [lines[~withheld], lines[withheld].drop(columns=[k for k in ADDRESS_KEYS if k in lines])]
    staged = _Staged(book)
    unarchived: list[pd.DataFrame] = []
    report.counts = merge_frame(staged, parts, {
        "Imported At": report.until, "File": FILE, "Source": SOURCE, "Skipped Rows": 0,
        "Pulled Until": report.until}, settings.lang, settings, unarchived)
    # the cases step syncs the stock ledger too: returns received, and the lines that now show shipped or cancelled
    # (as they were before closed lines moved to history)
    report.cases = merge_cases(staged, settings, cases, report.until,
                               orders_sheet=unarchived[0] if unarchived and not unarchived[0].empty else None)
    report.saved = staged.commit(last=IMPORT_LOG.name)
    log.info("pulled %s..%s: %d orders, %d lines (%d new, %d updated), %d cases (%d new)", report.since,
             report.until, report.orders, report.lines_read, report.counts.new, report.counts.updated,
             len(report.cases.cases), report.cases.counts.new)
    return report


def settings_client(settings: Settings) -> ApiClient:
    """The client of the API App Key and API Shop settings; ConfigError naming the setting when it is empty."""
    key = str(settings.api_app_key or "").strip()
    if not key:
        raise ConfigError("api.pull.no_app_key")
    return ApiClient(key, SecretStore(key, settings.api_shop), shop=settings.api_shop)


def fetch(client: ApiClient, since: dt.datetime, until: dt.datetime) -> Pulled:
    """Every API call of a pull over [since, until): orders (search, then details and their returns, 50 IDs a
    call), returns and cancellations updated in the window, warehouse names. Raises on the first failed call."""
    window = {"update_time_ge": int(since.timestamp()), "update_time_lt": int(until.timestamp())}
    found = client.paginate(SEARCH, {"page_size": 100, **_BY_UPDATE}, window, items_key="orders")
    batches = id_batches(str(o.get("id")) for o in found)
    pulled = Pulled()
    for batch in batches:
        pulled.orders += client.get(DETAIL, {"ids": ",".join(batch)}).get("orders") or []
    for batch in batches:  # the search documents no limit on order_ids: stay at the detail call's 50
        pulled.order_returns += client.paginate(RETURNS, {"page_size": 50}, {"order_ids": batch},
                                                items_key="return_orders")
    pulled.returns = list(client.paginate(RETURNS, {"page_size": 50, **_BY_UPDATE}, window,
                                          items_key="return_orders"))
    pulled.cancellations = list(client.paginate(CANCELLATIONS, {"page_size": 50, **_BY_UPDATE}, window,
                                                items_key="cancellations"))
    if pulled.orders:
        pulled.warehouses = _warehouses(client)
    return pulled


def last_pulled(rows: list[list[Any]] | None, zone: ZoneInfo) -> dt.datetime | None:
    """The latest Pulled Until of an API pull in the ImportLog rows (header first), as an aware time; or None."""
    if not rows:
        return None
    header = [str(h or "").strip() for h in rows[0]]
    if "Source" not in header or "Pulled Until" not in header:
        return None
    source, until = header.index("Source"), header.index("Pulled Until")
    values = [r[until] for r in rows[1:] if len(r) > until and str(r[source] or "").strip() == SOURCE]
    stamps = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").dropna()
    if stamps.empty:
        return None
    # fold=0: an ambiguous local time (clocks going back) is read as the earlier instant, widening the overlap.
    return stamps.max().to_pydatetime().replace(tzinfo=zone, fold=0)


def _instant(now: dt.datetime | None, zone: ZoneInfo) -> dt.datetime:
    if now is None:
        now = dt.datetime.now(dt.timezone.utc)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=zone)
    return now.astimezone(dt.timezone.utc).replace(microsecond=0)


def _latest(returns: list[Mapping]) -> list[Mapping]:
    """One payload per return ID, the most recently updated (a return may come back from both searches)."""
    latest: dict[str, Mapping] = {}
    for ret in returns:
        rid = str(ret.get("return_id"))
        if rid not in latest or int(ret.get("update_time") or 0) >= int(latest[rid].get("update_time") or 0):
            latest[rid] = ret
    return list(latest.values())


def _warehouses(client: ApiClient) -> dict[str, str]:
    """Warehouse ID -> name for Warehouse Name; without the logistics scope the column is left as it is."""
    try:
        found = client.get(WAREHOUSES).get("warehouses") or []
    except MissingScope:
        log.info("no logistics scope: Warehouse Name is not pulled")
        return {}
    return {str(w.get("id")): str(w.get("name")) for w in found if w.get("id") and w.get("name")}


class _Staged:
    """A book whose writes are held back: reads see them, :meth:`commit` makes them and saves once. Lets
    merge_cases (which writes and saves) run before the ImportLog row that closes the window is written."""

    def __init__(self, book: Book) -> None:
        self.book, self.path, self.tables = book, book.path, {}

    def read_rows(self, sheet: str) -> list[list[Any]] | None:
        if sheet not in self.tables:
            return self.book.read_rows(sheet)
        spec, frame = self.tables[sheet]
        return [list(spec.headers)] + frame.astype(object).where(frame.notna(), None).values.tolist()

    def write_table(self, spec, frame: pd.DataFrame) -> None:
        self.tables[spec.name] = (spec, frame)

    def save(self) -> None:
        """Deferred to :meth:`commit`."""

    def commit(self, last: str):
        """Make the held writes (``last`` after the others) and save the book once; the save's result."""
        for name in sorted(self.tables, key=lambda n: n == last):
            self.book.write_table(*self.tables[name])
        return self.book.save()
