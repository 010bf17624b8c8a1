"""A tiny PNG reader (standard library only) for checking rendered pages: 8-bit greyscale, RGB, RGBA or palette
images, not interlaced, as pdftoppm writes them."""

from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def read_png(data: bytes) -> tuple[int, int, list[list[tuple[int, int, int]]]]:
    """Return (width, height, rows of RGB pixels)."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    pos = len(SIGNATURE)
    idat = bytearray()
    palette = b""
    width = height = depth = color = interlace = None
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _c, _f, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    if depth != 8 or interlace or color not in CHANNELS:
        raise ValueError(f"unsupported PNG: bit depth {depth}, colour type {color}, interlace {interlace}")
    channels = CHANNELS[color]
    stride = width * channels
    raw = zlib.decompress(bytes(idat))
    rows: list[list[tuple[int, int, int]]] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                pred = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
                line[i] = (line[i] + pred) & 0xFF
            elif kind != 0:
                raise ValueError(f"bad PNG filter type {kind}")
        rows.append([_rgb(line, x * channels, color, palette) for x in range(width)])
        previous = line
    return width, height, rows


def _rgb(line: bytearray, i: int, color: int, palette: bytes) -> tuple[int, int, int]:
    if color in (2, 6):
        return line[i], line[i + 1], line[i + 2]
    if color == 3:
        j = line[i] * 3
        return palette[j], palette[j + 1], palette[j + 2]
    return line[i], line[i], line[i]
