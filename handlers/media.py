"""Residents who don't type: screenshots and photos of errors, voice notes, stickers, files.

A screenshot sent in a private chat, or in a group with a mention, a reply or a caption addressed
to the bot, is read (OCR) and answered like a typed question: the same matcher, the same
fallback, the same silence rule. The text read is used and then discarded: the questions log
keeps only "[ảnh]". Voice notes get a kind "cannot listen yet" once a day; stickers, files,
locations, contacts and Zalo's protected accounts a warm pointer to /trogiup and the team, at
most once per person per day in a private chat, and silence in a group unless addressed.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.faq.knowledge import KnowledgeError
from bot.faq.matcher import Match
from bot.faq.service import matcher_for
from bot.media.extract import best_question, text_read
from bot.media.fetch import MediaTooLarge, MediaUnavailable
from bot.media.ocr import ImageRefused, OcrUnavailable, read_text
from bot.model import InboundMessage, MediaKind, Outbound
from bot.router import Context, Router
from bot.store.notices import first_today
from handlers.common import contacts_text
from handlers.faq import answer_question
from handlers.safety import scam_reply_for_text

log = logging.getLogger(__name__)

MEDIA_PRIORITY = 60  # after safety (a caption's link or an .apk is judged first), before the FAQ
IMAGE_RECORD = "[ảnh]"  # what the questions log keeps for a question read from an image
_LOCAL = timedelta(hours=7)  # the day a notice counts against is the resident's (Asia/Ho_Chi_Minh)


def _addressed(msg: InboundMessage) -> bool:
    return msg.chat.is_private or msg.mentions_bot or msg.reply_to_bot


def _reply_to(msg: InboundMessage) -> object:
    return None if msg.chat.is_private else msg.message_id


async def _say(ctx: Context, msg: InboundMessage, template: str) -> list[Outbound]:
    text = ctx.texts.render(template, contacts=await contacts_text(ctx))
    return [Outbound(msg.chat, text, reply_to=_reply_to(msg))]  # type: ignore[arg-type]


async def _once_today(ctx: Context, kind: str) -> bool:
    person = ctx.extras.get("person")
    if person is None:
        return True
    return await first_today(ctx.session, person.id, kind, (ctx.now + _LOCAL).date())


def _match(ctx: Context, text: str) -> Match:
    try:
        return matcher_for(ctx.config).match(text, shown=True)
    except KnowledgeError:
        return Match(None, 0.0, False, None, "empty")


async def _image(ctx: Context, msg: InboundMessage) -> list[Outbound] | None:
    assert msg.media is not None
    if ctx.fetch_media is None:
        return await _say(ctx, msg, "media/cannot_read_yet.txt.j2")
    try:
        data = await ctx.fetch_media(msg.media)
        raw = await read_text(data)
    except OcrUnavailable:
        return await _say(ctx, msg, "media/cannot_read_yet.txt.j2")
    except (MediaTooLarge, ImageRefused) as exc:
        log.info("image refused in %s: %s", msg.chat.platform.value, exc)
        return await _say(ctx, msg, "media/too_large.txt.j2")
    except (MediaUnavailable, TimeoutError) as exc:
        log.warning("image not read in %s: %s", msg.chat.platform.value, exc)
        return await _say(ctx, msg, "media/unreadable.txt.j2")
    read = f"{msg.text}\n{raw}" if msg.text else raw
    scam = await scam_reply_for_text(ctx, msg, text_read(read))
    if scam is not None:
        return [scam]  # a screenshot of a scam message gets the same judgement as the pasted text
    question = best_question(read, lambda t: _match(ctx, t))
    if not question:
        return await _say(ctx, msg, "media/unreadable.txt.j2")
    answered = await answer_question(ctx, question, addressed=True, record=IMAGE_RECORD, shown=True)
    return answered if answered is not None else await _say(ctx, msg, "media/unreadable.txt.j2")


def register(router: Router) -> None:
    @router.text(priority=MEDIA_PRIORITY)
    async def media(ctx: Context) -> list[Outbound] | None:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        if msg.media is None:
            return None
        kind = msg.media.kind
        if not _addressed(msg):
            return None  # a group's photos and stickers are the group's business; a caption still counts
        if kind is MediaKind.IMAGE:
            return await _image(ctx, msg)
        if kind is MediaKind.VOICE:
            return await _say(ctx, msg, "media/voice.txt.j2") if await _once_today(ctx, "voice") else []
        if msg.text:
            return None  # a file or video with a caption: the caption is the question
        template = "media/unsupported.txt.j2" if kind is MediaKind.UNSUPPORTED else "media/other.txt.j2"
        return await _say(ctx, msg, template) if await _once_today(ctx, "other") else []
