"""Month-end on a book takes from Arrow what it needs from every line (each order's month and amounts, each order's
carrier, the catalogue) and turns only the lines the month needs into a frame. The report must be exactly what the
whole of the lines gives: a book of four months of orders (imported, so the older ones are in history), their
returns on AfterSales, reviews of older orders and a line two archive runs wrote."""

from __future__ import annotations

import datetime as dt

import numpy as np
import openpyxl
import pandas as pd
import pytest

from tests.month_end_samples import write_exports
from tkops.book import FileBook
from tkops.cli import main
from tkops.history import HistoryStore
from tkops.aftersales.line_facts import lines_table
from tkops.jobs.lines import KEY, book_lines, order_lines
from tkops.jobs.month_end.line_figures import FACT_NUMBERS, FACT_TEXT, FACT_TIMES
from tkops.jobs.month_end.inputs import read_book, with_book_cases
from tkops.jobs.month_end.month_lines import LINE_COLUMNS, TEAM_HEADERS
from tkops.jobs.month_end.run import classify, month_end_figures, run_month_end
from tkops.schema import BY_KEY
from tkops.settings import Settings

NOW = dt.datetime(2026, 11, 28, 12, 0)
US = Settings(market="US")
FRAMES = ("by_currency", "cancellations", "causes", "response", "trend")
PIVOTS = ("cause_by_sku", "cause_by_month", "type_by_carrier", "sku_health", "top_pairs", "actions_by_owner")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    folder = tmp_path_factory.mktemp("year")
    truth = write_exports(folder, ["2026-08", "2026-09", "2026-10", "2026-11"], 900, 220, hostile=True,
                          overlap=0.05, n_skus=15)
    path = folder / "ops.xlsx"
    assert main(["import", *map(str, truth.order_files), "--book", str(path), "--market", "US"]) == 0
    assert main(["cases", "--book", str(path), *[a for f in truth.return_files for a in ("--returns", str(f))],
                 "--now", "2026-11-28T12:00"]) == 0
    store = HistoryStore(path)
    again = store.read()
    assert len(again) > 300, "the fixture needs lines in history"
    # a crashed run wrote one line again: the newer copy counts, where it is
    copy = again.drop(columns=["tkops Line Key", "tkops Run"]).iloc[[5]].assign(**{"Shipping Provider Name": "Newer"})
    store.append(copy, again["tkops Line Key"].iloc[[5]].tolist(), "29990101-000000-00000000", dt.datetime(2999, 1, 1))
    wb = openpyxl.load_workbook(path)
    reviews = wb["Reviews"]  # the book's own sheet: Order ID, Rating, ...
    assert [c.value for c in reviews[1][:2]] == ["Order ID", "Rating"]
    for n, order in enumerate(again["Order ID"].drop_duplicates().iloc[[0, 3, 40]]):  # August and September orders
        reviews.append([order, 1 + n])
    orders = wb["Orders"]  # the team reviewed some of November's open orders (the review KPIs read it)
    header = [c.value for c in orders[1]]
    at, paid = header.index("Reviewed At") + 1, header.index("Paid Time") + 1
    for row in range(2, orders.max_row + 1, 3):
        when = orders.cell(row, paid).value
        if isinstance(when, dt.datetime) and when.month == 11:
            orders.cell(row, at).value = when + dt.timedelta(hours=row % 7)
    wb.save(path)
    return path


def test_the_lines_the_month_needs_give_what_every_line_gives(book, tmp_path):
    fast = run_month_end("2026-11", [], [], tmp_path / "out", US, book=book, now=NOW)
    every = read_book(book, US, month="2026-11", now=NOW, own_lines=False)
    cases = with_book_cases(pd.DataFrame(columns=["key"]), every.cases)
    whole = month_end_figures("2026-11", every.lines, classify(cases.reset_index(drop=True), every.reasons), US,
                              book=every, now=NOW)
    assert fast.figures == whole.figures
    assert fast.figures["orders"] > 50 and fast.figures["cases"] > 10
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(fast, name), getattr(whole, name), check_exact=True)
    for name in PIVOTS:
        pd.testing.assert_frame_equal(getattr(fast.pivots, name), getattr(whole.pivots, name), check_exact=True)
    assert (whole.pivots.sku_health["reviews"] > 0).any()  # the reviews of older orders found their SKUs
    assert whole.figures["kpis"]["reviewed"] > 0, whole.figures["kpis"]


def test_the_one_time_set_up_runs_in_the_cases_thread_while_the_sheet_is_read(book):
    import threading

    seen = []
    read = read_book(book, US, month="2026-11", now=NOW, warm=lambda: seen.append(threading.current_thread().name))
    assert len(seen) == 1 and seen[0].startswith("tkops-cases") and read.cases is not None

    def broken():
        raise RuntimeError("set-up failed")

    again = read_book(book, US, month="2026-11", now=NOW, warm=broken)  # its error is not the read's
    pd.testing.assert_frame_equal(again.cases, read.cases, check_exact=True)


def test_only_the_months_lines_become_a_frame(book):
    chosen = read_book(book, US, month="2026-11", now=NOW)
    every = read_book(book, US, month="2026-11", now=NOW, own_lines=False)
    assert chosen.line_facts is not None and every.line_facts is None
    # the pivots' units shipped are made with the line figures (the run above shows they are the pivots' own)
    made = chosen.line_figures
    assert made.shipped is not None and made.skus.index.equals(chosen.lines.index)
    assert made.shipped["units_shipped"].sum() > 0
    assert 0 < len(chosen.lines) < len(every.lines)
    # the lines chosen are lines of the book, in the book's order, with what every line has
    at = every.lines.set_index("key")
    pd.testing.assert_frame_equal(chosen.lines.set_index("key"), at.loc[chosen.lines["key"]], check_exact=True)
    assert chosen.line_facts.orders["order_id"].nunique() == every.lines["order_id"].nunique()


def test_book_lines_are_order_lines_whatever_rows_are_asked(book):
    fb = FileBook(book, US)
    lines = book_lines(fb, LINE_COLUMNS, team=TEAM_HEADERS)
    whole = order_lines(fb, LINE_COLUMNS, team=TEAM_HEADERS)
    pd.testing.assert_frame_equal(lines.frame(), whole, check_exact=True)
    assert len(lines) == len(whole) and (whole["where"] == "history").sum() > 300
    rows = np.sort(np.random.default_rng(5).choice(len(whole), 120, replace=False))
    pd.testing.assert_frame_equal(lines.frame(rows), whole.iloc[rows].reset_index(drop=True), check_exact=True)
    keys = ("order_id", "order_amount", "paid_time")
    pd.testing.assert_frame_equal(lines.frame(rows, keys),
                                  whole.iloc[rows][[*keys, KEY, "where"]].reset_index(drop=True), check_exact=True)
    # the line table made from Orders and history's Arrow columns is the one made from the frame of every line
    table = lines.table(FACT_TEXT, FACT_TIMES, FACT_NUMBERS)
    assert table.equals(lines_table(whole, FACT_TEXT, FACT_TIMES, FACT_NUMBERS))
    # amounts read, and some orders cancelled with a reason
    assert all(table.column(k).null_count < table.num_rows for k in ("order_amount", "cancel_reason", "cancel_by"))
    table = lines.table(("order_id", "shipping_provider"), ("paid_time",))
    assert table.column("order_id").to_pylist() == whole["order_id"].tolist()
    assert table.column("shipping_provider").to_pylist() == [None if pd.isna(v) or v == "" else v
                                                             for v in whole["shipping_provider"]]
    assert lines.given("Reviewed At") and not lines.given("Packed At") and not lines.given("Not A Column")


def test_lines_archived_again_are_not_taken_twice(book):
    fb = FileBook(book, US)
    lines = book_lines(fb, ["order_id"])
    again = book_lines(fb, ["order_id"], archived=set(lines.frame()["order_id"].dropna())).past
    assert len(lines.with_past(again)) == len(lines)  # every line is there already
    assert lines.with_past(again.slice(0, 0)) is lines
    names = {BY_KEY["order_id"].name}
    assert names <= set(again.column_names)




def test_the_rows_a_month_needs():
    from tkops.aftersales.pivots import month_number
    from tkops.jobs.month_end.line_figures import FACT_TEXT, FACT_TIMES, line_facts_of, wanted_rows
    from tkops.aftersales.line_facts import lines_table

    nov, oct_ = pd.Timestamp("2026-11-10 09:00"), pd.Timestamp("2026-10-03 09:00")
    lines = pd.DataFrame([
        {"order_id": "A", "order_status": "Shipped", "paid_time": nov, "created_time": nov},            # 0 the month's
        {"order_id": "E", "order_status": "Completed", "paid_time": oct_, "created_time": oct_},        # 1 nothing
        {"order_id": "B", "order_status": "Unpaid", "paid_time": pd.NaT, "created_time": nov},          # 2 unpaid
        {"order_id": "C", "order_status": "Delivered", "paid_time": oct_, "created_time": oct_,
         "shipped_time": nov},                                                                          # 3 shipped
        {"order_id": "C", "order_status": "Delivered", "paid_time": oct_, "created_time": oct_},        # 4
        {"order_id": "D", "order_status": "Completed", "paid_time": oct_, "created_time": oct_},        # 5 reviewed
        {"order_id": None, "order_status": "Shipped", "paid_time": oct_, "created_time": oct_},         # 6 no ID
        {"order_id": "A", "order_status": "Shipped", "paid_time": nov, "created_time": nov,
         "delivered_time": oct_},                                                                       # 7 the month's
        {"order_id": "F", "order_status": "Completed", "paid_time": oct_, "created_time": oct_,
         "delivered_time": nov},                                                                        # 8 delivered
    ])
    facts = line_facts_of(lines)
    table = lines_table(lines, FACT_TEXT, FACT_TIMES)
    # B: not an order of the month (never paid), but the pivots date its undated lines by its created month
    assert facts.orders.set_index("order_id").loc["B", "month"] == -1
    assert wanted_rows(table, facts, month_number("2026-11"), {"D"}).tolist() == [0, 2, 3, 5, 6, 7, 8]
    assert wanted_rows(table, facts, month_number("2026-10"), set()).tolist() == [1, 3, 4, 5, 6, 7, 8]


def test_each_orders_month_state_and_amounts_from_its_first_line():
    from tkops.aftersales.pivots import NO_MONTH, month_number
    from tkops.jobs.month_end.line_figures import orders_of

    def orders_table(frame, first):
        return orders_of(lines_table(frame, FACT_TEXT, FACT_TIMES, FACT_NUMBERS), first)

    t = pd.Timestamp
    lines = pd.DataFrame({
        "order_id": ["1", "1", "2", "3", "4", "5"],
        "order_status": ["Shipped", "Cancelled", "Unpaid", "Cancelled", "Cancelled", "Completed"],
        "paid_time": [t("2026-11-02"), t("2026-10-01"), pd.NaT, pd.NaT, t("2026-09-09"), pd.NaT],
        "created_time": [t("2026-10-30"), t("2026-10-30"), t("2026-11-03"), t("2026-11-04"), t("2026-09-08"),
                         t("2026-08-07")],
        "order_amount": [30.0, 30.0, 12.0, 20.0, 8.0, None],
        "order_refund_amount": [None, None, None, 5.0, 0.0, None],
        "currency": [" USD ", "USD", "GBP", "USD", "USD", None],
        "cancel_reason": [None, None, None, " Out of stock ", "Buyer asked", None],
        "cancel_by": [None, None, None, "Seller", "Buyer", None]})
    o = orders_table(lines, np.array([0, 2, 3, 4, 5]))
    assert o["order_id"].tolist() == ["1", "2", "3", "4", "5"]
    assert o["cancel_reason"].tolist() == [None, None, "Out of stock", "Buyer asked", None]
    assert o["cancel_by"].tolist() == [None, None, "Seller", "Buyer", None]
    assert {str(o[k].dtype) for k in ("order_id", "cancel_reason", "cancel_by", "currency")} == {"object"}
    # an order whose status is blank is neither cancelled nor unpaid: dated by its Paid Time, else its creation
    blank = orders_table(lines.assign(order_status=None), np.array([0, 2, 3]))
    assert blank["cancelled"].dtype == bool and not blank["cancelled"].any()
    assert blank["month"].tolist() == [month_number("2026-11"), month_number("2026-11"), month_number("2026-11")]
    assert blank["sales"].tolist() == [30.0, 12.0, 20.0]
    # paid month; unpaid: none; cancelled without a Paid Time where the file has them: never paid, none; else created
    assert o["month"].tolist() == [month_number("2026-11"), NO_MONTH, NO_MONTH, month_number("2026-09"),
                                   month_number("2026-08")]
    assert o["cancelled"].tolist() == [False, False, True, True, False]
    assert o["sales"].tolist() == [30.0, 12.0, 0.0, 0.0, 0.0]
    assert o["cancel_amount"].tolist() == [30.0, 12.0, 5.0, 8.0, 0.0]  # the refund when there is one
    assert o["currency"].tolist() == ["USD", "GBP", "USD", "USD", ""]
    # a file without Paid Times: a cancelled order is dated by its creation; without any time, no month
    unpaid = orders_table(lines.drop(columns=["paid_time"]), np.array([0, 2, 3]))
    assert unpaid["month"].tolist() == [month_number("2026-10"), NO_MONTH, month_number("2026-11")]
    assert orders_table(lines[["order_id", "order_status"]], np.array([0]))["month"].tolist() == [NO_MONTH]
    assert orders_table(lines.drop(columns=["order_refund_amount"]), np.array([3]))["cancel_amount"].tolist() == [20.0]
    small = lines.assign(order_refund_amount=[None, None, None, 0.5, 0.0, None])
    assert orders_table(small, np.array([3]))["cancel_amount"].tolist() == [0.5]  # any refund, however small


def test_what_the_month_takes_from_every_line_is_the_pivots_own_definitions():
    from line_samples import year_of_lines

    from tkops.aftersales.pivot_inputs import catalogue, order_facts
    from tkops.jobs.month_end.line_figures import line_facts_of

    lines = year_of_lines(4).sample(frac=1, random_state=4).reset_index(drop=True)
    facts = line_facts_of(lines)
    pd.testing.assert_frame_equal(facts.facts, order_facts(lines), check_exact=True)
    for got, want in zip((facts.seller_of_id, facts.names), catalogue(lines)):
        pd.testing.assert_series_equal(got, want, check_exact=True)
    assert facts.orders["order_id"].tolist() == lines["order_id"].drop_duplicates().tolist()
    assert len(facts.orders) == lines["order_id"].nunique() and len(facts.seller_of_id) > 5


def test_a_month_without_lines_has_no_kpis():
    from tkops.clocks import KPI_KEYS
    from tkops.jobs.month_end.line_figures import line_figures, line_facts_of

    lines = pd.DataFrame({"order_id": ["1"], "order_status": ["Shipped"], "key": ["1|a|0"],
                          "paid_time": [pd.Timestamp("2026-10-02")], "created_time": [pd.Timestamp("2026-10-02")]})
    made = line_figures("2026-11", lines, US, orders=line_facts_of(lines).orders, now=NOW)
    assert made.month_lines.empty and made.fulfilment == {k: None for k in KPI_KEYS}
    october = line_figures("2026-10", lines, US, orders=line_facts_of(lines).orders, now=NOW)
    assert len(october.month_lines) == 1 and october.fulfilment["orders"] == 1
    nameless = line_figures("2026-10", lines.drop(columns=["order_id"]), US, orders=line_facts_of(lines).orders,
                            now=NOW)
    assert nameless.month_lines.empty  # a line without an Order ID belongs to no order


def test_the_months_lines_are_those_of_its_orders_whatever_their_ids_hold():
    from tkops.jobs.month_end.line_figures import line_figures, line_facts_of

    ids = ["1", None, "2", np.nan, " 1", "3", "2"]
    paid = ["2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-09-30", "2026-10-04"]
    lines = pd.DataFrame({"order_id": ids, "order_status": "Shipped", "key": [f"k{i}" for i in range(len(ids))],
                          "paid_time": pd.to_datetime(paid), "created_time": pd.to_datetime(paid)})
    orders = line_facts_of(lines).orders
    made = line_figures("2026-10", lines, US, orders=orders, now=NOW)
    # " 1" is its own text here (as the frame has it), blank IDs belong to no order, "3" was paid in September
    assert made.month_lines["key"].tolist() == ["k0", "k2", "k6"]
    typed = lines.assign(order_id=[1.0, None, "2", np.nan, " 1", 3, "2"])  # numbers a sheet could hold
    assert line_figures("2026-10", typed, US, orders=orders, now=NOW).month_lines["key"].tolist() == ["k2", "k6"]


def test_a_line_table_of_parts_that_typed_a_column_differently():
    import pyarrow as pa

    from tkops.history.store import LINE_KEY, unite_tables
    from tkops.jobs.lines import BookLines

    old = pa.table({LINE_KEY: ["a|1|0"], "Order ID": pa.array([12], pa.int64()),
                    "Paid Time": pa.array(["2026-11-03 10:00:00"], pa.string()),
                    "Order Amount": pa.array(["12.50"], pa.string()), "Order Refund Amount": pa.array([3], pa.int64())})
    new = pa.table({LINE_KEY: ["b|1|0", "c|1|0"], "Order ID": ["13", None],
                    "Paid Time": pa.array([dt.datetime(2026, 11, 4, 9, 30), None], pa.timestamp("us")),
                    "Order Amount": pa.array([7.25, None], pa.float64()),
                    "Order Refund Amount": pa.array([None, 1.5], pa.float64())})
    lines = BookLines(pd.DataFrame(), unite_tables([old, new]), ("order_id", "paid_time"), ())
    table = lines.table(("order_id", "currency"), ("paid_time", "created_time"),
                        ("order_amount", "order_refund_amount", "quantity"))
    assert table.column("order_id").to_pylist() == ["12", "13", None]  # a number stored by an older part: its text
    assert table.column("paid_time").to_pylist() == [dt.datetime(2026, 11, 3, 10), dt.datetime(2026, 11, 4, 9, 30),
                                                     None]
    # amounts stored as text by one part and as numbers by another, whole numbers as int64: all float64
    assert table.column("order_amount").to_pylist() == [12.5, 7.25, None]
    assert table.column("order_refund_amount").to_pylist() == [3.0, None, 1.5]
    assert table.column("quantity").null_count == 3
    assert {str(table.schema.field(k).type) for k in ("order_amount", "order_refund_amount", "quantity")} == {"double"}
    assert table.column("currency").null_count == 3 and table.column("created_time").null_count == 3
    assert str(table.schema.field("paid_time").type) == "timestamp[us]" and len(lines) == 3


def test_a_line_table_of_a_part_that_stored_numbers_and_words():
    import pyarrow as pa

    from tkops.history.store import LINE_KEY
    from tkops.jobs.lines import BookLines

    part = pa.table({LINE_KEY: ["a|1|0", "b|1|0"], "Order ID": pa.array([12, 13], pa.int64()),
                     "Paid Time": pa.array(["2026-11-03 10:00:00", "not a time"], pa.string()),
                     "Order Amount": pa.array([" 4.5 ", "n/a"], pa.string())})
    table = BookLines(pd.DataFrame(), part, ("order_id",), ()).table(("order_id",), ("paid_time",), ("order_amount",))
    assert table.column("order_id").to_pylist() == ["12", "13"]
    assert table.column("paid_time").to_pylist() == [dt.datetime(2026, 11, 3, 10), None]
    assert table.column("order_amount").to_pylist() == [4.5, None]  # a word is no amount, as the sheet reads it


def test_a_line_on_orders_and_in_history_comes_once_from_orders():
    import pyarrow as pa

    from tkops.history.store import LINE_KEY, RUN
    from tkops.jobs.lines import BookLines

    live = pd.DataFrame({"order_id": ["1"], KEY: ["1|a|0"], "where": ["orders"]})
    past = pa.table({LINE_KEY: ["1|a|0", "2|b|0"], RUN: ["r1", "r1"], "Order ID": ["1", "2"],
                     "Currency": ["USD", "USD"]})  # a column the step did not ask for
    lines = BookLines(live, None, ("order_id",), ()).with_past(past)
    assert len(lines) == 2 and lines.past.column(LINE_KEY).to_pylist() == ["2|b|0"]
    frame = lines.frame()
    assert list(frame.columns) == ["order_id", KEY, "where"]
    assert frame["order_id"].tolist() == ["1", "2"] and frame["where"].tolist() == ["orders", "history"]
    more = pa.table({LINE_KEY: ["2|b|0", "3|c|0"], RUN: ["r2", "r2"], "Order ID": ["2", "3"]})
    assert lines.with_past(more).frame()["order_id"].tolist() == ["1", "2", "3"]  # a line already here stays


def test_history_keeps_the_teams_columns_and_says_which_are_filled():
    import pyarrow as pa

    from tkops.history.store import LINE_KEY, RUN
    from tkops.jobs.lines import BookLines

    live = pd.DataFrame({"order_id": ["1"], "Reviewed At": [None], "Packed": [None], KEY: ["1|a|0"],
                         "where": ["orders"]})
    alone = BookLines(live, None, ("order_id",), ("Reviewed At", "Packed"))
    assert len(alone) == 1 and not alone.given("Reviewed At")
    past = pa.table({LINE_KEY: ["2|b|0"], RUN: ["r1"], "Order ID": ["2"],
                     "Reviewed At": pa.array([dt.datetime(2026, 11, 2, 9)], pa.timestamp("us")),
                     "Packed": pa.array([None], pa.string())})
    lines = alone.with_past(past)
    assert len(lines) == 2 and lines.given("Reviewed At") and not lines.given("Packed")
    frame = lines.frame()
    assert frame["Reviewed At"].tolist()[1] == pd.Timestamp(2026, 11, 2, 9) and frame["Packed"].isna().all()


def test_history_is_asked_only_for_the_columns_and_orders_wanted(book, monkeypatch):
    from tkops.history.store import HistoryStore

    asked, real = [], HistoryStore.read_table
    monkeypatch.setattr(HistoryStore, "read_table",
                        lambda self, columns=None, filters=None: asked.append((columns, filters))
                        or real(self, columns, filters))
    fb = FileBook(book, US)
    archived = order_lines(fb, ["order_id"]).query("where == 'history'")["order_id"]
    some = archived.iloc[[0, -1]].tolist()
    lines = book_lines(fb, ["order_id", "quantity"], archived=set(some), team=("Packed",))
    assert asked[-1] == (["Order ID", "Quantity", "Packed"], [("Order ID", "in", sorted(set(some)))])
    assert set(lines.frame().query("where == 'history'")["order_id"]) == set(some)
    book_lines(fb, ["order_id"], since=dt.datetime(2026, 10, 1))
    columns, filters = asked[-1]
    assert columns == ["Order ID"] and [("Created Time", ">=", dt.datetime(2026, 10, 1))] in filters


def test_the_cases_typed_from_arrow_arrays_are_the_cases_typed_from_the_grid(book, monkeypatch):
    import tkops.book.ooxml.arrow_columns as arrow_columns
    import tkops.jobs.month_end.inputs as inputs

    typed_from_arrow = []
    real = inputs.typed_columns
    monkeypatch.setattr(inputs, "typed_columns", lambda *a, **k: typed_from_arrow.append(1) or real(*a, **k))
    fast = read_book(book, US, month="2026-11", now=NOW)
    assert typed_from_arrow == [1]
    monkeypatch.setattr(arrow_columns, "fastexcel", None)  # calamine's grid, typed by tkops.merge.typed
    grid = read_book(book, US, month="2026-11", now=NOW)
    assert typed_from_arrow == [1] and len(fast.cases) > 100
    pd.testing.assert_frame_equal(fast.cases, grid.cases, check_exact=True)
    assert fast.sheets == grid.sheets and "AfterSales" in fast.sheets


def test_the_sheets_cases_with_and_without_file_cases():
    from tkops import case_schema as C

    sheet = pd.DataFrame({"case_id": ["1", "1", "2", "3"], "sku_id": ["A", "A", "B", None],
                          "seller_sku": [None, None, None, "S|1"], "team_note": ["x", "y", "kept", "z"]})
    alone = with_book_cases(pd.DataFrame(columns=["key"]), sheet)
    # no file: every row of the sheet as it is, two lines of one case and SKU both (their keys differ by occurrence)
    pd.testing.assert_frame_equal(alone, sheet, check_exact=True)
    assert C.case_keys(sheet).is_unique
    files = pd.DataFrame({"case_id": ["2", "9"], "sku_id": ["B", "C"], "seller_sku": [None, None],
                          "team_note": ["file", "file"]})
    both = with_book_cases(files.assign(key=C.case_keys(files).to_numpy()), sheet)
    # the file's cases take the sheet's team columns by key; the sheet's other rows follow
    assert both["case_id"].tolist() == ["2", "9", "1", "1", "3"]
    assert both["team_note"].iloc[0] == "kept" and pd.isna(both["team_note"].iloc[1])
    assert both["team_note"].tolist()[2:] == ["x", "y", "z"]
    assert with_book_cases(files, None) is files and with_book_cases(files, sheet.iloc[:0]) is files
