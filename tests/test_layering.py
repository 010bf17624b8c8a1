"""The layering of tkops (.importlinter, docs/architecture.md) is checked by the tests too: `pytest` fails when an
import breaks a layer, as CI's `lint-imports` does."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


class Linted:
    def __init__(self, returncode: int, stdout: str) -> None:
        self.returncode, self.stdout = returncode, stdout


@pytest.fixture
def lint(capsys, monkeypatch):
    """``lint-imports CONFIG`` run in this process (the same code as the command), with its report."""
    monkeypatch.chdir(ROOT)

    def run(config: Path) -> Linted:
        capsys.readouterr()
        code = lint_imports(config_filenames=(str(config),), no_cache=True, no_logo=True)
        return Linted(code, capsys.readouterr().out)
    return run


def test_every_layer_contract_is_kept(lint):
    result = lint(ROOT / ".importlinter")
    assert result.returncode == 0, result.stdout[-4000:]
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
