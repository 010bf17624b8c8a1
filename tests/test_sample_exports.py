"""Every sample export in tests/data/exports (picked up by a glob) read and compared with its expected truth."""

from __future__ import annotations

import pytest

from tkops.errors import TkopsError
from tkops.sources import read_orders

from conftest import EXPORTS
from expectations import differences, load, mappings_for, settings_for

from tkops.jobs.demo import sample_path

DEMO = sample_path("inventory.csv").parent
CASES = sorted(EXPORTS.glob("*.expected.json")) + sorted(DEMO.glob("*.expected.json"))
SAMPLE_SUFFIXES = (".csv", ".xlsx")


def sample_of(expected_path):
    stem = expected_path.name.removesuffix(".expected.json")
    for suffix in SAMPLE_SUFFIXES:
        candidate = expected_path.with_name(stem + suffix)
        if candidate.exists():
            return candidate
    raise AssertionError(f"no sample file for {expected_path.name}")


def test_there_are_samples_for_every_layout():
    names = {p.name.removesuffix(".expected.json") for p in CASES}
    assert {"us_2025", "us_legacy", "th_sea", "vn_bom", "mabang_gb18030", "dianxiaomi", "mapped_shop"} <= names


@pytest.mark.parametrize("expected_path", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_sample(expected_path):
    expected = load(expected_path)
    sample = sample_of(expected_path)
    settings = settings_for(expected)
    mappings = mappings_for(expected, expected_path.parent)
    if "error" in expected:
        with pytest.raises(TkopsError) as caught:
            read_orders(sample, settings, mappings)
        err = caught.value
        assert err.code in (expected["error"], {"bad_value": "bad_date"}.get(expected["error"])), err.render()
        if expected.get("row") is not None:
            assert err.params.get("row") == expected["row"], err.render()
        if expected.get("column") is not None:
            assert err.params.get("column") == expected["column"], err.render()
        message = err.render("en")
        assert sample.name in message
        assert "{" not in message
        return
    result = read_orders(sample, settings, mappings)
    assert result.table.source.split(":")[0] == expected["source"]
    assert result.table.skipped_rows == expected["skipped_rows"]
    assert len(result.table.frame) == expected["rows_read"]
    problems = differences(result.table.frame, expected["lines"])
    assert not problems, "\n".join(problems[:30])
