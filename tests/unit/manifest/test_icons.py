"""Teams refuses icons of the wrong size and outline icons that are not white on transparent:
the builder refuses a wrong size or a missing alpha channel first, naming the file, and the
icons the package ships keep Teams' pixel rule."""

from __future__ import annotations

import re

import pytest

from manifest.builder import ASSETS, ICONS
from manifest.checks import ManifestError, check_icon
from tests.support.icons import check_outline_pixels, png, white_disc_on_transparent


def test_a_colour_icon_of_the_right_size_is_accepted() -> None:
    check_icon(png(192, mode="RGB"), "color.png", 192, outline=False)


@pytest.mark.parametrize(("size", "name", "expected"), [(96, "color.png", 192),
                                                        (48, "outline.png", 32)])
def test_an_icon_of_the_wrong_size_is_refused(size: int, name: str, expected: int) -> None:
    with pytest.raises(ManifestError, match=re.escape(
            f"{name} must be {expected}x{expected} pixels, it is {size}x{size}")):
        check_icon(white_disc_on_transparent(size), name, expected,
                   outline=name == "outline.png")


def test_an_outline_without_an_alpha_channel_is_refused() -> None:
    with pytest.raises(ManifestError, match=re.escape("alpha channel")):
        check_icon(png(32, mode="RGB"), "outline.png", 32, outline=True)


def test_a_file_that_is_not_a_png_is_refused() -> None:
    with pytest.raises(ManifestError, match=re.escape("color.png: not a PNG")):
        check_icon(b"GIF89a...", "color.png", 192, outline=False)


@pytest.mark.parametrize("name", sorted(ICONS))
def test_the_shipped_icons_pass_the_builders_checks(name: str) -> None:
    size, outline = ICONS[name]
    check_icon(ASSETS.joinpath(name).read_bytes(), name, size, outline=outline)


def test_the_shipped_outline_is_white_on_transparent() -> None:
    check_outline_pixels(ASSETS.joinpath("outline.png").read_bytes(), "outline.png")


def test_a_white_outline_on_transparent_keeps_the_pixel_rule() -> None:
    check_outline_pixels(white_disc_on_transparent(32), "outline.png")


def test_an_outline_without_transparency_breaks_the_pixel_rule() -> None:
    with pytest.raises(ManifestError, match=re.escape("transparent background")):
        check_outline_pixels(png(32, (255, 255, 255, 255)), "outline.png")


def test_a_coloured_outline_breaks_the_pixel_rule() -> None:
    with pytest.raises(ManifestError, match=re.escape("white on transparent")):
        check_outline_pixels(white_disc_on_transparent(32, dot=(70, 78, 184, 255)),
                             "outline.png")
