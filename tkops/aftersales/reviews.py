"""Negative reviews: for every review of :data:`LOW_RATING` stars or fewer on the Reviews sheet, a public reply
draft, a private message draft, and the review's case type and cause, classified like a case.

The public reply (``templates/replies/<lang>/review_public.txt.j2``) is read by everyone: its template gets no
name, no order number and nothing else personal (a team template that asks for one fails with an error naming the
variable). The private message (``review_private.txt.j2``) greets the buyer and names the order. Neither asks the
buyer to change a review: TikTok Shop forbids it. The review text is only classified, never quoted.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from tkops.aftersales.catalogue import AfterSalesConfigError, explain, sheet_records
from tkops.aftersales.classify import (
    CaseKeywords,
    classify_text,
    default_case_keywords,
    fold_text,
)
from tkops.aftersales.reasons import CASE_TYPES
from tkops.aftersales.replies import (
    REPLY_LANGUAGES,
    Renderer,
    greeting_name,
    item_text,
    reply_languages,
)
from tkops.review import text as T
from tkops.review.countries import country_code

REVIEWS_SHEET = "Reviews"
#: Headers of the Reviews sheet; Order ID, Rating and Review Text are required, the rest optional.
REVIEWS_SHEET_HEADERS = ["Order ID", "Rating", "Review Text", "Buyer Username", "Country", "Language"]
REQUIRED_HEADERS = ("Order ID", "Rating", "Review Text")
REVIEW_KEYS = {"Order ID": "order_id", "Rating": "rating", "Review Text": "review_text",
               "Buyer Username": "buyer_username", "Country": "country", "Language": "language"}
#: Columns :func:`draft_review_replies` returns, and their headers when written beside the reviews.
REVIEW_DRAFT_HEADERS = {"case_type": "Case Type", "cause": "Cause", "owner": "Owner", "keyword": "Keyword",
                        "reply_language": "Reply Language", "public_reply": "Public Reply",
                        "private_message": "Private Message", "team_line": "Team Line", "template": "Template"}
LOW_RATING = 3
_GROUPS = {"tracking": ("not_received", "late"),
           "photo": ("damaged", "defective", "wrong_item", "missing_parts", "not_as_described"),
           "fit": ("size_fit", "colour_material", "no_longer_needed")}
_GROUP_OF = {t: g for g, types in _GROUPS.items() for t in types}
_SCRIPTS = (("th", re.compile(r"[\u0e00-\u0e7f]")), ("ja", re.compile(r"[\u3040-\u30ff]")),
            ("zh", re.compile(r"[\u4e00-\u9fff]")),
            ("vi", re.compile(r"[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)))
_RATING = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:/\s*5|stars?|★|星|sterne?|étoiles?|estrellas?)?", re.IGNORECASE)


def read_reviews(rows: list[list[Any]] | None, sheet: str = REVIEWS_SHEET) -> pd.DataFrame:
    """The Reviews sheet's rows (header first; columns found by name) as a frame indexed by sheet row number, with
    the keys of :data:`REVIEW_KEYS` (rating a float, NaN when blank). Raises :class:`AfterSalesConfigError` naming
    the sheet, row and column for a missing column or a rating that is not 1 to 5 ("4", "4/5", "★★★★")."""
    records, numbers = [], []
    for n, r in sheet_records(rows or [], sheet, REQUIRED_HEADERS):
        record = {key: r.get(header.casefold(), "") for header, key in REVIEW_KEYS.items()}
        record["rating"] = _rating(record["rating"], sheet, n)
        records.append(record)
        numbers.append(n)
    return pd.DataFrame(records, columns=list(REVIEW_KEYS.values()), index=pd.Index(numbers, name="row"))


def _rating(value: str, sheet: str, row: int) -> float:
    if not value:
        return np.nan
    stars = value.count("★")
    match = _RATING.fullmatch(value.strip())
    number = float(stars) if stars and not match else float(match.group(1).replace(",", ".")) if match else -1.0
    if not 0 <= number <= 5:
        raise AfterSalesConfigError("aftersales.sheet_value", sheet=sheet, row=row, column="Rating",
                                    value=T.shorten(value), allowed="a number from 1 to 5, e.g. 2 or ★★")
    return number


def draft_review_replies(reviews: pd.DataFrame, *, orders: pd.DataFrame | None = None, template_folder: str = "",
                         team_lang: str = "en", keywords: CaseKeywords | None = None,
                         max_rating: float = LOW_RATING) -> pd.DataFrame:
    """Drafts for the reviews rated ``max_rating`` or less (others are left out), indexed like those rows, with the
    columns of :data:`REVIEW_DRAFT_HEADERS`: the case type, cause and owner found in the review text
    (:func:`~tkops.aftersales.classify.classify_text` with ``keywords``, the CaseKeywords lists; cause and owner are
    the case type's usual ones), the keyword that decided, the reply language, both drafts, a line for the team
    (``team_lang``: en or zh) and the templates used.

    ``reviews``: keys of :data:`REVIEW_KEYS` (:func:`read_reviews`). ``orders``: canonical order lines, for the
    product and the country of reviews whose row names none. The language: Language, else Country, else the
    order's country, else guessed from the text (its script, or the language of the keyword found), else English.
    """
    low = reviews[pd.to_numeric(reviews.get("rating"), errors="coerce") <= max_rating]
    idx = low.index
    if low.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in REVIEW_DRAFT_HEADERS}, index=idx)
    keywords = keywords or default_case_keywords()
    text, order_ids = T.as_text(low.get("review_text"), idx), T.as_text(low.get("order_id"), idx)
    found = classify_text(text, keywords)
    country, product = T.as_text(low.get("country"), idx), pd.Series("", index=idx, dtype=object)
    if orders is not None and len(orders):
        facts = _order_facts(orders)
        country = country.where(country != "", order_ids.map(facts["country"]).fillna(""))
        product = order_ids.map(facts["item"]).fillna("")
    language = T.as_text(low.get("language"), idx)
    langs = reply_languages(language, country, idx)
    by_word: dict[str, set[str]] = {}
    for _case, lang, word in keywords.rows:
        by_word.setdefault(fold_text(word), set()).add(lang)
    guessed = pd.Series([_guess(t, by_word.get(k, set())) for t, k in zip(text, found["keyword"])], index=idx,
                        dtype=object)
    langs = langs.where((language != "") | (country != "") | (guessed == ""), guessed)
    renderer, team_lang = Renderer(template_folder), "zh" if team_lang == "zh" else "en"
    users, ratings = T.as_text(low.get("buyer_username"), idx), pd.to_numeric(low["rating"], errors="coerce")
    rows = []
    for i, (lang, case_type) in enumerate(zip(langs, found["case_type"])):
        public = {"case_type": case_type, "lang": lang, "country": country_code(country.iat[i])}
        private = {**public, "buyer": greeting_name(users.iat[i], "", lang), "order_id": order_ids.iat[i],
                   "item": product.iat[i], "rating": int(ratings.iat[i])}
        public_path, public_text = renderer.render(["review_public"], lang, public)
        private_path, private_text = renderer.render(["review_private"], lang, private)
        action = explain(f"aftersales.review.{_GROUP_OF.get(case_type, 'details')}", team_lang)
        rows.append((case_type, found["cause"].iat[i], CASE_TYPES[case_type].owner, found["keyword"].iat[i], lang,
                     public_text, private_text, explain("aftersales.review.team", team_lang, action=action),
                     f"{public_path} + {private_path}"))
    return pd.DataFrame(rows, columns=list(REVIEW_DRAFT_HEADERS), index=idx).astype(object)


def _order_facts(orders: pd.DataFrame) -> pd.DataFrame:
    """Per Order ID: the first country and the first product (with its variation) of its lines."""
    oid = T.as_text(orders.get("order_id"), orders.index)
    items = [item_text(p, v) for p, v in zip(T.as_text(orders.get("product_name"), orders.index),
                                                T.as_text(orders.get("variation"), orders.index))]
    facts = pd.DataFrame({"country": T.as_text(orders.get("country"), orders.index), "item": items},
                         index=orders.index).replace("", np.nan)
    return facts.groupby(oid.to_numpy(), sort=False).first().fillna("")


def _guess(text: str, keyword_langs: set[str]) -> str:
    """The language of a review with no language or country: by script, else the language of the keyword found
    (when the keyword lists give it one only); "" when unsure."""
    for lang, pattern in _SCRIPTS:
        if pattern.search(text):
            return lang
    return next(iter(keyword_langs)) if len(keyword_langs) == 1 and keyword_langs <= set(REPLY_LANGUAGES) else ""
