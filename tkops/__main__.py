"""``python -m tkops`` runs the command line."""

from tkops.cli import run

run()
