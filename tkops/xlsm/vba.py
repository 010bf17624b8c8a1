"""The VBA project of tkops.xlsm: document modules for the workbook and each sheet, the button macros from
``macros/``, and xlwings' own module (with its Dictionary class for macOS) from the installed xlwings.
"""

from __future__ import annotations

import re
from pathlib import Path

from tkops.vba import Module, build_vba_project, strip_export_header


def shipped_macros() -> Path:
    """The macros folder (inside the installed package as tkops/macros, or the checkout's macros/)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "macros"
    if installed.is_dir():
        return installed
    return package.parent / "macros"


def xlwings_folder() -> Path:
    """The installed xlwings package: its VBA module is pinned to its version, so it is never copied."""
    import xlwings

    return Path(xlwings.__file__).resolve().parent


def _read_ascii(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("ascii")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise ValueError(f"{path}: line {line}: VBA source must be ASCII (use ChrW() for other text)") from None


def _declared_name(text: str) -> str | None:
    match = re.search(r'^\s*Attribute\s+VB_Name\s*=\s*"([^"]+)"', text, re.IGNORECASE | re.MULTILINE)
    return match.group(1) if match else None


def macro_modules(folder: Path | None = None) -> list[Module]:
    """``macros/*.bas`` as standard modules and ``macros/*.cls`` as class modules, sorted by file name.

    The module name is the file's stem; an exported ``Attribute VB_Name`` header, if present, must agree.
    """
    folder = folder or shipped_macros()
    modules = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        kind = {".bas": "standard", ".cls": "class"}.get(path.suffix.lower())
        if kind is None:
            continue
        text = _read_ascii(path)
        declared = _declared_name(text)
        if declared is not None and declared != path.stem:
            raise ValueError(f"{path}: Attribute VB_Name is {declared!r} but the file is named {path.name}")
        modules.append(Module(path.stem, kind, strip_export_header(text)))
    if not modules:
        raise ValueError(f"{folder}: no .bas or .cls files")
    return modules


def document_code(folder: Path | None = None) -> dict[str, str]:
    """``macros/<codeName>.sheet`` files: the code behind a sheet (its events), by the sheet's codeName."""
    folder = folder or shipped_macros()
    return {path.name[:-len(".sheet")]: strip_export_header(_read_ascii(path))
            for path in sorted(folder.glob("*.sheet"))}


def public_subs(code: str) -> list[str]:
    """Names of the Subs a button can call (``Sub X()`` or ``Public Sub X()`` without arguments)."""
    return re.findall(r"^[ \t]*(?:Public[ \t]+)?Sub[ \t]+([A-Za-z][A-Za-z0-9_]*)[ \t]*\(\s*\)",
                      code, re.IGNORECASE | re.MULTILINE)


def xlwings_modules() -> list[Module]:
    """xlwings' RunPython module and the Dictionary class it needs on macOS, from the installed xlwings."""
    folder = xlwings_folder()
    return [
        Module("xlwings", "standard", strip_export_header(_read_ascii(folder / "xlwings.bas"))),
        Module("Dictionary", "class", strip_export_header(_read_ascii(folder / "addin" / "Dictionary.cls"))),
    ]


def project_modules(document_names: list[str], macros: list[Module], code: dict[str, str] | None = None
                    ) -> list[Module]:
    """Every module, in project order: ThisWorkbook, one per sheet (``document_names``, codeNames; ``code`` holds
    the code behind some of them), the macros, then xlwings' modules."""
    code = code or {}
    unknown = sorted(set(code) - set(document_names))
    if unknown:
        raise ValueError(f"macros/{unknown[0]}.sheet: no sheet has the codeName {unknown[0]}")
    documents = [Module(name, "document", code.get(name, ""), "workbook" if i == 0 else "worksheet")
                 for i, name in enumerate(document_names)]
    return documents + list(macros) + xlwings_modules()


def vba_project_bin(document_names: list[str], macros: list[Module], code: dict[str, str] | None = None) -> bytes:
    """The bytes of vbaProject.bin for tkops.xlsm."""
    return build_vba_project(project_modules(document_names, macros, code))
