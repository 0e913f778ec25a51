"""tools/draw_icons.py draws exactly the icons the package ships, so they can be redrawn."""

from io import BytesIO

import pytest
from PIL import Image

from manifest.builder import ASSETS
from tools.draw_icons import colour_icon, outline_icon


def _pixels(data: bytes) -> bytes:
    return Image.open(BytesIO(data)).convert("RGBA").tobytes()


@pytest.mark.parametrize(("name", "draw"), [("color.png", colour_icon),
                                            ("outline.png", outline_icon)])
def test_the_drawn_icon_is_the_shipped_one(name: str, draw: object) -> None:
    assert callable(draw)
    assert _pixels(draw()) == _pixels(ASSETS.joinpath(name).read_bytes())
