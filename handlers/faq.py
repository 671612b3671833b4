"""Residents' questions: answer what the knowledge base knows, never guess, mind group manners.

Group etiquette: a plain group message is answered only when the matcher is confident AND
the bot can see every message there (admin or privacy off). A question addressed to the
bot (private chat, mention, reply, ``/hoi``) always gets a reply: the answer, or "I don't
know" with the hamlet team's contacts. Chit-chat ("ok cảm ơn", greetings, ads) is left
alone in groups. Every answer carries feedback buttons; questions addressed to the bot
and every answer are logged so leaders see what to add (``/chuatraloi``).

Ask-back: when the matcher is unsure but has candidates and the message was addressed to
the bot, it asks "Ý bà con là…?" with up to three topic buttons and "Không phải". A
press answers that topic and records the choice on the logged question; "Không phải"
gives the team's contacts and leaves the question unanswered for leaders. Confirmed
wordings become phrasings once a leader approves them (``/duyet``). In a group, a
message not addressed to the bot is still answered only when sure, never asked back.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from datetime import UTC, timedelta

from bot import metrics
from bot.faq.editing import EditError, add_phrasing
from bot.faq.knowledge import Entry, KnowledgeError
from bot.faq.live import police_answer, salinity_answer, weather_answer
from bot.faq.matcher import ANSWER, SMALL_TALK, SUGGEST, Match, Matcher
from bot.faq.normalize import content_tokens, folded_words, looks_like_question
from bot.faq.review import Outcome, review
from bot.faq.service import live_knowledge, matcher_for
from bot.model import Button, ButtonPress, ChatId, InboundMessage, Outbound, Platform, Role
from bot.router import Context, Router
from bot.store.questions import (
    FEEDBACK_NOT_USEFUL,
    FEEDBACK_USEFUL,
    Question,
    log_question,
    needing_work,
    pending_phrasings,
    record_choice,
    set_feedback,
)
from handlers.common import commune_for, contacts_text, hamlet_for

log = logging.getLogger(__name__)

FAQ_PRIORITY = 100
FEEDBACK_PREFIX = "fb:"
RELATED_PREFIX = "faq:"
CHOICE_PREFIX = "ab:"  # ab:<question id>:<topic> or ab:<question id>:- ("Không phải")
NONE_FIT = "-"
CALLBACK_MAX = 64  # bytes of Telegram's callback_data
ZALO = (Platform.ZALO_OA, Platform.ZALO_BOT)
DEFAULT_DAYS = 7
MAX_DAYS = 90
MAX_LISTED = 30
_HANDLE = re.compile(r"@\w+")
_BOT_NAME = re.compile(r"\bloa\s+s[oố]\b", re.IGNORECASE)


def _strip_mention(text: str) -> str:
    """Drop '@loaso' and 'Loa Số ơi' so the bot's name does not steer the match."""
    stripped = _BOT_NAME.sub(" ", _HANDLE.sub(" ", text)).strip(" ,:!?.")
    return stripped if content_tokens(stripped) else text


def _reply_to(msg: InboundMessage) -> ChatId | None:
    return None if msg.chat.is_private else msg.message_id


async def _answer_text(ctx: Context, entry: Entry, matcher: Matcher, question: str) -> str:
    contacts = await contacts_text(ctx)
    if entry.live == "salinity":
        return await salinity_answer(ctx.session, ctx.config, ctx.texts, await hamlet_for(ctx), ctx.now, contacts)
    if entry.live == "weather":
        hamlet = await hamlet_for(ctx)
        return await weather_answer(ctx.session, ctx.config, ctx.texts, hamlet, ctx.now, question, contacts)
    if entry.id == "team.contact":
        return contacts
    if entry.id == "police.contact":
        return police_answer(ctx.texts, commune_for(ctx, await hamlet_for(ctx)))
    return entry.answer  # follow-ups go in buttons, so the text ends with where to get help


def _buttons(ctx: Context, question_id: int, entry: Entry, matcher: Matcher) -> tuple[tuple[Button, ...], ...]:
    rows: list[tuple[Button, ...]] = [
        (
            Button(ctx.texts.say("faq_btn_useful"), f"{FEEDBACK_PREFIX}{question_id}:u"),
            Button(ctx.texts.say("faq_btn_not_useful"), f"{FEEDBACK_PREFIX}{question_id}:n"),
        )
    ]
    for r in entry.related:
        e = matcher.kb.get(r)
        if e is not None:
            rows.append((Button(e.title, f"{RELATED_PREFIX}{e.id}"),))
    return tuple(rows)


async def _log(ctx: Context, text: str, match: Match, answered: bool) -> int:
    event = ctx.event
    assert isinstance(event, InboundMessage | ButtonPress)
    hamlet = await hamlet_for(ctx)
    person = ctx.extras.get("person")
    q = await log_question(
        ctx.session,
        platform=event.chat.platform.value,
        group_id=ctx.group.id if ctx.group is not None else None,
        person_id=person.id if person is not None else None,
        hamlet_code=hamlet.code if hamlet is not None else None,
        asked_at=ctx.now,
        text=text,
        topic=match.topic if answered else None,
        score=match.score,
        answered=answered,
    )
    return q.id


def _matcher(ctx: Context) -> Matcher | None:
    try:
        return matcher_for(ctx.config)
    except KnowledgeError as exc:
        log.error("FAQ knowledge base cannot be loaded:\n%s", exc)
        return None


async def answer_question(
    ctx: Context, text: str, *, addressed: bool, record: str | None = None, shown: bool = False
) -> list[Outbound] | None:
    """The FAQ's decision for one message; None lets later handlers (the fallback) try.

    ``record`` is what the leaders' question log keeps instead of the text (text read from an
    image is used, then discarded: it may hold a name or an ID number); ``shown``: the text was read from
    that image (``Matcher.match``).
    """
    msg = ctx.event
    assert isinstance(msg, InboundMessage)
    question = _strip_mention(text) if addressed else text
    if not addressed and not (ctx.sees_all and looks_like_question(question)):
        return []  # not asked directly: answer only a real question in a conversation we fully see
    matcher = _matcher(ctx)
    if matcher is None:
        return None
    match = matcher.match(question, shown=shown)
    if match.reason in SMALL_TALK:
        if addressed:
            return [Outbound(msg.chat, ctx.texts.say("faq_chitchat"), reply_to=_reply_to(msg))]
        return []
    entry = matcher.kb.get(match.topic) if match.topic and match.outcome == ANSWER else None
    if entry is None:
        if not addressed:
            metrics.faq_decision("silent")
            return []  # a group conversation we are not sure about: stay out of it
        metrics.faq_decision("unknown")
        qid = await _log(ctx, record or question, match, answered=False)
        offered = [
            e
            for e in (matcher.kb.get(t) for t in match.suggestions)
            if e is not None and len(f"{CHOICE_PREFIX}{qid}:{e.id}".encode()) <= CALLBACK_MAX
        ]
        if match.outcome == SUGGEST and offered:
            return [await _ask_back(ctx, msg, qid, offered)]
        text_out = ctx.texts.render("faq/unknown.txt.j2", contacts=await contacts_text(ctx), logged=True)
        return [Outbound(msg.chat, text_out, reply_to=_reply_to(msg))]
    metrics.faq_decision("answered")
    qid = await _log(ctx, record or question, match, answered=True)
    body = await _answer_text(ctx, entry, matcher, question)
    return [
        Outbound(
            msg.chat,
            body,
            buttons=_buttons(ctx, qid, entry, matcher),
            reply_to=_reply_to(msg),
            meta={"faq_topic": entry.id, "faq_score": f"{match.score:.3f}"},
        )
    ]


async def _ask_back(ctx: Context, msg: InboundMessage, qid: int, offered: list[Entry]) -> Outbound:
    """ "Ý bà con là…?" with one large button per topic and "Không phải".

    Zalo shows no buttons in groups: there the titles are listed in the text, with the
    team's contacts, and the resident can ask again more precisely or in private.
    """
    listed = msg.chat.platform in ZALO and not msg.chat.is_private
    contacts = await contacts_text(ctx) if listed else ""
    text = ctx.texts.render("faq/ask_back.txt.j2", listed=listed, titles=[e.title for e in offered], contacts=contacts)
    rows: list[tuple[Button, ...]] = (
        [] if listed else [(Button(e.title, f"{CHOICE_PREFIX}{qid}:{e.id}"),) for e in offered]
    )
    if rows:
        rows.append((Button(ctx.texts.say("faq_btn_none"), f"{CHOICE_PREFIX}{qid}:{NONE_FIT}"),))
    return Outbound(
        msg.chat,
        text,
        buttons=tuple(rows),
        reply_to=_reply_to(msg),
        meta={"faq_suggestions": ",".join(e.id for e in offered)},
    )


def _may_confirm(ctx: Context, q: Question) -> bool:
    """Only the person who asked (or a leader) confirms what a question meant."""
    person = ctx.extras.get("person")
    return (person is not None and q.person_id == person.id) or ctx.has_role(Role.LEADER)


def _scope(ctx: Context) -> tuple[list[str] | None, str | None]:
    """Hamlets a leader or official may review: their commune's, or everything when unscoped."""
    if ctx.role.commune is None:
        return None, None
    commune = ctx.config.commune(ctx.role.commune)
    if commune is None:
        return [], ctx.role.commune
    return [h.code for h in commune.hamlets], commune.name


def register(router: Router) -> None:
    @router.text(priority=FAQ_PRIORITY)
    async def faq(ctx: Context) -> list[Outbound] | None:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        addressed = msg.chat.is_private or msg.mentions_bot or msg.reply_to_bot
        return await answer_question(ctx, msg.text, addressed=addressed)

    @router.command("hoi", help_key="cmd_hoi")
    async def hoi(ctx: Context) -> list[Outbound] | None:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        text = msg.command.arg_text if msg.command else ""
        if not content_tokens(text):
            return [Outbound(msg.chat, ctx.texts.say("hoi_usage"), reply_to=_reply_to(msg))]
        return await answer_question(ctx, text, addressed=True)

    @router.button(FEEDBACK_PREFIX)
    async def feedback(ctx: Context) -> list[Outbound]:
        press = ctx.event
        assert isinstance(press, ButtonPress)
        parts = press.data.split(":")
        if len(parts) != 3 or not parts[1].isdigit() or parts[2] not in ("u", "n"):
            return []
        useful = parts[2] == "u"
        person = ctx.extras.get("person")
        feedback = FEEDBACK_USEFUL if useful else FEEDBACK_NOT_USEFUL
        state = await set_feedback(
            ctx.session, int(parts[1]), feedback, ctx.now, by_person=person.id if person is not None else None
        )
        if state == "unknown":
            return []
        if state == "not_yours":  # only the person who asked rates the answer
            return [Outbound(press.chat, "", answer_callback=ctx.texts.say("faq_feedback_not_yours"))]
        key = "faq_thanks_useful" if useful else "faq_thanks_not_useful"
        return [Outbound(press.chat, "", answer_callback=ctx.texts.say(key))]

    @router.button(RELATED_PREFIX)
    async def related(ctx: Context) -> list[Outbound]:
        """A 'hỏi thêm' button: answer that topic as if the person had asked it."""
        press = ctx.event
        assert isinstance(press, ButtonPress)
        matcher = _matcher(ctx)
        entry = matcher.kb.get(press.data[len(RELATED_PREFIX) :]) if matcher else None
        if matcher is None or entry is None:
            return []
        pressed = Match(entry.id, 1.0, True, entry.id, "button")
        qid = await _log(ctx, entry.title, pressed, answered=True)
        body = await _answer_text(ctx, entry, matcher, entry.title)
        return [Outbound(press.chat, body, buttons=_buttons(ctx, qid, entry, matcher))]

    @router.button(CHOICE_PREFIX)
    async def choice(ctx: Context) -> list[Outbound]:
        """A press under "Ý bà con là…?": answer that topic (or give contacts) and record it."""
        press = ctx.event
        assert isinstance(press, ButtonPress)
        qid_text, _, topic = press.data[len(CHOICE_PREFIX) :].partition(":")
        matcher = _matcher(ctx)
        if matcher is None or not qid_text.isdigit() or not topic:
            return []
        q = await ctx.session.get(Question, int(qid_text))
        entry = matcher.kb.get(topic) if topic != NONE_FIT else None
        if q is None or (entry is None and topic != NONE_FIT):
            return [Outbound(press.chat, "", answer_callback=ctx.texts.say("faq_choice_gone"))]
        if entry is None:
            if _may_confirm(ctx, q):
                await record_choice(ctx.session, q.id, None, ctx.now)
            body = ctx.texts.render("faq/none_fit.txt.j2", contacts=await contacts_text(ctx))
            return [Outbound(press.chat, body)]
        if _may_confirm(ctx, q):
            await record_choice(ctx.session, q.id, entry.id, ctx.now)
            qid = q.id
        else:  # someone else in the group wanted the same answer: a fresh log row for their feedback
            qid = await _log(ctx, entry.title, Match(entry.id, 1.0, True, entry.id, "button"), answered=True)
        body = await _answer_text(ctx, entry, matcher, q.text)
        return [
            Outbound(
                press.chat,
                body,
                buttons=_buttons(ctx, qid, entry, matcher),
                meta={"faq_topic": entry.id, "faq_choice": "1"},
            )
        ]

    @router.command("duyet", role=Role.LEADER, help_key="cmd_duyet")
    async def duyet(ctx: Context) -> list[Outbound]:
        """/duyet: wordings residents confirmed; /duyet <số> adds one; /duyet bo <số> drops it."""
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        args = [a.lower() for a in (msg.command.args if msg.command else ())]
        hamlets, scope = _scope(ctx)
        matcher = _matcher(ctx)
        if not args:
            rows = await pending_phrasings(ctx.session, hamlets, limit=MAX_LISTED)
            items = []
            for q in rows:
                e = matcher.kb.get(q.topic) if matcher and q.topic else None
                items.append({"id": q.id, "text": q.text, "title": e.title if e else q.topic})
            text = ctx.texts.render("faq/review.txt.j2", rows=items, scope=scope)
            return [Outbound(msg.chat, text, reply_to=_reply_to(msg))]
        approve = args[0] != "bo"
        number = args[0] if approve else (args[1] if len(args) > 1 else "")
        if not number.isdigit() or len(args) > (1 if approve else 2):
            return [Outbound(msg.chat, ctx.texts.say("duyet_usage"), reply_to=_reply_to(msg))]
        try:
            live = live_knowledge(ctx.config)
        except KnowledgeError as exc:
            log.error("FAQ knowledge base has errors, /duyet refused:\n%s", exc)
            return [Outbound(msg.chat, ctx.texts.say("duyet_failed"), reply_to=_reply_to(msg))]
        outcome, reviewed = await review(ctx.session, live, int(number), approve=approve, at=ctx.now, hamlets=hamlets)
        if outcome is Outcome.APPROVED and reviewed is not None:
            e = live.kb.get(reviewed.topic or "")
            who = f"{msg.sender.platform.value}:{msg.sender.id}"
            log.info("FAQ wording %d approved for %s by %s", reviewed.id, reviewed.topic, who)
            text = ctx.texts.say("duyet_done", text=reviewed.text, title=e.title if e else reviewed.topic)
        elif outcome is Outcome.REJECTED:
            text = ctx.texts.say("duyet_rejected", id=number)
        elif outcome is Outcome.FAILED:
            text = ctx.texts.say("duyet_failed")
        else:
            text = ctx.texts.say("duyet_not_found", id=number)
        return [Outbound(msg.chat, text, reply_to=_reply_to(msg))]

    @router.command("themcauhoi", role=Role.LEADER, help_key="cmd_themcauhoi")
    async def themcauhoi(ctx: Context) -> list[Outbound]:
        """/themcauhoi <mã chủ đề> <cách hỏi>: teach the bot one more way residents ask."""
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        topic, _, phrasing = (msg.command.arg_text if msg.command else "").partition(" ")
        if not topic or not phrasing.strip():
            return [Outbound(msg.chat, ctx.texts.say("themcauhoi_usage"), reply_to=_reply_to(msg))]
        try:
            live = live_knowledge(ctx.config)
            add_phrasing(live.path, topic.strip().lower(), phrasing)
            live.refresh(force=True)
        except KnowledgeError as exc:
            log.error("FAQ knowledge base has errors, /themcauhoi refused:\n%s", exc)
            return [Outbound(msg.chat, ctx.texts.say("themcauhoi_failed"), reply_to=_reply_to(msg))]
        except EditError as exc:
            key = {"unknown_topic": "themcauhoi_unknown", "exists": "themcauhoi_exists"}.get(exc.reason)
            if key is None:
                log.error("/themcauhoi refused: %s", exc)
            return [Outbound(msg.chat, ctx.texts.say(key or "themcauhoi_failed", topic=topic), reply_to=_reply_to(msg))]
        log.info("FAQ phrasing added to %s by %s:%s", topic, msg.sender.platform.value, msg.sender.id)
        return [Outbound(msg.chat, ctx.texts.say("themcauhoi_done", topic=topic), reply_to=_reply_to(msg))]

    @router.command("chuatraloi", role=Role.LEADER, help_key="cmd_chuatraloi")
    async def chuatraloi(ctx: Context) -> list[Outbound]:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        args = msg.command.args if msg.command else ()
        if args and not (args[0].isdigit() and 1 <= int(args[0]) <= MAX_DAYS):
            return [Outbound(msg.chat, ctx.texts.say("chuatraloi_usage"), reply_to=_reply_to(msg))]
        days = int(args[0]) if args else DEFAULT_DAYS
        hamlets, scope = _scope(ctx)
        rows = await needing_work(ctx.session, ctx.now - timedelta(days=days), hamlets)
        grouped: OrderedDict[str, dict[str, object]] = OrderedDict()
        for q in rows:
            key = folded_words(q.text)
            if key in grouped:
                grouped[key]["count"] = int(grouped[key]["count"]) + 1  # type: ignore[call-overload]
                continue
            hamlet = ctx.config.hamlet(q.hamlet_code) if q.hamlet_code else None
            grouped[key] = {
                "date": q.asked_at.replace(tzinfo=UTC).astimezone(ctx.config.tz).strftime("%d/%m"),
                "hamlet": hamlet.name if hamlet else ctx.texts.say("hamlet_unknown"),
                "text": q.text,
                "count": 1,
                "not_useful": q.feedback == FEEDBACK_NOT_USEFUL,
                "topic": q.topic,
            }
        items = list(grouped.values())
        text = ctx.texts.render(
            "faq/needing_work.txt.j2",
            rows=items[:MAX_LISTED],
            more=max(0, len(items) - MAX_LISTED),
            days=days,
            scope=scope,
        )
        return [Outbound(msg.chat, text, reply_to=_reply_to(msg))]
