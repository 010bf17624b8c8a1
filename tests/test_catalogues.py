"""Every sentence tkops shows a person, checked once over every catalogue file (``tkops/locale/*.toml``): each parses,
each code has English and Chinese with the same placeholders and is in one file only, every code the code base raises
or looks up has a sentence, and the one lookup (:func:`tkops.messages.sentence`) is loud under tests and never crashes a
user's run."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path

import pytest

from tkops import locale_files, messages
from tkops.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
#: Every data file in tkops/locale is a catalogue.
FILES = sorted((ROOT / "tkops" / "locale").glob("*.toml"))
#: The catalogue files read by their own module only, not through tkops.messages.render: the SLA sheets' hints, the
#: Home sheet, the Settings descriptions, the review's problem labels and the month-end report's column headers.
OWN_LOOKUP = {"clocks_hints", "home", "settings", "review_labels", "month_end_columns"}


def catalogues() -> dict[str, dict[str, dict[str, str]]]:
    """{file name: its catalogue} for every catalogue file."""
    return {path.stem: locale_files.read(path) for path in FILES}


def every_code() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for catalogue in catalogues().values():
        merged.update(catalogue)
    return merged


def problems(path: Path) -> list[str]:
    """What is wrong with the catalogue file at ``path`` (nothing: []): it is not TOML, an entry is not a table of
    texts, lacks a language or has one tkops does not speak, or its languages' placeholders differ."""
    try:
        catalogue = locale_files.read(path)
    except tomllib.TOMLDecodeError as err:
        return [f"{path.name} is not TOML: {err}"]
    found = []
    for code, entry in catalogue.items():
        if not isinstance(entry, dict) or set(entry) != set(messages.LANGUAGES):
            found.append(f"{path.name}: {code} has {sorted(entry) if isinstance(entry, dict) else entry!r}, "
                         f"not {'/'.join(messages.LANGUAGES)}")
        elif not all(isinstance(text, str) and text.strip() for text in entry.values()):
            found.append(f"{path.name}: {code} has an empty text")
        elif messages.placeholders(entry["en"]) != messages.placeholders(entry["zh"]):
            found.append(f"{path.name}: {code} has placeholders in one language only")
    return found


def test_the_catalogue_files_are_found():
    assert len(FILES) >= 20 and (ROOT / "tkops" / "locale" / "messages.toml") in FILES


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_catalogue_file_parses_with_english_and_chinese_and_the_same_placeholders(path):
    assert problems(path) == []
    for code, entry in locale_files.read(path).items():
        assert messages.sentence(entry, code, "zh") == entry["zh"]  # strict: raises on any problem too


@pytest.mark.parametrize(("text", "problem"), [
    ('["greeting"]\nen = "Hello {name}"\n', "greeting has ['en'], not en/zh"),
    ('["greeting"]\nen = "Hello {name}"\nzh = "你好 {name}"\nja = "こんにちは {name}"\n',
     "greeting has ['en', 'ja', 'zh'], not en/zh"),
    ('["greeting"]\nen = "Hello {name}"\nzh = ""\n', "greeting has an empty text"),
    ('["greeting"]\nen = "Hello {name}"\nzh = "你好"\n', "greeting has placeholders in one language only"),
    ('greeting = "Hello"\n', "greeting has 'Hello', not en/zh"),
    ('["greeting"]\nen = "Hello\n', "greeting.toml is not TOML"),
])
def test_a_damaged_catalogue_file_fails_the_check(tmp_path, text, problem):
    """A language missing or unknown, an empty text, placeholders in one language, a code without languages, a file
    that is not TOML: each is one problem, named."""
    path = tmp_path / "greeting.toml"
    path.write_text(text, encoding="utf-8")
    found = problems(path)
    assert len(found) == 1 and problem in found[0]


def test_the_check_passes_a_good_file(tmp_path):
    path = tmp_path / "greeting.toml"
    path.write_text('# a comment\n["greeting"]\nen = "Hello {name}"\nzh = "你好 {name}"\n', encoding="utf-8")
    assert problems(path) == [] and locale_files.read(path) == {"greeting": {"en": "Hello {name}", "zh": "你好 {name}"}}


def codes_in_two_files(paths: list[Path]) -> list[tuple[str, str, str]]:
    """(code, first file, second file) for each code written in two catalogue files."""
    seen: dict[str, str] = {}
    twice = []
    for path in paths:
        for code in locale_files.read(path):
            if code in seen:
                twice.append((code, seen[code], path.stem))
            seen[code] = path.stem
    return twice


def test_no_code_is_in_two_catalogues():
    assert codes_in_two_files(FILES) == []


def test_a_code_in_two_files_fails_the_check(tmp_path):
    for name in ("one", "two"):
        text = f'["greeting"]\nen = "Hello"\nzh = "你好"\n\n["{name}"]\nen = "x"\nzh = "x"\n'
        (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    assert codes_in_two_files(sorted(tmp_path.glob("*.toml"))) == [("greeting", "one", "two")]


@pytest.mark.parametrize("name", sorted({path.stem for path in FILES} - OWN_LOOKUP))
def test_every_catalogue_file_is_looked_up_by_tkops_messages(name):
    catalogue = locale_files.read(ROOT / "tkops" / "locale" / f"{name}.toml")
    assert all((messages.CATALOGUE.get(code) or messages._section_entry(code)) == entry
               for code, entry in catalogue.items())
    code, entry = next(iter(catalogue.items()))
    params = {name: "x" for name in messages.placeholders(entry["en"])}
    text = messages.render(code, "zh", **params)
    assert text and not re.search(r"\{\w+\}", text)


def test_a_catalogue_module_exposes_its_file_read_once():
    from tkops.clocks import catalogue as clocks
    from tkops.stock import catalogue as stock

    assert stock.CATALOGUE is locale_files.catalogue("stock") and clocks.HINTS is locale_files.catalogue("clocks_hints")
    assert stock.CATALOGUE == locale_files.read(ROOT / "tkops" / "locale" / "stock.toml")


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
