"""Shared checks of the package-level editor's tests: the parts of a package, reading a book back with openpyxl
and calamine, and LibreOffice converting it."""

from __future__ import annotations

import csv
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests._run import run_killable

def parts(path: Path) -> dict[str, bytes]:
    """Every part of a package, by name."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    """Parts added or whose bytes differ (a part dropped is reported as ``-name``)."""
    return {n for n in after if before.get(n) != after[n]} | {"-" + n for n in before if n not in after}


def openpyxl_rows(path: Path, sheet: str) -> list[tuple]:
    return list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))


def calamine_rows(path: Path, sheet: str) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python(skip_empty_area=False)


def sheet_part(path: Path, sheet: str) -> str:
    """The part name of a sheet (via openpyxl's reading of workbook.xml and its relationships)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    index = wb.sheetnames.index(sheet)
    wb.close()
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        book = etree.fromstring(z.read("xl/workbook.xml"))
        rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rid = book.findall("m:sheets/m:sheet", ns)[index].get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def libreoffice_csv(path: Path, out: Path) -> dict[str, list[list[str]]]:
    """LibreOffice (headless) opens the book and writes every sheet as CSV; returns the rows by sheet name."""
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "profile"
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
           'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', "--outdir", str(out),
           str(path)]
    done = run_killable(cmd)
    assert done.returncode == 0, done.stderr
    sheets = {}
    for file in out.glob(f"{path.stem}-*.csv"):
        with open(file, encoding="utf-8", newline="") as fh:
            sheets[file.stem[len(path.stem) + 1:]] = list(csv.reader(fh))
    assert sheets, f"LibreOffice wrote no CSV: {done.stdout} {done.stderr}"
    return sheets
