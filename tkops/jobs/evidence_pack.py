"""Packing a case's evidence folder: find it, list its files, write the ZIP with its index and the PDF beside it.

What the pack says (the case, the checklist items each file covers, the report) is the after-sales core's
(:mod:`tkops.aftersales.evidence`); this module does the file work around it (the folder and the ZIP:
:mod:`tkops.jobs.evidence_files`; thumbnails: :mod:`tkops.sources.pictures`), writing each output through
:func:`tkops.book.safety.atomic_target` so that both appear together or not at all.
:func:`tkops.jobs.evidence.run_evidence` calls it for a case of the workbook's AfterSales sheet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Mapping

from tkops.aftersales.evidence import EvidenceCase, EvidenceReport, check_items
from tkops.aftersales.evidence_catalogue import EvidenceError
from tkops.aftersales.evidence_checklist import DEFAULT_APPEAL_DAYS, EvidenceChecklist, appeal_due
from tkops.aftersales.evidence_files import EvidenceFile, check_case_id
from tkops.aftersales.evidence_index import MAX_THUMBS, index_context, index_html, shows_thumbnail
from tkops.aftersales.evidence_pdf import evidence_pdf
from tkops.book.safety import atomic_target
from tkops.jobs.evidence_files import find_case_folder, list_files, write_zip
from tkops.sources.pictures import thumbnail

FILE_TITLE = "Evidence"


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
    items = check_items(case.case_type, files, lang, table)
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
        context.update(index_context(report, lang, thumbs=thumbnails(files)))
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


def thumbnails(files: list[EvidenceFile]) -> dict[str, str]:
    """Relative name -> thumbnail (a data URI) of the first :data:`MAX_THUMBS` images that can be read."""
    thumbs: dict[str, str] = {}
    for f in files:
        if len(thumbs) >= MAX_THUMBS:
            break
        if shows_thumbnail(f) and (thumb := thumbnail(f.path)):
            thumbs[f.rel] = thumb
    return thumbs


def _free_paths(folder: Path, title: str, now: dt.datetime) -> tuple[Path, Path]:
    """``<title> <YYYY-MM-DD HHMM>.zip`` and ``.pdf`` in ``folder``, neither existing (`` (2)``, ... otherwise)."""
    n = 1
    while True:
        base = f"{title} {now:%Y-%m-%d %H%M}" + (f" ({n})" if n > 1 else "")
        pair = folder / f"{base}.zip", folder / f"{base}.pdf"
        if not any(p.exists() for p in pair):
            return pair
        n += 1
