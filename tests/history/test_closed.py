"""Which lines leave Orders for history: closed (delivered, completed, cancelled), before the cutoff, whole orders,
never with an open after-sales case."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tkops.history.closed import close_times, open_case_orders, to_archive

CUT = dt.datetime(2026, 11, 1)
OLD, NEW = pd.Timestamp("2026-10-20 10:00"), pd.Timestamp("2026-11-05 10:00")


def lines(*rows):
    """rows: (order_id, status, delivered_time, cancelled_time)"""
    return pd.DataFrame([{"order_id": o, "order_status": s, "delivered_time": d, "cancelled_time": c}
                         for o, s, d, c in rows]).astype({"delivered_time": "datetime64[ns]",
                                                          "cancelled_time": "datetime64[ns]"})


def moved(frame, open_orders=frozenset()):
    return to_archive(frame, CUT, set(open_orders)).tolist()


def test_closed_statuses_before_the_cutoff_move():
    frame = lines(("1", "Delivered", OLD, None), ("2", "Completed", OLD, None), ("3", "Cancelled", None, OLD),
                  ("4", "Shipped", OLD, None), ("5", "In Transit", None, None), ("6", "Awaiting Shipment", None, None))
    assert moved(frame) == [True, True, True, False, False, False]


def test_the_cutoff_is_strict_and_uses_the_close_time():
    frame = lines(("1", "Delivered", pd.Timestamp(CUT), None), ("2", "Delivered", NEW, None),
                  ("3", "Delivered", pd.Timestamp(CUT) - pd.Timedelta(seconds=1), None),
                  ("4", "Cancelled", OLD, NEW),  # a cancelled line closes when it was cancelled
                  ("5", "Completed", None, OLD))  # completed without a delivery time: its cancellation time
    assert moved(frame) == [False, False, True, False, True]


def test_a_line_without_its_close_time_stays():
    frame = lines(("1", "Delivered", None, None), ("2", "Cancelled", None, None))
    assert moved(frame) == [False, False]


def test_any_spelling_of_a_closed_status_counts():
    frame = lines(("1", "已签收", OLD, None), ("2", "canceled", None, OLD), ("3", "selesai", OLD, None),
                  ("4", "unknown words", OLD, None))
    assert moved(frame) == [True, True, True, False]


def test_orders_move_whole():
    frame = lines(("1", "Delivered", OLD, None), ("1", "Delivered", NEW, None), ("2", "Delivered", OLD, None),
                  ("2", "Delivered", OLD, None))
    assert moved(frame) == [False, False, True, True]


def test_an_open_case_keeps_the_order():
    frame = lines(("1", "Delivered", OLD, None), ("2", "Delivered", OLD, None))
    assert moved(frame, {"1"}) == [False, True]


def test_lines_without_an_order_id_stay():
    frame = lines((None, "Delivered", OLD, None), ("", "Delivered", OLD, None), ("3", "Delivered", OLD, None))
    assert moved(frame) == [False, False, True]


def test_no_lines_no_moves():
    assert to_archive(pd.DataFrame(), CUT).tolist() == []


def test_close_times():
    frame = lines(("1", "Delivered", OLD, NEW), ("2", "Cancelled", OLD, NEW), ("3", "Completed", None, NEW),
                  ("4", "Cancelled", OLD, None))
    assert close_times(frame).tolist()[:3] == [OLD, NEW, NEW]
    assert pd.isna(close_times(frame).iloc[3])


def test_open_cases_are_not_cancellations_not_done_not_closed():
    cases = pd.DataFrame({
        "Order ID": ["1", "2", "3", "4", "5", None, " 7 "],
        "Return Type": ["Return and refund", "Cancel", "Refund only", "Return and refund", None, "Refund only",
                        None],
        "Status": ["In Progress", None, " done ", None, "New", None, None],
        "Closed": [None, None, None, "2026-11-02 10:00", None, None, None],
    })
    assert open_case_orders(cases) == {"1", "5", "7"}
    assert open_case_orders(None) == set() and open_case_orders(pd.DataFrame()) == set()
    assert open_case_orders(pd.DataFrame({"Case ID": ["x"]})) == set()


def test_cases_without_status_columns_are_open():
    assert open_case_orders(pd.DataFrame({"Order ID": ["9"]})) == {"9"}



def test_a_shipped_order_delivered_but_not_completed_waits_for_completion():
    # Seller Center's export says "Shipped" (substatus "Delivered") until the order completes: the order status decides
    frame = lines(("1", "Shipped", OLD, None), ("2", "Completed", OLD, None))
    frame["order_substatus"] = ["Delivered", "Completed"]
    assert moved(frame) == [False, True]


def test_a_sheet_without_a_time_column_closes_by_the_other_or_not_at_all():
    cancelled_only = pd.DataFrame({"order_id": ["1", "2", "3"], "order_status": ["Cancelled", "Delivered", "Cancelled"],
                                   "cancelled_time": [OLD, OLD, None]}, index=[7, 8, 9])
    times = close_times(cancelled_only)
    assert str(times.dtype).startswith("datetime64") and times.index.tolist() == [7, 8, 9]
    assert times.tolist()[:2] == [OLD, OLD] and pd.isna(times.iloc[2])  # a delivered line: its cancellation time
    assert moved(cancelled_only) == [True, True, False]
    no_times = pd.DataFrame({"order_id": ["1", "2"], "order_status": ["Delivered", "Cancelled"]}, index=[4, 5])
    assert close_times(no_times).isna().all() and close_times(no_times).index.tolist() == [4, 5]
    assert str(close_times(no_times).dtype).startswith("datetime64")
    assert moved(no_times) == [False, False]


def test_a_time_cell_that_is_not_a_time_is_unknown():
    frame = pd.DataFrame({"order_id": ["1", "2"], "order_status": ["Delivered", "Delivered"],
                          "delivered_time": ["soon", OLD]})
    assert pd.isna(close_times(frame).iloc[0])
    assert moved(frame) == [False, True]


def test_without_an_order_status_column_nothing_is_closed():
    frame = pd.DataFrame({"order_id": ["1", "2"], "delivered_time": [OLD, OLD], "cancelled_time": [None, NEW]},
                         index=[3, 4]).astype({"cancelled_time": "datetime64[ns]"})
    assert close_times(frame).tolist() == [OLD, OLD]  # no status: the delivery time
    assert moved(frame) == [False, False]


def test_no_lines_give_an_empty_boolean_array():
    got = to_archive(pd.DataFrame(columns=["order_id", "order_status"]), CUT)
    assert got.dtype == bool and len(got) == 0


def test_open_cases_read_what_a_person_typed():
    cases = pd.DataFrame({"Order ID": ["1", "  ", "3", "4"], "Return Type": ["Return", "Return", None, "Return"],
                          "Status": ["", "", None, "In progress"], "Closed": ["not yet", None, None, "n/a"]})
    assert open_case_orders(cases) == {"1", "3", "4"}  # text in Closed is not a time; a blank ID is no order
