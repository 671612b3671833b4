"""Welcome batches and the newcomer flood watch (pure bookkeeping)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.model import ChatRef, Platform
from bot.safety.flood import FloodWatch
from bot.safety.welcome import WelcomeBatcher

T0 = datetime(2026, 12, 1, 8, 0)
CHAT = ChatRef(Platform.TELEGRAM, -100)


def test_joins_within_the_window_make_one_batch() -> None:
    b = WelcomeBatcher(timedelta(minutes=3))
    b.add(CHAT, 1, "An", T0)
    b.add(CHAT, 1, "Bình", T0 + timedelta(minutes=1))
    b.add(CHAT, 1, "An", T0 + timedelta(minutes=2))  # chat_member and the service message: once
    assert b.due(T0 + timedelta(minutes=2)) == []
    (batch,) = b.due(T0 + timedelta(minutes=3))
    assert batch.names == ["An", "Bình"]
    assert b.due(T0 + timedelta(hours=1)) == []
    b.add(CHAT, 1, "Chi", T0 + timedelta(minutes=10))
    assert [x.names for x in b.due(T0 + timedelta(minutes=14))] == [["Chi"]]


def test_newcomer_posting_links_or_repeating_is_flagged_once() -> None:
    w = FloodWatch(timedelta(hours=24))
    w.joined("telegram", -100, 7, T0)
    assert w.observe("telegram", -100, 7, "xem link", True, T0 + timedelta(minutes=1)) is None
    assert w.observe("telegram", -100, 7, "xem link 2", True, T0 + timedelta(minutes=2)) == "links"
    assert w.observe("telegram", -100, 7, "xem link 3", True, T0 + timedelta(minutes=3)) is None
    w.joined("telegram", -100, 8, T0)
    for i in range(2):
        assert w.observe("telegram", -100, 8, "mua hang gia re", False, T0 + timedelta(minutes=i)) is None
    assert w.observe("telegram", -100, 8, "mua hang gia re", False, T0 + timedelta(minutes=5)) == "repeats"
    # Old members and people past their first hours are not watched.
    assert w.observe("telegram", -100, 9, "a", True, T0) is None
    w.joined("telegram", -100, 10, T0)
    assert w.observe("telegram", -100, 10, "x", True, T0 + timedelta(hours=25)) is None
