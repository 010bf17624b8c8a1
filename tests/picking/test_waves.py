"""Waves: single-item and multi-item orders apart, a cap on orders per wave, deterministic numbering."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.picking.conftest import BUNDLES, frame, line, order_id
from tkops.picking import order_table, wave_summary, waves

BOXED = pd.concat([BUNDLES, pd.DataFrame({"Bundle SKU": ["MUG-BOX"], "Component SKU": ["MUG"], "Quantity": [1]})],
                  ignore_index=True)


def sample() -> pd.DataFrame:
    """Orders 1..8 paid a minute apart. Singles: 1, 3, 7 (a bundle of one mug), 8. Multis: 2 (two lines),
    4 (quantity 2), 5 (a gift set of two parts), 6 (a two-pack)."""
    return frame(line(1, "MUG"), line(2, "TEE-M"), line(2, "CAP"), line(3, "CAP"), line(4, "PIN", qty=2),
                 line(5, "GIFT-SET"), line(6, "TEE-2PK"), line(7, "MUG-BOX"), line(8, "SOCK"))


def by_order(lines: pd.DataFrame, wave: pd.Series) -> dict[int, int]:
    """Order number -> wave; fails if two lines of one order got different waves."""
    pairs = {(int(o[-5:]), int(w)) for o, w in zip(lines["order_id"], wave)}
    assert len({o for o, _ in pairs}) == len(pairs), pairs
    return dict(sorted(pairs))


def test_single_and_multi_apart():
    lines = sample()
    assert by_order(lines, waves(lines, bundles=BOXED)) == {1: 1, 3: 1, 7: 1, 8: 1, 2: 2, 4: 2, 5: 2, 6: 2}


def test_cap_per_wave_numbered_by_first_paid_order():
    lines = sample()
    got = by_order(lines, waves(lines, max_orders=2, bundles=BOXED))
    # singles [1, 3] [7, 8]; multis [2, 4] [5, 6]; numbered by each wave's first order: 1, 2, 5, 7
    assert got == {1: 1, 3: 1, 2: 2, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4}


def test_not_separated_cap_three():
    got = by_order(sample(), waves(sample(), separate_single=False, max_orders=3, bundles=BOXED))
    assert got == {1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2, 7: 3, 8: 3}


def test_without_bundles_a_bundle_line_counts_as_one_unit():
    lines = sample()
    got = by_order(lines, waves(lines))
    assert got == {1: 1, 3: 1, 5: 1, 6: 1, 7: 1, 8: 1, 2: 2, 4: 2}


def test_unpaid_orders_last_and_ties_by_order_id():
    lines = frame(line(3, "MUG", minutes=5), line(2, "MUG", minutes=5), line(1, "MUG", paid_time=None),
                  line(9, "MUG", minutes=0))
    got = waves(lines, max_orders=1)
    assert list(got) == [3, 2, 4, 1]  # order 9 paid first, then 2 and 3 (same minute, by ID), then unpaid 1
    assert got.index.equals(lines.index) and str(got.dtype) == "Int64"


def test_order_table_and_summary():
    lines = sample()
    orders = order_table(lines, BOXED)
    assert list(orders["order_id"]) == [order_id(n) for n in range(1, 9)]
    assert list(orders["units"]) == [1, 2, 1, 2, 2, 2, 1, 1]
    wave = waves(lines, separate_single=False, max_orders=4, bundles=BOXED)
    summary = wave_summary(lines, wave, BOXED)
    assert summary.to_dict("records") == [{"wave": 1, "kind": "mixed", "orders": 4, "units": 6},
                                          {"wave": 2, "kind": "mixed", "orders": 4, "units": 6}]
    assert list(wave_summary(lines, waves(lines, bundles=BOXED), BOXED)["kind"]) == ["single", "multi"]


def test_empty_and_bad_cap():
    empty = sample().iloc[:0]
    assert waves(empty).empty
    with pytest.raises(ValueError):
        waves(sample(), max_orders=-1)
