"""A review rule: a name, the codes it can yield (each with its default severity on the Rules sheet) and a
function from the review context to a problems frame (:mod:`tkops.review.problems`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from tkops.review.config import CODES
from tkops.review.context import ReviewContext


@dataclass(frozen=True)
class Rule:
    """One check. ``check(ctx)`` returns problems with columns pos, column, code, key, params; it never raises for
    bad data (bad data is what it reports)."""

    name: str
    codes: tuple[str, ...]
    check: Callable[[ReviewContext], pd.DataFrame]
    doc: str = ""

    def __post_init__(self) -> None:
        unknown = [c for c in self.codes if c not in CODES]
        if unknown:
            raise ValueError(f"rule {self.name}: codes {unknown} are not in tkops.review.config.CODES")

    def severities(self) -> dict[str, str]:
        """Default severity of each code this rule yields."""
        return {c: CODES[c][0] for c in self.codes}

    def active(self, ctx: ReviewContext) -> bool:
        """True when at least one of the rule's codes is switched on."""
        return any(ctx.config.enabled(c) for c in self.codes)
