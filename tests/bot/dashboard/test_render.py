"""A bulletin as each platform shows it: Telegram's formatting rendered, nothing else runs."""

from __future__ import annotations

from bot.dashboard.console.render import as_shown, telegram_html


def test_telegram_html_keeps_formatting_and_entities_escapes_the_rest() -> None:
    html = "<b>THÔNG BÁO</b>\n\nhọp &lt;ấp&gt; &amp; <i>mang sổ</i> <script>alert(1)</script> a & b <b>open"
    out = str(telegram_html(html))
    assert out.startswith("<b>THÔNG BÁO</b>") and "<i>mang sổ</i>" in out
    assert "&lt;ấp&gt; &amp;" in out and "&amp;lt;" not in out  # Telegram's entities are not escaped twice
    assert "&lt;script&gt;" in out and "<script>" not in out
    assert "a &amp; b" in out and out.endswith("<b>open</b>")  # a bare & escaped; an open tag closed
    assert str(telegram_html("x</b><b>y</i>")) == "x<b>y</b>"  # stray closing tags dropped


def test_zalo_shows_plain_text_split_at_its_limit() -> None:
    parts = as_shown("zalo_bot", "<b>TIN</b>\n\n" + "chữ " * 700, html=True)
    assert len(parts) >= 2 and all(len(p) <= 2000 for p in parts)  # the messages Zalo will show
    assert "<b>" not in str(parts[0]) and str(parts[0]).startswith("TIN")
    assert len(as_shown("telegram", "<b>TIN</b>\n\n" + "chữ " * 700, html=True)) == 1
