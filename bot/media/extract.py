"""From the raw text Tesseract read in a screenshot to the question a resident meant (pure).

A screenshot holds the error message among a status bar ("9:41 4G 87%"), the app's title, a
heading ("Thông báo", "Lỗi", "Trạng thái hồ sơ"), menu labels behind a dialog and buttons
("Đồng ý", "Quay lại"); OCR adds stray symbols. The message is the body: lines that read as
sentences. Chrome is told apart by its shape, not by a list of one app's words: a short line
(at most four words) that is not the tail of a wrapped sentence is a label.

Candidates are the body's lines, runs of two or three adjacent lines, its sentences and pairs of
sentences, each paragraph and the whole body. Each is put to the FAQ matcher as a question (a
screenshot sent to the bot asks "what do I do about this?"), and the matcher's outcome picks:

1. each candidate votes for the matcher's best topic with its confidence, an outright answer
   counting fully, a suggestion half and silence a quarter — so a message read in several
   overlapping candidates beats one stray fragment;
2. of the topic with most votes, the candidate answered outright with the highest confidence
   is the question (else the one the matcher is surest of);
3. labels and the whole text (chrome included) are tried only when no body candidate gets an
   answer or a suggestion: a heading never wins over the message under it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from bot.faq.matcher import ANSWER, SUGGEST, Match
from bot.faq.normalize import fold
from bot.model import nfc

MAX_LINES = 40  # a screenshot has at most a few dozen lines worth reading
MAX_QUESTION_CHARS = 600
MAX_CANDIDATES = 120  # the matcher takes ~1 ms a call: the whole choice stays well under 0.2 s
LABEL_WORDS = 4  # a line this short that is no sentence's tail is a heading, a button or a menu item
ASKED = " ?"  # what a screenshot sent to the bot means: the resident asks about it
WEIGHT = {ANSWER: 1.0, SUGGEST: 0.5}
FRAGMENT = 0.5  # a run of lines that starts or stops mid-sentence (where the screen wrapped it) counts half
SILENT_WEIGHT = 0.25
_JUNK = re.compile(r"[|_~^`¦§©®™•·●○◦▪■□►▶◀←→↑↓«»<>{}\[\]=*#@\\¡¿]+")
_SPACES = re.compile(r"\s+")
_STATUS = re.compile(r"^(\d{1,2}[:.]\d{2}|\d{1,3}\s*%|4g|5g|lte|volte|wifi|vo)$", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.?!…:]$")
_SENTENCE = re.compile(r"(?<=[.?!…])\s+")
# Action words a button or a tab is made of, folded ("dong y", "quay lai"); a line made only of
# these is chrome even when it is not short ("Để sau Xác thực ngay" is two buttons read as one line).
_CHROME_WORDS = frozenset(
    fold(w)
    for w in (
        "đồng ý đóng hủy huỷ bỏ qua quay lại thử gửi để sau tiếp tục xác nhận ok cài đặt cập nhật ngay "
        "về trang chủ đăng nhập ký xem thêm chi tiết tin nhắn hôm nay trả lời chia sẻ chuyển tiếp "
        "thông báo lỗi cảnh báo xác thực"
    ).split()
)


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    label: bool  # a heading, a button, a menu item: chrome, not the message
    ended: bool = False  # it ended a sentence (".", "?", "!")


def _letters(text: str) -> int:
    return sum(1 for c in text if unicodedata.category(c).startswith("L"))


def _clean(line: str) -> tuple[str, bool]:
    """The line without symbols and status-bar words, and whether it ended a sentence."""
    line = _SPACES.sub(" ", _JUNK.sub(" ", line)).strip()
    words = [w for w in line.split(" ") if w and not _STATUS.match(w)]
    line = " ".join(words).strip(" ,;-'\"")
    ended = bool(_ENDS_SENTENCE.search(line))
    return line.strip(" .:"), ended


BREAK = Line("", True)  # between two blocks of text


def _is_chrome(words: list[str]) -> bool:
    return all(fold(w.lower()) in _CHROME_WORDS for w in words)


def read_lines(raw: str, *, keep_breaks: bool = False) -> list[Line]:
    """The lines worth reading, each marked as chrome (label) or message (body)."""
    out: list[Line] = []
    prev_open = False  # the previous line was a long one that did not end its sentence
    for raw_line in nfc(raw).splitlines():
        if not raw_line.strip():
            prev_open = False  # Tesseract puts a blank line between blocks: a new block starts
            if out and out[-1] != BREAK:
                out.append(BREAK)
            continue
        line, ended = _clean(raw_line)
        letters = _letters(line)
        if letters < 3 or letters < 0.5 * len(line.replace(" ", "")):
            continue
        words = line.split(" ")
        short = len(words) <= LABEL_WORDS
        label = _is_chrome(words) or (short and not prev_open and (not ended or len(words) <= 2))
        out.append(Line(line, label, ended))
        prev_open = not label and not ended
        if sum(1 for x in out if x is not BREAK) >= MAX_LINES:
            break
    return [x for x in out if x is not BREAK] if not keep_breaks else out


def clean_lines(raw: str) -> list[str]:
    """The lines worth reading: symbols dropped, status-bar and one-letter noise removed."""
    return [line.text for line in read_lines(raw)]


def _paragraphs(lines: list[Line]) -> list[tuple[str | None, list[Line]]]:
    """Runs of body lines, each with the label just above it (its heading: "Lỗi", "Xác thực OTP")."""
    paras: list[tuple[str | None, list[Line]]] = []
    current: list[Line] = []
    heading: str | None = None
    for line in lines:
        if line.label:
            if current:
                paras.append((heading, current))
                heading = None
            current = []
            if line.text:
                heading = line.text
        else:
            current.append(line)
    if current:
        paras.append((heading, current))
    return paras


def _add(out: dict[str, float], text: str, weight: float) -> None:
    text = text.strip()[:MAX_QUESTION_CHARS]
    if text and len(out) < MAX_CANDIDATES:
        out[text] = max(weight, out.get(text, 0.0))


def _weighted(lines: list[Line]) -> dict[str, float]:
    """Candidates and their weight: a whole sentence or paragraph 1, a run of lines cut mid-sentence less."""
    out: dict[str, float] = {}
    paras = _paragraphs(lines)
    for heading, para in paras:
        start = len(out)
        texts = [ln.text + ("." if ln.ended and not ln.text.endswith(("?", "!")) else "") for ln in para]
        for size in (1, 2, 3):
            for i in range(len(texts) - size + 1):
                whole = (i == 0 or para[i - 1].ended) and (para[i + size - 1].ended or i + size == len(para))
                _add(out, " ".join(texts[i : i + size]), 1.0 if whole else FRAGMENT)
        sentences = [s for s in _SENTENCE.split(" ".join(texts)) if s]
        if len(sentences) > 1:
            for i, sentence in enumerate(sentences):
                _add(out, sentence, 1.0)
                if i + 1 < len(sentences):
                    _add(out, f"{sentence} {sentences[i + 1]}", 1.0)
        _add(out, " ".join(texts), 1.0)
        if heading:  # the heading as context: "Lỗi" + "Kết nối thất bại" is an error, as a resident would say
            for text, weight in list(out.items())[start:]:
                _add(out, f"{heading} {text}", weight)
    _add(out, " ".join(" ".join(ln.text for ln in p) for _, p in paras), 1.0)
    return out


def candidates(lines: list[str] | list[Line]) -> list[str]:
    """The message's candidates: lines, runs of 2–3 lines, sentences, pairs of sentences, paragraphs, the body.

    Plain strings are all taken as body lines.
    """
    return list(_weighted([ln if isinstance(ln, Line) else Line(ln, False) for ln in lines]))


def _asked(text: str) -> str:
    return text if text.endswith("?") else text.rstrip(" .") + ASKED


def _choose(texts: dict[str, float], match: Callable[[str], Match]) -> tuple[str, Match] | None:
    """The candidate of the topic most candidates vote for, or None when no candidate has a topic."""
    votes: dict[str, float] = {}
    tried: list[tuple[str, Match]] = []
    for text, weight in texts.items():
        asked = _asked(text)
        m = match(asked)
        if m.best is None or m.score <= 0:
            continue
        if m.outcome == ANSWER or m.outcome == SUGGEST:
            tried.append((asked, m))
        votes[m.best] = votes.get(m.best, 0.0) + weight * m.score * WEIGHT.get(m.outcome, SILENT_WEIGHT)
    if not tried:
        return None
    ranked = sorted(votes, key=lambda t: -votes[t])
    for topic in ranked:
        mine = [(a, m) for a, m in tried if m.best == topic]
        if not mine:
            continue
        return max(mine, key=lambda am: (am[1].outcome == ANSWER, am[1].score))
    return None


def title(lines: list[Line]) -> str | None:
    """The screen's title: the label above the first line of the message (the app's name, a chat's contact)."""
    for line in lines:
        if not line.label:
            return None
        if not _is_chrome(line.text.split(" ")):
            return line.text
    return None


def with_title(texts: dict[str, float], name: str | None) -> dict[str, float]:
    """Each candidate alone and after the screen's title, as a resident would ask ("VNeID báo: …")."""
    if not name:
        return texts
    return texts | {f"{name} {t}": w for t, w in texts.items() if name not in t}


def best_question(raw: str, match: Callable[[str], Match]) -> str | None:
    """The text to answer, as the resident's question; None when nothing was read.

    The body's candidates first; labels and the whole text only when the body gives the matcher
    nothing to answer or suggest. When nothing gets a topic, the body (or the whole text) is
    returned, so the bot's usual "chưa biết" reply and the leaders' log see what was read.
    """
    blocks = read_lines(raw, keep_breaks=True)
    lines = [line for line in blocks if line is not BREAK]
    if not lines:
        return None
    body = _weighted(blocks)
    chosen = _choose(with_title(body, title(lines)), match)
    if chosen is None:
        rest: dict[str, float] = {}
        for line in lines:
            if line.label and line.text not in body:
                _add(rest, line.text, 1.0)
        _add(rest, " ".join(line.text for line in lines), 1.0)
        chosen = _choose(rest, match)
    if chosen is not None:
        return chosen[0]
    whole = " ".join(line.text for line in lines if not line.label) or " ".join(line.text for line in lines)
    return whole[:MAX_QUESTION_CHARS]


def text_read(raw: str) -> str:
    """What the bot read, as one line (for ``loaso ask --image --json`` and the leaders' log)."""
    return " ".join(clean_lines(raw))[:MAX_QUESTION_CHARS]
