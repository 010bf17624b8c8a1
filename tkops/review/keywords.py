"""What buyer messages ask for: keyword lists per category and language, as data the team can extend.

Defaults live here; the Keywords sheet (Category | Language | Keyword) adds words, a keyword written with a
leading minus ("-fast") removes a built-in one, and "-*" removes every built-in word of the category (the sheet's
own rows after it then replace the list). Categories are the ``message.*`` codes without the prefix
(colour_change, size_change, address_change, gift, urgent, cancel_request), plus ``colour:<Name>`` and
``size:<Name>`` to teach tkops another word for a colour or a size ("colour:Black" / "nègre" is not needed, but
"colour:Navy" / "marinho" might be).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping

from tkops.review import vocab
from tkops.review.catalogue import ReviewConfigError as ConfigError

LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "id", "ms", "th", "vi", "ja", "zh")
CATEGORIES = ("colour_change", "size_change", "address_change", "gift", "urgent", "cancel_request")
KEYWORDS_SHEET_HEADERS = ["Category", "Language", "Keyword"]

DEFAULT_KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "colour_change": {
        "en": ("colour", "color", "colours", "colors"), "es": ("color", "otro color"), "de": ("farbe",),
        "fr": ("couleur",), "it": ("colore",), "pt": ("cor", "outra cor"), "id": ("warna",), "ms": ("warna",),
        "th": ("เปลี่ยนสี", "สีอื่น"), "vi": ("màu", "đổi màu", "doi mau"), "ja": ("色を", "色に", "色違い", "カラー"),
        "zh": ("颜色", "换色", "顏色"),
    },
    "size_change": {
        "en": ("size", "bigger", "smaller", "larger"), "es": ("talla", "talle", "más grande", "más chica"),
        "de": ("größe", "groesse", "größer", "kleiner"), "fr": ("taille", "pointure", "plus grand", "plus petit"),
        "it": ("taglia", "misura", "più grande", "più piccola"), "pt": ("tamanho", "maior", "menor"),
        "id": ("ukuran", "size"), "ms": ("saiz", "ukuran"), "th": ("ไซส์", "ไซซ์", "เปลี่ยนขนาด"),
        "vi": ("size", "cỡ", "kích cỡ", "đổi size"), "ja": ("サイズ",), "zh": ("尺码", "码数", "换码", "尺寸"),
    },
    "address_change": {
        "en": ("address", "ship to", "deliver to", "moved"),
        "es": ("dirección", "direccion", "domicilio"), "de": ("adresse", "anschrift", "lieferadresse"),
        "fr": ("adresse",), "it": ("indirizzo",), "pt": ("endereço", "endereco"), "id": ("alamat",),
        "ms": ("alamat",), "th": ("ที่อยู่",), "vi": ("địa chỉ", "dia chi"), "ja": ("住所", "お届け先"),
        "zh": ("地址", "收货地址"),
    },
    "gift": {
        "en": ("gift", "present", "birthday", "no price", "no receipt", "no invoice", "gift wrap"),
        "es": ("regalo", "cumpleaños", "sin precio", "sin factura"),
        "de": ("geschenk", "geburtstag", "ohne preis", "ohne rechnung"),
        "fr": ("cadeau", "anniversaire", "sans prix", "sans facture"),
        "it": ("regalo", "compleanno", "senza prezzo", "senza scontrino"),
        "pt": ("presente", "aniversário", "aniversario", "sem preço", "sem nota"),
        "id": ("hadiah", "kado", "ulang tahun", "tanpa harga"), "ms": ("hadiah", "hari jadi", "tanpa harga"),
        "th": ("ของขวัญ", "วันเกิด", "ไม่ต้องใส่ราคา"), "vi": ("quà", "quà tặng", "sinh nhật", "không ghi giá"),
        "ja": ("ギフト", "プレゼント", "誕生日", "ラッピング", "金額なし", "納品書不要"),
        "zh": ("礼物", "送人", "生日", "不要价格", "不要发票", "礼品"),
    },
    "urgent": {
        "en": ("urgent", "asap", "as soon as possible", "quickly", "fast", "hurry", "rush", "need it by",
               "need by", "needed by", "arrive by", "get here by", "by tomorrow", "by monday", "by tuesday",
               "by wednesday", "by thursday", "by friday", "by saturday", "by sunday", "by the weekend",
               "before christmas", "for my trip"),
        "es": ("urgente", "lo antes posible", "rápido", "rapido", "cuanto antes", "lo necesito para"),
        "de": ("dringend", "schnell", "eilig", "so schnell wie möglich", "brauche es bis"),
        "fr": ("urgent", "rapidement", "vite", "au plus vite", "dès que possible", "avant le"),
        "it": ("urgente", "subito", "al più presto", "velocemente", "entro"),
        "pt": ("urgente", "rápido", "rapido", "o quanto antes", "preciso até"),
        "id": ("segera", "cepat", "buru-buru", "secepatnya"), "ms": ("segera", "cepat", "secepat mungkin"),
        "th": ("ด่วน", "รีบ", "เร็วๆ"), "vi": ("gấp", "nhanh", "khẩn"),
        "ja": ("急ぎ", "至急", "早めに", "早く"), "zh": ("急", "加急", "尽快", "快点", "赶时间"),
    },
    "cancel_request": {
        "en": ("cancel", "cancellation", "don't send", "do not send", "do not ship", "refund", "changed my mind"),
        "es": ("cancelar", "cancela", "cancelación", "anular", "no lo envíe", "reembolso"),
        "de": ("stornieren", "storno", "stornierung", "nicht versenden", "nicht schicken"),
        "fr": ("annuler", "annulation", "ne pas envoyer", "remboursement"),
        "it": ("annullare", "annulla", "cancellare", "non spedire", "rimborso"),
        "pt": ("cancelar", "cancela", "cancelamento", "não envie", "reembolso"),
        "id": ("batal", "batalkan", "pembatalan", "jangan dikirim"),
        "ms": ("batal", "batalkan", "pembatalan", "jangan hantar"),
        "th": ("ยกเลิก",), "vi": ("hủy", "huỷ", "hủy đơn", "không mua nữa"),
        "ja": ("キャンセル", "取り消し", "取消"), "zh": ("取消", "退款", "不要了"),
    },
}


@dataclass(frozen=True)
class Keywords:
    """Keyword lists in force: category -> words (all languages), colour and size words -> canonical names."""

    words: Mapping[str, tuple[str, ...]]
    colours: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(vocab.COLOURS))
    sizes: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(vocab.SIZE_WORDS))

    def __post_init__(self) -> None:
        compiled = {c: vocab.word_pattern(self.words.get(c, ())) for c in CATEGORIES}
        object.__setattr__(self, "_patterns", compiled)
        object.__setattr__(self, "_colour", _lookup(self.colours))
        object.__setattr__(self, "_size", _lookup(self.sizes))

    def pattern(self, category: str) -> re.Pattern | None:
        """The compiled pattern of a category (None when it has no words)."""
        return self._patterns[category]

    def colours_in(self, folded: str) -> list[tuple[str, str]]:
        """Colours named in a folded text: [(canonical, as written)]."""
        return vocab.colours_in_text(folded, *self._colour)

    def sizes_in(self, folded: str) -> list[tuple[str, str]]:
        """Sizes named in a folded buyer message: [(canonical, as written)]."""
        return vocab.sizes_in_text(folded, *self._size)


def _lookup(table: Mapping[str, tuple[str, ...]]) -> tuple[re.Pattern | None, dict[str, str]]:
    to_name = {vocab.fold(w).strip(): name for name, words in table.items() for w in words}
    return vocab.word_pattern(to_name), to_name


@lru_cache(maxsize=1)
def default_keywords() -> Keywords:
    """The built-in keyword lists (compiled once)."""
    return Keywords({c: tuple(w for words in DEFAULT_KEYWORDS[c].values() for w in words) for c in CATEGORIES})


def keywords_from_sheet_rows(rows: list[list[Any]], base: Keywords | None = None) -> Keywords:
    """The built-in lists (or ``base``) extended by the Keywords sheet's rows (header first).

    A keyword starting with "-" removes that word ("-*": every word of the category so far). Language is
    informative: matching uses every language's words, since buyers do not always write in their country's language.
    Raises ConfigError naming the row when a category is unknown.
    """
    base = base or default_keywords()
    words = {c: list(base.words.get(c, ())) for c in CATEGORIES}
    colours = {k: list(v) for k, v in base.colours.items()}
    sizes = {k: list(v) for k, v in base.sizes.items()}
    if not rows:
        return base
    col = {str(h).strip().casefold(): i for i, h in enumerate(rows[0]) if h is not None}
    for number, row in enumerate(rows[1:], start=2):
        def cell(name):
            i = col.get(name)
            return "" if i is None or i >= len(row) or row[i] is None else str(row[i]).strip()

        category, keyword = cell("category").casefold().replace(" ", "_"), cell("keyword")
        if not category and not keyword:
            continue
        category = category.removeprefix("message.").replace("color", "colour")
        if category in CATEGORIES:
            target = words.setdefault(category, [])
        elif category.startswith(("colour:", "size:")) and category.split(":", 1)[1].strip():
            table = colours if category.startswith("colour:") else sizes
            name = cell("category").split(":", 1)[1].strip()
            target = table.setdefault(name.upper() if table is sizes else name.title(), [])
        else:
            known = ", ".join(CATEGORIES) + ", colour:<Name>, size:<Name>"
            raise ConfigError("review.bad_keyword", row=number, category=cell("category"), known=known)
        if keyword == "-*":
            target.clear()
        elif keyword.startswith("-") and len(keyword) > 1:
            drop = vocab.fold(keyword[1:]).strip()
            target[:] = [w for w in target if vocab.fold(w).strip() != drop]
        elif keyword:
            target.append(keyword)
    return Keywords({c: tuple(w) for c, w in words.items()}, {k: tuple(v) for k, v in colours.items()},
                    {k: tuple(v) for k, v in sizes.items()})


def default_keyword_rows() -> list[list[str]]:
    """The built-in keywords as Keywords-sheet rows (header first), for a reference sheet or documentation."""
    rows = [list(KEYWORDS_SHEET_HEADERS)]
    for category in CATEGORIES:
        for lang, words in DEFAULT_KEYWORDS[category].items():
            rows += [[category, lang, w] for w in words]
    return rows
