"""The one jinja2 environment of tkops: buyer messages, packing slips and replies all render through it.

StrictUndefined, so a missing variable is an error, never a blank in a message to a buyer. HTML, SVG and XML
templates are autoescaped (buyer text is never markup); text templates are not, since they are pasted into chat as text. A team
can point Settings at a folder of its own templates: that folder is searched before the shipped one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from tkops.errors import ConfigError


MARKUP_EXTENSIONS = tuple(f"{kind}{j2}" for kind in ("html", "htm", "xml", "svg") for j2 in ("", ".j2"))


def shipped_templates() -> Path:
    """The templates folder shipped with tkops (inside the installed package, or the checkout's templates/)."""
    package = Path(__file__).resolve().parent
    installed = package / "templates"
    if installed.is_dir():
        return installed
    return package.parent / "templates"


def environment(extra_folder: str = "") -> jinja2.Environment:
    """The environment; ``extra_folder`` (a team's own templates) is searched first. One object per folder, however
    it is called (lru_cache alone would make ``environment()`` and ``environment("")`` two environments)."""
    return _environment(str(extra_folder or ""))


@lru_cache(maxsize=8)
def _environment(extra_folder: str) -> jinja2.Environment:
    folders = ([extra_folder] if extra_folder else []) + [str(shipped_templates())]
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        undefined=jinja2.StrictUndefined,
        # "x.html.j2" must match too: select_autoescape compares the end of the name. SVG charts carry SKU and
        # product names, so they are markup too.
        autoescape=jinja2.select_autoescape(enabled_extensions=MARKUP_EXTENSIONS, default_for_string=False),
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
        template, line = _innermost_template(err, name, extra_folder)
        raise ConfigError("template_error", template=template, line=line, detail=str(err)) from None
    except jinja2.TemplateSyntaxError as err:
        raise ConfigError("template_error", template=err.name or name, line=err.lineno, detail=err.message) from None


def compile_ahead(names: tuple[str, ...], extra_folder: str = "") -> None:
    """Compile templates ``names`` into the environment's cache, for a step that renders them later (the month-end,
    while it reads its sheets); one that cannot be compiled is left for :func:`render` to report, with its line."""
    env = environment(extra_folder)
    for name in names:
        try:
            env.get_template(name)
        except jinja2.TemplateError:
            pass


def _innermost_template(err: Exception, name: str, extra_folder: str) -> tuple[str, str]:
    """(template, line) of the innermost template frame of ``err``'s traceback (jinja2 rewrites template frames to
    point at the template file), so an error inside a partial names the partial. A template from the team's folder
    is named with its full path."""
    found = (name, "-")
    roots = [(Path(extra_folder).resolve(), True)] if extra_folder else []
    roots.append((shipped_templates().resolve(), False))
    tb = err.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py"):  # jinja2's own frames and tkops' are .py; template frames are not
            path = Path(filename).resolve()
            for root, own in roots:
                if path.is_relative_to(root):
                    relative = path.relative_to(root).as_posix()
                    found = (f"{relative} ({path})" if own else relative, str(tb.tb_lineno))
                    break
        tb = tb.tb_next
    return found
