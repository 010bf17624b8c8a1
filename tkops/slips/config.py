"""What slips read from Settings: the shop, the return address, the logo, QC points, layout and fonts.

The rows live on the Settings sheet (:data:`tkops.settings.SLIP_ROWS`; ``Settings.slip_values()`` gives them);
:meth:`SlipSettings.from_mapping` accepts either those row names ("Shop Name", "Return Address", ...) or attribute
names (``shop_name``), and a :class:`tkops.settings.Settings` for the shared ones (Templates Folder, Market,
Language).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from tkops.errors import ConfigError
from tkops.schema import header_key

#: Page layouts: name -> template under templates/slips/.
LAYOUTS: dict[str, str] = {"a4": "slips/a4.html.j2", "a6": "slips/a6.html.j2", "4x6": "slips/4x6.html.j2"}

#: The slip settings: Settings row name -> :class:`SlipSettings` attribute (their descriptions are the Settings
#: sheet's, tkops/locale/settings.toml).
SLIP_SETTINGS_SPEC: dict[str, str] = {"Shop Name": "shop_name", "Shop Logo": "logo", "Return Address": "return_address",
                                      "Slip Layout": "layout", "QC Points": "qc_points", "PDF Fonts": "pdf_fonts"}

_SPLIT = re.compile(r"\s*(?:\r?\n|;)\s*")


@dataclass(frozen=True)
class SlipSettings:
    """Validated slip settings (empty strings and tuples mean "not set"); ``logo`` and ``pdf_fonts`` are paths, read
    and checked by the job (the slips get the logo as a :class:`Logo`)."""

    shop_name: str = ""
    logo: str = ""
    return_address: tuple[str, ...] = ()
    layout: str = "a4"
    qc_points: tuple[str, ...] = ()
    pdf_fonts: tuple[str, ...] = ()
    templates_folder: str = ""
    market: str = ""
    language: str = "en"

    @staticmethod
    def from_mapping(values: Mapping[str, Any] | None = None, settings: Any = None) -> SlipSettings:
        """Slip settings from Settings-sheet names or attribute names -> values, on top of a
        :class:`tkops.settings.Settings` (``settings``) for Templates Folder, Market and Language."""
        by_key = {header_key(name): attr for name, attr in SLIP_SETTINGS_SPEC.items()}
        by_key.update({header_key(f.name): f.name for f in fields(SlipSettings)})
        by_key.update({"templates folder": "templates_folder", "market": "market", "language": "language"})
        raw: dict[str, Any] = {}
        if settings is not None:
            raw.update({a: getattr(settings, a) for a in ("templates_folder", "market", "language")
                        if getattr(settings, a, "")})
        for name, value in (values or {}).items():
            attr = by_key.get(header_key(name))
            if attr and value not in (None, ""):
                raw[attr] = value
        clean: dict[str, Any] = {}
        for f in fields(SlipSettings):
            value = raw.get(f.name, f.default)
            if f.name in ("return_address", "qc_points", "pdf_fonts"):
                clean[f.name] = _lines(value, split_semicolons=f.name != "return_address")
            else:
                clean[f.name] = str(value).strip()
        clean["layout"] = clean["layout"].casefold().replace(" ", "") or "a4"
        slip = SlipSettings(**clean)
        _validate(slip)
        return slip


def _lines(value: Any, split_semicolons: bool) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value if v not in (None, "")]
    else:
        text = "" if value is None else str(value)
        items = _SPLIT.split(text) if split_semicolons else re.split(r"\r?\n", text)
    return tuple(s.strip() for s in items if s and s.strip())


def _validate(s: SlipSettings) -> None:
    """What can be checked without the files: the layout. The logo and font files the settings name are read and
    checked by the job (:func:`tkops.jobs.slips.slip_files`), before anything is drawn."""
    if s.layout not in LAYOUTS:
        raise ConfigError("bad_setting", name="Slip Layout", value=s.layout, hint=", ".join(LAYOUTS))


@dataclass(frozen=True)
class Logo:
    """The shop logo as the job read it (Settings: Shop Logo): the file's bytes, its size in pixels, its path."""

    data: bytes
    width: int
    height: int
    path: str

    @property
    def mime(self) -> str:
        """The logo's MIME type, by its file name (PNG or JPEG: the setting allows no other)."""
        return "image/png" if Path(self.path).suffix.casefold() == ".png" else "image/jpeg"
