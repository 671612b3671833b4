"""Signed but absurd OA events (ids no column holds) are dropped in one line, on both databases
(issue 12: no input makes a traceback)."""

from __future__ import annotations

import logging

import pytest

from tests.fakes.zalo_env import both_databases, oa_group_event, oa_text, signed


@both_databases
async def test_overlong_ids_are_dropped_without_a_traceback(oa_env, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    long_id = "9" * 90
    for payload in (
        oa_group_event("user_send_group_text", "123", long_id, text="Loa Số ơi", msg_id="g-long-1"),
        oa_group_event("user_send_group_text", long_id, "456", text="Loa Số ơi", msg_id="g-long-2"),
        oa_text(long_id, "xin chào", "p-long-1"),
        oa_text("12\x0034", "xin chào", "p-nul-1"),  # NUL: PostgreSQL text cannot hold it
        oa_text("1234", "xin chào", "p-nul-\x00-2"),
    ):
        response = await oa_env.post(*signed(payload))
        assert response.status_code == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert sum("id longer than 64" in r.getMessage() for r in caplog.records) == 3
    assert sum("NUL" in r.getMessage() for r in caplog.records) == 1
    assert len(oa_env.fake.sent) == 1  # only the sane sender with an odd msg_id got an answer


@both_databases
async def test_a_group_message_id_with_nul_is_answered_without_a_traceback(  # type: ignore[no-untyped-def]
    oa_env, caplog: pytest.LogCaptureFixture
) -> None:
    """The reply quotes the message (reply_to): a NUL in Zalo's msg_id must not reach a PostgreSQL text column."""
    payload = oa_group_event("user_send_group_text", "123", "g-nul", text="Loa Số ơi, /help", msg_id="m\x00-1")
    response = await oa_env.post(*signed(payload))
    assert response.status_code == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert len(oa_env.fake.sent) == 1
