"""``loaso faq review|approve|reject``: wordings residents confirmed through the ask-back.

``review`` lists the wordings waiting (``--json``: one object per line, ``{"id", "text",
"topic", "hamlet", "asked_at"}``); ``approve ID`` adds one to its topic's phrasings in the
knowledge-base file (a running bot reloads the file within seconds, no restart);
``reject ID`` drops it.
"""

from __future__ import annotations

import json

import click

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.faq.knowledge import KnowledgeError
from bot.faq.review import Outcome, review
from bot.faq.service import live_knowledge
from bot.store.db import utcnow
from bot.store.questions import pending_phrasings


def register(main: click.Group) -> None:
    @main.group()
    def faq() -> None:
        """Review wordings residents confirmed ("Ý bà con là…?")."""

    @faq.command("review")
    @click.option("--json", "as_json", is_flag=True, help="one JSON object per line")
    @click.option("--limit", default=50, show_default=True, help="at most this many")
    @click.pass_context
    def review_list(ctx: click.Context, as_json: bool, limit: int) -> None:
        """List confirmed wordings waiting for review, oldest first."""
        config = get_config(ctx)

        async def go() -> list[dict[str, object]]:
            async with opened(config) as rt, rt.store.session() as s:
                rows = await pending_phrasings(s, None, limit=limit)
                return [
                    {
                        "id": q.id,
                        "text": q.text,
                        "topic": q.topic,
                        "hamlet": q.hamlet_code,
                        "asked_at": q.asked_at.isoformat(timespec="seconds"),
                    }
                    for q in rows
                ]

        for row in run_async(go):
            if as_json:
                click.echo(json.dumps(row, ensure_ascii=False))
            else:
                click.echo(f"{row['id']:>6}  {row['topic']:<28} {row['text']}")

    def _decide(ctx: click.Context, question_id: int, approve: bool) -> None:
        config = get_config(ctx)
        try:
            live = live_knowledge(config)
        except KnowledgeError as exc:
            fail("knowledge base has errors:\n" + str(exc))
            return

        async def go() -> Outcome:
            async with opened(config) as rt, rt.store.session() as s:
                outcome, _ = await review(s, live, question_id, approve=approve, at=utcnow())
                return outcome

        outcome = run_async(go)
        if outcome is Outcome.NOT_FOUND:
            fail(f"no confirmed wording {question_id} is waiting for review")
        if outcome is Outcome.FAILED:
            fail(f"could not edit {live.path} (see the log)")
        click.echo(f"{outcome.value}: {question_id}")

    @faq.command("approve")
    @click.argument("question_id", type=int)
    @click.pass_context
    def approve(ctx: click.Context, question_id: int) -> None:
        """Add a confirmed wording to its topic's phrasings."""
        _decide(ctx, question_id, True)

    @faq.command("reject")
    @click.argument("question_id", type=int)
    @click.pass_context
    def reject(ctx: click.Context, question_id: int) -> None:
        """Drop a confirmed wording."""
        _decide(ctx, question_id, False)
