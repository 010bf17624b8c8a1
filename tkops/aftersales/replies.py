"""Reply drafts for after-sales cases, in the buyer's language, each with a line telling the team what it says.

Templates are plain text in ``templates/replies/<lang>/`` (rendered through :mod:`tkops.templating`,
StrictUndefined; a team's Templates Folder is searched first). The reply to a case is the first file found of
``<case_type>.<resolution>.txt.j2``, ``<case_type>.txt.j2`` and ``default.txt.j2``, in the buyer's language, then
in English. The resolution's own paragraph (``resolutions/<resolution>.txt.j2``) is rendered first and handed to the
reply as ``solution``; a case without a known resolution gets "" and the reply falls back to its case type's next
step. Buyer text (names, product names) goes in as values and is never evaluated as template code.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

import jinja2
import numpy as np
import pandas as pd

from tkops import templating
from tkops.aftersales.catalogue import explain
from tkops.aftersales.reasons import CASE_TYPES
from tkops.markets import ZERO_DECIMAL_CURRENCIES
from tkops.review import text as T
from tkops.review.buyer import names
from tkops.review.countries import country_code, language_for

#: Languages with a full set of reply templates (any other buyer language gets English).
REPLY_LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "id", "ms", "th", "vi", "ja", "zh")
#: Resolution codes (see :mod:`tkops.aftersales.resolutions_table`), each with a ``resolutions/<code>.txt.j2``.
RESOLUTION_CODES = ("check_tracking", "reship", "refund", "partial_refund", "return_label", "coupon",
                    "explain_and_advise", "apologise_only")
REPLY_COLUMNS = ["reply_language", "reply_text", "team_line", "template"]
#: Resolutions whose reply quotes the case's Est. Cost as the amount offered (``offer``).
OFFERS = frozenset({"partial_refund", "coupon"})
_TRACKING = frozenset({"not_received", "late"})
_PHOTO = frozenset({"damaged", "defective", "wrong_item", "missing_parts", "not_as_described", "colour_material"})
_NO_RETURN = frozenset({"damaged", "defective", "wrong_item"})
_EXPLAINED = frozenset({"size_fit", "colour_material", "no_longer_needed"})
_RESOLUTION_KEYS = {**{c.replace("_", " "): c for c in RESOLUTION_CODES}, "full refund": "refund",
                    "apologise": "apologise_only", "apologize": "apologise_only", "apologize only": "apologise_only",
                    "return with prepaid label": "return_label", "查询物流": "check_tracking", "补发": "reship",
                    "全额退款": "refund", "部分退款": "partial_refund", "提供退货面单退货退款": "return_label",
                    "发优惠券补偿": "coupon", "解释并给出建议": "explain_and_advise", "致歉": "apologise_only"}
_TYPE_KEYS = {" ".join(n.casefold().replace("_", " ").split()): k
              for k, v in CASE_TYPES.items() for n in (k, v.en, v.zh)}
_DEFAULT_HANDLE = re.compile(r"user\d{5,}", re.IGNORECASE)  # TikTok's generated usernames: no name to greet
_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "MXN": "$", "BRL": "R$ ", "JPY": "¥", "CNY": "¥", "IDR": "Rp",
            "MYR": "RM", "THB": "฿", "VND": "₫", "PHP": "₱", "SGD": "S$"}
_COMMA_LANGS = frozenset({"de", "fr", "it", "es", "pt", "id", "vi"})
_COMMA_CURRENCIES = frozenset({"EUR", "BRL", "IDR", "VND"})


def reply_path(name: str, lang: str) -> str:
    """The file of template ``name`` in ``lang``, relative to the templates folder."""
    return f"replies/{lang}/{name}.txt.j2"


def reply_languages(language: pd.Series | None, country: pd.Series | None, index: pd.Index) -> pd.Series:
    """Each row's reply language: a language cell naming one of :data:`REPLY_LANGUAGES` ("es", "es-MX", "ZH"),
    else the country's buyer language (:func:`tkops.review.countries.language_for`; names or codes), else en."""
    lang = T.as_text(language, index).str.casefold().str.slice(0, 2)
    countries = T.as_text(country, index)
    by_country = countries.map({c: language_for(country_code(c)) for c in countries.unique()})
    by_country = by_country.where(by_country.isin(REPLY_LANGUAGES), "en")
    return lang.where(lang.isin(REPLY_LANGUAGES), by_country).astype(object)


def case_type_key(value: str) -> str:
    """The case type key a cell names (key or en/zh label, any case); "" when it names none."""
    return _TYPE_KEYS.get(" ".join(str(value).casefold().replace("_", " ").split()), "")


def resolution_key(value: str) -> str:
    """The resolution code a cell names (code, "partial refund", "Full refund", 补发, ...); "" when none."""
    return _RESOLUTION_KEYS.get(" ".join(str(value).casefold().replace("_", " ").split()), "")


def money(value: Any, currency: str, lang: str) -> str:
    """An amount as a buyer reading ``lang`` expects it ("$12.90", "12,90 €", "Rp150.000"); "" for none or <= 0."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    if not np.isfinite(number) or number <= 0:
        return ""
    cur = str(currency or "").strip().upper()
    text = f"{number:,.{0 if cur in ZERO_DECIMAL_CURRENCIES else 2}f}"
    if lang in _COMMA_LANGS and cur in _COMMA_CURRENCIES:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", "\u202f" if lang == "fr" else ".")
    symbol = _SYMBOLS.get(cur)
    if symbol is None:
        return f"{text} {cur}".strip()
    if cur == "VND" or (cur == "EUR" and lang in _COMMA_LANGS):
        return f"{text} {symbol}"
    return f"{symbol}{text}"


def item_text(product: str, variation: str = "") -> str:
    """A product as a reply names it: "Black Hoodie (Black, M)", shortened; "" without a product."""
    product, variation = T.shorten(" ".join(product.split()), 60), T.shorten(" ".join(variation.split()), 30)
    return f"{product} ({variation})" if product and variation else product


def greeting_name(username: str, recipient: str = "", lang: str = "en") -> str:
    """Who a message greets: the recipient's first name, else the buyer's username; "" when masked or generated."""
    handle = names(recipient, lang)[0] or " ".join(username.split()).lstrip("@")
    return "" if T.MASK in handle or _DEFAULT_HANDLE.fullmatch(handle) else T.shorten(handle, 40)


def tidy(text: str) -> str:
    """Rendered text with trailing spaces and runs of blank lines removed."""
    out: list[str] = []
    for line in (raw.rstrip() for raw in text.strip().splitlines()):
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


class Renderer:
    """Finds and renders reply templates for one run: each file is looked up and compiled once (an edited
    template is picked up by the next run). Errors name the template, the line and the variable."""

    def __init__(self, folder: str = "") -> None:
        self.folder = folder
        self.env = templating.environment(folder)
        self._paths: dict[tuple, str] = {}
        self._compiled: dict[str, jinja2.Template] = {}

    def find(self, candidates: Iterable[str], lang: str) -> str:
        """The first of ``candidates`` (names, best first) that exists in ``lang``, else in English."""
        key = (tuple(candidates), lang)
        if key not in self._paths:
            self._paths[key] = self._find(key[0], lang)
        return self._paths[key]

    def _find(self, candidates: tuple[str, ...], lang: str) -> str:
        for language in dict.fromkeys((lang, "en")):
            for name in candidates:
                try:
                    self.env.loader.get_source(self.env, reply_path(name, language))
                    return reply_path(name, language)
                except jinja2.TemplateNotFound:
                    continue
        return reply_path(candidates[-1], lang)  # rendering it reports the missing file by name

    def render(self, candidates: Iterable[str], lang: str, context: dict) -> tuple[str, str]:
        """(template path, tidy text) of the first candidate found."""
        path = self.find(candidates, lang)
        try:
            if path not in self._compiled:
                self._compiled[path] = self.env.get_template(path)
            text = self._compiled[path].render(**context)
        except jinja2.TemplateError:
            text = templating.render(path, context, self.folder)  # raises ConfigError naming template and line
        return path, tidy(text)


def team_line(case_type: str, resolution: str, item: str, amount: str, offer: str, lang: str = "en") -> str:
    """What a reply says, for the team, in en or zh (e.g. "Apologises, offers a free reship of X, no return
    needed"). ``amount``/``offer``: formatted money or ""."""
    if resolution == "explain_and_advise":
        code = f"aftersales.reply.explain_and_advise.{case_type if case_type in _EXPLAINED else 'other'}"
    elif resolution:
        code = f"aftersales.reply.{resolution}"
    else:
        code = "aftersales.reply.none." + ("tracking" if case_type in _TRACKING else "photo" if case_type in _PHOTO
                                           else "return" if case_type == "no_longer_needed" else "details")
    what = item or explain("aftersales.reply.the_item", lang)
    if case_type == "missing_parts":
        what = explain("aftersales.reply.missing_part", lang, item=what)
    no_return = explain("aftersales.reply.no_return", lang) if case_type in _NO_RETURN else ""
    return explain(code, lang, item=what, amount=_paren(amount, lang), offer=_paren(offer, lang), no_return=no_return)


def _paren(text: str, lang: str) -> str:
    return "" if not text else f"（{text}）" if lang == "zh" else f" ({text})"


def draft_replies(cases: pd.DataFrame, *, template_folder: str = "", team_lang: str = "en") -> pd.DataFrame:
    """A reply draft for every case, indexed like ``cases``: reply_language, reply_text, team_line (in
    ``team_lang``, en or zh), template (the file used, and the resolution's paragraph after " + ").

    ``cases``: the case table (keys of :mod:`tkops.case_schema`; every column optional). The resolution is
    Resolution Taken, else Suggested Resolution; the amount offered for a partial refund or a coupon is Est. Cost.
    Optional tracking_id, shipping_provider and recipient columns are used when present. Raises ConfigError
    naming the template, line and variable when a template is broken.
    """
    idx = cases.index
    if cases.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in REPLY_COLUMNS}, index=idx)
    col = {k: T.as_text(cases.get(k), idx).tolist() for k in (
        "order_id", "case_id", "product_name", "sku_name", "currency", "buyer_username", "recipient", "country",
        "tracking_id", "shipping_provider")}
    langs = reply_languages(cases.get("buyer_language"), cases.get("country"), idx).tolist()
    types = T.as_text(cases.get("case_type"), idx).map(case_type_key).tolist()
    taken = T.as_text(cases.get("resolution_taken"), idx).map(resolution_key)
    resolutions = taken.where(taken != "", T.as_text(cases.get("suggested_resolution"), idx).map(resolution_key))
    amounts, costs = (pd.to_numeric(cases[k], errors="coerce").tolist() if k in cases else [np.nan] * len(idx)
                      for k in ("amount", "est_cost"))
    renderer, team_lang = Renderer(template_folder), "zh" if team_lang == "zh" else "en"
    rows = []
    for i, (lang, ctype, res) in enumerate(zip(langs, types, resolutions.tolist())):
        item, cur = item_text(col["product_name"][i], col["sku_name"][i]), col["currency"][i]
        offer_value = costs[i] if res in OFFERS else np.nan
        ctx = {"buyer": greeting_name(col["buyer_username"][i], col["recipient"][i], lang),
               "order_id": col["order_id"][i], "case_id": col["case_id"][i], "item": item,
               "product": T.shorten(col["product_name"][i], 60), "variation": T.shorten(col["sku_name"][i], 30),
               "amount": money(amounts[i], cur, lang), "offer": money(offer_value, cur, lang), "currency": cur,
               "case_type": ctype or "other", "resolution": res, "tracking_id": T.shorten(col["tracking_id"][i], 40),
               "carrier": T.shorten(col["shipping_provider"][i], 40), "country": country_code(col["country"][i]),
               "lang": lang}
        used, solution = renderer.render([f"resolutions/{res}"], lang, ctx) if res else ("", "")
        candidates = ([f"{ctype}.{res}"] if ctype and res else []) + ([ctype] if ctype else []) + ["default"]
        path, text = renderer.render(candidates, lang, {**ctx, "solution": solution})
        line = team_line(ctype, res, item, money(amounts[i], cur, team_lang), money(offer_value, cur, team_lang),
                         team_lang)
        rows.append((path.split("/")[1], text, line, path + (" + " + used if used else "")))
    return pd.DataFrame(rows, columns=REPLY_COLUMNS, index=idx).astype(object)
