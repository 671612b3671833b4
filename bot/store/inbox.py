"""The inbox and the reply outbox: nothing a resident sends is lost (issue 11).

* ``inbox``: every update a platform hands over, committed BEFORE the platform is told it
  was received (webhook 200, getUpdates offset). Unique on (platform, the platform's update
  or event id), so a platform's retry of a stored event is recognised: still pending → it is
  answered once when its turn comes; already done → acknowledged and ignored. The raw update
  is kept only until it is processed (then ``raw`` is set to NULL: Decree 13, minimal data);
  the bare key stays for ``INBOX_RETENTION`` to recognise late retries, then the row goes.
* ``replies``: what the handlers answered, written in the SAME transaction that marks the
  inbox row done, then sent by the reply sender (``bot.inbox.worker``) like bulletin rows:
  leased, retried, paced. Sent rows are deleted after ``REPLY_RETENTION``.

Claims take rows in arrival order per chat: a row is not taken while an earlier row of the
same chat is leased by someone else (another process). On PostgreSQL claims serialise on a
transaction-level advisory lock (a claim is one short statement pair), and the inner
SELECT uses ``FOR UPDATE SKIP LOCKED``; SQLite has one writer anyway.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    exists,
    func,
    select,
    text,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, aliased, mapped_column

from bot.model import Button, ChatId, ChatKind, ChatRef, Outbound, Platform
from bot.store.base import Base, BigPK

# Zalo retries an unanswered webhook for about 2 hours; keys of done updates are kept a day,
# which covers that. The update's content is dropped as soon as it is processed.
INBOX_RETENTION = timedelta(days=1)
# Sent replies are kept an hour (for the dashboard's "last answers" and debugging), then deleted.
REPLY_RETENTION = timedelta(hours=1)
QUEUED, SENT, FAILED, GONE = "queued", "sent", "failed", "gone"


class InboxRow(Base):
    __tablename__ = "inbox"
    __table_args__ = (
        UniqueConstraint("platform", "update_key"),
        # Partial: only pending rows, so claims stay fast however many done keys are kept.
        Index(
            "ix_inbox_pending",
            "platform",
            "id",
            sqlite_where=text("done_at IS NULL"),
            postgresql_where=text("done_at IS NULL"),
        ),
        Index(
            "ix_inbox_chat",
            "platform",
            "chat_key",
            "id",
            sqlite_where=text("done_at IS NULL"),
            postgresql_where=text("done_at IS NULL"),
        ),
        Index("ix_inbox_done_at", "done_at"),
    )

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))
    update_key: Mapped[str] = mapped_column(String(128))  # the platform's update / event id
    chat_key: Mapped[str] = mapped_column(String(64))  # updates of one chat are processed in order
    raw: Mapped[str | None] = mapped_column(Text)  # the update as JSON; NULL once processed
    received_at: Mapped[datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)
    leased_by: Mapped[str | None] = mapped_column(String(64))
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    error: Mapped[str | None] = mapped_column(String(255))


class ReplyRow(Base):
    __tablename__ = "replies"
    __table_args__ = (
        Index(
            "ix_replies_queued",
            "platform",
            "id",
            sqlite_where=text("status = 'queued'"),
            postgresql_where=text("status = 'queued'"),
        ),
        Index(
            "ix_replies_chat",
            "platform",
            "chat_id",
            "id",
            sqlite_where=text("status = 'queued'"),
            postgresql_where=text("status = 'queued'"),
        ),
        Index("ix_replies_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    inbox_id: Mapped[int | None] = mapped_column(BigInteger)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    chat_kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[bool] = mapped_column(Boolean, default=False)
    reply_to: Mapped[str | None] = mapped_column(String(64))
    buttons: Mapped[str | None] = mapped_column(Text)  # JSON [[[text, data], …], …]
    meta: Mapped[str | None] = mapped_column(Text)  # JSON object
    note: Mapped[str | None] = mapped_column(Text)  # a button's pop-up note (a message on Zalo)
    # A moderation action (group safety): JSON {"action", "target_message", "target_user", "seconds"}
    action: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # queued | sent | failed | gone
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime] = mapped_column(DateTime)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)
    leased_by: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


@dataclass(frozen=True)
class Incoming:
    """One update to store: the platform's id for it, its chat (for ordering) and its JSON."""

    key: str
    chat: str
    raw: Any


@dataclass(frozen=True)
class Claimed:
    """An update leased to this process, as the processor needs it."""

    id: int
    update_key: str
    raw: str | None
    attempts: int


def _lock_key(table: str, platform: str) -> int:
    return zlib.crc32(f"loaso:{table}:{platform}".encode()) & 0x7FFFFFFF


async def _serialise_claims(s: AsyncSession, table: str, platform: str) -> None:
    if s.get_bind().dialect.name != "sqlite":
        await s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _lock_key(table, platform)})


def _insert(s: AsyncSession, table: Any) -> Any:
    from sqlalchemy.dialects import postgresql, sqlite

    return (sqlite.insert if s.get_bind().dialect.name == "sqlite" else postgresql.insert)(table)


# ---- inbox -------------------------------------------------------------------------


def column_key(value: str, limit: int) -> str:
    """A key as stored: itself when it fits and holds no NUL (PostgreSQL text cannot), else a digest.

    Cutting would make two long keys equal (a retry of one would hide the other); a digest keeps them apart.
    """
    if len(value) <= limit and "\x00" not in value:
        return value
    return "h:" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[: limit - 2]


async def store_updates(
    s: AsyncSession,
    platform: Platform,
    items: Sequence[Incoming],
    now: datetime,
    *,
    lease_to: str | None = None,
    lease: timedelta = timedelta(seconds=30),
) -> list[Claimed]:
    """Insert the updates not stored yet (one statement); returns the new ones.

    With ``lease_to`` the new rows are stored already leased to that owner, so the process
    that stored them can process them without a claim (SQLite: one process, no one to share with)."""
    if not items:
        return []
    leased = {"lease_until": now + lease, "leased_by": lease_to, "attempts": 1} if lease_to else {"attempts": 0}
    rows = [
        dict(
            platform=platform.value,
            update_key=column_key(i.key, 128),
            chat_key=column_key(i.chat, 64),
            raw=json.dumps(i.raw, ensure_ascii=False, separators=(",", ":")),
            received_at=now,
            **leased,
        )
        for i in items
    ]
    # executemany of INSERT … ON CONFLICT DO NOTHING (the driver's fast path), then read back
    # which rows are new: those received at this very instant (a repeat keeps its older time).
    table = InboxRow.__table__
    conn = await s.connection()  # Core, not the ORM's bulk machinery
    await conn.execute(_insert(s, table).on_conflict_do_nothing(index_elements=["platform", "update_key"]), rows)
    keys = [r["update_key"] for r in rows]
    q = select(table.c.id, table.c.update_key, table.c.raw, table.c.attempts).where(
        table.c.platform == platform.value, table.c.received_at == now, table.c.update_key.in_(keys)
    )
    new = [Claimed(*r) for r in (await conn.execute(q)).all()]
    new.sort(key=lambda c: c.id)
    return new


async def claim_updates(
    s: AsyncSession, platform: Platform, *, limit: int, owner: str, now: datetime, lease: timedelta
) -> list[Claimed]:
    """Lease up to ``limit`` pending updates, oldest first, skipping chats another holder is on.

    One statement (``UPDATE … WHERE id IN (SELECT …) RETURNING``). On SQLite, which one process
    uses, there is no other holder, so the per-chat check is left out (it is the costly part)."""
    due = select(InboxRow.id).where(
        InboxRow.platform == platform.value,
        InboxRow.done_at.is_(None),
        (InboxRow.lease_until.is_(None)) | (InboxRow.lease_until < now),
    )
    if s.get_bind().dialect.name != "sqlite":
        await _serialise_claims(s, "inbox", platform.value)
        earlier = aliased(InboxRow)
        held_elsewhere = exists().where(
            earlier.platform == InboxRow.platform,
            earlier.chat_key == InboxRow.chat_key,
            earlier.id < InboxRow.id,
            earlier.done_at.is_(None),
            earlier.lease_until >= now,
            earlier.leased_by != owner,
        )
        due = due.where(~held_elsewhere)
    due = due.order_by(InboxRow.id).limit(limit)
    if s.get_bind().dialect.name != "sqlite":
        due = due.with_for_update(skip_locked=True)
    stmt = (
        update(InboxRow)
        .where(InboxRow.id.in_(due.scalar_subquery()))
        .values(lease_until=now + lease, leased_by=owner, attempts=InboxRow.attempts + 1)
        .returning(InboxRow.id, InboxRow.update_key, InboxRow.raw, InboxRow.attempts)
        .execution_options(synchronize_session=False)
    )
    rows = [Claimed(*r) for r in (await s.execute(stmt)).all()]
    rows.sort(key=lambda r: r.id)
    return rows


async def finish_update(s: AsyncSession, row_id: int, owner: str, now: datetime, error: str | None = None) -> bool:
    """Mark an update done and drop its content; False if it is no longer ours (lease lost)."""
    return await finish_updates(s, [row_id], owner, now, error) == 1


async def finish_updates(
    s: AsyncSession, row_ids: Sequence[int], owner: str, now: datetime, error: str | None = None
) -> int:
    """Mark updates done and drop their content (one statement); returns how many were still ours."""
    if not row_ids:
        return 0
    result = await s.execute(
        update(InboxRow)
        .where(InboxRow.id.in_(row_ids), InboxRow.leased_by == owner, InboxRow.done_at.is_(None))
        .values(done_at=now, raw=None, lease_until=None, error=error[:255] if error else None)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def pending_updates(s: AsyncSession, platform: Platform | None = None) -> int:
    q = select(func.count()).select_from(InboxRow).where(InboxRow.done_at.is_(None))
    if platform is not None:
        q = q.where(InboxRow.platform == platform.value)
    return int((await s.execute(q)).scalar_one())


# ---- replies -----------------------------------------------------------------------


def _encode_buttons(out: Outbound) -> str | None:
    if not out.buttons:
        return None
    return json.dumps([[[b.text, b.data] for b in row] for row in out.buttons], ensure_ascii=False)


def _encode_action(out: Outbound) -> str | None:
    if not out.action:
        return None
    fields = {"action": out.action, "target_message": out.target_message, "target_user": out.target_user}
    return json.dumps({**fields, "seconds": out.seconds}, ensure_ascii=False)


def _no_nul(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL: a reply never needs one."""
    return value.replace("\x00", "") if value else value


def reply_rows(
    outs: Sequence[Outbound], inbox_id: int | None, now: datetime, *, notes: bool = False
) -> list[dict[str, Any]]:
    """Rows for what can be sent: text, or (``notes``: Zalo, which has no pop-ups) a note alone."""
    return [
        dict(
            inbox_id=inbox_id,
            platform=out.chat.platform.value,
            chat_id=str(out.chat.id),
            chat_kind=out.chat.kind.value,
            text=_no_nul(out.text),
            html=out.html,
            reply_to=None if out.reply_to is None or "\x00" in str(out.reply_to) else str(out.reply_to),
            buttons=_encode_buttons(out),
            meta=_no_nul(json.dumps(out.meta, ensure_ascii=False)) if out.meta else None,
            note=out.answer_callback,
            action=_encode_action(out),
            status=QUEUED,
            attempts=0,
            due_at=now,
            created_at=now,
        )
        for out in outs
        if out.text or out.action or (notes and out.answer_callback)
    ]


async def insert_replies(s: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        conn = await s.connection()
        await conn.execute(_insert(s, ReplyRow.__table__), list(rows))  # executemany: compiled once, cached


async def queue_replies(
    s: AsyncSession, outs: Sequence[Outbound], inbox_id: int | None, now: datetime, *, notes: bool = False
) -> int:
    rows = reply_rows(outs, inbox_id, now, notes=notes)
    await insert_replies(s, rows)
    return len(rows)


def _chat_id(platform: Platform, value: str) -> ChatId:
    if platform in (Platform.TELEGRAM, Platform.SHELL):
        try:
            return int(value)
        except ValueError:
            return value
    return value


def outbound(row: ReplyRow) -> Outbound:
    """The ``Outbound`` a reply row stands for."""
    platform = Platform(row.platform)
    buttons: tuple[tuple[Button, ...], ...] = ()
    if row.buttons:
        buttons = tuple(tuple(Button(t, d) for t, d in r) for r in json.loads(row.buttons))
    action: dict[str, Any] = json.loads(row.action) if row.action else {}
    return Outbound(
        ChatRef(platform, _chat_id(platform, row.chat_id), ChatKind(row.chat_kind)),
        row.text,
        html=row.html,
        buttons=buttons,
        reply_to=None if row.reply_to is None else _chat_id(platform, row.reply_to),
        answer_callback=row.note,
        meta=json.loads(row.meta) if row.meta else {},
        action=action.get("action"),
        target_message=action.get("target_message"),
        target_user=action.get("target_user"),
        seconds=int(action.get("seconds") or 0),
    )


async def claim_replies(
    s: AsyncSession, platform: Platform, *, limit: int, owner: str, now: datetime, lease: timedelta
) -> list[ReplyRow]:
    """Lease up to ``limit`` due replies, oldest first, skipping chats another sender is on."""
    await _serialise_claims(s, "replies", platform.value)
    earlier = aliased(ReplyRow)
    held_elsewhere = exists().where(
        earlier.platform == ReplyRow.platform,
        earlier.chat_id == ReplyRow.chat_id,
        earlier.id < ReplyRow.id,
        earlier.status == QUEUED,
        # an earlier reply of this chat waits (backoff, 429) or another sender holds it
        (earlier.due_at > now) | ((earlier.lease_until >= now) & (earlier.leased_by != owner)),
    )
    due = (
        select(ReplyRow.id)
        .where(
            ReplyRow.platform == platform.value,
            ReplyRow.status == QUEUED,
            ReplyRow.due_at <= now,
            (ReplyRow.lease_until.is_(None)) | (ReplyRow.lease_until < now),
            ~held_elsewhere,
        )
        .order_by(ReplyRow.id)
        .limit(limit)
    )
    if s.get_bind().dialect.name != "sqlite":
        due = due.with_for_update(skip_locked=True)
    stmt = (
        update(ReplyRow)
        .where(ReplyRow.id.in_(due.scalar_subquery()))
        .values(lease_until=now + lease, leased_by=owner)
        .returning(ReplyRow.id)
        .execution_options(synchronize_session=False)
    )
    ids = list((await s.execute(stmt)).scalars())
    if not ids:
        return []
    rows = (await s.execute(select(ReplyRow).where(ReplyRow.id.in_(ids)).order_by(ReplyRow.id))).scalars().all()
    return list(rows)


def own_reply(row_id: int, owner: str) -> Any:
    """UPDATE of one reply this sender still holds and that is still queued."""
    return update(ReplyRow).where(ReplyRow.id == row_id, ReplyRow.leased_by == owner, ReplyRow.status == QUEUED)


async def pending_replies(s: AsyncSession, platform: Platform | None = None) -> tuple[int, datetime | None]:
    q = select(func.count(), func.min(ReplyRow.due_at)).where(ReplyRow.status == QUEUED)
    if platform is not None:
        q = q.where(ReplyRow.platform == platform.value)
    n, due = (await s.execute(q)).one()
    return int(n), due


# ---- leases after a restart, retention ---------------------------------------------


async def release_leases(s: AsyncSession, platform: Platform, owner: str | None) -> int:
    """Give back leases of an earlier life: this owner's (PostgreSQL), or all (SQLite, one process)."""
    n = 0
    for table, pending in ((InboxRow, InboxRow.done_at.is_(None)), (ReplyRow, ReplyRow.status == QUEUED)):
        stmt = update(table).where(table.platform == platform.value, pending, table.leased_by.is_not(None))
        if owner is not None:
            stmt = stmt.where(table.leased_by == owner)
        result = await s.execute(stmt.values(lease_until=None, leased_by=None))
        n += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return n


async def purge(s: AsyncSession, now: datetime) -> int:
    """Delete done inbox keys and finished replies past their retention."""
    a = await s.execute(delete(InboxRow).where(InboxRow.done_at < now - INBOX_RETENTION))
    b = await s.execute(delete(ReplyRow).where(ReplyRow.status != QUEUED, ReplyRow.created_at < now - REPLY_RETENTION))
    return int(a.rowcount or 0) + int(b.rowcount or 0)  # type: ignore[attr-defined]
