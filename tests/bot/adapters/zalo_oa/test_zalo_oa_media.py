"""Images and stickers on the Zalo OA webhook: the photo is fetched from (a fake of) Zalo's CDN
over loopback only when a handler reads it, and answered like a typed question."""

from __future__ import annotations

import io

from bench.image_set import ERRORS, screenshot
from tests.bot.adapters.test_telegram_media import needs_ocr
from tests.fakes import zalo_oa
from tests.fakes.loopback import serve
from tests.fakes.media_cdn import FakeCDN
from tests.fakes.zalo_env import now_ms, signed


def image_event(user_id: str, url: str, msg_id: str, name: str = "user_send_image") -> dict[str, object]:
    return {
        "app_id": zalo_oa.APP_ID,
        "event_name": name,
        "sender": {"id": user_id},
        "recipient": {"id": zalo_oa.OA_ID},
        "message": {"msg_id": msg_id, "attachments": [{"type": "image", "payload": {"url": url, "thumbnail": url}}]},
        "timestamp": str(now_ms()),
    }


@needs_ocr
async def test_private_image_is_fetched_read_and_answered(oa_env):
    cdn = FakeCDN()
    case = next(c for c in ERRORS if c.name == "bank_face")
    buf = io.BytesIO()
    screenshot(case).save(buf, "PNG")
    cdn.files["a.jpg"] = buf.getvalue()
    async with serve(cdn.app()) as base:
        response = await oa_env.post(*signed(image_event("u-300", f"{base}/media/a.jpg", "img1")))
    assert response.status_code == 200
    assert cdn.fetched == ["a.jpg"]
    [answer] = oa_env.fake.texts_to("u-300")
    assert "khuôn mặt" in answer.lower() or "sinh trắc" in answer.lower()


async def test_image_from_a_host_that_is_not_zalo_is_not_fetched(oa_env):
    event = image_event("u-301", "http://10.0.0.1/media/x.jpg", "img2")
    await oa_env.post(*signed(event))
    [answer] = oa_env.fake.texts_to("u-301")
    assert "chưa đọc rõ" in answer


async def test_sticker_in_private_gets_one_pointer_a_day(oa_env):
    for i in range(2):
        await oa_env.post(*signed(image_event("u-302", "https://zalo.me/s.png", f"st{i}", "user_send_sticker")))
    answers = oa_env.fake.texts_to("u-302")
    assert len(answers) == 1 and "/trogiup" in answers[0]
