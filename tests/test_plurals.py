"""Counted nouns: one plural form for every catalogue, so "1 wave" and "2 waves", never "1 waves"."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from tkops.locale_files import read
from tkops.messages import render
from tkops.plural import plural_forms, without_forms

#: Every catalogue file (tkops/locale).
CATALOGUES = sorted((Path(__file__).resolve().parent.parent / "tkops" / "locale").glob("*.toml"))
NOUNS = r"(lines|rows|files|orders|items|waves|cases|reviews|pairs|slips|numbers|conflicts|retries|seconds|days|" \
        r"returns|cancellations|problems|SKUs|bins|buyers|characters)"


def test_a_form_takes_the_singular_for_one_only():
    template = "{n} {n|wave|waves}, {m} {m|order is|orders are}"
    assert plural_forms(template, {"n": 1, "m": 2}) == "{n} wave, {m} orders are"
    assert plural_forms(template, {"n": 0, "m": -1.0}) == "{n} waves, {m} order is"
    assert plural_forms(template, {"n": "x"}) == template  # no count (or no number): left as written
    assert without_forms(template) == "{n} waves, {m} orders are"


def _entries():
    for path in CATALOGUES:
        for code, entry in read(path).items():
            yield path.stem, code, entry["en"]


@pytest.mark.parametrize("name, code, text", [e for e in _entries() if "|" in e[2]], ids=lambda v: str(v)[:40])
def test_every_counted_noun_reads_right_for_one_and_for_two(name, code, text):
    fields = {f for _, f, _, _ in string.Formatter().parse(without_forms(text)) if f}
    for count in (1, 2):
        filled = plural_forms(text, {f: count for f in fields})
        assert "|" not in filled, (code, filled)
        words = filled.format(**{f: count for f in fields})
        assert not re.search(rf"\b1 (?:\w+ )?{NOUNS}\b", words), (code, words)


def test_the_sentences_of_the_issue_read_right():
    assert render("pick.job.done", "en", waves=1, numbers="1", orders=1, units=1, rows=1) == \
        "Pick list: 1 wave (1), 1 order, 1 item, 1 pick line."
    assert render("skipped_rows", "en", n=1) == \
        " (1 row without order data skipped: TikTok's description row, empty rows)"
    assert "0 lines held back" not in render("ship_summary_all", "en", exported=3, file="x.xlsx")
