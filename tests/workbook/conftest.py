"""The macro workbook, built once per test session from the repository's macros/ and the installed xlwings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tkops.xlsm import build_workbook

REPO = Path(__file__).resolve().parents[2]
MACROS = REPO / "macros"


@pytest.fixture(scope="session")
def xlsm(tmp_path_factory) -> Path:
    return build_workbook(tmp_path_factory.mktemp("workbook") / "tkops.xlsm")


@pytest.fixture(scope="session")
def xlsm_bytes(xlsm) -> bytes:
    return xlsm.read_bytes()


#: A small Seller Center export, for commands aimed at the macro workbook.
EXPORTS_SAMPLE = REPO / "tests" / "data" / "exports" / "us_2025.csv"
