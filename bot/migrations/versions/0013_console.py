"""web console: FAQ changes made from the browser (who, when, what; reversible); daily activity roll-up;
memberships.last_active

``activity_days`` starts empty and unmarked: the dashboard reads the hourly rows until
``loaso db upgrade`` (which rebuilds it after migrating) or ``loaso db rollup`` has filled it.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

BigPK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "faq_changes",
        sa.Column("id", BigPK, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("topic", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=True),
        sa.Column("question_id", sa.BigInteger(), nullable=True),
        sa.Column("commune", sa.String(length=32), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("extra", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_changes")),
    )
    op.create_index("ix_faq_changes_question", "faq_changes", ["question_id"], unique=False)
    op.create_index("ix_faq_changes_created_at", "faq_changes", ["created_at"], unique=False)

    op.create_table(
        "activity_days",
        sa.Column("group_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("messages", sa.Integer(), server_default="0", nullable=False),
        *(sa.Column(f"h{h:02d}", sa.Integer(), server_default="0", nullable=False) for h in range(24)),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_activity_days_group_id_groups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("group_id", "day", name=op.f("pk_activity_days")),
    )
    op.create_table(
        "rollups",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_rollups")),
    )

    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_active", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_column("last_active")
    op.drop_table("rollups")
    op.drop_table("activity_days")
    op.drop_index("ix_faq_changes_created_at", table_name="faq_changes")
    op.drop_index("ix_faq_changes_question", table_name="faq_changes")
    op.drop_table("faq_changes")
