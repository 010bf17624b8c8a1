"""The stock ledger's sheet rules (tkops.stock.ledger_sheet) against hand-written frames: typed rows get an ID once,
typed On Hand values are recounts, the ledger's On Hand goes back on Inventory, received returns wait for a
condition."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from tkops.stock.ledger import COLUMNS
from tkops.stock.ledger_sheet import WRITTEN, received_returns, recounts, stamp, typed_rows, write_back

AT = dt.datetime(2026, 11, 25, 9, 5, 7)
EARLIER = dt.datetime(2026, 11, 24, 8, 0)


def log(*rows, index=None):
    return pd.DataFrame([dict(zip(COLUMNS, r)) for r in rows], columns=list(COLUMNS), index=index)


def inventory(*rows, written=True):
    frame = pd.DataFrame(rows, columns=["Seller SKU", "On Hand", WRITTEN])
    return frame if written else frame.drop(columns=[WRITTEN])


def ints(col):
    return [None if pd.isna(v) else int(v) for v in col]


def test_stamp_is_the_time_to_the_second():
    assert stamp(AT) == "20261125090507"


def test_typed_rows_get_an_id_a_time_and_a_lower_case_kind_once():
    frame = log(("ship|o1|id|0", EARLIER, "TEE", "ship", -1), (None, None, "TEE", " Adjust ", -2, None, "torn"),
                ("", EARLIER, "MUG", "count", 4), (None, None, "", "adjust", 1), (None, None, "CAP", "move", 3),
                (None, None, "HAT", None, 1), index=[0, 1, 2, 3, 5, 6])
    out, assigned, unknown = typed_rows(frame, AT)
    assert assigned == [1, 2, 5, 6] and unknown == [5, 6]
    assert [v if isinstance(v, str) else None for v in out["Movement ID"]] == [
        "ship|o1|id|0", "adjust|typed|20261125090507|3",
                                        "count|typed|20261125090507|4", None, "move|typed|20261125090507|7",
                                        "row|typed|20261125090507|8"]
    assert [None if pd.isna(v) else v for v in out["At"]] == [EARLIER, AT, EARLIER, None, AT, AT]
    assert [None if pd.isna(v) else v for v in out["Kind"]] == ["ship", "adjust", "count", "adjust", "move", None]
    assert list(frame["Kind"])[1] == " Adjust "  # the input is not changed
    again, assigned, _ = typed_rows(out, AT + dt.timedelta(hours=1))
    assert assigned == [] and again["Movement ID"].equals(out["Movement ID"])


def test_typed_on_hand_is_the_opening_count_on_first_use_then_only_a_changed_value():
    inv = inventory(("TEE", 10, None), ("MUG", 5.0, 5), ("CAP", None, 3), ("", 7, None), ("HAT", "x", None),
                    ("tee", 2, 1), ("BAG", 0, 0))
    first = recounts(inv, True, AT)
    assert list(first.columns) == list(COLUMNS)
    assert first[["Seller SKU", "Kind", "Quantity", "Reference"]].values.tolist() == [
        ["TEE", "count", 12, "opening"], ["MUG", "count", 5, "opening"], ["BAG", "count", 0, "opening"]]
    assert list(first["Movement ID"]) == ["count|opening|20261125090507|tee", "count|opening|20261125090507|mug",
                                          "count|opening|20261125090507|bag"]
    assert (first["At"] == AT).all()
    later = recounts(inv, False, AT)  # TEE: typed 12, written 1; MUG and BAG as written; CAP typed blank
    assert later[["Seller SKU", "Quantity", "Reference"]].values.tolist() == [["TEE", 12, "typed"]]
    assert later["Movement ID"].tolist() == ["count|typed|20261125090507|tee"]
    assert recounts(inv, False, AT, {"tee"}).empty
    assert recounts(inventory(("TEE", 4, None), written=False), False, AT)["Quantity"].tolist() == [4]
    assert recounts(pd.DataFrame(), True, AT).empty
    assert recounts(inventory(("TEE", np.nan, 3), ("MUG", float("inf"), None), ("CAP", True, None)), False,
                    AT).empty


def test_write_back_puts_the_ledgers_on_hand_and_remembers_it_and_keeps_bins():
    inv = inventory(("TEE", 10, 10), ("MUG", 5, None), ("CAP", 3, 3), ("CAP", 4, None), ("HAT", 9, None),
                    ("", None, None), written=True)
    out, changed, per_bin = write_back(inv, {"tee": 8, "MUG": 5, "CAP": 1})
    assert changed and per_bin == ["CAP"]
    assert ints(out["On Hand"])[:5] == [8, 5, 3, 4, 9] and ints(out[WRITTEN])[:5] == [8, 5, 3, 4, None]
    assert inv["On Hand"].tolist()[0] == 10  # the input is not changed
    again, changed, _ = write_back(out, {"tee": 8, "MUG": 5, "CAP": 1})
    assert not changed and again.equals(out)
    fresh, changed, per_bin = write_back(inventory(("TEE", 10, None), written=False), {"TEE": 10})
    assert changed and per_bin == [] and ints(fresh[WRITTEN]) == [10]
    assert write_back(inventory(("TEE", 10, 10)), {})[1] is False


def test_received_returns_need_a_condition_and_leave_cancelled_orders_out():
    cases = pd.DataFrame({"Case ID": ["r1", "r2", "r3", "C-o4", "r5", "r6"],
                          "Seller SKU": ["MUG", "TEE", "TEE", "TEE", "CAP", "HAT"], "Quantity": [1, 2, 1, 1, 1, 1],
                          "Received": ["Yes", "✓", "是", "Yes", "No", None],
                          "Return Condition": ["resellable", " damaged ", None, "resellable", "resellable", "ok"]})
    found, waiting = received_returns(cases)
    assert found.values.tolist() == [["r1", "MUG", 1, "resellable"], ["r2", "TEE", 2, "damaged"]]
    assert waiting == ["r3"]
    assert list(found.index) == [0, 1]
    none, waiting = received_returns(cases.drop(columns=["Received"]))
    assert list(none.columns) == ["case_id", "seller_sku", "quantity", "condition"] and none.empty and not waiting
    assert received_returns(pd.DataFrame())[0].empty
    bare, _ = received_returns(pd.DataFrame({"Case ID": ["r9"], "Received": ["Yes"], "Return Condition": ["ok"]}))
    assert [None if pd.isna(v) else v for v in bare.iloc[0]] == ["r9", None, None, "ok"]


def test_typed_rows_edges_a_blank_time_in_text_and_a_kind_without_a_sku():
    frame = log((None, "  ", "TEE", "count", 3), (None, None, "", "zzz", 1), (None, "2026-11-20 08:00", "MUG",
                                                                             "count", 1))
    out, assigned, unknown = typed_rows(frame, AT)
    assert assigned == [0, 2] and unknown == []
    assert out.at[0, "At"] == AT and out.at[2, "At"] == "2026-11-20 08:00" and pd.isna(out.at[1, "At"])


def test_write_back_goes_sku_by_sku_in_sheet_order():
    inv = inventory(("HAT", 1, None), ("ZED", 1, None), ("ZED", 2, None), ("cap", 3, None), ("CAP", 4, None),
                    ("TEE", 5, None))
    out, changed, per_bin = write_back(inv, {"ZED": 9, "CAP": 9, "TEE": 6})
    assert changed and per_bin == ["ZED", "cap"]
    assert ints(out["On Hand"]) == [1, 1, 2, 3, 4, 6] and ints(out[WRITTEN]) == [None, 1, 2, 3, 4, 6]


def test_recounts_sum_what_was_written_over_bins_and_need_the_columns():
    bins = inventory(("TEE", 4, 4), ("TEE", 6, 6))
    assert recounts(bins, False, AT).empty
    assert recounts(bins.assign(**{"On Hand": [4, 7]}), False, AT)["Quantity"].tolist() == [11]
    assert recounts(pd.DataFrame({"On Hand": [1]}), True, AT).empty
    assert recounts(pd.DataFrame({"Seller SKU": ["TEE"]}), True, AT).empty


def test_received_returns_columns():
    found, _ = received_returns(pd.DataFrame({"Case ID": ["r1"], "Seller SKU": ["TEE"], "Quantity": [1],
                                              "Received": ["Yes"], "Return Condition": ["ok"]}))
    assert list(found.columns) == ["case_id", "seller_sku", "quantity", "condition"]
    assert found.values.tolist() == [["r1", "TEE", 1, "ok"]]
