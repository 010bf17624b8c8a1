"""When a written cell counts as unchanged (tkops.book.cells.same): the book writers skip those cells, so a value
wrongly called the same would never reach the file."""

import datetime as dt

import pytest

from tkops.book.cells import same


@pytest.mark.parametrize("a, b", [
    (None, ""), (float("nan"), None), (2, 2.0), (0.1 + 0.2, 0.3), (1e-12, 0), (19.99, 19.990000000000002),
    (dt.datetime(2026, 11, 25, 9, 0, 0), dt.datetime(2026, 11, 25, 9, 0, 0, 400000)), ("a", "a"),
])
def test_values_a_person_reads_as_one(a, b):
    assert same(a, b) and same(b, a)


@pytest.mark.parametrize("a, b", [
    (-1099511627579, -1099511627580), (1099511627579.0, 1099511627580), (123456789012.5, 123456789012.6),
    (0.001, 0.002), (19.99, 19.98), (0, ""), (True, 1.5), ("a", "A"),
    (dt.datetime(2026, 11, 25, 9, 0, 0), dt.datetime(2026, 11, 25, 9, 0, 1)),
])
def test_values_that_differ_are_written(a, b):
    assert not same(a, b) and not same(b, a)
