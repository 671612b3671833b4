"""The local shell's share of the outbox: bulletins to shell groups show up in the shell.

In ``loaso shell`` the shell IS the platform of its groups, so a bulletin or alert
addressed to them is drained here, through the same ``Drainer`` as ``loaso run``, when it
is due, and printed in the window. A bulletin that also went to Telegram or Zalo groups
says so, and that only ``loaso run`` sends those: the demo never claims to have sent what
it cannot send.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from bot.adapters.shell import shell_chat_id
from bot.config import Config
from bot.model import Outbound, Platform
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.outbox import Bulletin, Delivery
from bot.store.tables import Group
from bot.texts import html_to_text
from broadcasts import outbox
from broadcasts.compose import local
from broadcasts.drain import Drainer
from broadcasts.shell_sender import ShellSender

PLATFORM_NAMES = {"telegram": "Telegram", "zalo_oa": "Zalo OA", "zalo_bot": "Zalo Bot"}


class ShellOutbox:
    def __init__(self, runtime: Runtime):
        self.runtime = runtime
        self._shown: list[str] = []
        self.drainer = Drainer(runtime.store, ShellSender(show=self._show))
        say = runtime.texts.say
        hamlets = runtime.config.all_hamlets()
        self._titles: dict[object, str] = {shell_chat_id(h.code): say("shell_group_title", hamlet=h) for h in hamlets}
        self.last_bulletin = 0

    async def start(self) -> None:
        """Remember where the outbox stands, so only bulletins made from now on are explained."""
        async with self.runtime.store.session() as s:
            self.last_bulletin = (await s.execute(select(func.max(Bulletin.id)))).scalar_one_or_none() or 0

    def _show(self, out: Outbound) -> None:
        title = self._titles.get(out.chat.id, str(out.chat.id))
        text = html_to_text(out.text) if out.html else out.text
        self._shown.append(self.runtime.texts.say("shell_bulletin", title=title) + "\n" + text)

    async def due(self) -> list[str]:
        """Deliveries to shell groups that are due now, sent (shown) and recorded as sent."""
        while await self.drainer.step():
            pass
        shown, self._shown = self._shown, []
        return shown

    async def explain_new(self) -> list[str]:
        """One line per bulletin queued since the last call: where its deliveries went."""
        texts, config = self.runtime.texts, self.runtime.config
        notes: list[str] = []
        async with self.runtime.store.session() as s:
            bulletins = list(
                (await s.execute(select(Bulletin).where(Bulletin.id > self.last_bulletin).order_by(Bulletin.id)))
                .scalars()
                .all()
            )
            for b in bulletins:
                self.last_bulletin = max(self.last_bulletin, b.id)
                rows = (
                    await s.execute(
                        select(Delivery.platform, Group.chat_id, func.count())
                        .join(Group, Group.id == Delivery.group_id)
                        .where(Delivery.bulletin_id == b.id, Delivery.status == outbox.QUEUED)
                        .group_by(Delivery.platform, Group.chat_id)
                    )
                ).all()
                if not rows:
                    if b.status != outbox.CANCELLED:
                        notes.append(texts.say("shell_where_none", id=b.id))
                    continue
                later = _when(config, b.send_at, texts.say("fmt_datetime_short"))
                tz = texts.say("tz_vietnam") if config.timezone == "Asia/Ho_Chi_Minh" else config.timezone
                others: dict[str, int] = {}
                for platform, chat_id, count in rows:
                    if platform == Platform.SHELL.value:
                        title = self._titles.get(chat_id, str(chat_id))
                        notes.append(texts.say("shell_where_here", id=b.id, title=title, when=later, tz=tz))
                    else:
                        others[platform] = others.get(platform, 0) + count
                for platform, count in sorted(others.items()):
                    name = PLATFORM_NAMES.get(platform, platform)
                    notes.append(texts.say("shell_where_other", id=b.id, count=count, platform=name))
        return notes


def _when(config: Config, send_at: datetime, fmt: str) -> str | None:
    """The local time a bulletin is due, or None when it is due now."""
    if send_at <= utcnow():
        return None
    return local(config, send_at).strftime(fmt)
