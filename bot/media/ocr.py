"""Reading the text in a screenshot or a photo of a screen, with Tesseract's Vietnamese data.

Tesseract is a system package (``tesseract-ocr`` and ``tesseract-ocr-vie`` on Debian); without
it the bot still runs and says it cannot read images yet. OCR runs in a worker thread, one
image at a time (the machine has two cores and the bot has other residents to answer), with a
time limit, and refuses images too large to decode safely.
"""

from __future__ import annotations

import asyncio
import functools
import io
import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

LANG = "vie"
# A phone screenshot is 1–3 Mpx; a 48 Mpx camera photo is refused rather than decoded (memory).
MAX_PIXELS = 40_000_000
# Tesseract reads screen text best at roughly 1,000–1,600 px wide; larger only costs time.
TARGET_WIDTH = 1200
MIN_WIDTH = 700
OCR_TIMEOUT_S = 15.0
# Fewer letters than this on the first pass: try once more with the moiré filtered out.
ENOUGH_LETTERS = 40
_ONE_AT_A_TIME = threading.BoundedSemaphore(1)


class ImageRefused(Exception):
    """Not an image we can decode, or too many pixels."""


class OcrUnavailable(Exception):
    """Tesseract or its Vietnamese data is not installed."""


@functools.cache
def ocr_available() -> bool:
    """True when pytesseract, the tesseract binary and its Vietnamese data are all present."""
    try:
        import pytesseract

        return LANG in pytesseract.get_languages(config="")
    except Exception as exc:  # not installed, not on PATH, broken install
        log.info("OCR not available (%s): images cannot be read", type(exc).__name__)
        return False


def _prepare(data: bytes) -> Image.Image:
    from PIL import Image, ImageOps, ImageStat, UnidentifiedImageError

    try:
        opened = Image.open(io.BytesIO(data))
        w, h = opened.size
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ImageRefused("not an image") from exc
    if w * h > MAX_PIXELS or w < 16 or h < 16:
        raise ImageRefused(f"{w}x{h} px")
    try:
        img: Image.Image = ImageOps.exif_transpose(opened).convert("L")
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ImageRefused("cannot decode") from exc
    if ImageStat.Stat(img).mean[0] < 110:  # dark mode: Tesseract wants dark text on light
        img = ImageOps.invert(img)
    w, h = img.size
    if w > TARGET_WIDTH or w < MIN_WIDTH:
        scale = TARGET_WIDTH / w
        img = img.resize((TARGET_WIDTH, max(1, round(h * scale))), Image.Resampling.LANCZOS)
    return ImageOps.autocontrast(img)


def read_text_sync(data: bytes, timeout_s: float = OCR_TIMEOUT_S) -> str:
    """The text in an image (blocking). Raises ImageRefused, OcrUnavailable or TimeoutError."""
    if not ocr_available():
        raise OcrUnavailable
    import pytesseract
    from PIL import ImageFilter

    img = _prepare(data)
    with _ONE_AT_A_TIME:
        try:
            text = str(pytesseract.image_to_string(img, lang=LANG, timeout=timeout_s))
            if _letters(text) >= ENOUGH_LETTERS:
                return text
            # Photos of screens: moiré stripes hide the glyphs; a median filter removes them.
            again = str(
                pytesseract.image_to_string(img.filter(ImageFilter.MedianFilter(5)), lang=LANG, timeout=timeout_s)
            )
            return again if _letters(again) > _letters(text) else text
        except RuntimeError as exc:  # pytesseract raises RuntimeError on its timeout
            raise TimeoutError("OCR took too long") from exc


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


async def read_text(data: bytes, timeout_s: float = OCR_TIMEOUT_S) -> str:
    """Off the event loop, so a photo never delays other residents' answers."""
    return await asyncio.to_thread(read_text_sync, data, timeout_s)
