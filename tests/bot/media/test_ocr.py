"""OCR refuses what it must not decode, and reads a rendered screenshot (when Tesseract is here)."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageStat

from bench.image_set import ERRORS, screenshot
from bot.media.ocr import MAX_PIXELS, ImageRefused, _prepare, read_text
from tests.bot.adapters.test_telegram_media import needs_ocr


def test_not_an_image_is_refused() -> None:
    with pytest.raises(ImageRefused):
        _prepare(b"GIF89a not really")


def test_too_many_pixels_is_refused_before_decoding() -> None:
    side = int(MAX_PIXELS**0.5) + 10
    buf = io.BytesIO()
    Image.new("1", (side, side)).save(buf, "PNG")  # small file, huge when decoded
    with pytest.raises(ImageRefused):
        _prepare(buf.getvalue())


def test_dark_mode_is_inverted_to_dark_text_on_light() -> None:
    buf = io.BytesIO()
    screenshot(ERRORS[0], dark=True).save(buf, "PNG")
    img = _prepare(buf.getvalue())
    assert ImageStat.Stat(img).mean[0] > 128


@needs_ocr
async def test_reads_vietnamese_with_diacritics_off_the_event_loop() -> None:
    buf = io.BytesIO()
    screenshot(next(c for c in ERRORS if c.name == "vneid_locked")).save(buf, "PNG")
    text = await read_text(buf.getvalue())
    assert "tạm khóa" in text and "đăng nhập sai" in text
