"""After-sales pivots on a small case computed by hand (see ``shop()``), and the action table."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tkops.aftersales.actions import ActionTable
from tkops.aftersales.catalogue import AfterSalesConfigError
from tkops.aftersales.pivots import case_costs, summarise

T = dt.datetime


def line(order, sku, qty, subtotal, paid, shipped=None, status="Completed", provider="USPS", seller=None):
    return {"order_id": order, "order_status": status, "sku_id": f"17{ord(sku):017d}", "seller_sku": seller or sku,
            "product_name": f"Product {sku}", "quantity": qty, "subtotal_after_discount": subtotal, "currency": "USD",
            "paid_time": paid, "created_time": paid, "shipped_time": shipped, "shipping_provider": provider}


def shop() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Six orders and eight case rows.

    Units shipped in November: A 3 (O1 2, O2 1; O4 shipped in October), B 1 (O1; O5 not shipped), C 1 (O3).
    Cases opened in November: R1 (A size, refunded 20), R2 (A size, pending), R3 = two rows (A and B defective,
    refunded 20 + 15), R4 (C not received, the team reshipped for 12.50), R6 (A no longer needed, refund rejected),
    R7 (SKU ID of B only, wrong item, the team refunded 16.00). R5 (A damaged) was opened in October; C-O6 is a
    cancellation (left out).
    """
    lines = pd.DataFrame([
        line("O1", "A", 2, 40.0, T(2026, 11, 2, 10), T(2026, 11, 3, 9)),
        line("O1", "B", 1, 15.0, T(2026, 11, 2, 10), T(2026, 11, 3, 9)),
        line("O2", "A", 1, 20.0, T(2026, 11, 5, 10), T(2026, 11, 6, 9), provider="UPS"),
        line("O3", "C", 1, 30.0, T(2026, 11, 10, 10), T(2026, 11, 11, 9)),
        line("O4", "A", 1, 20.0, T(2026, 10, 28, 10), T(2026, 10, 29, 9), provider="FedEx"),
        line("O5", "B", 3, 45.0, T(2026, 11, 20, 10), None, status="Awaiting Shipment", provider=""),
        line("O6", "C", 1, 30.0, T(2026, 11, 21, 10), None, status="Cancelled", provider=""),
    ]).astype({"quantity": "Int64", "subtotal_after_discount": "Float64", "shipped_time": "datetime64[ns]"})
    b_id = lines.loc[1, "sku_id"]

    def case(cid, order, sku, ctype, cause, amount, opened, status="Completed", closed=None, **kw):
        row = {"case_id": cid, "order_id": order, "sku_id": None, "seller_sku": sku, "case_type": ctype,
               "cause": cause, "amount": amount, "quantity": 1, "currency": "USD", "return_status": status,
               "return_type": "Return and refund", "opened": opened, "closed": closed, "cost": None,
               "resolution_taken": None, "product_name": None}
        return {**row, **kw}

    cases = pd.DataFrame([
        case("R1", "O1", "A", "size_fit", "size_fit", 20.0, T(2026, 11, 8), closed=T(2026, 11, 12)),
        case("R2", "O2", "A", "size_fit", "size_fit", 20.0, T(2026, 11, 15), status="In Process"),
        case("R3", "O1", "A", "defective", "product_quality", 20.0, T(2026, 11, 20), closed=T(2026, 11, 22)),
        case("R3", "O1", "B", "defective", "product_quality", 15.0, T(2026, 11, 20), closed=T(2026, 11, 22)),
        case("R4", "O3", "C", "not_received", "logistics", 30.0, T(2026, 11, 18), status="To Process", cost=12.5,
             resolution_taken="Reship"),
        case("R5", "O4", "A", "damaged", "logistics", 20.0, T(2026, 10, 30), closed=T(2026, 11, 1)),
        case("R6", "O2", "A", "no_longer_needed", "buyer_remorse", 20.0, T(2026, 11, 25), status="Refund rejected"),
        case("R7", "O1", None, "wrong_item", "fulfilment_error", 15.0, T(2026, 11, 26), status="In Process",
             cost=16.0, resolution_taken="Refund", sku_id=b_id),
        case("C-O6", "O6", "C", "no_longer_needed", "buyer_remorse", 32.0, T(2026, 11, 21), return_type="Cancel"),
    ]).astype({"amount": "Float64", "cost": "Float64", "quantity": "Int64", "closed": "datetime64[ns]"})
    return lines, cases


def rows(frame: pd.DataFrame, keys: list[str], values: list[str]) -> dict:
    return {tuple(r[k] for k in keys): tuple(r[v] for v in values) for r in frame.to_dict("records")}


@pytest.fixture(scope="module")
def november():
    lines, cases = shop()
    return summarise(cases, lines, month="2026-11")


def test_prepare_takes_what_a_case_lacks_from_its_order_and_leaves_cancellations_out():
    from tkops.aftersales.pivots import month_number, order_facts, prepare

    lines, cases = shop()
    extra = pd.DataFrame([
        # a Case ID of the cancellation prefix whatever its Return Type, a Return Type of Cancel whatever its ID
        {"case_id": "C-O5", "order_id": "O5", "return_type": "Return and refund"},
        # no type, cause, currency or time of its own: the order's currency and month, "other" and "unknown"
        {"case_id": "R8", "order_id": "O2", "seller_sku": "A", "case_type": "", "cause": None, "currency": "",
         "opened": None, "quantity": 2},
        {"case_id": "X9", "order_id": "O5", "return_type": "Cancel"},
        {"case_id": "R8", "order_id": "O2", "seller_sku": "B", "opened": None, "quantity": 1},  # R8's second SKU
        # no order the lines know; a reship of B (its SKU ID only) the team put no cost on: Unit Cost x Quantity
        {"case_id": "R9", "order_id": "NO-SUCH", "seller_sku": "Z", "currency": None, "opened": None},
        {"case_id": "R10", "order_id": "O1", "sku_id": lines.loc[1, "sku_id"], "opened": None, "quantity": 3,
         "resolution_taken": "Reship", "return_status": "To Process"},
    ])
    cases = pd.concat([cases, extra], ignore_index=True)
    got = prepare(cases, lines, unit_costs=pd.Series({"B": 4.0}))
    assert got["case_id"].tolist() == ["R1", "R2", "R3", "R3", "R4", "R5", "R6", "R7", "R8", "R8", "R9", "R10"]
    assert got.index.tolist() == [0, 1, 2, 3, 4, 5, 6, 7, 10, 12, 13, 14]  # the case frame's index
    r8, r9 = got.loc[10], got.loc[13]
    assert (r8["case_type"], r8["cause"], r8["currency"], r8["carrier"], r8["units"]) == \
        ("other", "unknown", "USD", "UPS", 2)
    assert r8["month"] == month_number("2026-11") and r9["month"] == -1
    assert (r9["currency"], r9["carrier"], r9["sku"], r9["units"]) == ("", "", "Z", 0)
    assert (got.loc[14, "sku"], got.loc[14, "reship_cost"]) == ("B", 12.0)
    assert got.loc[5, "carrier"] == "FedEx" and got.loc[5, "month"] == month_number("2026-10")  # R5: its own month
    assert got.loc[7, "sku"] == "B"  # R7: the Seller SKU the lines give its SKU ID
    # one number per Case ID: R3's two rows count once
    # one number per Case ID, a cancellation between two rows of a case or not: R3 and R8 count once each
    numbers = got["case_number"].tolist()
    assert numbers[2] == numbers[3] and numbers[8] == numbers[9] and len(set(numbers)) == 10
    # the lines' facts and catalogue given, or made from the lines: the same rows
    from tkops.aftersales.pivots import catalogue
    given = prepare(cases, lines.iloc[:0], unit_costs=pd.Series({"B": 4.0}), facts=order_facts(lines),
                    seller_of_id=catalogue(lines)[0])
    pd.testing.assert_frame_equal(given, got, check_exact=True)
    without_opened = prepare(cases.drop(columns="opened"), lines)
    assert without_opened.loc[5, "month"] == month_number("2026-10") and (without_opened["month"] >= 0).sum() == 11


def test_cause_by_sku(november):
    got = rows(november.cause_by_sku, ["cause", "sku"], ["cases", "units", "refund_cost", "reship_cost", "cost"])
    assert got == {
        ("size_fit", "A"): (2, 2, 20.0, 0.0, 20.0),
        ("product_quality", "A"): (1, 1, 20.0, 0.0, 20.0),
        ("product_quality", "B"): (1, 1, 15.0, 0.0, 15.0),
        ("logistics", "C"): (1, 1, 0.0, 12.5, 12.5),
        ("buyer_remorse", "A"): (1, 1, 0.0, 0.0, 0.0),
        ("fulfilment_error", "B"): (1, 1, 16.0, 0.0, 16.0),  # R7's SKU ID is B's: the order lines say so
    }
    first = november.cause_by_sku.iloc[0]
    assert (first["cause"], first["sku"], first["product_name"], first["currency"]) == \
        ("size_fit", "A", "Product A", "USD")


def test_cause_by_month_counts_a_case_once(november):
    got = rows(november.cause_by_month, ["month", "cause"], ["cases", "units", "refund_cost", "reship_cost"])
    assert got == {
        ("2026-10", "logistics"): (1, 1, 20.0, 0.0),
        ("2026-11", "size_fit"): (2, 2, 20.0, 0.0),
        ("2026-11", "product_quality"): (1, 2, 35.0, 0.0),  # R3: one case of two rows
        ("2026-11", "logistics"): (1, 1, 0.0, 12.5),
        ("2026-11", "buyer_remorse"): (1, 1, 0.0, 0.0),
        ("2026-11", "fulfilment_error"): (1, 1, 16.0, 0.0),
    }
    assert list(november.cause_by_month["month"]) == sorted(november.cause_by_month["month"])


def test_type_by_carrier_uses_the_orders_provider(november):
    got = rows(november.type_by_carrier, ["case_type", "carrier"], ["cases", "cost"])
    assert got == {("size_fit", "USPS"): (1, 20.0), ("size_fit", "UPS"): (1, 0.0), ("defective", "USPS"): (1, 35.0),
                   ("not_received", "USPS"): (1, 12.5), ("no_longer_needed", "UPS"): (1, 0.0),
                   ("wrong_item", "USPS"): (1, 16.0)}


def test_sku_health(november):
    health = november.sku_health.set_index("sku")
    assert list(health.index) == ["A", "B", "C"]  # most cases first
    a, b, c = (health.loc[k] for k in "ABC")
    assert (a["units_shipped"], a["sales"], a["cases"], a["refund_cost"], a["top_cause"]) == (3, 60.0, 4, 40.0,
                                                                                             "size_fit")
    assert a["return_rate"] == pytest.approx(4 / 3) and a["refund_rate"] == pytest.approx(40 / 60)
    assert (b["units_shipped"], b["cases"], b["refund_cost"], b["top_cause"]) == (1, 2, 31.0, "fulfilment_error")
    assert b["return_rate"] == 2.0 and b["refund_rate"] == pytest.approx(31 / 15)
    assert (c["units_shipped"], c["cases"], c["reship_cost"], c["cost"], c["return_rate"]) == (1, 1, 12.5, 12.5, 1.0)
    assert a["reviews"] == 0 and pd.isna(a["negative_review_rate"])


def test_top_pairs_and_actions_by_owner(november):
    top = november.top_pairs
    assert [(r.rank, r.sku, r.cause, r.case_type, r.cases, r.cost, r.owners) for r in top.itertuples()] == [
        (1, "A", "size_fit", "size_fit", 2, 20.0, "listing, ads"),
        (2, "A", "product_quality", "defective", 1, 20.0, "sourcing"),
        (3, "B", "fulfilment_error", "wrong_item", 1, 16.0, "warehouse"),
        (4, "B", "product_quality", "defective", 1, 15.0, "sourcing"),
        (5, "C", "logistics", "not_received", 1, 12.5, "carrier"),
    ]  # buyer_remorse has no owner: nothing to fix
    assert top.loc[0, "action_en"].startswith("Runs small or large: add a size chart to the listing and to ad")
    assert top.loc[0, "return_rate"] == pytest.approx(4 / 3) and top.loc[0, "action_zh"]
    by_owner = [(r.owner, r.rank) for r in november.actions_by_owner.itertuples()]
    assert by_owner == [("sourcing", 2), ("sourcing", 4), ("listing", 1), ("ads", 1), ("warehouse", 3),
                        ("carrier", 5)]


def test_whole_period_without_month():
    lines, cases = shop()
    everything = summarise(cases, lines)
    assert everything.cause_by_sku["cases"].sum() == 8  # R5 too; C-O6 never
    assert everything.sku_health.set_index("sku").loc["A", "units_shipped"] == 4


def test_reviews_count_for_their_sku_or_every_sku_of_the_order():
    lines, cases = shop()
    reviews = pd.DataFrame({"order_id": ["O1", "O3", "O2"], "rating": [1, 5, 2], "seller_sku": [None, "C", "A"]})
    health = summarise(cases, lines, month="2026-11", reviews=reviews).sku_health.set_index("sku")
    assert tuple(health.loc["A", ["reviews", "negative_reviews", "negative_review_rate"]]) == (2, 2, 1.0)
    assert tuple(health.loc["B", ["reviews", "negative_reviews", "negative_review_rate"]]) == (1, 1, 1.0)
    assert tuple(health.loc["C", ["reviews", "negative_reviews", "negative_review_rate"]]) == (1, 0, 0.0)


def test_costs_team_cost_first_then_refunds_then_unit_cost_for_reships():
    cases = pd.DataFrame({
        "seller_sku": ["A", "A", "A", "A", "A"], "quantity": [2, 1, 1, 1, 1],
        "amount": [30.0, 30.0, 30.0, 30.0, 30.0], "cost": [None, None, 5.0, None, None],
        "resolution_taken": ["补发 reship", None, "partial refund", None, None],
        "return_status": [None, "Completed", None, "Canceled", "In Process"],
        "closed": [None, None, None, T(2026, 11, 3), None]}).astype({"closed": "datetime64[ns]"})
    got = case_costs(cases, unit_costs=pd.Series({"A": 4.0}))
    assert got.to_dict("list") == {"refund_cost": [0.0, 30.0, 5.0, 0.0, 0.0], "reship_cost": [8.0, 0.0, 0.0, 0.0, 0.0],
                                   "cost": [8.0, 30.0, 5.0, 0.0, 0.0]}
    # a year of cases: resolutions and statuses are read once per distinct value, with the same costs
    year = pd.concat([cases.assign(resolution_taken=["RESEND by DHL", None, "Refund", None, None],
                                   return_status=[None, " REFUNDED ", None, "REJECTED", "completed"])] * 500,
                     ignore_index=True)
    costs = case_costs(year, unit_costs=pd.Series({"A": 4.0}))
    assert costs.iloc[:5].to_dict("list") == {"refund_cost": [0.0, 30.0, 5.0, 0.0, 30.0],
                                              "reship_cost": [8.0, 0.0, 0.0, 0.0, 0.0],
                                              "cost": [8.0, 30.0, 5.0, 0.0, 30.0]}
    assert costs["cost"].sum() == 500 * 73.0
    # a closed case is refunded whatever its status says, unless the status says it was not; no Closed column: none
    closed = year.iloc[:5].assign(return_status=[None, None, None, None, "In Process"],
                                  closed=[None, None, None, None, T(2026, 11, 4)]).astype({"closed": "datetime64[ns]"})
    assert case_costs(closed)["refund_cost"].tolist() == [0.0, 0.0, 5.0, 0.0, 30.0]
    assert case_costs(closed.drop(columns="closed"))["refund_cost"].tolist() == [0.0, 0.0, 5.0, 0.0, 0.0]


def test_action_table_from_the_sheet():
    table = ActionTable.from_sheet_rows([
        ["Cause", "Action", "行动", "Owners"],
        ["Size / fit", "Fit notes on the listing", "", "listing"],
        ["damaged", "Double box", "加强包装", "Warehouse, 物流商"],
    ])
    assert table.find("size_fit", "size_fit").en == "Fit notes on the listing"
    assert table.find("size_fit", "size_fit").zh == "Fit notes on the listing"  # no Chinese: the English
    assert table.find("damaged", "logistics").owners == ("warehouse", "carrier")
    assert table.find("late", "logistics").owners == ("carrier",)  # the default row of the cause
    with pytest.raises(AfterSalesConfigError) as err:
        ActionTable.from_sheet_rows([["Cause", "Action", "Owners"], ["size_fit", "x", "marketing"]])
    assert "row 2" in err.value.render() and "Owners" in err.value.render()
