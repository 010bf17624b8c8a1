"""Comparing a canonical frame with a sample's expected truth (written by tools/make_samples.py, not by tkops)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from tkops import schema
from tkops.schema import Kind
from tkops.settings import Settings
from tkops.sources import mapping


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def settings_for(expected: dict) -> Settings:
    options = expected.get("options", {})
    return Settings(market=options.get("market", ""), encoding=options.get("encoding", ""))


def mappings_for(expected: dict, folder: Path) -> list:
    name = expected.get("options", {}).get("mapping")
    return [mapping.from_toml(folder / name)] if name else []


def plain(value, kind: Kind):
    """A canonical cell as the JSON truth writes it."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind is Kind.DATETIME:
        return pd.Timestamp(value).strftime("%Y-%m-%dT%H:%M:%S")
    if kind is Kind.INT:
        return int(value)
    if kind in (Kind.MONEY, Kind.NUMBER):
        return float(value)
    return str(value)


def differences(frame: pd.DataFrame, lines: list[dict]) -> list[str]:
    """Every cell where ``frame`` (canonical keys) differs from the truth ``lines`` (display names)."""
    problems = []
    if len(frame) != len(lines):
        problems.append(f"{len(frame)} lines read, {len(lines)} expected")
    for i, truth in enumerate(lines[: len(frame)]):
        for name, want in truth.items():
            column = schema.BY_NAME[name]
            got = plain(frame[column.key].iloc[i], column.kind) if column.key in frame.columns else None
            if isinstance(want, float) and isinstance(got, float):
                same = math.isclose(want, got, rel_tol=1e-9, abs_tol=1e-9)
            else:
                same = want == got
            if not same:
                problems.append(f"line {i}, {name}: got {got!r}, expected {want!r}")
    return problems
