"""Every sentence tkops shows a person, checked once over every catalogue: each code has English and Chinese with the
same placeholders, every code the code base raises or looks up has a sentence, and the one lookup
(:func:`tkops.messages.sentence`) is loud under tests and never crashes a user's run."""

from __future__ import annotations

import importlib
import logging
import re
from pathlib import Path

import pytest

from tkops import messages
from tkops.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def catalogues() -> dict[str, dict[str, dict[str, str]]]:
    """{module: its catalogue} for the main catalogue, every section catalogue and the clocks' hints."""
    found = {"tkops.messages": messages.CATALOGUE}
    for name in messages._SECTION_CATALOGUES:
        found[name] = importlib.import_module(name).CATALOGUE
    found["tkops.clocks.catalogue:HINTS"] = importlib.import_module("tkops.clocks.catalogue").HINTS
    return found


ENTRIES = [(module, code) for module, catalogue in catalogues().items() for code in sorted(catalogue)]


def every_code() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for catalogue in catalogues().values():
        merged.update(catalogue)
    return merged


@pytest.mark.parametrize(("module", "code"), ENTRIES, ids=[f"{m}:{c}" for m, c in ENTRIES])
def test_every_sentence_has_english_and_chinese_with_the_same_placeholders(module, code):
    entry = catalogues()[module][code]
    assert set(entry) == set(messages.LANGUAGES), f"{module}: {code} has {sorted(entry)}"
    assert all(isinstance(text, str) and text.strip() for text in entry.values()), code
    assert messages.placeholders(entry["en"]) == messages.placeholders(entry["zh"]), code
    assert messages.sentence(entry, code, "zh") == entry["zh"]  # strict: raises on any of the above


def test_no_code_is_in_two_catalogues():
    seen: dict[str, str] = {}
    twice = []
    for module, catalogue in catalogues().items():
        for code in catalogue:
            if code in seen:
                twice.append((code, seen[code], module))
            seen[code] = module
    assert not twice


#: A message code as the code base writes it: an error built with a code, a lookup function called with one, or an
#: error class's ``code = "..."``.
CODE_USES = re.compile(r'\b(?:\w*Error|\w*Problem|render|explain|label|say|warn|_warn)\(\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)"'
                       r'|^\s+code = "([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)"$', re.MULTILINE)


def codes_used_in_the_code_base() -> dict[str, str]:
    used: dict[str, str] = {}
    for path in sorted((ROOT / "tkops").rglob("*.py")):
        for match in CODE_USES.finditer(path.read_text(encoding="utf-8")):
            code = match.group(1) or match.group(2)
            if code not in messages.LANGUAGES:  # error.render("en") names a language, not a message
                used.setdefault(code, str(path.relative_to(ROOT)))
    return used


def test_every_code_the_code_base_uses_has_a_sentence():
    used = codes_used_in_the_code_base()
    known = every_code()
    assert len(used) > 100  # the grep still finds the code base's codes
    missing = {code: where for code, where in used.items() if code not in known and code.split(":")[0] not in known}
    assert not missing


def test_a_missing_code_fails_loudly_under_tests():
    with pytest.raises(messages.MessageProblem, match="no_such_code"):
        messages.render("no_such_code", "en", file="a.csv")


def test_a_missing_language_fails_loudly_under_tests():
    with pytest.raises(messages.MessageProblem, match="zh"):
        messages.sentence({"en": "Hello {name}"}, "greeting", "en")


def test_placeholders_that_differ_between_languages_fail_loudly_under_tests():
    with pytest.raises(messages.MessageProblem, match="row"):
        messages.sentence({"en": "{file}, row {row}", "zh": "{file}"}, "where", "en")


def test_a_placeholder_without_a_value_fails_loudly_under_tests():
    with pytest.raises(messages.MessageProblem, match="file_not_found"):
        messages.render("file_not_found", "zh")


def test_an_error_renders_through_the_strict_lookup():
    assert ConfigError("bad_setting", name="Market", value="XX", hint="US, GB").render("zh") == (
        "设置“Market” = “XX”无效：US, GB")


@pytest.mark.usefixtures("lenient_messages")
def test_in_a_users_run_a_catalogue_problem_is_logged_and_the_run_goes_on(caplog):
    with caplog.at_level(logging.WARNING, logger="tkops.messages"):
        assert messages.render("no_such_code", "en", file="a.csv") == "no_such_code: {'file': 'a.csv'}"
        assert messages.render("file_not_found", "en") == "{file}: no such file. Check the path. {}"
        assert messages.sentence({"en": "Hello"}, "greeting", "zh") == "Hello"
    assert len(caplog.records) == 3 and "no_such_code" in caplog.records[0].getMessage()


@pytest.mark.parametrize("module", sorted({m.split(":")[0] for m in catalogues()} - {"tkops.messages"}))
def test_every_section_catalogue_renders_through_tkops_messages(module):
    catalogue = importlib.import_module(module).CATALOGUE
    code, entry = next(iter(catalogue.items()))
    params = {name: "x" for name in messages.placeholders(entry["en"])}
    text = messages.render(code, "zh", **params)
    assert text and not re.search(r"\{\w+\}", text)


@pytest.mark.parametrize("key", ["expected", "hint", "problem", "detail", "what"])
def test_a_parameter_that_is_a_message_code_is_translated(monkeypatch, key):
    monkeypatch.setitem(messages.CATALOGUE, "test.wrap", {"en": f"<{{{key}}}>", "zh": f"《{{{key}}}》"})
    assert messages.render("test.wrap", "en", **{key: "expected_int"}) == "<a whole number>"
    assert messages.render("test.wrap", "zh", **{key: "expected_int"}) == "《整数》"


def test_other_parameters_are_shown_as_given(monkeypatch):
    monkeypatch.setitem(messages.CATALOGUE, "test.file", {"en": "<{file}>", "zh": "《{file}》"})
    assert messages.render("test.file", "zh", file="expected_int") == "《expected_int》"


@pytest.mark.parametrize(("value", "strict"), [("1", True), ("0", False), ("", False), ("yes", False)])
def test_the_strict_switch(monkeypatch, value, strict):
    monkeypatch.setenv(messages.STRICT_ENV, value)
    assert messages.strict() is strict


def test_a_message_without_any_language_names_both():
    with pytest.raises(messages.MessageProblem, match="has no en/zh text"):
        messages.sentence({}, "empty", "en")


@pytest.mark.usefixtures("lenient_messages")
def test_a_language_the_catalogues_lack_falls_back_to_english_then_to_what_there_is():
    assert messages.sentence({"zh": "你好", "en": "Hello"}, "greeting", "ja") == "Hello"
    assert messages.sentence({"zh": "你好", "en": "Hello"}, "greeting", "zh") == "你好"
    assert messages.sentence({"zh": "你好"}, "greeting", "en") == "你好"


def test_a_fill_problem_names_the_error():
    with pytest.raises(messages.MessageProblem, match=r"'where' cannot be filled \(KeyError: 'row'\)"):
        messages.fill("{file}, row {row}", {"file": "a.csv"}, "where")


def test_placeholders_are_the_names_before_attribute_and_index():
    assert messages.placeholders("{order.id} {items[0]} {file}") == {"order", "items", "file"}


@pytest.mark.usefixtures("lenient_messages")
def test_the_log_line_is_the_problem_itself(caplog):
    with caplog.at_level(logging.WARNING, logger="tkops.messages"):
        messages.render("no_such_code", "en")
    assert caplog.records[0].getMessage() == "no sentence for the message code 'no_such_code'"
