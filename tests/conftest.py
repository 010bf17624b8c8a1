"""Shared fixtures: paths of the sample data, a clean working folder, settings."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
EXPORTS = DATA / "exports"


@pytest.fixture
def exports() -> Path:
    return EXPORTS
