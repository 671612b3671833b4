"""Folding for scam wording: digits written for letters are read back only where a message does it throughout."""

from __future__ import annotations

from bot.safety.fold import fold


def test_digits_for_letters_throughout_a_message_are_read_as_letters() -> None:
    assert fold("Ch0 v4y t13n kh0ng th3 ch4p") == "cho vay tien khong the chap"


def test_a_few_words_with_digits_stay_as_written() -> None:
    assert fold("Máy in A4, mạng 4G, bệnh nhân F0") == "may in a4 mang 4g benh nhan f0"
    assert fold("chuyển 2tr5 cho chị, 500k tiền ship") == "chuyen 2tr5 cho chi 500k tien ship"


def test_dots_inside_words_are_read_through_when_a_message_is_written_so() -> None:
    assert fold("V.A.Y T.I.Ề.N nhanh, gi.ải ng.ân 15 ph.út") == "vay tien nhanh giai ngan 15 phut"
    # Web addresses and a lone abbreviation stay as written.
    assert fold("xem fb.com/abc và dichvucong.gov.vn, t.me/x") == "xem fb com abc va dichvucong gov vn t me x"
    assert fold("TP.HCM và Q.1") == "tp hcm va q 1"


def test_kg_after_a_number_is_kilograms_elsewhere_teencode_for_khong() -> None:
    assert fold("Gà đồi 160k/kg, giá 30 ngàn 1 kg, mấy kg") == "ga doi 160k kg gia 30 ngan 1 kg may kg"
    assert fold("em kg biết, kg đc đâu") == "em khong biet khong duoc dau"


def test_look_alike_cyrillic_letters_inside_a_vietnamese_word_are_read_as_latin() -> None:
    # "tài khоản", "Vіеtсоmbаnk" with Cyrillic о, і, е, с, а: written so that a filter does not read them
    assert fold("Vіеtсоmbаnk: tài khоản bị khóa") == "vietcombank tai khoan bi khoa"
    # a message all in Russian (a guide's, in Nha Trang) stays as it is
    assert fold("Привет, экскурсия завтра") == "привет экскурсия завтра"


def test_a_zero_for_the_o_of_otp_is_read_as_otp() -> None:
    assert fold("cho chị xin mã 0TP") == "cho chi xin ma otp"
