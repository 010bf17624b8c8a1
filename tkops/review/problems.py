"""The problem frames rules return, and the helpers that build them.

A rule returns one row per problem with the columns of :data:`RULE_COLUMNS`: ``pos`` (the line's position in the
reviewed frame), ``column`` (schema key or None), ``code``, ``key`` (catalogue key: the code or ``code:variant``)
and ``params`` (a dict per problem). :func:`tkops.review.review` turns them into the public Review rows.
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np
import pandas as pd

RULE_COLUMNS = ["pos", "column", "code", "key", "params"]

#: Columns of ``ReviewResult.problems``, in order.
PROBLEM_COLUMNS = ["row", "order_id", "sku_id", "seller_sku", "column", "code", "severity", "explanation", "params",
                   "buyer_template", "buyer_message", "buyer_language"]
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def none() -> pd.DataFrame:
    """An empty rule result."""
    return pd.DataFrame({c: pd.Series(dtype="int64" if c == "pos" else object) for c in RULE_COLUMNS})


def emit(positions: Iterable[int] | pd.Index | np.ndarray, code: str, column: str | None = None,
         params: Any = None, variant: str | pd.Series | None = None) -> pd.DataFrame:
    """Problems ``code`` for the lines at ``positions``.

    ``params``: None, one dict for all, or a sequence / Series of dicts aligned with ``positions``. ``column``: one
    schema key for all, or a sequence aligned with ``positions``. ``variant`` picks the catalogue wording
    ``code:variant`` (one for all, or aligned values where "" means the plain code).
    """
    pos = np.asarray(list(positions) if not isinstance(positions, (pd.Index, np.ndarray)) else positions,
                     dtype="int64")
    n = len(pos)
    if n == 0:
        return none()
    if params is None:
        plist = [{} for _ in range(n)]
    elif isinstance(params, dict):
        plist = [dict(params) for _ in range(n)]
    else:
        plist = list(params)
    if variant is None or isinstance(variant, str):
        keys = [f"{code}:{variant}" if variant else code] * n
    else:
        keys = [f"{code}:{v}" if v else code for v in variant]
    columns = list(column) if isinstance(column, (list, tuple, pd.Series, np.ndarray)) else [column] * n
    return pd.DataFrame({"pos": pos, "column": pd.Series(columns, dtype=object), "code": code,
                         "key": pd.Series(keys, dtype=object), "params": pd.Series(plist, dtype=object)})


def concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """All rule results in one frame (an empty frame when there are none)."""
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else none()
