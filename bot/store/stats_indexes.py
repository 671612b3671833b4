"""Indexes the stats overview needs on the foundation tables (migration 0004).

Declared here, next to nothing else, so the metadata matches the migrated schema
without editing the foundation's table modules. Why each one: docs/stats.md.
"""

from __future__ import annotations

from sqlalchemy import Index

from bot.store.outbox import Bulletin, Delivery
from bot.store.tables import Activity, Membership

STATS_INDEXES = (
    Index("ix_activity_group_hour_person", Activity.group_id, Activity.hour, Activity.person_id, Activity.messages),
    Index("ix_memberships_group_active_person", Membership.group_id, Membership.active, Membership.person_id),
    Index("ix_deliveries_group_bulletin", Delivery.group_id, Delivery.bulletin_id, Delivery.status),
    Index("ix_bulletins_created_at", Bulletin.created_at),
)
