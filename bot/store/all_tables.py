"""Imports every table module so the metadata (and Alembic) sees all tables."""

import bot.store.accounts
import bot.store.broadcasts
import bot.store.faq_changes
import bot.store.flood
import bot.store.inbox
import bot.store.leases
import bot.store.notices
import bot.store.outbox
import bot.store.questions
import bot.store.readings
import bot.store.rollups
import bot.store.safety
import bot.store.stats_indexes
import bot.store.tables
import bot.store.web_sessions
import bot.store.zalo  # noqa: F401
