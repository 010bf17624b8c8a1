"""Cores are pure (docs/architecture.md#what-a-core-may-not-do): no module of a core package opens, lists, writes or
deletes a file, or talks to the network. import-linter checks imports only; this test reads every module of every
core package (the cores' layer of .importlinter) with ``ast`` and fails on such calls and imports."""

from __future__ import annotations

import ast
import configparser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Modules whose import means file or network work.
FORBIDDEN_IMPORTS = frozenset({"zipfile", "tarfile", "tempfile", "shutil", "glob", "socket", "ssl", "subprocess",
                               "httpx", "requests", "urllib.request", "http.client", "ftplib", "smtplib"})
#: Calls by their dotted name (as written, the module's aliases resolved).
FORBIDDEN_CALLS = frozenset({
    "open", "io.open", "os.open", "os.fdopen", "os.walk", "os.listdir", "os.scandir", "os.replace", "os.rename",
    "os.remove", "os.unlink", "os.rmdir", "os.mkdir", "os.makedirs", "os.stat", "os.lstat", "os.path.exists",
    "os.path.isfile", "os.path.isdir", "os.path.islink", "os.path.isjunction", "os.path.getsize",
    "os.path.getmtime", "Image.open", "PIL.Image.open",
})
#: Methods of pathlib paths that touch the file system, whatever the object is called.
FORBIDDEN_METHODS = frozenset({
    "read_text", "read_bytes", "write_text", "write_bytes", "iterdir", "glob", "rglob", "open", "mkdir", "unlink",
    "rmdir", "touch", "stat", "lstat", "exists", "is_file", "is_dir", "is_symlink", "is_junction", "samefile",
    "chmod", "symlink_to", "hardlink_to",
})


def core_packages() -> list[str]:
    """The packages of the cores' layer of .importlinter (the third line of the layers contract)."""
    parser = configparser.ConfigParser()
    parser.read(ROOT / ".importlinter", encoding="utf-8")
    contract = parser["importlinter:contract:cores"]
    return [name.strip() for name in contract["source_modules"].split() if name.strip()]


def _dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def io_found(source: str) -> list[str]:
    """``line: what`` for every file or network call and import in ``source``."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}  # local name -> module or module.name it stands for
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                aliases[(alias.asname or alias.name).split(".")[0]] = (alias.name if alias.asname
                                                                        else alias.name.split(".")[0])
                if alias.name in FORBIDDEN_IMPORTS or alias.name.split(".")[0] in FORBIDDEN_IMPORTS:
                    found.append(f"{node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                full = f"{node.module}.{alias.name}"
                if node.module.split(".")[0] in FORBIDDEN_IMPORTS or node.module in FORBIDDEN_IMPORTS or (
                        full in FORBIDDEN_IMPORTS):
                    found.append(f"{node.lineno}: from {node.module} import {alias.name}")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func)
        head, _, rest = name.partition(".")
        resolved = f"{aliases[head]}.{rest}".rstrip(".") if head in aliases else name
        if name in FORBIDDEN_CALLS or resolved in FORBIDDEN_CALLS:
            found.append(f"{node.lineno}: {name}()")
        elif isinstance(node.func, ast.Attribute) and node.func.attr in FORBIDDEN_METHODS:
            found.append(f"{node.lineno}: .{node.func.attr}()")
    return sorted(set(found), key=lambda s: int(s.split(":")[0]))


def core_modules() -> list[Path]:
    return sorted(p for package in core_packages()
                  for p in (ROOT / Path(*package.split("."))).rglob("*.py"))


def test_the_cores_are_the_layer_of_import_linter():
    assert {"tkops.aftersales", "tkops.slips", "tkops.shipping"} <= set(core_packages())
    assert len(core_modules()) > 50


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_core_module_does_no_file_or_network_io(path):
    found = io_found(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)}: file or network work belongs in a job, a source or the book " \
                      f"layer (docs/architecture.md#what-a-core-may-not-do): {found}"


@pytest.mark.parametrize("source", [
    "import zipfile", "from tempfile import mkstemp", "import urllib.request", "from urllib import request",
    "import shutil as sh", "open(p)", "import os\nos.walk(p)", "from os import listdir\nlistdir(p)",
    "import os as o\no.replace(a, b)", "p.read_text()", "Path(p).write_bytes(b)", "folder.iterdir()", "p.glob('*')",
    "from PIL import Image\nImage.open(p)", "p.unlink(missing_ok=True)", "p.is_file()", "import httpx",
    "import os.path\nos.path.exists(p)", "from PIL.Image import open as image\nimage(p)",
])
def test_the_check_finds_io(source):
    assert io_found(source)


@pytest.mark.parametrize("source", [
    "from urllib.parse import quote", "import io\nio.BytesIO(b)", "Path(p).suffix", "text.replace('a', 'b')",
    "frame.rename(columns=c)", "import os\nos.PathLike", "re.compile(p).fullmatch(s)", "archive.name",
])
def test_the_check_leaves_pure_code_alone(source):
    assert not io_found(source)
