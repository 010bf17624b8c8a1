"""TikTok Shop Open API returns and cancellations (Search Returns / Search Cancellations, 202309) as after-sales cases.

The case rows are those the file route gives (:func:`tkops.sources.returns_export.read_returns` for the Seller
Center Return/Refund export, :func:`~tkops.sources.returns_export.cancellation_cases` for cancelled orders), so a
pull and an import upsert the same AfterSales rows, with the same Source words:

- ``return_line_items`` are units, as the orders' ``line_items`` are: the units of one return with the same SKU ID
  and Seller SKU are one row; Quantity is their count and Amount the sum of their ``refund_total`` (the export's
  "Return unit price" is the line's whole refund). Rows keep the order of their first unit.
- Case ID is ``return_id``; Reason is ``return_reason_text`` as written (localised); Reason Key is the
  ``return_reason`` key, which the export lacks (classify_reasons finds the same case type from the key or the
  English text). Return Type and Return Status are in the export's words (:data:`RETURN_TYPES`,
  :data:`RETURN_STATUSES`; the API's finer state goes to Return Sub Status). Opened is ``create_time`` (Time
  Requested); Closed is the ``update_time`` of a return that refunded the buyer (the export's Refund Time).
- Left out (:data:`API_LACKS`: the API's return has no such field; the cases job fills Country, Buyer Username
  and Currency from the order lines): Order Amount, Order Status, Order Substatus, Buyer Username, Buyer Note,
  Dispute, Appeal and Compensation. ``arbitration_status`` is not mapped: the export's Dispute Status words are
  unknown.

Cancellations: one case per order, Case ID ``C-<order id>`` like the file route (the latest cancellation of an order
wins), Reason ``cancel_reason_text``, Reason Key ``cancel_reason``, Cancel By the ``role``, Quantity the cancelled
units, Amount the ``refund_total``. Unlike the file route, which only sees orders already cancelled and uses the
Cancelled Time twice, a pending request is a case too: Opened is the request's ``create_time``, Closed the
``update_time`` of a settled one, and Return Status says which (the file route leaves it blank); Due is the
deadline of the seller's next action (``seller_next_action_response``, SELLER_RESPOND_CANCEL) when the API gives
one: the platform's own time, which the cancellation-request clock on Orders uses. The order-level
columns the file route copies from the order (Buyer Username, Country, Order Status, Order Amount) are left out.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Mapping

import pandas as pd

from tkops import case_schema as C
from tkops.api.orders_map import amount, seconds, typed_frame, words
from tkops.settings import Settings

#: return_type -> Return Type as the export writes it.
RETURN_TYPES = {"REFUND": "Refund only", "RETURN_AND_REFUND": "Return and refund", "REPLACEMENT": "Replacement"}
#: return_status -> (Return Status, Return Sub Status). Return Status uses the export's words (docs/seller-center-files.md#returns-export:
#: Completed, In Process, To Process, Refund rejected, Canceled); the sub status words are tkops' own.
RETURN_STATUSES: dict[str, tuple[str, str]] = {
    "RETURN_OR_REFUND_REQUEST_PENDING": ("To Process", "Awaiting seller response"),
    "REFUND_OR_RETURN_REQUEST_REJECT": ("Refund rejected", "Request rejected"),
    "AWAITING_BUYER_SHIP": ("In Process", "Awaiting buyer shipment"),
    "BUYER_SHIPPED_ITEM": ("To Process", "Buyer shipped item"),
    "REJECT_RECEIVE_PACKAGE": ("Refund rejected", "Returned package rejected"),
    "RETURN_OR_REFUND_REQUEST_SUCCESS": ("Completed", "Refunded"),
    "RETURN_OR_REFUND_REQUEST_CANCEL": ("Canceled", "Request cancelled"),
    "RETURN_OR_REFUND_REQUEST_COMPLETE": ("Completed", "Refunded"),
    "REPLACEMENT_REQUEST_PENDING": ("To Process", "Replacement requested"),
    "REPLACEMENT_REQUEST_REJECT": ("Rejected", "Replacement rejected"),
    "REPLACEMENT_REQUEST_REFUND_SUCCESS": ("Completed", "Refunded"),
    "REPLACEMENT_REQUEST_CANCEL": ("Canceled", "Replacement cancelled"),
    "REPLACEMENT_REQUEST_COMPLETE": ("Completed", "Replaced"),
    "AWAITING_BUYER_RESPONSE": ("In Process", "Awaiting buyer response"),
}
#: Return states whose ``update_time`` is the refund time (the export's Refund Time).
REFUNDED = frozenset({"RETURN_OR_REFUND_REQUEST_SUCCESS", "RETURN_OR_REFUND_REQUEST_COMPLETE",
                      "REPLACEMENT_REQUEST_REFUND_SUCCESS"})
#: cancel_status -> Return Status of the cancellation case.
CANCEL_STATUSES = {"CANCELLATION_REQUEST_PENDING": "To Process", "CANCELLATION_REQUEST_SUCCESS": "Completed",
                   "CANCELLATION_REQUEST_COMPLETE": "Completed", "CANCELLATION_REQUEST_CANCEL": "Canceled",
                   "CANCELLATION_REQUEST_CANCELLED": "Canceled"}

#: The case columns each kind of API case fills.
RETURN_CASE_KEYS = ("case_id", "order_id", "sku_id", "seller_sku", "product_name", "sku_name", "reason", "reason_key",
               "amount", "currency", "quantity", "return_type", "return_status", "return_sub_status", "opened",
               "closed", "return_tracking_id", "source")
CANCEL_CASE_KEYS = ("case_id", "order_id", "sku_id", "seller_sku", "product_name", "reason", "reason_key", "amount",
               "currency", "quantity", "return_type", "return_status", "cancel_by", "opened", "closed", "source")
#: Case columns only the API gives (not in the export, or blank there).
API_ONLY = frozenset({"reason_key", "return_status"})
#: Return/Refund export columns the API's return lacks (left out, so an import's values stay).
API_LACKS = frozenset({"order_amount", "order_status", "order_substatus", "buyer_username", "buyer_note",
                       "dispute_status", "appeal_status", "compensation_status", "compensation_amount"})


def return_cases(returns: Iterable[Mapping], settings: Settings) -> pd.DataFrame:
    """Case rows of API returns (``data.return_orders`` of Search Returns), one per return and SKU.

    Raises :class:`~tkops.errors.BadValue` naming the return and field of an amount or time that is not one."""
    records = []
    for ret in returns:
        rid = str(ret.get("return_id") or "").strip()
        status = str(ret.get("return_status") or "")
        head = {
            "case_id": rid, "order_id": ret.get("order_id"), "reason": ret.get("return_reason_text"),
            "reason_key": ret.get("return_reason"),
            "return_type": RETURN_TYPES.get(ret.get("return_type"), words(ret.get("return_type"))),
            "return_status": RETURN_STATUSES.get(status, (status or None,))[0],
            "return_sub_status": RETURN_STATUSES.get(status, (None, None))[1],
            "opened": seconds(ret.get("create_time"), f"return {rid}", "create_time"),
            "closed": seconds(ret.get("update_time"), f"return {rid}", "update_time") if status in REFUNDED else None,
            "return_tracking_id": ret.get("return_tracking_number"), "source": C.SOURCE_RETURNS,
            "currency": (ret.get("refund_amount") or {}).get("currency"),
        }
        groups: dict[tuple, list[Mapping]] = {}
        for item in ret.get("return_line_items") or ():
            groups.setdefault((item.get("sku_id"), item.get("seller_sku")), []).append(item)
        for units in groups.values():
            first = units[0]
            records.append({**head, "sku_id": first.get("sku_id"), "seller_sku": first.get("seller_sku"),
                            "product_name": first.get("product_name"), "sku_name": first.get("sku_name"),
                            "quantity": len(units), "amount": _refunds(units, f"return {rid}"),
                            "currency": _currency(units) or head["currency"]})
    return _frame(records, RETURN_CASE_KEYS, settings)


def cancellation_cases_api(cancellations: Iterable[Mapping], settings: Settings, include_unpaid: bool = False
                           ) -> pd.DataFrame:
    """One case per order of API cancellations (``data.cancellations`` of Search Cancellations).

    Cancellations of unpaid orders (reason keys of the UNPAID stage: ``*unpaid*``) need no after-sales work and are
    left out unless ``include_unpaid``, as the file route leaves out cancelled orders without a Paid Time."""
    latest: dict[str, Mapping] = {}
    for cancel in cancellations:
        oid = str(cancel.get("order_id") or "").strip()
        if not oid or not include_unpaid and "unpaid" in str(cancel.get("cancel_reason") or "").casefold():
            continue
        at = f"cancellation {cancel.get('cancel_id') or oid}"
        if oid not in latest or (seconds(cancel.get("update_time"), at, "update_time") or 0) >= (
                seconds(latest[oid].get("update_time"), at, "update_time") or 0):
            latest[oid] = cancel
    records = []
    for oid, cancel in latest.items():
        at = f"cancellation {cancel.get('cancel_id') or oid}"
        status = str(cancel.get("cancel_status") or "")
        units = list(cancel.get("cancel_line_items") or ())
        refund = cancel.get("refund_amount") or {}
        records.append({
            "case_id": C.CANCEL_PREFIX + oid, "order_id": oid,
            **{k: ", ".join(dict.fromkeys(str(u[k]).strip() for u in units if u.get(k))) or None
               for k in ("sku_id", "seller_sku", "product_name")},
            "reason": cancel.get("cancel_reason_text"), "reason_key": cancel.get("cancel_reason"),
            "amount": amount(refund.get("refund_total"), at, "refund_amount.refund_total"),
            "currency": refund.get("currency") or _currency(units), "quantity": len(units) or None,
            "return_type": C.CANCEL_TYPE, "return_status": CANCEL_STATUSES.get(status, status or None),
            "cancel_by": words(cancel.get("role")), "opened": seconds(cancel.get("create_time"), at, "create_time"),
            "closed": seconds(cancel.get("update_time"), at, "update_time") if status not in (
                "", "CANCELLATION_REQUEST_PENDING") else None,
            "source": C.SOURCE_CANCELLED, "due": _respond_by(cancel, at),
        })
    keys = CANCEL_CASE_KEYS + (("due",) if any(r["due"] for r in records) else ())
    return _frame(records, keys, settings)


def _respond_by(cancel: Mapping, at: str) -> int | None:
    """The earliest deadline of the seller's answer to a pending cancellation request (Unix seconds), or None."""
    if str(cancel.get("cancel_status") or "") not in ("", "CANCELLATION_REQUEST_PENDING"):
        return None
    found = [seconds(a.get("deadline"), at, "seller_next_action_response.deadline")
             for a in cancel.get("seller_next_action_response") or () if a.get("action") == "SELLER_RESPOND_CANCEL"]
    return min((f for f in found if f), default=None)


def _refunds(units: list[Mapping], where: str) -> Decimal | None:
    found = [amount((u.get("refund_amount") or {}).get("refund_total"), where, "refund_amount.refund_total")
             for u in units]
    found = [f for f in found if f is not None]
    return sum(found, Decimal(0)) if found else None


def _currency(units: list[Mapping]) -> str | None:
    return next(((u.get("refund_amount") or {}).get("currency") for u in units
                 if (u.get("refund_amount") or {}).get("currency")), None)


def _frame(records: list[dict], keys: tuple[str, ...], settings: Settings) -> pd.DataFrame:
    return C.ordered(typed_frame(records, [C.CASE_BY_KEY[k] for k in keys], settings))
