"""A part's bytes inflated by ISA-L (python-isal) where it can: a year of cases is a 160 MB worksheet part, which
zlib inflates in a quarter of a second and ISA-L in a tenth, its checksum in a fifth of the time too.

:func:`inflated` reads the entry's compressed bytes from the package itself and gives its bytes only when they are
exactly what ``zipfile`` would give (the local header as the central directory names it, the size and the CRC-32
checked); for anything else (another compression, an encrypted entry, a header or data that do not check out,
python-isal missing) it gives None and the caller reads through ``zipfile``, whose refusals are the ones tkops
reports (docs/ooxml.md#reading-values).
"""

from __future__ import annotations

import struct
import zipfile
import zlib

try:
    from isal import isal_zlib as _fast
except ImportError:  # optional: zipfile's own zlib reads every part
    _fast = None

_LOCAL = b"PK\x03\x04"
#: Below this a part is read by zipfile as it is: ISA-L's gain would not pay for the checks.
SMALL = 1 << 20


def inflated(data: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """The bytes of the entry ``info`` of the zip package ``data``, or None (read it through ``zipfile``)."""
    if _fast is None or info.file_size < SMALL or info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 1:
        return None
    at = info.header_offset
    if data[at:at + 4] != _LOCAL or len(data) < at + 30:
        return None
    name_length, extra_length = struct.unpack("<HH", data[at + 26:at + 30])
    start = at + 30 + name_length + extra_length
    if data[at + 30:at + 30 + name_length] != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437",
                                                                         "replace"):
        return None
    try:
        out = _fast.decompress(data[start:start + info.compress_size], -15)
    except (_fast.error, zlib.error, ValueError, OverflowError):
        return None
    if len(out) != info.file_size or _fast.crc32(out) != info.CRC:
        return None
    return out
