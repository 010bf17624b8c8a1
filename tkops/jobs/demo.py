"""``tkops demo``: the main job on the bundled sample data, into a workbook a person can open.

A realistic day of a small US shop (Seller Center CSV, US 2025 layout) and of a Thai shop (OrderSKUList XLSX with
the Thai description row), taken through the SOP at the times a team would, with every output shown once: the
shop's settings (name, return address, QC points) on the Settings sheet; the stock loaded from a stock file into
Inventory; review at 11:30; the Thai buyer's two orders combined into one parcel on the Review sheet; pick list and
packing slips at 12:00; the first wave picked, packed and given tracking numbers by the team; the upload file at
14:00; the deadline clocks at 16:00; the month's return requests into the after-sales case log, a negative review
pasted by the team, reply drafts, an evidence pack for a disputed case, the after-sales summary; the follow-up of
stalled shipments ten days on; and the month-end report from the export files.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pandas as pd

from tkops.book import FileBook, safety
from tkops.book.layout import BUNDLES, REVIEW, REVIEWS, SETTINGS
from tkops.book.session import BookSession
from tkops.jobs.new_book import default_rows
from tkops.jobs.cases import run_cases
from tkops.jobs.clocks import run_clocks
from tkops.jobs.evidence import run_evidence
from tkops.jobs.import_orders import import_files
from tkops.jobs.picklist import run_picklist
from tkops.jobs.replies import run_followup, run_replies
from tkops.jobs.review import run_review
from tkops.jobs.sheets import read_orders, write_orders
from tkops.jobs.ship import run_ship
from tkops.jobs.slips import run_slips
from tkops.jobs.stock import run_stock
from tkops.jobs.summary import run_summary
from tkops.merge import rows_frame
from tkops.messages import render
from tkops.settings import Settings, sheet_rows
from tkops.shipping import carrier_of

DEMO_BOOK = "tkops-demo.xlsx"
US_FILE = "us_shop_2026-11-25.csv"
SEA_FILE = "sea_shop_2026-11-25.xlsx"
RETURNS_FILE = "us_returns_2026-11.csv"
STOCK_FILE = "inventory.csv"
IMPORT_AT = dt.datetime(2026, 11, 25, 9, 0)  # the morning's import and stock count, before the review
DEMO_NOW = dt.datetime(2026, 11, 25, 11, 30)
PICK_AT = dt.datetime(2026, 11, 25, 12, 0)
PICKED_AT = dt.datetime(2026, 11, 25, 12, 35)
PACKED_AT = dt.datetime(2026, 11, 25, 13, 10)
SHIP_AT = dt.datetime(2026, 11, 25, 14, 0)
CLOCKS_AT = dt.datetime(2026, 11, 25, 16, 0)
FOLLOWUP_AT = dt.datetime(2026, 12, 5, 10, 0)  # ten days on: shipments still not delivered get a message
OUTPUT = "tkops-output"
#: What a shop fills in once on the Settings sheet: its name and return address on the slips, its QC checks.
SHOP = {"shop_name": "Sunny Basics", "return_address": "Sunny Basics Returns\n1200 Commerce Way, Unit 4\n"
                                                      "Ontario, CA 91761\nUnited States",
        "qc_points": "No stains or loose threads; Size label matches the slip; Folded with tissue"}
#: A one-star review the team pastes on the Reviews sheet for the reply step.
REVIEW_ROW = {"Order ID": "578112093341276610", "Rating": "1", "Buyer Username": "sarah.k", "Country": "US",
              "Language": "en", "Review Text": "Got the wrong colour and the shirt runs small. Disappointed."}


def sample_path(name: str) -> Path:
    """The path of a bundled sample file."""
    return Path(str(resources.files("tkops") / "samples" / name))


def run_demo(out: Path, lang: str = "en", wait: float | None = None) -> list[str]:
    """Build the demo workbook in ``out`` and return what to tell the person. The demo book's lock is held for the
    whole run (every step saves through one :class:`~tkops.book.session.BookSession`)."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / DEMO_BOOK
    lines: list[str] = []
    output = out / OUTPUT
    with BookSession(path, "demo", wait=wait, lang=lang, defaults=default_rows) as session:
        if path.exists():  # a fresh demo each run; the previous one is kept in the backups folder
            safety.check_not_locked(path)
            safety.backup(path)
            path.unlink()
        for file, market in ((US_FILE, "US"), (SEA_FILE, "TH")):
            settings = Settings(language=lang, market=market, **SHOP)
            book = session.open(settings)
            if not book.exists:
                book.write_table(SETTINGS, pd.DataFrame(sheet_rows(settings)[1:], columns=SETTINGS.headers))
                book.write_table(BUNDLES, _sheet_csv("bundles.csv", BUNDLES.headers))
            report = import_files([sample_path(file)], book, settings, failfast=True, now=IMPORT_AT)
            lines += report.messages(lang)
        # The times are the US shop's (the Thai lines' deadlines are computed in Bangkok time and shown in it).
        settings = Settings(language=lang, market="US", **SHOP)
        lines += run_stock([sample_path(STOCK_FILE)], session.open(settings), settings, now=IMPORT_AT).lines(lang)
        lines += run_review(session.open(settings), settings, now=DEMO_NOW).lines
        _team_combines_the_thai_orders(session.open(settings))
        lines += run_picklist(session.open(settings), settings, output, PICK_AT).lines(lang)
        lines += run_slips(session.open(settings), settings, output, PICK_AT).lines(lang)
        _team_packs_the_us_waves(session.open(settings))
        lines += run_ship(session.open(settings), settings, None, SHIP_AT).lines(lang)
        lines += run_clocks(session.open(settings), settings, CLOCKS_AT).lines(lang)
        lines += run_cases(session.open(settings), settings, [sample_path(RETURNS_FILE)], CLOCKS_AT).lines(lang)
        _team_pastes_a_review(session.open(settings))
        lines += run_replies(session.open(settings), settings).lines(lang)
        lines += _evidence_pack(out, session.open(settings), settings, lang)
        lines += run_summary(session.open(settings), settings, output, CLOCKS_AT).lines(lang)
        lines += run_followup(session.open(settings), settings, FOLLOWUP_AT).lines(lang)
    lines += _month_end(out, path, settings, lang)  # reads the book once the demo's writes are done
    lines.append(render("demo_done", lang, book=path.resolve(), folder=output.resolve()))
    return lines


def _team_combines_the_thai_orders(book: FileBook) -> None:
    """The Thai buyer asked to ship her two orders together: the team ticks Combine on the Review sheet's "ship
    together" row of one of them, so they go out as one parcel with one slip (the US pair stays two slips, side by
    side)."""
    review = rows_frame(book.read_rows(REVIEW.name))
    thai = review["Explanation"].astype(str).str.contains("583402808746535844|579239652818561529", regex=True)
    pick = review.index[(review["Code"] == "order.combinable") & thai][:1]
    review["Combine"] = review.get("Combine", pd.Series(None, index=review.index)).astype(object)
    review.loc[pick, "Combine"] = "Yes"
    spec = REVIEW.with_extra([str(c) for c in review.columns])
    book.write_table(spec, review.reindex(columns=spec.headers))
    book.save()


def _team_pastes_a_review(book: FileBook) -> None:
    """A one-star review, as the team pastes it on the Reviews sheet (the reply step drafts the answers)."""
    book.write_table(REVIEWS, pd.DataFrame([REVIEW_ROW]).reindex(columns=REVIEWS.headers))
    book.save()


def _evidence_pack(out: Path, book: FileBook, settings: Settings, lang: str) -> list[str]:
    """A disputed case: its folder under Evidence/ beside the workbook holds the team's proof (the packing photo and
    the label), and the evidence pack gathers it with the checklist."""
    case = "4035118812903456799"  # the wrong-item case of the returns sample
    folder = out / "Evidence" / f"{case} wrong colour"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "packing-photo.png").write_bytes(_PNG)
    (folder / "shipping-label.txt").write_text("USPS 9400111201080805480145, packed 2026-11-20 by Mei\n",
                                               encoding="utf-8")
    return run_evidence(book, settings, case, out / "Evidence", out / OUTPUT,
                        CLOCKS_AT).lines(lang)


def _month_end(out: Path, book_path: Path, settings: Settings, lang: str) -> list[str]:
    """The month-end report of November from the month's export files and the workbook's team sheets."""
    from tkops.jobs.month_end import run_month_end

    return run_month_end("2026-11", [sample_path(US_FILE)], [sample_path(RETURNS_FILE)], out / OUTPUT, settings,
                         book=book_path, now=CLOCKS_AT).lines(lang)


#: A 1x1 grey PNG: the demo's stand-in for the packing photo a team takes.
_PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763"
                     "686868000003040181a3e6e20000000049454e44ae426082")


def _team_packs_the_us_waves(book: FileBook) -> None:
    """What the team does by hand between the pick list and the upload: tick the US shop's picked lines picked, QC'd
    and packed, and type the carrier's tracking numbers (valid USPS numbers) and the provider. The Thai shop's
    waves are still on the shelf: their clocks show it."""
    view = read_orders(book)
    sheet = view.sheet
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
    write_orders(book, view, sheet)
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
