"""Every clock and state has its sentence in English and Chinese, with the same placeholders."""

from __future__ import annotations

import pytest

from tkops.clocks import CATALOGUE, CLOCKS, STATES, explain
from tkops.clocks.catalogue import HINTS, state_key


def test_every_clock_and_state_has_a_sentence():
    for clock in CLOCKS:
        assert f"clock.{clock}" in CATALOGUE
        for state in STATES:
            assert f"clock.{clock}.{state_key(state)}" in CATALOGUE
    for state in STATES:
        assert f"clock.state.{state_key(state)}" in CATALOGUE


def test_explain():
    # en/zh and their placeholders: tests/test_catalogues.py checks every catalogue
    assert explain("clock.dispatch.late", "en", due="2026-11-25 23:59", hours=5.0) == (
        "dispatch deadline 2026-11-25 23:59 passed 5 h ago: this order counts as late dispatch")
    assert explain("clock.review.due_soon", "zh", due="12:00", hours=0.25) == "审单将于 12:00 到期（剩 0.2 小时）"
    assert explain("clock.review", "fr") == "Review"


@pytest.mark.usefixtures("lenient_messages")
def test_an_unknown_clock_code_is_shown_as_it_is_in_a_users_run():
    assert explain("clock.nope") == "clock.nope"
    assert HINTS
