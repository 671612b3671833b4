"""Persistence: everything that must survive a restart lives here (design principle 4).

All datetimes in the database are UTC without tzinfo, so SQLite and PostgreSQL agree.
"""

from bot.store.db import Store, utcnow

__all__ = ["Store", "utcnow"]
