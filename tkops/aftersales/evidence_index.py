"""The evidence pack's index: one context for the HTML page (inside the archive) and the PDF (beside it).

The HTML renders through the one jinja2 environment (``evidence/index.html.j2``, autoescaped: file names and buyer
text are never markup); image thumbnails are embedded as data URIs so the page needs nothing beside it. The job
makes the thumbnails (:func:`tkops.sources.pictures.thumbnail`) of the files :func:`shows_thumbnail` picks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING
from urllib.parse import quote

from tkops.aftersales.evidence_catalogue import CATALOGUE, label
from tkops.aftersales.evidence_files import EvidenceFile, human_size
from tkops.templating import render

if TYPE_CHECKING:
    from tkops.aftersales.evidence import EvidenceReport

TEMPLATE = "evidence/index.html.j2"
HTML_LANG = {"en": "en", "zh": "zh-CN"}
#: Thumbnails per page: beyond this the page would grow by megabytes for little use.
MAX_THUMBS = 300
_IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff")


def _when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "-"


def shows_thumbnail(file: EvidenceFile) -> bool:
    """Whether ``file`` is an image the index shows a thumbnail of (the first :data:`MAX_THUMBS` that can be
    read)."""
    return file.path.suffix.casefold() in _IMAGES


def index_context(report: "EvidenceReport", lang: str = "en", *, thumbs: Mapping[str, str] | None = None) -> dict:
    """What the HTML template and the PDF read: labels in ``lang``, the case facts, the checklist with coverage, the
    files (with ``thumbs``, relative name -> thumbnail data URI, where given) and the files left out."""
    t = {code.removeprefix("evidence.t."): label(code, lang) for code in CATALOGUE
         if code.startswith("evidence.t.") and "{" not in CATALOGUE[code]["en"]}
    case = report.case
    facts = [(t["order"], case.order_id), (t["case_type"], report.case_type_label(lang)), (t["reason"], case.reason),
             (t["skus"], ", ".join(case.skus)), (t["opened"], _when(case.opened)), (t["due"], _when(case.due))]
    by_item = {c.requirement.item: c for c in report.items}
    checklist = [{
        "label": c.requirement.label, "why": c.requirement.why, "required": c.requirement.required,
        "need": t["required"] if c.requirement.required else t["optional"], "covered": bool(c.files),
        "status": t["covered"] if c.files else t["missing"] if c.requirement.required else t["not_yet"],
        "files": c.files,
        "hint": label("evidence.t.name_with", lang, words=", ".join(_hint_words(c.requirement, lang))),
    } for c in report.items]
    thumbs = thumbs or {}
    files = []
    for f in report.files:
        files.append({"rel": f.rel, "href": quote(f.arcname), "size": human_size(f.size), "bytes": f.size,
                      "kind": f.kind, "modified": _when(f.modified), "sha256": f.sha256, "thumb": thumbs.get(f.rel, ""),
                      "covers": [by_item[i].requirement.label for i in f.covers if i in by_item]})
    due = report.appeal_due
    return {
        "lang": HTML_LANG.get(lang, "en"), "t": t, "title": label("evidence.t.title", lang, case=case.case_id),
        "case_id": case.case_id, "facts": [(k, v) for k, v in facts if v and v != "-"],
        "appeal": {"when": _when(due), "passed": due is not None and due < report.made,
                   "note": label("evidence.t.appeal_note", lang, days=report.appeal_days)},
        "checklist": checklist, "missing": [c["label"] for c in checklist if c["required"] and not c["covered"]],
        "files": files, "skipped": report.skipped, "folder": report.folder.name, "made": _when(report.made),
        "files_heading": label("evidence.t.files", lang, n=len(files),
                               size=human_size(sum(f.size for f in report.files))),
    }


def index_html(context: dict, extra_folder: str = "") -> str:
    """The index page of :func:`index_context`; ``extra_folder``: the team's own templates, searched first."""
    return render(TEMPLATE, context, extra_folder)


def _hint_words(requirement, lang: str) -> list[str]:
    """Four keywords to suggest for a file name: Chinese ones first on a Chinese index, English ones else."""
    words = requirement.keywords
    if lang == "zh":
        words = sorted(words, key=lambda w: not any("\u4e00" <= ch <= "\u9fff" for ch in w))
    return list(words[:4])
