"""The local chat shell: type as a resident of a sample hamlet group, no token, no network.

Lines go through the same ``Dispatcher.feed`` as Telegram updates. Piped input (one
message per line) prints only the bot's replies, so the shell can be scripted.
``!N`` presses button N under the bot's last message.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterable, Awaitable, Callable, Iterable
from typing import TextIO

from bot.dispatcher import clean_text
from bot.model import (
    Button,
    ButtonPress,
    ChatKind,
    ChatRef,
    InboundMessage,
    Outbound,
    Platform,
    UserRef,
    parse_command,
)
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.groups import ensure_group
from bot.texts import html_to_text

MENTIONS = ("@loaso", "loa số", "loa so")


def shell_chat_id(hamlet_code: str) -> int:
    """A stable negative id per hamlet, like a Telegram group's."""
    return -(1_000_000 + zlib.crc32(hamlet_code.encode()) % 1_000_000)


class ShellSession:
    def __init__(
        self,
        runtime: Runtime,
        *,
        private: bool = False,
        user_id: int | None = None,
        user_name: str | None = None,
        hamlet: str | None = None,
    ):
        cfg = runtime.config
        self.runtime = runtime
        self.hamlet = cfg.hamlet(hamlet or cfg.shell.hamlet or cfg.all_hamlets()[0].code)
        if self.hamlet is None:
            raise ValueError(f"unknown hamlet {hamlet!r}")
        self.user = UserRef(Platform.SHELL, user_id or cfg.shell.user_id, user_name or cfg.shell.user_name)
        if private:
            self.chat = ChatRef(Platform.SHELL, self.user.id, ChatKind.PRIVATE, self.user.display_name)
        else:
            self.chat = ChatRef(
                Platform.SHELL,
                shell_chat_id(self.hamlet.code),
                ChatKind.GROUP,
                runtime.texts.say("shell_group_title", hamlet=self.hamlet),
            )
        self._next_id = 1
        self._buttons: list[Button] = []

    async def prepare(self) -> None:
        """The shell's group exists, is linked to its hamlet, and the bot 'is admin' there."""
        if not self.chat.is_private:
            await self.prepare_group()

    async def prepare_group(self) -> None:
        """The hamlet's shell group, even from a private chat (`loaso shell --private` calls
        this, so a leader's bulletin to the hamlet reaches a group this shell shows)."""
        assert self.hamlet is not None
        title = self.runtime.texts.say("shell_group_title", hamlet=self.hamlet)
        chat = ChatRef(Platform.SHELL, shell_chat_id(self.hamlet.code), ChatKind.GROUP, title)
        async with self.runtime.store.session() as s:
            group = await ensure_group(s, chat, utcnow())
            group.hamlet_code = group.hamlet_code or self.hamlet.code  # type: ignore[union-attr]
            group.bot_is_admin = True
            group.active = True

    def event_for(self, line: str) -> InboundMessage | ButtonPress | None:
        text = clean_text(line)
        if not text:
            return None
        if text.startswith("!") and text[1:].isdigit():
            index = int(text[1:]) - 1
            if 0 <= index < len(self._buttons):
                return ButtonPress(self.chat, self.user, self._buttons[index].data, utcnow())
            return None
        self._next_id += 1
        lowered = text.lower()
        return InboundMessage(
            chat=self.chat,
            sender=self.user,
            text=text,
            at=utcnow(),
            message_id=self._next_id,
            mentions_bot=any(m in lowered for m in MENTIONS),
            command=parse_command(text, "loaso"),
        )

    async def send(self, line: str) -> list[Outbound]:
        text = clean_text(line)
        if text.startswith("!") and text[1:].isdigit() and not 0 < int(text[1:]) <= len(self._buttons):
            note = self.runtime.texts.say("shell_no_button", n=text[1:], count=len(self._buttons))
            return [Outbound(self.chat, note)]  # said here, not sent: there is nothing to press
        event = self.event_for(line)
        if event is None:
            return []
        replies = await self.runtime.dispatcher.feed(event)
        buttons = [b for out in replies for row in out.buttons for b in row]
        if buttons:
            self._buttons = buttons
        return replies

    @staticmethod
    def render(out: Outbound) -> str:
        """Plain text as a phone would show it; a button's pop-up note shows in brackets."""
        if not out.text:
            return f"({out.answer_callback})" if out.answer_callback else ""
        text = html_to_text(out.text) if out.html else out.text
        buttons = [b for row in out.buttons for b in row]
        if buttons:
            text += "\n" + "  ".join(f"[!{i}] {b.text}" for i, b in enumerate(buttons, 1))
        return text


async def _aiter(lines: Iterable[str] | AsyncIterable[str]):  # type: ignore[no-untyped-def]
    if isinstance(lines, AsyncIterable):
        async for line in lines:
            yield line
    else:
        for line in lines:
            yield line


Extra = Callable[[], Awaitable[list[str]]]


async def run_shell(
    session: ShellSession,
    lines: Iterable[str] | AsyncIterable[str],
    out: TextIO,
    *,
    interactive: bool,
    after_line: Extra | None = None,
) -> int:
    """Feed lines one by one; returns how many messages were sent to the bot.

    ``after_line`` gives more to show after each line's replies (the shell's own outbox:
    bulletins due in its groups, and where new bulletins went)."""
    await session.prepare()
    count = 0
    if interactive:
        texts = session.runtime.texts
        out.write(texts.say("shell_banner", private=session.chat.is_private, title=session.chat.title) + "\n")
        out.write(texts.say("shell_prompt") + " ")
        out.flush()
    async for line in _aiter(lines):
        count += 1
        for reply in await session.send(line):
            shown = session.render(reply)
            if not shown:
                continue
            prefix = session.runtime.texts.say("shell_bot_prefix") + " " if interactive else ""
            out.write(prefix + shown + "\n")
            if not interactive:
                out.write("\n")
        for extra in await after_line() if after_line is not None else []:
            out.write(extra + "\n" + ("" if interactive else "\n"))
        if interactive:
            out.write(session.runtime.texts.say("shell_prompt") + " ")
        out.flush()
    if interactive:
        out.write("\n")
    return count
