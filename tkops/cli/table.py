"""How a command is described: its name, help, options and either the job it runs on one workbook or a runner of its
own. :mod:`tkops.cli.commands` lists them; :func:`build_parser` and :func:`run_command` are all that reads them."""

from __future__ import annotations

import argparse
import importlib
import os
from dataclasses import dataclass, field
from typing import Any, Callable

from tkops.cli.guards import check_book_path, open_read_only
from tkops.cli.session import open_book, print_saves, report_lines, seconds
from tkops.messages import render


@dataclass(frozen=True)
class Option:
    """One argparse argument: its flags (or positional name) and add_argument's keywords."""

    flags: tuple[str, ...]
    spec: dict[str, Any]


def opt(*flags: str, **spec: Any) -> Option:
    """An :class:`Option` written like ``parser.add_argument``."""
    return Option(flags, spec)


@dataclass(frozen=True)
class Command:
    """A ``tkops`` command.

    A book command names its job (``"module:function"``, imported only when the command runs) and ``call``, which
    calls the job with the open book, its settings and the parsed options and returns the job's report; the report's
    lines are printed (``lines``: the report and the language -> the lines), then one line per save. ``exit_code``
    turns the report into the exit code; ``footer`` is a message printed after the report (it gets ``book``).
    ``read_only``: the job changes no workbook, so any workbook is opened without its lock (tkops.xlsm, one open in
    Excel). ``creates_book``: a missing --book is created (else it is an error before anything runs). A command that
    does not run on one book gives ``run`` instead (the parsed options -> exit code).
    """

    name: str
    help: str
    description: str
    options: tuple[Option, ...] = ()
    job: str = ""
    call: Callable[..., Any] | None = None
    exit_code: Callable[[Any], int] = field(default=lambda report: 0)
    footer: str = ""
    lines: Callable[[Any, str], list[str]] = field(default=report_lines)
    read_only: bool = False
    creates_book: bool = False
    run: Callable[[argparse.Namespace], int] | None = None


def load(target: str) -> Callable[..., Any]:
    """The function named ``"package.module:function"``."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def run_command(command: Command, args: argparse.Namespace) -> int:
    """Run ``command`` with its parsed options; returns the exit code."""
    check_book_path(args, command.creates_book)
    if command.run is not None:
        return command.run(args)
    job = load(command.job)
    if command.read_only:
        book, settings = open_read_only(args)
        report, session = command.call(job, book, settings, args), None
    else:
        with open_book(args, command.name) as (book, settings, session):
            report = command.call(job, book, settings, args)
    for line in command.lines(report, settings.lang):
        print(line)
    if command.footer:
        print(render(command.footer, settings.lang, book=args.book))
    if session is not None:
        print_saves(session, settings.lang)
    return command.exit_code(report)


def common_options() -> argparse.ArgumentParser:
    """The options every command takes: the language of messages and how long to wait for a busy workbook."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("en", "zh"), default=os.environ.get("TKOPS_LANG"),
                        help="language of messages (default: the Settings sheet, else en)")
    common.add_argument("--wait", type=seconds, metavar="SECONDS",
                        help="how long to wait when another tkops run is using the workbook (default: Lock Wait on "
                             "the Settings sheet, else 10)")
    return common


def build_parser_of(commands: tuple[Command, ...], prog: str, description: str, version: str
                    ) -> argparse.ArgumentParser:
    """The argument parser of ``commands``; each sub-parser remembers its command (``args.command_spec``)."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--version", action="version", version=version)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = common_options()
    for command in commands:
        p = sub.add_parser(command.name, parents=[common], help=command.help, description=command.description)
        for option in command.options:
            p.add_argument(*option.flags, **option.spec)
        p.set_defaults(command_spec=command)
    return parser
