from __future__ import annotations

import unicodedata

import pytest

from bot.faq.normalize import canonical, content_tokens, fold, folded_words, is_chitchat, looks_like_question


def test_nfc_and_lowercase() -> None:
    decomposed = unicodedata.normalize("NFD", "Kích Hoạt VNeID")
    assert canonical(decomposed) == "kích hoạt vneid"
    assert unicodedata.is_normalized("NFC", canonical(decomposed))


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("thuý", "thúy"), ("khoẻ", "khỏe"), ("Hoà Bình", "hòa bình"), ("quý", "quý"), ("hoàng", "hoàng")],
)
def test_one_tone_mark_style(old: str, new: str) -> None:
    assert canonical(old) == new
    assert canonical(new) == new


def test_fold_strips_every_mark_and_d_stroke() -> None:
    assert fold("Đăng ký định danh điện tử") == "Dang ky dinh danh dien tu"
    assert fold("độ mặn") == "do man"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ko dc", "khong duoc"),
        ("hông biết j", "khong biet gi"),
        ("hem đc", "khong duoc"),
        ("tui quên mk", "toi quen matkhau"),
        ("đổi số đt", "doi sodienthoai"),
        ("k nhận đc otp", "khong nhan duoc otp"),
        ("vn eid", "vneid"),
        ("wen pass", "quen matkhau"),
        ("bảo hiểm y tế", "bhyt"),
        ("xài vneid", "dung vneid"),
    ],
)
def test_teencode_and_southern_speech(typed: str, expected: str) -> None:
    assert folded_words(typed) == expected


def test_with_and_without_diacritics_give_the_same_tokens() -> None:
    assert content_tokens("Quên mật khẩu VNeID") == content_tokens("quen mat khau vneid")
    assert content_tokens("kích hoạt vneid") == ["kich", "hoat", "vneid"]


@pytest.mark.parametrize(
    "text", ["ok cảm ơn", "Cảm ơn Loa Số nha", "xin chào", "👍", "...", "Cần bán xoài LH 0909123456"]
)
def test_chitchat_and_ads(text: str) -> None:
    assert is_chitchat(text)


@pytest.mark.parametrize("text", ["quên mật khẩu vneid", "bán hàng trên voso sao", "độ mặn hôm nay"])
def test_questions_are_not_chitchat(text: str) -> None:
    assert not is_chitchat(text)


def test_question_or_statement() -> None:
    assert looks_like_question("kích hoạt vneid sao vậy")
    assert looks_like_question("vneid ko vô dc")
    assert looks_like_question("VNeID mức 2?")
    assert not looks_like_question("tui mới kích hoạt vneid xong rồi")
