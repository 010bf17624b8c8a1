"""Negative reviews: only low ratings get drafts; the public reply names no order and no buyer; the private message
does; the review is classified like a case (en, es, zh); the language follows the row, the order or the text."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from tkops.aftersales.catalogue import AfterSalesConfigError
from tkops.aftersales.classify import case_keywords_from_sheet_rows
from tkops.aftersales.reasons import CASE_TYPES
from tkops.aftersales.replies import REPLY_LANGUAGES
from tkops.aftersales.reviews import (REVIEW_DRAFT_HEADERS, REVIEW_KEYS, REVIEWS_SHEET_HEADERS,
                                      draft_review_replies, read_reviews)
from tkops.errors import ConfigError

LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|Undefined|\bNone\b|\bnan\b")
HEADER = ["Order ID", "Rating", "Review Text", "Buyer Username", "Country", "Language"]


def oid(n: int) -> str:
    return f"5770000000000001{n:02d}"


def reviews(*rows: list) -> pd.DataFrame:
    return read_reviews([HEADER, *rows])


def test_the_sheet_headers_are_a_constant_and_the_optional_columns_may_be_missing():
    assert REVIEWS_SHEET_HEADERS == HEADER and list(REVIEW_KEYS) == HEADER
    frame = read_reviews([["Review Text", "order id", "RATING"], ["bad", oid(1), "2"]])
    assert frame.loc[2].to_dict() == {"order_id": oid(1), "rating": 2.0, "review_text": "bad", "buyer_username": "",
                                      "country": "", "language": ""}


@pytest.mark.parametrize("cell, rating", [("1", 1.0), ("2.0", 2.0), ("3,5", 3.5), ("2/5", 2.0), ("★★", 2.0),
                                          ("4 stars", 4.0), ("5", 5.0), ("", None)])
def test_ratings_are_read_as_numbers(cell, rating):
    value = reviews([oid(1), cell, "text", "", "", ""]).loc[2, "rating"]
    assert (pd.isna(value) and rating is None) or value == rating


@pytest.mark.parametrize("cell", ["bad", "7", "-1", "2 of 5"])
def test_a_bad_rating_names_sheet_row_and_column(cell):
    with pytest.raises(AfterSalesConfigError) as err:
        reviews([oid(1), "2", "ok", "", "", ""], [oid(2), cell, "text", "", "", ""])
    for lang in ("en", "zh"):
        text = err.value.render(lang)
        assert "Reviews" in text and "3" in text and "Rating" in text and cell in text


def test_a_reviews_sheet_without_its_columns_is_an_error():
    with pytest.raises(AfterSalesConfigError) as err:
        read_reviews([["Order ID", "Stars", "Review Text"], [oid(1), "1", "x"]])
    assert "Rating" in err.value.render("en")


def test_only_low_ratings_get_drafts():
    frame = reviews([oid(1), "1", "broken", "", "", ""], [oid(2), "5", "great", "", "", ""],
                    [oid(3), "3", "meh", "", "", ""], [oid(4), "4", "ok", "", "", ""],
                    [oid(5), "", "no stars", "", "", ""], [oid(6), "2.5", "slow", "", "", ""])
    out = draft_review_replies(frame)
    assert out.index.tolist() == [2, 4, 7] and list(out.columns) == list(REVIEW_DRAFT_HEADERS)
    assert draft_review_replies(frame, max_rating=1).index.tolist() == [2]
    assert draft_review_replies(frame[frame["rating"] > 3]).empty


@pytest.mark.parametrize("text, lang, case_type", [
    ("The mug arrived broken, very disappointed", "en", "damaged"),
    ("la talla es muy pequeña, no me queda", "es", "size_fit"),
    ("等了一个月一直没收到货", "zh", "not_received"),
    ("Never arrived.", "en", "not_received"),
    ("producto llegó roto", "es", "damaged"),
    ("尺码太小了", "zh", "size_fit"),
    ("meh", "en", "other"),
])
def test_the_review_is_classified_like_a_case(text, lang, case_type):
    out = draft_review_replies(reviews([oid(1), "1", text, "", "", lang]))
    row = out.iloc[0]
    assert (row["case_type"], row["cause"], row["owner"]) == (case_type, CASE_TYPES[case_type].cause,
                                                              CASE_TYPES[case_type].owner)
    assert (row["keyword"] != "") == (case_type != "other")


def test_the_teams_keyword_lists_are_used():
    keywords = case_keywords_from_sheet_rows([["Case Type", "Language", "Keyword"], ["late", "en", "meh"]])
    out = draft_review_replies(reviews([oid(1), "1", "meh", "", "", ""]), keywords=keywords)
    assert out["case_type"].iat[0] == "late"


@pytest.mark.parametrize("lang", REPLY_LANGUAGES)
@pytest.mark.parametrize("case_type, text", [("damaged", "arrived broken"), ("not_received", "never arrived"),
                                             ("size_fit", "too small"), ("other", "meh")])
def test_the_public_reply_has_no_order_id_or_buyer_name(lang, case_type, text):
    out = draft_review_replies(reviews([oid(7), "1", text, "ana.souza", "", lang]))
    row = out.iloc[0]
    assert row["case_type"] == case_type and row["reply_language"] == lang
    assert oid(7) not in row["public_reply"] and "ana.souza" not in row["public_reply"]
    assert oid(7) in row["private_message"]
    assert lang == "th" or "ana.souza" in row["private_message"]
    for draft in (row["public_reply"], row["private_message"]):
        assert draft.strip() and not LEFTOVER.search(draft) and len(draft) < 600, draft
    assert row["template"] == f"replies/{lang}/review_public.txt.j2 + replies/{lang}/review_private.txt.j2"


def test_the_language_follows_the_row_then_the_order_then_the_text():
    frame = reviews([oid(1), "1", "arrived broken", "", "", "fr"], [oid(2), "1", "arrived broken", "", "DE", ""],
                    [oid(3), "1", "arrived broken", "", "", ""], [oid(4), "1", "llegó roto", "", "", ""],
                    [oid(5), "1", "สินค้าเสียหาย", "", "", ""], [oid(6), "1", "商品が壊れていました", "", "", ""],
                    [oid(7), "1", "东西坏了", "", "", ""], [oid(8), "1", "hàng bị vỡ", "", "", ""],
                    [oid(9), "1", "zzz", "", "", ""])
    orders = pd.DataFrame({"order_id": [oid(3), oid(3)], "country": ["Italia", "Italia"],
                           "product_name": ["Tazza", "Piattino"], "variation": ["Blu", ""]})
    out = draft_review_replies(frame, orders=orders)
    assert out["reply_language"].tolist() == ["fr", "de", "it", "es", "th", "ja", "zh", "vi", "en"]
    assert "Tazza (Blu)" not in out["public_reply"].iat[2]


def test_the_team_line_exists_in_english_and_chinese():
    frame = reviews([oid(1), "1", "arrived broken", "", "", ""], [oid(2), "2", "never arrived", "", "", ""],
                    [oid(3), "1", "too small", "", "", ""], [oid(4), "1", "meh", "", "", ""])
    en, zh = draft_review_replies(frame)["team_line"], draft_review_replies(frame, team_lang="zh")["team_line"]
    assert en.str.startswith("Public: apology, no personal data. Private: ").all() and en.nunique() == 4
    assert zh.str.startswith("公开回复：致歉，不含个人信息。私信：").all() and zh.nunique() == 4


def test_buyer_text_is_inert():
    evil = "{{ 7+7 }}<script>"  # no asterisk: an asterisk reads as a masked name, which is never greeted
    out = draft_review_replies(reviews([oid(1), "1", "{{ 7*7 }} broken =HYPERLINK(\"x\")", evil, "", ""]))
    assert "{{ 7+7 }}<script>" in out["private_message"].iat[0] and "14" not in out["private_message"].iat[0]
    assert out["case_type"].iat[0] == "damaged"


def test_a_team_public_template_cannot_reach_personal_data(tmp_path):
    own = tmp_path / "replies" / "en"
    own.mkdir(parents=True)
    (own / "review_public.txt.j2").write_text("Sorry about order {{ order_id }}", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        draft_review_replies(reviews([oid(1), "1", "broken", "", "", ""]), template_folder=str(tmp_path))
    text = err.value.render("en")
    assert "replies/en/review_public.txt.j2" in text and "line 1" in text and "order_id" in text


def test_a_team_private_template_overrides_the_shipped_one(tmp_path):
    own = tmp_path / "replies" / "es"
    own.mkdir(parents=True)
    (own / "review_private.txt.j2").write_text("Hola {{ buyer }}, pedido {{ order_id }}", encoding="utf-8")
    out = draft_review_replies(reviews([oid(1), "1", "roto", "luis", "", "es"]), template_folder=str(tmp_path))
    assert out["private_message"].iat[0] == f"Hola luis, pedido {oid(1)}"
    assert out["public_reply"].iat[0].startswith("Gracias por tu opinión")
