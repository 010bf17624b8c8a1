"""Every clock and state has its sentence in English and Chinese, with the same placeholders."""

from __future__ import annotations

import string

from tkops.clocks import CATALOGUE, CLOCKS, STATES, explain
from tkops.clocks.catalogue import HINTS, state_key


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_clock_and_state_has_a_sentence():
    for clock in CLOCKS:
        assert f"clock.{clock}" in CATALOGUE
        for state in STATES:
            assert f"clock.{clock}.{state_key(state)}" in CATALOGUE
    for state in STATES:
        assert f"clock.state.{state_key(state)}" in CATALOGUE


def test_both_languages_with_the_same_placeholders():
    for code, entry in {**CATALOGUE, **HINTS}.items():
        assert set(entry) == {"en", "zh"}, code
        assert fields(entry["en"]) == fields(entry["zh"]), code


def test_explain():
    assert explain("clock.dispatch.late", "en", due="2026-11-25 23:59", hours=5.0) == (
        "dispatch deadline 2026-11-25 23:59 passed 5 h ago: this order counts as late dispatch")
    assert explain("clock.review.due_soon", "zh", due="12:00", hours=0.25) == "审单将于 12:00 到期（剩 0.2 小时）"
    assert explain("clock.nope") == "clock.nope"
    assert explain("clock.review", "fr") == "Review"
