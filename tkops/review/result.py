"""The outcome of a review: problems, stock shortfall, per-line statuses and a summary."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from tkops.review.catalogue import code_label, explain


@dataclass
class ReviewResult:
    """What :func:`tkops.review.review` found.

    - ``problems``: one row per problem (columns :data:`tkops.review.problems.PROBLEM_COLUMNS`), errors first
      within each line, lines in sheet order;
    - ``shortfall``: per stock SKU with open demand: seller_sku, product_name, variation, needed, on_hand, short;
    - ``statuses``: per line (the caller's index), "Hold" when any line of its order has an error, else "Ready";
    - ``reviewed``: per line, True when the line was in the review's scope (not shipped, delivered or completed;
      cancelled lines are reported as such): a writer leaves the Review Status of the others alone;
    - ``summary``: lines, reviewed, ready, hold, problems, by_code {code: count}, by_severity {severity: count}.
    """

    problems: pd.DataFrame
    shortfall: pd.DataFrame
    statuses: pd.Series
    reviewed: pd.Series
    summary: dict = field(default_factory=dict)

    def summary_lines(self, lang: str = "en") -> list[str]:
        """The summary as a person reads it (printed by the CLI, shown on the sheet), in en or zh: the counts (lines
        = ready + on hold + past review), what could not be checked against Inventory, then the problems by label."""
        s = self.summary
        counts = {k: s[k] for k in ("lines", "ready", "hold", "skipped", "problems")}
        out = [explain("review.summary_skipped" if s["skipped"] else "review.summary", lang, counts)]
        out += inventory_lines(s.get("inventory") or {}, lang)
        out += [explain("review.summary_code", lang, {"label": code_label(code, lang), "code": code, "count": n})
                for code, n in s["by_code"].items()]
        return out


#: SKUs named in one summary line; the Review sheet lists every line.
SKUS_SHOWN = 10


def inventory_lines(state: dict, lang: str) -> list[str]:
    """The loud lines about stock that could not be checked (empty Inventory, unknown or uncounted SKUs)."""
    out = []
    if state.get("empty"):
        key = "review.inventory_empty" if state.get("check") else "review.inventory_empty_off"
        out.append(explain(key, lang, {"n": state.get("unchecked_lines", 0)}))
    for key, skus in (("review.unknown_skus", state.get("unknown") or []),
                      ("review.uncounted_skus", state.get("uncounted") or [])):
        if skus:
            shown = ", ".join(skus[:SKUS_SHOWN]) + (f" (+{len(skus) - SKUS_SHOWN})" if len(skus) > SKUS_SHOWN else "")
            out.append(explain(key, lang, {"n": len(skus), "skus": shown}))
    return out


def summarise(problems: pd.DataFrame, statuses: pd.Series, reviewed: pd.Series) -> dict:
    """The counts of a review. ``lines`` = ``ready`` + ``hold`` + ``skipped``: the lines checked end Ready or Hold;
    lines already shipped, delivered or completed are not checked (``skipped``)."""
    in_scope = statuses[reviewed]
    by_code = problems["code"].value_counts(sort=False) if len(problems) else pd.Series(dtype="int64")
    by_severity = problems["severity"].value_counts() if len(problems) else pd.Series(dtype="int64")
    return {
        "lines": int(len(statuses)),
        "reviewed": int(reviewed.sum()),
        "ready": int((in_scope == "Ready").sum()),
        "hold": int((in_scope == "Hold").sum()),
        "skipped": int((~reviewed).sum()),
        "problems": int(len(problems)),
        "by_code": {str(k): int(v) for k, v in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0]))},
        "by_severity": {str(k): int(v) for k, v in by_severity.items()},
    }
