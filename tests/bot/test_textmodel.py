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


def test_a_softmax_model_scores_every_class_from_the_words_it_knows() -> None:
    model: textmodel.Classes = {
        "classes": ["a", "b", "out"],
        "bias": [0.0, 0.0, 1.0],
        "features": {"mat": {0: 2.0}, "khau": {0: 1.0, 1: 1.5}, "mat khau": {0: 1.0}, "troi": {2: 3.0}},
    }
    ready = textmodel.dense(model)
    probs = textmodel.probabilities("quen mat khau", ready)
    assert set(probs) == {"a", "b", "out"} and abs(sum(probs.values()) - 1) < 1e-9
    assert max(probs, key=probs.__getitem__) == "a"  # 2 + 1 + 1 against 1.5 and the bias 1
    assert max(textmodel.probabilities("troi mua", ready).items(), key=lambda kv: kv[1])[0] == "out"
    # Too few known words: the classes' priors would speak, not the message.
    assert textmodel.probabilities("quen mat", ready, min_known=2) == {}
    assert textmodel.probabilities("hoan toan moi", ready) == textmodel.probabilities("", ready)


def test_a_model_of_word_triples_reads_triples_back(tmp_path: Path) -> None:
    # Only the run of three tells the sides apart: "chuyen vao tai khoan" is the scams', each pair is both sides'.
    scams = ["chuyen vao tai khoan anh", "chuyen vao tai khoan chi"] * 6
    ordinary = ["chuyen vao kho tai khoan", "tai khoan chuyen vao kho", "vao tai ngan hang khoan"] * 4
    assert "chuyen vao tai" in textmodel.features("chuyen vao tai khoan", 3)
    assert "chuyen vao tai" not in textmodel.features("chuyen vao tai khoan")
    model = textmodel.train(scams, ordinary, longest=3)
    path = tmp_path / "m.json"
    textmodel.save(path, model, ["sets"])
    loaded = textmodel.load(path)
    assert loaded.get("longest") == 3 and "chuyen vao tai" in loaded["features"]
    assert textmodel.log_odds("chuyen vao tai khoan em", loaded) > textmodel.log_odds(
        "chuyen vao kho tai khoan", loaded
    )


def test_fits_in_other_orders_are_averaged_weight_by_weight() -> None:
    one: textmodel.Model = {"bias": -1.0, "features": {"a": 2.0, "b": 1.0}, "longest": 3}
    two: textmodel.Model = {"bias": 0.0, "features": {"a": 1.0, "c": -3.0}, "longest": 3}
    mean = textmodel.averaged([one, two])
    assert mean == {"bias": -0.5, "features": {"a": 1.5, "b": 0.5, "c": -1.5}, "longest": 3}


def test_the_scam_score_is_the_mean_of_its_shuffled_fits() -> None:
    from bot.safety.similarity import train

    scams = [f"chuyen khoan gap {n} trieu vao tai khoan nay" for n in range(12)]
    ordinary = [f"ban ca loc dong {n} nghin mot ky" for n in range(12)]
    fits = [textmodel.train(scams, ordinary, longest=3, seed=s) for s in (1, 2, 3)]
    assert train(scams, ordinary, orders=3) == textmodel.averaged(fits) != fits[0]
