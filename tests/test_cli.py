"""The command line: every command documented, exit codes, and the demo a newcomer runs first."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import openpyxl

from tkops.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]


def commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in commands():
        assert f"tkops {name}" in readme, name


def test_every_command_has_help(capsys):
    for name in commands():
        try:
            main([name, "--help"])
        except SystemExit as stop:
            assert stop.code == 0
        assert name in capsys.readouterr().out


def test_missing_file_is_bad_data(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.csv"), "--book", str(tmp_path / "ops.xlsx")]) == 2
    assert "nope.csv" in capsys.readouterr().out


def test_unknown_source_is_a_configuration_error(tmp_path, capsys):
    from conftest import EXPORTS

    code = main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(tmp_path / "ops.xlsx"), "--source", "ebay"])
    assert code == 1
    assert "ebay" in capsys.readouterr().out


def test_console_script_runs():
    done = subprocess.run([sys.executable, "-m", "tkops", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("tkops ")


def test_demo_builds_a_workbook_with_both_shops(tmp_path, capsys):
    from tkops.jobs.demo import sample_path
    from expectations import load

    assert main(["demo", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    book = tmp_path / "tkops-demo.xlsx"
    assert str(book.resolve()) in out
    wb = openpyxl.load_workbook(book)
    rows = list(wb["Orders"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    us = load(sample_path("us_shop_2026-11-25.expected.json"))
    sea = load(sample_path("sea_shop_2026-11-25.expected.json"))
    assert len(body) == us["rows_read"] + sea["rows_read"]
    currencies = {r[header.index("Currency")] for r in body}
    assert currencies == {"USD", "THB"}
    inventory = list(wb["Inventory"].iter_rows(values_only=True))
    assert inventory[0][:4] == ("Seller SKU", "Product Name", "Variation", "On Hand")
    assert len(inventory) > 10 and isinstance(inventory[1][3], int)
    log = list(wb["ImportLog"].iter_rows(values_only=True))
    assert [r[3] for r in log[1:]] == ["tiktok_export", "tiktok_export", "stock:tkops_inventory"]
    # the demo's day is 25 November 2026 whenever it runs: the logs are dated in its story, not by the wall clock
    assert {r[0].date() for r in log[1:]} == {dt.date(2026, 11, 25)}
    moves = list(wb["StockLog"].iter_rows(values_only=True))
    assert len(moves) > 1 and {r[1].date() for r in moves[1:]} <= {dt.date(2026, 11, 25), dt.date(2026, 12, 5)}
    # every output shown once: the shop's settings on the slips and the checklist, the follow-up, a review reply,
    # an evidence pack, the month-end report
    settings = {r[0]: r[1] for r in wb["Settings"].iter_rows(values_only=True)}
    assert settings["Shop Name"] == "Sunny Basics" and "Ontario, CA" in settings["Return Address"]
    printed = {p.name.split(" 20")[0]: p for p in (tmp_path / "tkops-output").iterdir()}
    assert {"Pick list", "Packing slips", "Packing checklist", "Shipping info", "After-sales charts",
            "Evidence 4035118812903456799", "month-end"} <= set(printed)
    slips = next(p for p in (tmp_path / "tkops-output").glob("Packing slips*.html")).read_text(encoding="utf-8")
    assert "Sunny Basics" in slips and "1200 Commerce Way" in slips
    checklist = printed["Packing checklist"].read_text(encoding="utf-8")
    assert "Size label matches the slip" in checklist and "One parcel, one slip for orders" in checklist
    assert len(list(wb["FollowUp"].iter_rows())) > 1
    reviews = list(wb["Reviews"].iter_rows(values_only=True))
    assert reviews[1][reviews[0].index("Public Reply")]
    # run again: a fresh demo, the old one kept as a backup
    assert main(["demo", "--out", str(tmp_path)]) == 0
    assert list((tmp_path / "tkops-backups").glob("tkops-demo.*.xlsx"))


def test_every_book_command_names_a_job_that_exists():
    from tkops.cli.commands import COMMANDS
    from tkops.cli.table import load

    for command in COMMANDS:
        assert (command.run is None) == bool(command.job), command.name
        if command.job:
            assert callable(load(command.job)) and command.call is not None, command.name


def test_a_job_report_and_its_saves_are_printed_and_its_exit_code_kept(tmp_path, capsys):
    from conftest import EXPORTS

    book = tmp_path / "ops.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"]) == 0
    capsys.readouterr()
    assert main(["review", "--book", str(book), "--now", "2025-06-01T12:00"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(str(book) in line for line in out)  # the footer names the book
    assert any("backup" in line.casefold() or "tkops-backups" in line for line in out)


def test_a_bad_now_is_a_configuration_error_naming_the_option(tmp_path, capsys):
    from conftest import EXPORTS

    book = tmp_path / "ops.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"]) == 0
    assert main(["clocks", "--book", str(book), "--kpi", "2026-01-01", "soon"]) == 1
    assert "--kpi" in capsys.readouterr().err
