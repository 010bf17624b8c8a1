"""``tkops demo``: the main job on the bundled sample data, into a workbook a person can open.

A realistic day of a small US shop (Seller Center CSV, US 2025 layout) and of a Thai shop (OrderSKUList XLSX with
the Thai description row), plus the team's Inventory and Bundles sheets, taken through the SOP at the times a team
would: review at 11:30, pick list and packing slips at 12:00, the first wave picked, packed and given tracking
numbers by the team, the upload file at 14:00, the deadline clocks at 16:00 and the month's return requests into
the after-sales case log (shop time).
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pandas as pd

from tkops.book import FileBook, safety
from tkops.book.layout import BUNDLES, INVENTORY, ORDERS, orders_columns
from tkops.book.session import BookSession
from tkops.jobs.cases import run_cases
from tkops.jobs.clocks import run_clocks
from tkops.jobs.import_orders import import_files
from tkops.jobs.picklist import run_picklist
from tkops.jobs.replies import run_replies
from tkops.jobs.review import run_review
from tkops.jobs.ship import run_ship
from tkops.jobs.slips import run_slips
from tkops.jobs.summary import run_summary
from tkops.merge import sheet_frame
from tkops.messages import render
from tkops.settings import Settings
from tkops.shipping import carrier_of

DEMO_BOOK = "tkops-demo.xlsx"
US_FILE = "us_shop_2026-11-25.csv"
SEA_FILE = "sea_shop_2026-11-25.xlsx"
RETURNS_FILE = "us_returns_2026-11.csv"
DEMO_NOW = dt.datetime(2026, 11, 25, 11, 30)
PICK_AT = dt.datetime(2026, 11, 25, 12, 0)
PICKED_AT = dt.datetime(2026, 11, 25, 12, 35)
PACKED_AT = dt.datetime(2026, 11, 25, 13, 10)
SHIP_AT = dt.datetime(2026, 11, 25, 14, 0)
CLOCKS_AT = dt.datetime(2026, 11, 25, 16, 0)
OUTPUT = "tkops-output"


def sample_path(name: str) -> Path:
    """The path of a bundled sample file."""
    return Path(str(resources.files("tkops") / "samples" / name))


def run_demo(out: Path, lang: str = "en", wait: float | None = None) -> list[str]:
    """Build the demo workbook in ``out`` and return what to tell the person. The demo book's lock is held for the
    whole run (every step saves through one :class:`~tkops.book.session.BookSession`)."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / DEMO_BOOK
    lines: list[str] = []
    with BookSession(path, "demo", wait=wait, lang=lang) as session:
        if path.exists():  # a fresh demo each run; the previous one is kept in the backups folder
            safety.check_not_locked(path)
            safety.backup(path)
            path.unlink()
        for file, market in ((US_FILE, "US"), (SEA_FILE, "TH")):
            settings = Settings(language=lang, market=market)
            book = session.open(settings)
            if not book.exists:
                book.write_table(INVENTORY, _sheet_csv("inventory.csv", INVENTORY.headers))
                book.write_table(BUNDLES, _sheet_csv("bundles.csv", BUNDLES.headers))
            report = import_files([sample_path(file)], book, settings, failfast=True)
            lines += report.messages(lang)
        # Review as of the demo day's late morning, so the holds after payment show as they would have then. The
        # times are the US shop's (the Thai lines' deadlines are computed in Bangkok time and shown in it).
        settings = Settings(language=lang, market="US")
        lines += run_review(session.open(settings), settings, now=DEMO_NOW).lines
        lines += run_picklist(session.open(settings), settings, out / OUTPUT, PICK_AT).lines(lang)
        lines += run_slips(session.open(settings), settings, out / OUTPUT, PICK_AT).lines(lang)
        _team_packs_the_us_waves(session.open(settings))
        lines += run_ship(session.open(settings), settings, None, SHIP_AT).lines(lang)
        lines += run_clocks(session.open(settings), settings, CLOCKS_AT).lines(lang)
        lines += run_cases(session.open(settings), settings, [sample_path(RETURNS_FILE)], CLOCKS_AT).lines(lang)
        lines += run_replies(session.open(settings), settings).lines(lang)
        lines += run_summary(session.open(settings), settings, out / OUTPUT, CLOCKS_AT).lines(lang)
    lines.append(render("demo_done", lang, book=path.resolve(), folder=(out / OUTPUT).resolve()))
    return lines


def _team_packs_the_us_waves(book: FileBook) -> None:
    """What the team does by hand between the pick list and the upload: tick the US shop's picked lines picked, QC'd
    and packed, and type the carrier's tracking numbers (valid USPS numbers) and the provider. The Thai shop's
    waves are still on the shelf: their clocks show it."""
    sheet = sheet_frame(book.read_rows(ORDERS.name), ORDERS.name, book.path.name)
    first = sheet["Wave"].notna() & (sheet["Currency"] == "USD")
    numbers = iter(_usps_numbers(sheet.loc[first, "Order ID"].nunique()))
    tracking = {order: next(numbers) for order in dict.fromkeys(sheet.loc[first, "Order ID"])}
    team = {"Picked": "Yes", "Picked At": PICKED_AT, "Packed": "Yes", "QC OK": "Yes", "Packed By": "Mei",
            "Packed At": PACKED_AT, "Shipping Provider Name": "USPS"}
    for column, value in team.items():
        sheet[column] = sheet[column].astype(object) if column in sheet else None
        sheet.loc[first, column] = value
    sheet["Tracking ID"] = sheet["Tracking ID"].astype(object)
    sheet.loc[first, "Tracking ID"] = sheet.loc[first, "Order ID"].map(tracking)
    book.write_table(ORDERS.with_columns(orders_columns(list(sheet.columns), set())), sheet)
    book.save()


def _usps_numbers(count: int) -> list[str]:
    """``count`` USPS tracking numbers with a valid check digit (the demo's carrier labels)."""
    out = []
    serial = 9400111201080805480000
    while len(out) < count:
        serial += 10
        out += [str(serial + d) for d in range(10) if carrier_of(str(serial + d))][:1]
    return out


def _sheet_csv(name: str, headers: list[str]) -> pd.DataFrame:
    frame = pd.read_csv(sample_path(name), dtype=str, keep_default_na=False)
    return frame.reindex(columns=headers).replace("", None)
