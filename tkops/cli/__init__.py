"""The ``tkops`` batch commands: files in, the file backend, the same jobs as the workbook buttons.

The commands are a table (:mod:`tkops.cli.commands`): each names its options and the job it runs on the workbook
under the book's lock (:mod:`tkops.cli.session`). Errors become one readable message in the team's language and exit
code 1 (configuration) or 2 (bad data); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from tkops import __version__
from tkops.cli.commands import COMMANDS
from tkops.cli.guards import quiet_stdout
from tkops.cli.table import build_parser_of, run_command
from tkops.errors import ConfigError, TkopsError
from tkops.messages import render


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command (also used to check that each command is documented)."""
    return build_parser_of(COMMANDS, "tkops", "TikTok Shop order operations in Excel.", f"tkops {__version__}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run a tkops command; returns the exit code."""
    args = build_parser().parse_args(argv)
    lang = getattr(args, "lang", None) or "en"
    try:
        return run_command(args.command_spec, args)
    except TkopsError as err:
        language = lang if lang in ("en", "zh") else "en"
        print(render("error", language, detail=err.render(language)), file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:  # the reader went away (tkops picklist ... | head): the work itself is done
        quiet_stdout()
        return 0
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


__all__ = ["main", "build_parser", "run", "ConfigError"]
