"""``loaso doctor``: is this installation healthy? One line per check, each with its fix.

Every check returns ``Check`` results: passed (✓), failed (✗, with the fix), or skipped
(the platform is not configured). Checks only read: they never create the schema, never
register a webhook and never send a message. The Zalo OA check gets an access token the
way ``loaso run`` does, so a due refresh happens (and its rotation is stored) as usual.
Secrets are never printed: Bot API URLs carry the token, so errors name the method only.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from bot.config import Config, secret
from bot.localtime import shown
from bot.store.db import Store, utcnow

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
TELEGRAM_TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
TELEGRAM_SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"
PENDING_TOO_MANY = 100  # webhook updates waiting at Telegram: Loa Số is not taking them
RECENT_ERROR = timedelta(hours=24)  # a webhook delivery error newer than this is a failure
OUTBOX_LATE = timedelta(minutes=15)  # a queued delivery due longer than this: nobody is sending
# Zalo OA refresh tokens live three months; warn a fortnight before.
OA_REFRESH_LIFETIME = timedelta(days=90)
OA_REFRESH_WARN = timedelta(days=14)
DEFAULT_MIN_FREE_MB = 1024


@dataclass(frozen=True)
class Check:
    """One line of the report. ``ok`` is None when skipped."""

    name: str
    ok: bool | None
    detail: str
    fix: str = ""

    def line(self) -> str:
        if self.ok is None:
            return f"– {self.name}: skipped ({self.detail})"
        if self.ok:
            return f"✓ {self.name}: {self.detail}"
        return f"✗ {self.name}: {self.detail}" + (f" → {self.fix}" if self.fix else "")


def passed(name: str, detail: str) -> Check:
    return Check(name, True, detail)


def failed(name: str, detail: str, fix: str) -> Check:
    return Check(name, False, detail, fix)


def skipped(name: str, why: str) -> Check:
    return Check(name, None, why)


# --- config and database ------------------------------------------------------------------


def check_config(config: Config, path: str) -> list[Check]:
    from bot.dashboard.auth import WeakSecret, env_session_secret

    hamlets = len(config.all_hamlets())
    out = [passed("config", f"{path}: {len(config.communes)} commune(s), {hamlets} hamlet(s)")]
    try:
        env_session_secret()
    except WeakSecret as exc:
        out.append(failed("dashboard secret", str(exc), "set LOASO_SESSION_SECRET to 32 or more random characters"))
    if config.telegram.webhook is not None and secret(TELEGRAM_SECRET_ENV) is None:
        out.append(
            failed(
                "telegram secret",
                f"telegram.webhook is configured but {TELEGRAM_SECRET_ENV} is not set",
                f"put a random {TELEGRAM_SECRET_ENV} in the environment file",
            )
        )
    return out


def missing_sqlite_file(config: Config) -> Path | None:
    """The SQLite file named by database.url when it does not exist (looked at before a Store creates it)."""
    if config.database.url.startswith("sqlite") and ":memory:" not in config.database.url:
        file = Path(config.database.url.split("///", 1)[1])
        if not file.exists():
            return file
    return None


async def check_database(config: Config, store: Store | None, missing: Path | None = None) -> tuple[Check, bool]:
    """(result, whether the database can be read by the later checks); ``missing``: see ``missing_sqlite_file``."""
    from bot.store.schema import code_heads, database_heads

    where = config.database.url.split("@")[-1]  # never the password
    if missing is not None or store is None:
        return failed("database", f"{missing} does not exist", "run `loaso db upgrade`"), False
    try:
        current, _ = await database_heads(store)
    except Exception as exc:
        return failed(
            "database", f"{where} unreachable ({type(exc).__name__})", "check database.url and that the server runs"
        ), False
    heads = code_heads()
    have, want = ",".join(sorted(current)) or "empty", ",".join(sorted(heads))
    if current != heads:
        return failed("database", f"{where} at revision {have}, code at {want}", "run `loaso db upgrade`"), False
    return passed("database", f"{where} at the latest migration ({want})"), True


# --- Telegram --------------------------------------------------------------------------------


class BotAPIError(Exception):
    def __init__(self, method: str, status: int, description: str):
        super().__init__(f"{method}: {description or f'HTTP {status}'}")
        self.status = status
        self.description = description


async def bot_api(http: httpx.AsyncClient, base_url: str, token: str, method: str, **params: Any) -> Any:
    """One Bot API call; errors name the method, never the URL (it holds the token)."""
    try:
        response = await http.post(f"{base_url}{token}/{method}", json=params)
    except httpx.HTTPError as exc:
        raise BotAPIError(method, 0, f"cannot connect ({type(exc).__name__})") from None
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code != 200 or not body.get("ok"):
        raise BotAPIError(method, response.status_code, str(body.get("description") or ""))
    return body.get("result")


async def check_telegram(config: Config, store: Store | None, http: httpx.AsyncClient) -> list[Check]:
    token = secret(TELEGRAM_TOKEN_ENV)
    if token is None:
        return [skipped("telegram", f"{TELEGRAM_TOKEN_ENV} is not set")]
    base = config.telegram.base_url
    try:
        me = await bot_api(http, base, token, "getMe")
    except BotAPIError as exc:
        fix = (
            f"{TELEGRAM_TOKEN_ENV} was refused: copy the token again from @BotFather"
            if exc.status in (401, 404)
            else "check the network and telegram.base_url"
        )
        return [failed("telegram", str(exc), fix)]
    privacy = (
        "privacy mode off: sees every group message"
        if me.get("can_read_all_group_messages")
        else "privacy mode on: in groups where it is not admin it sees only commands, mentions and replies"
    )
    out = [passed("telegram", f"@{me.get('username')} (id {me.get('id')}); {privacy}")]
    out.append(await _telegram_webhook(config, http, token))
    if store is not None:
        out.extend(await _telegram_groups(store, http, base, token, int(me.get("id") or 0)))
    return out


async def _telegram_webhook(config: Config, http: httpx.AsyncClient, token: str) -> Check:
    name = "telegram webhook"
    try:
        info = await bot_api(http, config.telegram.base_url, token, "getWebhookInfo")
    except BotAPIError as exc:
        return failed(name, str(exc), "check the network and telegram.base_url")
    url, pending = str(info.get("url") or ""), int(info.get("pending_update_count") or 0)
    wanted = config.telegram.webhook.url if config.telegram.webhook else ""
    error_at = info.get("last_error_date")
    error = str(info.get("last_error_message") or "")
    recent = (
        bool(error)
        and error_at is not None
        and datetime.now(UTC).timestamp() - float(error_at) < RECENT_ERROR.total_seconds()
    )
    if not wanted:
        if url:
            return failed(
                name,
                f"a webhook is set ({url}) but config.yaml uses polling",
                "restart `loaso run` (it removes the webhook when polling); if another program uses this bot, "
                "give Loa Số its own bot",
            )
        return passed(name, "none (long polling)")
    if url != wanted:
        return failed(
            name, f"Telegram has {url or 'no webhook'}, config.yaml says {wanted}", "restart `loaso run`: it sets it"
        )
    if recent:
        when = shown(datetime.fromtimestamp(float(error_at), UTC), config)
        return failed(
            name,
            f"{url}: last delivery error {when}: {error}; {pending} update(s) waiting",
            "check that the HTTPS proxy answers at that URL and `loaso run` is up (docs/deploy.md)",
        )
    if pending > PENDING_TOO_MANY:
        return failed(name, f"{url}: {pending} updates waiting", "check that `loaso run` is up and answering")
    return passed(name, f"{url}; {pending} update(s) waiting, no recent error")


async def _telegram_groups(store: Store, http: httpx.AsyncClient, base: str, token: str, bot_id: int) -> list[Check]:
    from bot.store.tables import Group

    async with store.session() as s:
        groups = list(
            (
                await s.execute(
                    select(Group).where(Group.platform == "telegram", Group.active.is_(True)).order_by(Group.id)
                )
            ).scalars()
        )
    out: list[Check] = []
    for g in groups:
        if g.kind == "private":
            continue
        name = f"telegram group {g.title or g.chat_id}"
        if not g.hamlet_code:
            out.append(failed(name, "not linked to a hamlet", "a leader types /ganap <mã ấp> in the group"))
            continue
        try:
            member = await bot_api(http, base, token, "getChatMember", chat_id=g.chat_id, user_id=bot_id)
        except BotAPIError as exc:
            out.append(
                failed(name, f"hamlet {g.hamlet_code}: {exc.description}", "add the bot to the group again, or "
                       "mark it gone with `loaso groups list` and a new /ganap")
            )  # fmt: skip
            continue
        status = member.get("status")
        if status in ("left", "kicked"):
            out.append(failed(name, f"hamlet {g.hamlet_code}: the bot is no longer a member", "add the bot again"))
        elif status in ("administrator", "creator"):
            out.append(passed(name, f"hamlet {g.hamlet_code}: admin (sees joins, leaves and every message)"))
        else:
            out.append(
                failed(
                    name,
                    f"hamlet {g.hamlet_code}: member, not admin: joins and leaves are counted only from service "
                    "messages, and only commands, mentions and replies are seen",
                    "make the bot an administrator of the group",
                )
            )
    if not groups:
        out.append(passed("telegram groups", "none yet (add the bot to a hamlet group)"))
    return out


# --- Zalo ------------------------------------------------------------------------------------


async def check_zalo_oa(config: Config, store: Store | None, http: httpx.AsyncClient) -> list[Check]:
    from bot.adapters.zalo.secrets import MissingSecret, oa_secrets
    from bot.adapters.zalo_oa.client import ZaloAPIError, ZaloOAClient
    from bot.adapters.zalo_oa.tokens import ReauthRequired, TokenManager, TokenRefreshFailed
    from bot.store.zalo import ZaloSeenEvent, ZaloToken

    cfg = config.zalo_oa
    if cfg is None:
        return [skipped("zalo OA", "zalo_oa is not configured")]
    try:
        secrets = oa_secrets()
    except MissingSecret as exc:
        return [failed("zalo OA", "; ".join(exc.problems), "add it to the environment file")]
    if store is None:
        return [failed("zalo OA", "cannot check without the database", "fix the database first")]
    tokens = TokenManager(
        store, http, oauth_url=cfg.oauth_url, app_id=cfg.app_id, oa_id=cfg.oa_id,
        app_secret=secrets.app_secret, env_refresh_token=secrets.refresh_token,
    )  # fmt: skip
    login = "run `loaso zalo login` (docs/zalo.md)"
    async with store.session() as s:
        before = await s.get(ZaloToken, cfg.oa_id)
        rotated = before.updated_at if before is not None else None
    client = ZaloOAClient(http, cfg.base_url, tokens)
    try:
        info = await client.get_oa()
    except ReauthRequired as exc:
        return [failed("zalo OA token", re.split(r"[:;] (?:run|set) ", str(exc))[0], login)]
    except TokenRefreshFailed as exc:
        return [failed("zalo OA token", str(exc), "check the network and zalo_oa.oauth_url, ZALO_APP_SECRET")]
    except ZaloAPIError as exc:
        return [failed("zalo OA", f"Zalo refused getoa: {exc}", login)]
    out: list[Check] = []
    oa_id = str(info.get("oa_id") or "")
    if oa_id != cfg.oa_id:
        out.append(failed("zalo OA", f"the token belongs to OA {oa_id}, config says {cfg.oa_id}", "fix zalo_oa.oa_id"))
    else:
        out.append(passed("zalo OA", f"{info.get('name')} (id {oa_id})"))
    async with store.session() as s:
        row = await s.get(ZaloToken, cfg.oa_id)
        last_event = (
            await s.execute(select(func.max(ZaloSeenEvent.seen_at)).where(ZaloSeenEvent.platform == "zalo_oa"))
        ).scalar_one_or_none()
    now = utcnow()
    if row is not None:
        age = now - row.updated_at
        stale = rotated is not None and now - rotated > OA_REFRESH_LIFETIME - OA_REFRESH_WARN
        if stale:
            # Refreshed just now by this check, but nothing had refreshed it for weeks:
            # the refresh token dies after three months without `loaso run`.
            out.append(
                failed(
                    "zalo OA token",
                    f"refresh token last rotated {(now - rotated).days} days ago before this check "  # type: ignore[operator]
                    f"(it lives {OA_REFRESH_LIFETIME.days})",
                    "keep `loaso run` running: it refreshes the token every day",
                )
            )
        else:
            until = shown(row.expires_at, config) if row.expires_at else "?"
            out.append(
                passed("zalo OA token", f"access token valid until {until}; refresh token {age.days} day(s) old")
            )
    if last_event is None:
        out.append(
            failed(
                "zalo OA webhook",
                "no signed event received yet",
                "in the Zalo app's Webhook page set https://<your host>/webhooks/zalo-oa and enable the events in "
                "docs/zalo.md; then send the OA a message",
            )
        )
    else:
        out.append(passed("zalo OA webhook", f"last signed event {shown(last_event, config)}"))
    out.extend(await _oa_groups(store, client))
    return out


async def _oa_groups(store: Store, client: Any) -> list[Check]:
    """Each OA group (GMF) Loa Số sends to: linked to a hamlet, and the OA still in it."""
    from bot.adapters.zalo_oa.client import ZaloAPIError
    from bot.store.tables import Group

    async with store.session() as s:
        groups = [
            g
            for g in (
                await s.execute(select(Group).where(Group.platform == "zalo_oa", Group.active.is_(True)))
            ).scalars()
            if g.kind != "private" and not str(g.external_id or "").startswith("followers:")
        ]
    if not groups:
        return []
    try:
        present = {str(g["group_id"]): g for g in await client.list_groups()}
    except ZaloAPIError as exc:
        return [failed("zalo OA groups", f"cannot list the OA's groups: {exc}", "check the OA's group package (GMF)")]
    out: list[Check] = []
    for g in groups:
        name = f"zalo OA group {g.title or g.external_id}"
        found = present.get(str(g.external_id))
        if not g.hamlet_code:
            out.append(failed(name, "not linked to a hamlet", "a leader types /ganap <mã ấp> in the group"))
        elif found is None:
            out.append(failed(name, f"hamlet {g.hamlet_code}: the OA is no longer in this group", "add the OA again"))
        else:
            members = found.get("total_member")
            out.append(passed(name, f"hamlet {g.hamlet_code}" + (f", {members} members" if members else "")))
    return out


async def check_zalo_bot(config: Config, http: httpx.AsyncClient) -> list[Check]:
    from bot.adapters.zalo.secrets import BOT_WEBHOOK_SECRET, MissingSecret, bot_secrets
    from bot.adapters.zalo_bot.client import ZaloBotClient, ZaloBotError

    cfg = config.zalo_bot
    if cfg is None:
        return [skipped("zalo bot", "zalo_bot is not configured")]
    try:
        token = bot_secrets(cfg.mode).token
    except MissingSecret as exc:
        return [failed("zalo bot", "; ".join(exc.problems), "add it to the environment file")]
    client = ZaloBotClient(http, cfg.base_url, token)
    try:
        me = await client.get_me()
    except ZaloBotError as exc:
        refused = exc.http_status in (401, 403)
        reason = "the token was refused" if refused else str(exc)
        fix = "copy ZALO_BOT_TOKEN again from Zalo Bot Creator" if refused else "check the network and base_url"
        return [failed("zalo bot", f"getMe: {reason}", fix)]
    out = [passed("zalo bot", f"{me.get('display_name') or me.get('account_name')} (id {me.get('id')}), {cfg.mode}")]
    if not me.get("can_join_groups"):
        out.append(failed("zalo bot groups", "the bot cannot join groups", "allow groups in Zalo Bot Creator"))
    if cfg.mode == "webhook":
        name = "zalo bot webhook"
        if secret(BOT_WEBHOOK_SECRET) is None:
            out.append(failed(name, f"{BOT_WEBHOOK_SECRET} is not set", "add it to the environment file"))
        elif not cfg.webhook_url:
            out.append(
                failed(name, "zalo_bot.webhook_url is not set", "set it to https://<your host>/webhooks/zalo-bot")
            )
        else:
            try:
                info = await client.call("getWebhookInfo")
                url = str((info or {}).get("url") or "") if isinstance(info, dict) else ""
            except ZaloBotError as exc:
                url = f"unknown ({exc})"
            if url != cfg.webhook_url:
                out.append(
                    failed(
                        name, f"Zalo has {url or 'no webhook'}, config says {cfg.webhook_url}", "restart `loaso run`"
                    )
                )
            else:
                out.append(passed(name, url))
    return out


# --- scheduler, outbox, disk ------------------------------------------------------------------


async def check_schedules(config: Config, store: Store) -> list[Check]:
    """Next run of each schedule, and whether the last one due was fired (is a scheduler running?)."""
    from bot.store.tables import Group
    from broadcasts.schedule import all_schedules, fire_times, last_run

    now = datetime.now(UTC)
    async with store.session() as s:
        defs = await all_schedules(s, config)
        since = (await s.execute(select(func.min(Group.created_at)))).scalar_one_or_none()
        lasts = {d.id: await last_run(s, d.id) for d in defs}
    if not defs:
        return [passed("schedules", "none configured")]
    out: list[Check] = []
    for d in defs:
        trig = d.trigger(config.tz)
        nxt = trig.get_next_fire_time(None, now)
        when = shown(nxt, config) if nxt else "never"
        # The last run that should have fired by now (past its grace), since groups exist at all.
        start = max(now - timedelta(days=7), since.replace(tzinfo=UTC) if since else now)
        due = [t for t in fire_times(d, config.tz, start, now - d.grace) if d.in_season(t.astimezone(config.tz))]
        last = lasts[d.id]
        if due and (last is None or last.replace(tzinfo=UTC) < due[-1]):
            out.append(
                failed(
                    f"schedule {d.id}",
                    f"the run of {shown(due[-1], config)} was not sent; next {when}",
                    "start `loaso run` (or exactly one `loaso run --role scheduler`)",
                )
            )
        else:
            out.append(passed(f"schedule {d.id}", f"next run {when}"))
    return out


async def check_outbox(config: Config, store: Store) -> Check:
    from bot.store.outbox import Delivery

    late = utcnow() - OUTBOX_LATE
    async with store.session() as s:
        count, oldest = (
            await s.execute(
                select(func.count(), func.min(Delivery.due_at)).where(
                    Delivery.status == "queued", Delivery.due_at < late
                )
            )
        ).one()
    if count:
        return failed(
            "outbox",
            f"{count} delivery(ies) waiting since {shown(oldest, config)}",
            "start `loaso run` (or a `--role sender`) with the tokens of those platforms",
        )
    return passed("outbox", "nothing waiting")


def check_disk(config: Config, min_free_mb: int) -> Check:
    url = config.database.url
    folder = Path(url.split("///", 1)[1]).resolve().parent if url.startswith("sqlite") else config.base_dir
    while not folder.exists():
        folder = folder.parent
    free_mb = shutil.disk_usage(folder).free // (1024 * 1024)
    detail = f"{free_mb:,} MB free in {folder}"
    if free_mb < min_free_mb:
        return failed(
            "disk", f"{detail} (want {min_free_mb:,})", "free space: old backups, logs (journalctl --vacuum-size)"
        )
    return passed("disk", detail)


# --- all of it -------------------------------------------------------------------------------


async def run_checks(
    config: Config, config_file: str, *, min_free_mb: int = DEFAULT_MIN_FREE_MB, report: Callable[[Check], None]
) -> bool:
    """Run every check, reporting each line as it is known; True when none failed."""
    ok = True

    def emit(checks: list[Check]) -> None:
        nonlocal ok
        for c in checks:
            ok = ok and c.ok is not False
            report(c)

    emit(check_config(config, config_file))
    missing = missing_sqlite_file(config)  # before the Store, which creates an empty (owner-only) file
    store = Store(config.database.url) if missing is None else None  # never create the file it reports missing
    try:
        db, readable = await check_database(config, store, missing)
        emit([db])
        usable = store if readable and store is not None else None
        async with httpx.AsyncClient(timeout=TIMEOUT) as http:
            steps: list[Awaitable[list[Check]]] = [
                check_telegram(config, usable, http),
                check_zalo_oa(config, usable, http),
                check_zalo_bot(config, http),
            ]
            for step in steps:
                emit(await step)
        if usable is not None:
            emit(await check_schedules(config, usable))
            emit([await check_outbox(config, usable)])
    finally:
        if store is not None:
            await store.close()
    emit([check_disk(config, min_free_mb)])
    return ok
