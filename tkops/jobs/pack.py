"""Pack station: the job behind ``tkops pack`` and the Pack sheet's scan cell (``tkops.xl.pack_scan``).

A :class:`PackSession` is built once per session from the Orders, Inventory and PackLog sheets (the index of the
open lines, and the state the last session left: PackLog since its last order scan is replayed). Each scan is then
:meth:`PackSession.feed`: the core's verdict, the PackLog row, the Pack sheet's view and, when an order is complete
(or overridden with a reason), the values for its lines on Orders: Packed, QC OK, Packed By, Packed At and Pack
Override. The batch command feeds a file of scans and writes the sheets once; the live path writes each scan's
cells at once (:mod:`tkops.book.live_pack`).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from tkops.book.layout import BUNDLES, INVENTORY, PACK, PACKLOG
from tkops.book.protocol import Book, ReadBook
from tkops.errors import DataError
from tkops.jobs.sheets import OrdersView, read_orders, write_orders
from tkops.merge import rows_frame, typed
from tkops.messages import render
from tkops.pack import PackIndex, PackState, Verdict, build_index, override, scan
from tkops.pack.index import open_lines
from tkops.pack.scan import override_reason, replay
from tkops.pack.screen import ScreenView, message, screen
from tkops.settings import Settings

#: Verdicts that start a parcel: PackLog is replayed from the last of them.
OPENINGS = frozenset({"order_opened", "order_switched", "already_packed"})
MISTAKES = frozenset({"wrong_item", "too_many", "not_in_order", "unknown_code"})
#: The Orders columns the pack station writes.
PACKED_COLUMNS = ("Packed", "QC OK", "Packed By", "Packed At", "Pack Override")


@dataclass
class PackStep:
    """One scan's outcome: the verdict, its PackLog row, the Pack sheet view, and the Orders values to write on the
    order's lines (``order_values``; empty unless the order was finished by this scan)."""

    verdict: Verdict
    log: dict
    view: ScreenView
    order_values: dict = field(default_factory=dict)


class PackSession:
    """The open orders and the packer's progress, between scans."""

    def __init__(self, index: PackIndex, rows: dict[str, list[int]], lang: str, state: PackState = PackState()):
        self.index, self.rows, self.lang, self.state = index, rows, lang, state

    @classmethod
    def from_book(cls, book: ReadBook, settings: Settings) -> "PackSession":
        """The session of ``book``'s sheets (DataError when Orders is missing or empty)."""
        return cls.from_frames(read_orders(book).sheet, book.read_rows(INVENTORY.name), book.read_rows(PACKLOG.name),
                               settings.lang, book.read_rows(BUNDLES.name))

    @classmethod
    def from_frames(cls, sheet: pd.DataFrame, inventory_rows, log_rows, lang: str, bundle_rows=None
                    ) -> "PackSession":
        lines = typed(sheet)
        lines["packed"] = sheet["Packed"] if "Packed" in sheet else None
        todo = open_lines(lines)
        inventory = rows_frame(inventory_rows, INVENTORY.headers).rename(
            columns={"Seller SKU": "seller_sku", "Barcode": "barcode", "Product Name": "product_name",
                     "Variation": "variation"})
        bundles = rows_frame(bundle_rows, BUNDLES.headers) if bundle_rows else None
        index = build_index(todo, inventory, bundles)
        rows: dict[str, list[int]] = {}
        for at, order in zip(todo.index, todo["order_id"]):
            rows.setdefault(str(order), []).append(int(at))
        session = cls(index, rows, lang)
        session.state = replay(index, _since_last_opening(log_rows))
        return session

    def feed(self, raw: Any, packer: str, now: dt.datetime) -> PackStep:
        """The verdict of one scan (an ``OVERRIDE: reason`` entry marks the open order packed as it is)."""
        reason = override_reason(raw)
        if reason is None:
            verdict, self.state = scan(self.index, self.state, raw)
        else:
            verdict, self.state = override(self.index, self.state, reason)
        log = {"Scanned At": now, "Packer": packer, "Order ID": verdict.order, "Scanned": verdict.scanned or (
               f"OVERRIDE: {reason}" if reason is not None else None), "Seller SKU": verdict.sku or None,
               "Verdict": verdict.code, "Message": message(verdict, self.lang), "Reason": verdict.reason or None}
        values = {}
        if verdict.completes:
            values = {"Packed": "Yes", "QC OK": "Yes" if verdict.code == "order_complete" else "No",
                      "Packed By": packer or None, "Packed At": now,
                      "Pack Override": message(verdict, self.lang) if verdict.code == "override" else None}
        return PackStep(verdict, log, screen(self.index, self.state, verdict, self.lang), values)


def _since_last_opening(log_rows) -> list[str]:
    """PackLog's Scanned entries from its last order scan on (none when it has no order scan)."""
    log = rows_frame(log_rows, PACKLOG.headers)
    if log.empty:
        return []
    openings = [i for i, v in enumerate(log["Verdict"].tolist()) if v in OPENINGS]
    if not openings:
        return []
    return [str(v) for v in log["Scanned"].iloc[openings[-1]:].tolist() if isinstance(v, str) and v]


@dataclass
class PackReport:
    """A batch run: the steps, the orders left unfinished, the save."""

    steps: list[PackStep]
    unfinished: list[tuple[str, str]]
    saved: object = None

    def lines(self, lang: str) -> list[str]:
        out = [f"{s.log['Scanned'] or '-'}: {s.log['Message']}" for s in self.steps]
        codes = [s.verdict.code for s in self.steps]
        out.append(render("pack.summary", lang, scans=len(codes),
                          complete=sum(s.verdict.completes for s in self.steps), overridden=codes.count("override"),
                          mistakes=sum(c in MISTAKES for c in codes), open=len(self.unfinished)))
        out += [render("pack.unfinished", lang, order=o, left=left) for o, left in self.unfinished]
        if self.saved is not None:
            out.append(render("pack.saved", lang))
        return out


def read_scans(path: str | Path) -> list[str]:
    """A scans file: one scanned code a line, as a scanner typed it into a text editor (blank lines skipped)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        raise DataError("file_not_found", file=str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    scans = [line for line in text.splitlines() if line.strip()]
    if not scans:
        raise DataError("pack.no_scans", file=path.name)
    return scans


def run_pack(book: Book, settings: Settings, scans: Sequence[str], packer: str, now: dt.datetime | None = None
             ) -> PackReport:
    """Feed ``scans`` through a pack session of ``book`` and write Orders (finished orders), PackLog (every scan)
    and the Pack sheet (the last view); saved once."""
    name = Path(getattr(book, "path", "workbook")).name
    sheet = read_orders(book).sheet
    session = PackSession.from_frames(sheet, book.read_rows(INVENTORY.name), book.read_rows(PACKLOG.name),
                                      settings.lang, book.read_rows(BUNDLES.name))
    if not session.index.orders:
        raise DataError("pack.no_open_orders", book=name)
    steps = [session.feed(code, packer, (now or settings.shop_now()).replace(microsecond=0)) for code in scans]
    finished = [(s.verdict.order, s.order_values) for s in steps if s.order_values]
    if finished:
        for column in PACKED_COLUMNS:
            sheet[column] = sheet[column].astype(object) if column in sheet else None
        for order, values in finished:
            for column, value in values.items():
                sheet.loc[session.rows.get(order, []), column] = value
        write_orders(book, OrdersView(sheet))
    log = rows_frame(book.read_rows(PACKLOG.name), PACKLOG.headers).dropna(how="all")
    book.write_table(PACKLOG, pd.concat([log, pd.DataFrame([s.log for s in steps])], ignore_index=True)
                     .reindex(columns=PACKLOG.headers))
    view = steps[-1].view
    book.write_grid(PACK, pack_sheet_rows(view, settings.lang, packer), frozenset(r + 1 for r in view.bold),
                    {1: 20, 2: 34, 3: 4, 4: 10, 5: 10}, fills={(r + 1, c): fill for r, fill in view.fills.items()
                                                              for c in range(5)})
    missing = session.state.order and session.state.order not in session.state.finished and session.state.counted
    unfinished = [(session.state.order, ", ".join(f"{sku} x{n}" for sku, n in _missing(session)))] if missing else []
    report = PackReport(steps, unfinished)
    report.saved = book.save()
    return report


def run_pack_file(book: Book, settings: Settings, scans_file: str | Path, packer: str | None = None,
                  now: dt.datetime | None = None) -> PackReport:
    """``tkops pack --scans FILE``: :func:`run_pack` with the file's scans, packed by ``packer`` (default: the
    computer's user name)."""
    return run_pack(book, settings, read_scans(scans_file), packer or default_packer(), now)


def pack_sheet_rows(view: ScreenView, lang: str, packer: str = "") -> list[list]:
    """The Pack sheet's cells: the scan row (label, empty scan cell, packer), then the view."""
    return [[render("pack.scan_here", lang), None, None, "Packer", packer or None]] + view.rows


@functools.lru_cache(maxsize=1)
def default_packer() -> str:
    """The computer's user name: who packs, when nobody says."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def _missing(session: PackSession):
    from tkops.pack.scan import missing

    return missing(session.index, session.state)
