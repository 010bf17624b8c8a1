"""Properties over random order frames: every ordered unit is on the pick list exactly once (bundles expanded),
every order sits in one wave, waves respect the setting and the cap, rows keep walking order."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.picking.conftest import BUNDLES, T0, order_id
from tkops.picking import pick_list, released, waves

COMPONENTS = {"gift-set": {"mug": 1, "cap": 1}, "tee-2pk": {"tee-m": 2}}
SKUS = ["TEE-M", "tee-m", "TEE-L", "MUG", "CAP", "PIN", "SOCK", "GIFT-SET", "TEE-2PK", "GHOST", ""]
BINS = ["A-1", "A-2", "A-10", "B-01-03", "B-1-2", "", "C-9"]

line_st = st.fixed_dictionaries({
    "sku": st.sampled_from(SKUS), "qty": st.integers(0, 4), "status": st.sampled_from(["Ready", "Ready", "Hold"]),
    "picked": st.sampled_from([None, None, "yes"]),
})
order_st = st.tuples(st.lists(line_st, min_size=1, max_size=3), st.one_of(st.none(), st.integers(0, 30)),
                     st.sampled_from(["Awaiting Shipment", "Shipped", ""]))
location_st = st.tuples(st.sampled_from(["TEE-M", "TEE-L", "MUG", "CAP", "PIN", "SOCK"]),
                        st.sampled_from(["A", "B", ""]), st.sampled_from(BINS),
                        st.one_of(st.none(), st.integers(0, 6)))


def build(orders, locations) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    for n, (lines, minute, status) in enumerate(orders, start=1):
        paid = None if minute is None else T0 + dt.timedelta(minutes=minute)
        for ln in lines:
            rows.append({"order_id": order_id(n), "order_status": status, "seller_sku": ln["sku"],
                         "sku_id": "" if ln["sku"] else "1729000000000000001", "product_name": "P",
                         "quantity": ln["qty"], "paid_time": paid, "Review Status": ln["status"],
                         "Picked": ln["picked"]})
    columns = ["order_id", "order_status", "seller_sku", "sku_id", "product_name", "quantity", "paid_time",
               "Review Status", "Picked"]
    lines = pd.DataFrame(rows, columns=columns, index=range(100, 100 + len(rows)))
    inventory = pd.DataFrame(locations, columns=["Seller SKU", "Zone", "Bin", "On Hand"])
    return lines, inventory


def expected_units(ready: pd.DataFrame) -> Counter:
    want: Counter = Counter()
    for sku, sku_id, qty in zip(ready["seller_sku"], ready["sku_id"], ready["quantity"]):
        key = sku.casefold() if sku else sku_id
        for part, per in COMPONENTS.get(key, {key: 1}).items():
            want[part] += per * qty
    return want


@settings(max_examples=100, deadline=None)
@given(st.lists(order_st, min_size=0, max_size=12), st.lists(location_st, max_size=10), st.booleans(),
       st.one_of(st.none(), st.integers(1, 4)))
def test_pick_list_properties(orders, locations, separate, cap):
    lines, inventory = build(orders, locations)
    ready = released(lines)
    wave = waves(ready, separate_single=separate, max_orders=cap, bundles=BUNDLES)
    pick = pick_list(ready, inventory, BUNDLES, wave)

    got: Counter = Counter()
    for sku, qty in zip(pick["seller_sku"], pick["quantity"]):
        got[sku.casefold()] += qty
    assert got == +expected_units(ready)

    per_order = pd.DataFrame({"order": ready["order_id"], "wave": wave})
    assert (per_order.groupby("order")["wave"].nunique() == 1).all()
    numbers = sorted(per_order["wave"].unique())
    assert numbers == list(range(1, len(numbers) + 1))
    orders_per_wave = per_order.drop_duplicates("order").groupby("wave").size()
    if cap:
        assert (orders_per_wave <= cap).all()
    if separate:
        units = ready["quantity"].groupby(ready["order_id"]).sum()  # no bundle in a one-unit order counts twice
        for _, group in per_order.drop_duplicates("order").groupby("wave"):
            kinds = {units[o] == 1 and not _has_bundle(ready, o) for o in group["order"]}
            assert len(kinds) == 1

    for w, rows in pick.groupby("wave"):
        served = {o for cell in rows["order_ids"] for o in cell.split(", ")}
        assert served <= set(per_order.loc[per_order["wave"] == w, "order"])
        rank = [2 if "unknown_sku" in f else 1 if "no_bin" in f else 0 for f in rows["flags"]]
        assert rank == sorted(rank)


def _has_bundle(ready: pd.DataFrame, order: str) -> bool:
    skus = ready.loc[ready["order_id"] == order, "seller_sku"].str.casefold()
    return skus.isin(["gift-set", "tee-2pk"]).any()
