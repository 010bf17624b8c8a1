"""The MS-CFB writer, read back with olefile (strictest defect level) and pyopenvba."""

from __future__ import annotations

import io
import os
import struct

import olefile
import pytest

from tkops.vba.cfb import NOSTREAM, cfb_name_key, write_cfb


def open_strict(data: bytes) -> olefile.OleFileIO:
    # DEFECT_UNSURE makes olefile raise on anything it finds even doubtful.
    return olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_UNSURE)


def flatten(tree, prefix=()):
    for name, value in tree.items():
        if isinstance(value, dict):
            yield prefix + (name,), None
            yield from flatten(value, prefix + (name,))
        else:
            yield prefix + (name,), value


def assert_reads_back(tree) -> olefile.OleFileIO:
    data = write_cfb(tree)
    assert len(data) % 512 == 0
    ole = open_strict(data)
    expected_streams = {path for path, value in flatten(tree) if value is not None}
    expected_storages = {path for path, value in flatten(tree) if value is None}
    listed = {tuple(p) for p in ole.listdir(streams=True, storages=False)}
    assert listed == expected_streams
    for path in expected_storages:
        assert ole.get_type("/".join(path)) == olefile.STGTY_STORAGE
    for path, value in flatten(tree):
        if value is not None:
            assert ole.get_type("/".join(path)) == olefile.STGTY_STREAM
            assert ole.get_size("/".join(path)) == len(value)
            assert ole.openstream("/".join(path)).read() == value, path
    return ole


def test_vba_shaped_tree():
    tree = {
        "VBA": {"dir": os.urandom(700), "_VBA_PROJECT": b"\xcc\x61\xff\xff\x00\x00\x00",
                "Module1": os.urandom(300), "ThisWorkbook": os.urandom(1000)},
        "PROJECT": b'ID="{00000000-0000-0000-0000-000000000000}"\r\n',
        "PROJECTwm": b"Module1\x00M\x00o\x00\x00\x00\x00\x00",
    }
    assert_reads_back(tree)


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 4095, 4096, 4097, 20000, 70000])
def test_stream_sizes_around_mini_and_sector_limits(size):
    # 4095 goes to the mini stream, 4096 and more to ordinary sectors.
    tree = {"S": {"a": os.urandom(size), "b": os.urandom(100)}, "c": os.urandom(size // 2)}
    assert_reads_back(tree)


def test_many_entries_and_deep_nesting():
    tree = {f"Stream{i}": os.urandom(i * 37) for i in range(40)}
    tree["Deep"] = {"Deeper": {"Deepest": {"leaf": b"x" * 5000, "tiny": b"y"}}}
    assert_reads_back(tree)


def test_empty_root():
    ole = open_strict(write_cfb({}))
    assert ole.listdir() == []


def test_more_than_109_fat_sectors_uses_difat_sectors():
    big = os.urandom(8 * 1024 * 1024)  # 16,384 sectors -> 129 FAT sectors
    data = write_cfb({"big": big, "small": b"tiny"})
    (n_fat, _dir, _sig, _cutoff, _minifat, _n_minifat, first_difat, n_difat) = struct.unpack_from("<IIIIIIII", data, 0x2C)
    assert n_fat > 109 and n_difat == 1 and first_difat != 0xFFFFFFFE
    ole = open_strict(data)
    assert ole.openstream("big").read() == big
    assert ole.openstream("small").read() == b"tiny"


def test_deterministic_and_zero_metadata():
    tree = {"VBA": {"dir": b"abc"}, "PROJECT": b"x"}
    data = write_cfb(tree)
    assert data == write_cfb(tree)
    ole = open_strict(data)
    for entry in ole.direntries:
        if entry is not None:
            assert entry.clsid == "" and entry.createTime == 0 and entry.modifyTime == 0


def _check_red_black(ole: olefile.OleFileIO, child: int) -> list[str]:
    """Walk one storage's sibling tree: return names in order, check RB rules."""
    entries = ole.direntries

    def walk(index, parent_red):
        if index == NOSTREAM:
            return [], 1
        e = entries[index]
        red = e.color == 0
        assert not (red and parent_red), "red node with a red child"
        left, left_black = walk(e.sid_left, red)
        right, right_black = walk(e.sid_right, red)
        assert left_black == right_black, "unequal black heights"
        return left + [e.name] + right, left_black + (0 if red else 1)

    assert child == NOSTREAM or entries[child].color == 1, "tree root must be black"
    names, _ = walk(child, False)
    return names


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33])
def test_sibling_trees_are_sorted_red_black_trees(count):
    names = [f"N{'x' * (i % 5)}{i}" for i in range(count)]
    ole = open_strict(write_cfb({"S": {n: b"1" for n in names}}))
    storage = next(e for e in ole.direntries if e is not None and e.name == "S")
    in_order = _check_red_black(ole, storage.sid_child)
    assert in_order == sorted(names, key=cfb_name_key)


def test_name_order_is_length_then_upper_case():
    assert sorted(["dir", "Module1", "ab", "AC", "_VBA_PROJECT", "aa"], key=cfb_name_key) == [
        "aa", "ab", "AC", "dir", "Module1", "_VBA_PROJECT"]


@pytest.mark.parametrize("bad", ["", "a/b", "a\\b", "a:b", "a!b", "x" * 32, "tab\there"])
def test_invalid_names_rejected(bad):
    with pytest.raises(ValueError):
        write_cfb({bad: b""})


def test_case_insensitive_duplicates_rejected():
    with pytest.raises(ValueError, match="duplicate"):
        write_cfb({"Module1": b"", "MODULE1": b""})


def test_pyopenvba_cfb_reader_agrees():
    cfb_mod = pytest.importorskip("pyopenvba.cfb")
    tree = {"VBA": {"dir": os.urandom(900), "Big": os.urandom(9000)}, "PROJECT": b"p"}
    cfb = cfb_mod.CFB.from_bytes(write_cfb(tree))
    assert cfb.get_stream_at(("VBA",), "dir") == tree["VBA"]["dir"]
    assert cfb.get_stream_at(("VBA",), "Big") == tree["VBA"]["Big"]
    assert cfb.get_stream_at((), "PROJECT") == b"p"
