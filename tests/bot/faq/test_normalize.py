from __future__ import annotations

import unicodedata

import pytest

from bot.faq.normalize import (
    asks_live,
    asks_the_bot_itself,
    calls_someone,
    canonical,
    compatible,
    content_tokens,
    fold,
    folded_words,
    grumbles,
    has_scam_evidence,
    is_chitchat,
    is_question,
    is_stopword,
    looks_like_question,
    marked,
    tells_money_lost,
    tells_news,
    tokens,
    typed_with_marks,
    without_bot_name,
    without_denied,
    without_fine,
    without_working,
)


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


def test_diacritics_are_kept_and_folding_is_the_fallback() -> None:
    # Marks are information: the tokens keep them; only the folded form is the same.
    assert content_tokens("Quên mật khẩu VNeID") == ["quên", "mậtkhẩu", "vneid"]
    assert content_tokens("quen mat khau vneid") == ["quen", "mậtkhẩu", "vneid"]  # joined: all compatible
    assert folded_words("Quên mật khẩu VNeID") == folded_words("quen mat khau vneid")
    assert content_tokens("mất khẩu") == ["mất", "khẩu"]  # "mất" is not the "mật" of mật khẩu
    assert marked("mất") and not marked("mat") and not marked("vneid")
    assert compatible("mat", "mật") and compatible("mật", "mật") and not compatible("mất", "mật")
    assert typed_with_marks("ông Tư mới mua xe") and not typed_with_marks("ong tu moi mua xe")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("vi en e i đi", ["vneid"]),
        ("vê en e i đê", ["vneid"]),
        ("ô tê pê", ["otp"]),
        ("o t p", ["otp"]),
        ("quét mã kiu a", ["quét", "qr"]),
        ("vê ét ét i đi", ["vssid"]),
        ("vi sờ i đi", ["vssid"]),  # one "s" read, as residents say it
        ("thẻ cê cê cê đê", ["thẻ", "cccd"]),  # a Southern voice writes "cê"
        ("dê en e i đi", ["vneid"]),  # and "v" as "d"
        ("gờ pê lờ xờ", ["bằnglái"]),
    ],
)
def test_acronyms_read_aloud_by_voice_typing(typed: str, expected: list[str]) -> None:
    assert content_tokens(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("dzô vneid hổng được", "vao vneid khong duoc"),
        ("chừ răng mần", "bay gio sao lam"),
        ("giấy khai sanh", "giay khaisinh"),
        ("log in vneid", "dangnhap vneid"),
        ("quên pass", "quen matkhau"),
        ("acc vneid", "taikhoan vneid"),
        ("mai có bão", "mai co bao thoitiet"),
        ("ông tư qua đời", "ong tu mat"),
    ],
)
def test_regional_words_and_loanwords(typed: str, expected: str) -> None:
    assert folded_words(typed) == expected


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("mai có mưa hông", True),
        ("chỉ tui cách làm vneid", True),
        ("quên mk vneid?", True),
        ("trời mưa quá trời luôn, ướt hết đồ phơi rồi", False),
        ("con nhỏ nhà chị Hai thi đậu rồi đó bà con", False),  # "chị" is not "chỉ"
        ("mưa gió vầy ai cũng giữ sức khỏe nha", False),
    ],
)
def test_questions_and_news(text: str, asks: bool) -> None:
    assert is_question(text) is asks


def test_scam_evidence_is_in_the_question() -> None:
    assert has_scam_evidence("có người xưng công an kêu cài app")
    assert has_scam_evidence("có nên đưa mã otp cho người khác không")
    # Paying first to be paid, a code "sent by mistake" to read back: the tricks themselves.
    assert has_scam_evidence("người gọi nói mua lúa, bảo tôi đóng tiền trước mới nhận tiền, đúng không")
    assert has_scam_evidence("thằng cháu nói gửi nhầm mã về máy tui, kêu đọc lại cho nó")
    assert not has_scam_evidence("ai giúp tui cài app")
    assert not has_scam_evidence("ai có số điện thoại công an xã")
    # "bảo tải" (told to download) is a trick's word; "báo tài khoản" (the account reported ready) is not
    assert has_scam_evidence("có người gọi bảo tải app về cập nhật")
    assert not has_scam_evidence("công an xã gọi báo tài khoản mức 2 của tui có rồi, giờ kích hoạt ra răng")


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


def test_stopwords_keep_their_marks() -> None:
    # Typed with marks, only the filler's own spelling is a stopword; typed without, folded.
    assert is_stopword("cái") and is_stopword("thế") and is_stopword("mà") and is_stopword("cai")
    assert not is_stopword("cài") and not is_stopword("thẻ") and not is_stopword("mã") and not is_stopword("tối")


def test_what_the_question_asks_is_a_token_and_the_words_stay() -> None:
    assert {"ở", "đâu", "ởđâu"} <= set(tokens("mức 2 làm ở đâu"))
    assert "khácnhau" in tokens("muc 1 muc 2 khac nhau cho nao")
    assert "baolâu" in tokens("đăng ký bao lâu thì được duyệt")
    assert is_question("làm mức 2 ở đâu")


def test_unmarked_mua_is_rain_only_next_to_a_day() -> None:
    assert "thờitiết" in tokens("mai co mua ko")
    assert "thờitiết" in tokens("chieu nay co nang khong")
    assert "thờitiết" not in tokens("toi muon mua dien thoai")
    assert "thờitiết" not in tokens("nang cap vneid len muc 2")
    assert "độmặn" in tokens("nuoc man chua") and "độmặn" not in tokens("trang man hinh")


@pytest.mark.parametrize(
    "text", ["nước mặn chưa bà con", "mai có mưa không mọi người", "làm mức 2 được hông con", "vneid bị lỗi hả ad"]
)
def test_a_question_particle_before_a_vocative_still_asks(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    ("text", "news"),
    [
        ("tui làm mức 2 xong rồi nha mọi người, nhanh lắm", True),
        ("vợ tui mới cài vssid xong, coi được bảo hiểm rồi", True),
        ("bà con nhớ cập nhật vneid nha", True),
        ("quên mật khẩu vneid", False),
        ("làm mức 2 ở đâu", False),
    ],
)
def test_tells_news(text: str, news: bool) -> None:
    assert tells_news(text) is news


@pytest.mark.parametrize(
    ("text", "someone"),
    [
        ("Tuấn ơi, mày cài giùm ông Tám cái app hôm qua chưa?", True),
        ("Bác Hai ơi con khai tạm trú cho thằng Minh rồi", True),
        ("@Tâm em coi lại tin nhắn giùm chị", True),
        ("Ê Tí, mã OTP đó đừng đưa ai nghe chưa", True),
        ("ANH TƯ ƠI mai qua lấy giấy tờ nha", True),
        ("Anh ơi cho em hỏi vneid", False),  # a kinship word alone may call the bot
        ("Loa Số ơi mai mưa không", False),
        ("Bà con ơi ai biết làm mức 2 ở đâu", False),
        ("Trời ơi vneid tui bị khóa rồi", False),
        ("Con ơi cho bà hỏi", False),
        # Central kin words alone: "O" (an aunt), "Mệ" (a grandmother), written with a capital like a name.
        ("O ơi thủ tục đăng ký kết hôn làm ở mô rứa", False),
        ("Mệ ơi con làm vneid giùm mệ rồi nghe", False),
        # A word that merely ends in "ơi"/"ới" is no name and a call: "Tới", "Nơi", "Mới".
        ("Tới bước kích hoạt nó bắt đặt mật mã 6 số, ghi sao cho đúng?", False),
        ("Nơi thường trú trong app ghi tỉnh cũ, có sao không?", False),
        ("Mới có đứa gọi tự xưng bên điện lực, tui muốn tố cáo thì gọi đâu?", False),
        # the whole group, shortened and capitalised like a name
        ("Mn ơi cài VssID trên máy đời cũ được không", False),
        ("Ae ơi làm mức 2 mang theo gì", False),
    ],
)
def test_calls_someone(text: str, someone: bool) -> None:
    assert calls_someone(text) is someone


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("ngày mai mưa không, tôi đi cắt lúa thuê", True),
        ("trời mai cóoo mưaaa hônggg", True),  # letters held down
        ("du bao thoi tiet ngay mai", True),  # asked for by name
        ("độ mặn ở cống Rạch Mọp nay nhiêu rồi", True),
        ("nóng muốn xỉu luôn á", False),
        ("Mưa gì mưa hoài, phơi lúa không khô nổi", False),
        ("Bão đi vô rồi, nhà ai mái tôn thì chằng lại nha", False),
        ("rét muộn nhỉ", False),  # a musing "nhỉ"
        ("chiều nay mưa không nhỉ", True),
        ("rét muộn nhỉ?", True),  # asked with a question mark
        # question words inside idioms: nobody hurt, not a drop
        ("Đêm qua giông làm đổ cây mít sau nhà, may mà không ai bị gì", False),
        ("chiều qua trời kéo mây đen quá trời mà không mưa hạt nào", False),
        ("bão vô có ai bị gì không", True),
        ("hom nay co mua giot nao khong", True),
    ],
)
def test_asks_live(text: str, asks: bool) -> None:
    assert asks_live(text) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Sau sáp nhập địa chỉ trên VNeID tự đổi rồi, tui mở ra thấy ghi xã mới", False),  # "địa chỉ"
        ("Hôm qua đi máy bay chỉ đưa VNeID là qua", False),  # "chỉ" = only
        ("con bot này trả lời cũng được đó chớ", False),  # "trả lời" is no error ("lỗi")
        ("Mấy ông xưng công an gọi kêu đồng bộ dữ liệu", False),  # "mấy ông": some men, not "how many"
        ("chỉ tui cách làm mức 2", True),
        ("vneid bị lỗi", True),
        ("mấy giờ công an xã làm việc", True),
        # fifty-third pass: "bao giờ" asks when, unless "never" ("chưa/không bao giờ") or "always" ("bao giờ cũng")
        ("dia chi moi sau gop tinh bao gio moi cap nhat vao tai khoan", True),
        ("bao giờ mới duyệt", True),
        ("sống ngần này tuổi chưa bao giờ thấy nước cạn vầy", False),
        ("bao giờ cũng thế, ra xã là làm xong liền", False),
        ("Năm nay nước mặn vô sớm quá, ruộng mấy nhà ở Tân Phú cháy lá hết trơn", False),  # "mấy nhà": some homes
        ("mấy ruộng ven sông lúa chết vàng hết rồi, khổ thân", False),
    ],
)
def test_words_that_ask_only_in_some_uses(text: str, asks: bool) -> None:
    assert is_question(text) is asks


def test_northern_l_for_n_spelled_letters_read_loosely_and_the_ward_police_acronym() -> None:
    assert tokens("nàm thế lào để đổi số")[:3] == ["làm", "thế", "nào"]
    assert tokens("bê hát xê hát tích hợp vào vneid")[0] == "bhxh"  # "xê" read as X
    assert tokens("xê xê xê đê")[0] == "cccd"  # and as C
    assert tokens("số cskv")[1:3] == ["côngan", "khu"]
    assert tokens("bê hát y tế tích hợp vào app")[0] == "bhyt"
    assert tokens("nam nay lay lua")[:2] == ["nam", "nay"]  # unmarked words are not the Northern spellings


def test_words_of_a_selling_post_inside_a_question_do_not_make_it_an_ad() -> None:
    for question in (
        "Khai tử online có cần bản gốc giấy báo tử không",  # "cần bản gốc": a document, not "cần bán"
        "Trước giờ bán cho thương lái giá rẻ quá, muốn tự bán online thì đăng ở đâu",
        "Dưa hấu nhà tôi bán cho lái buôn giá rẻ như cho, giờ muốn tự đưa lên mạng thì làm từ đâu",
        "cho xin zalo bạn nào trong tổ để ib riêng",
        "bán hàng online thì ship cod ra sao",
    ):
        assert not is_chitchat(question), question
    for ad in ("Xoài cát giá rẻ, ship cod toàn quốc", "Cần bán gấp 2 công đất, ib em", "Thanh lý tủ lạnh cũ"):
        assert is_chitchat(ad), ad


def test_telex_typed_with_the_vietnamese_input_off_is_read_as_typed_without_marks() -> None:
    assert canonical("matj khaauf vneidd phari cos kys tuwj ddacj bieejt") == "mat khau vneid phai co ky tu dac biet"
    assert canonical("dangw nhaapj vneidd khoong dduowcj") == "dang nhap vneid khong duoc"
    # Loanwords, a few odd words, or any mark in the message: left as typed.
    for text in ("pass facebook wifi bi hack roi", "acc em pending lau qua", "Ở đây có wifi free, google"):
        assert canonical(text) == text.lower()
    # A tone key after a final "ch", "nh", "ng"; a message of two such words.
    assert canonical("kichs hoatj taif khoanr") == "kich hoat tai khoan"
    assert canonical("tamj trus") == "tam tru"
    assert canonical("test test") == "test test"
    assert canonical("caif ddatj vneid") == "cai dat vneid"


def test_question_words_are_read_as_spelled() -> None:
    # the particle "ta" and the word "tã" differ by their mark: rain pouring down asks nothing
    assert not is_question("Bình Dương hôm nay mưa tầm tã")
    assert is_question("mưa hoài vậy ta")
    # a call to the group at the end ("… bà con") does not turn "mấy" into "those"
    assert is_question("Công an xã Phú Túc số mấy bà con")
    assert not is_question("mấy bà con bên xóm dưới đi họp rồi")


def test_voice_typing_slips_of_the_south() -> None:
    said = ["vợ", "tôi", "mới", "sinh", "làm", "khaisinh", "online", "sao"]
    assert tokens("dợ tui mới sanh, làm khai sanh on lai sao") == said
    assert tokens("đi làm mứt hai") == ["đi", "làm", "mức", "2"]
    assert tokens("khai từ, sinh chắc học") == ["khaitử", "sinhtrắchọc"]
    assert tokens("quên mặt khẩu vê nê i đi") == tokens("quên mật khẩu vneid")
    assert tokens("đang ký định đanh") == tokens("đăng ký định danh")


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Lên mức 2 thì mang giấy gì theo vậy Loa Số?", "Lên mức 2 thì mang giấy gì theo vậy"),
        ("Loa Số ơi, mai có mưa không", "mai có mưa không"),
        ("LOA SO OI cho hoi cai nay", "cho hoi cai nay"),
        ("Bot: mật khẩu vneid mấy số", "mật khẩu vneid mấy số"),
        ("đổi số điện thoại vneid sao bot", "đổi số điện thoại vneid sao"),
        # the name, then what is asked of it
        ("Loa Số cho xin số đường dây nóng của VNeID với", "cho xin số đường dây nóng của VNeID với"),
        ("loa so chi gium tui cach doi mat khau", "chi gium tui cach doi mat khau"),
        # the name as the subject talks about the bot: kept
        ("cái Loa Số này có tra được thời tiết không", None),
        ("muốn nói chuyện với người thật, không phải bot", None),
        ("Loa Số có trả lời về lương hưu không", None),
    ],
)
def test_the_bots_name_where_it_is_called_is_an_address(text: str, rest: str | None) -> None:
    assert without_bot_name(text) == rest


def test_a_marked_word_typed_without_marks_is_not_taken_for_it_alone() -> None:
    # "de" is "để" far more often than "đẻ": only "đẻ" typed with its mark, or beside "mới", "vừa", "sắp"… gives birth
    assert "sinh" not in tokens("muon goi lai cong an de hoi")
    assert "sinh" in tokens("vợ tôi mới đẻ") and "sinh" in tokens("em be moi de xong")
    # "chi" typed without marks is Central "gì" only on its own
    assert "gì" not in tokens("dia chi tren vneid sai") and "gì" in tokens("lam chi rua")
    assert "gì" not in tokens("chi oi cho em hoi")


def test_unmarked_bot_after_cutting_down_and_the_heat_of_a_day() -> None:
    # "bot" is the bot, but "bớt" after "xóa", "giảm", "bỏ"… or before "chút", "phần"
    assert "loaso" not in tokens("dien thoai day bo nho, xoa bot anh cu sao") and "loaso" in tokens("bot oi cho hoi")
    assert "loaso" not in tokens("giam bot chut duoc khong")
    # "nong" beside a day is hot weather ("hom nay nong may do"), not farming ("nong dan", "nong san")
    assert "thờitiết" in tokens("chieu nay nong lam khong") and "thờitiết" not in tokens("hom nay nong dan ban lua")
    # "nồm" (the North's damp spring weather) is the weather; typed without marks it could be another word
    assert "thờitiết" in tokens("mấy ngày tới nồm ẩm không") and "thờitiết" not in tokens("bao gio het nom")


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("QUÊN PASS VNEID CHỨ KO PHẢI QUÊN PASS VSSID NHA AD, LẤY LẠI SAO", "QUÊN PASS VNEID , LẤY LẠI SAO"),
        ("SỐ CÔNG AN XÃ, KHÔNG PHẢI TỔNG ĐÀI VNEID", "SỐ CÔNG AN XÃ"),
        ("doi mat khau vneid o dau vay, ko phai quen mk nha", "doi mat khau vneid o dau vay"),
        # the denial ends where the question goes on
        ("ông cụ mất ở nhà chứ không phải ở viện thì khai tử sao", "ông cụ mất ở nhà thì khai tử sao"),
        # "không phải …" that asks ("needn't I…?") is kept; nothing denied, nothing else left: None
        ("không phải lên công an xã hả?", None),
        ("làm mức 2 có phải lên xã không", None),
        ("không phải vneid", None),
        # "không hỏi …" opens a denied clause too; asked back ("không hỏi được hả?") it is kept
        ("Không hỏi độ mặn đâu, hỏi thời tiết chiều nay có giông không", "hỏi thời tiết chiều nay có giông không"),
        ("không hỏi ở đây được hả?", None),
        # what the resident already knows is not what he asks; "cho đứa cháu biết rồi" is no such clause
        ("Tui biết mức 2 khác mức 1 rồi, chỉ tui chỗ làm mức 2", "chỉ tui chỗ làm mức 2"),
        ("khác nhau thế nào thì em biết rồi, giờ nâng lên mức 2 ở đâu", "giờ nâng lên mức 2 ở đâu"),
        ("muốn đổi pass vneid vì lỡ cho đứa cháu biết rồi, đổi ở đâu", None),
        ("Mức 1 với mức 2 khác sao tui biết rồi, giờ làm mức 2 ở đâu", "giờ làm mức 2 ở đâu"),
        ("đổi mật khẩu vì lỡ để thằng cháu biết rồi, đổi sao", None),
        # what already works is not what he asks about
        ("Không phải VssID đâu, VssID em vào được rồi, là VNeID không vào được", "là VNeID không vào được"),
        # what he does not need, when a later clause says what he does; alone, "không cần …" may be the question
        ("Không cần tổng đài VNeID, tôi cần số của công an xã", "tôi cần số của công an xã"),
        ("không cần mật khẩu, mà chỉ muốn đổi số điện thoại", "mà chỉ muốn đổi số điện thoại"),
        ("không cần lên xã, làm ở nhà được không", None),
        # an emoji ends the denied clause as a full stop would
        (
            "Không phải mời đám cưới đâu mọi người 😄 tui hỏi đăng ký kết hôn trên mạng, nộp xong có lên xã ký không",
            "tui hỏi đăng ký kết hôn trên mạng, nộp xong có lên xã ký không",
        ),
    ],
)
def test_what_the_resident_says_he_does_not_ask_is_left_out(text: str, rest: str | None) -> None:
    assert without_denied(text) == rest


def test_a_childs_age_written_short_is_an_age() -> None:
    assert "tuổi" in tokens("dk tai khoan cho con gai 12t")
    assert "tuổi" in tokens("be nha em 3t roi")
    # a teen of 14 or more registers himself: "16t" says nothing of a child's account
    assert "tuổi" not in tokens("vneid lv2 dky sao a, e moi 16t")


def test_a_denied_problem_keeps_its_app() -> None:
    rest = without_denied("Không phải quên mật khẩu VssID đâu, em chưa có tài khoản gì hết, giờ mới làm lần đầu")
    assert rest is not None and "vssid" in rest.lower() and "quên" not in rest
    # the app denied on its own, or its account for someone else, is left out
    rest = without_denied("Không phải VssID nha, tui hỏi cái app định danh quên mật khẩu")
    assert rest is not None and "vssid" not in rest.lower()
    rest = without_denied("Hổng phải tài khoản VNeID cho con nha, tui hỏi thẻ căn cước cho đứa nhỏ 9 tuổi")
    assert rest is not None and "vneid" not in rest.lower()


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        (
            "VssID vô được bình thường mà VNeID thì không đăng nhập được, hai cái ni có chung mật khẩu không",
            "VNeID thì không đăng nhập được, hai cái ni có chung mật khẩu không",
        ),
        (
            "vo cong dich vu cong bang tk dinh danh thi duoc, ma mo app dinh danh tren dt thi ko vo duoc",
            "mo app dinh danh tren dt thi ko vo duoc",
        ),
        # what fails first is no app that works; nor a working app whose own feature is asked after it
        ("ko log in vao vneid dc, ma vo dich vu cong bang vneid cung ko dc luon, sua sao", None),
        ("vneid dang nhap duoc ma khong thay the bhyt dau het", None),
    ],
)
def test_the_app_that_works_is_not_the_one_asked_about(text: str, rest: str | None) -> None:
    assert without_working(text) == rest


def test_tens_and_hundreds_of_something_ask_nothing() -> None:
    assert not is_question("Năm nay nước mặn vô sớm, vườn sầu riêng nhà ông Sáu chết mấy chục cây, thương ổng quá")
    assert is_question("làm lại thẻ mất mấy ngày")


def test_a_storm_typed_without_marks_is_weather_only_when_asked_for_a_day() -> None:
    assert "thờitiết" in tokens("tuan sau co bao ko vay ba con")
    assert "thờitiết" in tokens("mai co con bao nao vo hong")
    # no day asked: "có báo không" (reported?); a day, but no storm asked: "có báo công an chưa"
    assert "thờitiết" not in tokens("co bao ko")
    assert "thờitiết" not in tokens("toi qua co bao cong an chua")


def test_money_already_gone_is_told_not_asked() -> None:
    for text in (
        "ba tui đọc mã cho tụi nó, giờ mất sạch tiền rồi",
        "tiền trong tài khoản bay hết trơn",
        "sáng ra thấy tài khoản mất tiền",
    ):
        assert tells_money_lost(folded_words(text)), text
    for text in ("đọc mã cho người lạ có bị mất tiền không", "làm sao cho khỏi mất tiền", "đi rút tiền ở bưu điện"):
        assert not tells_money_lost(folded_words(text)), text


def test_money_drawn_from_the_account_or_gone_after_a_click_is_told() -> None:
    for text in (
        "lỡ đọc mã OTP cho người ta, tài khoản ngân hàng bị rút mất 8 triệu, giờ làm gì",
        "bấm link cập nhật địa chỉ, bị rút hết tiền, báo ai",
        "khách đặt tỏi, tui bấm link nhận tiền rồi mất sạch, báo ai",
    ):
        assert tells_money_lost(folded_words(text)), text
    for text in (
        "tài khoản có bị rút tiền không",
        "đưa mã thì có mất sạch không",
        "đi rút tiền lương hưu",
        "lỡ đưa otp thì mất hết tiền à",
        "vậy là bị rút hết tiền không",
    ):
        assert not tells_money_lost(folded_words(text)), text


def test_money_that_flew_away_and_rice_dried_to_a_crisp_are_no_plane_and_no_question() -> None:
    assert "máybay" not in tokens("tiền trong thẻ bay mất tiêu")
    assert "máybay" in tokens("tuần sau bay ra Hà Nội")
    assert "sao" not in tokens("nắng quá lúa khô rang")
    assert "sao" in tokens("mần rang đây bây")


def test_whoever_answers_here_asked_what_it_is_and_does() -> None:
    for text in (
        "ban la ai v, tra loi dc nhung gi",
        "bạn biết làm những việc gì",
        "mi là người thật hay máy, mi biết làm những việc chi",
        "ad oi con may nay lam dc nhung j",
        "bạn là ai vậy, máy hay người, giúp được gì",
        "tui có thể hỏi mấy chuyện gì ở đây",
    ):
        assert asks_the_bot_itself(text), text
    # a neighbour asked what someone is doing, or what a clerk does at the office
    for text in ("em làm gì đó", "bạn biết làm gì không", "chị ơi em làm được những việc gì ở ủy ban"):
        assert not asks_the_bot_itself(text), text


def test_a_grumble_is_told_not_asked() -> None:
    assert grumbles("ngân hàng bắt quét mặt phiền quá trời, già rồi còn bắt chụp ảnh")
    assert grumbles("chờ mã hoài mệt thiệt")
    assert not grumbles("ngân hàng bắt quét mặt, làm sao quét")


def test_a_seller_asking_how_to_sell_online_is_no_ad_whatever_the_story_says_of_prices() -> None:
    question = (
        "Nhà tui làm đường thốt nốt ở Tri Tôn, bán mối ở chợ hoài giá rẻ. Muốn đăng lên mạng bán cho người ở thành phố"
        " thì làm sao, lên sàn nào?"
    )
    assert not is_chitchat(question)
    assert is_chitchat("Xoài cát giá rẻ bán online, ai mua ib 0912345678")


def test_whoever_has_not_done_it_is_told_to_not_asked_who() -> None:
    assert not is_question("sắp hết hạn xác thực khuôn mặt ngân hàng rồi đó, ai chưa làm thì lo đi làm nha")
    assert is_question("có ai chưa làm mức 2 không")
    assert is_question("ai chưa nhận tiền hỗ trợ")


def test_a_clause_saying_another_thing_is_fine_is_not_the_question() -> None:
    assert without_fine("vào dvc quốc gia bị báo sai thông tin đăng nhập mà vneid thì vẫn vào bình thường") == (
        "vào dvc quốc gia bị báo sai thông tin đăng nhập"
    )
    assert without_fine("cấp lại mật khẩu bhxh thế nào, mật khẩu vneid thì tui nhớ") == "cấp lại mật khẩu bhxh thế nào"
    # nothing else named: the fine clause tells the trouble ("not forgotten, yet it won't let me in")
    assert without_fine("Mật khẩu tui nhớ rõ ràng nha, không có quên, mà vô hoài không được") is None
    # a reminder, a wish, a question, and one of ours working beside nothing else named: kept whole
    assert without_fine("Bà con nhớ nha, không ai được đưa mã OTP cho người lạ đâu") is None
    assert without_fine("Tui muốn vô bhxh bằng vneid cho đỡ nhớ, nhưng máy chưa cài vssid, phải cài cả hai hả?") is None
    assert without_fine("thẻ cũ ghi tỉnh cũ thì zalo vẫn xài bình thường à, có phải đổi không") is None
    assert without_fine("chung minh thu het han roi ma vneid van hien binh thuong, the cung co phai lam lai ko") is None
