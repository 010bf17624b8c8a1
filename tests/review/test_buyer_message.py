"""Buyer messages: classified from keyword lists in twelve languages; a colour or size that differs from the
ordered Variation is said exactly ("buyer asks for Black; ordered White, M")."""

from __future__ import annotations

import pytest

from tests.review.conftest import frame, line, problem, run, tuples
from tkops.review import keywords_from_sheet_rows
from tkops.review.vocab import fold, variation_sizes


def codes(message: str, market: str = "US", **kw) -> set[str]:
    return {code for _, _, code in tuples(run(frame(line(market, buyer_message=message, **kw))), "message.")}


@pytest.mark.parametrize("market, message", [
    ("US", "Please send black instead"), ("MX", "quiero el negro por favor"), ("DE", "Bitte in Schwarz"),
    ("FR", "je voudrais la couleur noire"), ("IT", "vorrei il nero"), ("BR", "quero preto"),
    ("ID", "mau warna hitam kak"), ("MY", "saya nak warna hitam"), ("TH", "ขอสีดำค่ะ"),
    ("VN", "cho mình màu đen nhé"), ("JP", "黒に変更できますか"), ("SG", "要黑色的"),
])
def test_colour_named_in_every_language(market, message):
    result = run(frame(line(market, buyer_message=message)))
    assert tuples(result) == {(2, "buyer_message", "message.colour_change")}
    assert problem(result, "message.colour_change")["explanation"] == "buyer asks for Black; ordered White, M"


@pytest.mark.parametrize("market, message, size", [
    ("US", "size L please", "L"), ("MX", "talla G por favor", "L"), ("DE", "Größe XL bitte", "XL"),
    ("FR", "en taille S svp", "S"), ("IT", "taglia XXL", "XXL"), ("BR", "tamanho GG", "XL"),
    ("ID", "ukuran L ya", "L"), ("MY", "saiz XL", "XL"), ("TH", "ไซส์ L ค่ะ", "L"), ("VN", "lấy size L nhé", "L"),
    ("JP", "Lサイズでお願いします", "L"),
    ("SG", "要XL码", "XL"), ("US", "can I get a 2XL", "XXL"), ("ES", "talla 42", "42"),
])
def test_size_named_in_every_language(market, message, size):
    result = run(frame(line(market, buyer_message=message)))
    assert tuples(result) == {(2, "buyer_message", "message.size_change")}
    assert problem(result, "message.size_change")["explanation"] == f"buyer asks for {size}; ordered White, M"


def test_colour_and_size_together_give_two_problems():
    result = run(frame(line("MX", buyer_message="quiero el negro talla G")))
    assert {p for p in result.problems["explanation"]} == {"buyer asks for Black; ordered White, M",
                                                           "buyer asks for L; ordered White, M"}


def test_the_ordered_colour_or_size_is_no_change():
    assert codes("please make sure it's white", variation="White, M") == {"message.other"}
    assert codes("size M please") == {"message.other"}


def test_a_colour_of_another_line_of_the_order_is_no_change():
    lines = frame(line(buyer_message="the black one in L please", variation="White, M"),
                  line(buyer_message="the black one in L please", variation="Black, L", seller_sku="TEE-BLK-L"))
    assert tuples(run(lines), "message.") == {(2, "buyer_message", "message.other")}


def test_change_asked_without_naming_the_new_one():
    result = run(frame(line(buyer_message="can I change the colour?")))
    assert problem(result, "message.colour_change")["explanation"] == \
        "buyer asks to change the colour; ordered White, M"


@pytest.mark.parametrize("category, messages", [
    ("message.gift", ["it's a gift, no price please", "es un regalo", "Geschenk, bitte ohne Preis", "c'est un cadeau",
                      "è un regalo", "é presente", "ini kado ya", "ini hadiah", "ของขวัญค่ะ", "quà tặng sinh nhật",
                      "プレゼントです", "是礼物"]),
    ("message.urgent", ["please ship asap", "es urgente", "bitte dringend", "c'est urgent", "mi serve subito",
                        "preciso urgente", "tolong dikirim secepatnya", "perlu segera", "ด่วนค่ะ", "giao gấp giúp mình",
                        "至急お願いします", "尽快发货"]),
    ("message.address_change", ["I need to change my address", "cambiar la dirección", "neue Adresse bitte",
                                "changer l'adresse", "cambiare indirizzo", "mudar o endereço", "ganti alamat",
                                "tukar alamat", "เปลี่ยนที่อยู่", "đổi địa chỉ", "住所を変更したい", "改地址"]),
    ("message.cancel_request", ["please cancel my order", "quiero cancelar", "bitte stornieren", "je veux annuler",
                                "voglio annullare", "quero cancelar", "tolong batalkan", "mahu batal",
                                "ยกเลิกคำสั่งซื้อ", "hủy đơn giúp mình", "キャンセルしたい", "取消订单"]),
])
def test_categories_in_every_language(category, messages):
    for message in messages:
        assert category in codes(message), message


def test_keywords_sheet_can_replace_a_category():
    keywords = keywords_from_sheet_rows([["Category", "Language", "Keyword"], ["Urgent", "", "-*"],
                                         ["Urgent", "en", "by friday"]])
    result = run(frame(line(buyer_message="asap please"), line(n=2, buyer_message="need it by Friday")),
                 keywords=keywords)
    assert tuples(result) == {(2, "buyer_message", "message.other"), (3, "buyer_message", "message.urgent")}


def test_anything_else_is_other_and_nothing_for_no_message():
    assert codes("thanks, love your shop!") == {"message.other"}
    assert tuples(run(frame(line(buyer_message=""))), "message.") == set()


def test_keywords_sheet_adds_and_removes_words():
    keywords = keywords_from_sheet_rows([["Category", "Language", "Keyword"], ["urgent", "en", "pronto"],
                                         ["gift", "en", "-gift"], ["colour:Navy", "pt", "marinho"]])
    result = run(frame(line(buyer_message="pronto"), line(n=2, buyer_message="gift"),
                       line(n=3, buyer_message="quero marinho")), keywords=keywords)
    assert tuples(result) == {(2, "buyer_message", "message.urgent"), (3, "buyer_message", "message.other"),
                              (4, "buyer_message", "message.colour_change")}


@pytest.mark.parametrize("variation, sizes", [
    ("White, M", ["M"]), ("Color:Black Size:XL", ["XL"]), ("Preto / G", ["L"]), ("ブラック/M", ["M"]),
    ("黑色 XL", ["XL"]), ("38", ["38"]), ("2 Pack", []), ("Colour: White; Size: 38", ["38"]), ("Tamanho: GG", ["XL"]),
])
def test_sizes_in_variations(variation, sizes):
    assert variation_sizes(fold(variation)) == sizes


def test_buyer_is_asked_in_their_language_with_their_own_word():
    p = problem(run(frame(line("MX", buyer_message="mándamelo en negro"))), "message.colour_change")
    assert p["buyer_language"] == "es" and p["buyer_template"] == "messages/es/variant.txt.j2"
    assert "«negro»" in p["buyer_message"] and "577000000000000001" in p["buyer_message"]
