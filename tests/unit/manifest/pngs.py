"""Write small PNGs for the icon checks, using every PNG row filter like image editors do."""

from __future__ import annotations

import struct
import zlib

Pixel = tuple[int, int, int, int]


def _paeth(left: int, up: int, corner: int) -> int:
    estimate = left + up - corner
    distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
    return (left, up, corner)[distances.index(min(distances))]


def _filter(kind: int, row: bytes, previous: bytes, bpp: int) -> bytes:
    out = bytearray([kind])
    for i, value in enumerate(row):
        left = row[i - bpp] if i >= bpp else 0
        up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
        predicted = [0, left, up, (left + up) // 2, _paeth(left, up, corner)][kind]
        out.append((value - predicted) & 0xFF)
    return bytes(out)


def make_png(pixels: list[list[Pixel]], *, colour_type: int = 6) -> bytes:
    """An 8-bit RGBA (6) or RGB (2) PNG; row y uses filter y % 5."""
    height, width = len(pixels), len(pixels[0])
    bpp = 4 if colour_type == 6 else 3
    rows = [bytes(v for p in row for v in p[:bpp]) for row in pixels]
    previous, raw = bytes(width * bpp), b""
    for y, row in enumerate(rows):
        raw += _filter(y % 5, row, previous, bpp)
        previous = row
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw))
            + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def filled(size: int, pixel: Pixel) -> list[list[Pixel]]:
    return [[pixel] * size for _ in range(size)]


def white_disc_on_transparent(size: int) -> list[list[Pixel]]:
    """A white disc with soft edges on a transparent square: a valid outline icon."""
    centre, radius = size / 2, size / 3
    return [[(255, 255, 255, max(0, min(255, int((radius - ((x - centre) ** 2 + (y - centre) ** 2)
                                                      ** 0.5) * 255))))
             for x in range(size)] for y in range(size)]
