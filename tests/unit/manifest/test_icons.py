"""Teams refuses icons of the wrong size and outline icons that are not white on transparent;
the builder must refuse them first, with a message that names the file."""

from __future__ import annotations

import re

import pytest

from manifest.checks import ManifestError, check_icon
from manifest.png import read_png, rgba_pixels
from tests.unit.manifest.pngs import filled, make_png, white_disc_on_transparent

TRANSPARENT = (0, 0, 0, 0)


def test_pixels_are_decoded_exactly_whatever_row_filter_was_used() -> None:
    pixels = [[(x * 20 % 256, y * 30 % 256, (x * y) % 256, 255 - x) for x in range(9)]
              for y in range(10)]
    decoded = rgba_pixels(read_png(make_png(pixels)))
    assert decoded == [p for row in pixels for p in row]


def test_a_colour_icon_of_the_right_size_is_accepted() -> None:
    check_icon(make_png(filled(192, (27, 58, 92, 255)), colour_type=2), "color.png", 192,
               outline=False)


@pytest.mark.parametrize(("size", "name", "expected"), [(96, "color.png", 192),
                                                        (48, "outline.png", 32)])
def test_an_icon_of_the_wrong_size_is_refused(size: int, name: str, expected: int) -> None:
    data = make_png(white_disc_on_transparent(size))
    with pytest.raises(ManifestError, match=re.escape(
            f"{name} must be {expected}x{expected} pixels, it is {size}x{size}")):
        check_icon(data, name, expected, outline=name == "outline.png")


def test_a_white_outline_on_transparent_is_accepted() -> None:
    check_icon(make_png(white_disc_on_transparent(32)), "outline.png", 32, outline=True)


def test_an_outline_without_transparency_is_refused() -> None:
    opaque = make_png(filled(32, (255, 255, 255, 255)))
    with pytest.raises(ManifestError, match=re.escape("transparent background")):
        check_icon(opaque, "outline.png", 32, outline=True)


def test_an_outline_without_an_alpha_channel_is_refused() -> None:
    rgb = make_png(filled(32, (255, 255, 255, 255)), colour_type=2)
    with pytest.raises(ManifestError, match=re.escape("alpha channel")):
        check_icon(rgb, "outline.png", 32, outline=True)


def test_a_coloured_outline_is_refused() -> None:
    pixels = white_disc_on_transparent(32)
    pixels[16][16] = (70, 78, 184, 255)
    with pytest.raises(ManifestError, match=re.escape("white on transparent")):
        check_icon(make_png(pixels), "outline.png", 32, outline=True)


def test_a_file_that_is_not_a_png_is_refused() -> None:
    with pytest.raises(ManifestError, match=re.escape("color.png: not a PNG")):
        check_icon(b"GIF89a...", "color.png", 192, outline=False)
