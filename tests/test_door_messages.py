"""The door's messages: every one in English and Chinese with the same placeholders; every code the readers raise
has a sentence; the new Settings rows are validated and named when wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tkops import messages
from tkops.errors import ConfigError
from tkops.settings import Settings, sheet_rows
from tkops.sources import catalogue

ROOT = Path(__file__).resolve().parent.parent
READERS = [*sorted((ROOT / "tkops" / "sources").glob("*.py")), ROOT / "tkops" / "values.py",
           ROOT / "tkops" / "sources" / "returns_export.py"]


@pytest.mark.parametrize("code", sorted(catalogue.CATALOGUE))
def test_both_languages_with_the_same_placeholders(code):
    entry = catalogue.CATALOGUE[code]
    assert set(entry) == {"en", "zh"}, code
    assert set(re.findall(r"{(\w+)}", entry["en"])) == set(re.findall(r"{(\w+)}", entry["zh"])), code
    assert code not in messages.CATALOGUE


def test_every_code_the_readers_raise_has_a_sentence():
    raised = set()
    for path in READERS:
        text = path.read_text(encoding="utf-8")
        raised |= set(re.findall(r'(?:DataError|BadValue|MissingColumn|MangledIds|EncodingProblem)\(\s*"([a-z_.]+)"',
                                 text))
        raised |= set(re.findall(r'"((?:what|advice|rule)\.[a-z_0-9]+)"', text))
    assert raised
    missing = {c for c in raised if (messages.CATALOGUE.get(c) or messages._section_entry(c)) is None}
    assert not missing, missing


def test_sentence_parts_are_translated_with_their_message():
    en = messages.render("input.not_data", "en", file="a.pdf", what="what.pdf", advice="advice.export")
    zh = messages.render("input.not_data", "zh", file="a.pdf", what="what.pdf", advice="advice.export")
    assert "a PDF document" in en and "PDF 文档" in zh and "what." not in en + zh and "advice." not in en + zh
    assert messages.render("input.order_id_bad", "zh", file="f", row=2, column="Order ID", value="x",
                           rule="rule.tiktok_order_id").count("18 位数字") == 1
    # a value that only looks like a part is left alone
    assert "what.ever" in messages.render("input.not_data", "en", file="f", what="what.ever", advice="")


@pytest.mark.parametrize("name, attr", [("Quantity Limit", "quantity_limit"), ("Max File MB", "max_file_mb"),
                                        ("Max Zip Ratio", "max_zip_ratio"), ("Max Sheet Cells", "max_sheet_cells")])
def test_limits_are_settings_rows_validated_by_name(name, attr):
    rows = sheet_rows()
    assert any(r[0] == name for r in rows)
    for bad in ("0", "-5", "many", "1.5", "²"):
        with pytest.raises(ConfigError) as caught:
            Settings.from_values({attr: bad})
        assert caught.value.params["name"] == name
    assert getattr(Settings.from_values({attr: "1,200"}), attr) == "1200"
    assert getattr(Settings.from_sheet_rows([["Setting", "Value"], [name, 25.0]]), attr) == "25"


def test_defaults():
    s = Settings()
    assert (s.max_quantity(), s.max_file_mb, s.max_zip_ratio, s.max_sheet_cells) == (999, "1024", "100", "8000000")
