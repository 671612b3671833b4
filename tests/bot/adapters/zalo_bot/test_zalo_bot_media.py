"""Zalo Bot: images are read, and protected accounts (``message.unsupported.received``, no
content at all) get the team's contacts instead of silence."""

from __future__ import annotations

import io
import json

from bench.image_set import ERRORS, screenshot
from tests.bot.adapters.test_telegram_media import needs_ocr
from tests.fakes.loopback import serve
from tests.fakes.media_cdn import FakeCDN


def update(name: str, message_id: str, chat_id: str, **message: object) -> bytes:
    body = {
        "event_name": name,
        "message": {
            "message_id": message_id,
            "date": 1_764_000_000_000,
            "chat": {"id": chat_id, "chat_type": "PRIVATE"},
            "from": {"id": chat_id, "display_name": "Ông Ba", "is_bot": False},
            **message,
        },
    }
    return json.dumps(body).encode()


async def test_protected_account_gets_contacts_not_silence(bot_env):
    response = await bot_env.post(update("message.unsupported.received", "u1", "z-500"))
    assert response.status_code == 200
    [answer] = bot_env.fake.texts_to("z-500")
    assert "chưa đọc được tin nhắn này" in answer and "Tổ công nghệ số" in answer


@needs_ocr
async def test_image_is_read_and_answered(bot_env):
    cdn = FakeCDN()
    case = next(c for c in ERRORS if c.name == "vssid_login")
    buf = io.BytesIO()
    screenshot(case, dark=True).save(buf, "PNG")
    cdn.files["v.png"] = buf.getvalue()
    async with serve(cdn.app()) as base:
        await bot_env.post(update("message.image.received", "i1", "z-501", photo_url=f"{base}/media/v.png"))
    [answer] = bot_env.fake.texts_to("z-501")
    assert "1900 9068" in answer or "vssid" in answer.lower()
