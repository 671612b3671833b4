"""scale: outbox claim index, shared flood buckets, leases

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 12:30:00

- ``ix_deliveries_claim`` on (status, platform, due_at, id) lets the claim
  (``WHERE status = 'queued' AND platform = … ORDER BY due_at, id LIMIT n FOR UPDATE SKIP LOCKED``)
  read the first rows of an index instead of sorting every queued row; it replaces
  ``ix_deliveries_status_due`` (status, due_at), whose prefix it covers.
- ``flood_buckets``: one row per flood-limit key (a bot token, a chat), shared by every process;
  UNLOGGED on PostgreSQL (rewritten on every send, worthless after a crash).
- ``leases``: who runs the scheduler, who polls a bot token, until when.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index("ix_deliveries_claim", ["status", "platform", "due_at", "id"], unique=False)
        batch_op.drop_index("ix_deliveries_status_due")
    op.create_table(
        "flood_buckets",
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("tat", sa.Float(precision=53), nullable=False),
        sa.Column("paused_until", sa.Float(precision=53), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_flood_buckets")),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Buckets live seconds: not worth a WAL record each (a crash empties the table, harmless).
        op.execute("ALTER TABLE flood_buckets SET UNLOGGED")
    op.create_table(
        "leases",
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("holder", sa.String(length=160), nullable=False),
        sa.Column("expires_at", sa.Float(precision=53), nullable=False),
        sa.Column("acquired_at", sa.Float(precision=53), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_leases")),
    )


def downgrade() -> None:
    op.drop_table("leases")
    op.drop_table("flood_buckets")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index("ix_deliveries_status_due", ["status", "due_at"], unique=False)
        batch_op.drop_index("ix_deliveries_claim")
