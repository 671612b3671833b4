"""``loaso ask``: ask the FAQ from the terminal, no database, no network.

``loaso ask "câu hỏi"`` prints the answer. ``loaso ask --json`` reads one question per
line from stdin and writes one JSON object per line (a stable contract for acceptance
checks): ``{"question", "topic", "score", "answer"}`` — ``topic`` and ``answer`` are
null when the bot would not answer. Live topics (salinity, weather) print the
knowledge base's general text; the live numbers need a hamlet group.
"""

from __future__ import annotations

import json
import sys

import click

from bot.cli.base import fail, get_config
from bot.config import Config
from bot.faq.knowledge import KnowledgeError
from bot.faq.matcher import Matcher
from bot.faq.service import matcher_for
from bot.model import nfc
from bot.texts import default_texts


def _answer(matcher: Matcher, question: str) -> dict[str, object]:
    match = matcher.match(question)
    entry = matcher.kb.get(match.topic) if match.topic else None
    return {
        "question": question,
        "topic": entry.id if entry else None,
        "score": match.score,
        "answer": entry.answer if entry else None,
    }


def _unknown(config: Config) -> str:
    commune = config.communes[0] if len(config.communes) == 1 else None
    texts = default_texts()
    contacts = texts.render("replies/contacts.txt.j2", hamlet=None, commune=commune)
    return texts.render("faq/unknown.txt.j2", contacts=contacts, logged=False)


def register(main: click.Group) -> None:
    @main.command()
    @click.argument("question", nargs=-1)
    @click.option("--json", "as_json", is_flag=True, help="read questions from stdin, one JSON object per line out")
    @click.pass_context
    def ask(ctx: click.Context, question: tuple[str, ...], as_json: bool) -> None:
        """Ask the FAQ a question, as a resident would."""
        config = get_config(ctx)
        try:
            matcher = matcher_for(config)
        except KnowledgeError as exc:
            fail("knowledge base has errors:\n" + str(exc), 2)
            return
        if as_json:
            lines = [" ".join(question)] if question else (ln.rstrip("\r\n") for ln in sys.stdin)
            for line in lines:
                result = _answer(matcher, nfc(line).strip())
                click.echo(json.dumps(result, ensure_ascii=False))
            return
        if not question:
            fail('give a question, e.g. loaso ask "quên mật khẩu VNeID", or use --json with stdin', 2)
        result = _answer(matcher, nfc(" ".join(question)).strip())
        click.echo(result["answer"] if result["answer"] is not None else _unknown(config))
