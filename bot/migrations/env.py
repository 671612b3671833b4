"""Alembic environment: runs on a connection handed in by ``bot.store.schema``.

``loaso db upgrade`` is the way to run it; there is no alembic.ini on purpose, so the
database URL comes from config.yaml like everywhere else.
"""

from __future__ import annotations

from alembic import context

import bot.store.all_tables  # noqa: F401  (registers every table on the metadata)
from bot.store.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
