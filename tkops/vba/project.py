"""Build a source-only ``vbaProject.bin`` ([MS-OVBA]) from VBA source text.

The project holds no compiled code (p-code): ``VBA/_VBA_PROJECT`` is the
7-byte header whose version 0xFFFF tells VBA to compile every module from
its source on load, and each module stream is just the compressed source
(MODULEOFFSET 0). That is the form LibreOffice writes when it exports VBA
and the form of the xlwings module in xlwings' ``quickstart_standalone.xlsm``.

Streams written (CFB version 3, see :mod:`tkops.vba.cfb`)::

    PROJECT              text: module list, name, protection state, workspace
    PROJECTwm            module names in MBCS and UTF-16
    VBA/_VBA_PROJECT     cc 61 ff ff 00 00 00
    VBA/dir              compressed records: project info, references, modules
    VBA/<module>         compressed source, starting with its Attribute lines

Usage::

    from tkops.vba import Module, build_vba_project
    bin_bytes = build_vba_project([
        Module("ThisWorkbook", "document", ""),
        Module("Sheet1", "document", ""),
        Module("Module1", "standard", 'Sub Hello()\\n    MsgBox "Hi"\\nEnd Sub\\n'),
    ])
"""

from __future__ import annotations

import hashlib
import re
import struct
import uuid
from dataclasses import dataclass

from .cfb import write_cfb
from .compression import chunk_kinds, compress

__all__ = [
    "Module",
    "build_vba_project",
    "module_source",
    "strip_export_header",
    "encrypt_project_data",
    "decrypt_project_data",
]

KINDS = ("standard", "class", "document")

# VB_Base of a document module: the host object's type library class.
DOCUMENT_BASES = {
    "workbook": "0{00020819-0000-0000-C000-000000000046}",
    "worksheet": "0{00020820-0000-0000-C000-000000000046}",
    "chart": "0{00020821-0000-0000-C000-000000000046}",
}
# VB_Base Excel stores for a class module.
CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"

# The one reference every Excel project has besides the built-in VBA and Excel
# libraries. VBA finds the registered library by GUID and version; the path is
# only a hint (it is the standard location on 64-bit Windows).
STDOLE_NAME = "stdole"
STDOLE_LIBID = (r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0"
                r"#C:\Windows\System32\stdole2.tlb#OLE Automation")

# PROJECTSYSKIND values (MS-OVBA 2.3.4.2.1.1).
SYSKIND_WIN32, SYSKIND_MAC, SYSKIND_WIN64 = 1, 2, 3

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,30}\Z")
_ID_NAMESPACE = uuid.UUID("6f1d0b6e-3c1a-5b7e-9a51-7c2d4e0a9b11")  # fixed, for deterministic IDs


@dataclass(frozen=True)
class Module:
    """One VBA module.

    ``kind``: ``"standard"`` (a .bas module), ``"class"`` (a .cls class) or
    ``"document"`` (the code behind the workbook or a sheet; its name must
    equal that object's codeName in the workbook XML).
    ``code``: the module body without the ``Attribute VB_...`` header, which
    :func:`build_vba_project` writes itself (see :func:`strip_export_header`
    for files exported from the VBA editor). Any line ending is accepted.
    ``document_type``: for document modules, ``"workbook"``, ``"worksheet"``
    or ``"chart"``; by default ``"workbook"`` if the name is ``ThisWorkbook``
    and ``"worksheet"`` otherwise.
    """

    name: str
    kind: str
    code: str
    document_type: str | None = None


def strip_export_header(text: str) -> str:
    """Remove the header the VBA editor puts on exported .bas/.cls files.

    Drops a leading ``VERSION 1.0 CLASS`` line with its ``BEGIN ... END``
    block and the leading module-level ``Attribute VB_...`` lines, keeping
    the rest (including procedure attributes such as
    ``Attribute Item.VB_UserMemId = 0``). Module-level attributes other than
    the ones :func:`build_vba_project` writes (e.g. ``VB_Description``) are lost.
    """
    lines = text.splitlines(keepends=True)
    i = 0
    if i < len(lines) and lines[i].strip().upper().startswith("VERSION "):
        i += 1
        if i < len(lines) and lines[i].strip().upper() == "BEGIN":
            while i < len(lines) and lines[i].strip().upper() != "END":
                i += 1
            i += 1  # the END line
    while i < len(lines) and re.match(r"\s*Attribute\s+VB_", lines[i], re.IGNORECASE):
        i += 1
    return "".join(lines[i:])


def _header_lines(module: Module) -> list[str]:
    """The ``Attribute`` lines Excel stores at the top of each module stream."""
    lines = [f'Attribute VB_Name = "{module.name}"']
    if module.kind == "standard":
        return lines
    if module.kind == "class":
        # A new class module as Excel saves it (Instancing = Private).
        return lines + [
            f'Attribute VB_Base = "{CLASS_BASE}"',
            "Attribute VB_GlobalNameSpace = False",
            "Attribute VB_Creatable = False",
            "Attribute VB_PredeclaredId = False",
            "Attribute VB_Exposed = False",
            "Attribute VB_TemplateDerived = False",
            "Attribute VB_Customizable = False",
        ]
    doc_type = module.document_type or ("workbook" if module.name == "ThisWorkbook" else "worksheet")
    return lines + [
        f'Attribute VB_Base = "{DOCUMENT_BASES[doc_type]}"',
        "Attribute VB_GlobalNameSpace = False",
        "Attribute VB_Creatable = False",
        "Attribute VB_PredeclaredId = True",
        "Attribute VB_Exposed = True",
        "Attribute VB_TemplateDerived = False",
        "Attribute VB_Customizable = True",
    ]


def _lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF only (str.splitlines also splits on \\f, \\x1c...)."""
    return re.split(r"\r\n|\r|\n", text)


def _check_ascii(module: Module) -> None:
    for number, line in enumerate(_lines(module.code), start=1):
        for column, ch in enumerate(line, start=1):
            if ord(ch) > 0x7E or (ord(ch) < 0x20 and ch != "\t"):
                raise ValueError(
                    f"module {module.name!r}, line {number}, column {column}: character {ch!r} "
                    f"is not printable ASCII; VBA source must be ASCII (use ChrW() for other text)")


def module_source(module: Module) -> str:
    """The exact text stored (compressed) in the module's stream.

    Attribute header, then the body with CRLF line endings, ending in CRLF.
    """
    body = module.code
    if re.match(r"\s*(Attribute\s+VB_|VERSION\s+\d)", body, re.IGNORECASE):
        raise ValueError(
            f"module {module.name!r}: code starts with an exported header (VERSION/Attribute VB_ lines); "
            f"pass the body only, e.g. strip_export_header(text)")
    lines = _header_lines(module) + _lines(body)
    if lines[-1] == "":
        lines.pop()  # the body's own final line break
    return "\r\n".join(lines) + "\r\n"


def _validate(modules: list[Module], project_name: str) -> None:
    if not _IDENTIFIER.match(project_name):
        raise ValueError(f"project name {project_name!r} must be an ASCII identifier of at most 31 characters")
    seen: dict[str, str] = {project_name.upper(): "the project"}
    workbooks = 0
    for m in modules:
        if not isinstance(m, Module):
            raise TypeError(f"expected Module, got {type(m).__name__}")
        if not _IDENTIFIER.match(m.name):
            raise ValueError(
                f"module name {m.name!r} must start with a letter, use only ASCII letters, digits "
                f"and '_', and have at most 31 characters")
        if m.kind not in KINDS:
            raise ValueError(f"module {m.name!r}: kind must be one of {KINDS}, not {m.kind!r}")
        if m.document_type is not None:
            if m.kind != "document":
                raise ValueError(f"module {m.name!r}: document_type is only for document modules")
            if m.document_type not in DOCUMENT_BASES:
                raise ValueError(f"module {m.name!r}: document_type must be one of {tuple(DOCUMENT_BASES)}")
        if m.kind == "document" and (m.document_type or ("workbook" if m.name == "ThisWorkbook" else "")) == "workbook":
            workbooks += 1
        if m.name.upper() == "DIR":
            raise ValueError("module name 'dir' is taken by the VBA/dir stream")
        if m.name.upper() in seen:
            raise ValueError(f"module name {m.name!r} clashes with {seen[m.name.upper()]} (names ignore case)")
        seen[m.name.upper()] = f"module {m.name!r}"
        _check_ascii(m)
    if workbooks > 1:
        raise ValueError("a project can have only one workbook document module")


# --- MS-OVBA 2.4.3 Data Encryption (obfuscation of CMG, DPB and GC) ---------

def encrypt_project_data(data: bytes, project_id: str, seed: int, ignored: bytes) -> str:
    """Obfuscate ``data`` as in MS-OVBA 2.4.3.2; return the hex string.

    ``project_id`` is the ``{GUID}`` of the PROJECT stream's ID line (braces
    included: its byte sum is the project key). ``seed`` is any byte and
    ``ignored`` must hold ``(seed & 6) // 2`` filler bytes; Excel picks them
    at random, here they are fixed so output is deterministic.
    """
    if len(ignored) != (seed & 6) // 2:
        raise ValueError("ignored must hold (seed & 6) // 2 bytes")
    proj_key = sum(project_id.encode("ascii")) & 0xFF
    version_enc = seed ^ 2  # encryption version 2
    proj_key_enc = seed ^ proj_key
    out = [seed, version_enc, proj_key_enc]
    unencrypted1, encrypted1, encrypted2 = proj_key, proj_key_enc, version_enc
    for byte in bytes(ignored) + struct.pack("<I", len(data)) + bytes(data):
        enc = byte ^ ((encrypted2 + unencrypted1) & 0xFF)
        out.append(enc)
        encrypted2, encrypted1, unencrypted1 = encrypted1, enc, byte
    return bytes(out).hex().upper()


def decrypt_project_data(hex_text: str) -> tuple[int, bytes]:
    """Reverse :func:`encrypt_project_data`: return ``(project_key, data)``."""
    raw = bytes.fromhex(hex_text)
    seed, version_enc, proj_key_enc = raw[0], raw[1], raw[2]
    if seed ^ version_enc != 2:
        raise ValueError("unsupported encryption version")
    proj_key = seed ^ proj_key_enc
    unencrypted1, encrypted1, encrypted2 = proj_key, proj_key_enc, version_enc
    plain = bytearray()
    for enc in raw[3:]:
        byte = enc ^ ((encrypted2 + unencrypted1) & 0xFF)
        plain.append(byte)
        encrypted2, encrypted1, unencrypted1 = encrypted1, enc, byte
    skip = (seed & 6) // 2
    (length,) = struct.unpack_from("<I", plain, skip)
    data = bytes(plain[skip + 4:])
    if len(data) != length:
        raise ValueError("encrypted data length does not match")
    return proj_key, data


# --- streams -----------------------------------------------------------------

def _rec(record_id: int, payload: bytes) -> bytes:
    """A dir record: 2-byte id, 4-byte size, payload."""
    return struct.pack("<HI", record_id, len(payload)) + payload


def _dir_stream(modules: list[Module], project_name: str, codepage: int, syskind: int, lcid: int) -> bytes:
    """The decompressed ``VBA/dir`` stream (MS-OVBA 2.3.4.2)."""
    enc = f"cp{codepage}"

    def mbcs(text: str) -> bytes:
        return text.encode(enc)

    def utf16(text: str) -> bytes:
        return text.encode("utf-16-le")

    out = bytearray()
    # PROJECTINFORMATION
    out += _rec(0x0001, struct.pack("<I", syskind))           # PROJECTSYSKIND
    out += _rec(0x0002, struct.pack("<I", lcid))              # PROJECTLCID
    out += _rec(0x0014, struct.pack("<I", lcid))              # PROJECTLCIDINVOKE
    out += _rec(0x0003, struct.pack("<H", codepage))          # PROJECTCODEPAGE
    out += _rec(0x0004, mbcs(project_name))                   # PROJECTNAME
    out += _rec(0x0005, b"") + _rec(0x0040, b"")              # PROJECTDOCSTRING (+ Unicode)
    out += _rec(0x0006, b"") + _rec(0x003D, b"")              # PROJECTHELPFILEPATH (+ second copy)
    out += _rec(0x0007, struct.pack("<I", 0))                 # PROJECTHELPCONTEXT
    out += _rec(0x0008, struct.pack("<I", 0))                 # PROJECTLIBFLAGS
    # PROJECTVERSION: its "size" field is a reserved 4, then 6 bytes follow.
    out += struct.pack("<HIIH", 0x0009, 4, 1, 0)
    out += _rec(0x000C, b"") + _rec(0x003C, b"")              # PROJECTCONSTANTS (+ Unicode)
    # PROJECTREFERENCES: REFERENCENAME + REFERENCEREGISTERED for stdole.
    out += _rec(0x0016, mbcs(STDOLE_NAME)) + _rec(0x003E, utf16(STDOLE_NAME))
    libid = mbcs(STDOLE_LIBID)
    out += _rec(0x000D, struct.pack("<I", len(libid)) + libid + struct.pack("<IH", 0, 0))
    # PROJECTMODULES
    out += _rec(0x000F, struct.pack("<H", len(modules)))
    out += _rec(0x0013, struct.pack("<H", 0xFFFF))            # PROJECTCOOKIE
    for m in modules:
        out += _rec(0x0019, mbcs(m.name))                     # MODULENAME
        out += _rec(0x0047, utf16(m.name))                    # MODULENAMEUNICODE
        out += _rec(0x001A, mbcs(m.name)) + _rec(0x0032, utf16(m.name))  # MODULESTREAMNAME
        out += _rec(0x001C, b"") + _rec(0x0048, b"")          # MODULEDOCSTRING (+ Unicode)
        out += _rec(0x0031, struct.pack("<I", 0))             # MODULEOFFSET: source at 0, no p-code
        out += _rec(0x001E, struct.pack("<I", 0))             # MODULEHELPCONTEXT
        out += _rec(0x002C, struct.pack("<H", 0xFFFF))        # MODULECOOKIE
        # MODULETYPE: 0x0021 procedural, 0x0022 document/class/designer; then Reserved 0.
        out += struct.pack("<HI", 0x0021 if m.kind == "standard" else 0x0022, 0)
        out += struct.pack("<HI", 0x002B, 0)                  # module terminator
    out += struct.pack("<HI", 0x0010, 0)                      # dir terminator
    return bytes(out)


def _project_stream(modules: list[Module], project_name: str, project_id: str, codepage: int) -> bytes:
    """The ``PROJECT`` stream text (MS-OVBA 2.3.1), laid out like Excel's."""
    lines = [f'ID="{project_id}"']
    for m in modules:
        if m.kind == "document":
            lines.append(f"Document={m.name}/&H00000000")
        elif m.kind == "standard":
            lines.append(f"Module={m.name}")
        else:
            lines.append(f"Class={m.name}")
    # Fixed obfuscation inputs, derived from the ID so output is deterministic.
    digest = hashlib.sha256(project_id.encode("ascii")).digest()
    seed = digest[0]
    ignored = digest[1:1 + (seed & 6) // 2]

    def protected(data: bytes) -> str:
        return encrypt_project_data(data, project_id, seed, ignored)

    lines += [
        f'Name="{project_name}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        f'CMG="{protected(bytes(4))}"',    # protection state 0: not protected
        f'DPB="{protected(bytes(1))}"',    # password 0x00: no password
        f'GC="{protected(bytes([0xFF]))}"',  # visibility 0xFF: project visible
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
    ]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in modules]  # all code windows closed
    return ("\r\n".join(lines) + "\r\n\r\n").encode(f"cp{codepage}")


def _projectwm_stream(modules: list[Module], codepage: int) -> bytes:
    """The ``PROJECTwm`` stream: each name in MBCS and UTF-16, NUL-terminated."""
    out = bytearray()
    for m in modules:
        out += m.name.encode(f"cp{codepage}") + b"\x00"
        out += m.name.encode("utf-16-le") + b"\x00\x00"
    return bytes(out + b"\x00\x00")


def default_project_id(modules: list[Module], project_name: str) -> str:
    """A stable ``{GUID}`` for the project, derived from its names."""
    key = project_name + "|" + "|".join(f"{m.kind}:{m.name}" for m in modules)
    return "{" + str(uuid.uuid5(_ID_NAMESPACE, key)).upper() + "}"


def build_vba_project(modules, project_name: str = "VBAProject", codepage: int = 1252, *,
                      project_id: str | None = None, syskind: int = SYSKIND_WIN32,
                      lcid: int = 0x0409) -> bytes:
    """Return the bytes of a ``vbaProject.bin`` holding ``modules`` as source.

    ``modules`` is a sequence of :class:`Module`, kept in that order. Every
    document module must match a codeName in the workbook (``ThisWorkbook``
    for the workbook, ``Sheet1``... for sheets, set with XlsxWriter's
    ``set_vba_name``). ``codepage`` is the project code page written to the
    ``dir`` stream; since source must be ASCII it only matters to VBA's
    later saves. ``project_id`` overrides the derived ``{GUID}``; ``syskind``
    is the platform recorded as having last saved the project (Win32 by
    default, as LibreOffice writes; it makes no difference to a project
    without compiled code); ``lcid`` is the project locale (en-US).

    Raises ``ValueError`` for invalid names, duplicate names, a non-ASCII
    character (naming the module, line and column), a body that still
    carries an exported header, or source that does not compress.
    """
    modules = list(modules)
    _validate(modules, project_name)
    "".encode(f"cp{codepage}")  # LookupError early for an unknown code page
    if project_id is None:
        project_id = default_project_id(modules, project_name)
    if not re.fullmatch(r"\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", project_id):
        raise ValueError("project_id must look like {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX} (upper case)")

    vba: dict[str, bytes] = {
        # Reserved1 0x61CC, Version 0xFFFF (= no cache, compile from source),
        # Reserved2 0x00, Reserved3 0x0000; no PerformanceCache.
        "_VBA_PROJECT": struct.pack("<HHBH", 0x61CC, 0xFFFF, 0x00, 0x0000),
        "dir": compress(_dir_stream(modules, project_name, codepage, syskind, lcid)),
    }
    for m in modules:
        stream = compress(module_source(m).encode(f"cp{codepage}"))
        if "raw" in chunk_kinds(stream):
            # A raw chunk holds 4096 bytes, so a short last one would append NULs
            # to the source; and Excel-written projects never contain raw chunks.
            raise ValueError(
                f"module {m.name!r}: a 4096-byte stretch of its source does not compress "
                f"(random-looking text such as a long base64 literal); shorten or split that text")
        vba[m.name] = stream
    return write_cfb({
        "VBA": vba,
        "PROJECT": _project_stream(modules, project_name, project_id, codepage),
        "PROJECTwm": _projectwm_stream(modules, codepage),
    })
