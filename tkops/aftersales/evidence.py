"""Dispute evidence packs: the files the team put in a case's folder, gathered into one ZIP with an index.

``<evidence root>/<Case ID>`` (or a folder whose name starts with the Case ID: "578...123 wrong colour") holds the
team's chat screenshots, tracking proof, photos and weights. :func:`tkops.jobs.evidence_pack.gather_evidence` copies every file of it
(recursively; lock, temporary and hidden files left out) into ``Evidence <Case ID> <stamp>.zip`` with an
``index.html``, and writes the same index as ``Evidence <Case ID> <stamp>.pdf`` beside the archive: the case facts
and appeal deadline, the case type's checklist (:mod:`tkops.aftersales.evidence_checklist`) with what is covered and
what is missing, and per file its size, type, time, SHA-256 and the items it probably covers. The team's files are
only read; both outputs appear together or not at all. :func:`tkops.jobs.evidence.run_evidence` does the same for a case of a
workbook's AfterSales sheet (:mod:`tkops.jobs.evidence`). This module holds what the pack says (the case, the
checklist items each file covers, the report); the job module finds, reads and writes the files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from tkops.aftersales.evidence_catalogue import label
from tkops.aftersales.evidence_checklist import (
    DEFAULT_APPEAL_DAYS,
    EvidenceChecklist,
    Requirement,
    appeal_due,
    case_type_key,
    checklist,
    covered_by,
)
from tkops.aftersales.evidence_files import EvidenceFile
from tkops.aftersales.reasons import CASE_TYPES
from tkops.aftersales.reasons import label as vocab_label
from tkops.case_schema import CASE_BY_NAME
from tkops.cells.text import scalar_text
from tkops.cells.times import as_datetime


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
        """A case from a mapping keyed by the case table's keys (``case_id``) or display names ("Case ID"): text as a
        person sees it (:func:`tkops.cells.text.scalar_text`), times as :func:`tkops.cells.times.as_datetime` reads
        them (datetimes, Excel serial numbers or text; ``dayfirst``: 03/04 is 3 April)."""
        keyed = {(CASE_BY_NAME[k].key if k in CASE_BY_NAME else k): v for k, v in values.items()}

        def text(key: str) -> str:
            return scalar_text(keyed.get(key))

        skus = keyed.get("skus") or tuple(s for s in (text("seller_sku") or text("sku_id"),) if s)
        return cls(text("case_id"), text("order_id"), case_type_key(keyed.get("case_type")),
                   as_datetime(keyed.get("opened"), dayfirst), as_datetime(keyed.get("due"), dayfirst), text("reason"),
                   tuple(skus))


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


def check_items(case_type: str, files: list[EvidenceFile], lang: str = "en",
                table: EvidenceChecklist | None = None) -> list[CheckedItem]:
    """The checklist of ``case_type`` (``table``: the team's; None: built-in) in ``lang``, each item with the files
    that probably cover it; each file's ``covers`` is set to the items it covers. Pure: the files are only named."""
    requirements = checklist(case_type, lang, table)
    items = [CheckedItem(r) for r in requirements]
    for f in files:
        hits = covered_by(f.rel, requirements, table)
        f.covers = [r.item for r in hits]
        for item in items:
            if item.requirement in hits:
                item.files.append(f.rel)
    return items


__all__ = ["EvidenceCase", "EvidenceReport", "CheckedItem", "EvidenceChecklist", "Requirement", "checklist",
           "appeal_due", "check_items", "DEFAULT_APPEAL_DAYS"]
