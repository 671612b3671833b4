"""``loaso ask``: the acceptance checks' contract, one JSON object per stdin line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bench.image_set import ERRORS, ordinary, screenshot
from bot.cli import main
from tests.bot.adapters.test_telegram_media import needs_ocr
from tests.bot.cli.helpers import loaso, write_config
from tests.bot.faq.mini_kb import MINI_KB, UNSURE

KEYS = ["question", "topic", "score", "answer", "suggestions"]


def test_json_lines_in_process(tmp_path: Path) -> None:
    cfg = write_config(tmp_path)
    lines = "kich hoat vneid\nok cảm ơn\n\nđộ mặn bữa nay sao rồi\n"
    result = CliRunner().invoke(main, ["--config", str(cfg), "ask", "--json"], input=lines)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [list(r) for r in rows] == [KEYS] * 4
    assert rows[0]["topic"] == "vneid.activate" and "Kích hoạt" in rows[0]["answer"]
    assert rows[1] == {"question": "ok cảm ơn", "topic": None, "score": 0.0, "answer": None, "suggestions": []}
    assert rows[0]["suggestions"] == []  # it answers outright: nothing to offer
    assert rows[2]["topic"] is None and rows[2]["answer"] is None
    assert rows[3]["topic"] == "live.salinity"
    assert "Kích hoạt" in result.output  # ensure_ascii=False: Vietnamese, not \\u escapes
    assert not (tmp_path / "loaso.db").exists()  # no database needed


def test_plain_question_prints_the_answer_or_says_it_does_not_know(tmp_path: Path) -> None:
    cfg = write_config(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["--config", str(cfg), "ask", "tui quên mk vneid rồi"])
    assert result.exit_code == 0 and "Quên mật khẩu" in result.output
    result = runner.invoke(main, ["--config", str(cfg), "ask", "máy cày nhà tui bị gãy lưỡi cày"])
    assert result.exit_code == 0 and "chưa biết" in result.output
    result = runner.invoke(main, ["--config", str(cfg), "ask"])
    assert result.exit_code == 2


def test_broken_knowledge_base_is_reported(tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text("entries:\n  - id: a.b\n    title: x\n", encoding="utf-8")
    cfg = write_config(tmp_path, faq={"path": str(kb)})
    result = CliRunner().invoke(main, ["--config", str(cfg), "ask", "x"])
    assert result.exit_code == 2
    assert "entries[0] (a.b).answer: is required" in result.output


def test_json_contract_as_a_real_process(tmp_path: Path) -> None:
    write_config(tmp_path)
    proc = loaso(tmp_path, "ask", "--json", stdin="quen mat khau vssid\nchào cả nhà\n")
    assert proc.returncode == 0, proc.stderr
    first, second = (json.loads(line) for line in proc.stdout.splitlines())
    assert list(first) == KEYS and first["topic"] == "vssid.forgot_password" and 0 < first["score"] <= 1
    assert second["topic"] is None and second["answer"] is None
    assert "VssID" in proc.stdout and "\\u" not in proc.stdout


@needs_ocr
def test_image_json_has_the_same_keys_with_the_text_read(tmp_path: Path) -> None:
    write_config(tmp_path)
    shot = tmp_path / "shot.png"
    screenshot(next(c for c in ERRORS if c.name == "bank_face"), dark=True).save(shot)
    proc = loaso(tmp_path, "ask", "--image", str(shot), "--json")
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    assert list(row) == KEYS
    assert row["topic"] == "pay.face_check" and "khuôn mặt" in row["question"]
    plain = tmp_path / "field.png"
    ordinary("field", seed=3).save(plain)
    row = json.loads(loaso(tmp_path, "ask", "--image", str(plain), "--json").stdout)
    assert row["topic"] is None and row["answer"] is None


def test_image_that_is_not_an_image_is_bad_input(tmp_path: Path) -> None:
    cfg = write_config(tmp_path)
    bad = tmp_path / "note.png"
    bad.write_text("not a picture")
    result = CliRunner().invoke(main, ["--config", str(cfg), "ask", "--image", str(bad), "--json"])
    assert result.exit_code in (1, 2)


def test_json_suggestions_are_the_topics_it_would_offer(tmp_path: Path) -> None:
    """Unsure: "topic" stays null and "suggestions" lists the buttons of "Ý bà con là…?"."""
    kb = tmp_path / "knowledge.yaml"
    kb.write_text(MINI_KB, encoding="utf-8")
    cfg = write_config(tmp_path, faq={"path": str(kb)})
    lines = f"{UNSURE}\nmáy cày nhà tui bị gãy lưỡi cày\nquên mật khẩu vssid\n"
    result = CliRunner().invoke(main, ["--config", str(cfg), "ask", "--json"], input=lines)
    unsure, silent, sure = (json.loads(line) for line in result.output.splitlines())
    assert unsure["topic"] is None and unsure["answer"] is None
    assert unsure["suggestions"] == ["vneid.forgot_password", "vssid.forgot_password"]
    assert silent["topic"] is None and silent["suggestions"] == []
    assert sure["topic"] == "vssid.forgot_password" and sure["suggestions"] == []
    plain = CliRunner().invoke(main, ["--config", str(cfg), "ask", UNSURE])
    assert "Ý bà con là" in plain.output and "Quên mật khẩu VssID" in plain.output


def test_json_offers_nothing_to_small_talk_addressed_to_the_bot(tmp_path: Path) -> None:
    """Small talk gets the greeting line, never buttons: "suggestions" stays empty, as the chat shows it."""
    cfg = write_config(tmp_path)
    lines = "Bot trả lời dài quá, già đọc không nổi\n"
    result = CliRunner().invoke(main, ["--config", str(cfg), "ask", "--json"], input=lines)
    row = json.loads(result.output.splitlines()[0])
    assert row["topic"] is None and row["suggestions"] == []
