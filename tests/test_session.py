"""The way in and out of a workbook file, in one process: the lock and its holder, the check that the file is still
the one read, unique and stale temporary files, backups and their retention (with a fake clock)."""

from __future__ import annotations

import datetime as dt
import os
import socket
import stat

import openpyxl
import pytest
from filelock import FileLock

from tkops import atomic
from tkops.book import FileBook, backups, safety
from tkops.book.session import BookSession, Fingerprint, Holder, lock_path, holder_path, wait_seconds
from tkops.cli import main
from tkops.errors import BookBusy, BookChanged
from tkops.settings import Settings

from conftest import EXPORTS


def new_book(tmp_path, name="ops.xlsx"):
    path = tmp_path / name
    FileBook(path).save()
    return path


def somebody_else_holds(book, command="import", pid=4242):
    """Hold ``book``'s lock the way another process would (another descriptor), with its account written."""
    lock = FileLock(lock_path(book), timeout=0)
    lock.acquire()
    Holder(command, pid, "shop-pc", "mei", "2026-11-25 10:02:03").write(book)
    return lock


def test_a_held_book_is_refused_after_the_wait_naming_the_holder(tmp_path):
    book = new_book(tmp_path)
    before = book.read_bytes()
    lock = somebody_else_holds(book)
    said = []
    try:
        with pytest.raises(BookBusy) as err:
            with BookSession(book, "review", wait=0.3, notify=said.append):
                pass
    finally:
        lock.release()
    assert err.value.exit_code == 1
    text = err.value.render("en")
    assert "tkops import" in text and "4242" in text and "shop-pc" in text and "10:02:03" in text
    assert "Nothing was changed" in text and "0.3 s" in text
    assert "tkops import" in err.value.render("zh") and "未做任何更改" in err.value.render("zh")
    assert said and "Waiting up to 0.3 s" in said[0] and "4242" in said[0]
    assert book.read_bytes() == before


def test_the_lock_is_free_again_after_a_run_and_its_account_gone(tmp_path):
    book = new_book(tmp_path)
    with BookSession(book, "clocks") as session:
        assert session.held and Holder.read(book).command == "clocks"
        assert Holder.read(book).pid == os.getpid() and Holder.read(book).host == socket.gethostname()
    assert not holder_path(book).exists()
    with BookSession(book, "clocks", wait=0):
        pass


def test_the_wait_comes_from_the_option_the_variable_the_settings_row(tmp_path, monkeypatch):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    monkeypatch.delenv("TKOPS_LOCK_WAIT", raising=False)
    assert wait_seconds(book, None) == 10
    wb = openpyxl.load_workbook(book)
    for row in wb["Settings"].iter_rows(min_row=2):
        if row[0].value == "Lock Wait":
            row[1].value = 2.5
    wb.save(book)
    assert wait_seconds(book, None) == 2.5
    monkeypatch.setenv("TKOPS_LOCK_WAIT", "7")
    assert wait_seconds(book, None) == 7
    assert wait_seconds(book, 0.5) == 0.5
    assert wait_seconds(tmp_path / "missing.xlsx", None) == 7


def test_a_cli_command_on_a_held_book_exits_1_and_names_the_holder(tmp_path, capsys):
    book = new_book(tmp_path)
    lock = somebody_else_holds(book, "pull", 777)
    try:
        code = main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--wait", "0.2"])
    finally:
        lock.release()
    err = capsys.readouterr().err
    assert code == 1 and "tkops pull" in err and "777" in err and "Traceback" not in err


def test_a_book_changed_under_the_run_is_not_replaced(tmp_path):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    with BookSession(book, "import") as session:
        fb = session.open(Settings(market="US"))
        other = openpyxl.load_workbook(book)  # Excel (no tkops lock) saves the book meanwhile
        other["Orders"]["A2"].value = "changed elsewhere"
        other.save(book)
        theirs = book.read_bytes()
        with pytest.raises(BookChanged) as err:
            fb.save()
    assert book.read_bytes() == theirs
    assert "run the command again" in err.value.render("en") and err.value.exit_code == 1
    assert "内容与读取时不同" in err.value.render("zh")
    assert not (tmp_path / "tkops-backups").exists()  # no backup was made for a save that did not happen
    assert safety.stale_temps(book, lock_held=True) == []


def test_a_book_deleted_or_created_under_the_run_is_refused(tmp_path):
    book = new_book(tmp_path)
    fb = FileBook(book)
    book.unlink()
    with pytest.raises(BookChanged) as err:
        fb.save()
    assert "moved or deleted" in err.value.render("en") and not book.exists()
    fresh = FileBook(tmp_path / "new.xlsx")
    (tmp_path / "new.xlsx").write_bytes(b"someone else's")
    with pytest.raises(BookChanged):
        fresh.save()
    assert (tmp_path / "new.xlsx").read_bytes() == b"someone else's"


def test_a_touch_that_keeps_the_bytes_is_no_change(tmp_path):
    book = new_book(tmp_path)
    fb = FileBook(book)
    os.utime(book, (1_700_000_000, 1_700_000_000))
    assert fb.save().backup is not None


def test_fingerprint_is_size_time_and_hash(tmp_path):
    path = tmp_path / "f.xlsx"
    path.write_bytes(b"abc")
    print_ = Fingerprint.of(path)
    assert print_.size == 3 and print_.sha256.startswith("ba7816bf") and print_.mtime_ns > 0
    assert print_.same_content(Fingerprint(3, 1, print_.sha256))
    assert not print_.same_content(Fingerprint(4, print_.mtime_ns, print_.sha256))
    assert not print_.same_content(Fingerprint(3, print_.mtime_ns, "0" * 64))
    assert not print_.same_content(None) and Fingerprint.of(tmp_path / "none") is None


def test_temporary_files_are_unique_and_keep_the_books_permissions(tmp_path):
    book = new_book(tmp_path)
    os.chmod(book, 0o664)
    first, second = safety.new_temp(book), safety.new_temp(book)
    assert first != second and first.name.startswith(".ops.tkops-tmp.") and str(os.getpid()) in first.name
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o664
    FileBook(book).save()
    assert stat.S_IMODE(os.stat(book).st_mode) == 0o664


def test_temporary_files_of_killed_runs_are_cleaned_when_the_lock_is_taken(tmp_path):
    book = new_book(tmp_path)
    host = atomic._host()
    mine = tmp_path / f".ops.tkops-tmp.{host}.99999.abc.xlsx"
    legacy = tmp_path / ".ops.tkops-tmp.xlsx"
    elsewhere_new = tmp_path / ".ops.tkops-tmp.other-pc.12.xyz.xlsx"
    elsewhere_old = tmp_path / ".ops.tkops-tmp.other-pc.13.xyz.xlsx"
    not_ours = tmp_path / ".other.tkops-tmp.xlsx"
    for path in (mine, legacy, elsewhere_new, elsewhere_old, not_ours):
        path.write_bytes(b"half a file")
    old = dt.datetime.now().timestamp() - 2 * 3600
    os.utime(elsewhere_old, (old, old))
    with BookSession(book, "review"):
        pass
    assert not mine.exists() and not legacy.exists() and not elsewhere_old.exists()
    assert elsewhere_new.exists() and not_ours.exists()


def test_a_failed_write_leaves_book_backups_and_folder_as_they_were(tmp_path):
    book = new_book(tmp_path)
    FileBook(book).save()
    before = book.read_bytes()
    folder = sorted(p.name for p in tmp_path.rglob("*"))

    def broken(tmp):
        tmp.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        BookSession(book).commit(broken)
    assert book.read_bytes() == before and sorted(p.name for p in tmp_path.rglob("*")) == folder


def test_a_nested_save_in_the_same_process_does_not_wait_for_itself(tmp_path):
    book = new_book(tmp_path)
    with BookSession(book, "demo", wait=0):
        FileBook(book).save()  # a FileBook made without the session, inside it


def test_every_save_line_names_the_backup(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    capsys.readouterr()
    assert main(["review", "--book", str(book), "--now", "2026-11-25T11:30"]) == 0
    out = capsys.readouterr().out
    [saved] = [line for line in out.splitlines() if line.startswith("Saved")]
    newest = backups.backups_of(book)[0][1]
    assert str(newest) in saved and newest.exists()


# --- backups and their retention ----------------------------------------------------------------------------------

def test_retention_keeps_the_last_20_and_one_per_day_for_14_days(tmp_path):
    book = new_book(tmp_path)
    start = dt.datetime(2026, 11, 1, 9, 0)
    for day in range(30):  # a month of five saves a day, on a fake clock
        for hour in range(5):
            backups.backup(book, 20, start + dt.timedelta(days=day, hours=hour), days=14)
    kept = [when for when, _ in backups.backups_of(book)]
    now = start + dt.timedelta(days=29, hours=4)
    newest_20 = sorted(kept, reverse=True)[:20]
    assert newest_20[0] == now and all((now - w) < dt.timedelta(days=4) for w in newest_20)
    days = {w.date() for w in kept}
    assert days == {(now - dt.timedelta(days=d)).date() for d in range(14)}
    older = [w for w in kept if w not in newest_20]
    assert all(w.hour == 13 for w in older)  # the last one of its day
    assert len(kept) == 20 + 10


def test_retention_settings_zero_and_foreign_files(tmp_path):
    book = new_book(tmp_path)
    assert backups.backup(book, 0) is None and not (tmp_path / "tkops-backups").exists()
    folder = tmp_path / "tkops-backups"
    folder.mkdir()
    team_copy = folder / "ops.before-black-friday.xlsx"
    team_copy.write_bytes(b"x")
    other_book = folder / "ops2.20261101-090000-000000.xlsx"
    other_book.write_bytes(b"x")
    for i in range(3):
        backups.backup(book, 1, dt.datetime(2026, 11, 1, 9, i), days=0)
    assert [w.minute for w, _ in backups.backups_of(book)] == [2]
    assert team_copy.exists() and other_book.exists()


def test_two_backups_in_the_same_instant_do_not_overwrite_each_other(tmp_path):
    book = new_book(tmp_path)
    at = dt.datetime(2026, 11, 1, 9, 0)
    first, second = backups.make_backup(book, at), backups.make_backup(book, at)
    assert first != second and first.exists() and second.exists()


def test_to_keep_counts_only_days_in_the_window():
    today = dt.date(2026, 11, 30)
    stamps = [dt.datetime(2026, 11, 30, 8), dt.datetime(2026, 11, 30, 9), dt.datetime(2026, 11, 17, 9),
              dt.datetime(2026, 11, 16, 9), dt.datetime(2026, 12, 1, 9)]
    assert backups.to_keep(stamps, 0, 14, today) == {dt.datetime(2026, 11, 30, 9), dt.datetime(2026, 11, 17, 9)}
    assert backups.to_keep(stamps, 2, 0, today) == {dt.datetime(2026, 12, 1, 9), dt.datetime(2026, 11, 30, 9)}


def test_a_saved_session_uses_the_fake_clock_for_its_backup(tmp_path):
    book = new_book(tmp_path)
    at = dt.datetime(2030, 1, 2, 3, 4, 5)
    with BookSession(book, "import", clock=lambda: at) as session:
        saved = session.open().save()
    assert saved.backup.name == "ops.20300102-030405-000000.xlsx" and session.saves == [saved]


def test_the_wait_setting_edge_cases(tmp_path, monkeypatch):
    book = tmp_path / "ops.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Settings"
    ws.append(["Setting", "Value"])
    ws.append(["Lock Wait", 3])
    wb.save(book)
    monkeypatch.delenv("TKOPS_LOCK_WAIT", raising=False)
    assert wait_seconds(book, None) == 3  # the first row counts
    ws["B2"] = 0
    wb.save(book)
    assert wait_seconds(book, None) == 0
    ws["B2"] = "soon"
    wb.save(book)
    assert wait_seconds(book, None) == 10
    ws["B2"] = None
    wb.save(book)
    assert wait_seconds(book, None) == 10
    monkeypatch.setenv("TKOPS_LOCK_WAIT", "0")
    assert wait_seconds(book, None) == 0
    monkeypatch.setenv("TKOPS_LOCK_WAIT", "later")
    assert wait_seconds(book, None) == 10
    monkeypatch.setenv("TKOPS_LOCK_WAIT", "-5")
    assert wait_seconds(book, None) == 0 and wait_seconds(book, -1) == 0


def test_a_holder_that_left_no_account_is_still_reported(tmp_path):
    book = new_book(tmp_path)
    lock = FileLock(lock_path(book), timeout=0)
    lock.acquire()
    said = []
    try:
        with pytest.raises(BookBusy) as err:
            BookSession(book, "review", wait=0, notify=said.append).acquire()
    finally:
        lock.release()
    assert said == []  # no wait, nothing to announce
    assert err.value.code == "book_busy_unknown" and "in use by another tkops run" in err.value.render("en")
    assert "process" not in err.value.render("en")
    holder_path(book).write_text("{not json", encoding="utf-8")
    assert Holder.read(book) is None
    holder_path(book).write_text('{"command": "pull", "pid": "12", "host": "h", "since": "s"}', encoding="utf-8")
    assert Holder.read(book) == Holder("pull", 12, "h", "", "s")


def test_the_waiting_line_and_the_refusal_name_the_book_in_the_team_language(tmp_path):
    book = new_book(tmp_path, "shop-a.xlsx")
    lock = somebody_else_holds(book)
    said = []
    try:
        with pytest.raises(BookBusy) as err:
            with BookSession(book, "review", wait=0.2, notify=said.append, lang="zh"):
                pass
    finally:
        lock.release()
    assert said[0].startswith("shop-a.xlsx 正被另一个 tkops 任务使用") and "mei" in said[0]
    assert "shop-a.xlsx" in err.value.render("en") and "mei" in err.value.render("en")


def test_the_holder_account_is_read_back_whole_and_a_missing_user_is_a_question_mark(tmp_path):
    from tkops.book.session import holder_params

    book = new_book(tmp_path)
    Holder("import", 4242, "shop-pc", "mei", "2026-11-25 10:02:03").write(book)
    assert Holder.read(book) == Holder("import", 4242, "shop-pc", "mei", "2026-11-25 10:02:03")
    code, params = holder_params("book_busy", Holder("pull", 7, "nas", "", "2026-11-25 10:00:00"))
    assert code == "book_busy" and params["user"] == "?" and params["command"] == "pull"
    assert holder_params("book_busy", None) == ("book_busy_unknown", {})


def test_backups_are_listed_newest_first_and_only_the_books_own(tmp_path):
    book = new_book(tmp_path)
    folder = tmp_path / "tkops-backups"
    folder.mkdir()
    for stamp in ("20261101-090000-000000", "20261103-090000-000000", "20261102-090000-000000"):
        (folder / f"ops.{stamp}.xlsx").write_bytes(b"x")
    (folder / "ops.20261104-090000-000000.xlsm").write_bytes(b"x")  # another file type
    (folder / "shop.20261105-090000-000000.xlsx").write_bytes(b"x")  # another book
    (folder / "ops.20261106-090000-000000.xlsx").mkdir()  # a folder named like one
    assert [w.day for w, _ in backups.backups_of(book)] == [3, 2, 1]
    deleted = backups.prune(book, keep_last=1, days=0, now=dt.datetime(2026, 11, 30))
    assert sorted(p.name for p in deleted) == ["ops.20261101-090000-000000.xlsx", "ops.20261102-090000-000000.xlsx"]
    assert not any(p.exists() for p in deleted)


def test_a_second_backup_in_the_same_instant_is_stamped_one_microsecond_later(tmp_path):
    book = new_book(tmp_path)
    at = dt.datetime(2026, 11, 1, 9, 0)
    backups.make_backup(book, at)
    assert backups.make_backup(book, at).name == "ops.20261101-090000-000001.xlsx"
