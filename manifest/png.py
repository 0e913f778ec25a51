"""Read just enough of a PNG to check Teams' icon rules (size, white-on-transparent outline),
with the standard library, so that a bad icon is refused before an administrator uploads it."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # colour type -> samples a pixel


class PngError(ValueError):
    """The bytes are not a PNG this checker can read."""


@dataclass(frozen=True)
class PngImage:
    width: int
    height: int
    bit_depth: int
    colour_type: int
    interlaced: bool
    idat: bytes

    @property
    def has_alpha(self) -> bool:
        return self.colour_type in (4, 6)


def read_png(data: bytes) -> PngImage:
    """Parse the header and gather the image data chunks."""
    if not data.startswith(SIGNATURE):
        raise PngError("not a PNG file")
    header: tuple[int, ...] | None = None
    idat, offset = [], len(SIGNATURE)
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        offset += 12 + length
    if header is None:
        raise PngError("PNG has no IHDR header")
    width, height, depth, colour, _, _, interlace = header
    return PngImage(width, height, depth, colour, interlace == 1, b"".join(idat))


def rgba_pixels(image: PngImage) -> list[tuple[int, int, int, int]]:
    """Every pixel as RGBA, for 8-bit non-interlaced grey+alpha or RGBA images."""
    if image.bit_depth != 8 or image.interlaced or not image.has_alpha:
        raise PngError("expected an 8-bit, non-interlaced PNG with an alpha channel (RGBA)")
    channels = _CHANNELS[image.colour_type]
    rows = _unfilter(zlib.decompress(image.idat), image.width * channels, image.height, channels)
    if channels == 4:
        return [tuple(row[i:i + 4]) for row in rows for i in range(0, len(row), 4)]  # type: ignore[misc]
    return [(row[i], row[i], row[i], row[i + 1]) for row in rows for i in range(0, len(row), 2)]


def _unfilter(raw: bytes, stride: int, height: int, bpp: int) -> list[bytes]:
    """Undo PNG's per-row filters (none, sub, up, average, Paeth)."""
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = row[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            row[i] = (row[i] + _predict(kind, left, up, corner)) & 0xFF
        rows.append(bytes(row))
        previous = row
    return rows


def _predict(kind: int, left: int, up: int, corner: int) -> int:
    if kind == 0:
        return 0
    if kind == 1:
        return left
    if kind == 2:
        return up
    if kind == 3:
        return (left + up) // 2
    if kind == 4:
        estimate = left + up - corner
        distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
        return (left, up, corner)[distances.index(min(distances))]
    raise PngError(f"unknown PNG filter type {kind}")
