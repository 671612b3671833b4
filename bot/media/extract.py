"""From the raw text Tesseract read in a screenshot to the question a resident meant (pure).

A screenshot holds the error message among a status bar ("9:41 4G 87%"), app chrome and
buttons; OCR adds stray symbols. The error is usually one or two lines, so every line and
every run of two or three consecutive lines is a candidate, and the one the FAQ matcher
scores highest is the question. The whole text competes too, for long SMS screenshots.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from bot.model import nfc

MAX_LINES = 40  # a screenshot has at most a few dozen lines worth reading
MAX_QUESTION_CHARS = 600
MIN_WORDS = 3  # fewer: a heading or a button label, not the message
_JUNK = re.compile(r"[|_~^`¦§©®™•·●○◦▪■□►▶◀←→↑↓«»<>{}\[\]=*#@\\]+")
_SPACES = re.compile(r"\s+")
_STATUS = re.compile(r"^(\d{1,2}[:.]\d{2}|\d{1,3}\s*%|4g|5g|lte|volte|wifi|vo)$", re.IGNORECASE)


def _letters(text: str) -> int:
    return sum(1 for c in text if unicodedata.category(c).startswith("L"))


def clean_lines(raw: str) -> list[str]:
    """The lines worth reading: symbols dropped, status-bar and one-letter noise removed."""
    lines: list[str] = []
    for line in nfc(raw).splitlines():
        line = _SPACES.sub(" ", _JUNK.sub(" ", line)).strip(" .,:;-'\"")
        words = [w for w in line.split(" ") if w and not _STATUS.match(w)]
        line = " ".join(words)
        letters = _letters(line)
        if letters < 3 or letters < 0.5 * len(line.replace(" ", "")):
            continue
        lines.append(line)
        if len(lines) >= MAX_LINES:
            break
    return lines


def candidates(lines: list[str]) -> list[str]:
    """Each line, each run of 2–3 lines, and the whole text (capped)."""
    out: list[str] = []
    for size in (1, 2, 3):
        for i in range(len(lines) - size + 1):
            out.append(" ".join(lines[i : i + size]))
    whole = " ".join(lines)[:MAX_QUESTION_CHARS]
    if whole and whole not in out:
        out.append(whole)
    return out


def best_question(raw: str, match: Callable[[str], tuple[str | None, float]]) -> str | None:
    """The text to answer: the best candidate of the topic most candidates agree on.

    Single labels ("Thông báo", "Đóng", "Thử lại") are app chrome, not the error: candidates
    need ``MIN_WORDS`` words. Each topic collects the scores of the candidates it wins, so a
    topic read in several overlapping runs of lines beats one stray line.
    """
    lines = clean_lines(raw)
    if not lines:
        return None
    whole = " ".join(lines)[:MAX_QUESTION_CHARS]
    votes: dict[str, float] = {}
    best_for: dict[str, tuple[float, str]] = {}
    for text in candidates(lines):
        if len(text.split()) < MIN_WORDS and text != whole:
            continue
        topic, score = match(text)
        if topic is None or score <= 0:
            continue
        votes[topic] = votes.get(topic, 0.0) + score
        if score > best_for.get(topic, (0.0, ""))[0]:
            best_for[topic] = (score, text)
    if not votes:
        return whole
    topic = max(votes, key=lambda t: votes[t])
    return best_for[topic][1]


def text_read(raw: str) -> str:
    """What the bot read, as one line (for ``loaso ask --image --json`` and the leaders' log)."""
    return " ".join(clean_lines(raw))[:MAX_QUESTION_CHARS]
