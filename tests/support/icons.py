"""PNGs for the icon tests, and Teams' pixel rule for the outline icon, with Pillow."""

from __future__ import annotations

from io import BytesIO

from PIL import Image

from manifest.checks import ManifestError

Pixel = tuple[int, int, int, int]
WHITE_TOLERANCE = 8
"""How far from pure white a visible outline pixel may be (colour management rounding)."""


def png(size: int, colour: Pixel = (27, 58, 92, 255), *, mode: str = "RGBA") -> bytes:
    """A square PNG of one colour, in `mode` (RGB has no alpha channel)."""
    out = BytesIO()
    Image.new("RGBA", (size, size), colour).convert(mode).save(out, format="PNG")
    return out.getvalue()


def white_disc_on_transparent(size: int, *, dot: Pixel | None = None) -> bytes:
    """A white disc on a transparent square; `dot` recolours its centre pixel."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    centre, radius = (size - 1) / 2, size / 3
    for y in range(size):
        for x in range(size):
            if (x - centre) ** 2 + (y - centre) ** 2 <= radius**2:
                image.putpixel((x, y), (255, 255, 255, 255))
    if dot is not None:
        image.putpixel((size // 2, size // 2), dot)
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def check_outline_pixels(data: bytes, name: str) -> None:
    """Teams' rule for the outline icon: white on a transparent background."""
    raw = Image.open(BytesIO(data)).convert("RGBA").tobytes()
    pixels = [tuple(raw[i:i + 4]) for i in range(0, len(raw), 4)]
    if not any(alpha == 0 for *_, alpha in pixels):
        raise ManifestError(f"{name} must have a transparent background; it has none")
    low = 255 - WHITE_TOLERANCE
    if any(alpha and min(r, g, b) < low for r, g, b, alpha in pixels):
        raise ManifestError(f"{name} must be white on transparent; it has coloured pixels")
