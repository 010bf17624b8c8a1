"""The hidden "tkops Flags" column of the Orders sheet, shared by the steps that colour cells.

A row's flags read ``|E:Zipcode|L:Dispatch Deadline|``: each token a letter and the header of the cell it colours
(the conditional-format rules of :class:`tkops.book.layout.Highlights`). Each step owns its letters: the review
E, W and I (its severities), the clocks L, S and K (late, due soon, ok). A step rewrites its own tokens and keeps
everybody else's, so a review does not wipe the clock colours and the clocks do not wipe the review's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

REVIEW_LETTERS = frozenset("EWI")
CLOCK_LETTERS = frozenset("LSK")
_RANK = {letter: i for i, letter in enumerate("EWILSK")}  # a fixed order: the same marks always read the same


def tokens(flags: object) -> list[tuple[str, str]]:
    """The (letter, header) tokens of one flags cell; blank or foreign text gives none."""
    if not isinstance(flags, str) or not flags:
        return []
    out = []
    for part in flags.strip("|").split("|"):
        letter, sep, header = part.partition(":")
        if sep and len(letter) == 1 and header:
            out.append((letter, header))
    return out


def join(marks: Iterable[tuple[str, str]]) -> str | None:
    """One flags cell from (letter, header) tokens; None when there are none."""
    marks = list(marks)
    return "|" + "|".join(f"{letter}:{header}" for letter, header in marks) + "|" if marks else None


def merge(existing: pd.Series | None, new: Mapping | pd.Series, owned: frozenset[str],
          index: pd.Index) -> pd.Series:
    """The flags column after a step: the ``existing`` tokens of other steps and the step's ``new`` ones (review
    marks first, then the clocks', each step's in its own order).

    ``new`` maps a row (index label) to its tokens as a flags string or a list of (letter, header); rows it leaves
    out lose the step's tokens. ``owned``: the letters the step writes.
    """
    existing = existing.reindex(index) if existing is not None else pd.Series(None, index=index, dtype=object)
    new = dict(new.items()) if isinstance(new, pd.Series) else dict(new)
    out = []
    for row, old in zip(index, existing):
        kept = [t for t in tokens(old) if t[0] not in owned]
        mine = new.get(row)
        mine = tokens(mine) if isinstance(mine, str) or mine is None else list(mine)
        out.append(join(sorted(kept + mine, key=lambda t: _RANK.get(t[0], len(_RANK)))))
    return pd.Series(out, index=index, dtype=object)


__all__ = ["REVIEW_LETTERS", "CLOCK_LETTERS", "tokens", "join", "merge"]
