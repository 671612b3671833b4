"""All words a resident or leader sees come from templates/, through one Jinja2 Environment.

Short replies live in ``templates/messages.yaml`` (key → Jinja source); longer ones are
template files. ``*.html*`` templates are autoescaped (Telegram HTML parse mode and the
dashboard); plain-text templates are not, and are sent without a parse mode.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
MESSAGES_FILE = "messages.yaml"


def _vn_number(value: float | int, digits: int = 0) -> str:
    """1234.5 → '1.234,5' (Vietnamese separators)."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


class Texts:
    def __init__(self, root: Path = TEMPLATES):
        self.root = root
        self.env = Environment(
            loader=FileSystemLoader(str(root)),
            undefined=StrictUndefined,
            # messages.yaml entries are plain text (sent without a parse mode); Jinja escapes
            # strings by default, which turned "A&B" into "A&amp;B" in a chat.
            autoescape=select_autoescape(
                enabled_extensions=("html", "htm", "html.j2"), default=False, default_for_string=False
            ),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters["vn_number"] = _vn_number
        self._messages = self._load_messages()

    def _load_messages(self) -> dict[str, str]:
        data = yaml.safe_load((self.root / MESSAGES_FILE).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise ValueError(f"{self.root / MESSAGES_FILE}: every entry must be key: text")
        return data

    @functools.lru_cache(maxsize=512)  # noqa: B019 (one Texts per process)
    def _compiled(self, key: str) -> Template:
        try:
            source = self._messages[key]
        except KeyError:
            raise KeyError(f"no message {key!r} in templates/{MESSAGES_FILE}") from None
        return self.env.from_string(source)

    def say(self, key: str, **context: Any) -> str:
        """A short message by key, rendered as plain text."""
        return self._compiled(key).render(**context).strip()

    def render(self, name: str, **context: Any) -> str:
        """A template file; HTML templates escape every value put into them."""
        return self.env.get_template(name).render(**context).strip()

    def has(self, key: str) -> bool:
        return key in self._messages


_TAG = re.compile(r"<[^>]+>")


def html_to_text(text: str) -> str:
    """For platforms without formatting (Zalo): drop tags, unescape entities."""
    return html.unescape(_TAG.sub("", text.replace("<br>", "\n").replace("<br/>", "\n")))


@functools.lru_cache(maxsize=1)
def default_texts() -> Texts:
    return Texts()
