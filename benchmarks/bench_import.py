"""Benchmark of ``tkops import`` on a large US Seller Center export, against the bare pandas + XlsxWriter baseline.

Run on demand (this is not a pytest test)::

    python benchmarks/bench_import.py                  # 100,000 order lines (a few minutes)
    python benchmarks/bench_import.py --lines 5000     # quick check that the script works
    python benchmarks/bench_import.py --profile        # also profile (b) with cProfile
    python benchmarks/bench_import.py --stages         # also time (b)'s main tkops functions (no profiler)

What it does (see benchmarks/README.md):

1. generates N order lines in the US 58-column layout (with the English description row under the header) into a
   CSV and, with the same lines, an XLSX export (sheet "OrderSKUList", every cell text); deterministic (seeded);
   generation is not timed;
2. times, each in a fresh subprocess that reports its own peak memory:
   (a) baseline: ``pandas.read_csv(dtype=str, keep_default_na=False)`` + XlsxWriter constant_memory ``write_row``;
   (b) ``tkops import CSV --book NEW.xlsx --market US`` (``tkops.cli.main`` in-process in the child);
   (c) ``tkops.sources.read_orders`` on the XLSX (python-calamine);
   (d) ``pandas.read_excel(engine="openpyxl", dtype=str)`` on the XLSX;
3. prints one Markdown table with every measurement, the targets and PASS/FAIL, and the machine; writes it to
   ``OUT/import.md`` (default ``benchmarks/out/import.md``).

The parent process stays small on purpose (it never imports pandas): the children's peak memory is read from their
own ``getrusage(RUSAGE_SELF).ru_maxrss`` and ``/proc/self/status`` VmHWM, and on Linux the kernel folds the pre-exec
memory of a forked child into ``ru_maxrss``, so a large parent would inflate it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out"
SEED = 20261125

# Targets (see README.md).
TARGET_RATIO_B_A = 1.5  # tkops import time <= 1.5 x the bare pandas + XlsxWriter baseline
TARGET_PEAK_B_GB = 1.5  # tkops import peak RSS <= 1.5 GB
TARGET_RATIO_D_C = 5.0  # tkops' calamine reader >= 5 x faster than pandas.read_excel(engine="openpyxl")

# ---------------------------------------------------------------------------------------------------------------
# The US Seller Center layout (reference: tiktok-shop-formats.md §1a, 58 columns, in order) and its description row
# (§1a-bis / §1c: the texts seen in real exports where known; the others are written in the same style; Order
# Substatus and Normal or Pre-order have no description in the stored copy, so they stay empty).
# ---------------------------------------------------------------------------------------------------------------
US_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Order ID", "Platform unique order ID."),
    ("Order Status", "Current order status."),
    ("Order Substatus", ""),
    ("Cancelation/Return Type", "The filed to explain the order is in cancellation or in return/refund."),
    ("Normal or Pre-order", ""),
    ("SKU ID", "Platform SKU ID."),
    ("Seller SKU", "Seller sku input by the seller in the product system."),
    ("Product Name", "Platform product name."),
    ("Variation", "Platform SKU variation"),
    ("Quantity", "SKU sold quantity in the order."),
    ("Sku Quantity of return", "SKU returned quantity in the order."),
    ("SKU Unit Original Price", "1 SKU original price."),
    ("SKU Subtotal Before Discount", "It equals to SKU Unit Original Price * Sku Quantity."),
    ("SKU Platform Discount", "Total platform discount in this SKU ID."),
    ("SKU Seller Discount", "Total seller discount in this SKU ID"),
    ("SKU Subtotal After Discount",
     "It equals SKU Subtotal Before Discount - SKU Platform Discount - SKU Seller Discount."),
    ("Shipping Fee After Discount",
     "It equals Original Shipping Fee - Shipping Fee Seller Discount - Shipping Fee Platform Discount."),
    ("Original Shipping Fee", "Original shipping fee of the order."),
    ("Shipping Fee Seller Discount", "Shipping fee discount provided by the seller."),
    ("Co-Funded Shipping Fee Discount", "Shipping fee discount co-funded by the seller and the platform."),
    ("Shipping Fee Platform Discount", "Shipping fee discount provided by the platform."),
    ("Payment platform discount", "Discount provided by the payment platform."),
    ("Retail Delivery Fee", "Retail delivery fee charged by some states."),
    ("Taxes", "Taxes of the order."),
    ("Order Amount", "Total amount the buyer paid for the order."),
    ("Order Refund Amount", "Total amount refunded to the buyer."),
    ("Created Time", "Order created time."),
    ("Paid Time", "Order paid time."),
    ("RTS Time", "Time the order was ready to ship."),
    ("Shipped Time", "Time the order was shipped."),
    ("Delivered Time", "Time the order was delivered."),
    ("Cancelled Time", "Time the order was cancelled."),
    ("Cancel By", "Who cancelled the order."),
    ("Cancel Reason", "Reason of the cancellation."),
    ("Fulfillment Type", "Fulfillment by seller or by TikTok."),
    ("Warehouse Name", "Warehouse the order ships from."),
    ("Tracking ID", "The order's tracking number."),
    ("Delivery Option Type", "Delivery option type chosen by the buyer."),
    ("Delivery Option", "Delivery option chosen by the buyer."),
    ("Shipping Provider Name", "Shipping provider of the package."),
    ("Buyer Message", "Message left by the buyer."),
    ("Buyer Username", "Buyer's TikTok username."),
    ("Recipient", "Recipient name."),
    ("Phone #", "Recipient phone number."),
    ("Country", "Recipient country."),
    ("State", "Recipient state."),
    ("City", "Recipient city."),
    ("Zipcode", "Recipient zipcode."),
    ("Address Line 1", "Recipient address line 1."),
    ("Address Line 2", "Recipient address line 2."),
    ("Delivery Instruction", "Delivery instruction left by the buyer."),
    ("Payment Method", "Payment method of the order."),
    ("Weight(kg)", "Weight of the SKU in kilograms."),
    ("Product Category", "Product category."),
    ("Package ID", "Platform package ID."),
    ("Seller Note", "Note the seller added to the order."),
    ("Shipping Information", "Shipping information of the package."),
    ("Combined Listing", "Whether the SKU belongs to a combined listing."),
)
HEADERS = [h for h, _ in US_COLUMNS]
DESCRIPTIONS = [d for _, d in US_COLUMNS]
assert len(HEADERS) == 58, len(HEADERS)

# --- word lists for realistic values ---------------------------------------------------------------------------
FIRST = ("Jessica", "Ashley", "Brittany", "Amanda", "Samantha", "Sarah", "Stephanie", "Jennifer", "Elizabeth",
         "Lauren", "Megan", "Emily", "Nicole", "Kayla", "Amber", "Rachel", "Courtney", "Danielle", "Heather",
         "Melissa", "Michael", "Christopher", "Joshua", "Matthew", "David", "Daniel", "Andrew", "Justin", "James",
         "Robert", "Tyler", "Brandon", "Jose", "María José", "Zoë", "Nguyễn", "Aaliyah", "DeShawn", "Siobhan",
         "Li Wei", "Priya", "Mohammed", "Olivia", "Sophia", "Isabella", "Ava", "Mia", "Chloe", "Harper", "Evelyn")
LAST = ("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "O'Brien",
        "Van der Berg", "Washington-Carter", "Patel", "Kim")
STREETS = ("Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Pine St", "Elm St", "Washington Blvd", "Lakeview Dr",
           "Sunset Blvd", "Park Ave", "W Olympic Blvd", "N Broadway", "Martin Luther King Jr Way", "Highland Ave",
           "Country Club Rd", "Meadowbrook Ln", "S Congress Ave", "E Colfax Ave", "Peachtree St NE", "Ocean Dr")
UNITS = ("Apt 5B", "Apt 12", "Unit 304", "Suite 200", "# 7", "Apt 2R", "Bldg C Apt 14", "Lot 38", "Fl 3")
# (city, state, zip prefix, retail delivery fee)
CITIES = (("Los Angeles", "California", "900", ""), ("San Diego", "California", "921", ""),
          ("Houston", "Texas", "770", ""), ("Dallas", "Texas", "752", ""), ("Austin", "Texas", "787", ""),
          ("Miami", "Florida", "331", ""), ("Orlando", "Florida", "328", ""), ("New York", "New York", "100", ""),
          ("Brooklyn", "New York", "112", ""), ("Chicago", "Illinois", "606", ""),
          ("Phoenix", "Arizona", "850", ""), ("Philadelphia", "Pennsylvania", "191", ""),
          ("Atlanta", "Georgia", "303", ""), ("Seattle", "Washington", "981", ""),
          ("Denver", "Colorado", "802", "0.28"), ("Colorado Springs", "Colorado", "809", "0.28"),
          ("Minneapolis", "Minnesota", "554", "0.50"), ("Columbus", "Ohio", "432", ""),
          ("Charlotte", "North Carolina", "282", ""), ("Las Vegas", "Nevada", "891", ""),
          ("Nashville", "Tennessee", "372", ""), ("Detroit", "Michigan", "482", ""),
          ("Portland", "Oregon", "972", ""), ("Boston", "Massachusetts", "021", ""))
AREA_CODES = ("213", "310", "619", "713", "214", "512", "305", "407", "212", "718", "312", "602", "215", "404",
              "206", "303", "719", "612", "614", "704", "702", "615", "313", "503", "617")
MESSAGES = (
    "Please ship ASAP, it's a birthday gift for my daughter!",
    "Can you include a gift receipt? Thank you so much 😊",
    "Please don't put the price in the box, it's a present.",
    "I ordered the wrong size last time, please make sure this one is a Medium.",
    'If possible please write "Happy Anniversary" on a note inside. Thanks!',
    "Leave it with the front desk, I work nights and can't be home during the day.",
    "Hi! Saw this on your live, could you add the free scrunchie you mentioned? 🙏",
    "Need this by Friday for a trip, paid for faster shipping, thank you",
    "please double check the color is the sage green one and not the mint, thx",
    "Gracias! Por favor envíen lo antes posible.",
    "My last package was left in the rain, please use a waterproof bag if you can.\nThank you!",
    "Combine with my other order from yesterday if you can, same address.",
)
INSTRUCTIONS = ("Leave at front door", "Leave at back door, beware of dog", "Ring the bell, package room on the left",
                "Hand to front desk / concierge", "Gate code 4321#", "Leave by the garage, not the mailbox")
NOTES = ("VIP buyer - add thank-you card", "Replacement for order with damaged item", "Check size before packing",
         "Live stream giveaway winner", "Bundle with free sample")
CANCEL_REASONS = ("No longer needed", "Payment method issue", "Package delivery delay", "Found a better price",
                  "Need to change shipping address", "Out of stock", "Pricing error")
PAYMENT = ("Credit card", "Credit card", "Credit card", "PayPal", "Apple Pay", "Google Pay", "Klarna", "Afterpay")
CATEGORIES = ("Womenswear & Underwear/Women's Tops/Hoodies & Sweatshirts", "Beauty & Personal Care/Makeup/Lips",
              "Beauty & Personal Care/Skincare/Serums & Essences", "Home Supplies/Home Organizers/Storage Boxes",
              "Phones & Electronics/Phone Accessories/Phone Cases", "Sports & Outdoor/Fitness/Yoga Mats",
              "Kitchenware/Drinkware/Tumblers", "Fashion Accessories/Jewelry/Necklaces",
              "Health/Nutrition/Vitamins & Supplements", "Pet Supplies/Dog Supplies/Toys")
ADJ = ("Oversized", "Vintage", "Premium", "Soft", "Lightweight", "Waterproof", "Stainless Steel", "Organic",
       "Handmade", "Adjustable", "Portable", "Reusable", "Long Lasting", "Non-Slip", "Cozy", "Aesthetic")
NOUNS = ("Hoodie Fleece Pullover Sweatshirt", "Lip Gloss Plumping Oil", "Vitamin C Brightening Serum",
         "Clear Storage Bins with Lids", "Magnetic Phone Case for iPhone 15 Pro Max", "Yoga Mat 6mm Thick",
         "Insulated Tumbler 40oz with Handle and Straw", "Gold Plated Paperclip Chain Necklace",
         "Gummies Hair Skin and Nails Vitamins", "Squeaky Plush Dog Toy")
TAILS = ("for Women Casual Fall Winter Tops", "Long Lasting Hydrating Shine", "with Hyaluronic Acid 1 fl oz",
         "Stackable Pantry Organizer Set of 4", "Shockproof with MagSafe", "for Home Gym Pilates",
         "Dishwasher Safe Leak Proof", "Dainty Layered Jewelry Gift for Her", "60 Count Strawberry Flavor",
         "for Small Medium Dogs 3 Pack")
COLORS = ("Black", "White", "Sage Green", "Dusty Pink", "Navy", "Heather Grey", "Cream", "Lavender", "Clear", "Gold")
SIZES = ("XS", "S", "M", "L", "XL", "2XL")


def _catalogue(rng: random.Random, n_products: int = 300) -> list[tuple]:
    """(sku_id, seller_sku, product_name, variation, price, weight, category) for every SKU of the shop."""
    skus = []
    for p in range(n_products):
        kind = p % len(NOUNS)
        name = f"{rng.choice(ADJ)} {NOUNS[kind]} {TAILS[kind]}"
        if rng.random() < 0.3:
            name += f" - {rng.choice(('2025 New', 'Best Seller', 'TikTok Made Me Buy It', 'Gift Idea'))}"
        price = rng.choice((9.99, 12.5, 14.99, 19.99, 24.99, 29.99, 34.99, 39.99, 49.99, 59.99, 89.99))
        weight = round(rng.uniform(0.05, 1.6), 2)
        colors = rng.sample(COLORS, rng.randint(1, 4))
        sizes = rng.sample(SIZES, rng.randint(2, 5)) if kind == 0 else [""]
        for color in colors:
            for size in sizes:
                sku_id = str(1729000000000000000 + rng.randrange(10**15))
                seller_sku = f"TS-{kind:02d}{p:03d}-{color[:3].upper()}" + (f"-{size}" if size else "")
                variation = f"{color}, {size}" if size else color
                skus.append((sku_id, seller_sku, name, variation, price, weight, CATEGORIES[kind]))
    return skus


def _when(t: dt.datetime) -> str:
    """MM/DD/YYYY h:mm:ss AM/PM, as US Seller Center exports write times."""
    hour = t.hour % 12 or 12
    return f"{t:%m/%d/%Y} {hour}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"


def _money(x: float) -> str:
    return f"{x:.2f}"


def iter_lines(n: int, seed: int = SEED):
    """N order lines (lists of 58 strings) of a US shop: 1-4 lines per order, order-level values repeated on every
    line, empty cells where exports have them. The same ``n`` and ``seed`` always give the same lines."""
    rng = random.Random(seed)
    catalogue = _catalogue(rng)
    start = dt.datetime(2026, 8, 28, 0, 0, 0)
    order_id = 576461413038785752
    made = 0
    while made < n:
        order_id += rng.randint(1, 4_000_000_000)
        n_lines = min(n - made, rng.choices((1, 2, 3, 4), weights=(62, 24, 9, 5))[0])
        made += n_lines
        created = start + dt.timedelta(seconds=rng.randrange(90 * 86400))
        paid = created + dt.timedelta(seconds=rng.randint(3, 900))
        status_pick = rng.random()
        if status_pick < 0.14:
            status, sub = "To ship", "Awaiting shipment"
        elif status_pick < 0.20:
            status, sub = "To ship", "Awaiting collection"
        elif status_pick < 0.32:
            status, sub = "Shipped", "In transit"
        elif status_pick < 0.48:
            status, sub = "Shipped", "Delivered"
        elif status_pick < 0.93:
            status, sub = "Completed", "Completed"
        else:
            status, sub = "Canceled", "Canceled"
        cancelled = status == "Canceled"
        rts = shipped = delivered = cancel_time = ""
        if sub != "Awaiting shipment" and not cancelled:
            t = paid + dt.timedelta(seconds=rng.randint(3600, 2 * 86400))
            rts = _when(t)
            if status != "To ship":
                t += dt.timedelta(seconds=rng.randint(1800, 86400))
                shipped = _when(t)
                if sub in ("Delivered", "Completed"):
                    delivered = _when(t + dt.timedelta(seconds=rng.randint(2 * 86400, 6 * 86400)))
        if cancelled:
            cancel_time = _when(paid + dt.timedelta(seconds=rng.randint(60, 86400)))
        city, state, zip_prefix, rdf = rng.choice(CITIES)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        recipient = f"{first} {last}"
        username = f"{first.split()[0].lower()}{rng.choice(('', '.', '_'))}{last[:5].lower().replace(' ', '')}" \
                   f"{rng.randint(1, 9999) if rng.random() < 0.7 else ''}"
        phone = f"(+1){rng.choice(AREA_CODES)}*****{rng.randint(0, 99):02d}"
        zipcode = f"{zip_prefix}{rng.randint(0, 99):02d}" + (f"-{rng.randint(0, 9999):04d}" if rng.random() < 0.1
                                                              else "")
        address1 = f"{rng.randint(1, 19999)} {rng.choice(STREETS)}"
        address2 = rng.choice(UNITS) if rng.random() < 0.3 else ""
        message = rng.choice(MESSAGES) if rng.random() < 0.12 else ""
        instruction = rng.choice(INSTRUCTIONS) if rng.random() < 0.08 else ""
        note = rng.choice(NOTES) if rng.random() < 0.04 else ""
        provider, tracking = "", ""
        if not cancelled:
            provider = rng.choice(("USPS", "USPS", "USPS", "UPS", "FedEx"))
            if sub != "Awaiting shipment":
                if provider == "USPS":
                    tracking = f"9400111{rng.randrange(10**15):015d}"
                elif provider == "UPS":
                    tracking = "1Z" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(16))
                else:
                    tracking = f"{rng.randrange(10**12):012d}"
        package_id = str(1152921504606846976 // 10 + rng.randrange(10**17))
        warehouse = rng.choice(("Main Warehouse - Ontario CA", "Main Warehouse - Ontario CA", "NJ Overflow 3PL"))
        payment = rng.choice(PAYMENT)
        pre_order = "Pre-order" if rng.random() < 0.02 else "Normal"
        items = rng.sample(catalogue, n_lines)
        lines = []
        subtotal_all = 0.0
        for sku_id, seller_sku, name, variation, price, weight, category in items:
            qty = rng.choices((1, 2, 3, 4), weights=(80, 14, 4, 2))[0]
            before = price * qty
            platform = round(before * rng.choice((0.05, 0.1, 0.15)), 2) if rng.random() < 0.2 else 0.0
            seller = round(before * rng.choice((0.1, 0.2)), 2) if rng.random() < 0.3 else 0.0
            after = before - platform - seller
            subtotal_all += after
            returned = qty if (status == "Completed" and rng.random() < 0.03) else 0
            lines.append([sku_id, seller_sku, name, variation, str(qty), str(returned), _money(price),
                          _money(before), _money(platform), _money(seller), _money(after),
                          f"{weight * qty:.2f}", category, returned])
        original_ship = rng.choice((0.0, 0.0, 4.99, 5.99, 7.99))
        ship_seller = original_ship if (original_ship and rng.random() < 0.3) else 0.0
        ship_platform = round(min(original_ship - ship_seller, 3.0), 2) if rng.random() < 0.4 else 0.0
        ship_after = original_ship - ship_seller - ship_platform
        taxes = round(subtotal_all * 0.0825, 2)
        pay_discount = 2.0 if payment == "Klarna" and rng.random() < 0.3 else 0.0
        amount = subtotal_all + ship_after + taxes + (float(rdf) if rdf else 0.0) - pay_discount
        refund = sum(float(ln[10]) for ln in lines if ln[13]) if not cancelled else amount
        cancel_by = rng.choice(("User", "User", "System", "Seller")) if cancelled else ""
        cancel_reason = rng.choice(CANCEL_REASONS) if cancelled else ""
        for ln in lines:
            (sku_id, seller_sku, name, variation, qty, returned, price, before, platform, seller, after, weight,
             category, returned_n) = ln
            ret_type = "Cancel" if cancelled else ("Return/Refund" if returned_n else "")
            yield [
                str(order_id), status, sub, ret_type, pre_order, sku_id, seller_sku, name, variation, qty, returned,
                price, before, platform, seller, after, _money(ship_after), _money(original_ship),
                _money(ship_seller), "0.00", _money(ship_platform), _money(pay_discount), rdf or "0.00",
                _money(taxes), _money(amount), _money(refund) if refund else "0.00",
                _when(created), _when(paid), rts, shipped, delivered, cancel_time, cancel_by, cancel_reason,
                "Fulfillment by seller", warehouse, tracking, "Standard" if not cancelled else "",
                "Standard shipping" if not cancelled else "", provider, message, username, recipient, phone,
                "United States", state, city, zipcode, address1, address2, instruction, payment, weight, category,
                package_id, note, "", "",
            ]


def write_csv(path: Path, n: int, seed: int = SEED) -> None:
    """The export as a CSV: UTF-8 with BOM, CRLF line ends, header then the description row then the lines."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(HEADERS)
        writer.writerow(DESCRIPTIONS)
        writer.writerows(iter_lines(n, seed))


def write_xlsx(path: Path, n: int, seed: int = SEED) -> None:
    """The same lines as an XLSX export: sheet OrderSKUList, every cell a text cell, empty cells not written."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = workbook.add_worksheet("OrderSKUList")
    write_string = ws.write_string
    rows = [HEADERS, DESCRIPTIONS]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                write_string(r, c, v)
    for r, row in enumerate(iter_lines(n, seed), start=2):
        for c, v in enumerate(row):
            if v:
                write_string(r, c, v)
    workbook.close()


# ---------------------------------------------------------------------------------------------------------------
# Children: each measurement runs in a fresh interpreter and reports its own time and peak memory.
# ---------------------------------------------------------------------------------------------------------------
def _status_kb(field: str) -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


# Functions of tkops timed by --stages: (module, attribute where callers look it up). Wrapped in the child only; a
# name that no longer exists is reported and skipped (tkops changes while this script stays).
STAGES = (
    ("tkops.jobs.import_orders", "read_orders"), ("tkops.sources", "_load"), ("tkops.sources", "parse_csv"),
    ("tkops.sources", "sheet_headers"), ("tkops.sources", "read_sheet"), ("tkops.sources", "file_hash"),
    ("tkops.sources.base", "pick_columns"), ("tkops.sources.base", "normalize"),
    ("tkops.values", "choose_date_format"), ("tkops.values", "money"), ("tkops.values", "ids"),
    ("tkops.values", "integers"), ("tkops.values", "datetimes"), ("tkops.values", "clean_text"),
    ("tkops.values", "truncate_long"), ("tkops.sources.normalize", "_fill_order_level"),
    ("tkops.sources.normalize", "canonical_statuses"), ("tkops.jobs.import_orders", "sheet_frame"),
    ("tkops.jobs.import_orders", "merge_lines"), ("tkops.book", "write_workbook"), ("tkops.book.xlsx_new", "write_sheet"),
    ("tkops.book.xlsx_new", "_add_table"), ("tkops.book.xlsx_new", "column_values"),
)


def _install_stage_timers() -> dict:
    """Wrap the STAGES functions with timers (outermost call only) that also note RSS and peak RSS after them."""
    import functools
    import importlib

    found: dict = {"timings": {}, "missing": []}
    for module_name, attr in STAGES:
        module = importlib.import_module(module_name)
        func = getattr(module, attr, None)
        if func is None:
            found["missing"].append(f"{module_name}.{attr}")
            continue
        label = f"{module_name}.{attr}"
        entry = found["timings"].setdefault(label, {"seconds": 0.0, "calls": 0, "rss_mb": 0, "peak_mb": 0})
        depth = [0]

        def wrapper(*a, __func=func, __entry=entry, __depth=depth, **k):
            __depth[0] += 1
            t0 = time.perf_counter()
            try:
                return __func(*a, **k)
            finally:
                __depth[0] -= 1
                if __depth[0] == 0:
                    __entry["seconds"] += time.perf_counter() - t0
                    __entry["calls"] += 1
                    __entry["rss_mb"] = _status_kb("VmRSS") // 1024
                    __entry["peak_mb"] = _status_kb("VmHWM") // 1024

        setattr(module, attr, functools.wraps(func)(wrapper))
    return found


def print_stages(stages: dict) -> None:
    print("| seconds | calls | RSS after (MB) | peak so far (MB) | function (outermost calls; nested ones overlap) |")
    print("|---:|---:|---:|---:|---|")
    for label, e in sorted(stages["timings"].items(), key=lambda kv: -kv[1]["seconds"]):
        if e["calls"]:
            print(f"| {e['seconds']:.2f} | {e['calls']} | {e['rss_mb']:,} | {e['peak_mb']:,} | `{label}` |")
    if stages["missing"]:
        print("not found in this tkops (renamed or removed): " + ", ".join(stages["missing"]))


def _child(task: str, args: argparse.Namespace) -> dict:
    t0 = time.perf_counter()
    if task == "baseline":
        import pandas as pd
        import xlsxwriter
    else:
        import pandas as pd  # noqa: F401  (tkops imports it anyway)
        import tkops.cli
        import tkops.sources
        import tkops.settings
    import_seconds = time.perf_counter() - t0
    stages = _install_stage_timers() if args.stage_timers else None
    start_kb = _status_kb("VmRSS")
    check: dict = {}
    t0 = time.perf_counter()
    if task == "baseline":
        frame = pd.read_csv(args.csv, dtype=str, keep_default_na=False)
        workbook = xlsxwriter.Workbook(args.book, {"constant_memory": True})
        ws = workbook.add_worksheet()
        ws.write_row(0, 0, list(frame.columns))
        write_row = ws.write_row
        for r, row in enumerate(frame.itertuples(index=False, name=None), start=1):
            write_row(r, 0, row)
        workbook.close()
        check["rows"] = len(frame)
    elif task == "tkops_import":
        argv = ["import", args.csv, "--book", args.book, "--market", "US"]
        if args.profile_to:
            import cProfile

            profiler = cProfile.Profile()
            code = profiler.runcall(tkops.cli.main, argv)
            profiler.dump_stats(args.profile_to)
        else:
            code = tkops.cli.main(argv)
        check["exit_code"] = code
    elif task == "tkops_import_xlsx":
        code = tkops.cli.main(["import", args.xlsx, "--book", args.book, "--market", "US"])
        check["exit_code"] = code
    elif task == "tkops_guard_xlsx":
        import tkops.sources.guard as guard

        guard.check_package(Path(args.xlsx), "xlsx", guard.Limits.of(None))
        check["checked"] = True
    elif task == "tkops_read_xlsx":
        result = tkops.sources.read_orders(args.xlsx, tkops.settings.Settings(market="US"))
        check["rows"] = len(result.table.frame)
        check["skipped"] = result.table.skipped_rows
        check["source"] = result.table.source
    elif task == "openpyxl_read_xlsx":
        frame = pd.read_excel(args.xlsx, sheet_name="OrderSKUList", dtype=str, engine="openpyxl")
        check["rows"] = len(frame)
    else:
        raise SystemExit(f"unknown task {task}")
    seconds = time.perf_counter() - t0
    hwm_kb = _status_kb("VmHWM")
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":
        maxrss_kb //= 1024
    if stages is not None:
        check["stages"] = stages
    if task in ("tkops_import", "tkops_import_xlsx") and check["exit_code"] == 0:  # check the new workbook
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(args.book)
        data = book.get_sheet_by_name("Orders").to_python()
        check["orders_rows"] = len(data) - 1
        check["orders_columns"] = len(data[0]) if data else 0
        check["sheets"] = list(book.sheet_names)
    return {"task": task, "seconds": seconds, "import_seconds": import_seconds, "start_rss_kb": start_kb,
            "peak_rss_kb": maxrss_kb, "vm_hwm_kb": hwm_kb, "check": check}


def run_child(task: str, files: dict, profile_to: str = "", stages: bool = False) -> dict:
    """Run one measurement in a fresh interpreter; returns its report (raises when it failed)."""
    result_path = Path(files["work"]) / f"result-{task}.json"
    if result_path.exists():
        result_path.unlink()
    book = Path(files["work"]) / {"baseline": "baseline.xlsx", "tkops_import_xlsx": "tkops-book-xlsx.xlsx"}.get(
        task, "tkops-book.xlsx")
    if book.exists():
        book.unlink()  # (b) must create a new workbook every time
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", task, "--result", str(result_path),
           "--csv", str(files["csv"]), "--xlsx", str(files["xlsx"]), "--book", str(book)]
    if profile_to:
        cmd += ["--profile-to", profile_to]
    if stages:
        cmd += ["--stage-timers"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=files["work"])
    if proc.returncode != 0 or not result_path.exists():
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"measurement {task} failed (exit {proc.returncode})")
    report = json.loads(result_path.read_text())
    report["stdout"] = proc.stdout.strip()
    return report


# ---------------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------------
def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict:
    cpus = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0, 0, 0)
    try:
        with open("/proc/meminfo") as fh:
            mem_gb = int(fh.readline().split()[1]) / 1024 / 1024
    except OSError:
        mem_gb = 0.0
    return {
        "CPU": f"{_cpu_model()}, {cpus} CPUs ({usable} usable)",
        "memory": f"{mem_gb:.1f} GB",
        "load average at start": " / ".join(f"{x:.2f}" for x in load),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "pandas": _version("pandas"), "numpy": _version("numpy"), "XlsxWriter": _version("XlsxWriter"),
        "python-calamine": _version("python-calamine"), "openpyxl": _version("openpyxl"),
        "tkops": _version("tkops") + _git_state(),
    }


def _git_state() -> str:
    """The commit of the tkops tree measured, and whether tkops/ had uncommitted changes (others edit it)."""
    try:
        root = HERE.parent
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                              timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "tkops"], cwd=root, capture_output=True,
                               text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    if not head:
        return ""
    return f" (commit {head}" + (", with uncommitted changes in tkops/)" if dirty else ")")


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def _mb(kb: float) -> str:
    return f"{kb / 1024:,.0f} MB"


def build_report(n: int, repeat: int, results: dict[str, list[dict]], files: dict, env: dict) -> str:
    a, b, c, d, e, g = (results[k] for k in ("baseline", "tkops_import", "tkops_read_xlsx", "openpyxl_read_xlsx",
                                              "tkops_import_xlsx", "tkops_guard_xlsx"))
    ta, tb, tc, td, te, tg = (_median(r, "seconds") for r in (a, b, c, d, e, g))
    peak_e_gb = max(x["peak_rss_kb"] for x in e) / 1024 / 1024
    peak = {k: max(x["peak_rss_kb"] for x in v) for k, v in results.items()}
    start = {k: statistics.median(x["start_rss_kb"] for x in v) for k, v in results.items()}
    ratio_ba, ratio_dc = tb / ta, td / tc
    peak_b_gb = peak["tkops_import"] / 1024 / 1024

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    def row(label, key, seconds, target="", result=""):
        return (f"| {label} | {seconds:.2f} | {_mb(peak[key])} | {_mb(peak[key] - start[key])} | "
                f"{target} | {result} |")

    times = "median of %d runs" % repeat if repeat > 1 else "1 run"
    lines = [
        f"# tkops import benchmark: {n:,} order lines (US Seller Center layout, 58 columns)",
        "",
        f"CSV {files['csv_mb']:.1f} MB, XLSX {files['xlsx_mb']:.1f} MB (both with the description row under the "
        f"header). Times: {times}, in seconds, of the operation only (imports excluded), each in a fresh "
        "subprocess; peak RSS is the child's own `ru_maxrss` (whole process, interpreter and imports included); "
        "\"over start\" subtracts the RSS after imports.",
        "",
        "| measurement | seconds | peak RSS | peak over start | target | result |",
        "|---|---:|---:|---:|---|---|",
        row("(a) baseline: `pandas.read_csv(dtype=str)` + XlsxWriter constant_memory `write_row`", "baseline", ta),
        row("(b) `tkops import CSV --book NEW.xlsx --market US`", "tkops_import", tb,
            f"peak RSS <= {TARGET_PEAK_B_GB} GB", f"{verdict(peak_b_gb <= TARGET_PEAK_B_GB)} ({peak_b_gb:.2f} GB)"),
        f"| ratio (b) / (a) | {ratio_ba:.2f} | | | <= {TARGET_RATIO_B_A} | {verdict(ratio_ba <= TARGET_RATIO_B_A)} |",
        row("(c) tkops reader on the XLSX: `read_orders` (python-calamine)", "tkops_read_xlsx", tc),
        row("(d) `pandas.read_excel(engine='openpyxl', dtype=str)` on the XLSX", "openpyxl_read_xlsx", td),
        f"| ratio (d) / (c) | {ratio_dc:.2f} | | | >= {TARGET_RATIO_D_C} | {verdict(ratio_dc >= TARGET_RATIO_D_C)} |",
        row("(e) `tkops import XLSX --book NEW.xlsx --market US`", "tkops_import_xlsx", te,
            f"peak RSS <= {TARGET_PEAK_B_GB} GB", f"{verdict(peak_e_gb <= TARGET_PEAK_B_GB)} ({peak_e_gb:.2f} GB)"),
        row("(g) the door's package check alone on the XLSX (`guard.check_package`, part of (c) and (e))",
            "tkops_guard_xlsx", tg, "", f"{tg / tc:.0%} of (c)"),
        "",
        "Checks: " + "; ".join([
            f"(a) read {a[0]['check']['rows']:,} rows",
            f"(b) exit {b[0]['check']['exit_code']}, Orders sheet {b[0]['check'].get('orders_rows', '?'):,} rows x "
            f"{b[0]['check'].get('orders_columns', '?')} columns",
            f"(c) {c[0]['check']['rows']:,} lines, {c[0]['check']['skipped']} skipped (description row)",
            f"(d) {d[0]['check']['rows']:,} rows",
            f"(e) exit {e[0]['check']['exit_code']}, Orders sheet {e[0]['check'].get('orders_rows', '?'):,} rows",
        ]) + ".",
        "Imports (s, not in the times): " + ", ".join(
            f"{k} {_median(v, 'import_seconds'):.2f}" for k, v in results.items()) + ".",
    ]
    if repeat > 1:
        lines.append("All runs (s): " + "; ".join(
            f"{k} " + ", ".join(f"{x['seconds']:.2f}" for x in v) for k, v in results.items()) + ".")
    lines += ["", "| machine | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in env.items()]
    return "\n".join(lines) + "\n"


def print_profile(path: str, top: int = 30, kept: bool = True) -> None:
    """The functions of tkops with the most cumulative time, then everything by own time."""
    import pstats

    stats = pstats.Stats(path)
    rows = []
    for (file, line, func), (cc, nc, tt, ct, callers) in stats.stats.items():
        if "/tkops/" in file:
            rel = file[file.rindex("/tkops/") + 1:]
            rows.append((ct, tt, nc, f"{rel}:{line} {func}"))
    rows.sort(reverse=True)
    where = path if kept else "not kept: give --work DIR to keep the .prof file"
    print(f"\nProfile of (b), functions in tkops by cumulative seconds (cProfile; full stats: {where})")
    print("| cumulative s | own s | calls | function |\n|---:|---:|---:|---|")
    for ct, tt, nc, name in rows[:top]:
        print(f"| {ct:.2f} | {tt:.2f} | {nc:,} | `{name}` |")
    print("\nTop 25 of everything by own time:")
    stats.sort_stats("tottime").print_stats(25)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=100_000, help="order lines to generate (default 100000)")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="folder for import.md (default benchmarks/out)")
    parser.add_argument("--work", help="folder for the generated files and workbooks (kept); default: a temporary "
                                       "folder removed at the end")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement; the median is reported")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--profile", action="store_true", help="after the measurements, run (b) once more under "
                                                                "cProfile and print the tkops hotspots")
    parser.add_argument("--stages", action="store_true", help="after the measurements, run (b) once more with "
                                                               "timers on its main tkops functions (no cProfile "
                                                               "overhead) and print seconds and memory per stage")
    # internal: one measurement in a child process
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--csv", help=argparse.SUPPRESS)
    parser.add_argument("--xlsx", help=argparse.SUPPRESS)
    parser.add_argument("--book", help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", help=argparse.SUPPRESS)
    parser.add_argument("--stage-timers", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        report = _child(args.child, args)
        Path(args.result).write_text(json.dumps(report))
        return 0

    env = machine()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="tkops-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        csv_path, xlsx_path = work / f"us_orders_{args.lines}.csv", work / f"us_orders_{args.lines}.xlsx"
        t0 = time.perf_counter()
        print(f"generating {args.lines:,} lines into {work} ...", flush=True)
        write_csv(csv_path, args.lines, args.seed)
        write_xlsx(xlsx_path, args.lines, args.seed)
        print(f"  done in {time.perf_counter() - t0:.1f} s (not measured)", flush=True)
        files = {"work": str(work), "csv": str(csv_path), "xlsx": str(xlsx_path),
                 "csv_mb": csv_path.stat().st_size / 1e6, "xlsx_mb": xlsx_path.stat().st_size / 1e6}
        results: dict[str, list[dict]] = {}
        labels = {"baseline": "(a) baseline read_csv + XlsxWriter", "tkops_import": "(b) tkops import",
                  "tkops_read_xlsx": "(c) tkops reader on XLSX (calamine)",
                  "openpyxl_read_xlsx": "(d) pandas.read_excel openpyxl",
                  "tkops_import_xlsx": "(e) tkops import XLSX", "tkops_guard_xlsx": "(g) door check of the XLSX"}
        for task in labels:
            for i in range(args.repeat):
                r = run_child(task, files)
                results.setdefault(task, []).append(r)
                print(f"{labels[task]}: {r['seconds']:.2f} s, peak RSS {_mb(r['peak_rss_kb'])} "
                      f"(VmHWM {_mb(r['vm_hwm_kb'])}), check {r['check']}", flush=True)
                if task == "tkops_import" and i == 0 and r["stdout"]:
                    print("    " + r["stdout"].replace("\n", "\n    "))
        if results["tkops_import"][0]["check"]["exit_code"] != 0:
            raise SystemExit("tkops import failed; see its messages above")
        env["load average at end"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
        report = build_report(args.lines, args.repeat, results, files, env)
        print()
        print(report)
        (out / "import.md").write_text(report, encoding="utf-8")
        print(f"written to {out / 'import.md'}")
        if args.profile:
            prof = str(work / "tkops_import.prof")
            r = run_child("tkops_import", files, profile_to=prof)
            print(f"\n(b) under cProfile: {r['seconds']:.2f} s (cProfile slows the many small calls of the "
                  "cell-writing loop most; see --stages for un-profiled times)")
            print_profile(prof, kept=bool(args.work))
        if args.stages:
            r = run_child("tkops_import", files, stages=True)
            print(f"\n(b) with stage timers: {r['seconds']:.2f} s, peak RSS {_mb(r['peak_rss_kb'])}")
            print_stages(r["check"]["stages"])
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
