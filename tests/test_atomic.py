"""The shared atomic writer (tkops.atomic): the target is the old file or the new one, never half, and no temporary
file stays behind; killed runs' temporary files are cleaned once they are stale."""

from __future__ import annotations

import os
import stat
import time

import pytest

from tkops import atomic


def temps(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tkops-tmp" in p.name)


def test_success_replaces_the_target_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "part.parquet"
    target.write_bytes(b"old")
    with atomic.atomic_write(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".part.tkops-tmp.") and tmp.suffix == ".parquet"
        tmp.write_bytes(b"new")
        assert target.read_bytes() == b"old"  # nothing is in place before the block ends
    assert target.read_bytes() == b"new" and temps(tmp_path) == []


def test_a_new_target_gets_the_permissions_a_new_file_gets(tmp_path):
    target = tmp_path / "new.json"
    with atomic.atomic_write(target) as tmp:
        tmp.write_text("{}", encoding="utf-8")
    umask = os.umask(0)
    os.umask(umask)
    assert target.read_text(encoding="utf-8") == "{}"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o666 & ~umask


def test_a_failure_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "part.parquet"
    target.write_bytes(b"old")
    with pytest.raises(OSError, match="disk full"):
        with atomic.atomic_write(target) as tmp:
            tmp.write_bytes(b"half")
            raise OSError("disk full")
    assert target.read_bytes() == b"old" and temps(tmp_path) == []
    with pytest.raises(OSError):
        with atomic.atomic_write(tmp_path / "never.parquet") as tmp:
            raise OSError("no space")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["part.parquet"]


def test_a_temporary_file_left_alone_by_the_caller_is_removed(tmp_path):
    target = tmp_path / "tkops.xlsm"
    with atomic.temp_beside(target) as tmp:
        tmp.write_bytes(b"the same build")  # nothing to replace: the target stays as it is
    assert not target.exists() and temps(tmp_path) == []


def test_a_stale_temporary_file_is_cleaned_and_a_fresh_one_is_not(tmp_path):
    target = tmp_path / "part.parquet"
    stale = tmp_path / ".part.tkops-tmp.other-pc.12.abc.parquet"
    fresh = tmp_path / ".part.tkops-tmp.other-pc.13.xyz.parquet"
    other = tmp_path / ".other.tkops-tmp.other-pc.14.xyz.parquet"
    for path in (stale, fresh, other):
        path.write_bytes(b"left by a killed run")
    hour_ago = time.time() - atomic.STALE_AFTER.total_seconds() - 60
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    with atomic.atomic_write(target) as tmp:
        tmp.write_bytes(b"new")
    assert not stale.exists() and fresh.exists() and other.exists()  # another target's temporary files are its own
    assert target.read_bytes() == b"new"


def test_without_cleaning_a_stale_temporary_file_stays(tmp_path):
    target = tmp_path / "ops.xlsx"
    stale = tmp_path / ".ops.tkops-tmp.other-pc.12.abc.xlsx"
    stale.write_bytes(b"left by a killed run")
    hour_ago = time.time() - 2 * atomic.STALE_AFTER.total_seconds()
    os.utime(stale, (hour_ago, hour_ago))
    with atomic.temp_beside(target, clean_stale=False) as tmp:
        atomic.put_in_place(tmp, target)
    assert stale.exists() and target.exists()
