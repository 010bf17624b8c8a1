"""The layering of tkops (.importlinter, docs/architecture.md) is checked by the tests too: `pytest` fails when an
import breaks a layer, as CI's `lint-imports` does."""

from __future__ import annotations

import configparser
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
    """``lint-imports CONFIG`` (the same code as the command) and its report."""
    def run(config: Path) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", LINT, str(config)], cwd=ROOT, capture_output=True, text=True,
                              timeout=600)
    return run


def test_every_layer_contract_is_kept(lint):
    result = lint(ROOT / ".importlinter")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_an_import_that_breaks_a_layer_fails_the_check(tmp_path, lint):
    """Without its listed exception, the after-sales evidence pack's import of the book layer is reported."""
    text = (ROOT / ".importlinter").read_text(encoding="utf-8")
    broken = text.replace("    tkops.aftersales.evidence -> tkops.book.safety\n", "", 1)
    assert broken != text
    config = tmp_path / "contracts.ini"
    config.write_text(broken, encoding="utf-8")
    result = lint(config)
    assert result.returncode == 1
    assert "tkops.aftersales.evidence -> tkops.book.safety" in result.stdout and "BROKEN" in result.stdout


def test_every_package_of_tkops_is_in_a_layer():
    parser = configparser.ConfigParser()
    parser.read(ROOT / ".importlinter", encoding="utf-8")
    layers = parser["importlinter:contract:layers"]["layers"]
    named = {name.strip() for line in layers.splitlines() for name in line.replace("|", ":").split(":") if name.strip()}
    packages = {f"tkops.{p.stem if p.is_file() else p.name}" for p in (ROOT / "tkops").iterdir()
                if (p.suffix == ".py" and not p.stem.startswith("__")) or (p / "__init__.py").is_file()}
    assert not packages - named, "add the new package or module to a layer of .importlinter"
