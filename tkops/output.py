"""Where the fulfilment steps put the files a person prints or uploads (pick lists, packing slips, upload files).

The Settings' Output Folder (relative to the workbook's folder when not absolute), else a ``tkops-output`` folder
beside the workbook. File names carry the run's time, so a re-run never overwrites what was printed before.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from tkops.errors import ConfigError
from tkops.settings import Settings

DEFAULT_FOLDER = "tkops-output"


def output_folder(book_path: Path, settings: Settings, out: str | Path | None = None) -> Path:
    """The folder for this run's files (created): ``out`` when given, else the Output Folder setting, else
    ``tkops-output`` beside the workbook."""
    folder = Path(out) if out else Path(settings.output_folder or DEFAULT_FOLDER)
    if not folder.is_absolute() and not out:
        folder = Path(book_path).resolve().parent / folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ConfigError("bad_setting", name="Output Folder", value=str(folder),
                          hint=f"a folder tkops can write to ({err.strerror})") from None
    return folder


def stamped(folder: Path, title: str, now: dt.datetime, suffix: str) -> Path:
    """``<folder>/<title> <YYYY-MM-DD HHMM><suffix>``; a second run in the same minute gets `` (2)``, ``(3)``..."""
    safe = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", title).strip() or "tkops"
    base = f"{safe} {now:%Y-%m-%d %H%M}"
    path = folder / f"{base}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{base} ({n}){suffix}"
        n += 1
    return path


__all__ = ["DEFAULT_FOLDER", "output_folder", "stamped"]
