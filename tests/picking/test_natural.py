"""Natural order of bins and zones."""

from __future__ import annotations

import pandas as pd

from tkops.picking import natural_rank, natural_sorted


def test_numbers_compare_as_numbers():
    assert natural_sorted(["A-10", "A-2", "A-1", "A-02x"]) == ["A-1", "A-2", "A-02x", "A-10"]


def test_multi_level_bins():
    bins = ["B-2-1", "B-1-10", "B-01-03", "B-1-2", "B-10-1", "B-9-99"]
    assert natural_sorted(bins) == ["B-1-2", "B-01-03", "B-1-10", "B-2-1", "B-9-99", "B-10-1"]


def test_separators_case_and_width_do_not_matter():
    assert natural_sorted(["a-3", "A2", "Ａ－１", "A 4", "a.10"]) == ["Ａ－１", "A2", "a-3", "A 4", "a.10"]


def test_numbers_before_words_and_blanks_last():
    assert natural_sorted(["", "Shelf", "10", "9", "A", "  "]) == ["9", "10", "A", "Shelf", "", "  "]


def test_rank_shares_equal_codes_and_keeps_the_index():
    codes = pd.Series(["A-10", "A-2", None, "A-2", "B"], index=[7, 8, 9, 10, 11])
    assert natural_rank(codes).to_dict() == {7: 1, 8: 0, 9: 3, 10: 0, 11: 2}
