"""The sentences tkops shows a person are data: one TOML file per catalogue in ``tkops/locale/``, read here.

Each file maps a message code to its text per language (``["stock.saved"]``, then ``en = "..."`` and ``zh = "..."``);
the catalogue modules load their file by name and :mod:`tkops.message_lookup` fills the sentences in.
docs/architecture.md#where-sentences-live says how to add one.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

#: A catalogue: message code -> {language: text}, in the order of its file.
Catalogue = dict[str, dict[str, str]]


@lru_cache(maxsize=None)  # a catalogue is a constant, read once per run
def catalogue(name: str) -> Catalogue:
    """The catalogue ``tkops/locale/<name>.toml`` shipped with tkops (the same dict on every call)."""
    return read(resources.files("tkops") / "locale" / f"{name}.toml")


def read(path: Path | Traversable) -> Catalogue:
    """The catalogue in the TOML file at ``path``, as written (raises :class:`tomllib.TOMLDecodeError` when the file
    is not TOML; the test suite checks the entries themselves)."""
    with path.open("rb") as file:
        return tomllib.load(file)
