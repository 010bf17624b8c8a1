"""Status words of every market's language read as the canonical statuses (docs/exports.md#status-words)."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

from tkops import statuses


@pytest.mark.parametrize(("word", "canonical"), [
    ("อยู่ระหว่างงานขนส่ง", "In Transit"), ("ยกเลิกคำสั่งซื้อ", "Cancelled"), ("ที่ต้องจัดส่ง", "Awaiting Shipment"),
    ("Sedang transit", "In Transit"), ("Perlu dikirim", "Awaiting Shipment"), ("Dibatalkan", "Cancelled"),
    ("Dihantar", "Shipped"), ("Untuk dihantar", "Awaiting Shipment"), ("Dalam transit", "In Transit"),
    ("Cancelado", "Cancelled"), ("Pendiente de envío", "Awaiting Shipment"), ("Entregado", "Delivered"),
    ("Aguardando envio", "Awaiting Shipment"), ("Entregue", "Delivered"), ("Concluído", "Completed"),
    ("Storniert", "Cancelled"), ("Versandt", "Shipped"), ("Zugestellt", "Delivered"),
    ("Annulé", "Cancelled"), ("Livré", "Delivered"), ("En attente d\u2019expédition", "Awaiting Shipment"),
    ("Annullato", "Cancelled"), ("In attesa di spedizione", "Awaiting Shipment"), ("Consegnato", "Delivered"),
    ("キャンセル済み", "Cancelled"), ("発送待ち", "Awaiting Shipment"), ("配達済み", "Delivered"),
    ("Đang giao", "In Transit"), ("Đã hủy", "Cancelled"), ("已取消", "Cancelled"),
    ("  AWAITING   shipment ", "Awaiting Shipment"), ("Completed", "Completed"),
])
def test_status_words_of_every_language_are_canonical(word, canonical):
    assert statuses.canonical_status(word) == canonical
    # NFD input (as some Mac tools write accents) reads the same
    assert statuses.canonical_status(unicodedata.normalize("NFD", word)) == canonical


def test_unknown_words_are_kept_as_written_not_guessed():
    col = pd.Series(["Storniert", "Irgendwas", None, "versandt"])
    out = statuses.canonical_statuses(col)
    assert out.tolist()[:2] == ["Cancelled", "Irgendwas"] and pd.isna(out[2]) and out[3] == "Shipped"
    assert statuses.canonical_status("Irgendwas") is None and statuses.canonical_status(None) is None


def test_every_listed_word_maps_to_its_own_status_and_every_language_has_the_main_statuses():
    for lang, by_status in statuses.SPELLINGS.items():
        assert {"Awaiting Shipment", "Shipped", "Delivered", "Cancelled"} <= set(by_status), lang
        for canon, words in by_status.items():
            assert canon in statuses.CANONICAL
            for word in words:
                assert statuses.canonical_status(word) == canon, (lang, word)


def test_a_word_claimed_by_two_statuses_stops_the_table(monkeypatch):
    monkeypatch.setitem(statuses.SPELLINGS, "xx", {"Shipped": ("geliefert",)})  # German for Delivered
    with pytest.raises(ValueError, match="geliefert"):
        statuses._table()


def test_folding_ignores_case_spaces_and_apostrophe_forms_only():
    assert statuses.fold("  En   attente d\u2019EXPÉDITION ") == "en attente d'expédition"
    assert statuses.fold("en attente d\u02bcexpédition") == "en attente d'expédition"
    assert statuses.fold("E\u0301") == "é"  # NFD folded to NFC
    assert statuses.fold("a\tb\nc") == "a b c"
    assert statuses.fold("Ready-to-ship") != statuses.fold("Ready to ship")  # other punctuation is kept


def test_the_table_maps_the_canonical_names_and_refuses_nothing_valid():
    table = statuses._table()
    assert table == statuses.STATUS_MAP
    for canon in statuses.CANONICAL:
        assert table[canon.casefold()] == canon
    assert table["storniert"] == "Cancelled" and table["geliefert"] == "Delivered"


def test_a_column_keeps_its_index_and_non_text_values():
    col = pd.Series(["Versandt", 7, None, "Livré"], index=[10, 11, 12, 13])
    out = statuses.canonical_statuses(col)
    assert list(out.index) == [10, 11, 12, 13] and out.dtype == object
    assert out[10] == "Shipped" and out[11] == 7 and pd.isna(out[12])
    assert out[13] == "Delivered"
    assert statuses.canonical_status(7) is None


@pytest.mark.parametrize("n", [1, 3000])
def test_a_blank_status_of_any_kind_is_nan(n):
    import numpy as np

    from tkops.statuses import canonical_statuses

    col = pd.Series([" shipped ", None, pd.NA, np.nan, "Our own word"] * n, dtype=object)
    out = canonical_statuses(col)
    assert out.dtype == object and out.iloc[0] == "Shipped" and out.iloc[4] == "Our own word"
    assert all(v is np.nan or (isinstance(v, float) and np.isnan(v)) for v in out.iloc[1:4])
    assert not (out == "Cancelled").any()  # a comparison with a blank is False, never "NA is ambiguous"
