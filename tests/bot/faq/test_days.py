"""Which day a weather question asks about, on the spellings residents use."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.faq.days import asked_days

TUESDAY = date(2026, 12, 1)
SAT, SUN = date(2026, 12, 5), date(2026, 12, 6)


def _d(n: int) -> date:
    return TUESDAY + timedelta(days=n)


@pytest.mark.parametrize(
    ("question", "kind", "days", "part"),
    [
        ("thời tiết hôm nay thế nào", "today", (_d(0),), None),
        ("thoi tiet hom nay", "today", (_d(0),), None),
        ("bữa nay có mưa hông", "today", (_d(0),), None),
        ("bua nay nang ko", "today", (_d(0),), None),
        ("hnay mưa ko", "today", (_d(0),), None),
        ("bữa ni trời răng", "today", (_d(0),), None),  # Central: ni = nay
        ("trời có mưa không", "today", (_d(0),), None),  # no day named: today
        ("tối nay có mưa không", "today", (_d(0),), "evening"),
        ("toi nay co mua ko", "today", (_d(0),), "evening"),
        ("chiều nay trời sao", "today", (_d(0),), "afternoon"),
        ("sáng nay sương mù hông", "today", (_d(0),), "morning"),
        ("mai có mưa không", "tomorrow", (_d(1),), None),
        ("ngay mai troi the nao", "tomorrow", (_d(1),), None),
        ("sáng mai đi chợ có mưa ko", "tomorrow", (_d(1),), "morning"),
        ("ngày mốt trời sao", "day_after", (_d(2),), None),
        ("ngay mot co mua khong", "day_after", (_d(2),), None),
        ("mốt có mưa hông", "day_after", (_d(2),), None),
        ("ngày kia có bão không", "day_after", (_d(2),), None),
        ("mai mốt trời có mưa không", "next_days", (_d(1), _d(2)), None),
        ("mấy bữa tới có mưa ko", "next_days", (_d(1), _d(2), _d(3)), None),
        ("cuối tuần có mưa không", "weekend", (SAT, SUN), None),
        ("cuoi tuan troi dep ko", "weekend", (SAT, SUN), None),
        ("t7 cn có mưa không", "weekend", (SAT, SUN), None),
        ("thứ 7 với chủ nhật trời sao", "weekend", (SAT, SUN), None),
        ("chu nhat co mua ko", "weekday", (SUN,), None),
        ("thứ năm có mưa không", "weekday", (date(2026, 12, 3),), None),
        ("tuần này mưa nhiều không", "this_week", tuple(_d(k) for k in range(6)), None),
        ("tuan nay thoi tiet sao", "this_week", tuple(_d(k) for k in range(6)), None),
        ("tuần sau có mưa không", "next_week", tuple(date(2026, 12, 7) + timedelta(days=k) for k in range(7)), None),
        ("ngày 5/12 có mưa không", "date", (SAT,), None),
        ("hôm qua mưa bao nhiêu", "past", (), None),
        ("hom qua co mua ko", "past", (), None),
        ("hqua mưa to quá", "past", (), None),
        ("tối qua mưa lớn hông", "past", (), None),
        ("hôm kia có mưa không", "past", (), None),
        ("bữa kia mưa dữ lắm", "past", (), None),
    ],
)
def test_day_asked(question: str, kind: str, days: tuple[date, ...], part: str | None) -> None:
    asked = asked_days(question, TUESDAY)
    assert (asked.kind, asked.days, asked.part) == (kind, days, part), question


@pytest.mark.parametrize(
    "question",
    ["mưa một chút thôi", "mua mot chut thoi", "một ngày mưa mấy lần", "nắng quá", "cái này mưa không", "tôi hỏi"],
)
def test_words_that_only_look_like_days_mean_today(question: str) -> None:
    """'một' (one) is not 'mốt'; 'quá' (too) is not 'qua'; 'này' alone is not 'nay'."""
    assert asked_days(question, TUESDAY).kind == "today", question


def test_weekend_on_sunday_is_today_only() -> None:
    assert asked_days("cuối tuần", SUN).days == (SUN,)
    assert asked_days("tuần này", SUN).days == (SUN,)
