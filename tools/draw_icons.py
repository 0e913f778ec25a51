"""Draw the Teams app icons (color.png 192x192, outline.png 32x32); Pillow writes the PNGs.

Twelve ring segments, one per C: eight for "Practitioners and Agencies", four for
"Structures and Processes", with wider gaps where the groups meet; "12C" inside on the
colour icon, "C" on the outline. Anti-aliased by supersampling.
Run: .venv/bin/python -m tools.draw_icons  (rewrites manifest/color.png and outline.png,
which are checked in; Pillow is a dev dependency only).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from PIL import Image

RGB = tuple[int, int, int]
Inside = Callable[[float, float], bool]

BACKGROUND: RGB = (0x1B, 0x3A, 0x5C)
GROUP_ONE: RGB = (0xF4, 0xB9, 0x42)
GROUP_TWO: RGB = (0x6F, 0xD1, 0xC4)
WHITE: RGB = (0xFF, 0xFF, 0xFF)
SUPERSAMPLE = 4


def arc(cx: float, cy: float, radius: float, width: float, a0: float, a1: float,
        round_caps: bool = True) -> Inside:
    """A stroked arc; angles in degrees, clockwise on screen from 3 o'clock."""
    ends = [(cx + radius * math.cos(math.radians(a)), cy + radius * math.sin(math.radians(a)))
            for a in (a0, a1)]

    def inside(x: float, y: float) -> bool:
        angle = math.degrees(math.atan2(y - cy, x - cx)) % 360
        if (angle - a0) % 360 <= (a1 - a0):
            return abs(math.hypot(x - cx, y - cy) - radius) <= width / 2
        return round_caps and any(math.hypot(x - ex, y - ey) <= width / 2 for ex, ey in ends)

    return inside


def line(x0: float, y0: float, x1: float, y1: float, width: float) -> Inside:
    """A stroked segment with round caps."""
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy

    def inside(x: float, y: float) -> bool:
        t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / length2))
        return math.hypot(x - x0 - t * dx, y - y0 - t * dy) <= width / 2

    return inside


def ring(size: int, radius: float, width: float, gap: float) -> list[tuple[Inside, RGB]]:
    """Twelve segments from 12 o'clock, clockwise; double gaps between the two groups."""
    gaps = [gap * (2 if i in (0, 8) else 1) for i in range(12)]  # gap before segment i
    span = (360 - sum(gaps)) / 12
    shapes, start = [], -90.0
    for i in range(12):
        start += gaps[i] / 2 + (gaps[i] if i else 0) / 2
        colour = GROUP_ONE if i < 8 else GROUP_TWO
        segment = arc(size / 2, size / 2, radius, width, start, start + span, round_caps=False)
        shapes.append((segment, colour))
        start += span
    return shapes


def glyph_c(cx: float, cy: float, height: float, width: float) -> list[Inside]:
    r = (height - width) / 2
    return [arc(cx, cy, r, width, 45, 315)]


def glyph_12(left: float, top: float, height: float, width: float) -> list[Inside]:
    """"1" then "2", each glyph half as wide as tall, drawn from strokes."""
    bottom, one_x = top + height - width / 2, left + height * 0.28
    r = height * 0.24
    bowl_x, bowl_y, two_left = left + height * 0.62 + r, top + width / 2 + r, left + height * 0.6
    end_x, end_y = bowl_x + r * math.cos(math.radians(35)), bowl_y + r * math.sin(math.radians(35))
    return [
        line(one_x, top + width / 2, one_x, bottom, width),
        line(one_x, top + width / 2, one_x - height * 0.18, top + height * 0.2, width),
        arc(bowl_x, bowl_y, r, width, 180, 395),
        line(end_x, end_y, two_left + width / 2, bottom, width),
        line(two_left + width / 2, bottom, bowl_x + r, bottom, width),
    ]


def render(size: int, shapes: list[tuple[Inside, RGB]], background: RGB | None) -> bytes:
    """RGBA pixels: each shape's coverage from SUPERSAMPLE^2 samples, composited in order."""
    pixels = [[(*background, 255) if background else (0, 0, 0, 0) for _ in range(size)]
              for _ in range(size)]
    step = 1 / SUPERSAMPLE
    for inside, colour in shapes:
        for py in range(size):
            for px in range(size):
                hits = sum(inside(px + (i + 0.5) * step, py + (j + 0.5) * step)
                           for i in range(SUPERSAMPLE) for j in range(SUPERSAMPLE))
                if hits:
                    pixels[py][px] = over(colour, hits / SUPERSAMPLE**2, pixels[py][px])
    return bytes(v for row in pixels for p in row for v in p)


def over(colour: RGB, alpha: float, under: tuple[int, ...]) -> tuple[int, int, int, int]:
    """Porter-Duff "over" of a colour with coverage `alpha` on an RGBA pixel."""
    ua = under[3] / 255
    out_a = alpha + ua * (1 - alpha)
    mix = [(c * alpha + u * ua * (1 - alpha)) / out_a for c, u in zip(colour, under, strict=False)]
    r, g, b = (round(v) for v in mix)
    return r, g, b, round(out_a * 255)


def png(size: int, rgba: bytes) -> bytes:
    out = BytesIO()
    Image.frombytes("RGBA", (size, size), rgba).save(out, format="PNG", optimize=True)
    return out.getvalue()


def colour_icon() -> bytes:
    shapes = ring(192, 53, 11, 5)  # outer edge 58.5: inside Teams' 120x120 safe area
    shapes += [(g, WHITE) for g in glyph_12(60.5, 81, 30, 6) + glyph_c(116.5, 96, 30, 6)]
    return png(192, render(192, shapes, BACKGROUND))


def outline_icon() -> bytes:
    shapes = [(inside, WHITE) for inside, _ in ring(32, 12, 3.2, 8)]
    shapes += [(g, WHITE) for g in glyph_c(16, 16, 12, 2.8)]
    return png(32, render(32, shapes, None))


if __name__ == "__main__":
    here = Path(__file__).resolve().parents[1] / "manifest"
    (here / "color.png").write_bytes(colour_icon())
    (here / "outline.png").write_bytes(outline_icon())
