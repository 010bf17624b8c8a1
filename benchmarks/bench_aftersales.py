"""Benchmark of the after-sales cores on a year of cases (run on demand, not a pytest test)::

    python benchmarks/bench_aftersales.py                 # 200,000 cases
    python benchmarks/bench_aftersales.py --cases 20000   # a quick check

Times, in one run, on deterministic generated data:

- ``suggest`` (the Suggested Resolution of every case) against a baseline of the bare pandas join of the same cases
  with their order lines (the least any suggestion must do);
- ``classify_reasons`` on the return reasons of the same cases against a baseline of a plain dict lookup of each
  reason text;
- ``classify_text`` on buyer notes, including very long and repetitive ones, against ``str.casefold`` of the same
  texts.

Prints a Markdown table (best of three runs each) with the ratio to its baseline. Targets, per 200,000 cases and
scaled to the size run: suggest under 2 s (a year of cases of a busy shop refreshes at a button press), reasons
under 0.5 s, notes under 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tkops.aftersales.case_costs import CaseCosts  # noqa: E402
from tkops.aftersales.classify import classify_text  # noqa: E402
from tests.aftersales.generated_cases import generate  # noqa: E402
from tkops.aftersales.reasons import classify_reasons, default_reason_map  # noqa: E402
from tkops.aftersales.resolutions import suggest  # noqa: E402

NOW = dt.datetime(2026, 11, 20, 12, 0)
TARGET_SECONDS_PER_200K = {"suggest": 2.0, "classify_reasons": 0.5, "classify_text": 2.0}


def best_of(runs: int, work) -> float:
    """The shortest wall time of ``runs`` calls of ``work``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200_000)
    args = parser.parse_args(argv)
    n = args.cases
    cases, lines, inventory = generate(n, NOW)
    costs = CaseCosts.from_rows([["Setting", "Value"], ["Reship Shipping Cost", "USD 6.5"]])
    reasons = [r.text for r in default_reason_map().reasons]
    reason_texts = pd.Series(np.array(reasons, dtype=object)[np.arange(n) % len(reasons)], dtype=object)
    table = {t: r for t, r in zip(reasons, default_reason_map().reasons)}
    notes = pd.Series([f"order {i % 5000}: the lamp arrived too late and the box was open" for i in range(n)]
                      + ["blah " * 200_000 + "broken"] * 20, dtype=object)

    rows = [
        ("suggest", best_of(3, lambda: suggest(cases, lines, inventory, costs, None, NOW, zone="America/New_York")),
         "join of cases and lines", best_of(3, lambda: cases.merge(lines, on="order_id", how="left"))),
        ("classify_reasons", best_of(3, lambda: classify_reasons(reason_texts)),
         "dict lookup per reason", best_of(3, lambda: [table.get(t) for t in reason_texts])),
        ("classify_text", best_of(3, lambda: classify_text(notes)),
         "casefold per note", best_of(3, lambda: [t.casefold() for t in notes])),
    ]
    print(f"After-sales cores on {n:,} cases (best of 3; baseline measured in the same run)\n")
    print("| core | time (s) | baseline | baseline (s) | ratio | target (s) | result |")
    print("|---|---:|---|---:|---:|---:|---|")
    failed = False
    for name, took, base_name, base in rows:
        ratio = took / base if base else float("inf")
        target = TARGET_SECONDS_PER_200K[name] * n / 200_000
        ok = took <= target
        failed |= not ok
        print(f"| {name} | {took:.3f} | {base_name} | {base:.3f} | {ratio:.0f}x | <= {target:.2f} | "
              f"{'PASS' if ok else 'FAIL'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
