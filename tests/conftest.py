"""Shared fixtures: paths of the sample data, a clean working folder, settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tkops import messages

# Under tests a missing message, a missing language or placeholders that differ between en and zh raise instead of
# being logged (a user's run never crashes on a sentence): see tkops.messages.strict.
os.environ[messages.STRICT_ENV] = "1"

DATA = Path(__file__).parent / "data"
EXPORTS = DATA / "exports"


@pytest.fixture
def exports() -> Path:
    return EXPORTS


@pytest.fixture
def lenient_messages(monkeypatch):
    """Message lookups as in a user's run: a catalogue problem is logged, never raised."""
    monkeypatch.delenv(messages.STRICT_ENV, raising=False)
