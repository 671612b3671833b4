"""The inbox worker on SQLite and PostgreSQL: stored once, processed once in one transaction,
a failing handler sets aside only its own update, one chat's updates and replies stay in order
across processes, and replies go before bulletins on the shared pacer."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.adapters.base import SendResult, SendStatus
from bot.config import Config
from bot.inbox.lanes import Lanes
from bot.inbox.worker import InboxWorker
from bot.model import ChatKind, ChatRef, Event, InboundMessage, Outbound, Platform, UserRef, parse_command
from bot.router import Context
from bot.runtime import Runtime
from bot.store import inbox as box
from bot.store.db import Store, utcnow
from bot.wiring import build_runtime
from handlers import build_router


@dataclass
class Account:
    """A platform account that records what it sent; ``script`` answers chat → statuses, in turn."""

    platform: Platform = Platform.TELEGRAM
    sent: list[Outbound] = field(default_factory=list)
    script: dict[Any, list[SendResult]] = field(default_factory=dict)

    async def send(self, out: Outbound) -> SendResult:
        queue = self.script.get(out.chat.id)
        if queue:
            return queue.pop(0)
        self.sent.append(out)
        return SendResult(SendStatus.SENT, (len(self.sent),))

    def texts_to(self, chat: int) -> list[str]:
        return [o.text for o in self.sent if o.chat.id == chat]


async def decode(_key: str, text: str, _session: Any) -> list[Event]:
    raw = json.loads(text)
    chat = ChatRef(Platform.TELEGRAM, raw["chat"], ChatKind.PRIVATE)
    text = raw["text"]
    return [
        InboundMessage(
            chat, UserRef(Platform.TELEGRAM, raw["chat"], "Bà Năm"), text, utcnow(), command=parse_command(text)
        )
    ]


def update(uid: int, chat: int, text: str = "/help") -> box.Incoming:
    return box.Incoming(str(uid), str(chat), {"chat": chat, "text": text})


def build(config: Config, store: Store, *, boom: bool = False) -> Runtime:
    router = build_router()
    if boom:

        @router.command("boom")
        async def _boom(ctx: Context) -> list[Outbound]:
            await ctx.session.execute(select(1))
            raise RuntimeError("a handler bug")

    return build_runtime(config, store=store, router=router)


async def test_stored_once_processed_once_answered_once(config: Config, store: Store) -> None:
    rt = build(config, store)
    await rt.open()
    account = Account()
    worker = InboxWorker(rt, Platform.TELEGRAM, account, decode, owner="w1")
    assert await worker.accept([update(1, 501), update(2, 502), update(1, 501)]) == 2  # a retry in the batch
    assert await worker.accept([update(2, 502)]) == 0  # stored, not yet answered: kept once
    assert await worker.process_pending() == 2
    assert await worker.send_pending() == 2
    assert len(account.texts_to(501)) == 1 and len(account.texts_to(502)) == 1
    assert await worker.accept([update(1, 501)]) == 0  # answered: acknowledged and ignored
    assert await worker.process_pending() == 0 and await worker.send_pending() == 0
    async with store.session() as s:
        rows = (await s.execute(select(box.InboxRow))).scalars().all()
    assert all(r.done_at is not None and r.raw is None for r in rows)  # content dropped once processed


async def test_a_failing_handler_sets_aside_only_its_update(config: Config, store: Store) -> None:
    rt = build(config, store, boom=True)
    await rt.open()
    account = Account()
    worker = InboxWorker(rt, Platform.TELEGRAM, account, decode, owner="w1")
    await worker.accept([update(1, 601), update(2, 602, "/boom"), update(3, 603)])
    await worker.process_pending()
    await worker.send_pending()
    assert account.texts_to(601) and account.texts_to(603) and not account.texts_to(602)
    async with store.session() as s:
        bad = (await s.execute(select(box.InboxRow).where(box.InboxRow.update_key == "2"))).scalar_one()
    assert bad.done_at is not None and bad.error and "RuntimeError" in bad.error
    assert worker.counters.failed == 1 and worker.counters.processed == 2


async def test_one_chat_stays_in_order_across_processes(config: Config, store: Store) -> None:
    if store.is_sqlite:
        pytest.skip("SQLite is used by one process: no one to keep the order against")
    rt = build(config, store)
    await rt.open()
    now, lease = utcnow(), timedelta(seconds=30)
    async with store.session() as s:
        await box.store_updates(s, Platform.TELEGRAM, [update(1, 701), update(2, 701), update(3, 702)], now)
    async with store.session() as s:
        first = await box.claim_updates(s, Platform.TELEGRAM, limit=1, owner="a", now=now, lease=lease)
    async with store.session() as s:
        other = await box.claim_updates(s, Platform.TELEGRAM, limit=10, owner="b", now=now, lease=lease)
    assert [r.update_key for r in first] == ["1"]
    assert [r.update_key for r in other] == ["3"]  # not "2": chat 701's first update is still in a's hands
    later = now + timedelta(seconds=31)  # a died: its lease ran out, so b takes the chat, in order
    async with store.session() as s:
        taken = await box.claim_updates(s, Platform.TELEGRAM, limit=10, owner="b", now=later, lease=lease)
    assert [r.update_key for r in taken] == ["1", "2", "3"]  # (b's own lease on "3" ran out too)


async def test_a_reply_held_back_by_an_error_holds_back_its_chat_only(config: Config, store: Store) -> None:
    rt = build(config, store)
    await rt.open()
    account = Account(script={801: [SendResult(SendStatus.TRANSIENT, error="502")]})  # retried in 0.5–1 s
    worker = InboxWorker(rt, Platform.TELEGRAM, account, decode, owner="w1")
    await worker.accept([update(1, 801), update(2, 801, "/quyen"), update(3, 802)])
    await worker.process_pending()
    await worker.send_pending()
    assert account.texts_to(801) == [] and len(account.texts_to(802)) == 1
    assert await worker.send_pending() == 0  # /quyen may not overtake the /help that waits
    await asyncio.sleep(1.05)
    while await worker.send_pending():
        pass
    help_text, role_text = account.texts_to(801)
    assert help_text != role_text  # /help first, then /quyen: the chat's order held


async def test_bulletins_wait_while_replies_are_sent() -> None:
    order: list[str] = []

    class Core:
        async def acquire(self) -> None:
            await asyncio.sleep(0)

        def pause(self, seconds: float) -> None: ...

        def paused_for(self) -> float:
            return 0.0

    lanes = Lanes(Core())

    async def bulletin() -> None:
        await lanes.bulletins.acquire()
        order.append("bulletin")

    async def replies() -> None:
        async with lanes.replying():
            for _ in range(3):
                await lanes.replies.acquire()
                order.append("reply")
                await asyncio.sleep(0.01)

    task = asyncio.create_task(replies())
    await asyncio.sleep(0)
    await asyncio.gather(bulletin(), task)
    assert order == ["reply", "reply", "reply", "bulletin"]


async def test_replies_and_bulletins_draw_on_one_pacer(config: Config, store: Store) -> None:
    from broadcasts.sending import SenderService

    rt = build(config, store)
    await rt.open()
    account = Account()
    rt.senders[Platform.TELEGRAM] = account
    service = SenderService(rt)
    await service.start()
    try:
        (drainer,) = [d for d in service.drainers if d.platform is Platform.TELEGRAM]
        lanes = rt.lanes(Platform.TELEGRAM)
        assert drainer.pacer is lanes.bulletins  # the bulletin drainer's pacer is the shared one
        taken: list[str] = []
        real = lanes.core.acquire

        async def counting(*args: Any, **kwargs: Any) -> Any:
            taken.append("slot")
            return await real(*args, **kwargs)

        lanes.core.acquire = counting  # type: ignore[method-assign]
        worker = InboxWorker(rt, Platform.TELEGRAM, account, decode, owner="w1")
        await worker.accept([update(1, 901)])
        await worker.process_pending()
        await worker.send_pending()  # the reply took its slot from that same pacer
        assert taken == ["slot"] and len(account.sent) == 1
    finally:
        await service.stop()
