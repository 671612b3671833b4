"""How a bulletin's text looks on each platform, for the preview and the bulletin's page.

Telegram shows our HTML subset (bold, italic…): we show the same formatting, with every
other tag escaped, so a resident's or leader's ``<script>`` is text, never markup. Zalo has
no formatting: it gets the plain text, split at its 2,000-character limit.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from bot.adapters.base import split_text
from bot.texts import html_to_text
from broadcasts.limits import TELEGRAM_TEXT_LIMIT, ZALO_BOT_TEXT_LIMIT, ZALO_OA_TEXT_LIMIT

FORMAT_TAGS = ("b", "strong", "i", "em", "u", "s", "code", "pre")
_TAG = re.compile(r"<(/?)(" + "|".join(FORMAT_TAGS) + r")>")
_BARE_AMP = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")
LIMITS = {"telegram": TELEGRAM_TEXT_LIMIT, "zalo_oa": ZALO_OA_TEXT_LIMIT, "zalo_bot": ZALO_BOT_TEXT_LIMIT}
PLATFORMS = ("telegram", "zalo_oa", "zalo_bot")


def _text(segment: str) -> str:
    """Text between tags, as Telegram reads it: its entities stay, anything else is escaped."""
    return _BARE_AMP.sub("&amp;", segment).replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def telegram_html(text: str) -> Markup:
    """Telegram-HTML as safe page HTML: only formatting tags survive (balanced), every other
    ``<`` is text. Telegram-HTML is already escaped (``&lt;``), so entities are kept as they are."""
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for m in _TAG.finditer(text):
        out.append(_text(text[pos : m.start()]))
        pos = m.end()
        closing, tag = m.group(1) == "/", m.group(2)
        if not closing:
            stack.append(tag)
            out.append(f"<{tag}>")
        elif tag in stack:
            while stack:
                top = stack.pop()
                out.append(f"</{top}>")
                if top == tag:
                    break
        # a stray closing tag is dropped
    out.append(_text(text[pos:]))
    out.extend(f"</{t}>" for t in reversed(stack))
    return Markup("".join(out))


def plain(text: str, html: bool) -> str:
    return html_to_text(text) if html else text


def as_shown(platform: str, text: str, html: bool) -> list[Markup]:
    """The message parts a platform shows, as page HTML (one entry per message sent)."""
    limit = LIMITS.get(platform, TELEGRAM_TEXT_LIMIT)
    if platform == "telegram":
        return [telegram_html(part) if html else Markup(escape(part)) for part in split_text(text, limit)]
    return [Markup(escape(part)) for part in split_text(plain(text, html), limit)]
