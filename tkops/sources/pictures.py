"""The team's pictures, read: the shop logo the packing slips print, and small copies of the photos in an evidence
folder for the pack's index. The cores get the bytes and sizes read here, never a path to open
(docs/architecture.md#what-a-core-may-not-do). Pillow comes with reportlab.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

#: The longer side of a thumbnail, in pixels.
THUMB_PX = 160
#: A photo larger than this gets no thumbnail: decoding it would cost more than the thumbnail is worth.
MAX_IMAGE_BYTES = 64 << 20


@dataclass(frozen=True)
class Picture:
    """An image file as read: its bytes and its size in pixels."""

    data: bytes
    width: int
    height: int


def read_picture(path: str | Path) -> Picture | None:
    """The image file at ``path``; None when there is no such file or Pillow cannot read it as an image (a file
    renamed to .png, a truncated one), so that the caller names the setting rather than failing in a renderer."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    return Picture(data, width, height)


def thumbnail(path: Path) -> str:
    """A small JPEG of the image at ``path`` as a data URI; "" when it cannot be read as an image."""
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return ""
        with Image.open(path) as image:
            image.draft("RGB", (THUMB_PX * 2, THUMB_PX * 2))  # JPEG: decode at a reduced scale
            small = ImageOps.exif_transpose(image)
            small.thumbnail((THUMB_PX, THUMB_PX))
            buffer = io.BytesIO()
            small.convert("RGB").save(buffer, "JPEG", quality=70)
    # A photo the team saved may be truncated, of a format Pillow lacks (HEIC), or a decompression bomb: no
    # thumbnail then; the file itself still goes into the archive.
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        return ""
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
