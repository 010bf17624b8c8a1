"""Carrier tracking-number formats, loaded from courier files in the schema of jkeen/tracking_number_data.

The bundled files live in ``tkops/data/tracking/couriers/`` (their provenance and SHA-256 list are in the README and
``SHA256SUMS`` there; docs/tracking.md#formats). The loader reads upstream's own files unchanged too. Each
tracking-number entry becomes a :class:`Format`: its regular expression (PCRE ``(?<Name>`` turned into Python's
``(?P<Name>``), its checksum, its ``serial_number_format`` and ``additional.exists`` rules, and its test numbers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from tkops.bundled import bundled_names, bundled_path, read_bundled
from tkops.shipping.checksums import passes, unsupported

_NAMED_GROUP = re.compile(r"\(\?<(?=[A-Za-z_])")


@dataclass(frozen=True)
class Format:
    """One tracking-number format of one courier."""

    courier: str  # the data set's courier_code, e.g. "ups", "s10", "canada_post"
    courier_name: str
    id: str  # the entry's id, or one made from its name ("UPS Waybill" -> "ups_waybill")
    name: str  # e.g. "FedEx Express (12)"
    pattern: re.Pattern
    checksum: dict | None = None
    prepend_if: tuple[re.Pattern, str] | None = None
    exists: tuple[str, ...] = ()  # additional lookups that must find the number's value (S10: a known country)
    additional: tuple[dict, ...] = ()
    valid_examples: tuple[str, ...] = ()
    invalid_examples: tuple[str, ...] = ()

    @property
    def has_check(self) -> bool:
        """Whether the format carries a check digit (a valid match is then more than a matching shape)."""
        return self.checksum is not None

    @property
    def sample(self) -> str:
        """A valid example, without spaces, to show a person what the format looks like."""
        return "".join(self.valid_examples[0].split()) if self.valid_examples else ""


@dataclass(frozen=True)
class Match:
    """How a cleaned number fits one format: ``valid`` when the shape, the check digit and the lookups all agree;
    otherwise ``reason`` says what failed ("check_digit" or "unknown_country")."""

    format: Format
    valid: bool
    reason: str = ""
    groups: dict = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        """Courier codes this match stands for: S10 numbers also name their country ("s10:GB")."""
        country = self.groups.get("CountryCode")
        if self.format.courier == "s10" and country:
            return ("s10", f"s10:{country}")
        return (self.format.courier,)

    @property
    def label(self) -> str:
        """The format's name, with the issuing post for S10 numbers ("S10 (GB: Royal Mail Group Ltd.)")."""
        if self.format.courier == "s10" and self.groups.get("CountryCode"):
            post = lookup(self.format, "CountryCode", self.groups["CountryCode"]) or {}
            who = post.get("courier") or post.get("country") or ""
            return f"{self.format.name} ({self.groups['CountryCode']}{': ' + who if who else ''})"
        return self.format.name


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")


def _pattern(regex) -> re.Pattern:
    text = regex if isinstance(regex, str) else "".join(regex)
    return re.compile(_NAMED_GROUP.sub("(?P<", text))


def _formats_of(data: dict) -> Iterable[Format]:
    for entry in data["tracking_numbers"]:
        validation = entry.get("validation") or {}
        checksum = validation.get("checksum") or None
        why = unsupported(checksum) if checksum else None
        pattern = _pattern(entry["regex"])
        if checksum and not {"SerialNumber", "CheckDigit"} <= set(pattern.groupindex):
            why = "a checksum needs the groups SerialNumber and CheckDigit in the regex"
        if why:
            raise ValueError(f"{data['courier_code']}/{entry['name']}: {why}")
        prepend = (validation.get("serial_number_format") or {}).get("prepend_if")
        tests = entry.get("test_numbers") or {}
        yield Format(
            courier=data["courier_code"], courier_name=data["name"], id=entry.get("id") or _slug(entry["name"]),
            name=entry["name"], pattern=pattern, checksum=checksum,
            prepend_if=(re.compile(prepend["matches_regex"]), prepend["content"]) if prepend else None,
            exists=tuple((validation.get("additional") or {}).get("exists") or ()),
            additional=tuple(entry.get("additional") or ()),
            valid_examples=tuple(tests.get("valid") or ()), invalid_examples=tuple(tests.get("invalid") or ()),
        )


COURIERS = "tracking/couriers"  # the bundled courier files, under tkops/data/


def data_folder() -> Path:
    """The folder of the bundled courier files."""
    return bundled_path(COURIERS)


def checksums_file() -> Path:
    """The SHA-256 list of the bundled courier files (``sha256sum`` format, paths relative to its folder)."""
    return bundled_path("tracking/SHA256SUMS")


def recorded_checksums() -> dict[str, str]:
    """File name (``couriers/ups.json``) -> SHA-256 hex digest, as recorded in :func:`checksums_file`."""
    return parse_checksums(read_bundled("tracking/SHA256SUMS"))


def parse_checksums(text: str) -> dict[str, str]:
    """``sha256sum`` output (``<digest>  <name>``, ``*<name>`` in binary mode, ``#`` comments) as name -> digest."""
    recorded = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            recorded[name.strip().lstrip("*")] = digest.lower()
    return recorded


@lru_cache(maxsize=1)
def load_formats() -> tuple[Format, ...]:
    """Every format of every bundled courier file, in file-name order."""
    return parse_formats(read_bundled(f"{COURIERS}/{name}") for name in bundled_names(COURIERS, ".json"))


def parse_formats(texts: Iterable[str]) -> tuple[Format, ...]:
    """Every format of the courier files whose JSON texts are ``texts`` (the bundled ones, or upstream's own files
    unchanged), in that order."""
    formats: list[Format] = []
    for text in texts:
        formats.extend(_formats_of(json.loads(text)))
    return tuple(formats)


def lookup(fmt: Format, group: str, value: str) -> dict | None:
    """The ``additional`` lookup entry of ``fmt`` that matches ``value`` of regex group ``group``, if any."""
    for extra in fmt.additional:
        if extra.get("regex_group_name") != group:
            continue
        for item in extra.get("lookup") or ():
            if "matches" in item and item["matches"] == value:
                return item
            if "matches_regex" in item and re.fullmatch(item["matches_regex"], value):
                return item
    return None


def match(fmt: Format, number: str) -> Match | None:
    """How the cleaned ``number`` fits ``fmt``; None when its shape does not fit at all."""
    m = fmt.pattern.fullmatch(number)
    if m is None:
        return None
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if fmt.checksum:
        serial = groups.get("SerialNumber")
        if serial is not None and fmt.prepend_if and fmt.prepend_if[0].match(serial):
            serial = fmt.prepend_if[1] + serial
        if serial is None or not passes(fmt.checksum, serial, groups.get("CheckDigit")):
            return Match(fmt, False, "check_digit", groups)
    for name in fmt.exists:
        extra = next((a for a in fmt.additional if a.get("name") == name), None)
        group = extra.get("regex_group_name") if extra else None
        value = groups.get(group)
        if value is None or lookup(fmt, group, value) is None:
            return Match(fmt, False, "unknown_country" if group == "CountryCode" else "lookup", groups)
    return Match(fmt, True, "", groups)


@lru_cache(maxsize=65536)
def bundled_matches(number: str) -> tuple[Match, ...]:
    """:func:`matches` of a cleaned number against the bundled data (cached: a sheet repeats its numbers)."""
    return tuple(matches(number))


def matches(number: str, formats: Iterable[Format] | None = None) -> list[Match]:
    """Every format whose shape ``number`` fits, valid or not, in data order."""
    found = []
    for fmt in load_formats() if formats is None else formats:
        result = match(fmt, number)
        if result is not None:
            found.append(result)
    return found
