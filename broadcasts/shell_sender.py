"""A sender for the local ``shell`` platform: groups made by ``loaso shell`` have no network.

A delivery to a shell group is "sent" by writing it to a stream (stderr by default, so
``--json`` output stays clean) and to the log; it gets a local message id. With JSON logs
(``LOASO_LOG_FORMAT=json``, a server's ``loaso run``) it is only a log record: every stderr line
stays one JSON object (a leader's shell group once broke that with a bulletin failure notice). This keeps the
outbox honest in a demo without a token: nothing is silently dropped.
"""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Callable
from typing import TextIO

from bot.adapters.base import SendResult, SendStatus, not_available
from bot.logjson import json_logs_asked
from bot.model import Outbound, Platform
from bot.texts import html_to_text

log = logging.getLogger(__name__)


class ShellSender:
    platform = Platform.SHELL

    def __init__(self, stream: TextIO | None = None, show: Callable[[Outbound], None] | None = None):
        self.stream = stream
        self.show = show  # the local shell shows deliveries to its groups in its own window
        self._ids = itertools.count(1)
        self.sent: list[Outbound] = []

    async def send(self, out: Outbound) -> SendResult:
        if out.action:
            return not_available(out, self.platform)
        text = html_to_text(out.text) if out.html else out.text
        message_id = next(self._ids)
        self.sent.append(out)
        if self.show is not None:
            self.show(out)
            return SendResult(SendStatus.SENT, message_ids=(message_id,))
        if self.stream is None and json_logs_asked():
            log.info("shell group %s got message %d: %s", out.chat.id, message_id, text)
            return SendResult(SendStatus.SENT, message_ids=(message_id,))
        stream = self.stream or sys.stderr
        stream.write(f"--- shell {out.chat.id} ---\n{text}\n")
        stream.flush()
        log.debug("shell group %s got message %d", out.chat.id, message_id)
        return SendResult(SendStatus.SENT, message_ids=(message_id,))
