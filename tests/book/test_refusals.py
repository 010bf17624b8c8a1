"""What the workbook editor cannot carry is refused by name, in English and Chinese, before anything is written
(docs/ooxml.md#what-is-refused); the book and its folder are left exactly as they were."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from tests.book.minimal import HEADER_ROW, MAIN, make_book, sheet
from tkops.book import FileBook
from tkops.book.layout import SETTINGS, starting_frame
from tkops.cli import main
from tkops.errors import UnsafeWorkbook

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "exports" / "us_2025.csv"


def _encrypted(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))  # how Excel stores an encrypted workbook
    return path


def _strict(path: Path) -> Path:
    make_book(path, sheet(HEADER_ROW))
    parts = _parts(path)
    strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(MAIN.encode(), strict.encode())
    return _rewrite(path, parts)


def _signed(path: Path) -> Path:
    make_book(path, sheet(HEADER_ROW), extra={"_xmlsignatures/origin.sigs": b"",
                                              "_xmlsignatures/sig1.xml": b"<Signature/>"})
    return path


def _broken_styles(path: Path) -> Path:
    make_book(path, sheet(HEADER_ROW), extra={"xl/styles.xml": "<styleSheet><unclosed></styleSheet>"})
    return path


def _broken_workbook(path: Path) -> Path:
    make_book(path, sheet(HEADER_ROW))
    parts = _parts(path)
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"][:-20]
    return _rewrite(path, parts)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _rewrite(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


CASES = [
    (_encrypted, "workbook_encrypted", "password-protected", "密码"),
    (_strict, "workbook_strict", "Strict Open XML", "Strict Open XML"),
    (_signed, "workbook_signed", "digitally signed", "数字签名"),
    (_broken_styles, "workbook_part_unreadable", "xl/styles.xml", "xl/styles.xml"),
    (_broken_workbook, "workbook_part_unreadable", "xl/workbook.xml", "xl/workbook.xml"),
]


@pytest.mark.parametrize("make, code, english, chinese", CASES, ids=[c[0].__name__.strip("_") for c in CASES])
def test_what_cannot_be_carried_is_refused_by_name_and_nothing_changes(tmp_path, make, code, english, chinese,
                                                                        capsys):
    book = make(tmp_path / "team.xlsx")
    before = hashlib.sha256(book.read_bytes()).hexdigest()
    with pytest.raises(UnsafeWorkbook) as caught:
        edited = FileBook(book)  # refused on opening, or when a part it must rewrite is first read
        edited.write_table(SETTINGS, starting_frame(SETTINGS, "en"))
        edited.save()
    assert caught.value.code == code
    assert english in caught.value.render("en") and "Nothing was changed" in caught.value.render("en")
    assert chinese in caught.value.render("zh") and "未做任何更改" in caught.value.render("zh")
    assert main(["import", str(SAMPLE), "--book", str(book), "--market", "US"]) == 2
    err = capsys.readouterr().err
    assert english in err and "Traceback" not in err
    assert hashlib.sha256(book.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.xlsx"]
