"""Whom /capquyen and /thuhoiquyen are about: ids keep each platform's type."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.model import ChatKind, ChatRef, Command, InboundMessage, Platform, UserRef
from handlers.leader import _target


def message(platform: Platform, sender_id: int | str, args: tuple[str, ...]) -> InboundMessage:
    return InboundMessage(
        ChatRef(platform, sender_id, ChatKind.PRIVATE),
        UserRef(platform, sender_id),
        "/capquyen " + " ".join(args),
        datetime(2026, 11, 24, 8, 0),
        command=Command("capquyen", args, " ".join(args)),
    )


@pytest.mark.parametrize("platform", [Platform.ZALO_OA, Platform.ZALO_BOT])
def test_zalo_ids_stay_strings(platform):
    target, rest = _target(message(platform, "100", ("579745863508352884", "canbo")), ["579745863508352884", "canbo"])
    assert target == UserRef(platform, "579745863508352884") and isinstance(target.id, str)
    assert rest == ["canbo"]


def test_zalo_role_word_alone_is_not_an_id():
    target, rest = _target(message(Platform.ZALO_OA, "100", ("canbo",)), ["canbo"])
    assert target is None and rest == ["canbo"]


@pytest.mark.parametrize("platform", [Platform.TELEGRAM, Platform.SHELL])
def test_telegram_and_shell_ids_are_ints(platform):
    target, rest = _target(message(platform, 1, ("-1001", "canbo")), ["-1001", "canbo"])
    assert target == UserRef(platform, -1001) and rest == ["canbo"]
    assert _target(message(platform, 1, ("abc", "canbo")), ["abc", "canbo"]) == (None, ["abc", "canbo"])
