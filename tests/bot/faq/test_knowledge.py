from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.faq.knowledge import KnowledgeError, LiveKnowledge, load_knowledge, parse_knowledge

KB = PROJECT_ROOT / "faq" / "knowledge.yaml"

# Every topic id of faq-topics.md (shared brief); none may be missing or renamed.
REQUIRED_TOPICS = """
vneid.levels vneid.register_level1 vneid.register_level2 vneid.processing_time vneid.activate
vneid.password_rules vneid.forgot_password vneid.change_phone vneid.children vneid.hotline vneid.flight
vneid.driving_licence vneid.health_insurance vneid.errors vneid.address_after_merger card.after_merger
card.validity dvc.login dvc.birth_registration dvc.death_registration dvc.temporary_residence dvc.marriage
dvc.judicial_record dvc.fees dvc.track_dossier vssid.register vssid.forgot_password vssid.login_vneid
bhxh.in_vneid scam.fake_police scam.merger_update scam.report scam.otp pay.face_check pay.fake_qr
pay.open_account shop.sell_online live.salinity live.weather bot.help team.contact
""".split()

IN_PERSON = re.compile(r"Công an xã|Bộ phận một cửa|Tổ công nghệ số|cơ quan BHXH|ngân hàng|156", re.IGNORECASE)


def entry(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "vneid.activate",
        "title": "Kích hoạt",
        "questions": ["kích hoạt vneid", "kich hoat vneid"],
        "answer": "Mở VNeID. Cần giúp: Công an xã.",
    }
    base.update(kw)
    return base


def test_shipped_knowledge_base_covers_every_topic() -> None:
    kb = load_knowledge(KB)
    assert set(REQUIRED_TOPICS) <= set(kb.topics)
    for e in kb.entries:
        assert len(e.questions) >= 4, e.id
        assert IN_PERSON.search(e.answer.splitlines()[-1]), f"{e.id}: answer must end with where to get help"
    assert kb.get("live.salinity").live == "salinity"  # type: ignore[union-attr]


def test_unconfirmed_facts_are_not_stated_as_certain() -> None:
    answer = load_knowledge(KB).get("vneid.change_phone").answer  # type: ignore[union-attr]
    assert "chưa chắc" in answer


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"entries": [entry(answer="")]}, "entries[0] (vneid.activate).answer: is required"),
        ({"entries": [entry(questions=["một"])]}, "entries[0] (vneid.activate).questions: needs at least 2"),
        ({"entries": [entry(id="Kích hoạt")]}, "entries[0] (Kích hoạt).id: is required"),
        ({"entries": [entry(related=["vneid.nope"])]}, "related: unknown topic 'vneid.nope'"),
        ({"entries": [entry(), entry()]}, "entries[1] (vneid.activate).id: duplicate of entries[0]"),
        ({"entries": [entry(colour="red")]}, "entries[0] (vneid.activate).colour: unknown key"),
        ({"entries": [entry(live="tide")]}, "entries[0] (vneid.activate).live: must be one of"),
        ({"entries": ["just text"]}, "entries[0]: must be a mapping"),
        ({"faq": []}, "(top level): must have 'entries:'"),
    ],
)
def test_validation_names_entry_and_key(data: object, message: str) -> None:
    with pytest.raises(KnowledgeError) as err:
        parse_knowledge(data)
    assert any(message in p for p in err.value.problems), err.value.problems


def test_bad_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text("entries:\n  - id: a.b\n    title: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"line \d+ not valid YAML"):
        load_knowledge(path)


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def _write(path: Path, entries: list[dict[str, object]], mtime: int) -> None:
    path.write_text(yaml.safe_dump({"entries": entries}, allow_unicode=True), encoding="utf-8")
    os.utime(path, ns=(mtime, mtime))


def test_reload_on_change_and_keep_last_good(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "kb.yaml"
    _write(path, [entry()], 1_000_000_000)
    clock = Clock()
    live = LiveKnowledge(path, lambda kb: kb, every=3.0, clock=clock)
    assert live.current().topics == ["vneid.activate"]

    _write(path, [entry(), entry(id="scam.otp", answer="Đừng đưa OTP. Báo Công an xã.")], 2_000_000_000)
    clock.t = 1.0
    assert live.current().topics == ["vneid.activate"]  # not checked again yet
    clock.t = 4.0
    assert live.current().topics == ["vneid.activate", "scam.otp"]

    _write(path, [entry(answer="")], 3_000_000_000)  # a broken edit
    clock.t = 8.0
    with caplog.at_level(logging.ERROR, logger="bot.faq.knowledge"):
        assert live.current().topics == ["vneid.activate", "scam.otp"]
    assert "answer: is required" in caplog.text
    assert live.last_error is not None

    _write(path, [entry(title="Kích hoạt tài khoản")], 4_000_000_000)  # fixed again
    clock.t = 12.0
    assert live.current().entries[0].title == "Kích hoạt tài khoản"
    assert live.last_error is None


def test_first_load_must_succeed(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="file not found"):
        LiveKnowledge(tmp_path / "missing.yaml", lambda kb: kb)
