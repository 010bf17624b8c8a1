"""The shared flags column: each step rewrites its own letters and keeps the others'."""

from __future__ import annotations

import pandas as pd

from tkops import flags


def test_tokens_and_join_round_trip():
    assert flags.tokens("|E:Zipcode|L:Dispatch Deadline|") == [("E", "Zipcode"), ("L", "Dispatch Deadline")]
    assert flags.join([("E", "Zipcode"), ("K", "Pack Due")]) == "|E:Zipcode|K:Pack Due|"
    assert flags.join([]) is None
    for junk in (None, "", float("nan"), "=1+1", "|no colon|", 5):
        assert flags.tokens(junk) == []


def test_merge_keeps_other_steps_marks():
    index = pd.Index([3, 7, 9])
    existing = pd.Series(["|E:Zipcode|L:Review Due|", None, "|S:Pack Due|"], index=index)
    new = {3: [("K", "Review Due")], 7: "|L:Dispatch Deadline|"}
    out = flags.merge(existing, new, flags.CLOCK_LETTERS, index)
    assert out.tolist() == ["|E:Zipcode|K:Review Due|", "|L:Dispatch Deadline|", None]
    # The review's turn: its own letters replaced, the clocks' kept.
    out = flags.merge(out, pd.Series({9: "|W:Phone #|"}), flags.REVIEW_LETTERS, index)
    assert out.tolist() == ["|K:Review Due|", "|L:Dispatch Deadline|", "|W:Phone #|"]
    # Whichever step ran last, the same marks read the same (a re-run writes no cell).
    again = flags.merge(pd.Series(["|L:Pack Due|E:Zipcode|"]), {0: "|E:Zipcode|"}, flags.REVIEW_LETTERS,
                        pd.RangeIndex(1))
    assert again.tolist() == ["|E:Zipcode|L:Pack Due|"]
