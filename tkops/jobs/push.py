"""Push (``tkops push-tracking``): upload the Orders sheet's validated tracking numbers through the TikTok Shop API,
then fetch the shipping documents while their links are valid. The lines sent are those ``tkops ship`` would put in
its upload file. The order detail gives line item and package ids and the delivery option, whose shipping providers
are matched by name to the sheet's Shipping Provider Name. Each result goes in the API Upload column, accepted lines
in ShipLog (File "TikTok Shop API") so nothing is uploaded twice; a refused order does not stop the others; the
workbook is saved once.
"""

from __future__ import annotations

import datetime as dt
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from tkops import schema
from tkops.api import (
    AlreadyShipped,
    ApiClient,
    ApiError,
    FulfilmentError,
    OutcomeUnknown,
)
from tkops.api.catalogue import render
from tkops.book.layout import SHIPLOG
from tkops.book.safety import atomic_target
from tkops.book.protocol import Book
from tkops.cells.yes_no import tick

from tkops.jobs.connect import api_client
from tkops.jobs.sheets import OrdersView, read_orders, write_orders
from tkops.merge import typed
from tkops.output import output_folder
from tkops.settings import Settings
from tkops.shipping import (
    REJECTED_COLUMNS,
    SHIPLOG_COLUMNS,
    ProviderMap,
    already_exported,
    export_log_rows,
    provider_map_from_rows,
    shipping_upload,
    validate_tracking,
)
from tkops.shipping.carriers import ANY, fold, unsafe_name

API_FILE = "TikTok Shop API"
RESULT = "API Upload"
#: Markets where part of an order can be marked as shipped with the seller's own carrier (docs/open-api.md#endpoints).
MARK_MARKETS = frozenset({"US", "GB", "UK", "ES", "IE", "IT", "DE", "FR", "JP"})
DOCUMENTS = (("SHIPPING_LABEL", "Label"), ("PACKING_SLIP", "Packing slip"))
STATUSES = ("accepted", "refused", "unknown", "unmatched", "not_sent")
_V = "/202309"


@dataclass
class Outcome:
    """What happened to one shipment (the sheet rows of one order sharing a tracking number)."""

    order_id: str
    tracking: str
    provider: str
    rows: list
    status: str  # one of STATUSES
    reason: ApiError | tuple[str, dict]
    package_id: str = ""
    tiktok_shipping: bool = False

    def text(self, lang: str) -> str:
        """The result in ``lang``, as written on the rows."""
        return _say(self.reason, lang)


def _say(reason: ApiError | tuple[str, dict], lang: str) -> str:
    return reason.render(lang) if isinstance(reason, ApiError) else render(reason[0], lang, **reason[1])


@dataclass
class PushReport:
    """What a push run did: the outcome of each shipment, the lines the checks held back, the documents saved."""

    outcomes: list[Outcome] = field(default_factory=list)
    held: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REJECTED_COLUMNS))
    documents: list[Path] = field(default_factory=list)
    document_errors: list[tuple[str, str, str, Any]] = field(default_factory=list)  # order, package, title, why
    folder: Path | None = None
    stopped: ApiError | None = None

    def lines(self, lang: str) -> list[str]:
        """The report for a person, in ``lang``: the summary, each line not accepted, then the documents."""
        n = {s: sum(len(o.rows) for o in self.outcomes if o.status == s) for s in STATUSES}
        out = [render("api.push.summary", lang, accepted=n["accepted"], refused=n["refused"] + n["not_sent"],
                      unmatched=n["unmatched"], unknown=n["unknown"], held=len(self.held))]
        out += [f"  {o.order_id} {o.tracking} ({o.provider}): {o.text(lang)}" for o in self.outcomes
                if o.status != "accepted"]
        out += [f"  {r['Order ID']} {r['Tracking ID'] or ''}: {r['Reason']}" for _, r in self.held.iterrows()]
        if self.stopped is not None:
            out.append(render("api.push.stopped", lang, reason=self.stopped.render(lang)))
        if self.documents or self.document_errors:
            out.append(render("api.push.documents", lang, saved=len(self.documents), folder=self.folder or "-"))
            out += [f"  {p.name}" for p in self.documents]
        out += ["  " + render("api.push.document_failed", lang, order=order, package=package, document=title,
                              reason=_say(reason, lang)) for order, package, title, reason in self.document_errors]
        return out


def run_push_tracking(book: Book, settings: Settings, client: ApiClient | None = None, now: dt.datetime | None = None,
                      *, documents: bool = True, out: str | Path | None = None) -> PushReport:
    """Upload the validated, not yet uploaded tracking numbers of ``book``'s Orders sheet through the API, write each
    result to the API Upload column and the accepted lines to ShipLog (one save), then (``documents``) save the label
    and packing slip PDFs of the TikTok Shipping packages accepted or picked in ``output_folder(book, settings, out)``.
    An error that fails every call (authorisation, network) stops the uploads: what was done is saved and the report
    says why (``stopped``); it is raised when nothing was done."""
    now = (now or settings.shop_now()).replace(microsecond=0)
    sheet = read_orders(book).sheet
    with nullcontext(client) if client is not None else api_client(settings) as api:
        return _run(book, settings, api, sheet, now, documents, out)


def _run(book: Book, settings, client, sheet, now, documents, out) -> PushReport:
    lines = OrdersView(sheet).with_team({"packed": "Packed"})
    pm = provider_map_from_rows(book.read_rows("Carriers"))
    log = book.read_rows(SHIPLOG.name) or []
    problems = validate_tracking(lines, pm, settings.market or None)
    upload, held = shipping_upload(lines, problems, already_exported(log), pm, settings.lang)
    report = PushReport(held=held)
    picked = _picked(sheet) if documents else {}
    if upload.empty and not picked:
        return report
    try:
        orders = _details(client, set(upload["Order ID"]) | set(picked.values()))
        _upload(client, upload, orders, pm, settings, now, report)
    except ApiError as err:
        if not report.outcomes:
            raise
        report.stopped = err
    if report.outcomes:
        _write_back(book, sheet, upload, log, report, settings.lang, now)
    if documents:
        targets = {o.package_id: o.order_id for o in report.outcomes
                   if o.status == "accepted" and o.package_id and o.tiktok_shipping}
        targets.update({p: o for p, o in picked.items()
                        if o in orders and orders[o].get("shipping_type") == "TIKTOK"})
        if targets:
            report.folder = output_folder(book.path, settings, out)
            _documents(client, targets, report)
    return report


def _upload(client, upload, orders, pm, settings, now, report) -> None:
    """One outcome per (order, tracking number); errors that concern one order go on its rows."""
    providers: dict[str, list[dict]] = {}
    per_order, when = upload.groupby("Order ID", sort=False)["Tracking ID"].nunique(), f"{now:%Y-%m-%d %H:%M}"
    for (order_id, tracking), group in upload.groupby(["Order ID", "Tracking ID"], sort=False):
        order = orders.get(order_id)
        name = str(group["Shipping Provider Name"].iloc[0])
        outcome = Outcome(order_id, tracking, name, list(group.index), "not_sent", ("api.push.no_order", {}))
        report.outcomes.append(outcome)
        if order is None:
            continue
        items = order.get("line_items") or []
        if per_order[order_id] > 1:  # a split shipment: only the SKUs on these rows
            items = [i for i in items if str(i.get("sku_id")) in set(group["SKU ID(optional)"])]
        if not items:
            outcome.reason = ("api.push.no_items", {})
            continue
        outcome.tiktok_shipping = order.get("shipping_type") == "TIKTOK" or fold(name) == fold("TikTok Shipping")
        if all(str(i.get("tracking_number") or "") == tracking for i in items):  # e.g. after an unknown outcome
            outcome.status, outcome.package_id = "accepted", str(items[0].get("package_id") or "")
            outcome.reason = ("api.push.already_there", {"when": when})
            continue
        items = [i for i in items if not i.get("tracking_number")]  # units shipped before are not sent again
        if not items:
            outcome.status, outcome.reason = "refused", AlreadyShipped(path=f"/order{_V}/orders")
            continue
        try:
            option = str(order.get("delivery_option_id") or "")
            if not option:
                outcome.reason = ("api.push.no_option", {})
                continue
            if option not in providers:
                providers[option] = client.get(f"/logistics{_V}/delivery_options/{option}/shipping_providers"
                                               ).get("shipping_providers") or []
            provider = match_provider(name, providers[option], pm)
            if provider is None:
                names = ", ".join(str(p.get("name")) for p in providers[option]) or "-"
                outcome.status, outcome.reason = "unmatched", ("api.push.no_provider", dict(provider=name, names=names))
                continue
            _ship(client, order, items, tracking, str(provider["id"]), settings, outcome)
            if outcome.status == "accepted":
                outcome.reason = ("api.push.accepted", {"when": when})
        except (FulfilmentError, OutcomeUnknown) as err:
            outcome.status, outcome.reason = "unknown" if isinstance(err, OutcomeUnknown) else "refused", err
        except ApiError as err:
            if type(err) is not ApiError:  # a typed error (token, network, limits) fails every order alike
                report.outcomes.pop()
                raise
            outcome.status, outcome.reason = "refused", err  # an unlisted code: this order's own reason


def _ship(client, order, items, tracking, provider_id, settings, outcome) -> None:
    """Ship the package when these rows are all of it and it waits; else mark the line items as shipped."""
    own = {"tracking_number": tracking, "shipping_provider_id": provider_id}
    package = packages.pop() if len(packages := {str(i.get("package_id") or "") for i in items}) == 1 else ""
    whole = [i for i in order.get("line_items") or [] if str(i.get("package_id") or "") == package]
    if package and len(whole) == len(items) and all(i.get("package_status") in (None, "", "TO_FULFILL")
                                                    for i in items):
        client.post(f"/fulfillment{_V}/packages/{package}/ship", body={"self_shipment": own})
        outcome.status, outcome.package_id = "accepted", package
        return
    market = str((order.get("recipient_address") or {}).get("region_code") or settings.market or "").upper()
    if market not in MARK_MARKETS:
        outcome.reason = ("api.push.split_market", {"market": market or "-"})
        return
    data = client.post(f"/fulfillment{_V}/orders/{order['id']}/packages",
                       body={**own, "order_line_item_ids": [str(i.get("id")) for i in items]})
    outcome.status, outcome.package_id = "accepted", str(data.get("package_id") or package)


def match_provider(name: str, providers: list[dict], pm: ProviderMap) -> dict | None:
    """The one provider of ``providers`` ({id, name}) that ``name`` means: the same name folded, else the one whose
    courier codes (Carriers sheet over the defaults) are the same as ``name``'s; None when none or several, and for a
    name that is a formula or markup ("=UPS" folds like "UPS" but is never sent)."""
    if unsafe_name(name):
        return None
    same = [p for p in providers if fold(p.get("name") or "") == fold(name)]
    if len(same) == 1:
        return same[0]
    entry = pm.lookup(name)
    codes = set(entry[1]) if entry else set()
    if not codes or ANY in codes:
        return None
    alike = [p for p in providers if (e := pm.lookup(p.get("name"))) and set(e[1]) == codes]
    return alike[0] if len(alike) == 1 else None


def _details(client, order_ids: set[str]) -> dict[str, dict]:
    """Order id -> the order detail, 50 ids a call."""
    ids, found = sorted(i for i in order_ids if i.isdigit()), {}
    for start in range(0, len(ids), 50):
        data = client.get(f"/order{_V}/orders", {"ids": ",".join(ids[start:start + 50])})
        found.update({str(o.get("id")): o for o in data.get("orders") or []})
    return found


def _picked(sheet: pd.DataFrame) -> dict[str, str]:
    """Package id -> order id of the lines on a pick list (a Wave) and picked, whose IDs are digits."""
    if not {"Wave", "Picked", "Package ID"} <= set(sheet.columns):
        return {}
    cells = typed(sheet, (schema.BY_NAME["Order ID"], schema.BY_NAME["Package ID"]))
    picked = [tick(v) for v in sheet["Picked"]]
    # the package id goes into a request path and a file name: digits only
    return {str(p): str(o) for o, p, w, t in zip(cells["order_id"], cells["package_id"], sheet["Wave"], picked)
            if t and w is not None and w == w and str(w).strip() and str(p).isdigit() and str(o).isdigit()}


def _write_back(book: Book, sheet, upload, log, report: PushReport, lang: str, now: dt.datetime) -> None:
    """Each outcome on its rows' API Upload cell; accepted lines appended to ShipLog; one save."""
    sheet[RESULT] = sheet[RESULT] if RESULT in sheet.columns else None
    for outcome in report.outcomes:
        sheet.loc[outcome.rows, RESULT] = outcome.text(lang)
    write_orders(book, OrdersView(sheet))
    accepted = [r for o in report.outcomes if o.status == "accepted" for r in o.rows]
    if accepted:
        old = pd.DataFrame([r[:len(SHIPLOG_COLUMNS)] for r in log[1:]], columns=SHIPLOG_COLUMNS) if log \
            else pd.DataFrame(columns=SHIPLOG_COLUMNS)
        new = export_log_rows(upload.loc[accepted], now, API_FILE)
        book.write_table(SHIPLOG, pd.concat([old.dropna(how="all"), new], ignore_index=True))
    book.save()


def _documents(client, targets: dict[str, str], report: PushReport) -> None:
    """Each package's label and packing slip, downloaded at once (links live 24 h); a failure is reported."""
    for package, order in targets.items():
        for kind, title in DOCUMENTS:
            path = report.folder / f"{title} {order} {package}.pdf"
            if path.exists():  # saved by an earlier run: the same document
                continue
            try:
                url = client.get(f"/fulfillment{_V}/packages/{package}/shipping_documents",
                                 {"document_type": kind}).get("doc_url")
                pdf = client.download(str(url)) if url else b""
                problem = None if pdf.startswith(b"%PDF") else ("api.push.not_pdf" if url else "api.push.no_url", {})
            except ApiError as err:
                problem = err
            if problem is not None:
                report.document_errors.append((order, package, title, problem))
                continue
            with atomic_target(path) as tmp:
                tmp.write_bytes(pdf)
            report.documents.append(path)
