"""bulletin target as text: ``hamlet:`` with many codes does not fit 64 characters

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bulletins", schema=None) as batch_op:
        batch_op.alter_column("target", existing_type=sa.String(length=64), type_=sa.Text(), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("bulletins", schema=None) as batch_op:
        batch_op.alter_column("target", existing_type=sa.Text(), type_=sa.String(length=64), existing_nullable=False)
