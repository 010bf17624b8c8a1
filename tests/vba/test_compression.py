"""MS-OVBA 2.4.1 compression: spec examples, round trips, olevba cross-check."""

from __future__ import annotations

import os
import struct

import pytest
from hypothesis import given, settings, strategies as st
from oletools.olevba import decompress_stream

from tkops.vba.compression import CHUNK_SIZE, chunk_kinds, compress, decompress

# [MS-OVBA] 3.2.1 / 3.2.2 / 3.2.3: input text and the compressed bytes the
# spec gives for it.
SPEC_EXAMPLES = {
    "no compression": (
        b"abcdefghijklmnopqrstuv.",
        "01 19 B0 00 61 62 63 64 65 66 67 68 00 69 6A 6B 6C 6D 6E 6F 70 00 71 72 73 74 75 76 2E",
    ),
    "normal compression": (
        b"#aaabcdefaaaaghijaaaaaklaaamnopqaaaaaaaaaaaarstuvwxyzaaa",
        "01 2F B0 00 23 61 61 61 62 63 64 65 82 66 00 70 61 67 68 69 6A 01 38 08 61 6B 6C 00 20 6D 6E"
        " 6F 70 06 71 02 70 04 00 72 73 74 75 76 10 77 78 79 7A 00 2C",
    ),
    "maximum compression": (b"a" * 73, "01 03 B0 02 61 45 00"),
}


def olevba_decompress(container: bytes) -> bytes:
    return bytes(decompress_stream(bytearray(container)))


# --- a literal transcription of the spec's pseudocode (2.4.1.3.6 - 2.4.1.3.19),
# slow (it scans every earlier position) but obviously faithful: the real
# compressor must give byte-identical output.

def spec_compress(data: bytes) -> bytes:
    out = bytearray([0x01])
    current = 0
    while current < len(data):
        chunk_start_c = len(out)
        chunk_start_d = current
        out += b"\0\0"
        compressed_end = chunk_start_c + 4098
        decompressed_end = min(chunk_start_d + 4096, len(data))
        while current < decompressed_end and len(out) < compressed_end:
            flag_index = len(out)
            out.append(0)
            flags = 0
            for index in range(8):
                if current < decompressed_end and len(out) < compressed_end:
                    # Matching (2.4.1.3.19.4)
                    candidate = current - 1
                    best_length = 0
                    best_candidate = 0
                    while candidate >= chunk_start_d:
                        c, d, length = candidate, current, 0
                        while d < decompressed_end and data[d] == data[c]:
                            length += 1
                            c += 1
                            d += 1
                        if length > best_length:
                            best_length, best_candidate = length, candidate
                        candidate -= 1
                    if best_length >= 3:
                        difference = current - chunk_start_d
                        bit_count = max((difference - 1).bit_length(), 4)
                        length = min(best_length, (0xFFFF >> bit_count) + 3)
                        offset = current - best_candidate
                        if len(out) + 1 < compressed_end:
                            out += struct.pack("<H", ((offset - 1) << (16 - bit_count)) | (length - 3))
                            flags |= 1 << index
                            current += length
                        else:
                            out += b"\0" * (compressed_end - len(out))
                    else:
                        if len(out) < compressed_end:
                            out.append(data[current])
                            current += 1
                        else:
                            out += b"\0" * (compressed_end - len(out))
            out[flag_index] = flags
        if current < decompressed_end:
            del out[chunk_start_c + 2:]
            raw = data[chunk_start_d:chunk_start_d + 4096]
            out += raw + bytes(4096 - len(raw))
            out[chunk_start_c:chunk_start_c + 2] = struct.pack("<H", 0x3000 | 4095)
            current = decompressed_end
        else:
            size = len(out) - chunk_start_c
            out[chunk_start_c:chunk_start_c + 2] = struct.pack("<H", 0xB000 | (size - 3))
    return bytes(out)


@pytest.mark.parametrize("name", list(SPEC_EXAMPLES))
def test_spec_examples_compress_exactly(name):
    data, hex_text = SPEC_EXAMPLES[name]
    assert compress(data) == bytes.fromhex(hex_text)


@pytest.mark.parametrize("name", list(SPEC_EXAMPLES))
def test_spec_examples_decompress(name):
    data, hex_text = SPEC_EXAMPLES[name]
    assert decompress(bytes.fromhex(hex_text)) == data
    assert olevba_decompress(bytes.fromhex(hex_text)) == data


def test_reference_transcription_matches_spec_examples():
    # The test oracle itself must reproduce the spec's bytes.
    for data, hex_text in SPEC_EXAMPLES.values():
        assert spec_compress(data) == bytes.fromhex(hex_text)


small_inputs = st.one_of(
    st.binary(max_size=300),
    st.text(alphabet="ab", max_size=300).map(str.encode),
    st.lists(st.sampled_from([b"Dim ", b"x", b"\r\n", b"End Sub", b"a", b"aa"]), max_size=80).map(b"".join),
)


@settings(max_examples=150, deadline=None, database=None)
@given(small_inputs)
def test_same_bytes_as_spec_pseudocode(data):
    assert compress(data) == spec_compress(data)


def test_same_bytes_as_spec_pseudocode_over_chunks():
    # Several chunks, text-like and incompressible, checked against the oracle.
    text = b"".join(b"    Cells(%d, 1).Value = Item%d\r\n" % (i, i * 7) for i in range(400))
    for data in (text[:9000], os.urandom(5000), b"ab" * 3000):
        assert compress(data) == spec_compress(data)


def _repetitive(draw_parts):
    unit, count, tail = draw_parts
    return unit * count + tail


repetitive_inputs = st.tuples(st.binary(min_size=1, max_size=40), st.integers(1, 700),
                              st.binary(max_size=50)).map(_repetitive)
any_inputs = st.one_of(st.binary(max_size=13000), repetitive_inputs)


@settings(max_examples=120, deadline=None, database=None)
@given(any_inputs)
def test_round_trip(data):
    container = compress(data)
    out = decompress(container)
    # A raw final chunk is padded to 4096 bytes with zeros (MS-OVBA 2.4.1.3.10).
    assert out[:len(data)] == data
    assert set(out[len(data):]) <= {0}
    if not chunk_kinds(container) or chunk_kinds(container)[-1] == "compressed":
        assert out == data
    # An independent decompressor agrees.
    assert olevba_decompress(container) == out


@settings(max_examples=60, deadline=None, database=None)
@given(repetitive_inputs)
def test_repetitive_input_compresses(data):
    container = compress(data)
    assert decompress(container) == data
    assert "raw" not in chunk_kinds(container)
    if len(data) > 200:
        assert len(container) < len(data)


def test_chunk_layout():
    assert compress(b"") == b"\x01"
    assert decompress(b"\x01") == b""
    # 12,600 bytes -> four chunks, all compressed for repetitive text.
    data = b"Sub A()\r\nEnd Sub\r\n" * 700
    assert chunk_kinds(compress(data)) == ["compressed"] * -(-len(data) // CHUNK_SIZE)


def test_incompressible_chunks_are_raw():
    data = os.urandom(CHUNK_SIZE * 2 + 100)
    container = compress(data)
    assert chunk_kinds(container) == ["raw", "raw", "compressed"]  # 100 literals still fit
    assert decompress(container) == data
    # Raw chunks: header 0x3FFF (flag 0, signature 0b011, size 4098 - 3).
    assert container[1:3] == b"\xff\x3f"


def test_short_incompressible_final_chunk_is_padded():
    data = os.urandom(4000)  # 4000 literals need 4500 bytes: more than 4096
    container = compress(data)
    assert chunk_kinds(container) == ["raw"]
    assert decompress(container) == data + bytes(96)
    assert olevba_decompress(container) == data + bytes(96)


@pytest.mark.parametrize("bad, message", [
    (b"", "signature"),
    (b"\x02\x00\xb0", "signature"),
    (b"\x01\x00", "truncated"),
    (b"\x01\x05\xa0\x00abc", "chunk signature"),
    (b"\x01\x05\x30abc", "raw chunk"),
    (b"\x01\x10\xb0\x00abc", "past the end"),
    (b"\x01\x02\xb0\x01\x00\x00", "start of a chunk"),
    (b"\x01\x03\xb0\x02a\x00\x10", "before the start"),
])
def test_malformed_containers_raise(bad, message):
    with pytest.raises(ValueError, match=message):
        decompress(bad)
