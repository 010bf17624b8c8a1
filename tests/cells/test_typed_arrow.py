"""Columns taken as Arrow arrays are typed exactly as their grid would be: ``typed_columns(columns)`` equals
``typed(sheet_frame(columns.grid()))`` value for value and dtype for dtype, and refuses what that refuses with the
same message (a missing ID header, a header twice, an ID Excel rounded)."""

from __future__ import annotations

import datetime as dt
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tkops.cells.arrow_values import SAMPLE, SHARED_FROM, SheetColumns, grid_values, text_objects
from tkops.cells.typed_arrow import STRIPPED, typed_columns
from tkops.errors import BadWorkbook, DataError
from tkops.merge import sheet_frame, typed
from tkops.schema import Column, Kind

SHEET = "AfterSales"
KINDS = (Kind.ID, Kind.TEXT, Kind.INT, Kind.MONEY, Kind.NUMBER, Kind.DATETIME)
SCHEMA = (Column("case_id", "Case ID", Kind.ID),) + tuple(
    Column(f"c{n}", f"C{n}", kind) for n, kind in enumerate(KINDS))


def grid_way(columns: SheetColumns, kinds=SCHEMA, id_header="Case ID"):
    """What the grid path makes of the columns: the result, or the refusal's type and message."""
    try:
        return typed(sheet_frame(columns.grid(), SHEET, "ops.xlsx", id_header), kinds, SHEET)
    except (BadWorkbook, DataError) as err:
        return type(err), str(err)


def arrow_way(columns: SheetColumns, kinds=SCHEMA, id_header="Case ID"):
    try:
        return typed_columns(columns, kinds, SHEET, "ops.xlsx", id_header)
    except (BadWorkbook, DataError) as err:
        return type(err), str(err)


def same(columns: SheetColumns, kinds=SCHEMA, id_header="Case ID"):
    expected, got = grid_way(columns, kinds, id_header), arrow_way(columns, kinds, id_header)
    if isinstance(expected, tuple):
        assert got == expected
    else:
        pd.testing.assert_frame_equal(got, expected, check_exact=True)
    return got


SPACES = st.sampled_from(STRIPPED)
TEXT = st.one_of(
    st.none(), st.just(""),
    st.text(st.sampled_from("ab7.eE-"), max_size=4),
    st.builds(lambda a, b, c: a + b + c, st.text(SPACES, max_size=2), st.text("xy 0", max_size=3),
              st.text(SPACES, max_size=2)),
    st.sampled_from(["5.77E+17", "577000000000000000.0", "1,5e3", " 12 ", "Café", "日本"]))
NUMBER = st.one_of(st.none(), st.sampled_from([0.0, -0.0, 1.0, 2.5, -3.0, 2.0**53, 2.0**53 + 2, 1e20, 1e-9, 12.0]),
                   st.floats(allow_nan=False, allow_infinity=False, width=32))
TIME = st.one_of(st.none(), st.datetimes(min_value=dt.datetime(1904, 1, 2), max_value=dt.datetime(2200, 1, 1)))


def _array(draw, n: int) -> pa.Array:
    kind = draw(st.sampled_from(["text", "number", "time", "null", "bool"]))
    if kind == "null":
        return pa.nulls(n)
    if kind == "bool":
        return pa.array(draw(st.lists(st.one_of(st.none(), st.booleans()), min_size=n, max_size=n)), pa.bool_())
    values = draw(st.lists({"text": TEXT, "number": NUMBER, "time": TIME}[kind], min_size=n, max_size=n))
    return pa.array(values, {"text": pa.string(), "number": pa.float64(), "time": pa.timestamp("us")}[kind])


@st.composite
def sheet_columns(draw):
    n = draw(st.integers(0, 12))
    names = draw(st.permutations([c.name for c in SCHEMA]))[:draw(st.integers(1, len(SCHEMA)))]
    return SheetColumns([draw(st.sampled_from([h, f" {h} "])) for h in names], [_array(draw, n) for _ in names])


@settings(max_examples=400, deadline=None)
@given(sheet_columns())
def test_typed_from_arrow_as_from_the_grid(columns):
    same(columns)


@pytest.mark.parametrize("n", [SHARED_FROM + 5, 2_500])
def test_long_columns_as_from_the_grid(n):
    # long columns take other ways on both sides: distinct values hashed (grid), text objects shared (Arrow)
    rng = np.random.default_rng(n)
    few = [" Delivered", "Refund ", "", None, "Café\u3000", "  ", "5.77E+17"[:-3]]
    texts = [few[i] for i in rng.integers(0, len(few), n)]
    ids = [f"5770{i:014d}" for i in range(n)]
    numbers = [None if i % 7 == 0 else float(i % 50) / 4 for i in range(n)]
    times = [None if i % 5 == 0 else dt.datetime(2026, 1, 1) + dt.timedelta(minutes=i) for i in range(n)]
    columns = SheetColumns(["Case ID", "C1", "C2", "C3", "C5"],
                           [pa.array(ids), pa.array(texts), pa.array(numbers), pa.array(numbers), pa.array(times)])
    got = same(columns)
    assert len(got) == n and got["c1"].isna().any() and "Café" in set(got["c1"])
    assert not any(v != v.strip() for v in got["c1"].dropna())


def test_trailing_blank_rows_are_no_rows_and_spaces_are_a_value():
    columns = SheetColumns(["Case ID", "C1", "C2"], [pa.array(["1", "", None, None]), pa.array(["a", None, " ", ""]),
                                                     pa.array([1.0, None, None, float("nan")])])
    assert columns.used_rows() == 3  # row 3's " " holds a value; row 4 holds none
    got = same(columns)
    assert len(got) == 3 and got["c1"].tolist() == ["a", None, None]
    assert SheetColumns(["Case ID"], [pa.array(["", None])]).used_rows() == 0
    assert SheetColumns(["Case ID", "C0"], [pa.nulls(2), pa.array([None, "x"])]).used_rows() == 2


@pytest.mark.parametrize("bad", ["5.77E+17", " 577000000000000000.0 ", "12.00"])
def test_an_id_excel_rounded_is_refused_naming_its_row(bad):
    columns = SheetColumns(["Case ID", "C0"], [pa.array(["1", "2", "3"]), pa.array(["57", "1.", bad])])
    err = arrow_way(columns)
    assert err == grid_way(columns) and err[0] is DataError and "4" in err[1] and "C0" in err[1]
    first = SheetColumns(["Case ID"], [pa.array(["1.5", "1.0", "5.77E+17"])])  # the first of two, as the grid's
    assert arrow_way(first) == grid_way(first) and 'row 3, column "Case ID": the ID "1.0"' in arrow_way(first)[1]


def test_headers_are_checked_as_the_grids():
    no_id = SheetColumns(["C1"], [pa.array(["x"])])
    assert arrow_way(no_id)[0] is BadWorkbook and arrow_way(no_id) == grid_way(no_id)
    twice = SheetColumns(["Case ID", "C1", " C1"], [pa.array(["1"]), pa.array(["a"]), pa.array(["b"])])
    assert arrow_way(twice)[0] is BadWorkbook and arrow_way(twice) == grid_way(twice)


def test_the_characters_stripped_are_pythons():
    assert set(STRIPPED) == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}


def test_text_objects_share_few_distinct_values_and_fill_blanks():
    column = pa.chunked_array([pa.array(["USD", None] * (SHARED_FROM // 2)), pa.array(["GBP", "USD"])])
    values = text_objects(column, "")
    assert values.tolist() == ["USD", ""] * (SHARED_FROM // 2) + ["GBP", "USD"]
    assert values[0] is values[-1]  # one string per distinct value
    assert text_objects(column)[1] is None
    short = pa.array(["a", None, "a"])
    assert text_objects(short, "-").tolist() == ["a", "-", "a"] and text_objects(short).tolist() == ["a", None, "a"]
    many = pa.array([str(i) for i in range(SHARED_FROM)] + [None])
    assert text_objects(many, "").tolist()[-2:] == [str(SHARED_FROM - 1), ""]


def test_grid_values_of_each_kind():
    assert grid_values(pa.array(["a", "", None])).tolist() == ["a", None, None]
    assert [type(v).__name__ for v in grid_values(pa.array([1.0, 1.5, None, 2.0**53]))] == \
        ["int", "float", "NoneType", "float"]
    assert grid_values(pa.array([True, None])).tolist() == [True, None]
    assert grid_values(pa.array([dt.datetime(1904, 1, 1)])) is None  # calamine gives a time of day: not converted
    assert grid_values(pa.array([1], pa.int64())) is None


def test_text_objects_shares_from_a_long_column_of_few_distinct_values_in_its_first_rows():
    def shared(column):
        values = text_objects(pa.array(column))
        first = values[0]
        return any(v is first for v in values[1:] if v == first)

    few = ["USD", "GBP"] * (SHARED_FROM // 2)
    assert shared(few)  # exactly SHARED_FROM rows
    assert not shared(few[:-2])  # shorter
    # the first SAMPLE rows decide: a tenth distinct or more there is no sharing, whatever follows
    tenth = [f"v{i % 1000}" for i in range(SAMPLE)]
    assert not shared(tenth + ["USD"] * SHARED_FROM)
    assert shared([f"v{i % 999}" for i in range(SAMPLE)] + ["USD"] * SHARED_FROM)
    # the first row counts: a value only it has makes 1,000 distinct
    assert not shared(["only"] + [f"v{i % 999}" for i in range(SAMPLE - 1)] + ["USD"] * SHARED_FROM)
    assert shared(["USD"] * SAMPLE + [f"v{i}" for i in range(SHARED_FROM)])  # the rows after them never count


def test_columns_of_no_kind_and_edges_of_what_is_converted():
    from tkops.cells.arrow_values import FIRST_DAY, convertible

    assert grid_values(pa.nulls(2)).tolist() == [None, None] and convertible(pa.nulls(2))
    assert SheetColumns(["Case ID", "C1"], [pa.array(["1"]), pa.nulls(1)]).used_rows() == 1
    assert [type(v).__name__ for v in grid_values(pa.array([200.0, 2.0**53 - 1]))] == ["int", "int"]
    first = FIRST_DAY.astype(dt.datetime)
    assert convertible(pa.array([first, None])) and grid_values(pa.array([first])).tolist() == [first]
    before = first - dt.timedelta(microseconds=1)
    assert not convertible(pa.array([before, first])) and grid_values(pa.array([before])) is None
    assert convertible(pa.array([None, None], pa.timestamp("us")))
    assert not convertible(pa.array([first], pa.timestamp("us", tz="UTC")))
    assert not convertible(pa.array([1], pa.int64())) and not convertible(pa.array([b"x"]))
    assert len(SheetColumns([], [])) == 0 and SheetColumns([], []).used_rows() == 0


def test_a_negative_zero_is_the_grids_zero_and_defaults_are_the_orders_sheets():
    columns = SheetColumns(["Order ID", "Amount"], [pa.array(["1", "2"]), pa.array([-0.0, 1.5])])
    money = (Column("order_id", "Order ID", Kind.ID), Column("amount", "Amount", Kind.MONEY))
    got = typed_columns(columns, money, "Orders")  # the file and the ID header by default: the Orders sheet's
    pd.testing.assert_frame_equal(got, typed(sheet_frame(columns.grid(), "Orders"), money, "Orders"),
                                  check_exact=True)
    assert not np.signbit(got["amount"].iloc[0])
    # without a schema column on the sheet, the frame still has a row per row of values
    assert len(typed_columns(columns, (), "Orders")) == 2
