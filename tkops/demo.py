"""``tkops demo``: the main job on the bundled sample data, into a workbook a person can open.

A realistic day of a small US shop (Seller Center CSV, US 2025 layout) and of a Thai shop (OrderSKUList XLSX with
the Thai description row), plus the team's Inventory and Bundles sheets. Later steps of the SOP join the demo as
they land.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pandas as pd

from tkops.book import FileBook
from tkops.book import safety
from tkops.book.layout import BUNDLES, INVENTORY
from tkops.importer import import_files
from tkops.review_job import run_review
from tkops.messages import render
from tkops.settings import Settings

DEMO_BOOK = "tkops-demo.xlsx"
US_FILE = "us_shop_2026-11-25.csv"
SEA_FILE = "sea_shop_2026-11-25.xlsx"
DEMO_NOW = dt.datetime(2026, 11, 25, 11, 30)


def sample_path(name: str) -> Path:
    """The path of a bundled sample file."""
    return Path(str(resources.files("tkops") / "samples" / name))


def run_demo(out: Path, lang: str = "en") -> list[str]:
    """Build the demo workbook in ``out`` and return what to tell the person."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / DEMO_BOOK
    if path.exists():  # a fresh demo each run; the previous one is kept in the backups folder
        safety.check_not_locked(path)
        safety.backup(path, keep=3)
        path.unlink()
    lines: list[str] = []
    for file, market in ((US_FILE, "US"), (SEA_FILE, "TH")):
        settings = Settings(language=lang, market=market)
        book = FileBook(path, settings)
        if not book.exists:
            book.write_table(INVENTORY, _sheet_csv("inventory.csv", INVENTORY.headers))
            book.write_table(BUNDLES, _sheet_csv("bundles.csv", BUNDLES.headers))
        report = import_files([sample_path(file)], book, settings, failfast=True)
        lines += report.messages(lang)
    # Review as of the demo day's late morning, so the holds after payment show as they would have then.
    settings = Settings(language=lang)
    book = FileBook(path, settings)
    lines += run_review(book, settings, now=DEMO_NOW).lines
    lines.append(render("demo_done", lang, book=path.resolve()))
    return lines


def _sheet_csv(name: str, headers: list[str]) -> pd.DataFrame:
    frame = pd.read_csv(sample_path(name), dtype=str, keep_default_na=False)
    return frame.reindex(columns=headers).replace("", None)
