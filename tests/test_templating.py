"""The one jinja2 environment: HTML templates escape buyer text, text templates keep it, errors name the place."""

from __future__ import annotations

import pytest

from tkops import templating
from tkops.errors import ConfigError


@pytest.fixture
def team_folder(tmp_path):
    (tmp_path / "slip.html.j2").write_text("<p>{{ name }}</p>\n", encoding="utf-8")
    (tmp_path / "note.txt.j2").write_text("Hi {{ name }}\n", encoding="utf-8")
    (tmp_path / "broken.html.j2").write_text("<p>ok</p>\n<p>{{ recipent }}</p>\n", encoding="utf-8")
    return str(tmp_path)


def test_html_templates_escape_buyer_text(team_folder):
    out = templating.render("slip.html.j2", {"name": "<script>alert(1)</script>"}, team_folder)
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_text_templates_keep_text_as_is(team_folder):
    assert templating.render("note.txt.j2", {"name": "O'Brien & <Co>"}, team_folder) == "Hi O'Brien & <Co>"


def test_a_missing_variable_names_template_and_line(team_folder):
    with pytest.raises(ConfigError) as err:
        templating.render("broken.html.j2", {"name": "x"}, team_folder)
    text = err.value.render("en")
    assert "broken.html.j2" in text and "line 2" in text and "recipent" in text
