"""Where the fonts of tkops' PDFs come from: the team's own files, the fonts pip installed with tkops, the system.

Every PDF embeds (subsets) the fonts it draws with, so a PDF looks the same on every computer. The shipped fonts
(docs/fonts.md) cover every script of the markets and of the team: Latin with Vietnamese (Noto Sans), Thai
(Noto Sans Thai), Chinese and Japanese (Noto Sans SC, JP, TC and KR from justmytype-intl-cjk). System fonts are only
a last resort for characters none of those has.
"""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path

#: The pip packages of the shipped fonts: (import name, folder inside the package, file pattern), in chain order.
SHIPPED_BASE = (("fontpkg_noto_sans", "files", "NotoSans[[]*.ttf"), ("fontpkg_noto_sans_thai", "files", "*.ttf"))
#: The CJK fonts of justmytype-intl-cjk by script: Simplified and Traditional Chinese, Japanese, Korean.
CJK_PACKAGE = "justmytype_intl_cjk"
CJK_FILES = {"sc": "fonts/ofl/notosanssc/NotoSansSC[[]*.ttf", "jp": "fonts/ofl/notosansjp/NotoSansJP[[]*.ttf",
             "tc": "fonts/ofl/notosanstc/NotoSansTC[[]*.ttf", "kr": "fonts/ofl/notosanskr/NotoSansKR[[]*.ttf"}
#: Han characters take the glyph shapes of the document's language: Japanese shapes for ja, Chinese ones else.
CJK_ORDER = {"ja": ("jp", "sc", "tc", "kr"), "zh-hant": ("tc", "sc", "jp", "kr"), "ko": ("kr", "sc", "jp", "tc")}
CJK_DEFAULT_ORDER = ("sc", "jp", "tc", "kr")

_WINDOWS = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
#: TrueType (not CFF: reportlab embeds TrueType outlines only) fonts of the common systems with Chinese and
#: Japanese, tried after the shipped fonts for the characters those lack.
SYSTEM_FONTS: tuple[str, ...] = (
    str(_WINDOWS / "msyh.ttc"), str(_WINDOWS / "meiryo.ttc"), str(_WINDOWS / "YuGothM.ttc"),
    str(_WINDOWS / "simhei.ttf"), str(_WINDOWS / "simsun.ttc"), str(_WINDOWS / "msgothic.ttc"),
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
#: reportlab's own Latin-1 font, when not even Noto Sans is installed.
VERA = Path(importlib.import_module("reportlab").__file__).parent / "fonts" / "Vera.ttf"


def _package_file(module: str, pattern: str) -> str | None:
    try:
        package = importlib.import_module(module)
    except ImportError:
        return None
    root = Path(getattr(package, "ROOT", "") or Path(package.__file__).parent)
    found = sorted(root.glob(pattern))
    return str(found[0]) if found else None


def shipped_fonts() -> list[str]:
    """Paths of the shipped Latin and Thai fonts that are installed, in chain order."""
    return [p for module, folder, pattern in SHIPPED_BASE if (p := _package_file(module, f"{folder}/{pattern}"))]


def cjk_fonts(lang: str = "") -> list[str]:
    """Paths of the installed CJK fonts, in the order Han characters of a ``lang`` document try them."""
    order = CJK_ORDER.get(lang.casefold(), CJK_DEFAULT_ORDER)
    return [p for key in order if (p := _package_file(CJK_PACKAGE, CJK_FILES[key]))]


def system_fonts() -> list[str]:
    """The TrueType CJK fonts of this computer, from :data:`SYSTEM_FONTS`, that exist."""
    return [p for p in SYSTEM_FONTS if Path(p).is_file()]


def font_paths(setting: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The team's own fonts from the PDF Fonts setting: paths separated by ";" or new lines."""
    items = setting if isinstance(setting, (tuple, list)) else re.split(r"[;\r\n]+", setting or "")
    return tuple(s.strip() for s in items if s and s.strip())
