"""Push stock (``tkops push-stock``): send each Seller SKU's available quantity (On Hand - open orders' units -
Safety Stock, at least 0: :mod:`tkops.stock.available`) to TikTok Shop through the Open API's inventory update.

The TikTok SKUs are found by the inventory search (docs/open-api.md#inventory) with the SKU IDs the workbook knows:
the Orders lines' SKU ID beside their Seller SKU, and an Inventory "SKU ID" column when the team adds one. The
search answers each SKU's product, Seller SKU and warehouses, which is all the update needs. One update per product
(its SKUs together); a SKU TikTok refuses does not stop the others; each result is a row of the StockPush sheet
(rewritten each run, one save). ``dry_run`` does the searches (they change nothing), sends no update and writes
nothing: the report shows the requests that would go. Retries, rate limits, token renewal, logging and the blanking
of secrets are the client's (:class:`tkops.api.ApiClient`), as for push-tracking.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from tkops.api import ApiClient, ApiError
from tkops.api.client import INVENTORY_UPDATE
from tkops.api.redact import LOGGER_NAME, redact
from tkops.book.layout import BUNDLES, INVENTORY, SHIPLOG, STOCKPUSH
from tkops.book.protocol import Book, ReadBook
from tkops.cells.text import scalar_text
from tkops.errors import DataError
from tkops.jobs.connect import api_client
from tkops.jobs.orders_sheet import orders_sheet
from tkops.merge import rows_frame
from tkops.messages import render
from tkops.settings import Settings
from tkops.stock.available import available
from tkops.stock.push_plan import LISTING_COLUMNS, plan, update_bodies

log = logging.getLogger(LOGGER_NAME)
#: A row's outcome after the run: held (never sent), same (TikTok had it), sent, refused, not_sent (run stopped),
#: would (dry run).
OUTCOMES = ("held", "same", "sent", "refused", "not_sent", "would")


@dataclass
class StockPushReport:
    """What a push-stock run did: the plan with each row's ``outcome`` and ``result`` (code, params), the update
    bodies per product, and the error that stopped the run part-way (``stopped``)."""

    planned: pd.DataFrame
    bodies: dict[str, list[dict]]
    dry_run: bool = False
    when: str = ""
    stopped: ApiError | None = None
    results: dict[int, tuple[str, dict]] = field(default_factory=dict)

    def count(self, outcome: str) -> int:
        """How many rows ended as ``outcome``."""
        return int((self.planned["outcome"] == outcome).sum())

    def text(self, pos: int, lang: str) -> str:
        """Row ``pos``'s result for a person, in ``lang``."""
        code, params = self.results[pos]
        return render(code, lang, **params)

    def lines(self, lang: str) -> list[str]:
        """The report: the summary, then (dry run) the requests that would go, then every row not sent or set."""
        n = {o: self.count(o) for o in OUTCOMES}
        if self.dry_run:
            out = [render("stock.push.dry_summary", lang, send=n["would"], calls=len(self.bodies), same=n["same"],
                          held=n["held"])]
            out += [f"  POST {INVENTORY_UPDATE.format(product_id=p)} "
                    f"{json.dumps({'skus': skus}, separators=(',', ':'))}" for p, skus in self.bodies.items()]
            shown = ("would", "held")
        else:
            stopped = render("stock.push.stopped", lang, reason=self.stopped.render(lang)) if self.stopped else ""
            out = [render("stock.push.summary", lang, sent=n["sent"], same=n["same"], refused=n["refused"],
                          held=n["held"] + n["not_sent"], stopped=stopped)]
            shown = ("refused", "not_sent", "held")
        for pos, row in self.planned.iterrows():
            if row["outcome"] == "held":  # its sentence names the SKU
                out.append(f"  {self.text(pos, lang)}")
            elif row["outcome"] in shown:
                out.append(f"  {row['seller_sku']} ({row['sku_id']}): {self.text(pos, lang)}")
        return out


def run_push_stock(book: Book, settings: Settings, client: ApiClient | None = None, now: dt.datetime | None = None,
                   *, dry_run: bool = False) -> StockPushReport:
    """Send the available quantity of every Inventory SKU (and bundle) that maps to one TikTok SKU and warehouse;
    write each row's result on the StockPush sheet (one save; nothing written in a ``dry_run``). An error that fails
    every call (authorisation, network) stops the run: what was set is saved and the report says why; it is raised
    when nothing was set."""
    now = (now or settings.shop_now()).replace(microsecond=0)
    inventory = rows_frame(book.read_rows(INVENTORY.name))
    orders = orders_sheet(book)  # empty without lines: every SKU's stock is then available
    stock = available(inventory, orders, rows_frame(book.read_rows(BUNDLES.name)), exported(book))
    if stock.empty:
        raise DataError("stock.push.no_skus", book=Path(getattr(book, "path", "workbook")).name)
    ids = sku_ids(orders, inventory)
    with nullcontext(client) if client is not None else api_client(settings) as api:
        listings = listings_frame(api.inventory_search(ids) if ids else [], ids)
        planned = plan(stock, listings, settings.api_warehouse).reset_index(drop=True)
        report = StockPushReport(planned.assign(outcome=planned["status"]), update_bodies(planned), dry_run,
                                 f"{now:%Y-%m-%d %H:%M}")
        if dry_run:
            report.planned.loc[report.planned["status"] == "send", "outcome"] = "would"
        else:
            _send(api, report)
    _describe(report)
    if not dry_run:
        _write(book, report, now, settings.lang)
    return report


def exported(book: ReadBook) -> frozenset[tuple[str, str]]:
    """(Order ID, SKU ID) of the lines ShipLog records as exported or uploaded: handed to the carrier."""
    log = rows_frame(book.read_rows(SHIPLOG.name))
    if "Order ID" not in log.columns:
        return frozenset()
    ids = log["SKU ID"] if "SKU ID" in log.columns else pd.Series("", index=log.index)
    return frozenset((scalar_text(o), scalar_text(s)) for o, s in zip(log["Order ID"], ids) if scalar_text(o))


def sku_ids(orders: pd.DataFrame, inventory: pd.DataFrame) -> dict[str, str]:
    """TikTok SKU id -> the casefolded Seller SKU it was seen with (Orders lines, then an Inventory SKU ID column)."""
    found: dict[str, str] = {}
    for frame in (orders, inventory):
        if "SKU ID" not in frame.columns or "Seller SKU" not in frame.columns:
            continue
        for sku_id, sku in zip(frame["SKU ID"], frame["Seller SKU"]):
            sku_id, sku = scalar_text(sku_id), scalar_text(sku)
            if sku_id.isdigit() and sku:
                found.setdefault(sku_id, sku.casefold())
    return found


def listings_frame(products: list[dict], ids: dict[str, str]) -> pd.DataFrame:
    """The inventory search's SKUs as rows: key (TikTok's Seller SKU casefolded, else the one the id was seen with),
    seller_sku, product_id, sku_id, warehouses ((id, available quantity), ...)."""
    rows = []
    for product in products:
        for sku in product.get("skus") or []:
            sku_id, seller = scalar_text(sku.get("id")), scalar_text(sku.get("seller_sku"))
            warehouses = tuple((scalar_text(w.get("warehouse_id")), _int(w.get("available_quantity")))
                               for w in sku.get("warehouse_inventory") or [] if scalar_text(w.get("warehouse_id")))
            rows.append({"key": seller.casefold() or ids.get(sku_id, ""), "seller_sku": seller,
                         "product_id": scalar_text(product.get("product_id")), "sku_id": sku_id,
                         "warehouses": warehouses})
    frame = pd.DataFrame(rows, columns=LISTING_COLUMNS)
    return frame[frame["key"].ne("") & frame["product_id"].str.isdigit() & frame["sku_id"].str.isdigit()]


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _send(api: ApiClient, report: StockPushReport) -> None:
    """One update per product; a per-SKU error goes on its row, an unlisted error on its product's rows; a typed
    error (token, network, limits) stops the run, raised when nothing was set yet."""
    planned = report.planned
    for product, skus in report.bodies.items():
        rows = planned.index[(planned["status"] == "send") & (planned["product_id"] == product)]
        log.info("push-stock: product %s, %d SKU(s)", product, len(skus))
        try:
            errors = api.update_inventory(product, skus)
        except ApiError as err:
            if type(err) is ApiError:  # an unlisted code: this product's own reason
                planned.loc[rows, "outcome"] = "refused"
                for pos in rows:
                    report.results[pos] = ("stock.push.refused", {"api_code": err.api_code or "-",
                                                                  "reason": err.api_message or err.code})
                continue
            if not (planned["outcome"] == "sent").any():
                raise
            report.stopped = err
            left = planned.index[(planned["outcome"] == "send")]
            planned.loc[left, "outcome"] = "not_sent"
            for pos in left:
                report.results[pos] = ("stock.push.not_sent", {"reason": err.code})
            return
        refused = {scalar_text((e.get("detail") or {}).get("sku_id")): e for e in errors}
        for pos in rows:
            error = refused.get(str(planned.at[pos, "sku_id"]))
            planned.at[pos, "outcome"] = "sent" if error is None else "refused"
            if error is not None:
                report.results[pos] = ("stock.push.refused", {"api_code": error.get("code", "-"),
                                                              "reason": redact(str(error.get("message") or ""))})


def _describe(report: StockPushReport) -> None:
    """Each row's (code, params) for the rows whose result is not already set."""
    for pos, row in report.planned.iterrows():
        if pos in report.results:
            continue
        had = "-" if row["had"] is None else int(row["had"])
        qty = "" if row["quantity"] is None else int(row["quantity"])
        report.results[pos] = {
            "held": (row["code"], row["params"]),
            "same": ("stock.push.same", {"qty": qty, "when": report.when}),
            "sent": ("stock.push.sent", {"qty": qty, "had": had, "when": report.when}),
            "would": ("stock.push.would_send", {"qty": qty, "had": had}),
        }[row["outcome"]]


def _write(book: Book, report: StockPushReport, now: dt.datetime, lang: str) -> None:
    """The StockPush sheet: one row per planned row, with what was pushed, when and TikTok's answer; one save."""
    p = report.planned
    done = p["outcome"].isin(("sent", "same"))
    frame = pd.DataFrame({
        "Seller SKU": p["seller_sku"], "On Hand": p["on_hand"], "Allocated": p["allocated"],
        "Safety Stock": p["safety"], "Available": p["available"], "Product ID": p["product_id"],
        "SKU ID": p["sku_id"], "Warehouse ID": p["warehouse_id"], "TikTok Had": p["had"],
        "Pushed Qty": p["quantity"].where(done, None), "Pushed At": pd.Series(now, index=p.index).where(done, None),
        "Push Result": [report.text(pos, lang) for pos in p.index]}).astype(object)
    book.write_table(STOCKPUSH, frame.where(frame.notna(), None).replace("", None))
    book.save()
