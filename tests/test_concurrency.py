"""Two real ``tkops`` processes (the installed console script) on one workbook, started 0.2 to 2 s apart: the book
always opens (openpyxl and calamine), the lines of every run that said it succeeded are in it, a run that gives up
says who holds the book (exit 1, no traceback), and no temporary file is left behind, even by a killed run."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tkops.book.session import holder_path
from tkops.cli import main

from conftest import EXPORTS
from expectations import load

TKOPS = Path(sys.executable).with_name("tkops")
FILES = {"us": (EXPORTS / "us_2025.csv", "US"), "legacy": (EXPORTS / "us_legacy.xlsx", "US"),
         "th": (EXPORTS / "th_sea.xlsx", "TH")}
EXPECTED = {"us": "us_2025", "legacy": "us_legacy", "th": "th_sea"}


def command(kind: str, book: Path, wait: str | None) -> list[str]:
    tail = ["--book", str(book)] + (["--wait", wait] if wait is not None else [])
    if kind in FILES:
        path, market = FILES[kind]
        return [str(TKOPS), "import", str(path), "--market", market] + tail
    return [str(TKOPS), kind, "--now", "2026-11-25T11:30"] + tail


def run_pair(first: str, second: str, book: Path, delay: float, second_wait: str | None):
    env = {**os.environ, "TKOPS_LANG": "en"}
    env.pop("TKOPS_LOCK_WAIT", None)
    a = subprocess.Popen(command(first, book, "60"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    time.sleep(delay)
    b = subprocess.Popen(command(second, book, second_wait), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env)
    results = []
    for proc in (a, b):
        out, err = proc.communicate(timeout=240)
        results.append((proc.returncode, out, err))
    return results


def order_ids(book: Path) -> set[str]:
    rows = list(openpyxl.load_workbook(book)["Orders"].iter_rows(values_only=True))
    at = rows[0].index("Order ID")
    calamine = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Orders").to_python()
    assert len(calamine) == len(rows)
    return {r[at] for r in rows[1:]}


def expected_ids(kind: str) -> set[str]:
    return {t["Order ID"] for t in load(EXPORTS / f"{EXPECTED[kind]}.expected.json")["lines"]}


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("base") / "ops.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"]) == 0
    return book


# (first, second, delay in seconds, --wait of the second: "60" = long enough on a loaded machine, "0" = give up at
# once if the first holds the book)
PAIRS = [
    ("us", "legacy", 0.2, "60"), ("legacy", "th", 0.7, "60"), ("us", "th", 1.2, "0"), ("th", "legacy", 2.0, "60"),
    ("legacy", "review", 0.3, "60"), ("th", "review", 1.0, "0"), ("us", "review", 1.8, "60"),
    ("review", "clocks", 0.2, "60"), ("review", "clocks", 0.9, "0"), ("clocks", "review", 1.5, "60"),
]


@pytest.mark.parametrize("first,second,delay,wait", PAIRS, ids=[f"{a}-{b}-{d}s" for a, b, d, _ in PAIRS])
def test_two_processes_on_one_book(first, second, delay, wait, imported, tmp_path):
    book = tmp_path / "ops.xlsx"
    if first not in FILES or second not in FILES:
        shutil.copy(imported, book)  # review and clocks need lines
    results = run_pair(first, second, book, delay, wait)
    for (code, out, err), kind in zip(results, (first, second)):
        assert "Traceback" not in out + err, err
        if code != 0:  # only a run told to give up at once may lose, and it says to whom
            assert kind == second and wait == "0" and code == 1, (code, out, err)
            holder = "import" if first in FILES else first
            assert "in use by another tkops run" in err and f"tkops {holder}" in err and "Nothing was changed" in err
    ids = order_ids(book)
    for (code, _, _), kind in zip(results, (first, second)):
        if kind in FILES and code == 0:
            assert expected_ids(kind) <= ids, kind
    if first not in FILES or second not in FILES:
        assert expected_ids("us") <= ids  # the lines the book had
    assert not list(tmp_path.glob(".ops.tkops-tmp*")) and not holder_path(book).exists()
    saved = [out for code, out, _ in results if code == 0 and "Saved" in out]
    assert all("tkops-backups" in out or "(a new workbook)" in out or "Created" in out for out in saved)


def test_a_run_that_gives_up_names_the_process_holding_the_book(imported, tmp_path):
    book = tmp_path / "ops.xlsx"
    shutil.copy(imported, book)
    before = book.read_bytes()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from tkops.book.session import BookSession\n"
        f"with BookSession({str(book)!r}, 'pull'):\n"
        "    print('held', flush=True); time.sleep(30)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        done = subprocess.run(command("legacy", book, "1"), capture_output=True, text=True, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"process {holder.pid}" in done.stderr and "tkops pull" in done.stderr
    assert "Waiting up to 1 s" in done.stderr and "after 1 s" in done.stderr
    assert book.read_bytes() == before
    # the holder was killed: its lock went with it, and the next run goes through at once
    again = subprocess.run(command("legacy", book, "0"), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and expected_ids("legacy") <= order_ids(book)


def test_a_killed_run_leaves_a_book_that_opens_and_its_temporary_file_is_cleaned(imported, tmp_path):
    book = tmp_path / "ops.xlsx"
    shutil.copy(imported, book)
    stale = tmp_path / f".ops.tkops-tmp.{__import__('tkops.atomic', fromlist=['_host'])._host()}.1.x.xlsx"
    stale.write_bytes(b"left by a run killed while saving")
    victim = subprocess.Popen(command("th", book, "60"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(3.0)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    order_ids(book)  # the old version or the new one, whole either way
    done = subprocess.run(command("review", book, "60"), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.glob(".ops.tkops-tmp*"))
    assert expected_ids("us") <= order_ids(book)
