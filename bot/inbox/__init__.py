"""Durable input and replies: updates are stored before they are acknowledged, processed
exactly once through ``Dispatcher.feed``, and answered through the reply outbox (issue 11)."""
