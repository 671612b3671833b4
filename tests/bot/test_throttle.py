"""The per-sender throttle: pure logic on a given clock, then through the real dispatcher."""

from __future__ import annotations

from datetime import datetime

from bot.model import ChatKind, ChatRef, InboundMessage, Platform, UserRef, parse_command
from bot.runtime import Runtime
from bot.throttle import ANSWERS_PER_WINDOW, SenderThrottle, Verdict


def test_over_the_limit_one_notice_then_silence_then_answers_again() -> None:
    t = SenderThrottle(limit=3, window=60)
    verdicts = [t.check("a", 100.0 + i) for i in range(8)]
    assert verdicts == [Verdict.ANSWER] * 3 + [Verdict.NOTICE] + [Verdict.SILENT] * 4
    assert t.check("b", 108.0) is Verdict.ANSWER  # someone else is not affected
    assert t.check("a", 161.0) is Verdict.ANSWER  # the window slid past the first two answers
    # room for one more, then a new flood earns one new notice
    assert [t.check("a", 161.5) for _ in range(3)] == [Verdict.ANSWER, Verdict.NOTICE, Verdict.SILENT]


def test_memory_is_bounded() -> None:
    t = SenderThrottle(limit=1, window=10, max_senders=100)
    for i in range(1000):
        t.check(i, float(i))
    assert len(t._senders) <= 100


def message(sender: UserRef, chat: ChatRef, text: str, n: int) -> InboundMessage:
    return InboundMessage(chat, sender, text, datetime(2026, 12, 1, 12), message_id=n, command=parse_command(text))


async def test_a_flooding_resident_gets_one_notice_and_others_are_still_answered(runtime: Runtime) -> None:
    group = ChatRef(Platform.TELEGRAM, -4001, ChatKind.GROUP, "Ấp Ngãi Hội 1")
    flooder = UserRef(Platform.TELEGRAM, 6001, "Anh Ba")
    outs = [await runtime.dispatcher.feed(message(flooder, group, "/help", i)) for i in range(60)]
    answered = [o for o in outs if o]
    assert len(answered) == ANSWERS_PER_WINDOW + 1  # six answers, then exactly one notice
    notice = answered[-1][0]
    assert notice.text == runtime.texts.say("throttled") and "nhanh quá" in notice.text
    assert notice.reply_to == ANSWERS_PER_WINDOW and notice.chat == group

    asker = UserRef(Platform.TELEGRAM, 6002, "Chị Hai")
    (reply,) = await runtime.dispatcher.feed(
        message(asker, ChatRef(Platform.TELEGRAM, 6002, ChatKind.PRIVATE), "/help", 99)
    )
    assert reply.text != notice.text

    leader = UserRef(Platform.TELEGRAM, 2001, "Anh Sơn")  # the sample config's leader: never throttled
    assert all([await runtime.dispatcher.feed(message(leader, group, "/help", 200 + i)) for i in range(20)])


async def test_the_local_shell_is_not_throttled(runtime: Runtime) -> None:
    me = UserRef(Platform.SHELL, 1001, "Cô Tư")
    chat = ChatRef(Platform.SHELL, 1001, ChatKind.PRIVATE)
    outs = [await runtime.dispatcher.feed(message(me, chat, "/help", i)) for i in range(ANSWERS_PER_WINDOW + 4)]
    assert all(outs) and runtime.texts.say("throttled") not in {o.text for out in outs for o in out}
