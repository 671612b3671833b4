"""stats dashboard: accounts, app secrets, and indexes for the overview

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BigPK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# Indexes that make the overview fast (see docs/stats.md for the measurements):
INDEXES = [
    # active members and messages per day: an index-only range scan per group
    ("ix_activity_group_hour_person", "activity", ["group_id", "hour", "person_id", "messages"]),
    # members per hamlet: only active memberships of a group, without touching the table
    ("ix_memberships_group_active_person", "memberships", ["group_id", "active", "person_id"]),
    # delivery results per group and bulletin
    ("ix_deliveries_group_bulletin", "deliveries", ["group_id", "bulletin_id", "status"]),
    # bulletins in a date range
    ("ix_bulletins_created_at", "bulletins", ["created_at"]),
]


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", BigPK, autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("commune", sa.String(length=32), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("username", name=op.f("uq_accounts_username")),
    )
    op.create_table(
        "app_secrets",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_app_secrets")),
    )
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_table("app_secrets")
    op.drop_table("accounts")
