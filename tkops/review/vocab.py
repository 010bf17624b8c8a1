"""Colours and sizes as buyers write them, in the markets' languages, mapped to canonical English names, and the
functions that find them in a buyer message or in an ordered Variation ("White, M", "Preto / G", "ブラック/M").

Words are matched on NFKC-casefolded text: whole words for languages written with spaces, substrings for Thai,
Japanese and Chinese. The team adds words on the Keywords sheet (Category ``colour:Black`` or ``size:XL``).
"""

from __future__ import annotations

import re
import unicodedata

#: Canonical colour -> words (all languages). Thai/Japanese/Chinese forms carry their colour word (สี, 色) where the
#: bare character would also occur inside unrelated words.
COLOURS: dict[str, tuple[str, ...]] = {
    "Black": ("black", "negro", "negra", "schwarz", "noir", "noire", "nero", "nera", "preto", "preta", "hitam",
              "đen", "สีดำ", "黒", "ブラック", "黑色"),
    "White": ("white", "blanco", "blanca", "weiß", "blanc", "blanche", "bianco", "bianca", "branco", "branca",
              "putih", "trắng", "สีขาว", "ホワイト", "白色", "白い", "白の"),
    "Red": ("red", "rojo", "roja", "rot", "rote", "roter", "rouge", "rosso", "rossa", "vermelho", "vermelha",
            "merah", "đỏ", "สีแดง", "レッド", "赤色", "赤い", "赤の", "红色", "紅色"),
    "Blue": ("blue", "azul", "blau", "blaue", "bleu", "bleue", "blu", "biru", "xanh dương", "xanh da trời",
             "xanh lam", "สีฟ้า", "สีน้ำเงิน", "ブルー", "青色", "青い", "蓝色", "藍色"),
    "Navy": ("navy", "navy blue", "azul marino", "marineblau", "dunkelblau", "bleu marine", "blu navy", "blu scuro",
             "azul marinho", "biru tua", "biru dongker", "xanh navy", "สีกรม", "ネイビー", "紺色", "藏青色", "藏蓝色",
             "深蓝色"),
    "Green": ("green", "verde", "grün", "grüne", "vert", "verte", "hijau", "xanh lá", "สีเขียว", "グリーン", "緑",
              "绿色", "綠色"),
    "Yellow": ("yellow", "amarillo", "amarilla", "gelb", "jaune", "giallo", "gialla", "amarelo", "amarela",
               "kuning", "vàng", "สีเหลือง", "イエロー", "黄色"),
    "Pink": ("pink", "rosa", "rosado", "rosada", "rose", "merah muda", "merah jambu", "hồng", "สีชมพู", "ピンク",
             "粉色", "粉红色"),
    "Purple": ("purple", "morado", "morada", "lila", "violett", "violet", "violette", "viola", "roxo", "roxa",
               "ungu", "tím", "สีม่วง", "パープル", "紫色"),
    "Grey": ("grey", "gray", "gris", "grau", "graue", "grigio", "grigia", "cinza", "abu-abu", "abu abu", "kelabu",
             "xám", "สีเทา", "グレー", "灰色"),
    "Brown": ("brown", "marrón", "marron", "café", "braun", "marrone", "marrom", "coklat", "cokelat", "nâu",
              "สีน้ำตาล", "ブラウン", "茶色", "棕色", "咖啡色"),
    "Beige": ("beige", "beis", "bege", "màu be", "สีเบจ", "ベージュ", "米色"),
    "Orange": ("orange", "naranja", "arancione", "laranja", "oren", "oranye", "jingga", "màu cam", "สีส้ม",
               "オレンジ", "橙色"),
    "Gold": ("gold", "golden", "dorado", "dorada", "doré", "dorée", "oro", "dourado", "dourada", "emas", "สีทอง",
             "ゴールド", "金色"),
    "Silver": ("silver", "plateado", "plateada", "plata", "silber", "argenté", "argento", "argentato", "prata",
               "prateado", "perak", "bạc", "สีเงิน", "シルバー", "銀色", "银色"),
    "Khaki": ("khaki", "caqui", "kaki", "cáqui", "カーキ", "卡其色"),
}

#: Size words that are not letter codes: canonical size -> words ("small" and "large" are left out: buyers write
#: "too small" about the size they have, not the one they want).
SIZE_WORDS: dict[str, tuple[str, ...]] = {
    "S": ("小号", "小码"),
    "M": ("medium", "中号", "中码"),
    "L": ("大号", "大码"),
    "XL": ("extra large", "x-large", "extra-large", "加大", "加大号"),
    "XXL": ("xx-large", "2x-large"),
}

#: Letter sizes as written (folded) -> canonical. P/G/GG are Brazil's and CH/G/EG Mexico's letters.
SIZE_CODES: dict[str, str] = {
    "xxs": "XXS", "xs": "XS", "pp": "XS", "s": "S", "p": "S", "ch": "S", "m": "M", "l": "L", "g": "L",
    "xl": "XL", "gg": "XL", "eg": "XL", "xxl": "XXL", "2xl": "XXL", "xg": "XXL", "xxxl": "XXXL", "3xl": "XXXL",
    "xgg": "XXXL", "xxxxl": "4XL", "4xl": "4XL", "5xl": "5XL", "6xl": "6XL",
}
_TOKEN = r"(?:xxxxl|xxxl|xxl|xxs|xgg|xl|xs|xg|[2-6]xl|pp|gg|eg|ch|s|m|l|p|g|\d{1,2}(?:[.,]5)?)"
_LABELS = r"(?:size|talla|talle|taille|pointure|größe|grösse|groesse|taglia|misura|tamanho|numeração|ukuran|saiz|cỡ)"
_CJK_LABELS = r"(?:サイズ|尺码|码数|尺寸|ไซส์|ไซซ์|ขนาด)"
SIZE_PATTERNS: tuple[re.Pattern, ...] = (
    re.compile(rf"(?<!\w){_LABELS}(?:\s*[:：=]\s*|\s+)({_TOKEN})(?!\w)"),
    re.compile(rf"{_CJK_LABELS}\s*[:：=]?\s*({_TOKEN})(?![a-z0-9])"),
    re.compile(rf"(?<![a-z0-9])({_TOKEN})\s*(?:サイズ|码|ไซส์|ไซซ์)"),
    re.compile(rf"(?<!\w)({_TOKEN})\s+size(?!\w)"),
    re.compile(r"(?<!\w)(xxxxl|xxxl|xxl|xxs|xl|xs|[2-6]xl)(?!\w)"),
)
_PARTS = re.compile(r"[,/;|，、\n]+")
_LABEL_PREFIX = re.compile(r"^[^:：]{1,20}[:：]\s*")
_WHOLE_TOKEN = re.compile(rf"^{_TOKEN}$")
_LETTER_TOKEN = re.compile(r"^(?:xxxxl|xxxl|xxl|xxs|xl|xs|[2-6]xl|s|m|l)$")
_NO_SPACE_SCRIPTS = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def fold(text: str) -> str:
    """NFKC + casefold: the form every keyword and message is compared in."""
    return unicodedata.normalize("NFKC", text).casefold()


def word_pattern(words) -> re.Pattern | None:
    """One pattern for ``words``: whole words, or substrings for Thai/CJK words; longest first. None if empty."""
    folded = sorted({fold(w).strip() for w in words if w and fold(w).strip()}, key=len, reverse=True)
    if not folded:
        return None
    parts = [re.escape(w) if _NO_SPACE_SCRIPTS.search(w) else rf"(?<!\w){re.escape(w)}(?!\w)" for w in folded]
    return re.compile("|".join(parts))


def size_code(token: str) -> str:
    """A written size token as its canonical name ("gg" -> "XL", "38,5" -> "38.5")."""
    token = token.strip()
    if token in SIZE_CODES:
        return SIZE_CODES[token]
    return token.replace(",", ".") if token[:1].isdigit() else token.upper()


def sizes_in_text(text: str, size_words: re.Pattern | None, words_to_size: dict[str, str]) -> list[tuple[str, str]]:
    """Sizes a (folded) buyer message names: [(canonical, as written)], in order, without repeats."""
    found: list[tuple[int, str, str]] = []
    for pattern in SIZE_PATTERNS:
        for m in pattern.finditer(text):
            found.append((m.start(1), size_code(m.group(1)), m.group(0).strip()))
    if size_words is not None:
        for m in size_words.finditer(text):
            found.append((m.start(), words_to_size[m.group(0)], m.group(0)))
    return _unique(found)


def colours_in_text(text: str, colour_words: re.Pattern | None, words_to_colour: dict[str, str]
                    ) -> list[tuple[str, str]]:
    """Colours a (folded) text names: [(canonical, as written)], in order, without repeats."""
    if colour_words is None:
        return []
    return _unique([(m.start(), words_to_colour[m.group(0)], m.group(0)) for m in colour_words.finditer(text)])


def variation_sizes(text: str) -> list[str]:
    """Canonical sizes in an ordered Variation ("White, M" -> ["M"], "Color:Black Size:XL" -> ["XL"])."""
    sizes = [size_code(m.group(1)) for m in SIZE_PATTERNS[0].finditer(text)]
    sizes += [size_code(m.group(1)) for m in SIZE_PATTERNS[1].finditer(text)]
    if not sizes:
        for part in _PARTS.split(text):
            part = _LABEL_PREFIX.sub("", part.strip()).strip()
            if _WHOLE_TOKEN.match(part):
                sizes.append(size_code(part))
            else:
                sizes += [size_code(t) for t in part.split() if _LETTER_TOKEN.match(t)]
    return list(dict.fromkeys(sizes))


def _unique(found: list[tuple[int, str, str]]) -> list[tuple[str, str]]:
    out: dict[str, str] = {}
    for _pos, canonical, written in sorted(found, key=lambda f: f[0]):
        out.setdefault(canonical, written)
    return list(out.items())
