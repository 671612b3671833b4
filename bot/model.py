"""The one internal message model every platform adapter translates to and from.

Handlers only ever see these frozen dataclasses, so they never import a platform
library (design principle 1). Ids are ``int`` on Telegram and the shell and
``str`` on Zalo, whose ids do not fit a signed 64-bit integer.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

ChatId = int | str


class Platform(enum.StrEnum):
    TELEGRAM = "telegram"
    ZALO_OA = "zalo_oa"
    ZALO_BOT = "zalo_bot"
    SHELL = "shell"


class ChatKind(enum.StrEnum):
    PRIVATE = "private"
    GROUP = "group"


class Role(enum.StrEnum):
    """Ordered from least to most rights; a higher role includes the lower ones."""

    RESIDENT = "resident"
    LEADER = "leader"
    OFFICIAL = "official"

    @property
    def rank(self) -> int:
        return _ROLE_RANK[self]

    def at_least(self, other: Role) -> bool:
        return self.rank >= other.rank


_ROLE_RANK = {Role.RESIDENT: 0, Role.LEADER: 1, Role.OFFICIAL: 2}


def nfc(text: str) -> str:
    """All user input is normalised to NFC before anything compares or stores it."""
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class ChatRef:
    platform: Platform
    id: ChatId
    kind: ChatKind = ChatKind.GROUP
    title: str | None = None

    @property
    def is_private(self) -> bool:
        return self.kind is ChatKind.PRIVATE


@dataclass(frozen=True, slots=True)
class UserRef:
    platform: Platform
    id: ChatId
    display_name: str | None = None
    is_bot: bool = False


@dataclass(frozen=True, slots=True)
class Command:
    """A slash command: ``/ganap AP01`` → name ``ganap``, args ``("AP01",)``."""

    name: str
    args: tuple[str, ...]
    arg_text: str


class MediaKind(enum.StrEnum):
    """What a message carries besides text: residents who don't type send these."""

    IMAGE = "image"
    VOICE = "voice"
    STICKER = "sticker"
    FILE = "file"
    LOCATION = "location"
    CONTACT = "contact"
    VIDEO = "video"
    # Zalo Bot: protected accounts (children, people who cannot read) arrive with no content at all.
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, slots=True)
class Media:
    """How to fetch what a message carries, never its bytes: the adapter fetches on demand.

    ``ref`` is the platform's handle (a Telegram ``file_id``, a Zalo CDN URL); ``size`` is in
    bytes when the platform says it, so huge images can be refused before downloading.
    """

    kind: MediaKind
    ref: str | None = None
    size: int | None = None
    mime: str | None = None


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """A text message (or command) a person sent where the bot can see it.

    ``text`` is the caption for a photo (possibly empty); ``media`` says what else it carries.
    """

    chat: ChatRef
    sender: UserRef
    text: str
    at: datetime
    message_id: ChatId | None = None
    mentions_bot: bool = False
    reply_to_bot: bool = False
    command: Command | None = None
    # The person whose message this one replies to (leaders grant roles by replying).
    reply_to_user: UserRef | None = None
    media: Media | None = None
    # Group safety (all optional): forwarded from elsewhere, names of attached files,
    # links hidden behind text (Telegram text_link entities), the replied-to message.
    forwarded: bool = False
    files: tuple[str, ...] = ()
    hidden_links: tuple[str, ...] = ()
    reply_to_text: str | None = None
    reply_to_message_id: ChatId | None = None


class MemberChange(enum.StrEnum):
    JOINED = "joined"
    LEFT = "left"


@dataclass(frozen=True, slots=True)
class MemberEvent:
    """A resident joined or left a group (not the bot itself)."""

    chat: ChatRef
    user: UserRef
    change: MemberChange
    at: datetime
    source: str = "chat_member"


@dataclass(frozen=True, slots=True)
class BotMembership:
    """The bot itself was added to, or removed/kicked from, a group."""

    chat: ChatRef
    active: bool
    at: datetime
    by: UserRef | None = None
    is_admin: bool = False


@dataclass(frozen=True, slots=True)
class ChatMigrated:
    """A Telegram group became a supergroup and got a new id."""

    platform: Platform
    old_id: ChatId
    new_id: ChatId
    at: datetime


@dataclass(frozen=True, slots=True)
class ButtonPress:
    """An inline button was pressed (Telegram callback query)."""

    chat: ChatRef
    sender: UserRef
    data: str
    at: datetime
    callback_id: str | None = None
    message_id: ChatId | None = None


Event = InboundMessage | MemberEvent | BotMembership | ChatMigrated | ButtonPress


@dataclass(frozen=True, slots=True)
class Button:
    text: str
    data: str


@dataclass(frozen=True, slots=True)
class Outbound:
    """Something to send. ``html`` means the text is already escaped HTML."""

    chat: ChatRef
    text: str
    html: bool = False
    buttons: tuple[tuple[Button, ...], ...] = ()
    reply_to: ChatId | None = None
    answer_callback: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # A moderation action instead of (or before) a text: "delete" the message ``target_message``,
    # or "mute" ``target_user`` for ``seconds``. Platforms that cannot do it report "rejected".
    action: str | None = None
    target_message: ChatId | None = None
    target_user: ChatId | None = None
    seconds: int = 0


def parse_command(text: str, bot_username: str | None = None) -> Command | None:
    """Split ``/cmd@bot a b`` into a command; ``None`` when not a command or aimed at another bot."""
    if not text.startswith("/") or len(text) < 2:
        return None
    head, _, rest = text[1:].partition(" ")
    name, _, target = head.partition("@")
    if target and bot_username and target.lower() != bot_username.lower():
        return None
    name = name.strip().lower()
    if not name or not all(c.isalnum() or c == "_" for c in name):
        return None
    rest = rest.strip()
    return Command(name=name, args=tuple(rest.split()), arg_text=rest)
