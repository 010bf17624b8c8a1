"""Embedding xlwings' own VBA module (xlwings.bas from the installed package).

The module is pinned to its xlwings version, so it is read from the installed
package, never copied into the repo.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import olefile
import pytest
from oletools import olevba

from tkops.vba import Module, build_vba_project, strip_export_header
from tkops.vba.compression import chunk_kinds

xlwings = pytest.importorskip("xlwings")
PACKAGE = Path(xlwings.__file__).parent


def _read_text(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"{path.name} is not in this xlwings version")
    return path.read_bytes().decode("ascii")  # build_vba_project requires ASCII anyway


@pytest.fixture(scope="module")
def xlwings_bas() -> str:
    return _read_text(PACKAGE / "xlwings.bas")


@pytest.fixture(scope="module")
def project(xlwings_bas) -> bytes:
    dictionary = strip_export_header(_read_text(PACKAGE / "addin" / "Dictionary.cls"))
    return build_vba_project([
        Module("ThisWorkbook", "document", ""),
        Module("Sheet1", "document", ""),
        Module("xlwings", "standard", strip_export_header(xlwings_bas)),
        Module("Dictionary", "class", dictionary),
        Module("Module1", "standard", 'Sub SampleCall()\n    RunPython "import tkops"\nEnd Sub\n'),
    ])


def _sources(bin_bytes: bytes) -> dict[str, str]:
    parser = olevba.VBA_Parser("vbaProject.bin", data=bin_bytes)
    return {stream: code for _f, stream, _name, code in parser.extract_macros()}


def test_xlwings_bas_round_trips_exactly(project, xlwings_bas):
    # xlwings.bas is CRLF and starts with its own 'Attribute VB_Name = "xlwings"'
    # line, which build_vba_project regenerates: the stored text is the file.
    assert xlwings_bas.startswith('Attribute VB_Name = "xlwings"\r\n')
    assert _sources(project)["VBA/xlwings"] == xlwings_bas


def test_matches_the_module_in_xlwings_quickstart(project):
    # The same module inside xlwings' quickstart_standalone.xlsm (a file Excel
    # users open) differs only in line endings: xlwings stores LF there.
    path = PACKAGE / "quickstart_standalone.xlsm"
    if not path.exists():
        pytest.skip("no quickstart_standalone.xlsm")
    with zipfile.ZipFile(path) as z:
        theirs = _sources(z.read("xl/vbaProject.bin"))["VBA/xlwings"]
    ours = _sources(project)["VBA/xlwings"]
    assert ours == theirs.replace("\r\n", "\n").replace("\n", "\r\n")


def test_large_modules_use_compressed_chunks_only(project):
    ole = olefile.OleFileIO(io.BytesIO(project))
    for name in ("xlwings", "Dictionary"):
        stream = ole.openstream(f"VBA/{name}").read()
        assert len(stream) > 4096  # stored in ordinary sectors, not the mini stream
        kinds = chunk_kinds(stream)
        assert len(kinds) > 1 and set(kinds) == {"compressed"}


def test_dictionary_class_body_round_trips(project):
    body = strip_export_header(_read_text(PACKAGE / "addin" / "Dictionary.cls"))
    stored = _sources(project)["VBA/Dictionary"]
    lines = stored.split("\r\n")
    while lines[0].startswith("Attribute VB_"):
        lines.pop(0)
    assert "\r\n".join(lines) == body.replace("\r\n", "\n").replace("\n", "\r\n")
