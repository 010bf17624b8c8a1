"""Benchmark of the review core on realistic canonical order lines (run on demand, not a pytest test)::

    python tests/review/bench_review.py                  # 10,000, 50,000 and 100,000 lines
    python tests/review/bench_review.py 2000 20000       # other sizes

Lines are generated straight into the canonical frame (16 markets, masked and plain phones, a few bad addresses,
buyer messages in several languages, bundles, some stock shortages), deterministically. Prints the time of each
size, the growth from the smallest to the largest size and the problem counts. The issue's targets: growth
linear (100,000 lines at most 12x the 10,000 time) and the review no slower than importing the same lines.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.review.conftest import BASE, CLEAN, NOW  # noqa: E402
from tkops.review import review  # noqa: E402
from tkops.settings import Settings  # noqa: E402

MESSAGES = ["", "", "", "", "", "", "", "", "", "Please send black instead", "gift, no price please",
            "quiero talla G", "bitte schnell", "ขอสีดำค่ะ", "至急お願いします", "thanks!", "cancel please"]
BAD = [{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {"zipcode": "123"},
       {"address_line_1": "N/A"}, {"phone": "12"}, {"address_line_1": "PO Box 12"}, {"city": ""}]
SKUS = [f"SKU-{i:03d}" for i in range(400)]


def make_lines(n: int, seed: int = 20261125) -> pd.DataFrame:
    """``n`` canonical order lines."""
    rnd = random.Random(seed)
    markets = list(CLEAN)
    rows, order = [], 0
    while len(rows) < n:
        order += 1
        market = rnd.choice(markets)
        paid = NOW - dt.timedelta(minutes=rnd.randint(5, 3000))
        shared = {**BASE, **CLEAN[market], **rnd.choice(BAD), "order_id": f"57{order:016d}", "paid_time": paid,
                  "created_time": paid, "buyer_username": f"user{rnd.randint(1, n)}",
                  "address_line_2": f"Unit {rnd.randint(1, 10**6)}", "buyer_message": rnd.choice(MESSAGES),
                  "order_amount": round(rnd.uniform(5, 400), 2)}
        if rnd.random() < 0.6 and "*" not in shared["phone"]:
            shared["phone"] = shared["phone"][:5] + "*****" + shared["phone"][-2:]
        for _ in range(rnd.choice([1, 1, 1, 2, 3])):
            rows.append({**shared, "seller_sku": rnd.choice(SKUS + ["KIT-1", "KIT-2"]), "quantity": rnd.randint(1, 3),
                         "variation": rnd.choice(["White, M", "Black, L", "Red, S", "Blue, XL"])})
    return pd.DataFrame(rows[:n])


def sheets() -> tuple[pd.DataFrame, pd.DataFrame]:
    inventory = pd.DataFrame({"Seller SKU": SKUS, "On Hand": [random.Random(i).randint(0, 400) for i in range(400)],
                              "Product Name": "Tee", "Variation": "White, M"})
    bundles = pd.DataFrame({"Bundle SKU": ["KIT-1", "KIT-1", "KIT-2"], "Component SKU": ["SKU-001", "SKU-002",
                                                                                        "SKU-003"],
                            "Quantity": [1, 2, 3]})
    return inventory, bundles


def main(sizes: list[int]) -> None:
    inventory, bundles = sheets()
    times = {}
    for n in sizes:
        lines = make_lines(n)
        start = time.perf_counter()
        result = review(lines, inventory, bundles, None, Settings(), NOW)
        times[n] = time.perf_counter() - start
        print(f"{n:>8,} lines: {times[n]:6.2f} s  ({len(result.problems):,} problems, "
              f"{result.summary['hold']:,} on hold)")
    small, large = min(times), max(times)
    print(f"growth {large // small}x lines -> {times[large] / times[small]:.1f}x time "
          f"(target: at most {1.2 * large / small:.0f}x)")
    print(result.summary["by_code"])


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 50_000, 100_000])
