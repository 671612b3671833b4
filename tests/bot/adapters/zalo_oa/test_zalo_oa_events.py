"""Pure parts of the OA adapter: the webhook MAC, freshness, and payload translation."""

from __future__ import annotations

import hashlib
from datetime import datetime

from bot.adapters.zalo_oa import signature
from bot.adapters.zalo_oa.events import followers_chat, is_followers_chat, translate
from bot.model import ChatKind, InboundMessage, MemberChange, MemberEvent, Platform

NOW = datetime(2026, 11, 24, 7, 0)
OA = "oa-1"


def test_signature_is_sha256_of_app_body_timestamp_secret():
    raw = b'{"event_name":"user_send_text"}'
    expected = hashlib.sha256(b"app" + raw + b"1764000000000" + b"key").hexdigest()
    assert signature.sign("app", raw, "1764000000000", "key") == expected
    assert signature.verify("app", raw, "1764000000000", "key", expected)
    assert signature.verify("app", raw, "1764000000000", "key", f"mac={expected}")
    assert signature.verify("app", raw, "1764000000000", "key", f"mac={expected.upper()}")
    assert not signature.verify("app", raw, "1764000000001", "key", expected)  # timestamp is signed
    assert not signature.verify("app", raw + b" ", "1764000000000", "key", expected)
    assert not signature.verify("other", raw, "1764000000000", "key", expected)
    assert not signature.verify("app", raw, "1764000000000", "key", None)
    assert not signature.verify("app", raw, "1764000000000", "key", "")


def test_freshness_window():
    now = 1_764_000_000_000
    assert signature.fresh(now, now)
    assert signature.fresh(now - 2 * 3600 * 1000, now)  # Zalo's last retry is about 2 h late
    assert not signature.fresh(now - 2 * 3600 * 1000 - 1, now)
    assert signature.fresh(now + 5 * 60 * 1000, now)  # clock skew
    assert not signature.fresh(now + 5 * 60 * 1000 + 1, now)


def test_private_text_becomes_a_private_message_with_string_ids():
    ev = translate(
        {
            "event_name": "user_send_text",
            "sender": {"id": "2512523625412515"},
            "recipient": {"id": OA},
            "message": {"text": "  Cho ho\u0309i VNeID ", "msg_id": "abc"},
            "timestamp": "1764000000000",
        },
        oa_id=OA,
        now=NOW,
    )
    msg = ev.event
    assert isinstance(msg, InboundMessage) and ev.key == "msg:abc"
    assert msg.chat.platform is Platform.ZALO_OA and msg.chat.kind is ChatKind.PRIVATE
    assert msg.chat.id == msg.sender.id == "2512523625412515"
    assert msg.text == "Cho hỏi VNeID"  # NFC, trimmed
    assert msg.at == datetime(2025, 11, 24, 16, 0) and msg.mentions_bot


def test_group_text_uses_the_group_id_and_commands_parse():
    ev = translate(
        {
            "event_name": "user_send_group_text",
            "sender": {"id": "u1"},
            "recipient": {"id": "g-77"},
            "message": {"text": "/help", "msg_id": "m"},
            "timestamp": "1764000000000",
        },
        oa_id=OA,
        now=NOW,
    )
    msg = ev.event
    assert isinstance(msg, InboundMessage)
    assert msg.chat.id == "g-77" and msg.chat.kind is ChatKind.GROUP
    assert msg.command is not None and msg.command.name == "help"
    plain = translate(
        {
            "event_name": "user_send_group_text",
            "sender": {"id": "u1"},
            "recipient": {"group_id": "g-78"},
            "message": {"text": "trời mưa quá", "msg_id": "n"},
        },
        oa_id=OA,
        now=NOW,
    )
    assert isinstance(plain.event, InboundMessage) and plain.event.chat.id == "g-78"
    assert not plain.event.mentions_bot and plain.event.at == NOW


def test_follow_and_group_membership_events():
    follow = translate(
        {"event_name": "follow", "follower": {"id": "f1"}, "oa_id": OA, "timestamp": "1"}, oa_id=OA, now=NOW
    )
    assert isinstance(follow.event, MemberEvent)
    assert follow.event.chat == followers_chat(OA) and is_followers_chat(follow.event.chat.id)
    assert follow.event.change is MemberChange.JOINED and follow.event.user.id == "f1"
    out = translate(
        {"event_name": "user_out_group", "sender": {"id": "u2"}, "recipient": {"id": "g1"}}, oa_id=OA, now=NOW
    )
    assert isinstance(out.event, MemberEvent) and out.event.change is MemberChange.LEFT
    assert out.event.chat.id == "g1" and out.event.source == "zalo_group"
    # Without msg_id the key still tells repeated deliveries of the same event apart from new ones.
    again = translate(
        {"event_name": "follow", "follower": {"id": "f1"}, "oa_id": OA, "timestamp": "1"}, oa_id=OA, now=NOW
    )
    later = translate(
        {"event_name": "follow", "follower": {"id": "f1"}, "oa_id": OA, "timestamp": "2"}, oa_id=OA, now=NOW
    )
    assert follow.key == again.key != later.key


def test_other_and_broken_payloads_are_ignored():
    for payload in (
        {"event_name": "user_send_link", "sender": {"id": "u"}, "message": {"msg_id": "x"}},
        {"event_name": "user_send_text", "sender": {"id": "u"}, "message": {"text": "   "}},
        {"event_name": "user_send_text", "message": {"text": "hi"}},
        {"event_name": "user_join_group", "sender": {"id": "u"}},
        {"event_name": ["weird"], "sender": "u", "message": 3, "timestamp": "not a number"},
        {},
    ):
        assert translate(payload, oa_id=OA, now=NOW).event is None
