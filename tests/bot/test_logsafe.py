"""No secret in any log line at DEBUG, with SQL echo on (issue 12, item 10): the whole app
runs (Telegram webhook registration, Zalo OA token refresh, Zalo Bot, the dashboard's
session secret, failing calls that carry the token in their URL) and the captured logs are
searched for every secret."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.adapters.zalo_bot.client import ZaloBotClient
from bot.logsafe import MASK, redact, register_secret, scrub
from bot.store.accounts import AppSecret
from tests.fakes import zalo_bot, zalo_oa
from tests.fakes.whole_app import OA_FIRST_REFRESH, OA_TOKEN_PREFIX, TELEGRAM_SECRET, whole_app


async def test_no_secret_in_debug_logs_or_sql_echo(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    async with whole_app(tmp_path, monkeypatch, echo=True) as w:
        await w.oa.tokens.access_token()  # refresh: the rotated tokens go through SQL parameters
        transport = httpx.ASGITransport(app=w.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://loaso.test") as web:
            await web.get("/login")  # creates and stores the session-signing secret
        async with w.runtime.store.session() as s:
            session_secret = (await s.execute(select(AppSecret.value))).scalar_one()
        # a call that fails with the token in its URL (nothing listens on port 9)
        async with httpx.AsyncClient() as http:
            client = ZaloBotClient(http, "http://127.0.0.1:9", zalo_bot.BOT_TOKEN)
            with pytest.raises(Exception):  # noqa: B017 - whatever it raises, its text is logged below
                await client.call("getMe", {})
        logging.getLogger("test").exception("bot token in a traceback: %s", zalo_bot.BOT_TOKEN)
        issued = sorted(w.oa_fake.access_tokens | w.oa_fake.refresh_tokens)
        secrets = {
            "telegram token": w.telegram_token,
            "telegram webhook secret": TELEGRAM_SECRET,
            "zalo oa secret key": zalo_oa.OA_SECRET_KEY,
            "zalo app secret": zalo_oa.APP_SECRET,
            "first refresh token": OA_FIRST_REFRESH,
            "zalo bot token": zalo_bot.BOT_TOKEN,
            "zalo bot webhook secret": zalo_bot.WEBHOOK_SECRET,
            "session secret": session_secret,
            **{f"issued {t}": t for t in issued},
        }
    assert issued and all(t.startswith(OA_TOKEN_PREFIX) for t in issued)
    logs = caplog.text + "".join(r.getMessage() for r in caplog.records) + "\n".join(capsys.readouterr())
    assert "INSERT INTO zalo_tokens" in logs or "UPDATE zalo_tokens" in logs  # SQL echo did run
    assert "getMe" in logs or "setWebhook" in logs  # Bot API calls were logged
    leaked = [name for name, value in secrets.items() if value in logs]
    assert not leaked, leaked


def test_redaction_rules() -> None:
    register_secret("s3cr3t/with+chars")
    assert redact("a s3cr3t/with+chars b") == f"a {MASK} b"
    assert redact("url?x=s3cr3t%2Fwith%2Bchars") == f"url?x={MASK}"
    assert (
        redact("POST http://h/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe")
        == f"POST http://h/bot{MASK}/getMe"
    )
    assert redact("at 12:30:45 on 2026-12-01") == "at 12:30:45 on 2026-12-01"
    register_secret("abc")  # too short to mask without hiding ordinary words
    assert redact("abc") == "abc"
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token %s", ("s3cr3t/with+chars",), None)
    assert scrub(record).getMessage() == f"token {MASK}"
