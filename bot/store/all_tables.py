"""Imports every table module so the metadata (and Alembic) sees all tables."""

import bot.store.accounts
import bot.store.broadcasts
import bot.store.faq_changes
import bot.store.outbox
import bot.store.questions
import bot.store.readings
import bot.store.rollups
import bot.store.stats_indexes
import bot.store.tables
import bot.store.zalo  # noqa: F401
