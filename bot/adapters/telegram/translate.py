"""PTB ``Update`` → our events. Pure: no I/O, so every update shape is easy to test.

One update may carry several events (``new_chat_members`` lists many people) or none
(channel posts, edits, stickers). Joins of others come from ``chat_member`` updates when
the bot is an admin, and from service messages otherwise; the store records only state
changes, so receiving both never double counts.
"""

from __future__ import annotations

from datetime import datetime

from telegram import Chat, ChatMember, Message, MessageEntity, Update, User

from bot.dispatcher import clean_text
from bot.model import (
    BotMembership,
    ButtonPress,
    ChatKind,
    ChatMigrated,
    ChatRef,
    Event,
    InboundMessage,
    Media,
    MediaKind,
    MemberChange,
    MemberEvent,
    Platform,
    UserRef,
    parse_command,
)
from bot.store.db import to_utc_naive, utcnow

# Requested from getUpdates / setWebhook: chat_member is only sent when asked for.
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member", "chat_member"]

_PRESENT = {ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER}


def _chat(chat: Chat) -> ChatRef | None:
    if chat.type == Chat.PRIVATE:
        kind = ChatKind.PRIVATE
    elif chat.type in (Chat.GROUP, Chat.SUPERGROUP):
        kind = ChatKind.GROUP
    else:
        return None  # channels: the bot does not serve them
    title = clean_text(chat.title) if chat.title else None
    return ChatRef(Platform.TELEGRAM, chat.id, kind, title)


def _user(user: User) -> UserRef:
    name = clean_text(user.full_name)[:128] or None
    return UserRef(Platform.TELEGRAM, user.id, name, user.is_bot)


def _when(at: datetime | None) -> datetime:
    return to_utc_naive(at) if at else utcnow()


def _is_present(member: ChatMember) -> bool:
    if member.status in _PRESENT:
        return True
    return member.status == ChatMember.RESTRICTED and bool(getattr(member, "is_member", False))


def translate(update: Update, me: User) -> list[Event]:
    if update.my_chat_member is not None:
        return _my_chat_member(update, me)
    if update.chat_member is not None:
        return _chat_member(update)
    if update.callback_query is not None:
        return _callback(update)
    if update.message is not None:
        return _message(update.message, me)
    return []


def _my_chat_member(update: Update, me: User) -> list[Event]:
    cm = update.my_chat_member
    assert cm is not None
    chat = _chat(cm.chat)
    if chat is None or chat.is_private:
        return []
    new = cm.new_chat_member
    active = _is_present(new)
    return [
        BotMembership(
            chat=chat,
            active=active,
            at=_when(cm.date),
            by=_user(cm.from_user),
            is_admin=new.status in (ChatMember.ADMINISTRATOR, ChatMember.OWNER),
        )
    ]


def _chat_member(update: Update) -> list[Event]:
    cm = update.chat_member
    assert cm is not None
    chat = _chat(cm.chat)
    if chat is None or chat.is_private:
        return []
    was, now = _is_present(cm.old_chat_member), _is_present(cm.new_chat_member)
    if was == now:
        return []  # promotions, restrictions: not a join or a leave
    change = MemberChange.JOINED if now else MemberChange.LEFT
    return [MemberEvent(chat, _user(cm.new_chat_member.user), change, _when(cm.date), "chat_member")]


def _callback(update: Update) -> list[Event]:
    cq = update.callback_query
    assert cq is not None
    msg = cq.message
    if msg is None or cq.data is None:
        return []
    chat = _chat(msg.chat)
    if chat is None:
        return []
    return [ButtonPress(chat, _user(cq.from_user), clean_text(cq.data), utcnow(), cq.id, msg.message_id)]


def _message(msg: Message, me: User) -> list[Event]:
    chat = _chat(msg.chat)
    if chat is None:
        return []
    at = _when(msg.date)
    if msg.migrate_to_chat_id:
        return [ChatMigrated(Platform.TELEGRAM, msg.chat.id, msg.migrate_to_chat_id, at)]
    if msg.migrate_from_chat_id:
        return [ChatMigrated(Platform.TELEGRAM, msg.migrate_from_chat_id, msg.chat.id, at)]
    events: list[Event] = []
    for user in msg.new_chat_members or ():
        if user.id == me.id:
            events.append(BotMembership(chat, True, at, _user(msg.from_user) if msg.from_user else None))
        else:
            events.append(MemberEvent(chat, _user(user), MemberChange.JOINED, at, "service"))
    if msg.left_chat_member is not None:
        user = msg.left_chat_member
        if user.id == me.id:
            events.append(BotMembership(chat, False, at))
        else:
            events.append(MemberEvent(chat, _user(user), MemberChange.LEFT, at, "service"))
    if events:
        return events
    raw = msg.text if msg.text is not None else msg.caption
    media = _media(msg)
    files = _files(msg)
    if (not raw and media is None and not files) or msg.from_user is None:
        return []
    text = clean_text(raw or "")
    if not text and media is None and not files:
        return []
    entities = msg.parse_entities() if msg.text is not None else msg.parse_caption_entities()
    mentions = any(
        (e.type == MessageEntity.MENTION and me.username and value.lower() == f"@{me.username.lower()}")
        or (e.type == MessageEntity.TEXT_MENTION and e.user is not None and e.user.id == me.id)
        for e, value in entities.items()
    )
    hidden = tuple(clean_text(e.url)[:500] for e in entities if e.type == MessageEntity.TEXT_LINK and e.url)
    replied = msg.reply_to_message
    replied_user = replied.from_user if replied is not None else None
    replied_raw = (replied.text or replied.caption) if replied is not None else None
    return [
        InboundMessage(
            chat=chat,
            sender=_user(msg.from_user),
            text=text,
            at=at,
            message_id=msg.message_id,
            mentions_bot=mentions,
            reply_to_bot=replied_user is not None and replied_user.id == me.id,
            command=parse_command(text, me.username),
            reply_to_user=_user(replied_user) if replied_user and replied_user.id != me.id else None,
            media=media,
            forwarded=msg.forward_origin is not None,
            files=files,
            hidden_links=hidden,
            reply_to_text=clean_text(replied_raw) if replied_raw else None,
            reply_to_message_id=replied.message_id if replied is not None else None,
        )
    ]


def _media(msg: Message) -> Media | None:
    """What a message carries besides text; the largest photo size, fetched later by file_id."""
    if msg.photo:
        best = msg.photo[-1]
        return Media(MediaKind.IMAGE, best.file_id, best.file_size, "image/jpeg")
    doc = msg.document
    if doc is not None:
        mime = doc.mime_type or ""
        kind = MediaKind.IMAGE if mime.startswith("image/") else MediaKind.FILE
        return Media(kind, doc.file_id, doc.file_size, mime or None)
    if msg.voice is not None:
        return Media(MediaKind.VOICE, msg.voice.file_id, msg.voice.file_size, msg.voice.mime_type)
    if msg.audio is not None or msg.video_note is not None:
        return Media(MediaKind.VOICE)
    if msg.sticker is not None or msg.animation is not None:
        return Media(MediaKind.STICKER)
    if msg.video is not None:
        return Media(MediaKind.VIDEO)
    if msg.location is not None or msg.venue is not None:
        return Media(MediaKind.LOCATION)
    if msg.contact is not None:
        return Media(MediaKind.CONTACT)
    return None


def _files(msg: Message) -> tuple[str, ...]:
    """Names of attached files (documents): an .apk posted in a group is judged by its name."""
    doc = msg.document
    if doc is None:
        return ()
    name = clean_text(doc.file_name or "")[:120]
    if not name and doc.mime_type == "application/vnd.android.package-archive":
        name = "tệp.apk"
    return (name,) if name else ()
