"""Seller Center exports for the month-end tests and benchmark, written with the truth of what they hold.

``write_exports(folder, months, n_lines, n_cases)`` writes one US order export per month (the 58 headers and the
description row of tests/data/exports/us_2025.csv, UTF-8 with BOM, CRLF, ``MM/DD/YYYY h:mm:ss AM/PM`` times) and one
Return/Refund export per month a case was requested in (the 19 headers of tests/data/returns/us_returns.csv).
Exactly ``n_lines`` distinct order lines and ``n_cases`` distinct case lines; each file after the first also repeats
the last ``overlap`` share of the previous month's rows, as overlapping exports do. Deterministic for a seed.

The truth (``Truth.lines``, ``Truth.cases``: plain dicts of the values written, money in cents, naive datetimes) lets
a test compute every figure itself. ``CAUSE_OF`` is the test's own reason -> cause table, written from the issue's
cause categories, not taken from tkops.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
with open(DATA / "exports" / "us_2025.csv", encoding="utf-8-sig", newline="") as _fh:
    ORDER_HEADERS, DESCRIPTIONS = list(csv.reader(_fh))[:2]
with open(DATA / "returns" / "us_returns.csv", encoding="utf-8", newline="") as _fh:
    RETURN_HEADERS = next(csv.reader(_fh))

#: US return reasons (docs/return-reasons.md), how often buyers give them, and their cause (the test's own table).
RETURN_REASONS = (("Item doesn't fit", 22, "size_fit"), ("Item doesn't match description", 9, "description_mismatch"),
                  ("Missing item or parts", 5, "fulfilment_error"), ("Damaged item or packaging", 9, "logistics"),
                  ("Defective item", 11, "product_quality"), ("Wrong item was sent", 6, "fulfilment_error"),
                  ("No longer needed", 14, "buyer_remorse"), ("Item arrived too late", 4, "logistics"),
                  ("Color or pattern not as expected", 7, "description_mismatch"),
                  ("Fabric, material or style not as expected", 5, "description_mismatch"),
                  ("Package wasn't received", 8, "logistics"))
CAUSE_OF = {reason: cause for reason, _w, cause in RETURN_REASONS}
CANCEL_REASONS = (("No longer needed", "Buyer"), ("Better price available", "Buyer"), ("Out of stock", "Seller"),
                  ("Incorrect shipping address", "Buyer"), ("Pricing error", "Seller"),
                  ("Item wasn't shipped on time", "Buyer"),
                  ("Automatically cancelled due to collection time out", "System"))
RETURN_STATUSES = (("Completed", 55), ("In Process", 15), ("To Process", 10), ("Refund rejected", 10), ("Canceled", 10))
PROVIDERS = ("USPS", "USPS", "USPS", "UPS", "FedEx")
HOSTILE = ('=HYPERLINK("http://evil.example/x","refund")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
           "<script>alert('x')</script><b>bold</b>", "-2+3", "Size 7 please \u2014 thanks \U0001F600")
FIRST = ("Emma", "Liam", "Olivia", "Noah", "Ava", "Mateo", "Sofía", "Chloé", "Wei", "Priya", "Jamal", "Zoë")
LAST = ("Johnson", "García", "Nguyen", "Smith", "O'Brien", "Kowalski", "Patel", "Müller", "Brown", "Lee")
NOUNS = ("Crew Neck T-Shirt", "Fleece Hoodie", "Yoga Leggings", "Ceramic Mug 12oz", "Phone Case", "Knit Beanie",
         "Leather Belt", "Ankle Socks 5 Pack", "Insulated Tumbler", "Layered Necklace")
COLOURS = ("Black", "White", "Sage Green", "Navy", "Dusty Pink", "Heather Grey")
SIZES = ("S", "M", "L", "XL")


@dataclass
class Truth:
    """What the files hold, once per line (duplicates across files left out)."""

    lines: list[dict] = field(default_factory=list)
    cases: list[dict] = field(default_factory=list)
    order_files: list[Path] = field(default_factory=list)
    return_files: list[Path] = field(default_factory=list)


def when(t: dt.datetime | None) -> str:
    """``MM/DD/YYYY h:mm:ss AM/PM`` as US exports write times; "" for none."""
    if t is None:
        return ""
    return f"{t:%m/%d/%Y} {t.hour % 12 or 12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"


def money(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _catalogue(rng: random.Random, n: int, hostile: bool) -> list[tuple]:
    skus = []
    while len(skus) < n:
        noun = NOUNS[len(skus) % len(NOUNS)]
        colour, size = rng.choice(COLOURS), rng.choice(SIZES)
        seller = f"{noun.split()[0][:4].upper()}-{len(skus):04d}-{colour[:3].upper()}-{size}"
        name = f"{rng.choice(('Classic', 'Soft', 'Premium'))} {noun}"
        skus.append((str(1729000000000000000 + rng.randrange(10 ** 15)), seller, name, f"{colour}, {size}",
                     rng.choice((999, 1250, 1499, 1999, 2499, 2999, 3999, 4999))))
    if hostile:  # product names are typed by sellers and suppliers: anything may be in them
        skus[0] = skus[0][:2] + (HOSTILE[0],) + skus[0][3:]
        skus[1] = skus[1][:2] + (HOSTILE[3],) + skus[1][3:]
    return skus


def _month_start(month: str) -> dt.datetime:
    return dt.datetime.strptime(month + "-01", "%Y-%m-%d")


def _order(rng, oid: int, created: dt.datetime, n_lines: int, skus, hostile: bool) -> list[dict]:
    pick = rng.random()
    status = ("Cancelled" if pick < 0.07 else "Awaiting Shipment" if pick < 0.10 else "Shipped" if pick < 0.22
              else "Delivered" if pick < 0.37 else "Completed")
    paid = None if status == "Cancelled" and rng.random() < 0.3 else created + dt.timedelta(seconds=rng.randint(5, 900))
    rts = shipped = delivered = cancelled = None
    if status not in ("Cancelled", "Awaiting Shipment"):
        rts = paid + dt.timedelta(seconds=rng.randint(3600, 40 * 3600))
        shipped = rts + dt.timedelta(seconds=rng.randint(1800, 20 * 3600))
        if status in ("Delivered", "Completed"):
            delivered = shipped + dt.timedelta(seconds=rng.randint(2 * 86400, 6 * 86400))
    reason, cancel_by = rng.choice(CANCEL_REASONS + ((HOSTILE[2], "Buyer"),) * hostile) if status == "Cancelled" \
        else ("", "")
    if status == "Cancelled":
        cancelled = (paid or created) + dt.timedelta(seconds=rng.randint(600, 30 * 3600))
    provider = "" if status == "Cancelled" else rng.choice(PROVIDERS + (HOSTILE[3],) * hostile)
    first, last = rng.choice(FIRST), rng.choice(LAST)
    message = rng.choice(HOSTILE) if hostile and rng.random() < 0.15 else ""
    lines = []
    for sku_id, seller, name, variation, price in rng.sample(skus, n_lines):
        qty = rng.choices((1, 2, 3), weights=(85, 12, 3))[0]
        lines.append({"order_id": str(oid), "status": status, "sku_id": sku_id, "seller_sku": seller,
                      "product_name": name, "variation": variation, "quantity": qty, "price": price,
                      "subtotal": price * qty, "created": created, "paid": paid, "rts": rts, "shipped": shipped,
                      "delivered": delivered, "cancelled": cancelled, "cancel_reason": reason,
                      "cancel_by": cancel_by, "provider": provider, "username": f"{first.lower()}{oid % 997}",
                      "recipient": f"{first} {last}", "message": message,
                      "tracking": f"9400111{rng.randrange(10 ** 15):015d}" if rts and provider == "USPS" else
                      (f"1Z{rng.randrange(10 ** 16):016d}" if rts else "")})
    shipping = rng.choice((0, 0, 499, 599))
    amount = sum(ln["subtotal"] for ln in lines) + shipping
    amount += round(amount * 0.0825)
    for ln in lines:
        ln["order_amount"] = amount
        ln["refund"] = amount if status == "Cancelled" and paid else 0
        ln["shipping"] = shipping
    return lines


def _order_row(ln: dict) -> list[str]:
    sub = {"Cancelled": "Canceled", "Awaiting Shipment": "Awaiting shipment", "Shipped": "In transit",
           "Delivered": "Delivered", "Completed": "Completed"}[ln["status"]]
    status = {"Cancelled": "Canceled", "Awaiting Shipment": "To ship", "Delivered": "Shipped"}.get(ln["status"],
                                                                                                  ln["status"])
    values = {"Order ID": ln["order_id"], "Order Status": status, "Order Substatus": sub,
              "Cancelation/Return Type": "Cancel" if ln["status"] == "Cancelled" else "",
              "Normal or Pre-order": "Normal", "SKU ID": ln["sku_id"], "Seller SKU": ln["seller_sku"],
              "Product Name": ln["product_name"], "Variation": ln["variation"], "Quantity": str(ln["quantity"]),
              "Sku Quantity of return": "0", "SKU Unit Original Price": money(ln["price"]),
              "SKU Subtotal Before Discount": money(ln["subtotal"]), "SKU Platform Discount": "0.00",
              "SKU Seller Discount": "0.00", "SKU Subtotal After Discount": money(ln["subtotal"]),
              "Shipping Fee After Discount": money(ln["shipping"]), "Original Shipping Fee": money(ln["shipping"]),
              "Order Amount": money(ln["order_amount"]), "Order Refund Amount": money(ln["refund"]),
              "Created Time": when(ln["created"]), "Paid Time": when(ln["paid"]), "RTS Time": when(ln["rts"]),
              "Shipped Time": when(ln["shipped"]), "Delivered Time": when(ln["delivered"]),
              "Cancelled Time": when(ln["cancelled"]), "Cancel By": ln["cancel_by"],
              "Cancel Reason": ln["cancel_reason"], "Fulfillment Type": "Fulfillment by seller",
              "Warehouse Name": "Ontario CA Warehouse", "Tracking ID": ln["tracking"],
              "Shipping Provider Name": ln["provider"], "Buyer Message": ln["message"],
              "Buyer Username": ln["username"], "Recipient": ln["recipient"], "Phone #": "(+1)213*****45",
              "Country": "United States", "State": "California", "City": "Los Angeles", "Zipcode": "90012",
              "Address Line 1": "221 S Grand Ave", "Payment Method": "Credit card", "Weight(kg)": "0.40"}
    return [values.get(h, "") for h in ORDER_HEADERS]


def _case_row(c: dict) -> list[str]:
    values = {"Return Order ID": c["case_id"], "Order ID": c["order_id"], "Order Amount": money(c["order_amount"]),
              "Order Status": c["order_status"], "SKU ID": c["sku_id"], "Seller SKU": c["seller_sku"],
              "Product Name": c["product_name"], "SKU Name": c["variation"], "Return unit price": money(c["amount"]),
              "Return Quantity": str(c["quantity"]), "Return Reason": c["reason"], "Return Type": c["return_type"],
              "Return Status": c["status"], "Return Sub Status": "", "Time Requested": when(c["requested"]),
              "Refund Time": when(c["refunded"]), "Buyer Username": c["username"], "Buyer Note": c["note"],
              "Return Logistics Tracking ID": ""}
    return [values[h] for h in RETURN_HEADERS]


def _write(path: Path, header: list[str], rows, description: list[str] | None = None, bom=True) -> None:
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\r\n")
        out.writerow(header)
        if description:
            out.writerow(description)
        out.writerows(rows)


def write_exports(folder: Path, months: list[str], n_lines: int, n_cases: int, *, seed: int = 20261130,
                  hostile: bool = False, overlap: float = 0.02, keep_truth: bool = True, n_skus: int = 0) -> Truth:
    """Write the exports into ``folder`` (see the module docstring); returns the truth and the file paths."""
    rng = random.Random(seed)
    skus = _catalogue(rng, n_skus or max(40, min(900, n_lines // 800)), hostile)
    truth, eligible = Truth(), []
    oid, previous = 577000000000000000, []
    for i, month in enumerate(months):
        start = _month_start(month)
        end = _month_start(months[i + 1]) if i + 1 < len(months) else (start + dt.timedelta(days=32)).replace(day=1)
        target = n_lines // len(months) + (n_lines % len(months) if i == len(months) - 1 else 0)
        rows, made = [], 0
        while made < target:
            oid += rng.randint(1, 3_000_000_000)
            created = start + dt.timedelta(seconds=rng.randrange(int((end - start).total_seconds())))
            lines = _order(rng, oid, created, min(target - made, rng.choices((1, 2, 3), weights=(65, 25, 10))[0]),
                           skus, hostile)
            if hostile and lines[0]["refund"] and not any(ln["cancel_reason"] == HOSTILE[2] for ln in rows):
                for ln in lines:  # one paid cancellation a month with a hostile reason, whatever the draw
                    ln["cancel_reason"] = HOSTILE[2]
            made += len(lines)
            rows.extend(lines)
        rows.sort(key=lambda ln: ln["created"])
        path = folder / f"orders {month}.csv"
        repeated = previous[len(previous) - int(len(previous) * overlap):] if previous else []
        _write(path, ORDER_HEADERS, map(_order_row, repeated + rows), DESCRIPTIONS)
        truth.order_files.append(path)
        eligible.extend((n, ln) for n, ln in enumerate(rows) if ln["delivered"])
        if keep_truth:
            truth.lines.extend(rows)
        previous = rows
    by_month: dict[str, list[dict]] = {}
    rid = 4035118812900000000
    order = rng.sample(range(len(eligible)), len(eligible))
    used, made = set(), 0
    for k in order:
        if made >= n_cases:
            break
        if k in used:
            continue
        group = [k] + ([k + 1] if k + 1 < len(eligible) and k + 1 not in used and made + 1 < n_cases
                       and eligible[k + 1][1]["order_id"] == eligible[k][1]["order_id"] and rng.random() < 0.5 else [])
        rid += rng.randint(1, 90_000)
        reason = rng.choices([r for r, _w, _c in RETURN_REASONS], weights=[w for _r, w, _c in RETURN_REASONS])[0]
        status = rng.choices([s for s, _w in RETURN_STATUSES], weights=[w for _s, w in RETURN_STATUSES])[0]
        first = eligible[k][1]
        requested = first["delivered"] + dt.timedelta(seconds=rng.randint(3600, 12 * 86400))
        refunded = requested + dt.timedelta(seconds=rng.randint(2 * 3600, 7 * 86400)) if status == "Completed" else None
        note = rng.choice(HOSTILE) if hostile and rng.random() < 0.2 else \
            rng.choice(("", "", "Please help", "Runs small"))
        for j in group:
            used.add(j)
            ln = eligible[j][1]
            case = {"case_id": str(rid), "order_id": ln["order_id"], "order_amount": ln["order_amount"],
                    "order_status": ln["status"], "sku_id": ln["sku_id"], "seller_sku": ln["seller_sku"],
                    "product_name": ln["product_name"], "variation": ln["variation"], "amount": ln["subtotal"],
                    "quantity": ln["quantity"], "reason": reason,
                    "return_type": "Refund only" if reason == "Package wasn't received" else "Return and refund",
                    "status": status, "requested": requested, "refunded": refunded, "username": ln["username"],
                    "note": note, "provider": ln["provider"]}
            by_month.setdefault(f"{requested:%Y-%m}", []).append(case)
            made += 1
    previous = []
    for month in sorted(by_month):
        cases = sorted(by_month[month], key=lambda c: (c["requested"], c["case_id"]))
        path = folder / f"returns {month}.csv"
        repeated = previous[len(previous) - int(len(previous) * overlap):] if previous else []
        _write(path, RETURN_HEADERS, map(_case_row, repeated + cases), bom=False)
        truth.return_files.append(path)
        if keep_truth:
            truth.cases.extend(cases)
        previous = cases
    return truth
