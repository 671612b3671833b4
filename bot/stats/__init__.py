"""Engagement figures: pure queries over the tables the bot already keeps.

``scope`` says which hamlets and which local dates; ``queries`` reads the database;
``figures`` holds the results and defines every number; ``report`` turns them into
tables for the dashboard, CSV and Excel. Nothing here writes to the database.
"""
