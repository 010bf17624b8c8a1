"""Messages to buyers: which problems need the buyer's answer, in which language, and the ready-to-send text.

Templates are plain text (``templates/messages/<lang>/<name>.txt.j2``), rendered through the one jinja2
environment (:mod:`tkops.templating`, StrictUndefined). Every template gets the same context keys, so a template
the team edits can use any of them. Buyer text goes in as values and is never evaluated.
"""

from __future__ import annotations

import jinja2
import pandas as pd

from tkops import templating
from tkops.review import regions
from tkops.review import text as T
from tkops.review.countries import language_for

#: Languages with a full set of buyer-message templates (others fall back to English).
TEMPLATE_LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "id", "ms", "th", "vi", "ja")

#: Problem code -> template name (without language and extension).
BUYER_TEMPLATES: dict[str, str] = {
    "address.missing_part": "address_incomplete",
    "address.placeholder": "address_incomplete",
    "address.no_house_number": "address_incomplete",
    "address.zip_format": "address_postcode",
    "address.state_invalid": "address_postcode",
    "address.zip_state_mismatch": "address_postcode",
    "address.po_box": "address_po_box",
    "address.unprintable_chars": "address_characters",
    "phone.missing": "phone",
    "phone.invalid": "phone",
    "message.colour_change": "variant",
    "message.size_change": "variant",
    "message.address_change": "address_change",
    "stock.short": "stock_short",
}
TEMPLATE_NAMES = tuple(dict.fromkeys(BUYER_TEMPLATES.values()))
#: Problems (catalogue keys) the team settles without the buyer: a misspelt province whose meaning is clear.
NO_BUYER_MESSAGE = frozenset({"address.state_invalid:suggest"})
_LATIN_ONLY = {"US", "GB", "IE", "DE", "FR", "IT", "ES", "MX", "BR", "ID", "MY", "PH", "SG"}


def template_path(name: str, lang: str) -> str:
    """The template file of ``name`` in ``lang``, relative to the templates folder."""
    return f"messages/{lang}/{name}.txt.j2"


def buyer_languages(w: pd.DataFrame) -> pd.Series:
    """Each line's buyer language: a ``buyer_language`` cell naming a template language ("es", "es-MX"), else the
    destination country's language, else English."""
    by_country = w["cc"].map(language_for)
    by_country = by_country.where(by_country.isin(TEMPLATE_LANGUAGES), "en")
    override = w["buyer_language"].str.casefold().str.slice(0, 2)
    return override.where(override.isin(TEMPLATE_LANGUAGES), by_country).astype(object)


def _resolve(name: str, lang: str, folder: str) -> str:
    """The template path for ``name`` in ``lang``, or in English when the language has no such file."""
    env = templating.environment(folder)
    for candidate in (lang, "en"):
        try:
            env.get_template(template_path(name, candidate))
            return template_path(name, candidate)
        except jinja2.TemplateNotFound:
            continue
    return template_path(name, lang)  # render() reports the missing template by name


def names(full: str, lang: str) -> tuple[str, str]:
    """(how to greet, full name) from a Recipient; ("", "") when the name is masked or empty."""
    full = " ".join(full.split())[:60]
    if not full or T.MASK in full:
        return "", ""
    if full.isupper():
        full = full.title()
    parts = full.split()
    if lang in ("ja", "zh"):
        return full, full
    return (parts[-1] if lang == "vi" else parts[0]), full


def region_kind(country: str) -> str:
    """What the destination calls its states (state, province, prefecture or county; state when tkops does not
    know), for the templates' wording."""
    table = regions.of(country)
    return table.kind if table is not None and table.kind in regions.KIND_WORDS else "state"


def context(problem: dict, line: dict, lang: str) -> dict:
    """The template context for one problem on one line (every key always present)."""
    code, params = problem["code"], problem["params"]
    greet, full = names(line["recipient"], lang)
    address = ", ".join(v for v in (line[k] for k in ("address_line_1", "address_line_2", "districts", "city",
                                                      "state", "zipcode")) if v)
    ctx = {
        "code": code, "order_id": line["order_id"], "first_name": greet, "full_name": full,
        "product": T.shorten(line["product_name"], 60), "variation": T.shorten(line["variation"], 40),
        "quantity": int(line["qty"]), "address": T.shorten(address, 200), "zipcode": T.shorten(line["zipcode"], 20),
        "state": T.shorten(line["state"], 40), "city": T.shorten(line["city"], 40),
        "phone": T.shorten(line["phone"], 30), "country": line["cc"],
        "missing": [], "reason": "", "problem": "", "kind": "", "asked": "", "short": 0, "alternative": "",
        "latin_only": line["cc"] in _LATIN_ONLY, "region": region_kind(line["cc"]),
    }
    if code == "address.missing_part":
        ctx.update(reason="missing", missing=list(params.get("columns", [])))
    elif code == "address.placeholder":
        ctx.update(reason="placeholder", missing=[problem["column"]])
    elif code == "address.no_house_number":
        ctx.update(reason="house_number", missing=["house_number"])
    elif code in ("address.zip_format", "address.state_invalid", "address.zip_state_mismatch"):
        ctx["problem"] = {"address.zip_format": "format", "address.state_invalid": "state"}.get(code, "mismatch")
    elif code in ("phone.missing", "phone.invalid"):
        ctx["problem"] = code.split(".")[1]
    elif code in ("message.colour_change", "message.size_change"):
        ctx.update(kind="colour" if code == "message.colour_change" else "size",
                   asked=T.shorten(params.get("asked_words", ""), 40))
    elif code == "stock.short":
        ctx.update(short=params.get("short_units", 0), alternative=T.shorten(params.get("alternative", ""), 40))
    return ctx


def attach(found: pd.DataFrame, w: pd.DataFrame, langs: pd.Series, folder: str = "") -> pd.DataFrame:
    """``found`` (pos, code, column, params) with buyer_template, buyer_message and buyer_language filled in.

    One order never gets the same text twice: a repeated message stays only on the order's first problem.
    """
    found = found.copy()
    pos = found["pos"].to_numpy(dtype="int64")
    found["buyer_language"] = langs.to_numpy()[pos] if len(found) else []
    stems = found["code"].map(BUYER_TEMPLATES).where(~found["key"].isin(NO_BUYER_MESSAGE))
    asked = stems.notna().to_numpy()
    templates: list = [None] * len(found)
    messages: list = [None] * len(found)
    if asked.any():
        rows = found[asked]
        lines = w.iloc[pos[asked]][_LINE_KEYS].to_dict("records")
        seen: set[tuple[str, str]] = set()
        paths: dict[tuple[str, str], str] = {}
        loaded: dict[str, jinja2.Template] = {}  # per review: an edited template is picked up by the next run
        problems = zip(rows["code"], rows["column"], rows["params"], rows["buyer_language"])
        for i, (code, column, params, lang), line, name in zip(asked.nonzero()[0], problems, lines, stems[asked]):
            path = paths.get((name, lang)) or paths.setdefault((name, lang), _resolve(name, lang, folder))
            problem = {"code": code, "column": column, "params": params}
            text = _tidy(_render(path, context(problem, line, path.split("/")[1]), folder, loaded))
            if (line["okey"], text) not in seen:
                seen.add((line["okey"], text))
                templates[i], messages[i] = path, text
    found["buyer_template"] = pd.Series(templates, index=found.index, dtype=object)
    found["buyer_message"] = pd.Series(messages, index=found.index, dtype=object)
    return found


_LINE_KEYS = ["okey", "order_id", "recipient", "product_name", "variation", "qty", "address_line_1",
              "address_line_2", "districts", "city", "state", "zipcode", "phone", "cc"]


def _render(path: str, context: dict, folder: str, loaded: dict) -> str:
    """Render with the template loaded once per review; on any template error, let
    :func:`tkops.templating.render` report it (naming the template, the line and the variable)."""
    try:
        if path not in loaded:
            loaded[path] = templating.environment(folder).get_template(path)
        return loaded[path].render(**context)
    except jinja2.TemplateError:
        return templating.render(path, context, folder)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
