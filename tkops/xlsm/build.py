"""Writing tkops.xlsm: XlsxWriter for the sheets, :mod:`tkops.vba` for the VBA project.

Deterministic: the same sources (macros/, the sheet specs, the installed xlwings) give the same bytes. The document
properties carry a fixed date, and XlsxWriter stamps every zip member with the same fixed date.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from pathlib import Path

import pandas as pd
import xlsxwriter

from tkops import __version__
from tkops.atomic import put_in_place, temp_beside
from tkops.book import layout, safety
from tkops.book.xlsx_new import WORKBOOK_OPTIONS, cell_formats, write_sheet
from tkops.errors import TkopsError
from tkops.jobs.new_book import starting_frame
from tkops.xlsm import home, sheets, xlwings_conf
from tkops.xlsm.pack_sheet import pack_sheet
from tkops.xlsm.summary_charts import summary_charts
from tkops.xlsm.vba import document_code, macro_modules, public_subs, vba_project_bin

#: The date stored as the workbook's created/modified time (pinned so builds are reproducible).
BUILD_TIME = dt.datetime(2026, 1, 1)
DEFAULT_NAME = "tkops.xlsm"


def _xlwings_version() -> str:
    import xlwings

    return xlwings.__version__


def _frame(spec: layout.SheetSpec) -> pd.DataFrame:
    """The rows a new workbook starts with (default settings and rules)."""
    return starting_frame(spec)


def _specs() -> list[layout.SheetSpec]:
    out = []
    for spec in sheets.WORKBOOK_SHEETS:
        if spec.name == layout.ORDERS.name and not spec.columns:
            spec = spec.with_columns(layout.orders_columns([], set()))
        out.append(spec)
    return out


def _check_buttons(macros) -> None:
    defined = {name.lower() for m in macros if m.kind == "standard" for name in public_subs(m.code)}
    missing = [b.macro for b in home.BUTTONS if b.macro.lower() not in defined]
    if missing:
        raise ValueError(f"Home buttons call Subs that no macros/*.bas file defines: {', '.join(missing)}")


class WorkbookExists(FileExistsError):
    """The target holds a different workbook: building never replaces one unless asked to (it may hold data)."""


def build_workbook(out_path: str | os.PathLike, *, overwrite: bool = False,
                   interpreter_win: str = xlwings_conf.DEFAULT_INTERPRETER_WIN,
                   interpreter_mac: str = xlwings_conf.DEFAULT_INTERPRETER_MAC,
                   macros_folder: str | os.PathLike | None = None) -> Path:
    """Write tkops.xlsm to ``out_path`` (a file, or a folder to put ``tkops.xlsm`` in); return the file's path.

    The workbook is written to a temporary file beside the target and then moved into place, so a failed build
    leaves the target as it was. An existing target that is byte-identical to the new build is left alone; a
    different one (the team may have data in it) raises :class:`WorkbookExists` unless ``overwrite`` is set, and
    then it is first copied to the ``tkops-backups`` folder beside it. ``interpreter_win`` / ``interpreter_mac``
    go to the ``xlwings.conf`` sheet; ``macros_folder`` replaces the shipped ``macros/`` (for tests).
    """
    out = Path(out_path)
    if out.is_dir():
        out = out / DEFAULT_NAME
    if out.suffix.lower() != ".xlsm":
        raise ValueError(f"{out.name}: a macro workbook must have the .xlsm extension")

    macros = macro_modules(Path(macros_folder) if macros_folder else None)
    _check_buttons(macros)
    specs = _specs()
    code_names = [sheets.code_name(n) for n in sheets.all_sheet_names()]
    folder = Path(macros_folder) if macros_folder else None
    vba_bin = vba_project_bin([sheets.WORKBOOK_CODE_NAME] + code_names, macros, document_code(folder))

    with temp_beside(out) as tmp:
        _write(tmp, specs, code_names, vba_bin, interpreter_win, interpreter_mac)
        if out.exists():
            if out.read_bytes() == tmp.read_bytes():
                return out
            if not overwrite:
                raise WorkbookExists(
                    f"{out} already exists and differs from a new build; it may hold your data, so it was left "
                    f"as it is. Build to another path (--out), or move the old file away first. "
                    f"{out} 已存在且内容不同，可能含有数据，未做更改。请用 --out 指定其它路径，或先移走旧文件。")
            safety.check_not_locked(out)
            safety.backup(out)
        put_in_place(tmp, out)
    return out


def _write(path: Path, specs, code_names: list[str], vba_bin: bytes, interpreter_win: str,
           interpreter_mac: str) -> None:
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    workbook.set_properties({
        "title": "tkops", "subject": "TikTok Shop order operations", "author": "tkops",
        "comments": f"Built by tkops {__version__} with xlwings {_xlwings_version()}",
        "created": BUILD_TIME,
    })
    workbook.add_vba_project(io.BytesIO(vba_bin), is_stream=True)
    workbook.set_vba_name(sheets.WORKBOOK_CODE_NAME)
    worksheets = [home.write_home(workbook, _version_line())]
    formats = cell_formats(workbook)
    for spec in specs:
        ws = write_sheet(workbook, spec, _frame(spec), formats)
        _page_setup(ws)
        if spec.name == layout.AFTERSALES_SUMMARY.name:
            summary_charts(workbook, ws, spec.name)
        if spec.name == layout.PACK.name:
            pack_sheet(workbook, ws)
        worksheets.append(ws)
    worksheets.append(xlwings_conf.write_conf_sheet(workbook, interpreter_win, interpreter_mac))
    for ws, code in zip(worksheets, code_names, strict=True):
        ws.set_vba_name(code)
    workbook.close()


def _version_line() -> str:
    return (f"tkops {__version__} · xlwings {_xlwings_version()}  ·  本文件含宏，请只用 Excel 保存。"
            f"  This workbook holds macros: save it with Excel only.")


def _page_setup(ws) -> None:
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)


def main(out: str | None = None) -> int:
    """``tkops workbook [--out PATH]``: build tkops.xlsm (default ./tkops.xlsm; PATH may be a folder).

    Prints where the workbook is and which Python its buttons will run; returns the exit code (0, or 1 when the
    workbook could not be written, with a one-line reason in English and Chinese, never a traceback).
    """
    target = Path(out) if out else Path(DEFAULT_NAME)
    try:
        path = build_workbook(target)
    except PermissionError as err:
        print(f"tkops workbook: cannot write {err.filename or target}: close it in Excel and try again. "
              f"无法写入 {err.filename or target}：请先在 Excel 中关闭该文件再试。", file=sys.stderr)
        return 1
    except (OSError, ValueError, TkopsError) as err:
        print(f"tkops workbook: {err}", file=sys.stderr)
        return 1
    print(f"已生成 Wrote {path.resolve()}")
    print(f"Its buttons run Python from the xlwings.conf sheet: Windows {xlwings_conf.DEFAULT_INTERPRETER_WIN}, "
          f"macOS {xlwings_conf.DEFAULT_INTERPRETER_MAC} (see docs/setup.md).")
    print(f"This Python is {sys.executable}.")
    return 0


__all__ = ["build_workbook", "main", "WorkbookExists", "BUILD_TIME", "DEFAULT_NAME"]
