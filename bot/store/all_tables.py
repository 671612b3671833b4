"""Imports every table module so the metadata (and Alembic) sees all tables."""

import bot.store.broadcasts
import bot.store.outbox
import bot.store.questions
import bot.store.readings
import bot.store.tables  # noqa: F401
