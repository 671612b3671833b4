"""zalo: OA tokens, seen events, follower fan-out

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 14:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('zalo_tokens',
    sa.Column('oa_id', sa.String(length=64), nullable=False),
    sa.Column('access_token', sa.Text(), nullable=True),
    sa.Column('refresh_token', sa.Text(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=True),
    sa.Column('needs_reauth', sa.Boolean(), nullable=False),
    sa.Column('last_error', sa.String(length=255), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('oa_id', name=op.f('pk_zalo_tokens'))
    )
    op.create_table('zalo_seen_events',
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('event_key', sa.String(length=128), nullable=False),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('platform', 'event_key', name=op.f('pk_zalo_seen_events'))
    )
    with op.batch_alter_table('zalo_seen_events', schema=None) as batch_op:
        batch_op.create_index('ix_zalo_seen_events_seen_at', ['seen_at'], unique=False)
    op.create_table('zalo_fanout',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', 'user_id', name=op.f('pk_zalo_fanout'))
    )
    with op.batch_alter_table('zalo_fanout', schema=None) as batch_op:
        batch_op.create_index('ix_zalo_fanout_sent_at', ['sent_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('zalo_fanout', schema=None) as batch_op:
        batch_op.drop_index('ix_zalo_fanout_sent_at')
    op.drop_table('zalo_fanout')
    with op.batch_alter_table('zalo_seen_events', schema=None) as batch_op:
        batch_op.drop_index('ix_zalo_seen_events_seen_at')
    op.drop_table('zalo_seen_events')
    op.drop_table('zalo_tokens')
