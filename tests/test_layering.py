"""The layering of tkops (.importlinter, docs/architecture.md) is checked by the tests too: `pytest` fails when an
import breaks a layer, as CI's `lint-imports` does."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: lint-imports, run by the Python running the tests, in its own process: import-linter configures logging for the
#: whole process (dictConfig), which would silence the loggers of tests that run after it.
LINT = ("import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filenames=(sys.argv[1],), no_cache=True, no_logo=True))")


@pytest.fixture
def lint():
    """``lint-imports CONFIG`` (the same code as the command) on the package found first in ``root`` (this
    repository's by default), and its report."""
    def run(config: Path, root: Path = ROOT) -> subprocess.CompletedProcess:
        env = {**os.environ, "PYTHONPATH": str(root)}
        return subprocess.run([sys.executable, "-c", LINT, str(config)], cwd=root, capture_output=True, text=True,
                              timeout=600, env=env)
    return run


def test_every_layer_contract_is_kept(lint):
    result = lint(ROOT / ".importlinter")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_no_contract_lists_an_exception():
    """Every contract holds without exceptions: a break is fixed by moving code, never by an ignore_imports line."""
    parser = configparser.ConfigParser()
    parser.read(ROOT / ".importlinter", encoding="utf-8")
    contracts = [name for name in parser.sections() if name.startswith("importlinter:contract:")]
    assert len(contracts) == 5
    assert {name: parser[name]["ignore_imports"] for name in contracts if "ignore_imports" in parser[name]} == {}


def test_an_import_that_breaks_a_layer_fails_the_check(tmp_path, lint):
    """A copy of tkops whose after-sales evidence core imports the book layer is reported, with the import."""
    shutil.copytree(ROOT / "tkops", tmp_path / "tkops", ignore=shutil.ignore_patterns("__pycache__"))
    core = tmp_path / "tkops" / "aftersales" / "evidence.py"
    core.write_text(core.read_text(encoding="utf-8") + "\nfrom tkops.book import safety  # noqa\n", encoding="utf-8")
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    result = lint(tmp_path / ".importlinter", tmp_path)
    assert result.returncode == 1, result.stdout[-4000:] + result.stderr[-2000:]
    assert "tkops.aftersales.evidence -> tkops.book" in result.stdout and "BROKEN" in result.stdout
    assert "Only jobs and edges touch a workbook (tkops.book) BROKEN" in result.stdout


def test_every_package_of_tkops_is_in_a_layer():
    parser = configparser.ConfigParser()
    parser.read(ROOT / ".importlinter", encoding="utf-8")
    layers = parser["importlinter:contract:layers"]["layers"]
    named = {name.strip() for line in layers.splitlines() for name in line.replace("|", ":").split(":") if name.strip()}
    packages = {f"tkops.{p.stem if p.is_file() else p.name}" for p in (ROOT / "tkops").iterdir()
                if (p.suffix == ".py" and not p.stem.startswith("__")) or (p / "__init__.py").is_file()}
    assert not packages - named, "add the new package or module to a layer of .importlinter"


def test_no_module_is_over_400_lines():
    """Small modules with one job each: none grows past 400 lines (most stay between 50 and 300)."""
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "tkops").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
