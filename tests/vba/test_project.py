"""build_vba_project: read back by olevba (strict dir parsing) and pyopenvba,
and compared with the layout of a real, Excel-accepted source-only project.

What is compared: olevba returns each module stream's full decompressed text,
Attribute lines included. The tests compare that whole text with
``module_source(module)`` (header + body, CRLF), because the Attribute header is
what VBA reads to name the module and to bind document modules to the
workbook and sheets (VB_Base, VB_PredeclaredId): a wrong header would be a
real defect, not noise. Separately, dropping the leading ``Attribute VB_``
lines must give back the caller's body with line endings normalised to CRLF.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import olefile
import pytest
from oletools import olevba

from tkops.vba import Module, build_vba_project, module_source, strip_export_header
from tkops.vba.compression import chunk_kinds, decompress
from tkops.vba.project import decrypt_project_data, encrypt_project_data

HELLO = 'Option Explicit\n\nSub Hello()\n    MsgBox "Hello from tkops"\nEnd Sub\n'
MODULES = [
    Module("ThisWorkbook", "document", "Private Sub Workbook_Open()\n    ' nothing yet\nEnd Sub\n"),
    Module("Sheet1", "document", ""),
    Module("Module1", "standard", HELLO),
    Module("Counter", "class", "Public Value As Long\r\n\r\nPublic Sub Increment()\r\n    Value = Value + 1\r\nEnd Sub\r\n"),
]


def crlf(text: str) -> str:
    return re.sub(r"\r\n|\r|\n", "\r\n", text)


def strip_attributes(text: str) -> str:
    lines = text.split("\r\n")
    while lines and lines[0].startswith("Attribute VB_"):
        lines.pop(0)
    return "\r\n".join(lines)


def olevba_project(bin_bytes: bytes):
    """olevba's own dir/PROJECT parser in strict mode (raises on unexpected records)."""
    ole = olefile.OleFileIO(io.BytesIO(bin_bytes), raise_defects=olefile.DEFECT_UNSURE)
    project = olevba.VBA_Project(ole, "", "PROJECT", "VBA/dir", relaxed=False)
    project.parse_project_stream()
    return project, {path: code for path, _name, code in project.parse_modules()}


@pytest.fixture(scope="module")
def built() -> bytes:
    return build_vba_project(MODULES)


def test_olevba_lists_every_module_with_exact_source(built):
    parser = olevba.VBA_Parser("vbaProject.bin", data=built)
    assert parser.detect_vba_macros()
    found = {stream: code for _f, stream, _name, code in parser.extract_macros()}
    assert set(found) == {f"VBA/{m.name}" for m in MODULES}
    for m in MODULES:
        code = found[f"VBA/{m.name}"]
        assert code == module_source(m)
        assert strip_attributes(code) == crlf(m.code)


def test_olevba_strict_dir_and_project_parsing(built):
    project, sources = olevba_project(built)
    assert project.projectname == "VBAProject"
    assert project.codepage == 1252
    assert project.lcid == 0x0409
    assert project.syskind == 1
    # The PROJECT stream's Module=/Class=/Document= lines give the file types.
    assert project.module_ext == {"thisworkbook": "cls", "sheet1": "cls", "module1": "bas", "counter": "cls"}
    assert sources == {f"VBA/{m.name}": module_source(m) for m in MODULES}


def test_module_headers(built):
    _p, sources = olevba_project(built)
    assert sources["VBA/Module1"].startswith('Attribute VB_Name = "Module1"\r\nOption Explicit\r\n')
    wb = sources["VBA/ThisWorkbook"]
    assert 'Attribute VB_Base = "0{00020819-0000-0000-C000-000000000046}"' in wb
    assert "Attribute VB_PredeclaredId = True" in wb
    assert 'Attribute VB_Base = "0{00020820-0000-0000-C000-000000000046}"' in sources["VBA/Sheet1"]
    cls = sources["VBA/Counter"]
    for line in ('Attribute VB_Base = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"',
                 "Attribute VB_GlobalNameSpace = False", "Attribute VB_Creatable = False",
                 "Attribute VB_PredeclaredId = False", "Attribute VB_Exposed = False",
                 "Attribute VB_Customizable = False"):
        assert line in cls


def test_streams_and_vba_project_header(built):
    ole = olefile.OleFileIO(io.BytesIO(built))
    assert sorted("/".join(p) for p in ole.listdir()) == sorted(
        ["PROJECT", "PROJECTwm", "VBA/_VBA_PROJECT", "VBA/dir"] + [f"VBA/{m.name}" for m in MODULES])
    assert ole.openstream("VBA/_VBA_PROJECT").read() == bytes.fromhex("cc61ffff000000")
    wm = ole.openstream("PROJECTwm").read()
    expected = b"".join(m.name.encode() + b"\0" + m.name.encode("utf-16-le") + b"\0\0" for m in MODULES)
    assert wm == expected + b"\0\0"
    for m in MODULES:
        stream = ole.openstream(f"VBA/{m.name}").read()
        assert chunk_kinds(stream) == ["compressed"]  # source at offset 0, no p-code


def test_project_stream(built):
    ole = olefile.OleFileIO(io.BytesIO(built))
    text = ole.openstream("PROJECT").read().decode("ascii")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    project_id = re.fullmatch(r'ID="(\{[0-9A-F-]{36}\})"', lines[0]).group(1)
    assert lines[1:5] == ["Document=ThisWorkbook/&H00000000", "Document=Sheet1/&H00000000",
                          "Module=Module1", "Class=Counter"]
    props = dict(line.split("=", 1) for line in lines[5:11])
    assert props["Name"] == '"VBAProject"' and props["HelpContextID"] == '"0"'
    # CMG / DPB / GC decrypt to: not protected, no password, visible; and the
    # project key inside them is the byte sum of the ID (MS-OVBA 2.4.3.2).
    key = sum(project_id.encode()) & 0xFF
    assert decrypt_project_data(props["CMG"].strip('"')) == (key, bytes(4))
    assert decrypt_project_data(props["DPB"].strip('"')) == (key, b"\x00")
    assert decrypt_project_data(props["GC"].strip('"')) == (key, b"\xff")
    assert "[Host Extender Info]\r\n&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000" in text
    assert text.endswith("[Workspace]\r\n" + "".join(f"{m.name}=0, 0, 0, 0, C\r\n" for m in MODULES) + "\r\n")


def test_encryption_reproduces_excel_values():
    # Values Excel wrote into xlwings' quickstart_standalone.xlsm for its project
    # ID, decrypted to seed 0x8D and ignored bytes A9 DB: re-encrypting must give
    # Excel's exact strings.
    project_id = "{5CF9CDAB-B77B-4FE4-BD7E-D29900070E1B}"
    seed, ignored = 0x8D, bytes.fromhex("a9db")
    assert encrypt_project_data(bytes(4), project_id, seed, ignored) == "8D8FA61394EA98EA98EA98EA98"
    assert encrypt_project_data(b"\x00", project_id, seed, ignored) == "8D8FA61394EF95EF95EF"
    assert encrypt_project_data(b"\xff", project_id, seed, ignored) == "8D8FA61394EF95EF9510"


def test_pyopenvba_reads_project(built):
    cfb_mod = pytest.importorskip("pyopenvba.cfb")
    vba_mod = pytest.importorskip("pyopenvba.vba")
    cfb = cfb_mod.CFB.from_bytes(built)
    project = vba_mod.parse_vba_project(cfb)
    assert project.validate(cfb) == []
    assert [m.name for m in project.modules] == [m.name for m in MODULES]
    kinds = {m.name: m.kind.value for m in project.modules}
    assert kinds == {"ThisWorkbook": 0x22, "Sheet1": 0x22, "Module1": 0x21, "Counter": 0x22}
    assert all(m.text_offset == 0 for m in project.modules)
    assert {m.name: m.source for m in project.modules} == {m.name: module_source(m) for m in MODULES}
    assert [r.name for r in project.references] == ["stdole"]
    assert project.protection.has_password is False


# --- the layout matches a real project that Excel accepts -------------------

def dir_records(data: bytes) -> list[int]:
    """Record ids of a decompressed dir stream (independent minimal walker)."""
    ids, pos = [], 0
    while pos < len(data):
        record_id, size = struct.unpack_from("<HI", data, pos)
        pos += 6 + (6 if record_id == 0x0009 else size)  # PROJECTVERSION: Reserved=4, then 6 bytes
        ids.append(record_id)
    assert pos == len(data)
    return ids


def _xlwings_quickstart_bin() -> bytes:
    xlwings = pytest.importorskip("xlwings")
    path = Path(xlwings.__file__).with_name("quickstart_standalone.xlsm")
    if not path.exists():
        pytest.skip("xlwings has no quickstart_standalone.xlsm")
    with zipfile.ZipFile(path) as z:
        return z.read("xl/vbaProject.bin")


def test_dir_records_follow_excel_layout(built):
    real = olefile.OleFileIO(io.BytesIO(_xlwings_quickstart_bin()))
    ours = olefile.OleFileIO(io.BytesIO(built))
    real_ids = dir_records(decompress(real.openstream("VBA/dir").read()))
    our_ids = dir_records(decompress(ours.openstream("VBA/dir").read()))

    def sections(ids):
        first_ref = ids.index(0x0016)
        modules = ids.index(0x000F)
        one_module = ids[modules + 2:ids.index(0x002B, modules) + 1]
        return ids[:first_ref], one_module, ids[-1]

    real_info, real_module, real_end = sections(real_ids)
    our_info, our_module, our_end = sections(our_ids)
    assert our_info == real_info  # same PROJECTINFORMATION records, same order
    assert our_module == real_module  # same MODULE records, same order
    assert our_end == real_end == 0x0010
    # Our only reference: REFERENCENAME + REFERENCEREGISTERED (stdole).
    assert our_ids[len(our_info):our_ids.index(0x000F)] == [0x0016, 0x003E, 0x000D]


def test_project_stream_follows_excel_layout(built):
    def keys(bin_bytes):
        ole = olefile.OleFileIO(io.BytesIO(bin_bytes))
        text = ole.openstream("PROJECT").read().decode("latin-1")
        out = []
        for line in text.split("\r\n"):
            key = line.split("=", 1)[0] if "=" in line and not line.startswith("&H") else line
            if key in ("Document", "Module", "Class", "Package", "BaseClass"):
                key = "<module>"
            if not out or out[-1] != key or key != "<module>":
                out.append(key)
        workspace = out.index("[Workspace]")
        return out[:workspace + 1]

    assert keys(built) == keys(_xlwings_quickstart_bin())
    real = olefile.OleFileIO(io.BytesIO(_xlwings_quickstart_bin()))
    assert real.openstream("VBA/_VBA_PROJECT").read()[:5] == bytes.fromhex("cc61ffff00")


# --- input handling ----------------------------------------------------------

def test_line_endings_are_normalised_to_crlf():
    bodies = ["Sub A()\nEnd Sub\n", "Sub A()\r\nEnd Sub\r\n", "Sub A()\rEnd Sub\r", "Sub A()\nEnd Sub"]
    outputs = {build_vba_project([Module("M", "standard", b)]) for b in bodies}
    assert len(outputs) == 1
    _p, sources = olevba_project(outputs.pop())
    assert sources["VBA/M"] == 'Attribute VB_Name = "M"\r\nSub A()\r\nEnd Sub\r\n'


def test_output_is_deterministic():
    assert build_vba_project(MODULES) == build_vba_project(list(MODULES))
    other = build_vba_project(MODULES, project_name="Other")
    assert other != build_vba_project(MODULES)


def test_non_ascii_source_is_rejected_with_module_and_line():
    code = 'Sub A()\n    MsgBox "ok"\n    MsgBox "Gr\u00fc\u00dfe"\nEnd Sub\n'
    with pytest.raises(ValueError, match=r"module 'Greet', line 3, column 15: character '\u00fc'"):
        build_vba_project([Module("Greet", "standard", code)])


@pytest.mark.parametrize("modules, message", [
    ([Module("1abc", "standard", "")], "must start with a letter"),
    ([Module("A" * 32, "standard", "")], "at most 31"),
    ([Module("Mod\u00fcl", "standard", "")], "ASCII"),
    ([Module("M", "form", "")], "kind must be one of"),
    ([Module("M", "standard", ""), Module("m", "class", "")], "clashes"),
    ([Module("VBAProject", "standard", "")], "clashes with the project"),
    ([Module("dir", "standard", "")], "dir"),
    ([Module("M", "standard", 'Attribute VB_Name = "M"\nSub A()\nEnd Sub\n')], "exported header"),
    ([Module("M", "class", "VERSION 1.0 CLASS\nBEGIN\nEND\n")], "exported header"),
    ([Module("M", "standard", "", document_type="workbook")], "only for document"),
    ([Module("A", "document", ""), Module("B", "document", "", document_type="workbook"),
      Module("ThisWorkbook", "document", "")], "only one workbook"),
])
def test_invalid_modules_rejected(modules, message):
    with pytest.raises(ValueError, match=message):
        build_vba_project(modules)


def test_bad_project_name_and_id():
    with pytest.raises(ValueError, match="project name"):
        build_vba_project([], project_name="My Project")
    with pytest.raises(ValueError, match="project_id"):
        build_vba_project([], project_id="{not-a-guid}")


def test_incompressible_source_is_rejected():
    import random
    import string
    rng = random.Random(7)
    blob = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(6000))
    with pytest.raises(ValueError, match="does not compress"):
        build_vba_project([Module("M", "standard", f'Const B = "{blob}"\n')])


def test_document_type_override():
    bin_bytes = build_vba_project([Module("DieseArbeitsmappe", "document", "", document_type="workbook"),
                                   Module("Chart1", "document", "", document_type="chart")])
    _p, sources = olevba_project(bin_bytes)
    assert "0{00020819-0000-0000-C000-000000000046}" in sources["VBA/DieseArbeitsmappe"]
    assert "0{00020821-0000-0000-C000-000000000046}" in sources["VBA/Chart1"]


def test_strip_export_header():
    exported_cls = ('VERSION 1.0 CLASS\r\nBEGIN\r\n  MultiUse = -1  \'True\r\nEND\r\n'
                    'Attribute VB_Name = "Counter"\r\nAttribute VB_GlobalNameSpace = False\r\n'
                    'Attribute VB_Exposed = False\r\nPublic Value As Long\r\n'
                    'Public Property Get Item()\r\nAttribute Item.VB_UserMemId = 0\r\nEnd Property\r\n')
    assert strip_export_header(exported_cls) == (
        "Public Value As Long\r\nPublic Property Get Item()\r\nAttribute Item.VB_UserMemId = 0\r\nEnd Property\r\n")
    assert strip_export_header('Attribute VB_Name = "M"\nSub A()\nEnd Sub\n') == "Sub A()\nEnd Sub\n"
    assert strip_export_header("Sub A()\nEnd Sub\n") == "Sub A()\nEnd Sub\n"


def test_large_project_with_many_modules():
    # Streams above the 4096-byte mini-stream cutoff and many directory entries.
    body = "".join(f"Sub P{i}()\n    Debug.Print {i}\nEnd Sub\n\n" for i in range(600))
    modules = [Module(f"Mod{i}", "standard", body) for i in range(12)]
    _p, sources = olevba_project(build_vba_project(modules))
    assert len(sources) == 12
    assert all(strip_attributes(sources[f"VBA/{m.name}"]) == crlf(body) for m in modules)
