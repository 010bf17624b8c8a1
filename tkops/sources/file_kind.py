"""What kind of file a person gave, by its content (``filetype``: magic numbers), so that a PDF, a picture or a Word
document given where an export belongs is named as what it is ("a PDF document"), not reported as "not UTF-8 text";
and an Excel workbook renamed to .csv is recognised as a workbook.

Only the first bytes are read. Text files (CSV) have no magic number: they pass, and the reader decides. Without
the ``filetype`` package (a partial install) every file passes and the readers' own messages apply.
"""

from __future__ import annotations

from pathlib import Path

from tkops.errors import DataError

try:
    import filetype
except ImportError:  # pragma: no cover - installed with tkops; a partial install only loses this check
    filetype = None

#: Kinds an export can be: CSV (text, no magic number) and spreadsheets.
SPREADSHEETS = frozenset({"xlsx", "xls", "ods"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
#: How a person calls a kind that is not an export, in English and Chinese.
KIND_NAMES: dict[str, tuple[str, str]] = {
    "pdf": ("a PDF document", "PDF 文档"), "doc": ("a Word document", "Word 文档"),
    "docx": ("a Word document", "Word 文档"), "odt": ("a text document", "文本文档"), "rtf": ("an RTF document", "RTF 文档"),
    "ppt": ("a PowerPoint file", "PowerPoint 文件"), "pptx": ("a PowerPoint file", "PowerPoint 文件"),
    "zip": ("a ZIP archive", "ZIP 压缩包"), "rar": ("a RAR archive", "RAR 压缩包"), "7z": ("a 7-Zip archive", "7z 压缩包"),
    "gz": ("a gzip archive", "gzip 压缩包"), "jpg": ("a JPEG picture", "JPEG 图片"), "png": ("a PNG picture", "PNG 图片"),
    "gif": ("a GIF picture", "GIF 图片"), "webp": ("a WebP picture", "WebP 图片"), "bmp": ("a BMP picture", "BMP 图片"),
    "heic": ("a HEIC photo", "HEIC 照片"), "tif": ("a TIFF picture", "TIFF 图片"), "exe": ("a program", "程序文件"),
    "mp4": ("a video", "视频"), "mov": ("a video", "视频"), "mp3": ("an audio file", "音频文件"),
}


def kind_of(path: Path) -> str | None:
    """The file's kind by content (an extension such as "pdf" or "xlsx"), None for text or anything unknown."""
    if filetype is None:
        return None
    try:
        found = filetype.guess(str(path))
    except (OSError, TypeError):
        return None
    return found.extension if found is not None else None


def refuse_wrong_kind(path: Path, what: str) -> None:
    """Raise DataError("wrong_file_kind") when ``path`` is not a CSV or spreadsheet (``what``: a message code naming
    what was expected, e.g. "kind_orders"), or "workbook_as_csv" when a workbook carries a text suffix."""
    path = Path(path)
    kind = kind_of(path)
    if kind is None or kind in SPREADSHEETS:
        if kind in SPREADSHEETS and path.suffix.casefold() not in WORKBOOK_SUFFIXES:
            raise DataError("workbook_as_csv", file=path.name, suffix=path.suffix or "(none)")
        return
    if kind == "zip" and path.suffix.casefold() in WORKBOOK_SUFFIXES:
        return  # a macro workbook or an .xlsb is a zip filetype does not name: the spreadsheet reader decides
    en, zh = KIND_NAMES.get(kind, (f"a {kind.upper()} file", f"{kind.upper()} 文件"))
    raise DataError("wrong_file_kind", file=path.name, kind_en=en, kind_zh=zh, expected=what)
