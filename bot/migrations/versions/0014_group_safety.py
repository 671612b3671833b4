"""group safety: known-bad entries, flagged messages, per-group settings

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 12:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

BigPK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "safety_entries",
        sa.Column("id", BigPK, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=255), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_entries")),
        sa.UniqueConstraint("kind", "value", name=op.f("uq_safety_entries_kind_value")),
    )
    op.create_table(
        "safety_flags",
        sa.Column("id", BigPK, autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("group_id", BigPK, nullable=True),
        sa.Column("person_id", BigPK, nullable=True),
        sa.Column("hamlet_code", sa.String(length=32), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=True),
        sa.Column("reasons", sa.String(length=255), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("message_id", sa.String(length=64), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_safety_flags_group_id_groups"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_safety_flags_person_id_people"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_flags")),
    )
    with op.batch_alter_table("safety_flags", schema=None) as batch_op:
        batch_op.create_index("ix_safety_flags_at", ["at"], unique=False)
        batch_op.create_index("ix_safety_flags_hamlet_at", ["hamlet_code", "at"], unique=False)
    op.create_table(
        "group_safety",
        sa.Column("group_id", BigPK, nullable=False),
        sa.Column("delete_scams", sa.Boolean(), nullable=False),
        sa.Column("mute_flood", sa.Boolean(), nullable=False),
        sa.Column("welcome", sa.Boolean(), nullable=False),
        sa.Column("welcome_text", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_group_safety_group_id_groups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("group_id", name=op.f("pk_group_safety")),
    )


def downgrade() -> None:
    op.drop_table("group_safety")
    with op.batch_alter_table("safety_flags", schema=None) as batch_op:
        batch_op.drop_index("ix_safety_flags_hamlet_at")
        batch_op.drop_index("ix_safety_flags_at")
    op.drop_table("safety_flags")
    op.drop_table("safety_entries")
