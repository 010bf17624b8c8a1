"""Timing and state: the hold window after payment, statuses other than Awaiting Shipment, cancellations."""

from __future__ import annotations

import datetime as dt

from tests.review.conftest import NOW, frame, line, problem, run, tuples
from tkops.review import RuleConfig


def test_paid_inside_the_hold_window_is_held():
    lines = frame(line(n=1, paid_time=NOW - dt.timedelta(minutes=59)),
                  line(n=2, paid_time=NOW - dt.timedelta(minutes=61)),
                  line(n=3, paid_time=NOW + dt.timedelta(minutes=5)), line(n=4, paid_time=None))
    result = run(lines)
    assert tuples(result) == {(2, "paid_time", "timing.cooling_off"), (4, "paid_time", "timing.cooling_off")}
    p = problem(result, "timing.cooling_off")
    assert p["severity"] == "error"
    assert p["explanation"] == "paid at 2026-11-25 11:01; the buyer may still cancel: hold until 2026-11-25 12:01"
    assert result.statuses.tolist() == ["Hold", "Ready", "Hold", "Ready"]


def test_hold_minutes_is_a_setting():
    rows = [["Rule", "Enabled", "Severity", "Setting", "Value"], ["timing.cooling_off", "", "", "Hold Minutes", 10]]
    lines = frame(line(paid_time=NOW - dt.timedelta(minutes=30)))
    assert tuples(run(lines, config=RuleConfig.from_sheet_rows(rows))) == set()


def test_statuses():
    lines = frame(line(n=1, order_status="On Hold"), line(n=2, order_status="Unpaid", paid_time=None),
                  line(n=3, order_status="Cancelled"), line(n=4, order_status="ยกเลิกแล้ว"),
                  line(n=5, order_status="Shipped"), line(n=6, order_status="Delivered"),
                  line(n=7, order_status="awaiting_shipment"), line(n=8, order_status="待发货"),
                  line(n=9, cancel_return_type="Cancel"), line(n=10, cancel_return_type="Return/Refund"))
    result = run(lines)
    assert tuples(result) == {(2, "order_status", "state.not_awaiting_shipment"),
                              (3, "order_status", "state.not_awaiting_shipment"),
                              (4, "order_status", "state.cancelled"), (5, "order_status", "state.cancelled"),
                              (10, "cancel_return_type", "state.cancel_requested")}
    severities = dict(zip(result.problems["code"], result.problems["severity"]))
    assert severities == {"state.not_awaiting_shipment": "warning", "state.cancelled": "error",
                          "state.cancel_requested": "error"}
    assert result.reviewed.tolist() == [True, True, True, True, False, False, True, True, True, True]


def test_a_cancelled_order_gets_no_other_problem():
    lines = frame(line(order_status="Cancelled", zipcode="1", seller_sku="NOPE", buyer_message="black please"))
    assert tuples(run(lines)) == {(2, "order_status", "state.cancelled")}
