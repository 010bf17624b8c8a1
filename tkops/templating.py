"""The one jinja2 environment of tkops: buyer messages, packing slips and replies all render through it.

StrictUndefined, so a missing variable is an error, never a blank in a message to a buyer. HTML templates are
autoescaped (buyer text is never markup); text templates are not, since they are pasted into chat as text. A team
can point Settings at a folder of its own templates: that folder is searched before the shipped one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from tkops.errors import ConfigError


def shipped_templates() -> Path:
    """The templates folder shipped with tkops (inside the installed package, or the checkout's templates/)."""
    package = Path(__file__).resolve().parent
    installed = package / "templates"
    if installed.is_dir():
        return installed
    return package.parent / "templates"


@lru_cache(maxsize=8)
def environment(extra_folder: str = "") -> jinja2.Environment:
    """The environment; ``extra_folder`` (a team's own templates) is searched first."""
    folders = ([extra_folder] if extra_folder else []) + [str(shipped_templates())]
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        undefined=jinja2.StrictUndefined,
        # "x.html.j2" must match too: select_autoescape compares the end of the name.
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "htm", "xml", "html.j2", "htm.j2", "xml.j2"),
                                            default_for_string=False),
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, context: dict, extra_folder: str = "") -> str:
    """Render template ``name`` with ``context``; errors name the template, the line and what is missing."""
    env = environment(extra_folder)
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound as err:
        raise ConfigError("template_error", template=name, line="-", detail=f"not found ({err.name})") from None
    except jinja2.UndefinedError as err:
        raise ConfigError("template_error", template=name, line=_line_of(err, name), detail=str(err)) from None
    except jinja2.TemplateSyntaxError as err:
        raise ConfigError("template_error", template=err.name or name, line=err.lineno, detail=err.message) from None


def _line_of(err: Exception, name: str) -> str:
    tb = err.__traceback__
    line = "-"
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.replace("\\", "/").endswith(name):
            line = str(tb.tb_lineno)
        tb = tb.tb_next
    return line
