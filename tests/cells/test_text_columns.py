"""Long text columns are converted once per distinct value: the result must be what the cell-by-cell path gives."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tkops.cells.text import map_text, mangled_id, scalar_text, text_column, text_or_none

LONG = 5_000  # above the length where distinct values are looked for


def _mixed_texts(n: int) -> list:
    base = [" 577000000000000001 ", "Delivered", "   ", "", None, np.nan, "5.77E+17", "Café  ", "577000000000000001"]
    return [base[i % len(base)] for i in range(n)]


@pytest.mark.parametrize("dtype", [object, "str"])
def test_text_column_of_a_long_text_column_is_the_cell_by_cell_text(dtype):
    col = pd.Series(_mixed_texts(LONG), dtype=dtype)
    got = text_column(col, col.index)
    assert got.dtype == object
    assert got.tolist() == [scalar_text(v) for v in col.astype(object)]
    assert got.iloc[0] == "577000000000000001" and got.iloc[2] == "" and got.iloc[4] == ""


@pytest.mark.parametrize("dtype", [object, "str"])
def test_a_long_column_of_ids_is_the_cell_by_cell_text(dtype):
    # most first cells differ (Order IDs): each is stripped on its own; blanks of every kind are ""
    ids = [f" 5770000000{i:08d} " if i % 7 else None for i in range(LONG)]
    ids[3], ids[10], ids[11] = "   ", np.nan, "x\u3000"  # the ideographic space is one str.strip() removes
    col = pd.Series(ids, dtype=dtype, index=range(10, 10 + LONG))
    got = text_column(col, col.index)
    assert got.dtype == object and got.index.equals(col.index)
    assert got.tolist() == [scalar_text(v) for v in col.astype(object)]
    assert got.iloc[1] == "577000000000000001" and got.iloc[0] == got.iloc[3] == got.iloc[10] == ""
    assert got.iloc[11] == "x"
    subclass = pd.Series([np.str_(f" {i} ") for i in range(LONG)], dtype=object)
    assert text_column(subclass, subclass.index).tolist() == [str(i) for i in range(LONG)]


def test_numbers_and_booleans_in_a_long_column_keep_what_a_person_sees():
    # 1, 1.0 and True are equal as dict keys, but a person sees "1", "1" and "TRUE"
    col = pd.Series([1, 1.0, True, "x"] * (LONG // 4), dtype=object)
    assert text_column(col, col.index).tolist()[:4] == ["1", "1", "TRUE", "x"]
    assert map_text(col, text_or_none).tolist()[:4] == ["1", "1", "TRUE", "x"]


def test_map_text_keeps_blanks_as_they_were_and_converts_each_text():
    col = pd.Series(_mixed_texts(LONG), dtype=object)
    got = map_text(col, text_or_none)
    want = col.map(text_or_none, na_action="ignore").astype(object)
    assert got.index.equals(col.index)
    assert [None if (v is None or v is np.nan) else v for v in got] == \
        [None if (v is None or v is np.nan) else v for v in want]
    assert got.iloc[2] is None and got.iloc[4] is None and got.iloc[0] == "577000000000000001"
    assert map_text(col, mangled_id).eq(True).tolist() == col.map(mangled_id, na_action="ignore").eq(True).tolist()


def test_a_short_column_goes_cell_by_cell_with_the_same_result():
    col = pd.Series([" a ", None, 2.0], index=[5, 6, 7], dtype=object)
    assert text_column(col, col.index).tolist() == ["a", "", "2"]
    assert map_text(col, text_or_none).tolist()[::2] == ["a", "2"]


def test_a_long_text_column_is_converted_once_per_distinct_value():
    seen = []
    col = pd.Series(["b", "a", None] * (LONG // 3), dtype=object)
    got = map_text(col, lambda v: seen.append(v) or v.upper())
    assert sorted(seen) == ["a", "b"]
    assert got.tolist()[:3] == ["B", "A", None]


@pytest.mark.parametrize("dtype", [object, "str"])
@pytest.mark.parametrize("n", [LONG, 9])
def test_texts_or_none_is_text_or_none_cell_by_cell_with_blanks_kept(dtype, n):
    from tkops.cells.text import texts_or_none

    col = pd.Series(_mixed_texts(n), index=range(10, 10 + n), dtype=dtype)
    got = texts_or_none(col)
    want = col.map(text_or_none, na_action="ignore").astype(object)
    assert got.dtype == object and got.index.equals(col.index)
    assert [None if pd.isna(v) else v for v in got] == [None if pd.isna(v) else v for v in want]
    assert got.iloc[0] == "577000000000000001" and got.iloc[7] == "Café" and pd.isna(got.iloc[2])


def test_texts_or_none_of_numbers_keeps_what_a_person_sees():
    from tkops.cells.text import texts_or_none

    col = pd.Series([1, 1.0, True, " x "] * (LONG // 4), dtype=object)
    assert texts_or_none(col).tolist()[:4] == ["1", "1", "TRUE", "x"]


@pytest.mark.parametrize("dtype", [object, "str"])
@pytest.mark.parametrize("n", [LONG, 7])
def test_id_texts_finds_the_first_mangled_id_on_both_paths(dtype, n):
    from tkops.cells.text import id_texts

    ids = [f" 5770000000000{i:05d} " if i % 3 else None for i in range(n)]
    clean, first = id_texts(pd.Series(ids, index=range(100, 100 + n), dtype=dtype))
    assert first is None
    assert [None if pd.isna(v) else v for v in clean] == [None if v is None else v.strip() for v in ids]
    assert clean.index[0] == 100 and clean.dtype == object
    # two damaged IDs, the second repeated before it: the first by position is named, by its index label
    ids[n - 2], ids[n - 4], ids[1] = "5.77E+17", "577000000000000001.0", "5.77E+17"
    _texts, first = id_texts(pd.Series(ids, index=range(100, 100 + n), dtype=dtype))
    assert first == 101
    ids[1] = "577"
    _texts, first = id_texts(pd.Series(ids, index=range(100, 100 + n), dtype=dtype))
    assert first == 100 + n - 4


def test_id_texts_of_numbers_refuses_a_rounded_float_but_not_a_whole_one():
    from tkops.cells.text import id_texts

    texts, first = id_texts(pd.Series([None, 12.0, 4021, np.nan] * (LONG // 4), dtype=object))
    assert first is None and texts.tolist()[1:3] == ["12", "4021"] and pd.isna(texts.iloc[0])
    _texts, first = id_texts(pd.Series([12.0, 5.77e17, 1.5] * (LONG // 3), dtype=object))
    assert first == 1


@pytest.mark.parametrize("n", [3, LONG])
def test_a_column_of_blanks_and_other_values_is_the_cell_by_cell_text(n):
    import datetime as dt

    kinds = [None, np.nan, pd.NA, pd.NaT, np.datetime64("NaT"), np.timedelta64("NaT"), " a ", 2.5, 3.0, True,
             dt.datetime(2026, 1, 2, 3, 4), dt.date(2026, 1, 2), "  ", 12, float("inf")]
    col = pd.Series([kinds[i % len(kinds)] for i in range(n * len(kinds))], dtype=object)
    got = text_column(col, col.index).tolist()
    assert got == [scalar_text(v) for v in col]
    assert got[:15] == ["", "", "", "", "", "", "a", "2.5", "3", "TRUE", "2026-01-02 03:04:00", "2026-01-02", "",
                        "12", "inf"]
    blank = pd.Series([None] * n, dtype=object)
    assert text_column(blank, blank.index).tolist() == [""] * n


@pytest.mark.parametrize("n", [3, LONG])
def test_text_column_is_aligned_to_the_index_asked_for(n):
    col = pd.Series([" x ", None, "y"] * n, index=range(10, 10 + 3 * n), dtype=object)
    index = pd.Index([11, 10, 5, 12])  # a cell not in the column is blank; the order is the index's
    got = text_column(col, index)
    assert got.index.equals(index) and got.tolist() == ["", "x", "", "y"] and got.dtype == object
    same = text_column(col, col.index)
    assert same.index.equals(col.index) and same.tolist()[:3] == ["x", "", "y"]
    missing = text_column(None, index)
    assert missing.dtype == object and missing.tolist() == [""] * 4 and missing.index.equals(index)
