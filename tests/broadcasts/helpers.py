"""Shared bits for broadcast tests: groups in the store, and a scripted platform account.

``ScriptedSender`` stands in for a platform (the boundary the Sender protocol defines):
it records what "arrived" and answers per chat from a script of ``SendResult``s. The
end-to-end tests use the real Telegram sender against the fake Bot API instead.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict

from sqlalchemy import select

from bot.adapters.base import SendResult, SendStatus
from bot.model import ChatId, ChatKind, ChatRef, Outbound, Platform
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.groups import ensure_group
from bot.store.outbox import Delivery
from bot.store.tables import Group


async def add_groups(
    rt: Runtime, chat_ids: list[int], hamlet: str | None = "NGAIHOI1", platform: Platform = Platform.TELEGRAM
) -> list[Group]:
    out = []
    async with rt.store.session() as s:
        for cid in chat_ids:
            g = await ensure_group(s, ChatRef(platform, cid, ChatKind.GROUP, f"Nhóm {cid}"), utcnow())
            g.hamlet_code = hamlet
            out.append(g)
    return out


async def deliveries(rt: Runtime, bulletin_id: int | None = None) -> list[Delivery]:
    async with rt.store.session() as s:
        q = select(Delivery).order_by(Delivery.id)
        if bulletin_id is not None:
            q = q.where(Delivery.bulletin_id == bulletin_id)
        return list((await s.execute(q)).scalars())


async def group(rt: Runtime, group_id: int) -> Group:
    async with rt.store.session() as s:
        g = await s.get(Group, group_id)
        assert g is not None
        return g


class ScriptedSender:
    platform = Platform.TELEGRAM

    def __init__(self, platform: Platform = Platform.TELEGRAM) -> None:
        self.platform = platform
        self.script: dict[ChatId, list[SendResult]] = defaultdict(list)
        self.arrived: list[Outbound] = []  # every message the "platform" accepted
        self.attempts: list[ChatId] = []
        self._ids = itertools.count(100)
        self.block_after: int | None = None  # hang (like a dead process) after this many arrivals
        self.blocked = asyncio.Event()

    def then(self, chat_id: ChatId, *results: SendResult) -> None:
        self.script[chat_id].extend(results)

    async def send(self, out: Outbound) -> SendResult:
        self.attempts.append(out.chat.id)
        queue = self.script.get(out.chat.id)
        if queue:
            return queue.pop(0)
        self.arrived.append(out)
        if self.block_after is not None and len(self.arrived) >= self.block_after:
            self.blocked.set()
            await asyncio.Event().wait()  # in flight forever: the process "dies" here
        return SendResult(SendStatus.SENT, message_ids=(next(self._ids),))

    def arrivals(self, chat_id: ChatId) -> int:
        return sum(1 for o in self.arrived if o.chat.id == chat_id)
