"""Group safety: warn about scam messages, answer "is this a scam?", welcome newcomers, watch floods.

In a hamlet group, a resident's message with a link, a file, a phone number or scam
wording is judged (``bot.safety.judge``; a forwarded message is judged like the
original). On *scam* the bot replies to it, short and calm; where the group allows it
and the bot is an admin (Telegram only: Zalo has no way to delete a member's message)
it deletes the message; the hamlet's leaders are told privately who sent it. A
*suspicious* message is only recorded for leaders (``/canhbao``). Leaders' and
officials' own messages are not judged (they post warnings quoting scams).

In a private chat, a forwarded message, a message with a link or a file, a pasted
message that looks like a scam, or a reply to one asking "có phải lừa đảo không" gets
the same judgement with its reasons; other questions (also about scams) go to the FAQ.

Newcomers are greeted once per batch of joins (``bot.safety.welcome``; a service sends
due batches) and watched in their first hours for links and repeated messages
(``bot.safety.flood``). Nothing here opens a resident's link.
"""

from __future__ import annotations

import logging
import re
import time
from datetime import UTC, timedelta

from bot.config import Hamlet
from bot.model import ChatKind, ChatRef, InboundMessage, MemberChange, MemberEvent, Outbound, Platform, Role
from bot.router import Context, Router
from bot.safety.flood import FloodWatch
from bot.safety.fold import fold
from bot.safety.judge import Judgement, Verdict, judge, reasons
from bot.safety.lists import SafetyData, shipped_data
from bot.safety.urls import find_links, find_phones
from bot.safety.welcome import WelcomeBatcher, greeting
from bot.store import safety as store
from bot.store.groups import ensure_group
from bot.store.roles import list_grants
from handlers.common import commune_for, contacts_text, hamlet_for

log = logging.getLogger(__name__)

SAFETY_PRIORITY = 50  # before the FAQ (100): a question with a link is judged first
RELOAD_SECONDS = 60.0  # imported known-bad entries are picked up within a minute
CAN_MODERATE = {Platform.TELEGRAM}  # Zalo's APIs cannot delete a member's message or mute them
MUTE_SECONDS = 24 * 3600
MAX_WELCOME = 1000
QUOTE_CHARS = 300
DEFAULT_DAYS = 7
_ASKS_SCAM = re.compile(
    r"\b(lua dao|lua|scam|co that khong|that khong|tin duoc khong|co sao khong|an toan khong|bam duoc khong"
    r"|co nen (bam|lam|cai|chuyen))\b"
)
_ON = {"bat", "on", "mo", "1", "co"}
_OFF = {"tat", "off", "0", "khong"}


class _DataCache:
    """The shipped lists, the communes' own pages and the imported entries, reloaded each minute."""

    def __init__(self) -> None:
        self.data: SafetyData | None = None
        self.loaded = 0.0

    async def get(self, ctx: Context) -> SafetyData:
        if self.data is None or time.monotonic() - self.loaded > RELOAD_SECONDS:
            data = shipped_data()
            for commune in ctx.config.communes:
                if commune.pages:
                    data = data.with_pages(commune.pages, commune.name)
            self.data = data.with_entries(await store.load_entries(ctx.session))
            self.loaded = time.monotonic()
        return self.data


def worth_judging(msg: InboundMessage) -> bool:
    """Cheap pre-check so plain chit-chat costs nothing: scams are long or carry a link, number or file."""
    if msg.files or msg.hidden_links or msg.forwarded:
        return True
    text = msg.text
    return len(text) >= 40 or "." in text or "/" in text or sum(c.isdigit() for c in text) >= 9


def _full_text(msg: InboundMessage) -> str:
    return " ".join((msg.text, *msg.hidden_links)) if msg.hidden_links else msg.text


def _kind_text(ctx: Context, j: Judgement) -> str | None:
    return ctx.texts.say(f"safety_kind_{j.kind}") if j.kind else None


def _team(hamlet: Hamlet | None) -> str | None:
    if hamlet is None or not hamlet.team:
        return None
    c = hamlet.team[0]
    return f"{c.name}{' ' + c.phone if c.phone else ''}"


async def hamlet_leaders(ctx: Context, platform: Platform, hamlet: Hamlet | None) -> list[ChatRef]:
    """Private chats of the leaders responsible for ``hamlet`` on ``platform`` (officials when there are none)."""
    commune = ctx.config.commune_of(hamlet.code) if hamlet else None
    grants = [g for g in await list_grants(ctx.session, ctx.config) if g.platform == platform.value]
    in_scope = [g for g in grants if commune is None or g.commune in (None, commune.code)]
    chosen = [g for g in in_scope if g.role is Role.LEADER] or [g for g in in_scope if g.role is Role.OFFICIAL]
    seen: set[str] = set()
    out: list[ChatRef] = []
    for g in chosen:
        if str(g.user_id) not in seen:
            seen.add(str(g.user_id))
            out.append(ChatRef(platform, g.user_id, ChatKind.PRIVATE))
    return out


def _sender_label(ctx: Context, msg: InboundMessage) -> str:
    name = msg.sender.display_name or ctx.texts.say("safety_name_unknown")
    return f"{name} (id {msg.sender.id})"


async def _verdict_reply(ctx: Context, msg: InboundMessage, j: Judgement) -> Outbound:
    body = ctx.texts.render(
        "safety/private_verdict.txt.j2",
        verdict=j.verdict.value,
        kind_text=_kind_text(ctx, j),
        reasons=reasons(j, ctx.texts),
        contacts=await contacts_text(ctx),
    )
    reply_to = None if msg.chat.is_private else msg.message_id
    return Outbound(msg.chat, body, reply_to=reply_to, meta={"safety_verdict": j.verdict.value})


async def scam_reply_for_text(ctx: Context, msg: InboundMessage, text: str) -> Outbound | None:
    """The verdict on text read from a screenshot, when it is a scam (else the FAQ answers it).

    Only a screenshot of a message (it shows a link or a phone number) is judged: an app's own
    error screen ("Mã số BHXH hoặc mật khẩu không đúng") names an agency and a password without
    being anyone's request for them.
    """
    if not (find_links(text) or find_phones(text)):
        return None
    j = judge(text, (), await _DataCache().get(ctx), asked=True)  # images are rare: fresh lists each time
    return await _verdict_reply(ctx, msg, j) if j.verdict is Verdict.SCAM else None


def register(router: Router) -> None:
    cache = _DataCache()
    flood = FloodWatch()
    welcome = WelcomeBatcher()
    router.state["safety.welcome"] = welcome
    router.state["safety.flood"] = flood

    @router.text(priority=SAFETY_PRIORITY)
    async def on_text(ctx: Context) -> list[Outbound] | None:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        if msg.sender.is_bot:
            return None
        if msg.chat.is_private:
            return await _private(ctx, msg)
        if ctx.group is None or ctx.has_role(Role.LEADER):
            return None
        outs: list[Outbound] = []
        if flood.people:
            outs += await _watch_flood(ctx, msg)
        addressed = msg.mentions_bot or msg.reply_to_bot
        if addressed and msg.reply_to_text and _ASKS_SCAM.search(fold(msg.text)):
            return outs + await _answer_about(ctx, msg, msg.reply_to_text)
        if not worth_judging(msg):
            return outs or None
        j = judge(_full_text(msg), msg.files, await cache.get(ctx))
        if j.verdict is Verdict.OK:
            return outs or None
        if j.verdict is Verdict.SUSPICIOUS:
            await _record(ctx, msg, j, store.LOGGED)
            log.info("safety: suspicious message in group %s (%s)", ctx.group.id, ",".join(_codes(j)))
            return outs or None
        if j.question:
            # A resident asked the group whether it is a scam: answer them; their question is not the scam's post.
            await _record(ctx, msg, j, store.WARNED)
            log.info("safety: question about a scam answered in group %s (%s)", ctx.group.id, ",".join(_codes(j)))
            return [*outs, await _verdict_reply(ctx, msg, j)]
        return outs + await _warn(ctx, msg, j)

    async def _private(ctx: Context, msg: InboundMessage) -> list[Outbound] | None:
        if msg.reply_to_text and _ASKS_SCAM.search(fold(msg.text)):
            return await _answer_about(ctx, msg, msg.reply_to_text)
        if not worth_judging(msg):
            return None
        text = _full_text(msg)
        j = judge(text, msg.files, await cache.get(ctx), asked=True)
        has_link = bool(msg.hidden_links or find_links(msg.text))
        asks = bool(_ASKS_SCAM.search(fold(msg.text)))
        pasted = msg.forwarded or msg.files or has_link
        if not (pasted or j.verdict is Verdict.SCAM or (asks and j.verdict is not Verdict.OK)):
            return None  # an ordinary question ("đăng ký tài khoản định danh…" is only suspicious): the FAQ answers
        return [await _verdict_reply(ctx, msg, j)]

    async def _answer_about(ctx: Context, msg: InboundMessage, text: str) -> list[Outbound]:
        j = judge(text, (), await cache.get(ctx), asked=True)
        return [await _verdict_reply(ctx, msg, j)]

    async def _warn(ctx: Context, msg: InboundMessage, j: Judgement) -> list[Outbound]:
        assert ctx.group is not None
        hamlet = await hamlet_for(ctx)
        settings = await store.group_settings(ctx.session, ctx.group.id)
        can_delete = msg.chat.platform in CAN_MODERATE and ctx.group.bot_is_admin and msg.message_id is not None
        delete = bool(settings is not None and settings.delete_scams and can_delete)
        lines = reasons(j, ctx.texts, limit=3)
        warning = ctx.texts.render(
            "safety/group_warning.txt.j2",
            deleted=delete,
            kind_text=_kind_text(ctx, j),
            reasons=lines,
            team=_team(hamlet),
        )
        outs = [
            Outbound(
                msg.chat,
                warning,
                reply_to=None if delete else msg.message_id,
                meta={"safety_verdict": "scam", "safety_kind": j.kind or ""},
            )
        ]
        if delete:
            outs.append(Outbound(msg.chat, "", action="delete", target_message=msg.message_id))
        await _record(ctx, msg, j, store.DELETED if delete else store.WARNED)
        alert = ctx.texts.render(
            "safety/leader_alert.txt.j2",
            what="scam",
            group=ctx.group.title or str(ctx.group.chat_id),
            deleted=delete,
            muted=False,
            sender=_sender_label(ctx, msg),
            reasons=lines,
            text=msg.text[:QUOTE_CHARS],
        )
        outs += [Outbound(leader, alert) for leader in await hamlet_leaders(ctx, msg.chat.platform, hamlet)]
        log.info("safety: scam warned in group %s (deleted=%s, %s)", ctx.group.id, delete, ",".join(_codes(j)))
        return outs

    async def _watch_flood(ctx: Context, msg: InboundMessage) -> list[Outbound]:
        assert ctx.group is not None
        has_link = bool(msg.hidden_links or msg.files or ("." in msg.text and find_links(msg.text)))
        what = flood.observe(msg.chat.platform.value, msg.chat.id, msg.sender.id, fold(msg.text), has_link, ctx.now)
        if what is None:
            return []
        hamlet = await hamlet_for(ctx)
        settings = await store.group_settings(ctx.session, ctx.group.id)
        mute = bool(
            settings is not None
            and settings.mute_flood
            and msg.chat.platform in CAN_MODERATE
            and ctx.group.bot_is_admin
        )
        person = ctx.extras.get("person")
        await store.record_flag(
            ctx.session,
            at=ctx.now,
            platform=msg.chat.platform.value,
            group_id=ctx.group.id,
            person_id=person.id if person is not None else None,
            hamlet_code=hamlet.code if hamlet else None,
            verdict="flood",
            kind=what,
            reasons=(what,),
            action=store.MUTED if mute else store.FLOOD,
            message_id=str(msg.message_id) if msg.message_id is not None else None,
            text=msg.text,
        )
        outs: list[Outbound] = []
        if mute:
            outs.append(Outbound(msg.chat, "", action="mute", target_user=msg.sender.id, seconds=MUTE_SECONDS))
        alert = ctx.texts.render(
            "safety/leader_alert.txt.j2",
            what=what,
            group=ctx.group.title or str(ctx.group.chat_id),
            deleted=False,
            muted=mute,
            sender=_sender_label(ctx, msg),
            reasons=[],
            text=msg.text[:QUOTE_CHARS],
        )
        outs += [Outbound(leader, alert) for leader in await hamlet_leaders(ctx, msg.chat.platform, hamlet)]
        log.info("safety: newcomer %s in group %s (muted=%s)", what, ctx.group.id, mute)
        return outs

    async def _record(ctx: Context, msg: InboundMessage, j: Judgement, action: str) -> None:
        assert ctx.group is not None
        hamlet = await hamlet_for(ctx)
        person = ctx.extras.get("person")
        await store.record_flag(
            ctx.session,
            at=ctx.now,
            platform=msg.chat.platform.value,
            group_id=ctx.group.id,
            person_id=person.id if person is not None else None,
            hamlet_code=hamlet.code if hamlet else None,
            verdict=j.verdict.value,
            kind=j.kind,
            reasons=_codes(j),
            action=action,
            message_id=str(msg.message_id) if msg.message_id is not None else None,
            text=_full_text(msg),
        )

    @router.on(MemberEvent)
    async def joined(ctx: Context) -> None:
        ev = ctx.event
        assert isinstance(ev, MemberEvent)
        if ev.change is not MemberChange.JOINED or ev.user.is_bot or ev.chat.is_private:
            return None
        if isinstance(ev.chat.id, str) and ev.chat.id.startswith("followers:"):
            return None  # Zalo OA followers are not a group conversation
        flood.joined(ev.chat.platform.value, ev.chat.id, ev.user.id, ctx.now)
        group = await ensure_group(ctx.session, ev.chat, ctx.now)
        name = ev.user.display_name or ctx.texts.say("safety_name_unknown")
        welcome.add(ev.chat, group.id, name, ctx.now)
        return None

    @router.command("antoan", role=Role.LEADER, help_key="cmd_antoan")
    async def antoan(ctx: Context) -> list[Outbound]:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        if ctx.group is None:
            return [Outbound(msg.chat, ctx.texts.say("safety_group_only"))]
        if not await _may_manage_group(ctx):
            return [Outbound(msg.chat, ctx.texts.say("refused_commune"), reply_to=msg.message_id)]
        args = [fold(a) for a in (msg.command.args if msg.command else ())]
        if args:
            if len(args) != 2 or args[0] not in ("xoa", "khoa") or args[1] not in _ON | _OFF:
                return [Outbound(msg.chat, ctx.texts.say("antoan_usage"), reply_to=msg.message_id)]
            field = "delete_scams" if args[0] == "xoa" else "mute_flood"
            await store.change_settings(ctx.session, ctx.group.id, ctx.now, **{field: args[1] in _ON})
            log.info("safety: %s set %s=%s in group %s", msg.sender.id, field, args[1] in _ON, ctx.group.id)
        return [Outbound(msg.chat, await _status(ctx), reply_to=msg.message_id)]

    async def _status(ctx: Context) -> str:
        assert ctx.group is not None and isinstance(ctx.event, InboundMessage)
        settings = await store.group_settings(ctx.session, ctx.group.id)
        platform = ctx.event.chat.platform
        return ctx.texts.say(
            "antoan_status",
            delete=bool(settings and settings.delete_scams),
            mute=bool(settings and settings.mute_flood),
            welcome=settings is None or settings.welcome,
            can_delete=platform in CAN_MODERATE,
            admin=ctx.group.bot_is_admin,
            platform="Zalo" if platform in (Platform.ZALO_OA, Platform.ZALO_BOT) else platform.value,
        )

    @router.command("chaomung", role=Role.LEADER, help_key="cmd_chaomung")
    async def chaomung(ctx: Context) -> list[Outbound]:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        if ctx.group is None:
            return [Outbound(msg.chat, ctx.texts.say("safety_group_only"))]
        if not await _may_manage_group(ctx):
            return [Outbound(msg.chat, ctx.texts.say("refused_commune"), reply_to=msg.message_id)]
        arg_text = msg.command.arg_text if msg.command else ""
        head, _, rest = arg_text.partition(" ")
        verb = fold(head)
        if not verb:
            settings = await store.group_settings(ctx.session, ctx.group.id)
            hamlet = ctx.config.hamlet(ctx.group.hamlet_code) if ctx.group.hamlet_code else None
            preview = greeting(ctx.texts, hamlet, settings.welcome_text if settings else None, ["…"])
            return [Outbound(msg.chat, preview, reply_to=msg.message_id)]
        if verb in _ON | _OFF:
            row = await store.change_settings(ctx.session, ctx.group.id, ctx.now, welcome=verb in _ON)
        elif verb == "sua" and rest.strip():
            text = rest.strip()
            if len(text) > MAX_WELCOME:
                return [
                    Outbound(
                        msg.chat,
                        ctx.texts.say("chaomung_too_long", length=len(text), limit=MAX_WELCOME),
                        reply_to=msg.message_id,
                    )
                ]
            row = await store.change_settings(ctx.session, ctx.group.id, ctx.now, welcome_text=text, welcome=True)
        elif verb == "macdinh":
            row = await store.change_settings(ctx.session, ctx.group.id, ctx.now, welcome_text=None)
        else:
            return [Outbound(msg.chat, ctx.texts.say("chaomung_usage"), reply_to=msg.message_id)]
        return [Outbound(msg.chat, ctx.texts.say("chaomung_done", welcome=row.welcome), reply_to=msg.message_id)]

    async def _may_manage_group(ctx: Context) -> bool:
        hamlet = await hamlet_for(ctx)
        commune = commune_for(ctx, hamlet) if hamlet else None
        return ctx.may_manage(commune.code if commune else None) or ctx.role.role is Role.OFFICIAL

    @router.command("canhbao", role=Role.LEADER, help_key="cmd_canhbao")
    async def canhbao(ctx: Context) -> list[Outbound]:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        args = msg.command.args if msg.command else ()
        if args and not (args[0].isdigit() and 1 <= int(args[0]) <= store.KEEP_TEXT_DAYS):
            return [Outbound(msg.chat, ctx.texts.say("canhbao_usage"), reply_to=msg.message_id)]
        days = int(args[0]) if args else DEFAULT_DAYS
        hamlets: list[str] | None = None
        scope = None
        if ctx.role.role is not Role.OFFICIAL and ctx.role.commune is not None:
            commune = ctx.config.commune(ctx.role.commune)
            hamlets = [h.code for h in commune.hamlets] if commune else []
            scope = commune.name if commune else ctx.role.commune
        rows = await store.recent_flags(ctx.session, ctx.now - timedelta(days=days), hamlets)
        items = []
        for f in rows:
            hamlet = ctx.config.hamlet(f.hamlet_code) if f.hamlet_code else None
            local = f.at.replace(tzinfo=UTC).astimezone(ctx.config.tz)
            what = ctx.texts.say(f"safety_verdict_{f.verdict}")
            if f.kind and f.verdict != "flood":
                what += " · " + ctx.texts.say(f"safety_kind_{f.kind}")
            action = {store.DELETED: "deleted", store.MUTED: "muted", store.LOGGED: "logged"}.get(f.action)
            items.append(
                {
                    "date": local.strftime("%d/%m %H:%M"),
                    "hamlet": hamlet.name if hamlet else ctx.texts.say("hamlet_unknown"),
                    "what": what,
                    "action": ctx.texts.say(f"safety_action_{action}") if action else None,
                    "text": (f.text or "")[:QUOTE_CHARS] or None,
                }
            )
        text = ctx.texts.render("safety/flags.txt.j2", rows=items, days=days, scope=scope)
        # Flagged texts are for leaders only: in a group, the list goes to the leader privately.
        chat = msg.chat if msg.chat.is_private else ChatRef(msg.sender.platform, msg.sender.id, ChatKind.PRIVATE)
        return [Outbound(chat, text)]


def _codes(j: Judgement) -> list[str]:
    return [f.code for f in j.findings if f.weight > 0]
