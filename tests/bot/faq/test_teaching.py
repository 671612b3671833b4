"""Teaching the bot (``bot.faq.teaching``) with its record in ``faq_changes``, on SQLite and
PostgreSQL: a question becomes a phrasing and is answered at once; undo takes it back; a draft
waits for review; an answer corrected twice cannot have its first correction undone first."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.faq import teaching
from bot.faq.teaching import TeachError
from bot.store.db import Store, utcnow
from bot.store.faq_changes import handled_questions, recent_changes
from bot.store.questions import Question
from tests.bot.dashboard.console_helpers import console_config

QUESTION = "cái loa ngoài đình hư rồi ai sửa"


async def test_teach_undo_draft_and_answers(stats_store: Store, tmp_path: Path) -> None:
    config = console_config(tmp_path)
    now = utcnow()
    async with stats_store.session() as s:
        q = Question(platform="telegram", hamlet_code="NGAIHOI1", asked_at=now, text=QUESTION, score=0.3,
                     answered=False)  # fmt: skip
        s.add(q)
        await s.flush()
        change = await teaching.teach(s, config, q, "team.contact", "web:totruong", "DAINGAI", now)
        assert change is not None and change.status == "applied"
        qid, cid = q.id, change.id
    assert teaching.answers_with(config, "cai loa ngoai dinh hu roi ai sua") == "team.contact"
    async with stats_store.session() as s:
        assert await handled_questions(s, [qid]) == {qid}
        assert [c.id for c in await recent_changes(s, ["DAINGAI"])] == [cid]
        assert await recent_changes(s, ["LONGDUC"]) == []
        q = await s.get(Question, qid)
        assert await teaching.teach(s, config, q, "team.contact", "web:x", "DAINGAI", now) is None  # twice
        from bot.store.faq_changes import FaqChange

        await teaching.undo(s, config, await s.get(FaqChange, cid), "web:canbo", now)  # type: ignore[arg-type]
    assert teaching.answers_with(config, QUESTION) is None
    async with stats_store.session() as s:
        assert await handled_questions(s, [qid]) == set()
        first = await teaching.correct_answer(s, config, "vneid.hotline", "Gọi 1900 0368.", "web:a", "DAINGAI", now)
        await teaching.correct_answer(s, config, "vneid.hotline", "Gọi tổng đài 1900 0368.", "web:b", "DAINGAI", now)
        with pytest.raises(TeachError) as err:
            await teaching.undo(s, config, first, "web:a", now)
        assert err.value.reason == "changed_since"
        draft = await teaching.draft_topic(
            s,
            config,
            None,
            "Giá lúa",
            "Hỏi Hợp tác xã.",
            ["giá lúa hôm nay", "gia lua bao nhieu"],
            "web:a",
            "DAINGAI",
            now,
        )
        assert draft.status == "pending" and teaching.knowledge(config).get(draft.topic) is None
        with pytest.raises(TeachError):
            await teaching.draft_topic(s, config, None, "x", "y", ["chỉ một cách hỏi"], "web:a", "DAINGAI", now)
