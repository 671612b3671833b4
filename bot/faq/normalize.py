"""Vietnamese text → comparable tokens, however residents type — keeping what diacritics say.

Residents write with or without diacritics, in two tone-mark styles ("hoà"/"hòa"), in
teencode ("ko dc j"), in Southern and Central speech ("hông", "dzô", "chừ", "mần"), with
acronyms spelled out by voice typing ("vi en e i đi"), English loanwords ("pass", "log in")
and typos. Diacritics are information: "mất" (lost, died) and "mật" (secret) are different
words, so tokens keep their marks. A token typed WITHOUT any mark ("mat") is ambiguous and
may stand for any marked word with the same letters; the matcher uses that fallback only
for such tokens (``compatible``). Pure functions only; the matcher and the evaluation call them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

# Tone marks (combining): grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_WORD = re.compile(r"[^\W\d_]+|\d+")


def _as_typed(text: str) -> str:
    """The words as typed, folded and lower-cased: "chuyển tiền" → "chuyen tien" (not joined into "chuyểntiền")."""
    return " ".join(_WORD.findall(fold(canonical(text))))


# Open syllables ending in oa/oe/uy: one style marks the first vowel ("hòa", "thúy"), the
# other the second ("hoà", "thuý"). We keep the first-vowel style; "qu" is an onset, so
# "quý" stays as it is.
_TONE_STYLE = re.compile(r"(?<![q\w])(?P<pre>\w*?)(?<!q)(?P<v1>[ou])(?P<v2>[aey])(?P<tone>[" + _TONES + r"])(?!\w)")


# Telex typed with the keyboard's Vietnamese input off: "matj khaauf", "ddaauf", "dduowcj" — the tone keys s f r x j
# end the word, "dd aa ee oo w" stand for đ â ê ô ơ ư ă. No Vietnamese word typed without marks ends so or holds them.
_TELEX_WORD = re.compile(r"\b[a-z]*(?:dd|aa|ee|oo|w|[fj]|[aeiouy](?:ch|nh|ng|[a-z])?[srx])[a-z]*\b")
_ASCII_WORD = re.compile(r"\b[a-z]+\b")
# English words residents type as they are (and the variants below): never read as Telex.
_LOANWORDS = frozenset(
    "facebook google gmail email wifi free website youtube tiktok shopee zalo messenger ok oke okay wow"
    " iphone android samsung oppo store play online offline video file id user test".split()
)
_TELEX_PAIRS = re.compile(r"dd|aa|ee|oo")
_TELEX_MIN = 3  # words that look Telex-typed …
_TELEX_SHARE = 0.3  # … and their share of the message's plain words
_TELEX_SHORT_SHARE = 0.6  # or two such words making most of a short message ("tamj trus", "caif ddatj vneid")


def _untelex(word: str) -> str:
    """The word as if typed without marks: tone keys (not the first letter, nor the r of "tr") and w dropped,
    doubled letters single: "khaauf" → "khau", "dduowcj" → "duoc", "trowf" → "tro"."""
    kept = [c for i, c in enumerate(word) if not (i and c in "sfrxj" and not (c == "r" and i == 1 and word[0] == "t"))]
    plain = _TELEX_PAIRS.sub(lambda m: m.group(0)[0], "".join(kept))
    return plain.replace("w", "") if len(plain) > 1 else plain.replace("w", "u")


def _telex_word(m: re.Match[str]) -> str:
    word = m.group(0)
    return word if word in _LOANWORDS or word in VARIANTS else _untelex(word)


def _telex_typed(text: str) -> bool:
    """No mark anywhere (the input method was off) and a good share of words only Telex would type."""
    if not text.isascii():
        return False
    telex = sum(1 for w in _TELEX_WORD.findall(text) if w not in _LOANWORDS and w not in VARIANTS)
    words = len(_ASCII_WORD.findall(text))
    enough = telex >= _TELEX_MIN or (telex >= 2 and telex >= _TELEX_SHORT_SHARE * words)
    return enough and telex >= _TELEX_SHARE * words


@functools.lru_cache(maxsize=4096)
def _read_telex(text: str) -> str:
    """``text`` (lower case) read as typed without marks if it was typed in Telex with the input off; once per
    message: ``canonical`` is asked of the same message many times while it is matched."""
    return _TELEX_WORD.sub(_telex_word, text) if _telex_typed(text) else text


@functools.lru_cache(maxsize=8192)
def canonical(text: str) -> str:
    """NFC, lowercase, one tone-mark style; diacritics kept (for display and matching). A message typed in
    Telex with the Vietnamese input off is read as typed without marks. Remembered: one question's rules ask it
    of the same text several times."""
    text = text.lower()
    if text.isascii():
        text = _read_telex(text)
    text = unicodedata.normalize("NFD", text)
    text = _TONE_STYLE.sub(lambda m: m["pre"] + m["v1"] + m["tone"] + m["v2"], text)
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    return {ord("đ"): "d", ord("Đ"): "D"}


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Drop every diacritic (đ → d): 'Kích hoạt' → 'Kich hoat'."""
    text = unicodedata.normalize("NFD", text.translate(_fold_table()))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def marked(token: str) -> bool:
    """Whether the resident typed a diacritic in this word (then it means exactly that word)."""
    return fold(token) != token


# A message with at least this share of its words marked was typed with diacritics: its
# unmarked words ("mua" = buy) are taken as written, not as any marked word ("mưa").
MARKED_MESSAGE = 0.5


@functools.lru_cache(maxsize=4096)
def typed_with_marks(text: str) -> bool:
    """Whether the resident typed diacritics in this message (judged on the words as typed); asked of one message
    by several of its rules."""
    letters = [w for w in _WORD.findall(canonical(text)) if len(w) > 1 and not w.isdigit()]
    return sum(map(marked, letters)) >= max(2, MARKED_MESSAGE * len(letters))


def compatible(typed: str, known: str) -> bool:
    """Same word, or the same letters where one side was typed without any diacritic."""
    return typed == known or ((not marked(typed) or not marked(known)) and fold(typed) == fold(known))


def spelled(typed: str, word: str) -> bool:
    """``word`` as typed, with its marks or with none: the question words' list spells them right, so a word
    without marks there ("ta", "sao") is not the marked one ("tầm tã", "sáo")."""
    return typed == word or (not marked(typed) and fold(typed) == fold(word))


# Words residents use for a standard word: teencode, Southern and Central speech, loanwords.
# Keys in the spelling residents type (with marks where they carry meaning); a key without
# marks also catches the same letters typed without marks. Values: standard words.
# fmt: off
VARIANTS: dict[str, str] = {
    # không
    "ko": "không", "k": "không", "kh": "không", "khg": "không", "kg": "không", "hok": "không",
    "hk": "không", "hông": "không", "hổng": "không", "hong": "không", "hem": "không", "khum": "không",
    "hog": "không", "kong": "không", "khog": "không", "khonq": "không", "hơm": "không",
    "khônq": "không", "hôg": "không", "nỏ": "không",
    # được
    "dc": "được", "đc": "được", "dk": "được", "dx": "được", "đx": "được", "duok": "được", "đươc": "được",
    # đăng ký
    "dky": "đăng ký", "đky": "đăng ký", "dki": "đăng ký", "đki": "đăng ký", "dangky": "đăng ký", "ki": "ký",
    "kí": "ký",
    # pronouns, particles
    "tui": "tôi", "t": "tôi", "tao": "tôi", "tau": "tôi", "mik": "mình", "mh": "mình", "mn": "mọi người",
    "mng": "mọi người", "j": "gì", "ji": "gì", "chi": "gì", "răng": "sao", "rứa": "vậy", "ntn": "như thế nào",
    "z": "vậy", "v": "vậy", "zay": "vậy", "dzậy": "vậy", "zậy": "vậy", "ruk": "rồi", "rùi": "rồi", "r": "rồi",
    "ns": "nói", "bit": "biết", "bik": "biết", "bt": "biết", "lm": "làm", "mần": "làm", "thui": "thôi",
    "vs": "với", "cx": "cũng", "cg": "cũng", "nhiu": "nhiêu", "wa": "qua", "ik": "đi", "bn": "bao nhiêu",
    "nàm": "làm", "lày": "này", "nạnh": "lạnh", "kai": "khai", "nà": "là", "nấy": "lấy", "nần": "lần", "núc": "lúc",
    "lói": "nói", "lước": "nước", "dzó": "gió", "lhau": "nhau",
    "vưỡn": "vẫn", "chộ": "thấy", "dợ": "vợ",
    "chừ": "bây giờ", "ni": "này", "nớ": "đó", "mô": "đâu", "tê": "kia", "hỉ": "hả",
    "nhen": "nha", "nghen": "nha", "hen": "nha", "đặng": "để", "bển": "bên đó",
    # verbs and nouns in Southern / Central speech
    "coi": "xem", "xài": "dùng", "gạt": "lừa", "lường": "lừa", "dzô": "vào", "zô": "vào", "vô": "vào",
    "dô": "vào", "dìa": "về", "zìa": "về", "sanh": "sinh", "kêu": "bảo", "lụm": "lấy", "mướn": "thuê",
    "hnay": "hôm nay", "hqua": "hôm qua", "biểu": "bảo", "bểu": "bảo", "ổng": "ông", "bả": "bà",
    "hình": "ảnh", "tải": "cài", "active": "kích hoạt", "reset": "đặt lại", "bank": "ngân hàng",
    "bot": "loaso", "robot": "loaso", "chatbot": "loaso", "bay": "máybay", "một": "1", "mằn": "mặn",
    "dzo": "vào", "zo": "vào", "vo": "vào", "scam": "lừa", "report": "báo", "củ": "triệu", "hs": "hồ sơ",
    "share": "gửi",
    # domain abbreviations and loanwords
    "dt": "điện thoại", "đt": "điện thoại", "dthoai": "điện thoại", "đthoai": "điện thoại",
    "sdt": "số điện thoại", "sđt": "số điện thoại", "phone": "điện thoại", "smartphone": "điện thoại",
    "mk": "mật khẩu", "pass": "mật khẩu", "pw": "mật khẩu", "password": "mật khẩu", "passwork": "mật khẩu",
    "pas": "mật khẩu", "mậtkhẩu": "mật khẩu",
    "tk": "tài khoản", "tkhoan": "tài khoản", "acc": "tài khoản", "account": "tài khoản", "nick": "tài khoản",
    "app": "ứng dụng", "apps": "ứng dụng", "ud": "ứng dụng",
    "login": "đăng nhập", "signin": "đăng nhập", "logout": "đăng xuất",
    "update": "cập nhật", "up": "cập nhật", "úp": "cập nhật", "download": "tải", "install": "cài",
    "onl": "online", "onlai": "online", "web": "trang web", "website": "trang web",
    "vnid": "vneid", "vneld": "vneid", "vnied": "vneid", "vnedi": "vneid", "vneiđ": "vneid", "vneit": "vneid",
    "vssld": "vssid", "vsid": "vssid", "bhit": "bhyt",
    "cmt": "cmnd", "gplx": "bằng lái", "blx": "bằng lái", "glx": "bằng lái", "dvcqg": "dịch vụ công quốc gia",
    "flight": "máy bay", "police": "công an", "buyer": "người mua", "livestream": "online", "cccđ": "cccd",
    "dvc": "dịch vụ công", "đkkh": "đăng ký kết hôn", "dkkh": "đăng ký kết hôn",
    "ltp": "lý lịch tư pháp", "llpt": "lý lịch tư pháp",  # (fifty-second pass: its letters swapped)
    "đkks": "đăng ký khai sinh", "dkks": "đăng ký khai sinh", "lltp": "lý lịch tư pháp", "llttp": "lý lịch tư pháp",
    "bh": "bảo hiểm",
    "error": "lỗi", "bug": "lỗi",
    "ck": "chuyển khoản", "stk": "số tài khoản", "nh": "ngân hàng", "cskh": "chăm sóc khách hàng",
    "sms": "tin nhắn", "ms": "mới", "mun": "muốn", "wen": "quên", "qen": "quên", "hc": "hành chính",
    "tthc": "thủ tục hành chính", "csgt": "cảnh sát giao thông", "cskv": "công an khu vực", "code": "mã",
    "link": "đường link",
    "hotline": "tổng đài", "face": "khuôn mặt", "faceid": "khuôn mặt",
    "level": "mức", "lv": "mức", "lvl": "mức", "cntt": "công nghệ", "register": "đăng ký", "weather": "thời tiết",
    "tomorrow": "mai", "track": "theo dõi", "tracking": "theo dõi",
    "hai": "2", "mot": "1", "rang": "sao", "xai": "dùng", "gat": "lừa", "keu": "bảo",
}

# Multi-word spellings → one form (applied after the words above). Each source word matches
# the typed word exactly, or by its letters where the resident typed no diacritic.
PHRASES: tuple[tuple[str, str], ...] = (
    ("đăng kí", "đăngký"), ("đang ký", "đăngký"), ("đang kí", "đăngký"),
    ("loa số", "loaso"), ("lo a số", "loaso"), ("thế lào", "thế nào"), ("như lào", "như nào"),
    ("nấy nại", "lấy lại"), ("làm nại", "làm lại"), ("cấp nại", "cấp lại"), ("đặt nại", "đặt lại"),
    ("căng cước", "căncước"), ("căng cướt", "căncước"), ("căn cướt", "căncước"),  # as voice typing hears it
    # fifty-second pass: slips ("cần cước", "khai xinh", "tám trú"), the birth paper abbreviated ("giấy ks"), and the
    # driving licence in everyday words ("giấy phép chạy xe", "thẻ lái xe A1")
    ("cần cước", "căncước"), ("giấy ks", "giấy khaisinh"), ("khai xinh", "khaisinh"), ("tám trú", "tạmtrú"),
    ("thẻ lái xe", "bằnglái"), ("giấy phép chạy xe", "bằnglái"), ("giấy phép cầm lái", "bằnglái"),
    ("bằng chạy xe", "bằnglái"),
    # the public-service portal described, not named: "trang web của nhà nước", "trang web nộp giấy tờ"
    ("trang web của nhà nước", "trang web dịchvụcông"), ("trang web nhà nước", "trang web dịchvụcông"),
    ("trang web nộp giấy tờ", "trang web dịchvụcông"), ("trang web nộp hồ sơ", "trang web dịchvụcông"),
    ("gu gồ", "google"),
    ("hồ sơ", "hồsơ"),
    ("bữa nay", "hôm nay"), ("bữa qua", "hôm qua"), ("hum nay", "hôm nay"), ("bựa ni", "hôm nay"),
    ("bữa ni", "hôm nay"), ("hôm ni", "hôm nay"),
    ("vn eid", "vneid"), ("vn id", "vneid"), ("vne id", "vneid"), ("v neid", "vneid"), ("vn e id", "vneid"),
    ("vss id", "vssid"), ("vs id", "vssid"), ("vss", "vssid"),  # (fifty-second pass: "mk vss ko nho")
    ("vê nê ít", "vneid"),  # "VNeID" said as one word
    ("bảo hiểm y tế", "bhyt"), ("bảo hiểm xã hội số", "vssid"), ("bảo hiểm xã hội", "bhxh"),
    ("bảo hiểm số", "vssid"), ("bhxh số", "vssid"),  # the social-insurance app by its Vietnamese name
    # ... but not the phone number after it ("quên mật khẩu bảo hiểm xã hội, số điện thoại cũng bỏ rồi")
    ("bảo hiểm xã hội số điện thoại", "bhxh sốđiệnthoại"), ("bảo hiểm số điện thoại", "bảohiểm sốđiệnthoại"),
    ("bhxh số điện thoại", "bhxh sốđiệnthoại"),
    ("căn cước công dân", "cccd"), ("chứng minh nhân dân", "cmnd"), ("chứng minh thư", "cmnd"),
    ("giấy phép lái xe", "bằnglái"), ("bằng lái xe", "bằnglái"),
    ("driving licence", "bằnglái"), ("driving license", "bằnglái"), ("criminal record", "lýlịchtưpháp"),
    ("định danh điện tử", "vneid"), ("tài khoản định danh", "vneid"), ("định danh", "vneid"),
    ("ứng dụng căn cước", "ứngdụng vneid"), ("định đanh", "vneid"), ("đinh danh", "vneid"),
    # fifty-first pass: the police app is VNeID ("sổ bảo hiểm có trong app công an hông", "số tổng đài app công an")
    ("app công an", "app vneid"), ("app của công an", "app vneid"), ("ứng dụng công an", "ứngdụng vneid"),
    ("ứng dụng của công an", "ứngdụng vneid"),
    ("mặt khẩu", "mậtkhẩu"), ("mậc khẩu", "mậtkhẩu"), ("mặc khẩu", "mậtkhẩu"),
    ("trực tuyến", "online"), ("trên mạng", "online"), ("qua mạng", "online"), ("on lai", "online"),
    ("ôn lai", "online"), ("mứt 1", "mức 1"), ("mứt 2", "mức 2"),
    ("mức thấp", "mức 1"),  # "chỉ cần cái mức thấp để coi giấy tờ": the lower of the account's levels
    # fifty-second pass: the levels as "bậc" ("mới bậc thấp, muốn lên bậc cao"), and "cấp 2" beside the account's name
    # (not "lên cấp 2" alone: a child starting secondary school)
    ("bậc thấp", "mức 1"), ("bậc cao", "mức 2"), ("bậc 1", "mức 1"), ("bậc 2", "mức 2"),
    ("cấp thấp", "mức 1"), ("cấp cao", "mức 2"), ("hạng thấp", "mức 1"), ("hạng cao", "mức 2"),
    # the app by its icon, the national emblem ("app có hình quốc huy của chồng em mở ra có thẻ căn cước")
    ("app có hình quốc huy", "app vneid"), ("app có quốc huy", "app vneid"), ("app quốc huy", "app vneid"),
    ("ứng dụng có hình quốc huy", "ứngdụng vneid"), ("ứng dụng có quốc huy", "ứngdụng vneid"),
    ("định danh cấp 1", "vneid mức 1"), ("định danh cấp 2", "vneid mức 2"), ("cấp 2 định danh", "mức 2 vneid"),
    ("cấp 1 định danh", "mức 1 vneid"), ("vneid cấp 2", "vneid mức 2"), ("vneid cấp 1", "vneid mức 1"),
    # fifty-third pass: the full account as residents call it ("tài khoản định danh đầy đủ", "cái tài khoản đầy đủ"),
    # the record spelled "lí"
    ("định danh đầy đủ", "vneid mức 2"), ("tài khoản đầy đủ", "tàikhoản mức 2"), ("lí lịch tư pháp", "lýlịchtưpháp"),
    ("log in", "đăngnhập"), ("lóc in", "đăngnhập"), ("sign in", "đăngnhập"), ("đăng nhập", "đăngnhập"),
    ("mật khẩu", "mậtkhẩu"), ("số điện thoại", "sốđiệnthoại"), ("điện thoại", "điệnthoại"),
    ("mã otp", "otp"), ("mã qr", "qr"), ("mã xác thực", "otp"), ("mã xác nhận", "otp"),
    ("sáp nhập", "sápnhập"), ("sát nhập", "sápnhập"), ("nhân viên ngân hàng", "ngânhàng"),
    ("chi nhánh ngân hàng", "ngânhàng"), ("chi nhánh", "ngânhàng"),  # a branch: in these groups, a bank's
    ("không nhớ nổi", "quên"), ("nhớ không ra", "quên"), ("không nhớ ra", "quên"),  # (fifty-second pass)
    ("không nhớ", "quên"), ("sử dụng", "dùng"), ("cài đặt", "cài"), ("tải về", "tải"),
    ("con nít", "trẻ em"), ("trẻ con", "trẻ em"), ("trẻ nhỏ", "trẻ em"), ("con nhỏ", "trẻ em"),
    ("trái cây", "nông sản"), ("tố cáo", "tố giác"), ("lệ phí", "phí"), ("hiệu lực", "giá trị"),
    ("công an xã", "côngan"), ("công an phường", "côngan"), ("cấp lại", "đổi"),
    ("khai sinh", "khaisinh"), ("khai tử", "khaitử"), ("khai từ", "khaitử"), ("báo tử", "khaitử"),
    ("chứng tử", "khaitử"),
    ("lừa đảo", "lừa"), ("giả mạo", "giả"), ("mạo danh", "giả"),
    ("qua đời", "mất"), ("từ trần", "mất"), ("tạ thế", "mất"), ("lăn tay", "vân tay"), ("đẻ", "sinh"),
    ("về với ông bà", "mất"), ("về với tổ tiên", "mất"),  # (fifty-second pass: the euphemism)
    ("mới đẻ", "mới sinh"), ("vừa đẻ", "vừa sinh"), ("sắp đẻ", "sắp sinh"), ("đi đẻ", "đi sinh"),
    ("đẻ con", "sinh con"), ("đẻ xong", "sinh xong"), ("đẻ được", "sinh được"),
    # appliances are no weather: "tủ lạnh phòng trọ hư", "máy lạnh", "bình nóng lạnh"
    ("tủ lạnh", "tủlạnh"), ("máy lạnh", "máylạnh"), ("nóng lạnh", "nónglạnh"), ("kho lạnh", "kholạnh"),
    ("đường dây nóng", "tổngđài"), ("phần mềm", "ứngdụng"), ("trang mạng", "trang web"),
    ("thanh toán", "trả tiền"), ("đóng tiền", "trả tiền"), ("nộp tiền", "trả tiền"), ("nộp phí", "trả phí"),
    ("đóng phí", "trả phí"), ("nộp lệ phí", "trả phí"), ("đóng lệ phí", "trả phí"),
    ("nhập tỉnh", "sápnhập tỉnh"), ("nhập xã", "sápnhập xã"), ("gộp tỉnh", "sápnhập tỉnh"),
    ("gộp xã", "sápnhập xã"), ("chuyển khoản", "chuyểntiền"), ("chuyển tiền", "chuyểntiền"),
    ("quét mặt", "sinhtrắchọc"), ("xác thực khuôn mặt", "sinhtrắchọc"), ("khuôn mặt", "sinhtrắchọc"),
    # forty-eighth pass: the bank's face check as residents tell it, and as voice typing hears "sinh trắc học"
    # ("chụp mặt" is not one: VNeID's registration asks for a photo of the face too)
    ("quẹt mặt", "sinhtrắchọc"), ("soi mặt", "sinhtrắchọc"), ("nhìn vào camera", "sinhtrắchọc"),
    ("nhìn vô camera", "sinhtrắchọc"), ("nhìn thẳng vào camera", "sinhtrắchọc"), ("sin chắc học", "sinhtrắchọc"),
    ("xin trắc học", "sinhtrắchọc"),
    # fifty-first pass: the check's flashing screen, as an elderly resident tells it ("nhìn vô cái máy chớp chớp")
    ("chớp chớp", "sinhtrắchọc"), ("máy nhấp nháy", "máy sinhtrắchọc"),
    ("thẻ bảo hiểm", "bhyt"), ("lương hưu", "lươnghưu bhxh"), ("chứng minh", "cmnd"),
    ("công nghệ", "côngnghệsố"), ("tận nhà", "tậnnơi"), ("tới nhà", "tậnnơi"), ("tận nơi", "tậnnơi"),
    ("tận tay", "tậnnơi"), ("tận mặt", "tậnnơi"), ("trực tiếp", "tậnnơi"), ("sân bay", "máybay"),
    ("đứng hình", "lỗi"), ("trắng màn hình", "lỗi"), ("văng ra", "lỗi"), ("bị treo", "lỗi"),
    ("cờ rét", "lỗi"), ("cơ rét", "lỗi"), ("cờ rách", "lỗi"),  # "crash" as voice typing spells it (marked only)
    ("kít hoạt", "kíchhoạt"), ("căn cướp", "căncước"), ("kết hông", "kếthôn"),  # slips of voice typing
    ("kích hoạch", "kíchhoạt"),
    ("hót lai", "tổngđài"), ("hốt lai", "tổngđài"),  # "hotline" as voice typing spells it
    ("tồi khoản", "tàikhoản"), ("mọt khẩu", "mậtkhẩu"),  # typing slips with marks
    ("phần ngàn", "phầnngàn độmặn"), ("phần nghìn", "phầnngàn độmặn"),
    ("quá trời", "quá"), ("nước ngọt", "độmặn ngọt"), ("mã số gửi về", "otp"), ("mã gửi về", "otp"), ("mã số", "mã"),
    ("thẻ cứng", "thẻ"), ("đứng ảnh", "lỗi"), ("trắng màn ảnh", "lỗi"), ("thành công", "thànhcông"),
    ("giao dịch", "giaodịch"), ("giao thông", "giaothông"), ("hệ thống", "hệthống"), ("bảo trì", "bảotrì"),
    # What the question asks: where, what the difference is, how long. The words stay (they make
    # the message a question); the added token tells sibling topics apart ("mức 2 làm ở đâu" is
    # registering, "mức 2 khác gì mức 1" is the levels).
    ("ở đâu", "ở đâu ởđâu"), ("chỗ nào", "chỗ nào ởđâu"), ("đi đâu", "đi đâu ởđâu"), ("nơi nào", "nơi nào ởđâu"),
    ("khác nhau", "khác nhau khácnhau"), ("khác gì", "khác gì khácnhau"), ("hơn gì", "hơn gì khácnhau"),
    ("khác chỗ nào", "khác chỗ nào khácnhau"), ("khác sao", "khác sao khácnhau"),
    ("bao lâu", "bao lâu baolâu"), ("mấy ngày", "mấy ngày baolâu"),
    ("chừng nào", "chừng nào baolâu"), ("khi nào", "khi nào baolâu"), ("là gì", "là gì làgì"),
    # Compounds: one word, so "ứng dụng" is one piece of evidence, and "công" in "công an"
    # is not the "công" of "công nghệ".
    ("ứng dụng", "ứngdụng"), ("tài khoản", "tàikhoản"), ("ngân hàng", "ngânhàng"), ("công an", "côngan"),
    ("căn cước", "căncước"), ("dịch vụ công", "dịchvụcông"), ("công nghệ số", "côngnghệsố"),
    ("kích hoạt", "kíchhoạt"), ("kích hoặc", "kíchhoạt"), ("đăng ký", "đăngký"), ("xác thực", "xácthực"),
    ("bảo hiểm", "bảohiểm"),
    ("tổng đài", "tổngđài"), ("lý lịch tư pháp", "lýlịchtưpháp"), ("kết hôn", "kếthôn"),
    # forty-ninth pass: the marriage certificate as residents name it ("làm giấy cưới", "giấy tờ vợ chồng")
    ("giấy cưới", "giấy kếthôn"), ("giấy chồng vợ", "giấy kếthôn"), ("giấy tờ vợ chồng", "giấytờ kếthôn"),
    ("giấy vợ chồng", "giấy kếthôn"),
    ("tạm trú", "tạmtrú"), ("tạm chú", "tạmtrú"), ("lưu trú", "lưutrú"), ("sinh trắc học", "sinhtrắchọc"),
    ("máy bay", "máybay"),
    ("sinh chắc học", "sinhtrắchọc"),
    ("bằng lái", "bằnglái"), ("nông sản", "nôngsản"), ("độ mặn", "mặn độmặn"), ("độ mạn", "mặn độmặn"),
    ("độ mặng", "mặn độmặn"), ("nhiễm muối", "mặn độmặn"), ("cài ứng dụng", "cài ứngdụng"),
    # Weather words beyond "mưa": all of them ask about the weather.
    ("thời tiết", "thờitiết"), ("thời tiếc", "thờitiết"), ("dự báo", "thờitiết"), ("áp thấp", "thờitiết bão"),
    ("gió mùa", "thờitiết"), ("nắng nóng", "thờitiết nắng"), ("mưa bão", "thờitiết mưa"),
    # ("mua bao hiem" without marks is buying insurance, not "mưa bão")
    ("mua bảo hiểm y tế", "mua bhyt"), ("mua bảo hiểm xã hội", "mua bhxh"), ("mua bảo hiểm", "mua bảo hiểm"),
    ("mưa dông", "thờitiết mưa"), ("mưa giông", "thờitiết mưa"),
    ("sương mù", "thờitiết sương"), ("sương muối", "thờitiết sương"), ("không khí lạnh", "thờitiết lạnh"),
    ("biển động", "thờitiết biển"), ("gió cấp", "thờitiết gió"), ("gió giật", "thờitiết gió"),
    ("sóng cao", "thờitiết biển"), ("sóng lớn", "thờitiết biển"), ("sóng to", "thờitiết biển"),
    ("băng giá", "thờitiết rét"), ("mưa đá", "thờitiết mưa"),
    ("rét đậm", "thờitiết rét"), ("rét hại", "thờitiết rét"), ("đợt rét", "thờitiết rét"),
    ("có lũ", "có thờitiết mưa"), ("lũ lụt", "thờitiết mưa"), ("mưa lũ", "thờitiết mưa"),
    ("nước lũ", "thờitiết mưa"), ("lũ quét", "thờitiết mưa"), ("ngập lụt", "thờitiết mưa"),
    ("âm u", "thờitiết"), ("u ám", "thờitiết"), ("gió mạnh", "thờitiết gió"), ("sóng gió", "thờitiết biển"),
    ("nồm", "thờitiết nồm"),  # the North's damp spring weather ("mấy ngày tới nồm ẩm không")
    # Letter names before a word: "bê hát y tế", "bê hát xã hội".
    ("bê hát y tế", "bhyt"), ("bê hát xã hội", "bhxh"),
    # A licence's class names the licence: "bằng A1", "bằng B2".
    ("bằng a1", "bằnglái"), ("bằng a2", "bằnglái"), ("bằng b1", "bằnglái"), ("bằng b2", "bằnglái"),
)
# fmt: on

# Words of other matters residents bring to the group (land, traffic fines, health care,
# loans): the knowledge base has nothing on them, so they speak AGAINST every topic.
# fmt: off
FOREIGN = (
    "đất", "sổ đỏ", "sổ hồng", "thổ cư", "chuyển nhượng", "xây dựng", "xây nhà", "phạt nguội", "bị giam",
    "giam xe", "chuộc", "đăng kiểm", "biển số", "xe buýt", "sửa xe", "thuế", "học phí", "lãi suất", "giá vàng",
    "sốt xuất huyết", "vắc xin", "karaoke", "trợ cấp người già", "giờ làm việc", "hộ nghèo", "cận nghèo", "heo",
    "đau bao tử", "đau dạ dày", "thú y", "phân bón", "sốt", "người có công", "tiền hỗ trợ", "hỗ trợ tiền", "thiệt hại",
    "lọc nước", "nước mắm", "nấu ăn", "taxi", "xe ôm", "mức đóng",
    # Other offices and everyday matters residents raise in the same groups (none is in a phrasing;
    # none folds onto a word of one: typed without marks, "giá lúa" would be "giả lừa").
    "quy hoạch", "giấy phép xây dựng", "tranh chấp", "ranh đất", "đo đạc", "thửa đất", "đền bù", "giải tỏa",
    "bồi thường", "vi phạm giao thông", "nồng độ cồn", "thi bằng lái", "học lái", "sát hạch", "đổi bằng lái",
    "bằng lái hết hạn", "vay vốn", "ngân hàng chính sách", "nợ xấu", "chứng khoán",
    "nghĩa vụ quân sự", "tuyển quân", "khám nghĩa vụ", "bầu cử", "ly hôn", "ly dị", "di chúc", "thừa kế",
    "công chứng", "hộ chiếu", "visa", "tiền điện", "hóa đơn điện", "cúp điện", "mất điện", "cúp nước",
    "tiền nước", "học bạ", "thi tốt nghiệp", "tuyển sinh", "sách giáo khoa", "đồng phục", "họp phụ huynh",
    "thuốc trừ sâu", "sâu bệnh", "rầy nâu", "giống lúa", "thương lái", "dịch tả", "cúm gia cầm", "tiêm phòng",
    "nằm viện", "chuyển viện", "huyết áp", "tiểu đường", "mai táng phí",
    "trợ cấp thất nghiệp", "bảo hiểm thất nghiệp", "thai sản", "đóng bảo hiểm y tế", "mua bảo hiểm y tế",
    "gia hạn bảo hiểm y tế", "bảo hiểm xe", "mạng wifi", "cáp quang", "sim rác", "nạp card",
    "nạp tiền điện thoại", "gói cước", "đăng ký 4g", "sửa điện thoại", "màn hình bể", "xổ số", "đá gà",
    "hội người cao tuổi", "hội phụ nữ", "đoàn thanh niên", "làm đường", "bê tông", "cầu khỉ", "rác thải",
    "thu gom rác", "phun thuốc", "nhập học", "chích ngừa", "tiêm ngừa", "wifi", "họp dân", "thiên tai",
    "lịch tiêm", "tiêm chủng", "trạm y tế", "hỗ trợ thiên tai", "sửa mạng", "truyền hình", "cắt điện",
    "hộ kinh doanh", "giấy phép kinh doanh", "đăng ký xe", "gia hạn", "sở giao thông",
    "sang tên xe", "bảo hiểm một lần", "rút bảo hiểm", "hưu trí",
    "trái tuyến", "đúng tuyến", "mổ", "viện phí", "khuyết tật", "trợ cấp", "học bằng lái", "học lái xe",
    "tài khoản zalo", "zalo bị khóa", "nick zalo", "facebook bị khóa", "tài khoản facebook", "hủy đơn",
    "hỗ trợ lũ", "hỗ trợ lũ lụt",
    # a birth record or a name corrected is another procedure than registering a birth
    "cải chính", "sửa giấy khai sinh", "sửa khai sinh", "thay đổi hộ tịch", "đổi tên",
    "gửi tiết kiệm", "sổ tiết kiệm", "kỳ hạn", "khu công nghiệp", "tuyển công nhân", "tuyển người",
    "tử tuất", "trợ cấp tuất", "tủ lạnh", "máy lạnh", "nóng lạnh", "kho lạnh", "sửa nhà",
    "nghỉ học",  # whether the school closes for a storm is the school's word, not the forecast
)
# fmt: on

# Single weather words: they add the weather concept next to themselves.
WEATHER_WORDS = frozenset("mưa nắng bão giông dông sấm sét gió rét lạnh nóng lốc".split())
# Single salinity words add the salinity concept.
SALINITY_WORDS = frozenset("mặn lợ tưới".split())

# Letter names as voice typing writes an acronym read aloud ("vi en e i đi" → vneid); "a|b": either letter.
# fmt: off
LETTERS: dict[str, str] = {
    "a": "a", "bê": "b", "bờ": "b", "bi": "b", "xê": "c|x", "cờ": "c", "xi": "c", "cê": "c", "dê": "d|v", "đê": "d",
    "đi": "d", "di": "d", "dờ": "d", "e": "e", "ê": "e", "i": "i", "ai": "i", "gờ": "g", "giê": "g",
    "hát": "h", "hờ": "h", "ét": "s", "ca": "k", "ka": "k", "cây": "k", "lờ": "l", "en": "n", "nờ": "n",
    "nê": "n", "o": "o", "ô": "o", "ơ": "o", "pê": "p", "pờ": "p", "pi": "p", "bê pê": "p",
    "quy": "q", "kiu": "q", "qui": "q", "cu": "q", "rờ": "r", "e rờ": "r", "a rờ": "r", "ar": "r", "a ra": "r",
    "kiu a": "qr", "quy a": "qr", "cu a": "qr", "qui a": "qr",
    "sờ": "s", "ét xì": "s", "ết": "s", "tê": "t", "tờ": "t", "ti": "t", "vê": "v", "vờ": "v", "vi": "v",
    "ích": "x", "ít": "x", "xờ": "x", "y": "y", "u": "u", "ư": "u", "em": "m", "mờ": "m", "dét": "z",
    "gê": "g", "lê": "l", "eo": "a", "ây": "a", "ây đi": "id", "ai đi": "id", "ép": "f", "ếp": "f", "ép phờ": "f",
    "es": "s",  # (fifty-third pass: "ve es es i di")
    **{c: c for c in "bcdfghjklmnpqrstvwxz"},
}
# fmt: on
# ("vsid": VssID read with one "s", "vi sờ i đi", as its variant maps it)
ACRONYMS = (
    "vneid",
    "vnid",
    "vssid",
    "vsid",
    "otp",
    "qr",
    "bhyt",
    "bhxh",
    "cccd",
    "cmnd",
    "nfc",
    "sms",
    "atm",
    "id",
    "gplx",
    "dvc",  # "đê vê xê": the public-service portal spelled by voice typing
    "bhit",  # "bê hát i tê": BHYT as voice typing hears its "y"
)
# Two letters can also be read as one syllable ("ai đi" = ID).
_LETTER_MAX = 2

# Words that carry no topic: pronouns, particles, politeness, question fillers (folded).
STOPWORDS = frozenset(
    """
    a ah ha hat hoi nha nhe nhen nghen ne oi oii voi cho toi minh em anh chi co ba ong bac chu cau di
    la gi sao the nao nhu vay thi ma roi duoc khong lam biet muon phai do kia day dau
    cai ay vui long giup gium xin hoi ad admin moi nguoi nha nhau
    va hay hoac nua luon tron de ve cua mot nhung cac rat qua bi o ta ho tu nay no
    """.split()
)

# Messages made only of these (and stopwords) are chit-chat: the bot stays silent.
CHITCHAT = frozenset(
    """
    ok oke okie okay uh uhm um vang da yes cam on thank thanks tks thanksss camon cmon
    chao hello hi alo xinchao hihi haha hehe kk kkk like buoi sang trua chieu toi ngu ngon
    chuc mung nam moi khoe good morning night bye tam biet hen gap lai dung roi chuan
    """.split()
)
THANKS = re.compile(r"\b(cam on|cam ơn|thank|thanks|tks|camon|cmon|cam on nhieu)\b")

# Adverts and selling posts: silence even when a domain word slips in.
SELLING = re.compile(
    # (not "cần bản gốc" — a document's original; "bán cho thương lái / lái buôn giá rẻ" is a complaint; "ib riêng" asks
    # to talk privately; "ship COD ra sao" asks how)
    r"\b(can ban(?! (goc|sao|chinh|photo|scan|dich|in|cung|giay|cu)\b)|ban gap|thanh ly"
    r"|(?<!thuong lai )(?<!lai buon )(?<!tra )(?<!ban )gia re|gia si|lh \d+|inbox(?! (rieng|to|ad|admin)\b)"
    r"|ib(?! (rieng|to|ad|admin)\b)|order"
    r"|ship cod(?! (ra sao|ra rang|the nao|nhu the nao|sao|lam sao))|freeship|sale|0\d{9}|ai co ban|can mua)\b"
)

# Everyday words that say little about the topic: they weigh little in the confidence and
# are not, on their own, evidence that a message is a question the bot knows (folded).
GENERIC = frozenset(
    """
    xai dung nhap xong nua moi cu trong ngoai len xuong ra vao lay dua gui nhan keu noi chi huong dan
    cach chua hom nay mai ngay qua bao nhieu may lau nguoi nha xa ap thay biet tot sao roi toi can
    ai xem sau gio luc khi truoc bay lai dang con chau gia dinh nam thang tuan ban giay to tiep lam
    bay gio thu hoi hoai hoi nhieu it het duoc
    """.split()
)

# A message that says something is a scam (or asks whether it is): only then may a topic
# that warns or alarms be answered. Words are matched with their marks ("lạ", not "là");
# phrases on the folded text.
SCAM_WORDS = frozenset("lừa giả lạ xưng đòi nghi mạo 156 link gian trộm chiếm hack phishing apk dụ cọc".split())
_SCAM_WORDS_FOLDED: dict[str, list[str]] = {}  # looked up by a word's letters, not compared with every scam word
for _w in sorted(SCAM_WORDS):
    _SCAM_WORDS_FOLDED.setdefault(fold(_w), []).append(_w)
SCAM_PHRASES = re.compile(
    r"\b(yeu cau|chuyen tien|chuyen khoan|mat tien|that khong|co that|that ko|tin duoc|an toan|nang cap"
    r"|dong bo|goi dien|goi toi|goi den|nhan tin|tin nhan|trang web|mat phi|ton phi|dong phi|xac minh"
    r"|nguoi khac|nguoi ta|cung cap|canh giac|to giac|trung thuong|phong toa|duong link|bao cai|bao tai(?! ?khoan)"
    r"|chuyen lai|nop phi|phi kich hoat|xac nhan don|tien bi treo|giu hang|khach ao|khach gia"
    r"|(tra|dong|nop|chuyen|ung) tien( ship| xe| van chuyen| hang| coc)? truoc|ung truoc"
    r"|gui nham ma|doc lai (cho|ma|so)|nham ma"
    # money sent to a stranger who then blocked the sender: "chuyển 5 triệu cho một đứa … giờ nó chặn luôn"
    r"|chuyen [\d.,]+ ?(trieu|tr|k|nghin|ngan)|(no|ho|nguoi ta|doi tuong|tui no|ben do) chan (luon|roi|mat|so|zalo|het)"
    r"|tien (dang )?bi (\w+ ){0,2}(giu|treo|khoa|dong bang)|(nop|dong|chuyen) them (phi|tien phi)"
    r"|(dua|cho|hoi|xin|noi|gui|doc|doi) (lai )?(cho (ho|nguoi ta) )?(cai )?(ma|otp|matkhau|passcode|mat khau)"
    r"|(otp|matkhau|passcode) .*\b(dua|cho|doc|gui)|cho .*\bbiet (ma|otp|matkhau|passcode))\b"
)

# An ad starts like this ("Bán xoài cát…", "Cần mua lúa…") and asks nothing; talk about
# selling *online* (the sell-online topic) names the channel instead.
# ("bán nước mắm lên shopee": onto a marketplace, how to sell there; an ad says "có trên shopee")
SELLING_ONLINE = re.compile(r"\b(online|voso|postmart|san|gian hang|tmdt|len (shopee|lazada|tiki|tiktok))\b")
# A seller asking how to sell online, whatever ad words the story holds ("bán mối ở chợ hoài giá rẻ, muốn đăng lên mạng
# bán thì làm sao, lên sàn nào?"): a question for the selling-online topic, not an ad.
ASKS_HOW_TO_SELL = re.compile(
    r"\b(len|tren|qua) (mang|san|online)\b.{0,60}"
    r"\b(lam sao|the nao|o dau|san nao|cho nao|cho mo|cach nao|bat dau tu dau)\b"
)
AD_START = re.compile(r"^(ban|can ban|mua|can mua|thu mua|cho thue|can thue|nhan may|nhan lam)\b")
QUESTION_WORDS = re.compile(
    r"\b(sao|nao|gi|dau|khong|chua|cach|huong dan|lam the|the nao|bao nhieu|bao lau|co nen|duoc khong|ha|hoi"
    r"|ai|may|chi giup|giup|o dau|phai|co can|co that|co phai|muon|lam sao|nhu the nao|nho|chi dum|chi gium"
    r"|(that|thiet) hay (gia|lua))\b"  # "… là thiệt hay giả": whether it is a trick
)


def _keyed(table: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Exact keys, and the unmarked keys for words typed without any mark.

    Only keys written without marks catch unmarked words: "mô" (Central "đâu") must not
    turn "mo tai khoan" (mở) into "đâu".
    """
    by_fold = {key: value for key, value in table.items() if not marked(key)}
    return dict(table), by_fold


_VARIANTS, _VARIANTS_FOLDED = _keyed(VARIANTS)


def _lookup(tok: str, exact: dict[str, str], folded: dict[str, str]) -> str | None:
    hit = exact.get(tok)
    if hit is None and not marked(tok):
        hit = folded.get(tok)
    return hit


def _build_phrases(pairs: Iterable[tuple[str, str]]) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """First word's letters → (source words, replacement words), longest first."""
    index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for src, dst in pairs:
        words = tuple(src.split())
        index.setdefault(fold(words[0]), []).append((words, tuple(dst.split())))
    for options in index.values():
        options.sort(key=lambda o: -len(o[0]))
    return index


_PHRASES = _build_phrases(PHRASES)
# Spellings that count only as typed with their marks.
# (forty-eighth pass: "muoi trong song cao ko" is the salt in the river, "sông", not high waves, "sóng cao")
_MARKED_ONLY = frozenset({("cờ", "rét"), ("cơ", "rét"), ("cờ", "rách"), ("sóng", "cao")})


def join_phrases(
    tokens: list[str],
    index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = _PHRASES,
    whole: bool = False,
) -> list[str]:
    """Replace multi-word spellings; a source word matches a compatible typed word.

    ``whole`` (names of other matters): a match must end where a word ends ("mất điện" is not in
    "mất điện thoại"), and a one-syllable name typed without marks is too ambiguous to count
    ("dat" is "đặt" as often as "đất")."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for src, dst in index.get(fold(tokens[i]), ()):
            n = len(src)
            if (
                i + n <= len(tokens)
                and all(compatible(tokens[i + j], src[j]) for j in range(n))
                # one marked syllable typed without marks is another word too: "de" is "để" far more than "đẻ"
                and not (n == 1 and marked(src[0]) and not marked(tokens[i]))
                # "co ret" is "có rét" (cold) far more than "cờ rét" (crash)
                and not (src in _MARKED_ONLY and not _typed_with_its_marks(tokens[i : i + n], src))
                and not (whole and _cut_short(tokens, i, n, src))
            ):
                out.extend(dst)
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _typed_with_its_marks(typed: list[str], src: tuple[str, ...]) -> bool:
    """Each syllable of ``src`` that has marks was typed with them ("sóng cao": "sóng" marked; "cao" has none)."""
    return all(marked(t) for t, w in zip(typed, src, strict=True) if marked(w))


def _cut_short(tokens: list[str], i: int, n: int, src: tuple[str, ...]) -> bool:
    if n == 1 and marked(src[0]) and not marked(tokens[i]):
        return True
    if i + n < len(tokens):  # the last word goes on into a compound: "điện" + "thoại"
        last, nxt = tokens[i + n - 1], tokens[i + n]
        return any(
            len(p) >= 2 and compatible(last, p[0]) and compatible(nxt, p[1]) for p, _ in _PHRASES.get(fold(last), ())
        )
    return False


_LETTER_FOLDED = {fold(k): v for k, v in LETTERS.items()}
_LETTER_STARTS = {fold(k.split()[0]) for k in LETTERS}


def _letter(words: list[str], i: int) -> list[tuple[str, int]]:
    """Letters that the words at ``i`` may spell, with how many words each takes."""
    found: list[tuple[str, int]] = []
    for n in range(1, _LETTER_MAX + 1):
        if i + n <= len(words):
            key = " ".join(words[i : i + n])
            hit = _lookup(key, LETTERS, _LETTER_FOLDED)
            if hit:  # "xê" is C by the alphabet, X in "bê hát xê hát" (BHXH)
                found.extend((letter, n) for letter in hit.split("|"))
    return found


def spell_acronyms(words: list[str]) -> list[str]:
    """'vi en e i đi' → 'vneid', 'ô tê pê' → 'otp': a run of letter names that spells a known acronym."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if fold(words[i]) not in _LETTER_STARTS:  # most words are no letter name: skip quickly
            out.append(words[i])
            i += 1
            continue
        best: tuple[str, int] | None = None
        # Depth-first over letter readings; acronyms are short, so this stays tiny.
        stack: list[tuple[int, str]] = [(i, "")]
        while stack:
            j, spelled = stack.pop()
            if spelled in ACRONYMS and j - i >= 2 and (best is None or j - i > best[1]):
                best = (spelled, j - i)
            if len(spelled) >= 5:
                continue
            for letter, n in _letter(words, j):
                nxt = spelled + letter
                if any(a.startswith(nxt) for a in ACRONYMS):
                    stack.append((j + n, nxt))
        if best is not None:
            out.append(best[0])
            i += best[1]
        else:
            out.append(words[i])
            i += 1
    return out


# A variant typed without marks that is another word beside some words (folded): (words before, words after) where
# it stays as typed. "chi" is Central "gì" only on its own — not in "dia chi" (địa chỉ), "chi phi", "chi tiet",
# "chi nhanh", "chi tra", nor "chi oi", "chi Hai" (chị ơi, chị Hai); "bot" is the bot, but "bớt" after a verb of
# cutting down ("xoa bot hinh", "giam bot") or before "chút", "phần", "giá".
_VARIANT_NOT_BESIDE: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "chi": (frozenset({"dia"}), frozenset("phi tiet nhanh tra cuc tieu oi hai ba tu nam sau bay".split())),
    "bot": (
        frozenset("xoa giam bo cat an uong noi tru nhin nhuong tiet bot go don".split()),
        frozenset("chut phan gia".split()),
    ),
    # money that "flew away" ("tiền trong tk bay mất", "bay sạch"), no plane
    "bay": (frozenset({"tien"}), frozenset("mat het sach mau luon".split())),
    # roasted, not Central "răng" (why): "khô rang", "cơm rang", "lạc rang", "bắp rang"
    "rang": (frozenset("kho com lac bap dau ngo me hat phe xoi".split()), frozenset()),
    # the day after tomorrow typed without marks ("ngay mot co nang khong", "bua mot"), not the number one
    "mot": (frozenset({"ngay", "bua"}), frozenset()),
}


def _expand(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if tok in ("t", "tt") and i and tokens[i - 1].isdigit() and int(tokens[i - 1]) < 14:
            out.append("tuổi")  # "con gái 12t", "bé 3t": a child's age, not "tôi" (a teen of 14 registers himself)
            continue
        beside = _VARIANT_NOT_BESIDE.get(tok)
        if beside is not None and (
            (i and fold(tokens[i - 1]) in beside[0]) or (i + 1 < len(tokens) and fold(tokens[i + 1]) in beside[1])
        ):
            out.append(tok)
            continue
        hit = _lookup(tok, _VARIANTS, _VARIANTS_FOLDED)
        out.extend((hit or tok).split())
    return out


def _lazy_qu(tok: str) -> str:
    # A word typed without marks starting with 'w' is usually 'qu' typed lazily ("wen" → "quen").
    if tok.startswith("w") and len(tok) > 2 and not marked(tok) and tok not in _VARIANTS_FOLDED:
        return "qu" + tok[1:]
    return tok


@functools.lru_cache(maxsize=8192)
def _syllables(text: str) -> tuple[str, ...]:
    raw = [_lazy_qu(t) for t in _WORD.findall(canonical(text))]
    return tuple(_expand(spell_acronyms(raw)))


def syllables(text: str) -> list[str]:
    """Canonical words with their marks, acronyms spelled out and variants mapped; not yet joined."""
    return list(_syllables(text))


# Day words: next to one of them, "mua"/"nang"/"nong" typed without marks is the weather ("mai co mua ko", "hom nay
# nong may do"), not buying, lifting or farming — unless the next word makes it another ("mua cap", "nong dan").
# Typed without marks, "toi" is "tôi" and "nay" may be "này": only the unambiguous ones count ("toi" only after
# "ngày": see _days_ahead).
DAY_WORDS = frozenset("mai mốt nay tối chiều sáng trưa đêm tuần trời hôm".split())
DAY_WORDS_UNMARKED = frozenset("mai mot chieu trua dem tuan troi hom toi".split())
_WEATHER_UNMARKED = frozenset({"mua", "nang", "nong"})
# ("mua gium/giup/dum/ho/hang/them": buying for someone, goods, more — "mai di cho mua gium tui can thit")
_WEATHER_NOT_BEFORE = frozenset("cap dan san nghiep thon thuy nghe truong gium giup dum ho hang them".split())
_SKY_HOW = frozenset("the ra sao nay mai hom toi chieu sang trua dem".split())  # after unmarked "troi"
# "bao" typed without marks is a storm only as the thing asked about on a day: "mai có bao ko", "tuần này có cơn bao
# hông" — not "có báo không" (reported?), "bao nhiêu", "bảo" (told).
_STORM_BEFORE = frozenset({"co", "con"})
_STORM_AFTER = frozenset("ko khong hong hok k khum ha chua nua lon vo vao toi nao so".split())  # folded


# ... except where the word is part of another: "khuyen mai" (a sale: "mua the cao … khuyen mai"), and "hom"
# that no day word follows ("mua hom que giong": cuttings to buy).
_HOM_DAYS = frozenset("nay qua kia truoc sau do ray".split())  # folded


def _days_ahead(joined: list[str], i: int) -> bool:
    """Typed without marks, "toi" is "tôi" — except after "ngày" ("mấy ngày tới", "vài ngay toi": the days ahead)."""
    before = [fold(w) for w in joined[max(0, i - 2) : i] if w != "baolâu"]  # ("mấy ngày" adds "baolâu")
    return bool(before) and before[-1] == "ngay"


def _asks_a_day(joined: list[str]) -> bool:
    for i, w in enumerate(joined):
        if marked(w):
            if w in DAY_WORDS:
                return True
            continue
        if w not in DAY_WORDS_UNMARKED and w not in DAY_WORDS:
            continue
        if w == "mai" and i and fold(joined[i - 1]) == "khuyen":
            continue
        if w == "toi" and not _days_ahead(joined, i):
            continue
        if w == "hom" and (i + 1 >= len(joined) or fold(joined[i + 1]) not in _HOM_DAYS):
            continue
        return True
    return False


_PLUM_BEFORE = frozenset("trong cay qua vuon hoa trai".split())  # folded: "trồng/cây/quả/vườn/hoa/trái mận"
# fiftieth pass: papers and accounts that are made ("mần định danh", "mần giấy tờ"), folded: not salt before them
_DONE_AFTER_MAN = frozenset("vneid giay giayto taikhoan hoso cancuoc cccd khaisinh khaitu app ungdung dangky".split())


def assemble(words: Iterable[str], marks: bool = False) -> list[str]:
    """Join multi-word spellings and add the weather concept next to weather words. ``marks``: the message was typed
    with diacritics, so its unmarked words are what they say ("định mua 2 con": buy, not rain)."""
    out: list[str] = []
    joined = join_phrases(list(words))
    day: bool | None = None
    for i, w in enumerate(joined):
        out.append(w)
        if w in WEATHER_WORDS and i and joined[i - 1] == "mùa":
            continue  # "mấy tháng mùa mưa", "mùa nắng": a season named, not weather asked
        if (
            not marks and w in _WEATHER_UNMARKED and (i + 1 >= len(joined) or joined[i + 1] not in _WEATHER_NOT_BEFORE)
        ) or (
            w == "bao"
            and i
            and fold(joined[i - 1]) in _STORM_BEFORE
            and (i + 1 >= len(joined) or fold(joined[i + 1]) in _STORM_AFTER)
        ):
            if day is None:
                day = _asks_a_day(joined)
            if day:
                out.append("thờitiết")
                continue
        # "trời" is the sky in "trời mưa", "mai trời sao", but not in "trời ơi", "… vậy trời".
        nxt = joined[i + 1] if i + 1 < len(joined) else ""
        # "nuoc man chua": salty, not "màn hình", nor the plum of Sơn La's orchards ("trong man", "vuon man": "mận")
        if w == "man" and fold(nxt) in _DONE_AFTER_MAN:
            out[-1] = "làm"  # "man dinh danh cap mot": Southern "mần" (do) typed without marks, before what is done
        elif w == "man" and nxt not in ("hinh", "hình") and not (i and fold(joined[i - 1]) in _PLUM_BEFORE):
            out.append("độmặn")
        elif w == "trời" and nxt and nxt not in ("ơi", "đất", "ạ", "à") and not nxt.startswith("@"):
            out.append("thờitiết")
        elif w == "troi" and not marks and nxt in _SKY_HOW and _asks_a_day(joined[:i] + joined[i + 1 :]):
            # typed without marks, "troi" is the sky only beside a day and a "how is it": "hom nay troi the nao"
            # (not "tiền trôi đâu mất", "bị trói")
            out.append("thờitiết")
        elif w in WEATHER_WORDS:
            out.append("thờitiết")
        elif w in SALINITY_WORDS:
            out.append("độmặn")
    return out


@functools.lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(assemble(_syllables(text), typed_with_marks(text)))


def tokens(text: str) -> list[str]:
    """Canonical words with their marks, variants mapped and phrases joined."""
    return list(_tokens(text))


@functools.lru_cache(maxsize=1024)
def folded_words(text: str) -> str:
    """The tokens without diacritics, space-separated (for keys, logs and simple rules). Remembered: one
    question's rules ask for it several times (a notice? thanks? a scam's words? a question?)."""
    return fold(" ".join(_tokens(text)))


# The same stopwords as residents type them with marks. A marked word is a stopword only in one
# of these spellings: "cái" is filler, "cài" (install) is not; "thế" is, "thẻ" (card) is not;
# "mà" is, "mã" (code) is not; "tôi" is, "tối" (tonight) is not.
STOPWORDS_MARKED = frozenset(
    """
    à á ạ ả há hả hà hát hỏi hồi hơi nhé nhá nè nề ơi ôi với cho chớ tôi tới mình em anh ảnh chị chỉ có cô
    bà bá bác chú cậu câu đi dì là gì sao thế nào như vậy vầy thì mà má rồi được không làm lắm biết muốn
    phải đó đấy đây đâu kia cái ấy vui lòng giúp giùm dùm xin mọi mới mời người nhà nhau và hay hoặc nữa
    luôn trọn để về của một những nhưng các rất quá qua bị ở tá họ hở từ này nãy nay nó
    """.split()
)


def is_stopword(tok: str) -> bool:
    if marked(tok):
        return tok in STOPWORDS_MARKED
    return tok in STOPWORDS


def is_generic(tok: str) -> bool:
    return fold(tok) in GENERIC


def content_tokens(text: str) -> list[str]:
    """The words that say what a question is about (no stopwords), diacritics kept."""
    return [t for t in _tokens(text) if not is_stopword(t)]


# "Done it", "it works now": news, not a request for help.
DONE_WORDS = re.compile(
    r"\b(xong|thanh cong|duoc roi|on roi|lam duoc|ok roi|ngon lanh|ngon roi|vui qua|mung qua|dang hoang|cup may"
    r"|khen qua|tot lam|nhanh lam|de ot)\b"
)
# A resident telling how it went for him, not asking: "đưa cái mã, khỏi đưa căn cước", "mất có 5 phút",
# "tui vừa tích hợp bằng lái vô vneid" (folded words).
_TESTIMONY = re.compile(
    r"\b(khoi (dua|giu|mang|xep hang)|mat (co )?\d+ phut|(toi|minh|em|nha toi) vua"
    # settled: "chừ vào lại được rồi, khỏi hỏi nữa", "người ta giải quyết cho rồi"
    r"|khoi hoi( nua)?|giai quyet (cho )?(\w+ )?(roi|xong))\b"
)


def looks_like_question(text: str) -> bool:
    """In a group, a resident reporting success is left alone; terse topics ("quên mk vneid") are questions."""
    words = folded_words(text)
    return "?" in text or bool(QUESTION_WORDS.search(words)) or not DONE_WORDS.search(words)


# A question or a request, not news: an interrogative or request word, a final question
# particle, "có … không/chưa", or a question mark. Words with their marks: "chị" is not "chỉ".
ASK_WORDS = frozenset("sao gì nào đâu ai mấy nhiêu cách chỉ giúp giùm dùm hỏi muốn nên biết lâu".split())
ASK_AT_END = frozenset("không chưa hả à hen nhỉ ta vậy chứ hông hem ạ".split())
# Words that call someone at the end of a message ("… chưa bà con", "… không mọi người", "… hông con"), folded.
_VOCATIVE = frozenset("ba con ca nha moi nguoi anh em ae mn ad admin oi nha nhen nghen chau chi chu bac ong".split())
# "ai cũng…", "mấy bữa nay", "mấy ông xưng công an…": no question.
_NOT_ASKING = {
    "ai": ("cũng", "cần"),  # "ai cần cài VNeID thì ra nhà văn hóa nha": an announcement
    # "chị kể lại để mọi người biết thôi", "bà con biết nha": told so that the group knows
    "biết": ("thôi", "nha", "nhé", "nghen", "nhen"),
    "mấy": (
        "bữa",
        "hôm",
        "ông",
        "bà",
        "người",
        "đứa",
        "thằng",
        "anh",
        "chị",
        "cô",
        "chú",
        "bác",
        "em",
        "con",
        "trang",
        "vụ",
        "tin",
        "cái",
        "chục",  # "chết mấy chục cây", "giữ được mấy trăm gốc dừa": tens, hundreds of
        "trăm",
        # fields, plants and vehicles counted in a story: "đổ hết mấy luống su hào", "chết hết mấy sào", "xe chết máy
        # mấy chiếc"
        "luống",
        "sào",
        "mẫu",
        "gốc",
        "cây",
        "chiếc",
        # fifty-third pass: households and fields in a story ("ruộng mấy nhà ở An Minh cháy lá", "mấy ruộng ven sông")
        "nhà",
        "ruộng",
        "hộ",
        "ao",
    ),
}
_WHERE_BEFORE = frozenset({"o", "cho", "noi", "tai", "nao"})
# "chỉ" asks only as "show me" ("chỉ tui với", "chỉ cách", "chỉ giùm"), not as "only" ("chỉ đưa VNeID là qua")
# nor inside "địa chỉ".
_SHOW_ME_AFTER = frozenset(
    fold(w) for w in "tui tôi mình em con cháu bác giùm dùm giúp với cho cách dẫn lại bà ông".split()
)
# On the folded words: "có … không/chưa", "A hay B", "được không", and a problem reported to the
# help desk ("nó báo…", "không được", "bị lỗi") — which is a request for help.
_ASKS_FOLDED = re.compile(
    r"\bco\b.*\b(khong|chua)\b|\bhay\b|\bduoc (khong|chua)\b|\bkhong duoc\b|\bno (bao|doi|bat|hoi|keu)\b"
    r"|\bquen (matkhau|taikhoan|ma)\b"
    # An app's error message, typed or read from a screenshot, is a problem reported: a request for help.
    r"|\bkhong (thanhcong|dung|khop|ton tai)\b|\bthat bai\b|\bbaotri\b|\b(bi|tam) khoa\b|\bda duoc dung\b"
    r"|\bbi loi\b|(?<!tra )(?<!khong )(?<!het )\bloi\b(?! (ich|nhuan|khuyen|noi|chuc|gi))|\bkhong (vao|nhan|hien|mo)\b"
    # Asking for something in so many words: "ai có cho em xin", "em cần số công an xã" (not "cho em xin lỗi").
    r"|\bcho (\w+ )?xin\b(?! (loi|phep|chia buon|cam on|chuc))|\b(em|tui|toi|minh|con|chau) (dang |rat )?can\b(?! than)"
    # "bao giờ mới cập nhật": when (not "chưa bao giờ", "không bao giờ" — never —, nor "bao giờ cũng" — always)
    r"|(?<!chua )(?<!khong )(?<!chang )(?<!hong )(?<!ko )\bbao (gio|h)\b(?! cung)"
)
_PARTICLE_BEFORE_PUNCT = re.compile(r"\b(không|hông|hổng|ko|hok|k|chưa|hả|sao|gì|chi|nào|đâu|vậy|ha)\s*[,;.!?]")


_ELONGATED = re.compile(r"(\w)\1{2,}")
# Asking for the forecast or the salinity reading in so many words ("dự báo thời tiết ngày mai", "độ mặn hôm nay").
_LIVE_REQUEST = re.compile(r"\b(du bao|thoi tie[tc]|do man|do nhiem man|phan ngan|bao nhieu do|may do|nhiet do)\b")
_WEAK_ASK = frozenset({"ai", "gi", "biet", "muon"})


def _squeezed(text: str) -> str:
    """'cóoo mưaaa hônggg' → 'có mưa hông': a letter held down is still the word."""
    return _ELONGATED.sub(r"\1", text)


# A reading given, not asked: a number with its unit ("2,5 phần ngàn", "dưới 10 độ", "mưa 80 mm").
_READING = re.compile(r"\b\d+([,.]\d+)? ?(do c|do|phan ngan|phan nghin|g ?/ ?l|gam ?/ ?lit|gam|mm|‰|°c?)(?!\w)")
# A bulletin passed on: "Theo đài khí tượng, …", "Tin áp thấp: …", "Dự báo: …".
_BULLETIN = re.compile(
    r"^\W*(tin|ban tin|thong tin|canh bao)( nhanh| moi)? (ve )?(ap thap|bao|con bao|khong khi lanh|gio mua|mua lon"
    r"|mua bao|ret( dam| hai)?|lu|lu quet|trieu cuong|xam nhap man|nang nong)\b|^\W*(du bao|ban tin)( thoi tiet)? ?:"
    r"|\btheo (dai|du bao|ban tin|trung tam|tin|dai khi tuong|dai truyen hinh|tivi|ti vi|vtv)\b"
)
_PAST_YEAR = re.compile(r"\b(nam|hoi|mua|dot) (nam )?(19|20)\d\d\b")
# The reading or forecast itself asked: "bao nhiêu", "mấy độ", "có mưa không", "lấy nước được chưa".
_ASKS_VALUE = re.compile(
    r"\b(bao nhieu|bao nhieu do|may do|may phan|nhieu|the nao|ra sao|sao|nao|gi|j"
    r"|duoc khong|duoc ko|duoc hong|duoc chua)\b"
    r"|\b(xin hoi|cho (\w+ )?hoi|hoi (giup|gium|dum|xem|thu))\b"
    r"|\b(khong|ko|hong|hem|chua) de (\w+ )?(con|biet|lo|canh)\b"
    r"|\b(khong|ko|hong|hem|k|chua|chang|ha)( (thi|ma|vi|ba con|moi nguoi|mn|ae|ca nha|cac bac|bac|chu|co|anh|chi|em"
    r"|ad|a|ta|vay|v|z|nhi|nha|ban|oi))*\W*($|[,.!;])"
)


def tells_live_news(text: str) -> bool:
    """A weather or salinity bulletin passed on, a reading told, or a year long past — news, not a request for
    today's forecast: "Độ mặn hôm nay tại cống đầu kênh 2,5 phần ngàn, bà con chưa nên lấy nước", "Theo đài khí
    tượng, đêm nay không khí lạnh tăng cường", "hồi năm 2016 mặn kinh khủng"."""
    if "?" in text:
        return False
    raw = fold(canonical(_squeezed(text))).lower()
    if not (_PAST_YEAR.search(raw) or _READING.search(raw) or _BULLETIN.search(raw)):
        return False
    return not _ASKS_VALUE.search(raw)


# Question words inside idioms that ask nothing: "không ai bị gì", "may mà không ai sao" (nobody was hurt), "không mưa
# giọt nào" (not a drop). Weather that has been, told with them, is small talk.
_IDIOM_NOT_ASKING = re.compile(
    r"\b(may (ma )?)?(khong|chang|hong|ko) ai (bi )?(gi|sao)\b|\b(khong|chang|hong|ko) (\w+ ){0,2}(giot|hat|chut) nao\b"
)


def _without_idioms(text: str) -> str:
    """The text with those idioms blanked out (matched without marks, cut from the text as typed)."""
    folded = fold(text).lower()
    if len(folded) != len(text):  # (fold keeps one letter for one letter of NFC text; else leave it whole)
        return text
    for m in reversed(list(_IDIOM_NOT_ASKING.finditer(folded))):
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text


# The weather or the water of a day gone by, told as the start of a story ("Hôm qua mưa to quá, cây keo đổ mấy chục
# cây, ai có máy cưa cho thuê không?"): its question is the clause that asks, and that one names neither weather,
# water nor a day.
_PAST_DAY = re.compile(
    r"\b(hom (qua|kia|truoc)|bua (qua|truoc|hom|kia)|(dem|toi|chieu|sang|trua|khuya) (qua|hom qua)"
    r"|hoi (hom|toi|khuya|chieu|sang|dem)|(tuan|thang) (roi|truoc|qua)|may (bua|hom|ngay) (truoc|qua))\b"
)
# Words of the weather, the water or a day (a word typed with marks must be one of them as typed: "mái tôn" is no "mai")
_LIVE_OR_DAY = frozenset(
    "mưa nắng bão giông dông sấm sét gió rét lạnh nóng lốc mặn tưới nước thời tiết trời tạnh ngớt lụt ngập mai mốt nay"
    " ni tối chiều sáng trưa đêm tuần bữa hôm giờ khi lúc chừng".split()
)
_LIVE_OR_DAY_FOLDED = frozenset(fold(w) for w in _LIVE_OR_DAY)
_CLAUSE = re.compile(r"[^.,;!?\n]+[.,;!?\n]*")


def _names_live_or_day(clause: str) -> bool:
    for w in _WORD.findall(canonical(clause).lower()):
        if w in _LIVE_OR_DAY or (not marked(w) and fold(w) in _LIVE_OR_DAY_FOLDED):
            return True
    return False


def tells_past_weather(text: str) -> bool:
    """Weather or water of a past day told, and a question about something else asked after it."""
    folded = fold(canonical(text)).lower()
    past = _PAST_DAY.search(folded)
    if past is None:
        return False
    clauses = [c for c in _CLAUSE.findall(text) if c.strip()]
    asking = [c for c in clauses if is_question(c)]
    # (the clause that tells the past day is not the one asked about, read the same way as the whole)
    if not asking or any(past.group(0) in fold(canonical(c)).lower() for c in asking):
        return False
    return not any(_names_live_or_day(c) for c in asking)


def asks_live(text: str) -> bool:
    """A weather or salinity question, not small talk about the heat ("nóng muốn xỉu luôn á").

    Small talk uses the same words, and "ai", "gì", "biết", "muốn" as often as questions do
    ("mưa gì mưa hoài", "bão vô rồi, nhà ai mái tôn thì chằng lại"): without them, the message
    must still ask — or ask for the forecast or the reading by name.
    """
    raw = _as_typed(_squeezed(text))
    if _LIVE_REQUEST.search(raw):
        return True
    if tells_past_weather(text):
        return False
    told = canonical(text) if "?" in text else _without_idioms(canonical(text))
    kept = _WORD.sub(lambda m: "" if fold(m.group(0)) in _WEAK_ASK else m.group(0), told)
    if "?" not in text:
        kept = _MUSING_END.sub("", kept)  # "năm nay rét muộn nhỉ": musing, not asking
    return is_question(kept)


# The weather of the country or city a son or daughter works in ("Bên Đài Loan hôm ni có bão không", "thời tiết ở Hàn
# Quốc bây giờ có lạnh không", "Tokyo có tuyết chưa"): the bot only has the hamlet's forecast. Not where home is named
# too ("Bên Đức đang tuyết, ở quê mấy hôm tới lạnh không"), nor the Gulf of Thailand ("bão vô vịnh Thái Lan"), which is
# the Mekong coast's weather.
_ABROAD = re.compile(
    r"\b(o|ben|tai|qua|o ben) (dai loan|han quoc|nhat ban|trung quoc|ba lan|rumani|hungary|malaysia|singapore"
    r"|thai lan|campuchia|chau au|canada|dubai|a rap|israel|nuoc ngoai|phap|philippines|phi lip pin|indonesia"
    r"|myanmar)\b"
    # (a country named right after the forecast asked for: "dự báo thời tiết Campuchia tuần này", "bão ở Philippines")
    r"|\b(thoi tiet|du bao|bao|ap thap) (o |ben |tai )?(campuchia|philippines|phi lip pin|indonesia|myanmar|nhat ban"
    r"|han quoc|dai loan|trung quoc|thai lan|malaysia)\b"
    # one syllable that also begins a Vietnamese place ("Đức Hòa", "Lào Cai", "Mỹ Tho"): only before the question
    # (or before "bên đó": "con trai tui làm ở Nhật, bên đó mấy bữa nay có bão không")
    r"|\b(o|ben|tai) (han|nhat|duc|lao|my|uc)( (ha|hom|bay|gio|co|troi|dang|lanh|nong|mua|tuyet|thoi tiet|nay|ni|do"
    r"|ben do|ben ay|ben nay)\b"
    r"|\W*$)"
    # the cities our workers abroad write from, named alone ("Thời tiết Seoul tuần này lạnh không", "Đài Bắc mấy bữa
    # ni có bão không")
    r"|\b(tokyo|osaka|nagoya|fukuoka|saitama|aichi|gunma|chiba|ibaraki|hokkaido|seoul|busan|incheon|daegu|dai bac"
    r"|dai trung|dao vien|tan bac|cao hung|bangkok|kuala lumpur|sydney|melbourne|berlin|paris|moscow|praha|warsaw)\b"
)
_HOME = re.compile(
    r"\b(que|o nha|nha minh|ve nha|viet nam|vn|ben nay|o day|xa minh|ap minh|thon minh|xom minh|ngoai nay)\b"
)


def asks_weather_abroad(text: str) -> bool:
    """The weather asked about is a foreign country's, and home is not named."""
    raw = _as_typed(text)
    return bool(_ABROAD.search(raw)) and not _HOME.search(raw)


# The weather of a city at home where a child works or studies, or where one is going ("Thời tiết Hà Nội tuần này lạnh
# không, con tui đang học ngoài đó", "Sài Gòn hôm nay có mưa không, tui tính lên thăm con"): the city is the place asked
# about (beside the weather word), and someone is there or going there; the hamlet's forecast is not its answer. A
# city only named on the way ("Em ở Đà Nẵng tính về Quảng Trị thứ 7, đường có mưa to không") is not asked about.
_CITY = (
    r"(ha noi|sai gon|tp hcm|thanh pho ho chi minh|hcm|da lat|da nang|bac ninh|binh duong|hai phong|can tho|vung tau"
    r"|nha trang|hue|thai nguyen|bien hoa|dong nai|quang ngai|quang ninh|ha long)"
)
_CITY_ASKED = re.compile(
    rf"\b(thoi tiet|troi|du bao) (o |tai |ngoai |trong )?{_CITY}\b"
    # (not the weather told from there: "con gái tui ở Sài Gòn gọi về nói có áp thấp")
    rf"|\b{_CITY}( (?!goi\b|noi\b|bao\b|ke\b|nhan\b|ve\b)\w+){{0,4}}"
    r" (co )?(mua|lanh|ret|nang|nong|bao|tuyet|may do|nhiet do|ap thap|gio)\b"
)
_THERE = re.compile(
    r"\b(ngoai|trong|tren|duoi|ben|o) (do|day|nay)\b"
    r"|\b(ra|vo|vao|bay|xuong|len) (\w+ ){0,2}(tham|kham|choi|hoc|lam|nhap hoc)\b|\bdi (du lich|choi)\b"
    r"|\b(bay|di|ra|vo|vao|len|xuong) (vo |ra |vao |len |xuong )?(do|day)\b"  # "tui bay vô đó"
    r"|\b(sap|tinh|dinh|chuan bi|mai|tuan sau) (\w+ ){0,2}(ra|vo|vao|bay|xuong|len|di)\b"
    r"|\b(con|chau|chong|vo|ba|me|bo|ma)( \w+){0,2} (dang )?(o|lam|hoc|song)\b"
)


def asks_weather_away(text: str) -> bool:
    """The weather asked about is a far city's where someone is or is going, and home is not named."""
    raw = _as_typed(text)
    return bool(_CITY_ASKED.search(raw) and _THERE.search(raw)) and not _HOME.search(raw)


# The salt of a dish, a pickle or the sea one bathes in ("làm thịt muối chua cho bao nhiêu muối thì không mặn", "tắm
# biển có hại da không"): not the river's salinity, unless a field, a canal or a reading is named too.
_FOOD_SALT = re.compile(
    r"\b(nau|nuoc mam|mam|ca kho|kho ca|kho thit|thit|uop|muoi chua|dua muoi|banh|tam bien|mo hoi|nuoc mat)\b"
)
_FIELD_WATER = re.compile(
    r"\b(ruong|lua|vuon|bom|tuoi|cong|kenh|kinh|song|rach|vuong|ao|tom|do man|phan ngan|phan nghin|tram|xam nhap"
    r"|nuoc ngot|lay nuoc|nuoc lon|trieu)\b"
)


def tastes_food(text: str) -> bool:
    """The saltiness asked about is a dish's or the sea's, and no field, canal or reading is named."""
    raw = _as_typed(text)
    return bool(_FOOD_SALT.search(raw)) and not _FIELD_WATER.search(raw)


APPS = frozenset({"vneid", "vssid"})  # the apps a question may name, folded
# Another app's own trouble ("ví momo bị khóa do nhập sai mã PIN", "mật khẩu app Agribank tui quên rồi", "zalo của tui
# gửi hình không được, nó báo lỗi", "Mã OTP của app Shopee không về", "app Vietcombank bắt cập nhật"): the answers on
# VNeID's, VssID's or the portal's login, password and errors, and on installing our apps, are not its answers. Not
# "wifi vẫn vào Facebook bình thường" (another app that works), nor where one of ours is named too.
_OTHER_APP = (
    r"(momo|zalopay|zalo pay|viettel money|facebook|fb|messenger|tiktok|shopee|lazada|zalo|agribank|vietcombank|bidv"
    r"|vietinbank|techcombank|mbbank|sacombank|gmail|icloud|app ngan hang|ngan hang"
    # games and other apps: "mã otp game liên quân ko về", "tiktok shop"
    r"|game|lien quan|free fire|pubg|garena|grab|tiki|youtube|instagram|telegram|vnpay|shopeepay|vpbank|tpbank)"
)
_OTHER_APP_TROUBLE = re.compile(
    rf"\b{_OTHER_APP}( (?!binh thuong|van|vo duoc|vao duoc|duoc)\w+){{0,5}} (bi khoa|bao loi|bi loi|loi|quen|mat khau"
    r"|ma pin|khoa (tai khoan|tk|app|ung dung|the)"
    r"|khong (vo|vao|mo|dang nhap) (duoc|dc)|ko (vo|vao) (duoc|dc)|(khong|ko|hong) nhan (duoc|dc) (ma|otp)"
    # ... or its own update or install: "app Vietcombank bắt cập nhật mà máy cũ cài hổng được"
    r"|(bat|doi|keu) cap nhat|(cai|tai) (khong|ko|hong) (duoc|dc))\b"
    rf"|\b(mat khau|pass|ma pin|mk) (cua )?(app )?{_OTHER_APP}\b"
    rf"|\b(otp|ma xac thuc|ma xac nhan|ma xac minh) (cua )?(app )?{_OTHER_APP}( \w+){{0,2}} (khong|ko|hong|chua)"
    r" (ve|den|toi)\b"
)
_OUR_APP = re.compile(
    rf"\b({'|'.join(sorted(APPS))}|vnid|dinh danh|dich vu cong|dvc|bao hiem xa hoi|bhxh|app cong an)\b"
)


def tells_other_apps_trouble(text: str) -> bool:
    """The trouble told is another app's (a wallet's, a bank's, Zalo's), and none of ours is named."""
    raw = _as_typed(text)
    return bool(_OTHER_APP_TROUBLE.search(raw)) and not _OUR_APP.search(raw)


# A social app's own face check ("Facebook cứ bắt xác thực khuôn mặt mới cho vào", "tiktok đòi quét mặt"): the answer on
# the banks' face check is not its answer. Not where a bank, a wallet or a payment is named too.
_SOCIAL_APP = re.compile(r"\b(facebook|fb|tiktok|instagram|messenger|gmail|youtube|zalo)\b")
_BANKING = re.compile(
    r"\b(ngan hang|bank|atm|vi dien tu|momo|zalo ?pay|viettel money|agribank|vietcombank|bidv|vietinbank|techcombank"
    r"|mbbank|sacombank|vpbank|tpbank|chuyen tien|chuyen khoan|giao dich|tai khoan ngan hang)\b"
)


def tells_social_face_check(text: str) -> bool:
    """The face check told is a social app's, and no bank, wallet or payment is named."""
    raw = _as_typed(text)
    return bool(_SOCIAL_APP.search(raw)) and not _BANKING.search(raw)


# A remark that ends in "nhỉ" asks nobody ("nóng nhỉ"); with "không"/"chưa" before it, it still asks.
_MUSING_END = re.compile(r"\s(nhỉ|nhở|nhể|nhờ)\W*$", re.IGNORECASE)
# Words of an exclamation about the weather, not a request: "trời nay nóng thiệt", "lạnh ghê".
_EXCLAIMS = frozenset("thiệt thật quá ghê dữ vãi wá kinh khiếp".split())
_EXCLAIMS_UNMARKED = frozenset("thiet ghe vai wa".split())


def exclaims(text: str) -> bool:
    """The message exclaims (a marked "quá", "thiệt", "ghê"…): a remark, however short."""
    return any(t in _EXCLAIMS or t in _EXCLAIMS_UNMARKED for t in _WORD.findall(canonical(_squeezed(text))))


# "bot gì mà hỏi hoài không hiểu", "ngân hàng gì đâu bắt quét mặt hoài": a thing named and "gì mà/gì đâu" scorns it,
# asks nothing ("bị gì mà không vào được", "làm gì mà lâu vậy" still ask what happened).
_SCORN_NOT_AFTER = frozenset("bi lam co la de cai chuyen viec".split())


def _rhetorical(toks: Sequence[str], i: int, w: str, nxt: str) -> bool:
    """Whether the question word ``w`` at ``toks[i]`` is the "gì mà / gì đâu" of scorn (the "gì" or the "đâu")."""
    if w == "gì":
        return i > 0 and fold(nxt) in ("ma", "dau") and fold(toks[i - 1]) not in _SCORN_NOT_AFTER
    if w == "đâu":
        return i > 1 and spelled(toks[i - 1], "gì") and fold(toks[i - 2]) not in _SCORN_NOT_AFTER
    return False


# A grumble about a rule or a chore ("ngân hàng bắt quét mặt phiền quá trời", "chờ hoài mệt thiệt"): said to the
# group, no request — unless it also asks or reports something not working.
_GRUMBLE = re.compile(
    r"\b(phien (phuc )?(qua|that|thiet|ghe|qua troi|chet)|met (qua|thiet|that|ghe|moi)|buc (ca )?minh"
    r"|chan (qua|that|thiet|ghe)|kho chiu (qua|that|thiet|ghe)|rac roi (qua|that|thiet|ghe))\b"
)


# "cổng dịch vụ công gì mà chậm quá trời": a thing named and scorned with "gì mà" (not "bị gì mà", which asks)
_SCORNED = re.compile(r"\b(\w+) gi (?:ma|dau)\b")


def grumbles(text: str) -> bool:
    words = folded_words(text)
    return bool(_GRUMBLE.search(words)) or any(m.group(1) not in _SCORN_NOT_AFTER for m in _SCORNED.finditer(words))


def _whoever_has_not(toks: Sequence[str], i: int) -> bool:
    """At ``i``, "ai chưa … thì …": whoever has not done it (is told to), not who has not."""
    return (
        i + 2 < len(toks)
        and fold(toks[i + 1]) == "chua"
        and any(t == "thì" or (t == "thi" and j > i + 2) for j, t in enumerate(toks[i + 2 :], i + 2))
    )


@functools.lru_cache(maxsize=16384)
def _spells_any(typed: str, words: frozenset[str]) -> tuple[str, ...]:
    """The ``words`` that ``typed`` spells (``spelled``): a message's every word is held against every question
    word, so each word is looked up once, not a few hundred times per long message."""
    return tuple(w for w in words if spelled(typed, w))


def is_question(text: str) -> bool:
    """Whether a message asks (or asks for) something rather than telling news."""
    if "?" in text:
        return True
    text = _squeezed(text)
    toks = _tokens(text)
    if not toks:
        return False
    end = len(toks)
    while end > 1 and fold(toks[end - 1]) in _VOCATIVE:  # "nước mặn chưa bà con": the particle ends the question
        end -= 1
    if _spells_any(toks[end - 1], ASK_AT_END):
        return True
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < end else ""  # "số mấy bà con": the call ends the question, "mấy" asks
        for w in _spells_any(t, ASK_WORDS):
            if nxt not in _NOT_ASKING.get(w, ()):
                if w == "chỉ" and ((nxt and fold(nxt) not in _SHOW_ME_AFTER) or (i and fold(toks[i - 1]) == "dia")):
                    continue
                if w == "hỏi" and i and fold(toks[i - 1]) in ("dam", "le", "an"):  # "đám hỏi": an engagement party
                    continue
                if w == "đâu" and fold(nxt) == "co" and not (i and fold(toks[i - 1]) in _WHERE_BEFORE):
                    continue  # "hồi xưa đâu có vầy": "not", as Southerners say it ("ở đâu có bán" asks where)
                if w == "ai" and _whoever_has_not(toks, i):  # "ai chưa làm thì lo làm đi": an announcement
                    continue
                if _rhetorical(toks, i, w, nxt):
                    continue
                return True
    words = folded_words(text)
    if _ASKS_FOLDED.search(words):
        return True
    # "… được hông, tui ở xa": the question particle ends a clause, not the message.
    return bool(_PARTICLE_BEFORE_PUNCT.search(canonical(text)))


_TO_EVERYONE = re.compile(r"\b(moi nguoi|ba con|ca nha|anh em|ae)\b")


def to_everyone(text: str) -> bool:
    """Told to the whole group ("mọi người đừng bấm link nha"): news or a warning, not a question to us."""
    return bool(_TO_EVERYONE.search(folded_words(text)))


# A message that starts by calling someone of the group by name ("Tuấn ơi, …", "Bác Hai ơi …", "@Tâm …",
# "Ê Tí …"): meant for that person, not for the bot. Kinship words alone ("anh ơi", "con ơi") may call
# the bot, so a capitalised name must follow them. Case is kept: names are how they are told apart.
_KIN = "anh|chị|em|cô|chú|bác|dượng|dì|cậu|mợ|thím|ông|bà|con|cháu|chế|hia|má|ba|tía|út|ê|nè"
_NAME = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\wÀ-ỹ]*"
_CALLS_SOMEONE = re.compile(
    rf"^\s*(?:@\w+|(?:(?i:{_KIN})\s+)?{_NAME}(?:\s+{_NAME})?\s+(?i:ơi|ới|à|nè)\b|(?i:ê)\s+{_NAME}\b)"
)
_NOT_A_NAME = frozenset(
    "loa số ad admin tổ công nghệ bot mọi người cả nhà bà con anh chị em cô chú bác ông cháu dì cậu ba má"
    " trời chời đất mèn ôi ủa bạn các quý vị o mệ ôn mạ bọ tía u bầm thím mợ dượng chế hia"
    # the whole group, shortened: "Mn ơi", "Ae ơi", "Mng ơi", "Ace ơi", "Cả nhóm ơi"
    " mn mng mnn ae ace nhóm xóm ấp".split()
)


def calls_someone(text: str) -> bool:
    """The message opens by calling a person of the group by name: it is for them, not for the bot."""
    m = _CALLS_SOMEONE.match(unicodedata.normalize("NFC", text))
    if not m:
        return False
    words = re.findall(r"[\wÀ-ỹ]+", m.group(0).lower())
    named = [w for w in words if w not in _NOT_A_NAME and w not in {"ơi", "ới", "à", "nè", "ê"}]
    return m.group(0).lstrip().startswith("@") or (bool(named) and words[0] != "loa")


# A resident who already dealt with a scam ("tui cúp máy luôn", "gọi 156 báo rồi"): news, not a question.
_HANDLED = re.compile(
    r"\b(cup may|chan so|block|khong lam theo|khong bam|xoa (roi|luon|di)|bo qua|da bao|bao (cong an|156) roi"
    r"|goi 156 bao|ghi nhan)\b"
)


# Read or heard in the news ("đọc báo thấy bảo có vụ lừa cập nhật địa chỉ, kinh thật", "coi tivi thấy nói mấy trang
# dịch vụ công giả…"): told to the group, not a question — unless the message asks.
_HEARD_IN_NEWS = re.compile(
    r"^(doc bao|bao dang|thoi su|xem (tivi|ti vi|tv|bao|tin|thoi su)|coi (tivi|ti vi|tv|bao|tin|face|fb|facebook)"
    r"|nghe (dai|tin|thoi su)|tren (bao|tivi|ti vi|tv|face|fb|mang)"
    # a bulletin or a clip passed on: "Tin Đài truyền thanh: …", "tin mới nè: …", "Xem clip ni nè, kẻ gian dán …"
    r"|tin (moi|nong|dai|tu dai|dai truyen thanh|truyen hinh|bao)( \w+){0,2} ?(ne|day|nha)?\W*:?"
    r"|(xem|coi) (clip|video)( (nay|ni|ne|nha))*)\b"
)


def handled_scam(text: str) -> bool:
    return bool(_HANDLED.search(_as_typed(text)))


def heard_in_news(text: str) -> bool:
    return bool(_HEARD_IN_NEWS.search(folded_words(text)))


# Money already gone ("mất hết tiền trong tài khoản", "tiền trong tk bay mất", "sáng nay tài khoản mất tiền"), told
# as what happened, not asked about ("có bị mất tiền không"): what to do now is the report's answer, not the lesson on
# keeping one's code (folded words).
_MONEY_LOST = re.compile(
    r"(?<!co )\b(bi|da bi|vua bi|da) (mat|cuom)( het| sach| mat)? (tien|\d+)\b(?! (khong|ko|hong|k|chua|ha|a|gi|sao)\b)"
    r"|\btien (trong )?(taikhoan|tai khoan|tk|the|vi)( \w+){0,3} (bay|maybay|mat|bi rut|bi lay)\b"
    r"|\bmat (het|sach) (tien|\d+)\b(?! (khong|ko|hong|k|chua|ha|a)\b)|\bmat (tien|\d+ ?(trieu|tr)) (roi|luon|oan)\b"
    r"|\b(taikhoan|tai khoan|tk|the)( \w+){0,2} (mat|bay|maybay|bi rut)( het| sach)? tien\b"
    r"(?! (khong|ko|hong|k|chua|ha|a)\b)"
    # "tài khoản bị rút mất 8 triệu", "bị rút hết tiền", "bấm link nhận tiền rồi mất sạch" (possessive: "bị rút hết tiền
    # không", "thì mất hết tiền à" ask)
    r"|\bbi rut( mat| het| sach)?+ (tien|\d+|het|sach)\b(?! (khong|ko|hong|k|chua|ha|a)\b)"
    r"|\b(roi|la|thi|xong) (bi )?mat (sach|het)( tien| roi| luon)?+\b(?! (khong|ko|hong|k|chua|ha|a)\b)"
)


def tells_money_lost(folded: str) -> bool:
    return bool(_MONEY_LOST.search(folded))


# A problem told in the first person: something of ours that does not work ("mã ô tê pê không về",
# "VNeID không cho đăng nhập", "chờ hoài chưa được duyệt"). Told in a group where the team answers, it
# asks for help even without a question word.
_PROBLEM = re.compile(
    r"\b(khong|chua|chang|hong|ko|k)( \w+){0,2} (duoc|cho|nhan|hien|mo|len)\b"
    r"|\b(ma|otp|tin nhan|sms|code)( \w+){0,4} (khong|chua|hong|ko)( \w+)? (ve|toi)\b"
    r"|\b(hoai|mai) (ma )?(khong|chua|hong|ko)\b|\bbi (loi|khoa|mat|hu|treo)\b"
)


def reports_problem(text: str) -> bool:
    """A report of something not working, not news of it working again."""
    words = folded_words(text)
    return bool(_PROBLEM.search(words)) and not DONE_WORDS.search(words)


# What residents ask to learn what the bot does; anything else said to it is small talk ("Loa Số ơi hát một bài",
# "bot gì mà trả lời nhanh ghê").
_ABOUT_THE_BOT = re.compile(
    r"\b(hoi(?! xong)|dung|xai|go|lenh|biet|giup|lam duoc|la gi|chuc nang|cach|huong dan|help|menu"
    # "trả lời được gì", not a verdict on the answers ("trả lời nhanh ghê", "trả lời sai rồi kìa")
    r"|tra loi(?! (nhanh|cham|hay|sai|dung|do|ngu|gioi|le|lung tung|tao lao|trat|ung|chuan|ngon|qua|roi|nhu)\b)"
    r"|tro giup|nhung chuyen|may chuyen|la ai"
    # what it can take in: "Bot có nghe được tin nhắn giọng nói không, bà gõ chữ chậm lắm"
    r"|(nghe|doc|hieu) duoc|giong noi|tin nhan thoai|voice"
    # the languages it takes: "con bot này nói bằng tiếng Ê Đê được không", "bot có hiểu tiếng Khmer không"
    r"|(noi|hieu|biet|doc) (bang |duoc )?tieng"
    # "con bot trong nhóm là để làm j": what it is there for
    r"|de lam (gi|j|chi|chi rua)|lam (duoc )?(nhung )?(gi|j|chi) (duoc|dc)"
    # what more it does: "cái loa số này có chỉ làm giấy tờ được không hay chỉ coi thời tiết"
    r"|(duoc|dc) (khong|ko|hong|k) hay chi)\b"
)


# The bot's name said to it: "Loa Số ơi", "Bot, …", "… làm răng hả Loa Số?" — an address, like a neighbour's name.
# Not the name as the subject ("cái Loa Số này có tra được…", "không phải bot"): that talks about the bot.
_BOT = r"(?:loa ?s[ốoóòỏõọôồổỗộ]|lo a số|chat ?bot|robot|bot)"
_BOT_NAME = re.compile(
    rf"\b{_BOT}\s*(?:ơi|oi|ới)\b|^\s*{_BOT}\s*[,:!]"
    rf"|^\s*(?:xin\s+)?(?:chào|chao|hello|hi|alo|a\s*lô)\s+{_BOT}\b\W*"  # "Chào Loa Số, tui là dâu ở Kiến Xương…"
    rf"|(?<!cái )(?<!con )(?<!phải )(?<!là )(?<!với )(?<!của )(?<!này )(?<!nhờ )\b{_BOT}\W*$"
    # "Loa Số cho xin số đường dây nóng…", "Loa Số chỉ giùm tui…": the name, then what is asked of it
    r"|^\s*(?:loa ?s[ốoóòỏõọôồổỗộ]|lo a số)\s+(?=(?:cho|chỉ|chi|giúp|giup|giùm|gium|dùm|dum|hướng|huong|xem|coi)\b)",
    re.IGNORECASE,
)


def without_bot_name(text: str) -> str | None:
    """The message without the bot's name where it calls the bot, or None when it does not name it."""
    stripped = _BOT_NAME.sub(" ", text)
    return " ".join(stripped.split()).strip(" ,:;!-") if stripped != text else None


# What the resident says he does NOT ask about, to tell it from a neighbouring matter: "quên pass VNeID chứ ko phải
# VssID nha", "số công an xã, không phải tổng đài VNeID", "… mở ở đâu, không phải thẻ BHYT nha". "Chứ không phải …"
# runs to the end of its clause; a clause that opens with "không phải" is left out unless it asks ("không phải lên
# xã hả?": needn't I go?).
_DENIED_AFTER = re.compile(
    r"\b(?:chứ|chớ|chu)\s+(?:không|ko|k|hông|hổng|khong|hong|hok)\s+ph[ảa]i\b"
    # ... up to where the question goes on: "mất ở nhà chứ không phải ở viện thì đăng ký khai tử…"
    r"(?:(?!\b(?:thì|thi|mà|ma|nên|nen|để|de|giờ|gio|rồi|roi|vậy|vay|sao)\b)[^,.;!?\n])*",
    re.I,
)
# A clause opening with "không phải" or "không hỏi" ("Không hỏi độ mặn đâu, hỏi thời tiết chiều nay …").
# ("tui không hỏi cách đổi căn cước mô, tui hỏi mất căn cước bị phạt bao nhiêu": the speaker may come first)
_DENIED_CLAUSE = re.compile(
    r"^\s*(?:(?:tui|tôi|toi|em|con|cháu|chau|mình|minh|tao|bà|ông|chị|anh)\s+)?"
    r"(?:không|ko|k|hông|hổng|khong|hong|hok)\s+(?:ph[ảa]i|h[ỏo]i)\s+\S",
    re.I,
)
# "Không cần tổng đài VNeID, tôi cần số công an xã": what he does not need, when a later clause says what he does.
# (forty-ninth pass: or does not want, "Không muốn dùng định danh, chỉ muốn lấy lại mật khẩu cũ")
_UNNEEDED_CLAUSE = re.compile(r"^\s*(?:không|ko|k|khong)\s+(?:cần|muốn)\s+\S", re.I)
_NEEDED_CLAUSE = re.compile(
    r"^\s*(?:mà\s+)?(?:(?:tôi|tui|em|con|mình|cháu|bác|tao)\s+)?(?:chỉ\s+)?(?:cần|muốn|hỏi)\b", re.I
)
# A clause saying what the resident does not ask or need, at its end ("Nước mặn nước ngọt tui hổng hỏi", "trời mưa nắng
# gì tui hổng cần", "nước thì không lo mặn", "không cần đo mặn đâu", "… kệ nó"), folded, lower case.
_UNASKED_CLAUSE = re.compile(
    # (not what another said: "chị dâu nói không cần")
    r"(?<!noi )(?<!bao )(?<!bieu )(?<!keu )(?<!dan )\b(?:hong|khong|ko|k|hok|chang) (?:hoi|can|lo|quan tam)"
    r"(?: (?:toi|den|chuyen|ve))?"
    r"(?: (?:man|do man|mua|nang|gio|bao|thoi tiet|nuoc))?(?: (?:dau|nha|nhe|a|ne|het))*$"
    r"|\bke (?:no|di)$"
)
_ASKING_END = re.compile(r"\b(?:hả|hở|à|ạ hả|hông|không|ko|chứ|sao|ha|hen|phải không|đúng không|chưa)\s*$", re.I)


# A clause telling what the resident already knows ("Tui biết mức 2 khác mức 1 rồi", "… thì em biết rồi"): not what
# he asks (folded, lower case; "không biết", "biết làm sao" ask).
_KNOWN_CLAUSE = re.compile(
    r"(?:^\s*|\bthi |\bma )(?:tui|toi|em|minh|con|chau|tao) (?:da |cung )?biet\b"  # the resident, not "cho cháu biết"
    r"(?! (?:lam|cach|sao|o dau|gi|khong|ko|chua)\b)"
    r"(?: \w+){0,8} roi\b"
    # or closing its clause: "Mức 1 với mức 2 khác sao tui biết rồi" (not "lỡ cho đứa cháu biết rồi")
    r"|(?<!cho )(?<!de )(?<!dua )(?<!thang )\b(?:tui|toi|em|minh|con|chau|tao) (?:da |cung )?biet roi"
    r"(?: a| nha| nhe| ne)?\s*$"
    # what already works, closing its clause: "VssID em vào được rồi, là cái app VNeID … không đăng nhập được"
    r"|\b(?:tui|toi|em|minh|con|chau) (?:da )?(?:vao|dang nhap|dung|xai) (?:duoc|dc) roi(?: a| nha| nhe)?\s*$"
)


_APP_NAME = re.compile(rf"\b({'|'.join(sorted(APPS))})\b")
# A problem with the app, denied: "không phải quên mật khẩu VssID", "không phải lỗi đăng nhập VNeID" (folded).
_APP_PROBLEM = re.compile(r"\b(quen|mat khau|pass|dang nhap|loi|otp|ma xac)\b")


def _app_of_denied(clause: str) -> list[str]:
    """The app a denied clause names beside a problem it denies ("không phải quên mật khẩu VssID"): the resident
    still asks about that app. Not an app denied on its own ("không phải VssID nha"), nor its account for someone
    ("hổng phải tài khoản VNeID cho con")."""
    folded = fold(clause).lower()
    app = _APP_NAME.search(folded)
    return [app.group(1)] if app and _APP_PROBLEM.search(folded) else []


# Where a clause ends: punctuation, or an emoji, which people type as a full stop ("Không phải mời đám cưới đâu nghe
# mọi người 😄 tui hỏi thủ tục đăng ký kết hôn …").
_CLAUSE_END = re.compile(r"([,.;!?\n]|[\u2600-\u27bf\U0001f300-\U0001faff]+)")


def without_denied(text: str) -> str | None:
    """The message without what it says it is not about, or None when it denies nothing (or nothing else is left)."""
    low = text.lower()
    doors = ("phải", "phai", "hỏi", "hoi", "biết", "biet", "cần", "muốn", "rồi", "roi", " lo", "kệ", "ke ")
    if not any(w in low for w in doors):
        return None
    cut = _DENIED_AFTER.sub(" ", text)
    parts = _CLAUSE_END.split(cut)
    kept: list[str] = []
    apps: list[str] = []
    clauses = parts[::2]
    for i in range(0, len(parts), 2):
        clause, end = parts[i], parts[i + 1] if i + 1 < len(parts) else ""
        unneeded = _UNNEEDED_CLAUSE.match(clause) and any(_NEEDED_CLAUSE.match(c) for c in clauses[i // 2 + 1 :])
        folded = " ".join(fold(clause).lower().split())
        unasked = bool(_UNASKED_CLAUSE.search(folded)) and len(clauses) > 1
        if (unneeded or unasked or _DENIED_CLAUSE.match(clause) or _KNOWN_CLAUSE.search(folded)) and (
            end != "?" and not _ASKING_END.search(clause)
        ):
            apps.extend(_app_of_denied(clause))
            continue
        kept.append(clause + end)
    rest = " ".join("".join(kept).split()).strip(" ,;")
    if apps and not _APP_NAME.search(fold(rest).lower()):
        # "Không phải quên mật khẩu VssID nghe, tui chưa có tài khoản chi hết": the problem is denied, not the app
        rest = f"{rest} ({apps[0]})"
    if rest == " ".join(text.split()) or len(rest.split()) < 2:
        return None
    return rest


# What works, set against what does not: "VssID vô được bình thường mà VNeID thì không đăng nhập được", "vô cổng dịch
# vụ công bằng tk định danh thì được, mà mở app định danh thì ko vô được". The app that works is not the one asked
# about (folded, lower case; the working clause and the rest each name an app or the portal, the rest a failure).
_OURS = r"(?:vneid|vnid|vssid|dinh danh|dich vu cong|dvc|bao hiem xa hoi|bhxh|app bao hiem|cong(?! an))"
_NOT_NEG = r"(?:(?!\b(?:khong|ko|k|hong|hok|chua|chang)\b)[^,.;!?\n])"  # (what works says no "không")
# The working clause, up to the word that sets it against the rest ("mà", "nhưng", "còn"), which must come early.
_WORKING = re.compile(
    rf"^{_NOT_NEG}*\b{_OURS}\b{_NOT_NEG}*?\b(?:vo|vao|dang nhap|login|mo|xai|dung)?\s*(?:thi\s+)?(?:duoc|dc|ok)"
    r"(?:\s+(?:binh thuong|bt|ngon lanh|ngon|ok|het|luon|roi|a))*$"
)
_BUT = re.compile(r"\s*,?\s*\b(?:ma|nhung|con)\s+")
_NAMES_OURS = re.compile(rf"\b{_OURS}\b")
_FAILS = re.compile(r"\b(?:khong|ko|k|hong|hok|chua)\b")
WORKING_CLAUSE_MAX = 160  # characters: a clause that says something works is short (and the search stays linear)


def without_working(text: str) -> str | None:
    """The message without the clause about an app that works, where another that does not follows."""
    text = unicodedata.normalize("NFC", text)
    folded = fold(text).lower()
    if len(folded) != len(text):
        return None
    for but in _BUT.finditer(folded, 0, WORKING_CLAUSE_MAX):
        tail = folded[but.end() :]
        if _WORKING.match(folded[: but.start()]) and _NAMES_OURS.search(tail.split("?")[0]) and _FAILS.search(tail):
            rest = text[but.end() :].strip()
            return rest if len(rest.split()) >= 3 else None
    return None


# What is fine, told beside what is not: "mật khẩu Zalo tui thì vẫn nhớ", "… mà vneid thì vẫn vào bình thường", "thẻ
# BHYT thì hiện ra đàng hoàng, còn bằng lái coi ở chỗ nào". A clause (or the part after "mà", "còn", "nhưng") that says
# a thing it names is remembered, works or shows, where the rest asks or tells trouble about something else, is not what
# is asked (folded, lower case). Not "mật khẩu tui nhớ rõ mà vô không được" (nothing else named: it tells the trouble),
# nor "bà con nhớ nha", "đặt sao cho dễ nhớ", "thẻ cũ vẫn xài bình thường à" (asked).
_THING = (
    r"(?:vneid|vnid|vssid|dinh danh|ung dung cong an|app cong an|dich vu cong|dvc|bao hiem xa hoi|bhxh|bhyt"
    r"|bao hiem y te|the bao hiem|bang lai|gplx|app bao hiem|zalo|facebook|fb|messenger|tiktok|momo|zalopay|ngan hang"
    r"|agribank|vietcombank|bidv|vietinbank|techcombank|mbbank|sacombank|gmail|shopee)"
)
_FINE = re.compile(
    rf"^(?:\w+ ){{0,10}}?{_THING}(?: \w+){{0,4}}? (?:thi )?(?:(?:tui|toi|em|minh|chau|tao|me|ma|bo|ong|ba) )?(?:thi )?"
    r"(?:(?:cung|van) )*"
    r"(?:(?<!de )(?<!cho )(?<!do )(?<!kho )nho(?: (?:ro|ky|chac|ro rang))?"
    r"|(?:vao|vo|dang nhap|login|dung|xai|mo) (?:(?:duoc|dc) )?(?:binh thuong|bt|ngon lanh|ngon)"
    r"|(?<=van )(?:vao|vo|dang nhap|login|dung|xai) (?:duoc|dc)"
    r"|hien(?: ra)? (?:dang hoang|binh thuong|day du|ro rang)"
    # what is done already: "Zalo tui đổi số được rồi", "Zalo với ngân hàng tui đổi qua số mới xong xuôi hết rồi"
    r"|doi(?: (?:qua|sang))?(?: so(?: (?:moi|dien thoai))?)?(?: (?:duoc|dc|xong(?: xuoi)?))+)"
    r"(?: (?:ma|nha|nhe|het|roi|luon|ca))*$"
)
# the app itself, named after the verb: "tui vẫn vô app bình thường" (the login is fine; something else is asked)
_APP_FINE = re.compile(
    r"^(?:(?:tui|toi|em|minh|chau|con|tao|me|ma|bo|ong|ba) )?(?:(?:cung|van) )*(?:vao|vo|dang nhap|login|mo|xai|dung)"
    r" (?:app|ung dung)(?: (?:nay|do|no))? (?:(?:duoc|dc) )?(?:binh thuong|bt|ngon lanh|ngon)"
    r"(?: (?:ma|nha|nhe|het|roi))*$"
)
_THINGS = re.compile(rf"\b{_THING}\b")
# One of these is in every clause ``_FINE`` or ``_APP_FINE`` takes: a cheap door before reading the clauses.
_FINE_WORD = re.compile(r"\b(?:nho|binh thuong|bt|ngon|van|hien|doi)\b")
_TROUBLE_OR_ASKING = re.compile(
    r"\b(?:sao|gi|nao|dau|khong|ko|k|hong|hok|chua|chang|quen|loi|bi|chiu|may|lam|co|o dau|cho nao|ra sao|rang|muon)\b"
)
_FINE_AFTER = re.compile(r"\s(?:mà|còn|nhưng|nhung|ma)\s", re.I)
_PUNCT = re.compile(r"[^\w\s]")
_OURS_NAMED = frozenset(
    {"vneid", "vnid", "vssid", "dinh danh", "dich vu cong", "dvc", "bao hiem xa hoi", "bhxh", "app bao hiem"}
    | {"ung dung cong an", "app cong an"}
)


def _fine(clause: str) -> bool:
    folded = " ".join(_PUNCT.sub(" ", fold(clause).lower()).split())
    return (
        bool(_FINE.match(folded) or _APP_FINE.match(folded))
        and not _TROUBLE_OR_ASKING.search(folded)
        and not _ASKING_END.search(clause.strip(" .!"))
    )


def without_fine(text: str) -> str | None:
    """The message without its clauses that say a thing is fine, or None when none does (or too little is left)."""
    text = unicodedata.normalize("NFC", text)
    whole = fold(text).lower()
    if not _FINE_WORD.search(whole) or not _THINGS.search(whole):  # most questions: no clause can be one
        return None
    parts = _CLAUSE_END.split(text)
    kept: list[str] = []
    fine: list[str] = []
    for i in range(0, len(parts), 2):
        clause, end = parts[i], parts[i + 1] if i + 1 < len(parts) else ""
        if end != "?" and _fine(clause):
            fine.append(clause)
            continue
        cut = list(_FINE_AFTER.finditer(clause))
        if cut and end != "?" and _fine(clause[cut[-1].end() :]):
            fine.append(clause[cut[-1].end() :])
            clause = clause[: cut[-1].start()]
        kept.append(clause + end)
    rest = " ".join("".join(kept).split()).strip(" ,;")
    folded = fold(rest).lower()
    named = {m.group(0) for c in fine for m in _THINGS.finditer(fold(c).lower())}
    told = set(_THINGS.findall(folded))
    if not fine or len(rest.split()) < 3 or named & told or (named & _OURS_NAMED and not told):
        # one of ours that works, beside nothing else named ("CMND hết hạn mà vneid vẫn hiện bình thường"): context
        return None
    return rest if "?" in rest or _TROUBLE_OR_ASKING.search(folded) else None


# A thank-you that opens a new request ("cảm ơn nha, giúp tui lấy lại mật khẩu vssid với", "cám ơn em, mà cho chị hỏi
# thêm …"): a few words of thanks alone in the first clause (folded), then the request.
_THANKS_OPENING = re.compile(
    r"^(?:(?:da|vang|ok|oke|hi|ha)\s+)?(?:cam on|cam on nhieu|thank you|thanks|thank|tks|camon)"
    r"(?:\s+(?:nha|nhe|nghen|nhen|nhieu|lam|nhieu lam|a|ad|em|anh|chi|co|chu|bac|con|chau|ban|moi nguoi|mn|ca nha"
    r"|to|may dua|may em|ha|nghe))*\W*$"
)
THANKS_REST_MIN = 4  # words the request after the thanks must have


def without_thanks(text: str) -> str | None:
    """The message without a short thank-you clause it opens with, when a request or a question follows."""
    parts = _CLAUSE_END.split(unicodedata.normalize("NFC", text), maxsplit=1)
    if len(parts) < 3 or not _THANKS_OPENING.match(fold(parts[0]).lower().strip()):
        return None
    rest = parts[2].strip(" ,;")
    if len(rest.split()) < THANKS_REST_MIN or not is_question(rest):
        return None
    return rest


# What is done and had already, told before the question: "nhà làm giấy khai tử xong xuôi rồi", "căn cước, VNeID, lý
# lịch tư pháp đủ hết rồi" — the papers in hand are not what is asked (folded, lower case, one clause).
_DONE_CLAUSE = re.compile(
    r"^(?:\w+ ){0,10}?(?:xong xuoi|xong het|xong ca|du het|du ca|day du ca|co du|co het)(?: (?:het|ca|luon))?"
    r" (?:roi|ca roi)(?: (?:a|nha|nhe|ne))?$"
    # a child's papers made before: "tuần trước cũng đã làm định danh cho nó trong app của mẹ nó rồi" (not "đã làm mức 2
    # rồi", whose app the question that follows may leave unnamed: "giờ đăng nhập sao")
    r"|^(?:\w+ ){0,6}?(?:da|hoi truoc|nam ngoai|nam roi|thang truoc|tuan truoc)(?: \w+){0,2}? lam(?: \w+){1,6}?"
    r" cho (?:no|con|chau|be|thang be|con be)(?: \w+){0,6}? roi(?: (?:a|nha|nhe|ne|nghen|nhen))?$"
    # the portal already signed in to: "đã đăng nhập dịch vụ công được rồi, giờ xin lý lịch tư pháp thì vô mục nào"
    r"|^(?:\w+ ){0,4}?(?:da )?dang nhap(?: vao| vo)? (?:dich vu cong|dvc|cong dich vu cong)(?: \w+){0,3}?"
    r" (?:duoc|binh thuong|ngon) roi$"
)
_DONE_NOT = re.compile(r"\b(?:khong|ko|k|hong|hok|chua|chang|ma|nhung|sao|gi|nao|dau|bi|loi|quen)\b")
_DONE_DOOR = re.compile(
    r"\b(?:xong (?:xuoi|het|ca)|du (?:het|ca)|day du|co (?:du|het)"
    r"|(?:da|truoc|ngoai|roi)\W+(?:\w+\W+){0,2}?lam\W+(?:\w+\W+){1,6}?cho\W+(?:no|con|chau|be|thang)"
    r"|dang nhap\W+(?:\w+\W+){1,5}?(?:duoc|binh thuong|ngon)\W+roi)\b"
)
DONE_REST_MIN = 5  # words the question must keep
# "… đã làm căn cước rồi, giờ tới tuổi có phải làm lại thẻ không?": the question is about the same papers again
_DONE_AGAIN = re.compile(r"\b(?:lai|nua)\b")


def without_done(text: str) -> str | None:
    """The message without its clauses that tell papers done or had, where a question about something else follows."""
    if not _DONE_DOOR.search(fold(text).lower()):  # most questions: no clause can be one
        return None
    parts = _CLAUSE_END.split(unicodedata.normalize("NFC", text))
    kept: list[str] = []
    done = False
    for i in range(0, len(parts), 2):
        clause, end = parts[i], parts[i + 1] if i + 1 < len(parts) else ""
        folded = " ".join(_PUNCT.sub(" ", fold(clause).lower()).split())
        if end != "?" and _DONE_CLAUSE.match(folded) and not _DONE_NOT.search(folded) and i + 2 < len(parts):
            done = True
            continue
        kept.append(clause + end)
    rest = " ".join("".join(kept).split()).strip(" ,;")
    if not done or len(rest.split()) < DONE_REST_MIN or not is_question(rest) or _DONE_AGAIN.search(fold(rest).lower()):
        return None
    return rest


# A verdict on the bot's answers ("bot trả lời dài quá", "Loa Số trả lời hay phết", "con bot trả lời chậm quá, tui hỏi
# từ sáng", "trả lời cũng được đó chớ", "bot trả lời còn nhanh hơn thằng con tui"): praise or a complaint, not a
# question about what it does (folded words).
_JUDGES_ANSWERS = re.compile(
    r"\btra loi (?:(?:cung|rat|qua|hoi|that|thiet|y chang|ma|van|toan|cu|con)\s)*(?:(?:khong|ko|chua|chang)\s)?"
    r"(?:nhanh|cham|hay(?! (?:may|nguoi|la|khong|ko|chi)\b)|sai|dung|dai|gioi|ro|hieu|de hieu|kho hieu|lung tung"
    r"|tao lao|trat|ngu|chuan|ngon|lau|duoc do"
    r"|duoc day|duoc cha|duoc cho|hay phet|hay ghe|hay that)\b"
)
_ASKS_ITS_USE = re.compile(
    r"\b(?:duoc (?:nhung |may )?(?:gi|j|chi|viec gi|chuyen gi)|nhung (?:gi|chuyen|viec)|la ai|de lam gi"
    r"|cach (?:hoi|dung)|dung (?:the nao|sao|ra sao|lam sao|nhu the nao)|la nguoi (?:that|thiet)"
    r"|nguoi (?:that|thiet) (?:tra loi|hay)|hay nguoi|hay may|la may|(?:huong dan|giup|chi|tra loi) duoc)\b"
)


def judges_the_bot(text: str) -> bool:
    """A verdict on the bot's answers, asking nothing about what it does."""
    words = folded_words(text)
    return bool(_JUDGES_ANSWERS.search(words)) and not _ASKS_ITS_USE.search(words)


_A_PERSON = re.compile(
    r"\b(?:nguoi (?:that|thiet|trong to|cua to)|gap (?:nguoi|ai|can bo|to)|(?:so dien thoai|sdt) (?:ai|cua ai|to)"
    r"|hoi (?:nguoi|can bo|to))\b"
)


def wants_a_person(text: str) -> bool:
    """The resident asks for a person to talk to ("cho tui gặp người thật", "muốn hỏi người thiệt trong tổ")."""
    return bool(_A_PERSON.search(folded_words(text)))


def asks_what_the_bot_does(text: str) -> bool:
    return bool(_ABOUT_THE_BOT.search(folded_words(text))) and not judges_the_bot(text)


# The whole message asks what can be asked here, or who is answering: "em hỏi được những gì ở đây",
# "bạn giúp được việc gì", "bạn là ai vậy", "cháu là máy hả". Nothing but the bot can be meant (folded words).
_SELF = (
    r"(?:ban|em|chau|mi|bot|loaso|may nay|con bot nay|con loaso nay|con may nay|cai may nay|ben nay"
    r"|(?:con )?loaso (?:trong|o) nhom(?: nay)?)"  # "con bot trong nhóm": the group's bot
)
_IS_A_MACHINE = (
    # ("ad là người thật hay máy", "ad ơi con bot này là người thật hay máy": the admin asked is whoever answers)
    rf"(?:(?:ad|admin) oi )?(?:{_SELF}|con|ad|admin) la (?:cai )?(?:may|nguoi may|robot|loaso|nguoi hay may"
    r"|nguoi (?:that|thiet) hay may"
    r"|may hay nguoi(?: that| thiet)?)"
    r"(?: (?:ha|a|vay|phai khong|ak|ah))*"
)
_MACHINE_OR_MAN = r"(?:may hay nguoi|nguoi hay may)(?: (?:that|vay|a|ha))*"
# "Bạn là ai vậy", "mi là người thật hay máy": who is answering, before what it does or alone.
_WHO = (
    rf"(?:{_IS_A_MACHINE}|(?:ban|mi|bot|loaso|may nay|con bot nay|ben nay|ad|admin) la ai"
    rf"(?: (?:vay|a|the|day|do|ha|nhi))*(?: {_MACHINE_OR_MAN})?)"
)
# What it does: "giúp được những gì", "trả lời được việc gì", "biết làm những việc chi" — "được" or "những"
# (or both) say it is about what can be done; "em làm gì" alone is a neighbour asking what someone is doing.
_WHAT = (
    r"(?: (?:cho )?(?:ong|ba|toi|bac|co|chu|ba con|nguoi gia))?(?: nhung| may)?"
    r"(?: (?:cai|viec|chuyen|cau(?: hoi)?))? gi"
)
_CAN = (
    # ("em không biết hỏi gì, bạn giúp em được những gì"; "máy trả lời được những câu hỏi gì")
    r"(?:(?:em|tui|toi|minh|con|chau) khong biet hoi gi )?"
    rf"(?:(?:ad|admin) oi )?(?:(?:{_SELF}|ad|minh|o day|may) )?(?:oi )?(?:co the )?"
    rf"(?:(?:hoi|giup|lam|tra loi|ho tro|chi|huong dan)(?: (?:{_SELF}|toi|minh|ong|ba|bac|co|chu|ba con))? duoc{_WHAT}"
    rf"|biet (?:lam|tra loi|giup)(?: duoc)?(?: (?:cho )?(?:ong|ba|toi|bac|co|chu|ba con|nguoi gia))? nhung"
    r"(?: (?:cai|viec|chuyen|cau))? gi"
    rf"|biet (?:lam|tra loi|giup) duoc{_WHAT}"
    # "tui có thể hỏi mấy chuyện gì ở đây": what can be asked here
    r"|(?:tui|toi|minh|em|con) (?:co the )?hoi(?: duoc)? (?:nhung|may) (?:cai|viec|chuyen|cau) gi(?: duoc)? o day)"
    r"(?: (?:o day|vay|a|ha|nhi|the|nua|khong|ko|duoc))*"
)
_WHO_OR_WHAT_HERE = re.compile(
    # "Cháu là máy hả, cháu giúp được ông những việc gì": an elder asks the bot ("cháu") what it is and does
    rf"^(?:{_WHO} )?{_CAN}$"
    # "Cháu là cái máy hay người thật rứa, hỏi cháu những chuyện chi được"
    # (Nghệ An: "Hỏi cấy máy ni thì hỏi những việc chi được hè", "cấy" being "cái", "hè" the question's end)
    rf"|^(?:{_IS_A_MACHINE} )?(?:hoi|nho) (?:cay )?{_SELF}(?: thi hoi)?(?: nhung| may)? (?:cai|viec|chuyen) gi duoc"
    r"(?: (?:vay|a|ha|khong|he))*$"
    rf"|^(?:cho (?:\w+ )?hoi )?{_WHO}$"
    # "cái máy trả lời tự động này hỏi gì cũng được hả"
    rf"|^(?:ad )?(?:cai )?(?:{_SELF}|may tra loi tu dong(?: nay)?) (?:hoi|tra loi) gi cung duoc"
    r"(?: (?:ha|a|khong|ko|hong|vay))*$"
    # the whole message, to whoever answers: "hỏi cái gì cũng được hả ad", "em hỏi gì thì hỏi được"
    r"|^(?:(?:em|toi|tui|minh|chau|con|bac) )?hoi(?: cai)? gi (?:cung duoc|thi hoi duoc)"
    r"(?: (?:ha|a|khong|ko|hong|vay|ad|admin|nhi))*$"
    # "hỏi gì được ở đây", "ở đây hỏi những chuyện gì được", "em hỏi gì ở đây được ạ": what can be asked here
    r"|^(?:(?:em|toi|minh|chau|con|bac|anh|chi|co|chu) )?"
    r"(?:o day hoi(?: nhung| may)?(?: (?:cai|viec|chuyen|cau))? gi duoc"
    r"|hoi(?: nhung| may)?(?: (?:cai|viec|chuyen|cau))? gi (?:duoc o day|o day duoc))(?: (?:vay|a|ha|khong|ko|nhi))*$"
)


# Inside a longer message, what the bot (named, or "bạn", "mày" beside "người thật hay máy") can help with, or what can
# be asked here: "mày giúp tao được việc gì", "bot này hỗ trợ những việc gì", "nhắn vào đây thì được giúp việc gì",
# "ngoài chuyện định danh thì còn hỏi được cái gì nữa". ("em giúp chị được gì không" between neighbours is not it.)
_WHAT_IT_DOES = re.compile(
    r"\b(?:loaso|loa|bot|cai may|may nay|con may|mi|ban|may)(?: nay)? (?:co the |co )?(?:giup|ho tro|lam|tra loi)"
    r"(?: (?:toi|minh|ong|ba|bac|co|chu|ba con|em|con|chau))? (?:duoc )?(?:nhung |may )?(?:viec |cai |chuyen )?gi\b"
    r"|\b(?:nhan|hoi|go) (?:vao|o) day (?:thi )?(?:duoc|se duoc) (?:giup|ho tro|tra loi)"
    r"(?: nhung| may)?(?: viec| cai| chuyen)? gi\b"
    r"|\bcon (?:hoi|giup|tra loi) duoc (?:nhung |may )?(?:cai |viec |chuyen )?gi nua\b"
    # how it is asked and how far it goes: "Hỏi Loa bằng giọng nói được không", "Loa có giúp làm hộ hồ sơ không hay chỉ
    # hướng dẫn", "Hỏi chuyện VNeID với lừa đảo ở đây được hông"
    r"|\bhoi (?:loaso|loa)(?: nay)? bang (?:giong noi|tin nhan thoai|voice|tieng)"
    r"|\b(?:loaso|loa)(?: nay)? co (?:giup|lam)(?: \w+){0,3} (?:ho|gium|dum|giup)(?: \w+){0,3}"
    r" (?:khong|ko|hong|k) hay (?:chi|gi)\b"
    # ("Loa có giúp mấy chuyện giấy tờ online với lừa đảo không, hay chỉ coi thời tiết")
    # ("bot có biết tra cứu thời tiết với độ mặn không hay chỉ giấy tờ"; unmarked, Central "chi" reads "gì")
    r"|\b(?:loaso|loa)(?: nay)? co (?:giup|ho tro|tra loi|biet|tra cuu|xem|coi)(?: \w+){1,8}"
    r" (?:khong|ko|hong|k) hay (?:chi|gi)\b"
    r"|^hoi (?:chuyen|ve|may chuyen)(?: \w+){1,6} o day (?:duoc|dc) (?:khong|ko|hong|k)\b"
    # fiftieth pass: what can be asked, against what it may only be ("bà hỏi mi chuyện giấy tờ được không, hay chỉ
    # hỏi được chuyện trời mưa nắng", "hỏi chuyện giấy tờ ở đây được không hay chỉ hỏi về điện thoại"), and "hỏi cái
    # máy này được những chuyện chi"
    r"|\bhoi (?:mi|ban|em|chau|loaso|loa|bot|cai may nay|may nay) (?:chuyen|ve|may chuyen)(?: \w+){1,6}"
    r" (?:duoc|dc) (?:khong|ko|hong|k) hay (?:la )?chi\b"
    r"|\bhoi (?:chuyen|ve|may chuyen)(?: \w+){1,6} (?:o day (?:duoc|dc) (?:khong|ko|hong|k) hay (?:la )?chi"
    r"|(?:duoc|dc) (?:khong|ko|hong|k) hay (?:la )?chi (?:duoc )?hoi)\b"
    r"|\bhoi (?:cai may|con may|may|con bot|bot|loaso|loa)(?: nay)? (?:duoc )?(?:nhung|may)"
    r" (?:cai |viec |chuyen |cau )?gi\b"
    # "có hỏi Loa về lừa đảo được không", "hỏi cái gì thì hỏi kiểu nào cho Loa hiểu"
    r"|\bhoi (?:loaso|loa) (?:ve|chuyen)(?: \w+){1,5} (?:duoc|dc) (?:khong|ko|hong|k)\b"
    r"|\b(?:hoi|noi|go|nhan)(?: \w+){0,2} (?:kieu nao|sao|the nao|nhu the nao|ra sao|cach nao) (?:cho|de)"
    r" (?:loaso|loa)(?: no)? hieu\b"
    # "cái loa này có chỉ được chuyện ngân hàng với lừa đảo luôn không", "cái Loa này là ai làm ra"
    r"|\b(?:loaso|loa)(?: nay)? co (?:chi|huong dan|giup|tra loi|ho tro)(?: duoc)? (?:chuyen|ve|ca|may chuyen)"
    r"(?: \w+){1,8} (?:khong|ko|hong|k)\b"
    r"|\b(?:loaso|loa)(?: nay)? la (?:ai|cua ai|ben nao) (?:lam|tao|viet|dua) ra\b"
    # what it costs: "ông hỏi cái Loa này hỏi có mất tiền không"
    r"|\b(?:hoi|dung|xai|nhan tin cho)(?: cai)? (?:loaso|loa)(?: nay)?(?: \w+){0,2} (?:co )?(?:mat|ton) (?:tien|phi)\b"
    # fifty-first pass: the bot as "the machine" here — what asking it costs ("hỏi máy này mất tiền hông"), whether it
    # answers at all ("ơ cái máy ni biết trả lời à")
    r"|\bhoi (?:cai |con )?may (?:nay|ni)(?: \w+){0,2} (?:co )?(?:mat|ton) (?:tien|phi)\b"
    r"|\b(?:cai|con) (?:may|bot) (?:nay|ni) (?:no )?(?:biet|co biet|cung biet) tra loi\b"
)
# "hỏi bạn thì nhắn kiểu chi cho bạn hiểu": how to ask "you", said to the bot only when the message calls it
# ("em hỏi thì phải gõ thế nào để bạn trả lời đúng")
_HOW_TO_ASK_YOU = re.compile(
    r"\b(?:hoi|noi|go|nhan)(?: \w+){0,3} (?:kieu nao|kieu gi|sao|the nao|nhu the nao|ra sao|cach nao) (?:cho|de)"
    r" (?:ban|em|no) (?:hieu|tra loi (?:dung|duoc|trung))\b"
)
_CALLS_THE_BOT = re.compile(r"\bloaso\b|^(?:\w+ ){0,2}loa (?:oi|a)\b")
# "Loa" alone is the bot, unless it is the commune's loudspeaker or a speaker for sale
_NAMES_LOA = re.compile(
    r"\bloaso\b|\bloa\b(?! (?:phuong|xa|thon|ap|to|truyen thanh|phat thanh|keo|bluetooth|dai|phong))"
)
# "Nói bằng giọng cho Loa nghe được không", "bà hỏi nó bằng giọng nói được không", "nói vô điện thoại cho nó ra chữ
# thì Loa có đọc được không": asked by voice
_BY_VOICE = re.compile(
    r"\b(?:hoi|noi|tra loi|doc)(?: \w+){0,3} bang (?:giong noi|giong|loi noi|tin nhan thoai|voice)\b"
    r"|\bnoi (?:vo|vao) (?:dienthoai|dien thoai|may|dt)\b"
)
_CALL_PREFIX = re.compile(r"^(?:loa|loaso|ad|admin) (?:oi|a) ")
# "Loa ơi mày là người thiệt hay máy vậy", "cái Loa này là máy hay người"
_MAN_OR_MACHINE = re.compile(
    r"\b(?:nguoi(?: that| thiet| cua (?:xa|phuong|to|thon|ap))? hay (?:la )?may|may hay (?:la )?nguoi)\b"
)  # ("người của xã hay máy": a person of the commune's, or a machine)
# ... and who answers here, asked without the bot's name: "ad là người thật hay máy trả lời vậy" (not the hotline's
# operators, a bank's staff)
_ANSWERS_HERE = re.compile(r"\b(?:tra loi|rep|tu dong|chat|nhan tin|tro chuyen)\b")
_ANSWERS_ELSEWHERE = re.compile(r"\b(?:tong ?dai|hotline|1900|goi dien|dien thoai|cham soc khach hang|ngan ?hang)\b")


def asks_the_bot_itself(text: str) -> bool:
    """A message that can only be a question to the bot about itself."""
    words = folded_words(text)
    bare = _CALL_PREFIX.sub("", words, count=1)  # "loa ơi bạn biết làm những gì": the call, then the question
    if _WHO_OR_WHAT_HERE.match(words) or _WHO_OR_WHAT_HERE.match(bare):
        return True
    if _NAMES_LOA.search(words) and (_BY_VOICE.search(words) or _MAN_OR_MACHINE.search(words)):
        return True
    if _MAN_OR_MACHINE.search(words) and _ANSWERS_HERE.search(words) and not _ANSWERS_ELSEWHERE.search(words):
        return True  # "ad là người thật hay máy trả lời vậy": who answers here (not the hotline's operators)
    hit = _WHAT_IT_DOES.search(words)
    if hit is None:
        return bool(_HOW_TO_ASK_YOU.search(words) and _CALLS_THE_BOT.search(words))
    # "bạn"/"mày" are anyone in a group: the bot only when the message also calls it a machine or names it
    return (
        not hit.group(0).startswith(("ban ", "may "))
        or bool(_MAN_OR_MACHINE.search(words))
        or "loaso" in words.split()  # ("bot", "chatbot" and "Loa Số" are all "loaso" once folded)
    )


def testifies(text: str) -> bool:
    """How it went, told to the group — not a problem reported. (Whether the message also asks is the caller's to
    weigh: the matcher has already asked ``is_question``.)"""
    return bool(_TESTIMONY.search(folded_words(text))) and not reports_problem(text)


# Someone's trouble told with the plan to have it fixed at the office: "bả nói quên mật khẩu VNeID rồi, mai ra xã nhờ
# cán bộ làm lại" — news of a neighbour, nothing asked (folded words).
_PLAN_AT_OFFICE = re.compile(
    r"\b(?:mai|chieu nay|hom nay|sang mai|toi nay|de|se|tinh|moi|nen)(?: (?:ba|ong|no|bo|me|tui|toi|em|con|chau|minh))?"
    r"(?: (?:moi|di|phai))? (?:ra|len|xuong|toi|den|qua)"
    r" (?:xa|phuong|ubnd|uy ban|cong an|to)(?: \w+){0,2} nho(?: \w+){0,3} (?:lam|lay|cap|mo|reset|cai|xu ly)(?: lai)?\b"
)
_PLAN_ASKS = frozenset("sao gì nào đâu ai mấy nhiêu cách hỏi biết không chưa hả hông".split())


def plans_at_office(text: str) -> bool:
    """A trouble told with the plan to have the office fix it, and no question: news for the group."""
    if "?" in text or not _PLAN_AT_OFFICE.search(folded_words(text)):
        return False
    return not any(_spells_any(t, _PLAN_ASKS) for t in _tokens(text))


def tells_news(text: str) -> bool:
    """Something done or told to the group, however sure the words: "mới cài vneid xong rồi nha mọi người"."""
    words = folded_words(text)
    return bool(DONE_WORDS.search(words)) or to_everyone(text)


# A notice to the group (folded): "THÔNG BÁO: sáng chủ nhật công an xã về làm định danh mức 2…", "Trưởng thôn thông
# báo: …", "Kính mời bà con…". It names a topic's words but asks nothing ("thông báo lưu trú" is a procedure, and
# "nó thông báo lỗi" a problem).
_NOTICE = re.compile(
    r"^(thong ?bao|tb|kinh ?thong ?bao|xin ?thong ?bao|kinh ?moi|moi ba ?con|loa loa|nhac lich)\b"
    r"|^\W*(\w+ ){1,5}(thong ?bao|xin ?thong ?bao|kinh ?bao)\b(?! (loi|la|gi|sao|nay|do|ve may))"
)
# "Gửi bà con link bài báo về lừa đảo, đọc cho biết nhen": something passed on to read (its "cho biết", "cách cài"
# ask nothing), a notice unless it ends asking.
_PASSED_ON = re.compile(
    r"^(gui|goi|chia se|share) (ba ?con|moi nguoi|ca nha|ca xom|ca ap|ae|ace|anh chi em)( \w+){0,3}"
    r" (duong link|link|bai|clip|video|hinh|tin)\b"
)
_ENDS_ASKING = re.compile(r"\b(khong|ko|k|hong|hok|chua|ha|hả|nhi|sao|khong a|chua a)$")
# "Báo bà con biết: …": told for everyone to know (its "biết" asks nothing), a notice unless it ends asking.
_TOLD_TO_KNOW = re.compile(r"^(xin )?bao (cho )?(ba ?con|moi nguoi|ca xom|ca ap|ca thon) (biet|hay)\b")
_ANYONE = re.compile(r"\b(bất kỳ ai|bất kì ai|bất cứ ai|bat ky ai|bat ki ai|bat cu ai)\b", re.IGNORECASE)  # asks no one
_WHOEVER = re.compile(
    r"\b(ai|nào|nao)\b[^,.?!\n]{0,40}?"
    r"\b(thì|thi|cẩn thận|can than|coi chừng|coi chung|chú ý|chu y|lưu ý|luu y|nhớ|đừng)\b",
    re.IGNORECASE,
)
_NOT_A_NOTICE = re.compile(r"\bthong ?bao (luu ?tru|tam ?tru|loi)\b")
# "CẢNH BÁO: không cung cấp mã OTP cho bất kỳ ai", "Trưởng ấp thông báo: …": a heading, read as typed (the folded words
# drop the colon).
_HEADING = re.compile(
    r"^\W*((chuyen tiep|chia se|share|fw|fwd|xin) )?(canh bao|luu y|chu y)\b[^:?]{0,40}:"
    r"|\b(thong ?bao|kinh ?bao|tb)\s*:"
)
# "Chiều nay 2 giờ tổ công nghệ số về nhà văn hóa ấp hướng dẫn làm VNeID": the team (or an office) announces
# when and where it comes to help — a notice without the word "thông báo".
_ANNOUNCER = re.compile(
    r"\b(to (congngheso|cong nghe so|cns|cnscd|cong nghe)|congngheso|cong ?an|can bo (xa|phuong|tu phap)"
    r"|(chi )?doan thanh nien|hoi (phu nu|nong dan|cuu chien binh)|ban (dieu hanh|quan ly))\b"
)
_WHEN = re.compile(
    r"\b(sang|chieu|toi|trua) (nay|mai|mot|thu (hai|ba|tu|nam|sau|bay|\d)|chu nhat|cn)\b|^(hom nay|ngay mai|bua nay)\b"
    r"|\b(thu (hai|ba|tu|nam|sau|bay|\d)|chu nhat|cuoi tuan) (nay|toi|tuan (nay|sau))\b"
    r"|\b\d{1,2} ?(h|g|gio)( \d{1,2})?\b|\bngay \d{1,2}\b"
)
_WHERE = re.compile(
    r"\b(nha van hoa|nvh|hoi truong|tru so|ubnd|diem truong|san (van dong|bong)|nha (rong|sinh hoat))\b"
    r"|\b(ve|den|toi|xuong|vo|co mat (tai|o)) (tan )?(tung nha|nha dan|thon|ap|xom|ban|buon|khom|khu pho|to dan pho)\b"
)


def is_notice(text: str) -> bool:
    """A notice posted to the group, not a question: no answer, however sure its topic's words (a learned view
    reads "làm định danh mức 2 tại nhà văn hóa" as the question it mostly comes in)."""
    words = folded_words(text)
    if _TOLD_TO_KNOW.search(words):
        return "?" not in text
    if _PASSED_ON.search(words):
        return "?" not in text and not _ENDS_ASKING.search(words)
    announced = bool(_ANNOUNCER.search(words) and _WHEN.search(words) and _WHERE.search(words))
    announced |= bool(_HEADING.search(fold(canonical(text)).lower()))
    if not (announced or _NOTICE.search(words)) or _NOT_A_NOTICE.search(words):
        return False
    # "nhà nào có cháu nhỏ thì đi", "ai cần thì ra nhà văn hóa": whoever it concerns, not a question
    return not is_question(_ANYONE.sub(" ", _WHOEVER.sub(" ", text)))


def has_scam_evidence(text: str) -> bool:
    """The message itself speaks of a trick, a stranger, a demand or a doubt."""
    toks = _tokens(text)
    if any(compatible(t, w) for t in toks for w in _SCAM_WORDS_FOLDED.get(fold(t), ())):
        return True
    raw = _as_typed(text)
    return bool(SCAM_PHRASES.search(folded_words(text)) or SCAM_PHRASES.search(raw))


# Help already given, in a thank-you ("cảm ơn anh chị trong tổ đã giúp mẹ em lấy lại mật khẩu"): told, not asked.
_HELPED = re.compile(r"\b(?:da|vi da|vi) (?:giup|chi|huong dan|ho tro)(?: do)?\b")


def is_thanks(text: str) -> bool:
    """Thanks without a request: 'cảm ơn tổ công nghệ số nhiều nha' wants no contacts."""
    words = folded_words(text)
    if not THANKS.search(words) or "?" in text:
        return False
    rest = _HELPED.sub(" ", THANKS.sub(" ", words))
    return not QUESTION_WORDS.search(rest)


def is_chitchat(text: str) -> bool:
    """Greetings, thanks, 'ok', ads: nothing a help desk should answer."""
    words = folded_words(text)
    asks = QUESTION_WORDS.search(words) or "?" in text or SELLING_ONLINE.search(words)
    if SELLING.search(words) and not (asks and has_scam_evidence(text)) and not ASKS_HOW_TO_SELL.search(words):
        # (not a resident cheated by a seller asking what to do: "bị lừa chuyển 12 triệu cho đứa bán phân bón giá rẻ
        # trên facebook, giờ báo ở đâu")
        return True
    if AD_START.search(words) and not asks:
        return True
    if is_thanks(text):
        return True
    toks = words.split()
    # The bot's own name is not a topic: "cảm ơn Loa Số" is thanks, "Loa Số làm được gì" is not.
    rest = [t for t in toks if t not in STOPWORDS and t not in CHITCHAT and t != "loaso"]
    if not rest and asks and "loaso" in toks:
        return False  # "cái bot này dùng sao vậy": a question about the bot itself
    return not rest and (any(t in CHITCHAT for t in toks) or "loaso" not in toks)
