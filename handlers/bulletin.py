"""Leaders write bulletins in a private chat, step by step; and type salinity readings (/man).

/thongbao: text → target (all, a commune, chosen hamlets) → now or a time → preview →
confirm. The step and the draft live in the ``conversations`` table, so a restart in the
middle loses nothing. /huy drops the draft. /dsthongbao lists scheduled bulletins and
/huythongbao N cancels one. Only leaders and officials reach these handlers (the router
refuses residents politely); a leader scoped to a commune may only target its hamlets.
"""

from __future__ import annotations

import re
import zlib
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.model import Button, ButtonPress, InboundMessage, Outbound, Role, nfc
from bot.router import Context, Router
from bot.salinity import band_for
from bot.scope import station_communes, target_touches, target_within
from bot.store.broadcasts import end_conversation, get_conversation, save_conversation
from bot.store.db import to_utc_naive
from bot.store.outbox import Bulletin
from bot.texts import html_to_text
from broadcasts import outbox
from broadcasts.compose import local, policy_html
from broadcasts.fold import fold
from broadcasts.sources.salinity import ReadingError, find_station, parse_gl, record_reading
from broadcasts.targets import Target, parse_target, target_groups

KIND = "bulletin"
DIALOG = "bulletins/dialog.txt.j2"
MAX_BULLETIN_CHARS = 3500  # leaves room for the header and signature under Telegram's 4096
PREFIX = "tb:"
SEEN_KEEP = 20  # message keys remembered per conversation to drop redeliveries
_TIME = re.compile(r"^(\d{1,2})\s*[:hg]\s*(\d{2})?\s*(?:(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?)?$")
_DATE_FIRST = re.compile(r"^(\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)\s+(.+)$")
NOW_WORDS = {"ngay", "baygio", "now", "guingay"}
_MAN_CLOCK = re.compile(r"^(\d{1,2})[:hg](\d{2})?$", re.IGNORECASE)
_MAN_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{4}))?$")
AT_WORDS = {"luc", "vao"}
MAN_FUTURE_TOLERANCE = timedelta(minutes=10)  # clocks differ a little; a reading from tomorrow is a typo
ALL_WORDS = {"all", "tatca", "tatcacacnhom", "tatcanhom"}
YES_WORDS = {"gui", "ok", "dongy", "co", "yes", "xacnhan"}
NO_WORDS = {"huy", "khong", "thoi", "no"}


def _say(ctx: Context, key: str, **kw: object) -> str:
    return ctx.texts.render(DIALOG, key=key, **kw)


def _user(ctx: Context) -> tuple[str, str]:
    event = ctx.event
    assert isinstance(event, InboundMessage | ButtonPress)
    return event.sender.platform.value, str(event.sender.id)


def _reply(ctx: Context, text: str, buttons: tuple[tuple[Button, ...], ...] = ()) -> list[Outbound]:
    event = ctx.event
    assert isinstance(event, InboundMessage | ButtonPress)
    callback = event.callback_id if isinstance(event, ButtonPress) else None
    return [Outbound(event.chat, text, buttons=buttons, answer_callback=callback)]


def register(router: Router) -> None:
    @router.command("thongbao", role=Role.LEADER, help_key="cmd_thongbao")
    async def start(ctx: Context) -> list[Outbound]:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        if not msg.chat.is_private:
            return [Outbound(msg.chat, _say(ctx, "only_private"), reply_to=msg.message_id)]
        platform, user = _user(ctx)
        draft: dict[str, object] = {}
        if msg.command and msg.command.arg_text:
            return await _take_text(ctx, platform, user, nfc(msg.command.arg_text), draft)
        await save_conversation(ctx.session, platform, user, KIND, "text", draft, ctx.now)
        return _reply(ctx, _say(ctx, "ask_text"))

    @router.command("huy", role=Role.LEADER)
    async def drop(ctx: Context) -> list[Outbound]:
        platform, user = _user(ctx)
        ended = await end_conversation(ctx.session, platform, user)
        return _reply(ctx, _say(ctx, "cancelled" if ended else "nothing_to_cancel"))

    @router.command("dsthongbao", role=Role.LEADER, help_key="cmd_dsthongbao")
    async def scheduled(ctx: Context) -> list[Outbound]:
        rows = (
            await ctx.session.execute(
                select(Bulletin)
                .where(Bulletin.status == "scheduled", Bulletin.send_at > ctx.now)
                .order_by(Bulletin.send_at)
                .limit(500)
            )
        ).scalars()
        mine = [b for b in rows if target_touches(ctx.config, ctx.role.commune, b.target)][:20]
        items = [
            {
                "id": b.id,
                "when": local(ctx.config, b.send_at).strftime("%H:%M %d/%m"),
                "target": _describe(ctx, b.target),
                "preview": _preview(b),
            }
            for b in mine
        ]
        return _reply(ctx, _say(ctx, "list", items=items))

    @router.command("huythongbao", role=Role.LEADER, help_key="cmd_huythongbao")
    async def cancel(ctx: Context) -> list[Outbound]:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        args = msg.command.args if msg.command else ()
        if not args or not args[0].isdigit():
            return _reply(ctx, _say(ctx, "cancel_usage"))
        bid = int(args[0])
        bulletin = await ctx.session.get(Bulletin, bid)
        if bulletin is None:
            return _reply(ctx, _say(ctx, "cancel_unknown", id=bid))
        platform, user = _user(ctx)
        own = bulletin.created_by == f"{platform}:{user}"
        if not target_touches(ctx.config, ctx.role.commune, bulletin.target):
            return _reply(ctx, _say(ctx, "cancel_unknown", id=bid))  # another commune's: not even its existence
        official_here = ctx.role.role is Role.OFFICIAL and target_within(ctx.config, ctx.role.commune, bulletin.target)
        if not own and not official_here:
            return _reply(ctx, _say(ctx, "cancel_not_yours", id=bid))
        stopped = await outbox.cancel_bulletin(ctx.session, bid, ctx.now)
        return _reply(ctx, _say(ctx, "cancel_done", id=bid, stopped=stopped))

    @router.command("man", role=Role.LEADER, help_key="cmd_man")
    async def salinity(ctx: Context) -> list[Outbound]:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        stations = [s.name for s in ctx.config.stations]
        args = list(msg.command.args) if msg.command else []
        now_local = local(ctx.config, ctx.now)
        try:
            args, measured = split_measured_at(args, now_local)
        except ValueError:
            return _reply(ctx, _say(ctx, "man_bad_time"))
        if len(args) < 2:
            return _reply(ctx, _say(ctx, "man_usage", stations=stations))
        if measured is not None and measured > now_local + MAN_FUTURE_TOLERANCE:
            return _reply(ctx, _say(ctx, "man_bad_time"))
        name, raw = nfc(" ".join(args[:-1])), nfc(args[-1])
        station = find_station(ctx.config, name)
        if station is None:
            return _reply(ctx, _say(ctx, "man_unknown_station", text=name, stations=stations))
        served: set[str | None] = set(station_communes(ctx.config, station.code)) or {None}
        if not any(ctx.may_manage(c) for c in served):  # a station no hamlet uses: unscoped people only
            return _reply(ctx, ctx.texts.say("refused_station", station=station.name))
        try:
            value = parse_gl(raw)
        except ReadingError:
            return _reply(ctx, _say(ctx, "man_bad_value", text=raw))
        platform, user = _user(ctx)
        rec = await record_reading(
            ctx.session,
            ctx.config,
            ctx.texts,
            station=station.code,
            at=to_utc_naive(measured) if measured is not None else ctx.now.replace(microsecond=0),
            grams_per_litre=value,
            source=f"leader:{platform}:{user}",
            now=ctx.now,
        )
        alert = rec.alert.targets if rec.alert and rec.alert.created else 0
        when = local(ctx.config, rec.reading.at) if measured is not None else None
        return _reply(
            ctx,
            _say(
                ctx,
                "man_done",
                station=station,
                value=value,
                band=band_for(value),
                alert=alert,
                when=when,
                stale=rec.stale,
            ),
        )

    @router.text(priority=5)
    async def step(ctx: Context) -> list[Outbound] | None:
        msg = ctx.event
        if not isinstance(msg, InboundMessage) or not msg.chat.is_private:
            return None
        platform, user = _user(ctx)
        conv = await get_conversation(ctx.session, platform, user, ctx.now)
        if conv is None or conv.kind != KIND:
            return None
        if not ctx.has_role(Role.LEADER):  # the role was revoked mid-way
            await end_conversation(ctx.session, platform, user)
            return _reply(ctx, ctx.texts.say("refused"))
        draft = dict(conv.data)
        if _seen(draft, "m", msg.message_id, msg.text):
            return []  # the platform redelivered a message already handled (e.g. after a restart)
        await save_conversation(ctx.session, platform, user, KIND, conv.step, draft, ctx.now)
        return await _advance(ctx, platform, user, conv.step, draft, nfc(msg.text).strip())

    @router.button(PREFIX)
    async def press(ctx: Context) -> list[Outbound] | None:
        event = ctx.event
        assert isinstance(event, ButtonPress)
        if not ctx.has_role(Role.LEADER):
            return _reply(ctx, ctx.texts.say("refused"))
        platform, user = _user(ctx)
        conv = await get_conversation(ctx.session, platform, user, ctx.now)
        if conv is None or conv.kind != KIND:
            return _reply(ctx, _say(ctx, "nothing_to_cancel"))
        draft = dict(conv.data)
        if _seen(draft, "b", event.callback_id, event.data):
            return []
        await save_conversation(ctx.session, platform, user, KIND, conv.step, draft, ctx.now)
        return await _advance(ctx, platform, user, conv.step, draft, event.data[len(PREFIX) :])


def _seen(draft: dict, kind: str, marker: object, text: str = "") -> bool:
    """A message or button press handled before is a redelivery (e.g. after a restart), not a new answer.

    Keys are the platform's id plus a checksum of the text, so a shell session that starts
    counting ids again does not look like a redelivery.
    """
    if marker is None:
        return False
    key = f"{kind}:{marker}:{zlib.crc32(text.encode())}"
    seen: list[str] = list(draft.get("seen", []))
    if key in seen:
        return True
    draft["seen"] = [*seen, key][-SEEN_KEEP:]
    return False


async def _advance(ctx: Context, platform: str, user: str, step: str, draft: dict, text: str) -> list[Outbound]:
    if step == "text":
        return await _take_text(ctx, platform, user, text, draft)
    if step == "target":
        return await _take_target(ctx, platform, user, text, draft)
    if step == "when":
        return await _take_when(ctx, platform, user, text, draft)
    return await _take_confirm(ctx, platform, user, text, draft)


async def _take_text(ctx: Context, platform: str, user: str, text: str, draft: dict) -> list[Outbound]:
    if not text:
        return _reply(ctx, _say(ctx, "ask_text"))
    if len(text) > MAX_BULLETIN_CHARS:
        return _reply(ctx, _say(ctx, "text_too_long", length=len(text), limit=MAX_BULLETIN_CHARS))
    draft["body"] = text
    await save_conversation(ctx.session, platform, user, KIND, "target", draft, ctx.now)
    return _ask_target(ctx)


def _ask_target(ctx: Context) -> list[Outbound]:
    rows: list[tuple[Button, ...]] = []
    if ctx.role.commune is None:
        rows.append((Button(_say(ctx, "btn_all"), f"{PREFIX}all"),))
    for c in ctx.config.communes:
        if ctx.may_manage(c.code):
            rows.append((Button(c.name, f"{PREFIX}commune:{c.code}"),))
    hamlets = [h.code for c in ctx.config.communes if ctx.may_manage(c.code) for h in c.hamlets]
    return _reply(ctx, _say(ctx, "ask_target", hamlets=hamlets), tuple(rows))


def parse_target_answer(ctx: Context, text: str) -> Target | None:
    """'all' / 'tất cả', a commune code, or hamlet codes or names separated by commas."""
    cfg = ctx.config
    if fold(text) in ALL_WORDS:
        return Target("all")
    kind, _, rest = text.partition(":")
    if kind in ("commune", "hamlet") and rest:
        text = rest
    communes = {fold(c.code): c.code for c in cfg.communes} | {fold(c.name): c.code for c in cfg.communes}
    if fold(text) in communes:
        return Target("commune", (communes[fold(text)],))
    names: dict[str, str] = {}
    for h in cfg.all_hamlets():
        names[fold(h.code)] = h.code
        names[fold(h.name)] = h.code
        names[fold(h.name).removeprefix("ap")] = h.code
    codes: list[str] = []
    for part in re.split(r"[,;\n]+", text):
        key = fold(part)
        if not key:
            continue
        if key not in names:
            return None
        codes.append(names[key])
    return Target("hamlet", tuple(dict.fromkeys(codes))) if codes else None


def _allowed(ctx: Context, target: Target) -> bool:
    return ctx.has_role(Role.LEADER) and target_within(ctx.config, ctx.role.commune, str(target))


async def _take_target(ctx: Context, platform: str, user: str, text: str, draft: dict) -> list[Outbound]:
    target = parse_target_answer(ctx, text)
    if target is None:
        hamlets = [h.code for h in ctx.config.all_hamlets()]
        return _reply(ctx, _say(ctx, "bad_target", text=text, hamlets=hamlets))
    if not _allowed(ctx, target):
        return _reply(ctx, _say(ctx, "refused_target"))
    draft["target"] = str(target)
    await save_conversation(ctx.session, platform, user, KIND, "when", draft, ctx.now)
    return _reply(ctx, _say(ctx, "ask_when"), ((Button(_say(ctx, "btn_now"), f"{PREFIX}now"),),))


def split_measured_at(args: list[str], now_local: datetime) -> tuple[list[str], datetime | None]:
    """Take an optional measuring time off the end of /man's words: 'HH:MM', 'HH:MM DD/MM[/YYYY]'
    or 'DD/MM HH:MM', optionally after 'lúc'. Without a date it is the last such time (today,
    or yesterday if today's is still to come). Returns the other words and a local aware time;
    raises ValueError for an impossible date. Station and value must remain, so a bare '7h'
    is not taken for a time."""
    words = list(args)
    clock = day = None
    if len(words) >= 4 and _MAN_DAY.match(words[-1]) and _MAN_CLOCK.match(words[-2]):
        clock, day = _MAN_CLOCK.match(words[-2]), _MAN_DAY.match(words[-1])
        words = words[:-2]
    elif len(words) >= 4 and _MAN_CLOCK.match(words[-1]) and _MAN_DAY.match(words[-2]):
        clock, day = _MAN_CLOCK.match(words[-1]), _MAN_DAY.match(words[-2])
        words = words[:-2]
    elif len(words) >= 3 and _MAN_CLOCK.match(words[-1]):
        clock = _MAN_CLOCK.match(words[-1])
        words = words[:-1]
    if clock is None:
        return words, None
    if len(words) >= 3 and fold(words[-1]) in AT_WORDS:
        words = words[:-1]
    hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
    when = now_local.replace(hour=hour, minute=minute, second=0, microsecond=0)  # ValueError: 25:00
    if day is not None:
        year = int(day.group(3) or now_local.year)
        when = when.replace(year=year, month=int(day.group(2)), day=int(day.group(1)))
    elif when > now_local + MAN_FUTURE_TOLERANCE:
        when -= timedelta(days=1)
    return words, when


def parse_when(text: str, now_local: datetime) -> datetime | None:
    """'ngay' → now; 'HH:MM' (today, or tomorrow if past); 'HH:MM DD/MM[/YYYY]' or 'DD/MM HH:MM'. Local aware."""
    folded = fold(text)
    if folded in NOW_WORDS:
        return now_local
    t = text.strip().lower()
    m = _DATE_FIRST.match(t)
    if m:
        t = f"{m.group(2)} {m.group(1)}"
    m = _TIME.match(t)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    try:
        if m.group(3):
            year = int(m.group(5) or now_local.year)
            when = now_local.replace(year=year, month=int(m.group(4)), day=int(m.group(3)), hour=hour, minute=minute)
        else:
            when = now_local.replace(hour=hour, minute=minute)
            if when <= now_local:
                when += timedelta(days=1)
    except ValueError:
        return None
    return when.replace(second=0, microsecond=0)


async def _take_when(ctx: Context, platform: str, user: str, text: str, draft: dict) -> list[Outbound]:
    now_local = local(ctx.config, ctx.now)
    when = parse_when(text, now_local)
    if when is None:
        return _reply(ctx, _say(ctx, "bad_when", text=text))
    if when < now_local - timedelta(minutes=1):
        return _reply(ctx, _say(ctx, "past_when"))
    draft["send_at"] = None if when == now_local else to_utc_naive(when).isoformat()
    await save_conversation(ctx.session, platform, user, KIND, "confirm", draft, ctx.now)
    return await _preview_reply(ctx, draft)


async def _preview_reply(ctx: Context, draft: dict) -> list[Outbound]:
    target = parse_target(draft["target"], ctx.config)
    groups = len(await target_groups(ctx.session, target, ctx.config))
    when = (
        _say(ctx, "when_now")
        if not draft.get("send_at")
        else local(ctx.config, datetime.fromisoformat(draft["send_at"])).strftime(ctx.texts.say("fmt_datetime"))
    )
    text = _say(ctx, "preview", body=draft["body"], target=_describe(ctx, draft["target"]), groups=groups, when=when)
    buttons = ((Button(_say(ctx, "btn_send"), f"{PREFIX}yes"), Button(_say(ctx, "btn_cancel"), f"{PREFIX}no")),)
    return _reply(ctx, text, buttons)


async def _take_confirm(ctx: Context, platform: str, user: str, text: str, draft: dict) -> list[Outbound]:
    answer = fold(text)
    if answer in NO_WORDS:
        await end_conversation(ctx.session, platform, user)
        return _reply(ctx, _say(ctx, "cancelled"))
    if answer not in YES_WORDS:
        return _reply(ctx, _say(ctx, "confirm_again"))
    send_at = datetime.fromisoformat(draft["send_at"]) if draft.get("send_at") else None
    if send_at is not None and send_at < ctx.now:
        send_at = None  # the time passed while the leader was deciding: send now
    target = parse_target(draft["target"], ctx.config)
    commune = target.codes[0] if target.kind == "commune" else ctx.role.commune
    html = policy_html(ctx.config, ctx.texts, draft["body"], ctx.role.name or _sender_name(ctx), commune)
    q = await outbox.queue_bulletin(
        ctx.session,
        ctx.config,
        kind="policy",
        target=target,
        text=html,
        html=True,
        send_at=send_at,
        created_by=f"{platform}:{user}",
        now=ctx.now,
    )
    await end_conversation(ctx.session, platform, user)
    if send_at is None:
        return _reply(ctx, _say(ctx, "queued_now", id=q.bulletin_id, groups=q.targets))
    when = local(ctx.config, send_at).strftime(ctx.texts.say("fmt_datetime_short"))
    return _reply(ctx, _say(ctx, "queued_later", id=q.bulletin_id, groups=q.targets, when=when))


def _sender_name(ctx: Context) -> str | None:
    event = ctx.event
    return getattr(getattr(event, "sender", None), "display_name", None)


def _describe(ctx: Context, target: str) -> str:
    if target == "all":
        return _say(ctx, "target_all")
    kind, _, rest = target.partition(":")
    codes = rest.split(",")
    if kind == "commune":
        return ", ".join(getattr(ctx.config.commune(c), "name", c) for c in codes)
    return ", ".join(getattr(ctx.config.hamlet(c), "name", c) for c in codes)


def _preview(b: Bulletin) -> str:
    text = html_to_text(b.text or "").replace("\n", " ").strip()
    return text[:60] + ("…" if len(text) > 60 else "")
