"""Dispute evidence packs: the files the team put in a case's folder, gathered into one ZIP with an index.

``<evidence root>/<Case ID>`` (or a folder whose name starts with the Case ID: "578...123 wrong colour") holds the
team's chat screenshots, tracking proof, photos and weights. :func:`gather_evidence` copies every file of it
(recursively; lock, temporary and hidden files left out) into ``Evidence <Case ID> <stamp>.zip`` with an
``index.html``, and writes the same index as ``Evidence <Case ID> <stamp>.pdf`` beside the archive: the case facts
and appeal deadline, the case type's checklist (:mod:`tkops.aftersales.evidence_checklist`) with what is covered and
what is missing, and per file its size, type, time, SHA-256 and the items it probably covers. The team's files are
only read; both outputs appear together or not at all. :func:`tkops.jobs.evidence.run_evidence` does the same for a case of a
workbook's AfterSales sheet (:mod:`tkops.jobs.evidence`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from dateutil import parser as date_parser

from tkops.aftersales.evidence_catalogue import EvidenceError, label
from tkops.aftersales.evidence_checklist import (
    DEFAULT_APPEAL_DAYS,
    EvidenceChecklist,
    Requirement,
    appeal_due,
    case_type_key,
    checklist,
    covered_by,
)
from tkops.aftersales.evidence_files import (
    EvidenceFile,
    check_case_id,
    find_case_folder,
    list_files,
    write_zip,
)
from tkops.aftersales.evidence_index import index_context, index_html
from tkops.aftersales.evidence_pdf import evidence_pdf
from tkops.aftersales.reasons import CASE_TYPES
from tkops.aftersales.reasons import label as vocab_label
from tkops.case_schema import CASE_BY_NAME
from tkops.book.safety import atomic_target

FILE_TITLE = "Evidence"
EXCEL_EPOCH = dt.datetime(1899, 12, 30)


@dataclass(frozen=True)
class EvidenceCase:
    """The facts of a case the index shows. ``case_type``: a key of :data:`CASE_TYPES` (a label is accepted)."""

    case_id: str
    order_id: str = ""
    case_type: str = "other"
    opened: dt.datetime | None = None
    due: dt.datetime | None = None
    reason: str = ""
    skus: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "case_type", case_type_key(self.case_type))

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], dayfirst: bool = False) -> "EvidenceCase":
        """A case from a mapping keyed by the case table's keys (``case_id``) or display names ("Case ID"); times
        as datetimes, Excel serial numbers or text (``dayfirst``: 03/04 is 3 April)."""
        keyed = {(CASE_BY_NAME[k].key if k in CASE_BY_NAME else k): v for k, v in values.items()}

        def text(key: str) -> str:
            value = keyed.get(key)
            return "" if value is None else str(value).strip()

        skus = keyed.get("skus") or tuple(s for s in (text("seller_sku") or text("sku_id"),) if s)
        return cls(text("case_id"), text("order_id"), case_type_key(keyed.get("case_type")),
                   as_datetime(keyed.get("opened"), dayfirst), as_datetime(keyed.get("due"), dayfirst), text("reason"),
                   tuple(skus))


def as_datetime(value: Any, dayfirst: bool = False) -> dt.datetime | None:
    """A sheet cell as a naive datetime (shop time, as the sheet shows it); None when blank or unreadable."""
    if value is None or isinstance(value, dt.datetime) or value == "":
        return value.replace(tzinfo=None) if isinstance(value, dt.datetime) else None
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return EXCEL_EPOCH + dt.timedelta(days=float(value)) if 0 < value < 2_958_466 else None
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        pass
    try:
        return date_parser.parse(text, dayfirst=dayfirst).replace(tzinfo=None)
    except (ValueError, OverflowError):
        return None


@dataclass
class CheckedItem:
    """A checklist item and the files (relative names) that probably cover it."""

    requirement: Requirement
    files: list[str] = field(default_factory=list)

    @property
    def missing(self) -> bool:
        """A required item no file covers."""
        return self.requirement.required and not self.files


@dataclass
class EvidenceReport:
    """What an evidence run gathered, what the checklist still misses, and where the pack was written."""

    case: EvidenceCase
    folder: Path
    files: list[EvidenceFile]
    items: list[CheckedItem]
    skipped: list[str]
    appeal_days: int
    appeal_due: dt.datetime | None
    made: dt.datetime
    zip: Path | None = None
    pdf: Path | None = None
    table: EvidenceChecklist | None = None  # the checklist used (None: built-in), for labels in another language

    @property
    def missing(self) -> list[Requirement]:
        """The required items no file covers."""
        return [c.requirement for c in self.items if c.missing]

    @property
    def unmatched(self) -> list[EvidenceFile]:
        """Files whose names match no checklist item."""
        return [f for f in self.files if not f.covers]

    @property
    def paths(self) -> list[Path]:
        """The files written."""
        return [p for p in (self.zip, self.pdf) if p]

    def case_type_label(self, lang: str = "en") -> str:
        return vocab_label(CASE_TYPES, self.case.case_type, lang)

    def lines(self, lang: str = "en") -> list[str]:
        """The summary for a person in ``lang`` (en or zh): first line for a status cell, then the details."""
        out = [label("evidence.done", lang, case=self.case.case_id, files=len(self.files), folder=self.folder)]
        out += [label(f"evidence.file.{kind}", lang, path=path) for kind, path in (("zip", self.zip),
                                                                                   ("pdf", self.pdf)) if path]
        if self.appeal_due is None:
            out.append(label("evidence.no_opened", lang))
        else:
            when = f"{self.appeal_due:%Y-%m-%d %H:%M}"
            out.append(label("evidence.deadline_passed", lang, when=when) if self.appeal_due < self.made else
                       label("evidence.deadline", lang, when=when, days=self.appeal_days))
        labels = {r.item: r.label for r in checklist(self.case.case_type, lang, self.table)}
        missing = [labels.get(c.requirement.item, c.requirement.label) for c in self.items if c.missing]
        out.append(label("evidence.missing", lang, items="; ".join(missing)) if missing else
                   label("evidence.complete", lang))
        if self.unmatched:
            out.append(label("evidence.unmatched", lang, n=len(self.unmatched)))
        if self.skipped:
            out.append(label("evidence.skipped", lang, files=", ".join(self.skipped)))
        return out


def gather_evidence(case: EvidenceCase | Mapping[str, Any], folder: str | Path, out: str | Path, *,
                    lang: str = "en", now: dt.datetime | None = None, appeal_days: int = DEFAULT_APPEAL_DAYS,
                    table: EvidenceChecklist | None = None, fonts: tuple[str, ...] = (),
                    templates: str = "") -> EvidenceReport:
    """Pack case ``case``'s evidence folder (found in the evidence root ``folder``, or ``folder`` itself when its
    name starts with the Case ID) into ``Evidence <Case ID> <stamp>.zip`` with ``index.html``, and the index as a
    PDF beside it, in folder ``out`` (created).

    ``lang``: the index's language (en or zh); ``appeal_days``: the Appeal Days setting; ``table``: the team's
    checklist (None: built-in); ``fonts``: extra TrueType fonts for the PDF; ``templates``: the team's templates
    folder. Raises :class:`EvidenceError` when the folder is missing (naming the folder expected), a file cannot be
    read, or the pack cannot be written; nothing is left in ``out`` then.
    """
    now = now or dt.datetime.now()
    case = case if isinstance(case, EvidenceCase) else EvidenceCase.from_mapping(case)
    case_id = check_case_id(case.case_id)
    source = find_case_folder(Path(folder), case_id)
    files, skipped = list_files(source, case_id)
    requirements = checklist(case.case_type, lang, table)
    items = [CheckedItem(r) for r in requirements]
    for f in files:
        hits = covered_by(f.rel, requirements, table)
        f.covers = [r.item for r in hits]
        for item in items:
            if item.requirement in hits:
                item.files.append(f.rel)
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise EvidenceError("evidence.write_failed", folder=out, detail=err.strerror or err) from None
    zip_path, pdf_path = _free_paths(out, f"{FILE_TITLE} {case_id}", now)
    report = EvidenceReport(case, source, files, items, skipped, appeal_days, appeal_due(case.opened, appeal_days),
                            now, zip_path, pdf_path, table)
    context: dict = {}

    def index() -> str:  # called once every file is in, so the index has their fingerprints
        context.update(index_context(report, lang))
        return index_html(context, templates)

    try:
        with atomic_target(zip_path) as tmp_zip:
            write_zip(tmp_zip, files, index, now)
            with atomic_target(pdf_path) as tmp_pdf:
                tmp_pdf.write_bytes(evidence_pdf(context, lang, fonts))
    except OSError as err:
        pdf_path.unlink(missing_ok=True)  # the PDF is put in place first: take it back if the archive failed
        raise EvidenceError("evidence.write_failed", folder=out, detail=err.strerror or err) from None
    except BaseException:
        pdf_path.unlink(missing_ok=True)
        raise
    return report


def _free_paths(folder: Path, title: str, now: dt.datetime) -> tuple[Path, Path]:
    """``<title> <YYYY-MM-DD HHMM>.zip`` and ``.pdf`` in ``folder``, neither existing (`` (2)``, ... otherwise)."""
    n = 1
    while True:
        base = f"{title} {now:%Y-%m-%d %H%M}" + (f" ({n})" if n > 1 else "")
        pair = folder / f"{base}.zip", folder / f"{base}.pdf"
        if not any(p.exists() for p in pair):
            return pair
        n += 1


__all__ = ["EvidenceCase", "EvidenceReport", "CheckedItem", "EvidenceChecklist", "Requirement", "checklist",
           "appeal_due", "gather_evidence", "DEFAULT_APPEAL_DAYS"]
