"""The logistic regression both learned views share: it separates, it is seeded, it fails quiet."""

from __future__ import annotations

from pathlib import Path

from bot import textmodel


def test_it_learns_which_words_belong_to_which_side() -> None:
    scams = [f"chuyen khoan gap {n} trieu vao tai khoan nay" for n in range(20)]
    ordinary = [f"ban ca loc dong {n} nghin mot ky" for n in range(20)]
    model = textmodel.train(scams, ordinary)
    assert textmodel.log_odds("chuyen khoan gap cho em", model) > 2
    assert textmodel.log_odds("ca loc dong ngon", model) < -2
    assert textmodel.log_odds("hoan toan chu moi", model) == model["bias"]  # unknown words say nothing


def test_training_is_seeded() -> None:
    pos, neg = ["a b c", "a b d", "a c d"] * 3, ["x y z", "x y w", "x z w"] * 3
    assert textmodel.train(pos, neg) == textmodel.train(pos, neg)


def test_a_missing_or_broken_model_says_nothing(tmp_path: Path) -> None:
    assert textmodel.load(tmp_path / "missing.json") == textmodel.EMPTY
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    model = textmodel.load(tmp_path / "broken.json")
    assert textmodel.log_odds("chuyen khoan gap", model) == 0.0


def test_a_saved_model_loads_back(tmp_path: Path) -> None:
    model = textmodel.train(["a b"] * 4, ["c d"] * 4)
    textmodel.save(tmp_path / "m.json", model, ["here"])
    assert textmodel.load(tmp_path / "m.json") == model
