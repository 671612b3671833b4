"""Buttons on Zalo, which has none in plain text: numbered choices answered with a number.

Telegram shows inline buttons under an answer (FAQ feedback, related questions). On Zalo
the same choices are listed as ``1. …``, ``2. …`` under the text in a PRIVATE chat, and
a reply that is just one of those numbers becomes the same ``ButtonPress`` the Telegram
button would send, so the shared handlers answer it. In groups the list is left out (a
"1" in a group chat means something else). A pop-up note (``answer_callback``) becomes a
short message. Choices are remembered in memory for a day per chat; after a restart a
number is just text again.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from bot.model import Button, ButtonPress, ChatId, InboundMessage, Outbound
from bot.texts import Texts, html_to_text

MAX_CHATS = 20_000
TTL_SECONDS = 24 * 3600


class ButtonMemory:
    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self._last: OrderedDict[tuple[str, ChatId], tuple[float, tuple[Button, ...]]] = OrderedDict()

    def remember(self, out: Outbound, buttons: tuple[Button, ...]) -> None:
        key = (out.chat.platform.value, out.chat.id)
        if not buttons:
            self._last.pop(key, None)
            return
        self._last[key] = (self.clock() + TTL_SECONDS, buttons)
        self._last.move_to_end(key)
        while len(self._last) > MAX_CHATS:
            self._last.popitem(last=False)

    def press(self, msg: InboundMessage) -> ButtonPress | None:
        """The button a private reply like "2" chooses, if the last message offered one."""
        text = msg.text.strip().rstrip(".")
        if not msg.chat.is_private or not text.isdigit() or len(text) > 3:
            return None
        item = self._last.get((msg.chat.platform.value, msg.chat.id))
        if item is None or item[0] < self.clock():
            return None
        index = int(text) - 1
        if not 0 <= index < len(item[1]):
            return None
        return ButtonPress(msg.chat, msg.sender, item[1][index].data, msg.at, message_id=msg.message_id)


def plain_text(out: Outbound, texts: Texts, memory: ButtonMemory | None) -> str:
    """What Zalo shows for ``out``: plain text, numbered choices in private chats."""
    text = (html_to_text(out.text) if out.html else out.text).strip()
    if not text and out.answer_callback:
        return out.answer_callback.strip()
    buttons = tuple(b for row in out.buttons for b in row)
    if memory is not None and out.chat.is_private and text:
        memory.remember(out, buttons)
        if buttons:
            return texts.render("zalo/buttons.txt.j2", text=text, labels=[b.text for b in buttons])
    return text
