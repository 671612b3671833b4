"""Imports every table module so the metadata (and Alembic) sees all tables."""

import bot.store.tables  # noqa: F401
