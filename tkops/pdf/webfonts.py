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


def font_face_css(texts: Iterable[str], japanese: bool = False) -> str:
    """``@font-face`` rules for the shipped fonts, each holding the glyphs of ``texts`` that no font before it has
    (Noto Sans, Noto Sans Thai, Noto Sans SC, JP, TC, KR); with ``japanese`` (pages in Japanese glyph shapes)
    Noto Sans JP comes first of the CJK fonts and holds every character it has. Empty when no shipped font is
    installed."""
    wanted = {ord(c) for text in texts for c in str(text)} | {ord(c) for c in _TEMPLATE_CHARS}
    wanted |= set(range(0x20, 0x7F))
    wanted |= {part for code in wanted for part in _parts(code)}
    rules, drawn = [], set()
    for path in [*discovery.shipped_fonts(), *discovery.cjk_fonts("ja" if japanese else "")]:
        family = _family(path)
        if not family:
            continue
        codes = font_codes(path) & wanted
        if not (japanese and family.endswith("JP")):  # on a Japanese page JP holds every character it has
            codes -= drawn
        if not codes:
            continue
        drawn |= codes
        rules.append(f'@font-face {{ font-family: "{family}"; font-display: block; '
                     f'src: url(data:font/woff;base64,{_woff(path, frozenset(codes))}) format("woff"); }}')
    return "\n".join(rules)
