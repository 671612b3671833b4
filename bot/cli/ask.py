"""``loaso ask``: ask the FAQ from the terminal, no database, no network.

``loaso ask "câu hỏi"`` prints the answer. ``loaso ask --json`` reads one question per
line from stdin and writes one JSON object per line (a stable contract for acceptance
checks): ``{"question", "topic", "score", "answer", "suggestions"}`` — ``topic`` and
``answer`` are null unless the bot would answer outright; ``suggestions`` are the topic
ids it would offer as buttons when unsure ("Ý bà con là…?"), empty when it answers or
stays silent. Live topics (salinity, weather) print the
knowledge base's general text; the live numbers need a hamlet group.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from bot.cli.base import fail, get_config
from bot.config import Config
from bot.faq.knowledge import KnowledgeError
from bot.faq.matcher import ANSWER, Matcher
from bot.faq.service import matcher_for
from bot.media.extract import best_question, text_read
from bot.media.fetch import MAX_IMAGE_BYTES
from bot.media.ocr import ImageRefused, OcrUnavailable, read_text_sync
from bot.model import nfc
from bot.texts import default_texts


def _answer(matcher: Matcher, question: str, *, shown: bool = False) -> dict[str, object]:
    match = matcher.match(question, shown=shown)
    entry = matcher.kb.get(match.topic) if match.topic and match.outcome == ANSWER else None
    return {
        "question": question,
        "topic": entry.id if entry else None,
        "score": match.score,
        "answer": entry.answer if entry else None,
        "suggestions": [] if entry else list(match.offered),
    }


def _answer_image(matcher: Matcher, path: Path) -> dict[str, object]:
    """Like a typed question, with ``question`` the text read from the image."""
    data = path.read_bytes()
    if len(data) > MAX_IMAGE_BYTES:
        fail(f"{path}: larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB", code=2)
    raw = ""
    try:
        raw = read_text_sync(data)
    except OcrUnavailable:
        fail(
            "cannot read images: install Tesseract with its Vietnamese data (apt-get install tesseract-ocr "
            "tesseract-ocr-vie)"
        )
    except ImageRefused as exc:
        fail(f"{path}: not an image that can be read ({exc})", code=2)
    except TimeoutError:
        fail(f"{path}: reading the image took too long")

    best = best_question(raw, lambda text: matcher.match(text, shown=True))
    result = _answer(matcher, best, shown=True) if best else _answer(matcher, "")
    if not best:
        result.update(topic=None, answer=None, score=0.0, suggestions=[])
    result["question"] = text_read(raw)
    return result


def _unknown(config: Config, matcher: Matcher, suggestions: list[str]) -> str:
    """What a resident would read: the ask-back's choices as a list, or "chưa biết" + contacts."""
    commune = config.communes[0] if len(config.communes) == 1 else None
    texts = default_texts()
    contacts = texts.render("replies/contacts.txt.j2", hamlet=None, commune=commune)
    titles = [e.title for e in (matcher.kb.get(t) for t in suggestions) if e is not None]
    if titles:
        return texts.render("faq/ask_back.txt.j2", listed=True, titles=titles, contacts=contacts)
    return texts.render("faq/unknown.txt.j2", contacts=contacts, logged=False)


def register(main: click.Group) -> None:
    @main.command()
    @click.argument("question", nargs=-1)
    @click.option("--json", "as_json", is_flag=True, help="read questions from stdin, one JSON object per line out")
    @click.option(
        "--image",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="a screenshot or photo: read its text (OCR) and answer it",
    )
    @click.pass_context
    def ask(ctx: click.Context, question: tuple[str, ...], as_json: bool, image: Path | None) -> None:
        """Ask the FAQ a question, as a resident would."""
        config = get_config(ctx)
        try:
            matcher = matcher_for(config)
        except KnowledgeError as exc:
            fail("knowledge base has errors:\n" + str(exc), 2)
            return
        if image is not None:
            result = _answer_image(matcher, image)
            if as_json:
                click.echo(json.dumps(result, ensure_ascii=False))
            else:
                unsure = _unknown(config, matcher, result["suggestions"])  # type: ignore[arg-type]
                click.echo(result["answer"] if result["answer"] is not None else unsure)
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
        if result["answer"] is not None:
            click.echo(result["answer"])
        else:
            click.echo(_unknown(config, matcher, result["suggestions"]))  # type: ignore[arg-type]
