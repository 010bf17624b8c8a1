"""Free-text classification of buyer notes, team notes and review text: languages, negation, precedence, whole
words, the CaseKeywords sheet and hostile text."""

from __future__ import annotations


import pandas as pd
import pytest

from tkops.aftersales.catalogue import AfterSalesConfigError
from tkops.aftersales.classify import (CASE_KEYWORDS_SHEET_HEADERS, MAX_CHARS, PRECEDENCE, CaseKeywords,
                                       case_keywords_from_sheet_rows, case_keywords_sheet_rows, classify_text,
                                       default_case_keywords)
from tkops.aftersales.reasons import CASE_TYPES


def case_of(text, keywords=None) -> str:
    return classify_text(pd.Series([text], dtype=object), keywords)["case_type"].iloc[0]


@pytest.mark.parametrize("text,expected", [
    # English
    ("The package never arrived", "not_received"),
    ("Tracking says delivered but I have not received it", "not_received"),
    ("Box was crushed and the mug inside is broken", "damaged"),
    ("Stopped working after two days", "defective"),
    ("You sent me the wrong item, I ordered the blue lamp", "wrong_item"),
    ("The charger was not included", "missing_parts"),
    ("Way too small, I usually wear a M", "size_fit"),
    ("Looks nothing like the photos, not as described", "not_as_described"),
    ("The colour is different from the listing", "colour_material"),
    ("It came two weeks late", "late"),
    ("Shipping took too long", "late"),
    ("Changed my mind, sorry", "no_longer_needed"),
    # Spanish
    ("Nunca llegó mi paquete", "not_received"),
    ("no me llego el pedido", "not_received"),
    ("El vaso llegó roto", "damaged"),
    ("No funciona, no enciende", "defective"),
    ("Me enviaron otro producto, no es lo que pedí", "wrong_item"),
    ("Faltan dos piezas", "missing_parts"),
    ("Me queda chico, necesito otra talla", "size_fit"),
    ("No es como se describe en la publicación", "not_as_described"),
    ("El color diferente al de la foto y la tela es fea", "colour_material"),
    ("Ya no lo necesito", "no_longer_needed"),
    # Chinese
    ("到现在还没收到货", "not_received"),
    ("外箱破损，杯子碎了", "damaged"),
    ("用了两天就坏了，质量问题", "defective"),
    ("发错货了，我买的是黑色", "wrong_item"),
    ("少发了一个配件", "missing_parts"),
    ("衣服太小了穿不上", "size_fit"),
    ("与描述不符", "not_as_described"),
    ("色差太大", "colour_material"),
    ("物流太慢了", "late"),
    ("拍错了，不想要了", "no_longer_needed"),
])
def test_english_spanish_chinese(text, expected):
    assert case_of(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Paket ist nie angekommen", "not_received"), ("Die Tasse kam zerbrochen an", "damaged"),
    ("Funktioniert nicht", "defective"), ("Viel zu klein", "size_fit"),
    ("Je n'ai jamais reçu mon colis", "not_received"), ("Le produit est arrivé cassé", "damaged"),
    ("Trop petit pour moi", "size_fit"), ("Il manque une pièce", "missing_parts"),
    ("Não recebi o pedido", "not_received"), ("Veio quebrado", "damaged"), ("Ficou pequeno", "size_fit"),
    ("Produto com defeito", "defective"),
    ("Barang belum sampai", "not_received"), ("Barangnya rusak", "damaged"), ("barang rusak parah", "damaged"),
    ("Kekecilan, mau tukar", "size_fit"), ("Salah kirim warna", "wrong_item"),
    ("ยังไม่ได้รับสินค้า", "not_received"), ("สินค้าเสียหาย", "damaged"), ("ไม่ตรงปก", "not_as_described"),
    ("Tôi chưa nhận được hàng", "not_received"), ("Ly bị vỡ", "damaged"), ("Áo không vừa", "size_fit"),
])
def test_other_languages(text, expected):
    assert case_of(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The item is not damaged, it just doesn't fit", "size_fit"),
    ("No damage at all", "other"),
    ("It isn't broken but it stopped working", "defective"),
    ("not really damaged", "other"),
    ("No I haven't received it", "not_received"),
    ("El producto no está dañado pero no funciona", "defective"),
    ("没有破损，但是太小了", "size_fit"),
    ("不是质量问题", "other"),
    ("สินค้าไม่เสียหาย", "other"),
    ("Hàng không bị vỡ", "other"),
    ("Nicht beschädigt, aber zu groß", "size_fit"),
    ("Pas cassé mais trop grand", "size_fit"),
    ("Box arrived fine. Item broken", "damaged"),
])
def test_negations(text, expected):
    assert case_of(text) == expected


def test_precedence_decides_between_types():
    assert case_of("Wrong item and it also arrived late") == "wrong_item"
    assert case_of("It arrived late and damaged") == "damaged"
    assert case_of("poor quality and too small") == "defective"
    assert list(PRECEDENCE) == [t for t in PRECEDENCE if t in CASE_TYPES] and "other" not in PRECEDENCE
    assert set(PRECEDENCE) == set(CASE_TYPES) - {"other"}


@pytest.mark.parametrize("text", ["the latest model", "chocolate", "materialistic", "undamagedness",
                                  "platelet", "fabrication date", ""])
def test_latin_words_match_whole_words_only(text):
    assert case_of(text) == "other"


def test_every_default_keyword_alone_finds_its_own_type():
    keywords = default_case_keywords()
    rows = keywords.rows
    found = classify_text(pd.Series([w for _c, _l, w in rows], dtype=object))
    wrong = [(w, c, got) for (c, _l, w), got in zip(rows, found["case_type"]) if got != c]
    assert not wrong


def test_default_lists_cover_the_languages():
    rows = case_keywords_sheet_rows()
    assert rows[0] == CASE_KEYWORDS_SHEET_HEADERS
    langs = {(case, lang) for case, lang, _w in rows[1:]}
    for case in PRECEDENCE:
        for lang in ("en", "es", "zh", "de", "fr", "pt", "id", "th", "vi"):
            assert (case, lang) in langs, (case, lang)
    words: dict[str, str] = {}
    for case, _lang, word in rows[1:]:
        assert words.setdefault(word.casefold(), case) == case, f"{word} is listed under two case types"


def test_result_columns_index_and_causes():
    series = pd.Series(["too small", "too small", None, 12.0, "arrived broken"], index=["a", "a", "b", "c", "d"])
    out = classify_text(series)
    assert list(out.columns) == ["case_type", "cause", "keyword"]
    assert list(out.index) == ["a", "a", "b", "c", "d"]
    assert out["cause"].tolist() == ["size_fit", "size_fit", "unknown", "unknown", "logistics"]
    assert out["keyword"].tolist() == ["too small", "too small", "", "", "broken"]
    assert classify_text(["too big"]).index.tolist() == [0]


def test_hostile_text_is_only_read():
    hostile = ["=HYPERLINK(\"http://evil\",\"broken\")", "=cmd|' /C calc'!A0", "<b onmouseover=alert(1)>torn</b>",
               "\u202e\u200bbroken", "\x00\x1b[31m", "🙂" * 5000, float("nan"), None, 10**30, True,
               "{{ 7*7 }} {% raw %}", "a" * (MAX_CHARS + 10) + " broken"]
    out = classify_text(pd.Series(hostile, dtype=object))
    assert set(out["case_type"]) <= set(CASE_TYPES)
    assert out["case_type"].tolist() == ["damaged", "other", "defective", "damaged", "other", "other", "other",
                                         "other", "other", "other", "other", "other"]


def test_very_long_texts_are_read_only_as_far_as_the_limit():
    # the time these take is measured in benchmarks/bench_aftersales.py
    long = ("blah " * 200_000) + "broken"
    out = classify_text(pd.Series([long, "word " * 1000 + "too small"] * 50, dtype=object))
    assert out["case_type"].tolist()[:2] == ["other", "size_fit"]
    notes = pd.Series([f"order {n}: the lamp arrived too late and the box was open" for n in range(20_000)])
    assert (classify_text(notes)["case_type"] == "late").all()


# --- the CaseKeywords sheet -----------------------------------------------------------------------------------------

def sheet(*rows) -> list[list]:
    return [list(CASE_KEYWORDS_SHEET_HEADERS), *[list(r) for r in rows]]


def test_team_rows_add_and_remove_words():
    keywords = case_keywords_from_sheet_rows(sheet(["damaged", "es", "madreado"], ["Size / fit", "", "aprieta"],
                                                   ["破损", "zh", "压扁了"], ["late", "", "-late"]))
    assert case_of("llegó todo madreado", keywords) == "damaged"
    assert case_of("me aprieta", keywords) == "size_fit"
    assert case_of("盒子压扁了", keywords) == "damaged"
    assert case_of("it is late", keywords) == "other" and case_of("arrived too late", keywords) == "late"
    cleared = case_keywords_from_sheet_rows(sheet(["late", "", "-*"], ["late", "en", "tardy"]))
    assert cleared.words("late") == ("tardy",)
    assert case_of("delayed", cleared) == "other" and case_of("tardy parcel", cleared) == "late"
    assert case_of("delayed") == "late"  # the defaults are untouched
    assert case_keywords_from_sheet_rows(None) == default_case_keywords()
    assert case_keywords_sheet_rows(cleared)[1:] == [list(r) for r in cleared.rows]
    assert CaseKeywords(()).pattern is None and case_of("late", CaseKeywords(())) == "other"


@pytest.mark.parametrize("row,code,column,value", [
    (["smashed", "en", "x"], "sheet_value", "Case Type", "smashed"),
    (["other", "en", "x"], "sheet_value", "Case Type", "other"),
    (["", "en", "x"], "sheet_blank", "Case Type", ""),
    (["damaged", "klingon", "x"], "sheet_value", "Language", "klingon"),
])
def test_bad_keyword_rows_name_sheet_row_column_and_allowed(row, code, column, value):
    with pytest.raises(AfterSalesConfigError) as caught:
        case_keywords_from_sheet_rows(sheet(["damaged", "en", "ok"], row))
    assert caught.value.code == f"aftersales.{code}"
    message = caught.value.render("en")
    assert message.startswith(f"CaseKeywords sheet, row 3, column \"{column}\"")
    assert "Use one of:" in message and ("not_received" in message or "zh" in message)
    assert "第 3 行" in caught.value.render("zh")


def test_blank_keyword_and_missing_column():
    with pytest.raises(AfterSalesConfigError, match="row 2: \"Keyword\" is empty"):
        case_keywords_from_sheet_rows(sheet(["damaged", "en", ""]))
    with pytest.raises(AfterSalesConfigError, match="no \"Keyword\" column"):
        case_keywords_from_sheet_rows([["Case Type", "Language"], ["damaged", "en"]])
