"""The one jinja2 environment: HTML templates escape buyer text, text templates keep it, errors name the place."""

from __future__ import annotations

from pathlib import Path

import jinja2
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


SHIPPED = sorted(p.relative_to(templating.shipped_templates()).as_posix()
                 for p in templating.shipped_templates().rglob("*.j2"))


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_template_is_escaped_exactly_when_it_is_html_or_svg(name):
    env = templating.environment()
    assert env.undefined is jinja2.StrictUndefined
    markup = name.endswith((".html.j2", ".svg.j2"))
    assert env.autoescape(name) is markup, name


def test_a_team_html_template_without_j2_is_escaped_too(tmp_path):
    (tmp_path / "own.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    assert templating.render("own.html", {"name": "<b>x</b>"}, str(tmp_path)) == "<p>&lt;b&gt;x&lt;/b&gt;</p>"


def test_a_missing_variable_in_a_shipped_reply_fails_loudly_instead_of_leaving_a_blank():
    with pytest.raises(ConfigError) as err:
        templating.render("replies/en/default.txt.j2", {"buyer": "Ann", "item": "", "solution": ""})
    text = err.value.render("en")
    assert "replies/en/default.txt.j2" in text and "order_id" in text


def test_buyer_markup_stays_as_typed_in_a_shipped_text_reply():
    out = templating.render("replies/en/default.txt.j2", {"buyer": "<script>alert(1)</script>", "item": "Mug & Co",
                                                          "order_id": "577000000000000001", "solution": ""})
    assert "Hi <script>alert(1)</script>," in out and "for Mug & Co" in out and "&lt;" not in out


def test_a_missing_variable_inside_a_partial_names_the_partial(tmp_path):
    (tmp_path / "page.html.j2").write_text('<h1>{{ title }}</h1>\n{% include "part.html.j2" %}\n', encoding="utf-8")
    (tmp_path / "part.html.j2").write_text("<p>ok</p>\n<p>{{ sku }}</p>\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        templating.render("page.html.j2", {"title": "t"}, str(tmp_path))
    text = err.value.render("en")
    assert "part.html.j2" in text and "line 2" in text and "sku" in text


def test_every_renderer_gets_the_one_environment():
    from tkops.aftersales.replies import Renderer

    assert Renderer().env is templating.environment()


def test_the_shipped_templates_folder_holds_the_shipped_templates():
    folder = templating.shipped_templates()
    assert (folder / "slips" / "a4.html.j2").is_file() and (folder / "replies" / "en" / "default.txt.j2").is_file()


def test_a_missing_template_is_named():
    with pytest.raises(ConfigError) as err:
        templating.render("replies/en/no_such_reply.txt.j2", {})
    assert err.value.code == "template_error"
    assert err.value.params["template"] == "replies/en/no_such_reply.txt.j2" and err.value.params["line"] == "-"
    assert "not found (replies/en/no_such_reply.txt.j2)" in err.value.render("en")


def test_a_syntax_error_names_the_template_and_its_line(tmp_path):
    (tmp_path / "bad.txt.j2").write_text("Hello\n{% if %}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        templating.render("bad.txt.j2", {}, str(tmp_path))
    assert err.value.code == "template_error"
    assert err.value.params["template"] == "bad.txt.j2" and err.value.params["line"] == 2


def test_an_error_in_a_team_template_names_its_full_path_and_a_shipped_one_its_name(team_folder):
    with pytest.raises(ConfigError) as err:
        templating.render("broken.html.j2", {"name": "x"}, team_folder)
    own = str(Path(team_folder).resolve() / "broken.html.j2")
    assert err.value.params["template"] == f"broken.html.j2 ({own})" and err.value.params["line"] == "2"
    with pytest.raises(ConfigError) as err:
        templating.render("replies/en/default.txt.j2", {"buyer": "", "item": "", "solution": ""}, team_folder)
    assert err.value.params["template"] == "replies/en/default.txt.j2" and err.value.params["line"].isdigit()


def test_the_team_folder_is_searched_before_the_shipped_one(tmp_path):
    (tmp_path / "replies" / "en").mkdir(parents=True)
    (tmp_path / "replies" / "en" / "default.txt.j2").write_text("Ours {{ order_id }}", encoding="utf-8")
    assert templating.render("replies/en/default.txt.j2", {"order_id": "1"}, str(tmp_path)) == "Ours 1"
    assert templating.environment(str(tmp_path)) is not templating.environment()


def test_a_syntax_error_in_a_partial_names_the_partial_and_what_is_wrong(tmp_path):
    (tmp_path / "page.html.j2").write_text('<h1>{{ title }}</h1>\n{% include "part.html.j2" %}\n', encoding="utf-8")
    (tmp_path / "part.html.j2").write_text("<p>\n{% for %}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        templating.render("page.html.j2", {"title": "t"}, str(tmp_path))
    assert err.value.params["template"] == "part.html.j2" and err.value.params["line"] == 2
    assert "Expected an expression" in err.value.params["detail"] and "Expected an expression" in err.value.render("en")


def test_templates_compiled_ahead_render_the_same_and_a_bad_one_is_reported_where_it_is_rendered(tmp_path):
    (tmp_path / "ok.html.j2").write_text("<p>{{ name }}</p>\n", encoding="utf-8")
    (tmp_path / "bad.html.j2").write_text("<p>ok</p>\n<p>{% if %}</p>\n", encoding="utf-8")
    folder = str(tmp_path)
    templating.compile_ahead(("ok.html.j2", "bad.html.j2", "missing.html.j2"), folder)  # nothing raised here
    env = templating.environment(folder)
    assert any(key[1] == "ok.html.j2" for key in env.cache.keys())  # compiled once, kept for the render
    assert not any(key[1] == "bad.html.j2" for key in env.cache.keys())
    assert templating.render("ok.html.j2", {"name": "<b>"}, folder) == "<p>&lt;b&gt;</p>"
    with pytest.raises(ConfigError) as err:
        templating.render("bad.html.j2", {}, folder)
    assert "bad.html.j2" in err.value.render("en") and "line 2" in err.value.render("en")


def test_the_month_end_compiles_its_summary_while_it_reads_and_still_reports_a_broken_team_template(tmp_path):
    from tkops.jobs.month_end import html, run

    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "month_end").mkdir()
    (folder / "month_end" / "summary.html.j2").write_text("{{ report.month }\n", encoding="utf-8")
    settings = run.Settings(templates_folder=str(folder))
    run._warm(settings)  # what the cases' thread does while the sheet is parsed: no error there
    env = templating.environment(str(folder))
    assert {html.BAR_TEMPLATE, html.TREND_TEMPLATE} <= {key[1] for key in env.cache.keys()}
    with pytest.raises(ConfigError) as err:
        templating.render(html.HTML_TEMPLATE, {}, str(folder))
    assert "summary.html.j2" in err.value.render("en")
