"""inbox and replies: every update stored before it is acknowledged, every reply sent from the database

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-01 12:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0006"
branch_labels = None
depends_on = None

BigPK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# Partial indexes: only rows still waiting, so claims stay fast however many done rows are kept.
PENDING = {"sqlite_where": sa.text("done_at IS NULL"), "postgresql_where": sa.text("done_at IS NULL")}
QUEUED = {"sqlite_where": sa.text("status = 'queued'"), "postgresql_where": sa.text("status = 'queued'")}


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("id", BigPK, autoincrement=True, nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("update_key", sa.String(length=128), nullable=False),
        sa.Column("chat_key", sa.String(length=64), nullable=False),
        sa.Column("raw", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("leased_by", sa.String(length=64), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("error", sa.String(length=255), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox")),
        sa.UniqueConstraint("platform", "update_key", name=op.f("uq_inbox_platform_update_key")),
    )
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.create_index("ix_inbox_pending", ["platform", "id"], unique=False, **PENDING)
        batch_op.create_index("ix_inbox_chat", ["platform", "chat_key", "id"], unique=False, **PENDING)
        batch_op.create_index("ix_inbox_done_at", ["done_at"], unique=False)
    op.create_table(
        "replies",
        sa.Column("id", BigPK, autoincrement=True, nullable=False),
        sa.Column("inbox_id", sa.BigInteger(), nullable=True),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("chat_id", sa.String(length=64), nullable=False),
        sa.Column("chat_kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html", sa.Boolean(), nullable=False),
        sa.Column("reply_to", sa.String(length=64), nullable=True),
        sa.Column("buttons", sa.Text(), nullable=True),
        sa.Column("meta", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("action", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("leased_by", sa.String(length=64), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replies")),
    )
    with op.batch_alter_table("replies", schema=None) as batch_op:
        batch_op.create_index("ix_replies_queued", ["platform", "id"], unique=False, **QUEUED)
        batch_op.create_index("ix_replies_chat", ["platform", "chat_id", "id"], unique=False, **QUEUED)
        batch_op.create_index("ix_replies_created_at", ["created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("replies", schema=None) as batch_op:
        batch_op.drop_index("ix_replies_created_at")
        batch_op.drop_index("ix_replies_chat")
        batch_op.drop_index("ix_replies_queued")
    op.drop_table("replies")
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index("ix_inbox_done_at")
        batch_op.drop_index("ix_inbox_chat")
        batch_op.drop_index("ix_inbox_pending")
    op.drop_table("inbox")
