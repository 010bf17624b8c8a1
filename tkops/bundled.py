"""The reference data shipped inside the package (``tkops/data/``): the after-sales tables and the couriers'
tracking-number formats. Cores read it through :func:`read_bundled`, the one function that opens those files; a
core never opens a file of the team's (docs/architecture.md#what-a-core-may-not-do).
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path


def bundled_path(path: str = "") -> Path:
    """Where ``tkops/data/<path>`` is (``/``-separated; blank: the data folder itself)."""
    return Path(str(resources.files("tkops"))).joinpath("data", *filter(None, path.split("/")))


def read_bundled(path: str) -> str:
    """The text of ``tkops/data/<path>``: UTF-8, a byte-order mark dropped, line ends as stored."""
    return bundled_path(path).read_bytes().decode("utf-8-sig")


def bundled_names(folder: str, suffix: str) -> list[str]:
    """The names of the files in ``tkops/data/<folder>`` ending in ``suffix`` (``.json``), in name order."""
    return sorted(p.name for p in bundled_path(folder).glob(f"*{suffix}") if p.is_file())


def bundled_rows(path: str) -> list[list[str]]:
    """The rows of the bundled CSV file ``tkops/data/<path>`` (header first), through :func:`read_bundled`."""
    return list(csv.reader(io.StringIO(read_bundled(path), newline="")))
