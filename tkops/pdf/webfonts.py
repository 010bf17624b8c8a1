"""The shipped fonts for HTML pages: ``@font-face`` rules with the fonts' glyphs for the page's characters inlined
(WOFF, base64), so a browser draws a slip with the same fonts on every computer, whatever fonts it has, and a
label's text takes the room tkops planned for it (tkops.slips.fit). Fonts and licences: docs/fonts.md."""

from __future__ import annotations

import base64
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from tkops.pdf import discovery
from tkops.pdf.instances import font_codes, regular_piece

#: CSS family names of the inlined fonts, listed first by templates/slips/slips.css.
FAMILIES = {"NotoSans": "tkops Noto Sans", "NotoSansThai": "tkops Noto Sans Thai", "NotoSansSC": "tkops Noto Sans SC",
            "NotoSansJP": "tkops Noto Sans JP", "NotoSansTC": "tkops Noto Sans TC", "NotoSansKR": "tkops Noto Sans KR"}
#: Characters the templates themselves write (arrows, separators, ellipsis), always included.
_TEMPLATE_CHARS = "»·…:•#/-()%+,.0123456789"


def _parts(code: int) -> list[int]:
    """The characters ``code`` decomposes into: a browser's shaper draws some characters from their parts (Thai
    SARA AM as NIKHAHIT and SARA AA, a precomposed Vietnamese letter from its base and marks)."""
    fields = unicodedata.decomposition(chr(code)).split()
    return [int(f, 16) for f in fields if not f.startswith("<")]


def _family(path: str) -> str:
    return FAMILIES.get(Path(path).stem.split("[")[0], "")


@lru_cache(maxsize=64)
def _woff(path: str, codes: frozenset[int]) -> str:
    return base64.b64encode(regular_piece(path, codes, web=True)).decode("ascii")


def _codes(texts: Iterable[str]) -> set[int]:
    codes = {ord(c) for text in texts for c in str(text)}
    return codes | {part for code in codes for part in _parts(code)}


def font_face_css(texts: Iterable[str], japanese_texts: Iterable[str] = ()) -> str:
    """``@font-face`` rules for the shipped fonts, each holding the glyphs it draws on the page: Noto Sans, then
    Noto Sans Thai, SC, JP, TC and KR what the fonts before them lack. ``japanese_texts``: the text of pages in
    Japanese glyph shapes (their CSS puts Noto Sans JP before SC): Noto Sans JP holds all it can of their CJK
    characters, Noto Sans SC those of the other pages. Empty when no shipped font is installed."""
    japanese = _codes(japanese_texts)
    other = _codes(texts) | _codes([_TEMPLATE_CHARS, "".join(map(chr, range(0x20, 0x7F)))])
    fonts = {_family(p): p for p in [*discovery.shipped_fonts(), *discovery.cjk_fonts()] if _family(p)}
    jp = FAMILIES["NotoSansJP"]
    in_jp = {c for c in font_codes(fonts[jp]) & japanese if c >= 0x2E80} if jp in fonts else set()
    wanted = other | japanese - (in_jp - other)  # what the fonts take in chain order; JP adds in_jp
    rules, drawn = [], set()
    for family, path in fonts.items():
        codes = font_codes(path) & wanted - drawn | (in_jp if family == jp else set())
        drawn |= codes
        if codes:
            rules.append(f'@font-face {{ font-family: "{family}"; font-display: block; '
                         f'src: url(data:font/woff;base64,{_woff(path, frozenset(codes))}) format("woff"); }}')
    return "\n".join(rules)
