"""The job behind ``tkops evidence CASE``: a case of the workbook's AfterSales sheet, its evidence folder, the
settings (Evidence Folder, Appeal Days, Output Folder, PDF Fonts, Templates Folder, Language), then
:func:`tkops.jobs.evidence_pack.gather_evidence`. The workbook is only read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from tkops.book.protocol import ReadBook
from tkops.aftersales.catalogue import AfterSalesConfigError
from tkops.aftersales.evidence import EvidenceCase, EvidenceReport
from tkops.jobs.evidence_pack import gather_evidence
from tkops.aftersales.evidence_catalogue import EvidenceError
from tkops.aftersales.evidence_checklist import (
    CHECKLIST_SHEET,
    DEFAULT_APPEAL_DAYS,
    EvidenceChecklist,
    default_checklist,
)
from tkops.aftersales.evidence_files import check_case_id
from tkops.case_schema import CASE_HEADER_TO_KEY
from tkops.cells.text import scalar_text
from tkops.errors import ConfigError
from tkops.output import output_folder
from tkops.pdf import font_paths
from tkops.schema import header_key

AFTERSALES_SHEET = "AfterSales"
#: The evidence root when the Evidence Folder setting is blank: this folder beside the workbook.
DEFAULT_ROOT = "Evidence"
MAX_APPEAL_DAYS = 365


def run_evidence(book: ReadBook, settings, case_id: str, root: str | Path | None = None, out: str | Path | None = None,
                 now: dt.datetime | None = None) -> EvidenceReport:
    """The job behind ``tkops evidence CASE``: case ``case_id`` of the book's AfterSales sheet, packed from the
    evidence root (``root``, else the Evidence Folder setting, else a folder "Evidence" beside the workbook) into
    the output folder (``out``, else the Output Folder setting). The workbook is not changed."""
    case = find_case(book, check_case_id(case_id), dayfirst=settings.effective_date_order() == "DMY")
    table = default_checklist()
    extra = book.read_rows(CHECKLIST_SHEET)
    if extra:
        table = EvidenceChecklist.from_rows(extra, CHECKLIST_SHEET, base=table)
    if now is None:  # Opened and the deadline are in shop time, as the sheet shows them
        now = dt.datetime.now(ZoneInfo(settings.effective_time_zone())).replace(tzinfo=None)
    return gather_evidence(case, evidence_root(book.path, settings, root), output_folder(book.path, settings, out),
                           lang=settings.lang, now=now, appeal_days=appeal_days(settings), table=table,
                           fonts=font_paths(settings.pdf_fonts), templates=settings.templates_folder)


def find_case(book: ReadBook, case_id: str, dayfirst: bool = False) -> EvidenceCase:
    """Case ``case_id`` of the AfterSales sheet (headers: the case table's display names). A case of several SKU
    rows takes its facts from the first row and lists every row's SKU."""
    rows = book.read_rows(AFTERSALES_SHEET)
    name = Path(book.path).name
    if not rows:
        raise EvidenceError("evidence.no_sheet", book=name, case=case_id)
    keys = [CASE_HEADER_TO_KEY.get(header_key(h)) if h not in (None, "") else None for h in rows[0]]
    if "case_id" not in keys:
        raise AfterSalesConfigError("aftersales.sheet_column", sheet=AFTERSALES_SHEET, column="Case ID",
                                    headers=", ".join(str(h) for h in rows[0] if h not in (None, "")) or "-")
    at = keys.index("case_id")
    wanted = case_id.casefold()
    found = [{k: v for k, v in zip(keys, row) if k} for row in rows[1:]
             if len(row) > at and _text(row[at]).casefold() == wanted]
    if not found:
        raise EvidenceError("evidence.no_case", case=case_id, book=name)
    skus: list[str] = []
    for row in found:
        sku = _text(row.get("seller_sku")) or _text(row.get("sku_id"))
        if sku and sku not in skus:
            skus.append(sku)
    return EvidenceCase.from_mapping({**found[0], "case_id": case_id, "skus": tuple(skus)}, dayfirst)


def evidence_root(book_path: Path, settings, root: str | Path | None = None) -> Path:
    """Where the case folders are: ``root`` when given, else the Evidence Folder setting (relative to the
    workbook's folder when not absolute), else a folder "Evidence" beside the workbook."""
    if root:
        return Path(root)
    folder = Path(getattr(settings, "evidence_folder", "") or DEFAULT_ROOT)
    return folder if folder.is_absolute() else Path(book_path).resolve().parent / folder


def appeal_days(settings) -> int:
    """The Appeal Days setting (blank: :data:`DEFAULT_APPEAL_DAYS`); ConfigError unless 1 to 365."""
    raw = str(getattr(settings, "appeal_days", "") or "").strip()
    if not raw:
        return DEFAULT_APPEAL_DAYS
    if raw.endswith(".0"):  # Excel turns a typed 7 into 7.0
        raw = raw[:-2]
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_APPEAL_DAYS:
        raise ConfigError("bad_setting", name="Appeal Days", value=raw,
                          hint=f"a whole number of days from 1 to {MAX_APPEAL_DAYS}, e.g. {DEFAULT_APPEAL_DAYS}")
    return int(raw)


_text = scalar_text
