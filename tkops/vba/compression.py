"""MS-OVBA 2.4.1 compression and decompression ("CompressedContainer").

VBA stores the ``dir`` stream and every module's source text in this LZ77
variant. A container is the signature byte 0x01 followed by chunks; each
chunk holds at most 4096 decompressed bytes and starts with a 16-bit
little-endian CompressedChunkHeader:

* bits 0-11: chunk size in bytes (header included) minus 3,
* bits 12-14: signature, always 0b011,
* bit 15: 1 = compressed (token sequences), 0 = raw (4096 bytes as-is).

A compressed chunk is a series of token sequences: one flag byte, then up to
eight tokens; flag bit *i* (least significant first) says whether token *i* is
a literal byte (0) or a 2-byte copy token (1). A copy token packs
``offset - 1`` in its high bits and ``length - 3`` in its low bits; how many
bits go to the offset depends on how far into the chunk the token starts
(:func:`_copy_token_bits`), from 4 bits near the start to 12 bits at the end.

The compressor makes exactly the choices of the spec's pseudocode
(2.4.1.3.6 to 2.4.1.3.19): greedy longest match inside the current chunk,
ties going to the nearest candidate, and a raw chunk when the compressed
form would not fit in 4098 bytes. Only the match search is faster (a hash
chain on 3-byte prefixes instead of a scan of every earlier position), which
cannot change the result because a match shorter than 3 bytes is never used.
"""

from __future__ import annotations

import struct

__all__ = ["compress", "decompress", "chunk_kinds", "CHUNK_SIZE"]

CHUNK_SIZE = 4096
_SIGNATURE = 0x01
# Largest chunk on disk: 2-byte header + 4096 bytes (header size field 0xFFF).
_MAX_COMPRESSED_CHUNK = CHUNK_SIZE + 2


def _copy_token_bits(position_in_chunk: int) -> int:
    """Number of offset bits in a copy token starting at ``position_in_chunk``.

    MS-OVBA 2.4.1.3.19.1 (CopyToken Help): ``max(ceil(log2(difference)), 4)``
    where ``difference`` is the number of bytes already decompressed in this
    chunk. Integer arithmetic avoids float rounding.
    """
    return max((position_in_chunk - 1).bit_length(), 4)


def _match_length(chunk: bytes, candidate: int, current: int, need: int) -> int:
    """Length of the common run at ``candidate`` and ``current`` if > ``need`` - 1.

    Returns 0 when the run is shorter than ``need`` bytes. The slice test lets
    C code reject a candidate that cannot beat the best match so far; the
    runs may overlap (candidate + length > current), as the spec allows.
    """
    end = len(chunk)
    if current + need > end or chunk[candidate:candidate + need] != chunk[current:current + need]:
        return 0
    length = need
    # Extend in 64-byte steps, then byte by byte.
    while current + length + 64 <= end and (
            chunk[candidate + length:candidate + length + 64] == chunk[current + length:current + length + 64]):
        length += 64
    while current + length < end and chunk[candidate + length] == chunk[current + length]:
        length += 1
    return length


def _compress_chunk(chunk: bytes) -> bytes:
    """Compress one decompressed chunk (at most 4096 bytes) with its header.

    Follows MS-OVBA 2.4.1.3.7 (Compressing a DecompressedChunk): token
    sequences until the input is consumed or the 4098-byte budget is spent;
    in the latter case the chunk is written raw (2.4.1.3.10).
    """
    out = bytearray(b"\x00\x00")  # header placeholder
    current = 0
    end = len(chunk)
    chains: dict[bytes, list[int]] = {}  # 3-byte prefix -> positions, ascending
    indexed = 0  # positions below this are in ``chains``
    fits = True

    while current < end and fits:
        flag_index = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if current >= end:
                break
            # Index every position before ``current`` as a match candidate.
            while indexed < current:
                chains.setdefault(chunk[indexed:indexed + 3], []).append(indexed)
                indexed += 1
            best_length = 0
            best_candidate = -1
            if current + 3 <= end:
                # Nearest first; strictly longer wins, so ties keep the nearest
                # candidate, exactly like the spec's descending scan with ">".
                for candidate in reversed(chains.get(chunk[current:current + 3], ())):
                    length = _match_length(chunk, candidate, current, max(best_length + 1, 3))
                    if length:
                        best_length, best_candidate = length, candidate
            if best_length >= 3:
                if len(out) + 2 > _MAX_COMPRESSED_CHUNK:
                    fits = False
                    break
                bits = _copy_token_bits(current)
                length = min(best_length, (0xFFFF >> bits) + 3)
                offset = current - best_candidate
                out += struct.pack("<H", ((offset - 1) << (16 - bits)) | (length - 3))
                flags |= 1 << bit
                current += length
            else:
                if len(out) + 1 > _MAX_COMPRESSED_CHUNK:
                    fits = False
                    break
                out.append(chunk[current])
                current += 1
        out[flag_index] = flags

    if current < end or not fits:
        # Raw chunk: always 4096 data bytes; a short final chunk is padded with
        # zeros (MS-OVBA 2.4.1.3.10), which a decompressor gives back as-is.
        header = 0x3000 | (CHUNK_SIZE + 2 - 3)
        return struct.pack("<H", header) + chunk + bytes(CHUNK_SIZE - len(chunk))
    header = 0x8000 | 0x3000 | (len(out) - 3)
    out[0:2] = struct.pack("<H", header)
    return bytes(out)


def compress(data: bytes) -> bytes:
    """Compress ``data`` into an MS-OVBA CompressedContainer.

    Empty input gives the bare signature byte, as in the spec's algorithm
    (no chunk at all). If a final chunk shorter than 4096 bytes cannot be
    compressed (only possible for random-like data of 3641..4095 bytes) it
    is stored raw and so padded with zeros: :func:`decompress` then returns
    ``data`` followed by those zeros. VBA source text never gets there.
    """
    data = bytes(data)
    out = bytearray([_SIGNATURE])
    for start in range(0, len(data), CHUNK_SIZE):
        out += _compress_chunk(data[start:start + CHUNK_SIZE])
    return bytes(out)


def _chunks(container: bytes):
    """Yield ``(compressed_flag, chunk_data)`` for each chunk, validating headers."""
    if not container or container[0] != _SIGNATURE:
        raise ValueError("not an MS-OVBA compressed container: signature byte must be 0x01")
    pos = 1
    while pos < len(container):
        if pos + 2 > len(container):
            raise ValueError(f"truncated chunk header at byte {pos}")
        (header,) = struct.unpack_from("<H", container, pos)
        size = (header & 0x0FFF) + 3
        if (header >> 12) & 0b111 != 0b011:
            raise ValueError(f"bad chunk signature at byte {pos}")
        compressed = bool(header >> 15)
        if not compressed and size != _MAX_COMPRESSED_CHUNK:
            raise ValueError(f"raw chunk at byte {pos} must hold 4096 bytes, header says {size - 2}")
        if pos + size > len(container):
            raise ValueError(f"chunk at byte {pos} runs past the end of the container")
        yield compressed, container[pos + 2:pos + size]
        pos += size


def _decompress_chunk(data: bytes, out: bytearray) -> None:
    """Append the decompressed bytes of one compressed chunk to ``out``."""
    start = len(out)
    pos = 0
    while pos < len(data):
        flags = data[pos]
        pos += 1
        for bit in range(8):
            if pos >= len(data):
                break
            if not (flags >> bit) & 1:
                out.append(data[pos])
                pos += 1
                continue
            if pos + 2 > len(data):
                raise ValueError("truncated copy token")
            (token,) = struct.unpack_from("<H", data, pos)
            pos += 2
            current = len(out) - start
            if current == 0:
                raise ValueError("copy token at the start of a chunk")
            bits = _copy_token_bits(current)
            length = (token & (0xFFFF >> bits)) + 3
            offset = (token >> (16 - bits)) + 1
            if offset > current:
                raise ValueError("copy token points before the start of its chunk")
            source = len(out) - offset
            if offset >= length:
                out += out[source:source + length]
            else:  # overlapping copy: repeat the last ``offset`` bytes
                for i in range(length):
                    out.append(out[source + i])
            if len(out) - start > CHUNK_SIZE:
                raise ValueError("chunk decompresses to more than 4096 bytes")


def decompress(container: bytes) -> bytes:
    """Decompress an MS-OVBA CompressedContainer (MS-OVBA 2.4.1.3.1).

    Raises ``ValueError`` on a malformed container instead of guessing.
    """
    out = bytearray()
    for compressed, data in _chunks(bytes(container)):
        if compressed:
            _decompress_chunk(data, out)
        else:
            out += data
    return bytes(out)


def chunk_kinds(container: bytes) -> list[str]:
    """List ``"compressed"`` or ``"raw"`` for each chunk of ``container``.

    A diagnostic: Excel-written projects use compressed chunks, so a raw
    chunk in a module stream is worth knowing about.
    """
    return ["compressed" if c else "raw" for c, _ in _chunks(bytes(container))]
