"""Photos, voice notes and stickers through PTB's real HTTP stack against the fake Bot API.

A screenshot of a VNeID error sent in a private chat is fetched with getFile, read with
Tesseract and answered like the typed question; the image and the text read are not stored.
"""

from __future__ import annotations

import asyncio
import io
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bench.image_set import ERRORS, screenshot
from bot.adapters.telegram import TelegramService
from bot.config import Config
from bot.media.ocr import ocr_available
from bot.store.db import Store
from bot.store.questions import Question
from bot.wiring import build_runtime
from tests.conftest import sample_config
from tests.fakes import updates as u
from tests.fakes.telegram_api import FakeBotAPI, running_fake

RESIDENT = u.user(5001, "Bà Năm")
GROUP_ID = -4001

needs_ocr = pytest.mark.skipif(
    not ocr_available() and not os.environ.get("LOASO_REQUIRE_OCR"),
    reason="tesseract-ocr and tesseract-ocr-vie are not installed",
)


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with running_fake() as f:
        yield f


@pytest.fixture
def tg_config(tmp_path: Path, fake: FakeBotAPI) -> Config:
    return sample_config(
        tmp_path, telegram={"base_url": fake.base_url, "base_file_url": fake.base_file_url, "poll_timeout": 1}
    )


@pytest.fixture
async def bot(tg_config: Config, store: Store, fake: FakeBotAPI) -> AsyncIterator[TelegramService]:
    rt = build_runtime(tg_config, store=store)
    await rt.open()
    service = TelegramService(rt, fake.token)
    await service.start()
    yield service
    await service.stop()


def png(case_name: str, **kw: Any) -> bytes:
    case = next(c for c in ERRORS if c.name == case_name)
    buf = io.BytesIO()
    screenshot(case, **kw).save(buf, "PNG")
    return buf.getvalue()


def photo(file_id: str, size: int) -> list[dict[str, Any]]:
    return [
        {"file_id": f"{file_id}-small", "file_unique_id": f"{file_id}-s", "width": 90, "height": 190, "file_size": 900},
        {"file_id": file_id, "file_unique_id": file_id, "width": 720, "height": 1520, "file_size": size},
    ]


async def replies_to(fake: FakeBotAPI, chat_id: int, count: int, within: float = 20.0) -> list[dict[str, Any]]:
    for _ in range(int(within * 20)):
        got = [m for m in fake.sent() if m["chat_id"] == chat_id]
        if len(got) >= count:
            return got
        await asyncio.sleep(0.05)
    return [m for m in fake.sent() if m["chat_id"] == chat_id]


@needs_ocr
async def test_private_screenshot_of_an_error_is_read_and_answered(
    fake: FakeBotAPI, bot: TelegramService, store: Store
) -> None:
    data = png("vneid_maintenance", dark=True)
    fake.add_file("shot1", data)
    fake.push(u.message(u.private(5001), RESIDENT, photo=photo("shot1", len(data))))
    [reply] = await replies_to(fake, 5001, 1)
    assert "bảo trì" in reply["text"].lower() or "thử lại" in reply["text"].lower()
    assert [c for c in fake.calls if c.method == "getFile"], "the image was fetched through getFile"
    async with store.session() as s:
        logged = (await s.execute(select(Question.text, Question.topic))).all()
    assert logged == [("[ảnh]", "vneid.errors")], "only a marker is logged, never the text read"


async def test_too_large_photo_is_refused_before_download(fake: FakeBotAPI, bot: TelegramService) -> None:
    fake.push(u.message(u.private(5002), u.user(5002), photo=photo("huge", 50 * 1024 * 1024)))
    [reply] = await replies_to(fake, 5002, 1)
    assert "lớn quá" in reply["text"] or "chưa đọc" in reply["text"]
    assert not [c for c in fake.calls if c.method == "getFile"]


async def test_voice_note_answered_kindly_once_a_day(fake: FakeBotAPI, bot: TelegramService) -> None:
    voice = {"file_id": "v1", "file_unique_id": "v1", "duration": 4, "mime_type": "audio/ogg", "file_size": 9000}
    fake.push(u.message(u.private(5003), u.user(5003), voice=voice))
    [first] = await replies_to(fake, 5003, 1)
    assert "chưa nghe được" in first["text"]
    fake.push(u.message(u.private(5003), u.user(5003), voice=voice))
    fake.push(u.message(u.private(5003), u.user(5003), "/help"))
    got = await replies_to(fake, 5003, 2)
    assert len(got) == 2 and "chưa nghe được" not in got[1]["text"], "the second voice note gets no second notice"


async def test_sticker_private_gets_a_pointer_group_stays_silent(fake: FakeBotAPI, bot: TelegramService) -> None:
    sticker = {
        "file_id": "s1",
        "file_unique_id": "s1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    fake.push(u.message(u.group(GROUP_ID), RESIDENT, sticker=sticker))
    fake.push(u.message(u.private(5004), u.user(5004), sticker=sticker))
    [reply] = await replies_to(fake, 5004, 1)
    assert "/trogiup" in reply["text"]
    fake.push(u.message(u.private(5004), u.user(5004), "/help"))
    await replies_to(fake, 5004, 2)
    assert not [m for m in fake.sent() if m["chat_id"] == GROUP_ID and "/trogiup" in m.get("text", "")]


@needs_ocr
async def test_screenshot_of_a_scam_sms_gets_the_scam_verdict(fake: FakeBotAPI, bot: TelegramService) -> None:
    data = png("sms_merger")
    fake.add_file("sms1", data)
    fake.push(u.message(u.private(5005), u.user(5005), photo=photo("sms1", len(data))))
    [reply] = await replies_to(fake, 5005, 1)
    assert "lừa đảo" in reply["text"].lower()
