"""A minimal MS-CFB (Compound File Binary, "OLE2") version 3 writer.

Only what a vbaProject.bin needs: a tree of storages and streams written in
one go, deterministically (zero CLSIDs, timestamps and state bits), so the
same input always gives the same bytes.

Layout written (every sector is 512 bytes; the header is sector "-1"):

    header | FAT sectors | DIFAT sectors | mini FAT | directory | mini stream | big streams

* Streams smaller than 4096 bytes live in the mini stream (64-byte mini
  sectors, chained by the mini FAT); the mini stream itself is the root
  entry's stream in ordinary sectors. Larger streams get ordinary sectors.
* The first 109 FAT sector numbers sit in the header's DIFAT array; beyond
  that (files over about 6.8 MiB) DIFAT sectors hold 127 more each.
* Each storage's children form a binary search tree in CFB name order
  (shorter name first, then code-point compare of the upper-cased names),
  built balanced from the sorted list and coloured as a valid red-black tree
  (see :func:`_build_tree`).

The file is built in memory; version 3 caps stream sizes at 4 GiB, far above
anything a VBA project reaches, and :func:`write_cfb` raises above that.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Mapping, Union

__all__ = ["write_cfb", "cfb_name_key", "Tree"]

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
DIR_ENTRY = 128

FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
DIFSECT = 0xFFFFFFFC
NOSTREAM = 0xFFFFFFFF

_HEADER_DIFAT = 109
_IDS_PER_SECTOR = SECTOR // 4  # 128 sector numbers per FAT / mini FAT sector
_MAX_STREAM = 0xFFFFFFFF  # version 3: stream sizes must fit in 32 bits

_TYPE_STORAGE, _TYPE_STREAM, _TYPE_ROOT = 1, 2, 5
_RED, _BLACK = 0, 1

# A tree maps names to stream bytes or to a nested tree (a storage).
Tree = Mapping[str, Union[bytes, "Tree"]]


def cfb_name_key(name: str) -> tuple[int, str]:
    """Sort key of MS-CFB 2.6.4: length first, then upper-cased comparison."""
    return len(name), name.upper()


def _check_name(name: str) -> None:
    if not name or len(name) > 31:
        raise ValueError(f"CFB entry name must be 1..31 characters: {name!r}")
    if any(ch in name for ch in "/\\:!") or any(ord(ch) < 0x20 for ch in name):
        raise ValueError(f"CFB entry name contains a forbidden character: {name!r}")


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: list["_Entry"] = field(default_factory=list)
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = _BLACK
    start: int = ENDOFCHAIN
    index: int = -1


def _collect(name: str, node: Tree | bytes, kind: int) -> _Entry:
    """Turn the user's nested mapping into entries, validating names."""
    if kind == _TYPE_STREAM:
        data = bytes(node)  # type: ignore[arg-type]
        if len(data) > _MAX_STREAM:
            raise ValueError(f"stream {name!r} is larger than 4 GiB, beyond CFB version 3")
        return _Entry(name, kind, data=data)
    entry = _Entry(name, kind)
    seen: set[str] = set()
    for child_name, child in node.items():  # type: ignore[union-attr]
        _check_name(child_name)
        if child_name.upper() in seen:
            raise ValueError(f"duplicate CFB entry name (case-insensitive): {child_name!r}")
        seen.add(child_name.upper())
        child_kind = _TYPE_STREAM if isinstance(child, (bytes, bytearray, memoryview)) else _TYPE_STORAGE
        entry.children.append(_collect(child_name, child, child_kind))
    return entry


def _build_tree(siblings: list[_Entry]) -> int:
    """Link ``siblings`` as a balanced red-black tree; return the root's index.

    Splitting the sorted list at its midpoint gives subtrees whose sizes
    differ by at most one, so every empty link sits at depth ``h`` or
    ``h - 1``. Colouring the nodes of the deepest level red (when it is not
    the root) then gives every root-to-leaf path the same number of black
    nodes and no red node a red child: a valid red-black tree, which is what
    MS-CFB 2.6.4 asks for, although common readers accept any search tree.
    """
    ordered = sorted(siblings, key=lambda e: cfb_name_key(e.name))
    depth_of: dict[int, int] = {}

    def link(lo: int, hi: int, depth: int) -> int:
        if lo >= hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        node = ordered[mid]
        depth_of[id(node)] = depth
        node.left = link(lo, mid, depth + 1)
        node.right = link(mid + 1, hi, depth + 1)
        return node.index

    root = link(0, len(ordered), 0)
    deepest = max(depth_of.values(), default=0)
    for node in ordered:
        node.color = _RED if depth_of[id(node)] == deepest and deepest > 0 else _BLACK
    return root


def _number(entry: _Entry, out: list[_Entry]) -> None:
    """Give entries directory indices, parents before their children."""
    entry.index = len(out)
    out.append(entry)
    for child in entry.children:
        _number(child, out)


def _dir_entry(e: _Entry) -> bytes:
    name = (e.name + "\0").encode("utf-16-le")
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name, len(name), e.kind, e.color, e.left, e.right, e.child,
        bytes(16),  # CLSID: zero
        0,  # state bits
        0, 0,  # creation / modification time: zero (deterministic)
        e.start if e.kind != _TYPE_STORAGE else 0,
        len(e.data),
    )


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _chain(table: list[int], first: int, count: int) -> None:
    """Write a chain of ``count`` consecutive sectors starting at ``first``."""
    for i in range(count - 1):
        table[first + i] = first + i + 1
    table[first + count - 1] = ENDOFCHAIN


def write_cfb(tree: Tree) -> bytes:
    """Serialise ``tree`` as a CFB version 3 file and return its bytes.

    ``tree`` maps entry names to ``bytes`` (a stream) or to another mapping
    (a storage), e.g. ``{"PROJECT": b"...", "VBA": {"dir": b"..."}}``.
    Names are 1..31 characters without ``/ \\ : !`` and unique per storage
    regardless of case. Entries keep the mapping's order in the directory.
    """
    root = _collect("Root Entry", tree, _TYPE_ROOT)
    entries: list[_Entry] = []
    _number(root, entries)
    for e in entries:
        if e.kind != _TYPE_STREAM:
            e.child = _build_tree(e.children)

    # Mini stream: small streams, each starting on a 64-byte boundary.
    mini_fat: list[int] = []
    mini_stream = bytearray()
    big: list[_Entry] = []
    for e in entries:
        if e.kind != _TYPE_STREAM or not e.data:
            continue  # empty streams keep start = ENDOFCHAIN
        if len(e.data) < MINI_CUTOFF:
            count = _ceil_div(len(e.data), MINI_SECTOR)
            e.start = len(mini_fat)
            mini_fat.extend([0] * count)
            _chain(mini_fat, e.start, count)
            mini_stream += e.data + bytes(count * MINI_SECTOR - len(e.data))
        else:
            big.append(e)
    root.data = bytes(mini_stream)  # the root entry's stream is the mini stream

    n_minifat = _ceil_div(len(mini_fat) * 4, SECTOR)
    n_dir = _ceil_div(len(entries) * DIR_ENTRY, SECTOR)
    n_mini_stream = _ceil_div(len(mini_stream), SECTOR)
    n_big = [_ceil_div(len(e.data), SECTOR) for e in big]
    n_data = n_minifat + n_dir + n_mini_stream + sum(n_big)

    # The FAT must also cover the FAT and DIFAT sectors: iterate to a fixpoint.
    n_fat, n_difat = 0, 0
    while True:
        total = n_data + n_fat + n_difat
        need_fat = _ceil_div(total, _IDS_PER_SECTOR)
        need_difat = _ceil_div(max(need_fat - _HEADER_DIFAT, 0), _IDS_PER_SECTOR - 1)
        if (need_fat, need_difat) == (n_fat, n_difat):
            break
        n_fat, n_difat = need_fat, need_difat

    fat = [FREESECT] * (n_fat * _IDS_PER_SECTOR)
    sector = 0
    fat_sectors = list(range(sector, sector + n_fat))
    for s in fat_sectors:
        fat[s] = FATSECT
    sector += n_fat
    difat_sectors = list(range(sector, sector + n_difat))
    for s in difat_sectors:
        fat[s] = DIFSECT
    sector += n_difat

    def place(count: int) -> int:
        nonlocal sector
        if count == 0:
            return ENDOFCHAIN
        first = sector
        _chain(fat, first, count)
        sector += count
        return first

    minifat_start = place(n_minifat)
    dir_start = place(n_dir)
    root.start = place(n_mini_stream)
    for e, count in zip(big, n_big):
        e.start = place(count)

    # Assemble sector contents in order.
    body = bytearray()
    body += struct.pack(f"<{len(fat)}I", *fat)
    # DIFAT sectors: FAT sector numbers after the first 109, 127 per sector,
    # the last slot chaining to the next DIFAT sector.
    rest = fat_sectors[_HEADER_DIFAT:]
    for i, s in enumerate(difat_sectors):
        ids = rest[i * 127:(i + 1) * 127]
        ids += [FREESECT] * (127 - len(ids))
        nxt = difat_sectors[i + 1] if i + 1 < len(difat_sectors) else ENDOFCHAIN
        body += struct.pack("<128I", *ids, nxt)
    if n_minifat:
        padded = mini_fat + [FREESECT] * (n_minifat * _IDS_PER_SECTOR - len(mini_fat))
        body += struct.pack(f"<{len(padded)}I", *padded)
    dir_bytes = b"".join(_dir_entry(e) for e in entries)
    # Unused slots: empty entries with all three links set to NOSTREAM.
    unused = struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM,
                         bytes(16), 0, 0, 0, 0, 0)
    dir_bytes += unused * (n_dir * SECTOR // DIR_ENTRY - len(entries))
    body += dir_bytes
    body += mini_stream + bytes(n_mini_stream * SECTOR - len(mini_stream))
    for e, count in zip(big, n_big):
        body += e.data + bytes(count * SECTOR - len(e.data))
    assert len(body) == sector * SECTOR, "sector layout out of step"

    header_difat = fat_sectors[:_HEADER_DIFAT] + [FREESECT] * (_HEADER_DIFAT - min(n_fat, _HEADER_DIFAT))
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        bytes(16),  # header CLSID
        0x003E,  # minor version
        0x0003,  # major version 3 (512-byte sectors)
        0xFFFE,  # byte order: little-endian
        9,  # sector shift: 2**9 = 512
        6,  # mini sector shift: 2**6 = 64
        bytes(6),
        0,  # number of directory sectors: must be 0 in version 3
        n_fat,
        dir_start,
        0,  # transaction signature
        MINI_CUTOFF,
        minifat_start,
        n_minifat,
        difat_sectors[0] if difat_sectors else ENDOFCHAIN,
        n_difat,
        *header_difat,
    )
    assert len(header) == SECTOR
    return header + bytes(body)
