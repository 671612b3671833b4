"""The judge: official domains never flagged, look-alikes and scam wording flagged, never a connection."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.safety import judge as judge_module
from bot.safety.fold import fold
from bot.safety.judge import Verdict, judge, reasons
from bot.safety.lists import DATA_DIR, Entry, ListError, load_data, parse_entries, shipped_data
from bot.safety.urls import find_links, find_phones, host_skeleton
from bot.texts import default_texts

ROOT = Path(__file__).resolve().parents[3]


def verdict(text: str, **kw: Any) -> str:
    return judge(text, **kw).verdict.value


def scam_by(text: str, code: str) -> bool:
    """A scam, and ``code`` among its findings: the rule under test fired, not only another one."""
    j = judge(text)
    return j.verdict is Verdict.SCAM and code in {f.code for f in j.findings}


def _official_domains() -> list[str]:
    data = yaml.safe_load((DATA_DIR / "official.yaml").read_text(encoding="utf-8"))
    return [s["domain"] for s in data["official"]] + list(data["known_good"])


@pytest.mark.parametrize("domain", _official_domains())
def test_official_and_everyday_domains_are_never_flagged(domain: str) -> None:
    for text in (
        f"https://{domain}",
        f"Bà con xem ở đây nha: https://www.{domain}/trang/thong-bao?id=12",
        f"vào {domain} rồi đăng nhập, tháng này hạn chót ngày 15",
        f"https://m.{domain}/abc",
    ):
        assert verdict(text) == "ok", text


@pytest.mark.parametrize(
    "host", ["dichvucong.gov.vn", "congan.cantho.gov.vn", "sogddt.cantho.gov.vn", "www.chinhphu.vn", "vneid.gov.vn"]
)
def test_state_domains_are_official(host: str) -> None:
    j = judge(f"Thông báo mới: https://{host}/tin-tuc")
    assert j.verdict is Verdict.OK
    assert any("chính thức" in r for r in reasons(j, default_texts()))


@pytest.mark.parametrize(
    "text",
    [
        "https://dichvucong-gov.vn.com/xacthuc",  # gov dressed up
        "vneid.gov-vn.top",
        "dichvucong.gov.vn.hoso-online.com",
        "vietcombank-sinhtrachoc.com",  # brand in a foreign domain
        "https://online.acb-digital.net",
        "evn-cskh.net",
        "vietconbank.com.vn",  # one letter off
        "https://agribank.com.vn.login.info/",
        "vietc0mbank.com",  # digit for letter
        "vіetcombank.com",  # Cyrillic і
        "https://" + "vietcombạnk.com".encode("idna").decode(),  # punycode of a look-alike
        "tải tại http://103.77.166.12/app.apk",  # app file on a bare IP
        "https://tindungtechcombank247.online",  # known bad (NCSC)
        "https://mttq-gialai-ungho.com",  # the Fatherland Front's name on a .com
        "tải tại datdaiso.apk-tai.com",  # a site named for app files
    ],
)
def test_look_alike_and_known_bad_links_are_scams(text: str) -> None:
    j = judge(text)
    assert j.verdict is Verdict.SCAM, (text, j)
    assert reasons(j, default_texts()), "a scam always says why"


def test_shortener_alone_is_suspicious_and_never_expanded() -> None:
    assert verdict("xem ảnh nè bit.ly/3abcXYZ") == "suspicious"
    assert verdict("Chúc mừng bạn trúng thưởng, nhận quà tại bit.ly/3abcXYZ") == "scam"


def test_app_files_outside_the_stores() -> None:
    assert verdict("cài cái này nha", files=["VNeID_moi.apk"]) == "scam"
    assert verdict("Gửi file VNeID_2025.apk cài vào là xong") == "scam"
    assert verdict("thông báo họp", files=["thongbao.pdf"]) == "ok"
    assert verdict("VNeID trên CH Play: https://play.google.com/store/apps/details?id=com.vnid") == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "Tôi là thượng uý công an quận, chị liên quan đường dây rửa tiền, chuyển tiền vào tài khoản tạm giữ ngay,"
        " không được nói với ai",
        "Em ơi chị chuyển nhầm 2tr vào tk em, em ck lại giúp chị với, gấp lắm",
        "Ngân hàng thông báo tài khoản bị tạm khoá, vui lòng đọc mã OTP vừa gửi về điện thoại cho nhân viên",
        "viec nhe luong cao, tha tim video nhan 50k moi nhiem vu, ib zalo",
        "Mẹ ơi con bị tai nạn đang cấp cứu, mẹ chuyển gấp cho con 10 triệu vào tk này",
        "Hỗ trợ vay vốn nhanh không thế chấp, giải ngân trong 30 phút, liên hệ zalo 0868 222 333",
    ],
)
def test_scam_wording_without_links(text: str) -> None:
    assert verdict(text) == "scam", judge(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bà con lưu ý: không cung cấp mã OTP cho bất kỳ ai, kể cả người xưng là công an",
        "CẢNH BÁO: kẻ gian giả danh điện lực gọi điện đòi tiền, bà con không chuyển tiền",
        "Ngày mai khu vực ấp sẽ bị cắt điện từ 7h đến 15h để thay trụ điện",
        "ck rồi nha cô, 350k tiền gạo",
        "Nhà em còn 20 ký cá lóc đồng, 120k/ký, ai lấy nhắn em nha 0912 345 678",
        "Hình buổi họp https://photos.app.goo.gl/AbCdEf123 và clip https://youtu.be/abc",
    ],
)
def test_everyday_messages_and_warnings_are_ok(text: str) -> None:
    assert verdict(text) == "ok", judge(text)


def test_imported_entries_count_with_their_source() -> None:
    data = shipped_data().with_entries(
        [
            Entry("phone", "0912345678", "https://canhbao.example/list.csv"),
            Entry("domain", "hang-re.shop", "Công an tỉnh"),
            Entry("phrase", "nhận quà tri ân đặc biệt", "tổ trưởng ấp"),
        ]
    )
    assert verdict("Gọi ngay 0912.345.678 nha", data=data) == "scam"
    assert verdict("Gọi ngay 0912.345.678 nha") == "ok"
    assert verdict("mua ở www.hang-re.shop/sale", data=data) == "scam"
    j = judge("Bà con nhấn để NHẬN QUÀ TRI ÂN ĐẶC BIỆT nha", data=data)
    assert j.verdict is Verdict.SCAM
    assert any(f.imitates == "tổ trưởng ấp" for f in j.findings)


def test_commune_pages_are_official() -> None:
    data = shipped_data().with_pages(["https://www.daingai-tv.com/tin"], "Xã Đại Ngãi")
    assert verdict("Trang của xã: https://daingai-tv.com/thong-bao", data=data) == "ok"


def test_csv_import_reports_bad_lines_by_number() -> None:
    text = "kind,value,source\ndomain,abc.xyz,NCSC\nphone,12,\nwebsite,x.com,\nphrase,hai chữ,\n"
    with pytest.raises(ListError) as err:
        parse_entries(text, default_source="file.csv")
    assert "line 3" in str(err.value) and "line 4" in str(err.value) and "line 5" in str(err.value)
    ok = parse_entries("domain,Abc.XYZ\nphone,+84 912 345 678,Công an xã\n", default_source="file.csv")
    assert ok == [Entry("domain", "abc.xyz", "file.csv"), Entry("phone", "0912345678", "Công an xã")]


def test_text_helpers() -> None:
    assert [lk.host for lk in find_links("xem vneid[.]gov-vn[.]top và a@gmail.com, giá 5.000đ v.v")] == [
        "vneid.gov-vn.top"
    ]
    assert find_phones("gọi 0912.345.678 hoặc +84 987 654 321") == ["0912345678", "0987654321"]
    assert host_skeleton("vіetc0mbank") == "vietcombank"


@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        # dots spaced out or spoken, so that the app does not make the link clickable
        ("vào vneid . gov-vn . com mà cập nhật", ["vneid.gov-vn.com"]),
        ("nhận tiền tại mbbank-nhantien (chấm) net/xacnhan", ["mbbank-nhantien.net"]),
        ("dinhdanh-vneid . com . vn đi bà con", ["dinhdanh-vneid.com.vn"]),
        # a sentence that ends beside a word is no link; nor a name without a hyphen
        ("nạp 50k. Link tải bên dưới", []),
        ("Hà Nội - Hải Phòng . Com chiên ngon", []),
        ("xem ở dichvucong . gov . vn", []),
    ],
)
def test_links_written_with_spaced_or_spoken_dots(text: str, hosts: list[str]) -> None:
    assert [lk.host for lk in find_links(text)] == hosts


def test_a_look_alike_written_with_spaced_dots_is_a_scam() -> None:
    assert judge("Bà con vào vietcombank-xacthuc . com nhé").verdict is Verdict.SCAM


def test_the_shipped_starter_list_names_a_source_for_every_entry() -> None:
    data = shipped_data()
    assert data.bad_domains
    assert all(e.source.startswith("https://") for e in data.bad_domains.values())


def test_the_judge_never_opens_a_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every message of both evaluation sets is judged with sockets and DNS forbidden."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"the judge tried the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for name in ("safety_eval.yaml", "safety_frozen.yaml"):
        data = yaml.safe_load((ROOT / "bench" / name).read_text(encoding="utf-8"))
        for text in data["scam"] + data["ordinary"]:
            judge(text)
    # And no network library is even imported by the judge's package.
    for path in Path(judge_module.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for lib in ("httpx", "urllib.request", "requests", "aiohttp", "import socket", "http.client"):
            assert lib not in source, f"{path.name} imports {lib}"


def test_tuning_set_meets_the_targets() -> None:
    """Guards the tuned patterns against regressions (the frozen set is reported, not asserted)."""
    data = yaml.safe_load((ROOT / "bench" / "safety_eval.yaml").read_text(encoding="utf-8"))
    scams = [verdict(t) for t in data["scam"]]
    ordinary = [verdict(t) for t in data["ordinary"]]
    assert scams.count("scam") / len(scams) >= 0.95
    assert ordinary.count("scam") / len(ordinary) <= 0.01
    assert ordinary.count("suspicious") / len(ordinary) <= 0.05


def test_residents_own_help_questions_are_never_called_scams() -> None:
    """Asking how to do something names the same agencies as a scam, with no link, number or file to act on."""
    for text in (
        "làm sao đăng ký tài khoản định danh điện tử mức 2",
        "tui bị khóa tài khoản ngân hàng vì chưa xác thực khuôn mặt, giờ sao",
        "cho hỏi bảo hiểm xã hội hoàn tiền thì làm thủ tục ở đâu",
    ):
        assert judge(text).verdict is not Verdict.SCAM, text
    scam = "Cong an thong bao: ban lien quan vu an rua tien, lam sao chung minh? goi ngay 0987654321"
    assert judge(scam).verdict is Verdict.SCAM  # a number to call: the question form does not excuse it


@pytest.mark.parametrize(
    "text",
    [
        # The team's how-to: typing one's password into one's own app is no request for it.
        "Hướng dẫn đăng nhập VssID bằng tài khoản VNeID: mở app, chọn Đăng nhập bằng VNeID,"
        " nhập số căn cước và mật khẩu",
        # A seller of the hamlet gives her own account to be paid for goods.
        "Chị ơi em gửi số tài khoản để chị chuyển tiền mua 10 ký xoài nha: 0123456789 Vietcombank Nguyễn Thị Hạnh",
        # "làm online … 10 ngày" is a procedure's time, not "earn 10 a day".
        "Tui mới làm hộ chiếu ở phòng xuất nhập cảnh công an tỉnh, làm online trên dịch vụ công, 10 ngày có",
        # Pay at the commune's one-stop desk: scams never send anyone to the office.
        "Thông báo: hạn chót đóng thuế đất năm 2026 là 31/12, bà con đóng tại bộ phận một cửa xã hoặc qua dịch vụ công",
    ],
)
def test_everyday_posts_that_share_scam_words_are_not_scams(text: str) -> None:
    assert judge(text).verdict is not Verdict.SCAM


def test_income_per_day_still_needs_an_amount_to_be_a_job_scam() -> None:
    assert judge("Làm online tại nhà, kiếm 500k mỗi ngày, ib ngay").verdict is Verdict.SCAM


# A group post that talks ABOUT a scam — quoting it, calling it fake, telling of it — is no scam; the same words
# pasted by a resident who asks about them are judged in full, and so is a group post that asks whether it is one.
QUOTED_SCAM = (
    "'Tài khoản của quý khách bị khóa, vui lòng chuyển 2 triệu phí mở khóa cho nhân viên ngân hàng trong hôm nay'"
)


@pytest.mark.parametrize(
    "post",
    [
        f"Mấy hôm nay nhiều nhà trong ấp nhận tin {QUOTED_SCAM}. Tin đó giả nha bà con.",
        f"Hôm qua má tui suýt chuyển tiền vì tin {QUOTED_SCAM}, may con gái gọi kịp.",
        f"Cảnh giác nha bà con: tin {QUOTED_SCAM} có phải của ngân hàng không? Không, là lừa đảo.",
    ],
)
def test_talk_about_a_quoted_scam_is_ok_in_a_group_but_judged_when_asked(post: str) -> None:
    assert judge(QUOTED_SCAM.strip("'")).verdict is Verdict.SCAM
    assert judge(post).verdict is not Verdict.SCAM
    assert judge(post, asked=True).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "post",
    [
        f"Mọi người ơi em vừa nhận tin {QUOTED_SCAM}, cái này lừa phải không?",
        f"tin nay that khong mn {QUOTED_SCAM}",
        f"Ai coi giúp tui với: {QUOTED_SCAM}. Có nên chuyển không?",
        "Hồi sáng có người gọi tui xưng là cô giáo, nói cháu tui té cấp cứu, kêu chuyển gấp 20 triệu cho bác sĩ,"
        " có ai bị vậy chưa?",
    ],
)
def test_a_group_post_asking_whether_a_quoted_message_is_a_scam_gets_the_answer(post: str) -> None:
    j = judge(post)
    assert j.verdict is Verdict.SCAM and j.question  # answered in the group; the question is never deleted
    assert not judge(QUOTED_SCAM.strip("'")).question


def test_talk_about_scams_does_not_excuse_the_scam_itself() -> None:
    # Scam wording outside any quote, with a "lừa phải không" tacked on, still has its demand.
    text = "Ngân hàng thông báo tài khoản bị khóa, chuyển 2 triệu phí mở khóa cho nhân viên 0912 345 678 trong hôm nay"
    assert judge(text).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # A parcel nobody ordered, "your son ordered it as a gift": pay the shipper.
        "Em bên giao hàng, đơn của cô là hộp sâm 1tr2, người đặt ghi là con trai cô đặt tặng. "
        "Cô nhận rồi trả tiền giúp em nha",
        # A relative's "new number" asking, politely, for money into a friend's account.
        "Cô Tư ơi con Tí nè, con mới đổi số. Con đang cần gấp 2 triệu đóng viện phí, "
        "cô chuyển vô tài khoản bạn con giúp con được không",
        # Renting out one's ID card and verified account.
        "Cho thuê CCCD và tài khoản đã định danh để đăng ký ví cho công ty, trả công 2 triệu mỗi lần, bao an toàn",
    ],
)
def test_polite_requests_for_money_or_accounts_are_scams(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Chúc mừng bé Na lớp 4A đạt giải Nhì hội thi kể chuyện cấp huyện, phần thưởng 500 ngàn và giấy khen",
        "Anh Tú ơi anh chuyển tiền gas dư 20k, em gửi lại anh tiền mặt khi giao bình sau nha",
        "Tui ra điểm giao dịch hỏi vay vốn nuôi bò, cán bộ nói không mất phí hồ sơ gì hết, ai nhắn đòi phí là giả",
    ],
)
def test_everyday_money_talk_is_ok(text: str) -> None:
    assert judge(text).verdict is not Verdict.SCAM


def test_every_rule_has_its_words_for_residents() -> None:
    """A theme, ask or combination added to safety/wording.yaml without its Vietnamese reason (or, for a
    theme, its "what it pretends to be") would crash the warning the moment it fires."""
    wording = yaml.safe_load((DATA_DIR / "wording.yaml").read_text(encoding="utf-8"))
    texts = default_texts()
    needed = [f"safety_r_theme_{t}" for t in wording["themes"]] + [f"safety_kind_{t}" for t in wording["themes"]]
    needed += [f"safety_r_ask_{a}" for a in wording["asks"]] + [f"safety_r_combo_{c}" for c in wording["combos"]]
    assert [k for k in needed if not texts.has(k)] == []


def test_sextortion_and_romance_are_named_in_the_warning() -> None:
    texts = default_texts()
    j = judge("Tao có clip m gọi video cởi đồ rồi, 2 tiếng nữa không chuyển 20tr t gửi hết cho vợ m với danh bạ")
    assert j.verdict is Verdict.SCAM and j.kind == "sextortion"
    assert any("clip" in r for r in reasons(j, texts))


def test_a_post_the_rules_half_know_is_a_scam_when_the_learned_score_is_very_sure(monkeypatch: Any) -> None:
    post = (
        "Mô hình tiêu dùng tích điểm Sống Khỏe: mua gói thực phẩm chức năng, mỗi ngày được hoàn một phần về ví, "
        "giới thiệu thêm người được thưởng"
    )
    got = {}
    for odds in (0.0, 2.5, 3.5, 4.2):
        monkeypatch.setattr(judge_module, "log_odds", lambda _text, odds=odds: odds)
        got[odds] = judge(post).verdict
    # A faint likeness alone is nothing; from weight SIMILAR_SURE (log odds 2.9) a post that would only be
    # logged is warned.
    assert got == {0.0: Verdict.OK, 2.5: Verdict.OK, 3.5: Verdict.SCAM, 4.2: Verdict.SCAM}


def test_a_scam_worded_as_a_question_for_help_is_a_scam_only_when_the_learned_score_is_sure(monkeypatch: Any) -> None:
    asks = (
        "Bác ơi nhà bác có ai bán đất không, bên cháu có khách Hàn Quốc muốn mua giá cao gấp đôi thị trường, "
        "bác chỉ cần đóng phí định giá và phí môi giới trước 5 triệu là cháu dẫn khách xuống xem ngay tuần này "
        "được không ạ"
    )
    got = {}
    for odds in (4.5, 8.0):
        monkeypatch.setattr(judge_module, "log_odds", lambda _text, odds=odds: odds)
        got[odds] = judge(asks).verdict
    # Enough for a scam by score, but it reads as a resident's question: logged only, unless the score is sure.
    assert got == {4.5: Verdict.SUSPICIOUS, 8.0: Verdict.SCAM}


def test_a_lure_to_work_across_the_border_is_named_as_work_abroad() -> None:
    j = judge(
        "Tuyển gấp 10 bạn nữ qua Campuchia làm văn phòng nhập liệu, lương 1.200 đô mỗi tháng, bao ăn ở, "
        "không cần hộ chiếu, bên em lo xe đưa qua. Ib Zalo 0912 345 678"
    )
    assert j.verdict is Verdict.SCAM and j.kind == "job"
    assert any("nước ngoài" in r for r in reasons(j, default_texts()))
    assert default_texts().say("safety_kind_job") == "lời mời việc làm"  # not only online tasks


def test_the_teams_lesson_on_real_sites_is_no_public_warning() -> None:
    lesson = (
        "Cách nhận biết trang thật của nhà nước: địa chỉ phải kết thúc bằng .gov.vn, ví dụ dichvucong.gov.vn. "
        "Mấy trang như dichvucong-gov.top là giả, bà con đừng bấm."
    )
    assert judge(lesson).verdict is Verdict.SUSPICIOUS  # logged for leaders only
    # Pasted and asked about, the look-alike is still called what it is.
    assert judge(lesson, asked=True).verdict is Verdict.SCAM
    # Without the lesson around it, the look-alike link alone is a scam.
    assert judge("Cập nhật hồ sơ tại dichvucong-gov.top trước 17h").verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # A taken-over account borrowing, with the excuse that keeps you from calling back.
        "Cô Năm ơi con Thảo nè, điện thoại con hư mic nên nhắn Zalo thôi. "
        "Cô cho con mượn 2 triệu chuyển vô số tk này nha",
        # Found papers returned for a fee.
        "Chị ơi em nhặt được giấy tờ xe của chị ở cây xăng, chị gửi em 250k phí chuyển phát em gửi bưu điện về liền",
        # A fee to "lo hồ sơ" for a benefit.
        "Bà con ai muốn vào danh sách hộ nghèo thì đóng 300k cho tui lo hồ sơ trên xã",
    ],
)
def test_plainly_worded_scams(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Tòa án không gửi giấy triệu tập qua tin nhắn điện thoại đâu, có thì gửi giấy đóng dấu về tận nhà",
        "Sacombank có nhắn tin cảnh báo: không cung cấp OTP, không bấm link lạ cho ai hết",
        "Mấy tin nhiệm vụ thả tim kiếm tiền đừng tham gia nha các mẹ, ban đầu cho rút vài chục rồi bắt nạp lớn",
    ],
)
def test_what_the_real_agency_never_does_is_a_warning(text: str) -> None:
    assert judge(text).verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Ông có đơn tố cáo chiếm đoạt tài sản, bên tôi đang thụ lý. Ông muốn tôi xử lý nhẹ thì tối nay gửi 10 triệu",
        "Em ở văn phòng đăng ký đất đai, hồ sơ tách thửa của anh đang kẹt, anh gửi em 5 triệu em đẩy cho nhanh",
        "Mày là mẹ thằng Dũng hả, nó nợ app tao 14 củ, chiều ko trả tao bêu ảnh cả làng",
        "Telegram Premium miễn phí 1 năm cho 1000 người đầu tiên! Đăng nhập tại telegrarn-premium.org",
    ],
)
def test_bribes_threats_and_brand_look_alikes(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


def test_real_brand_links_stay_ok() -> None:
    for text in ("Nhóm Telegram của ấp: https://t.me/apphuthanh", "Đơn hàng DHL tra tại https://www.dhl.com/vn-vi"):
        assert judge(text).verdict is Verdict.OK


@pytest.mark.parametrize(
    "text",
    [
        "Nhận chạy điểm, sửa điểm học bạ trên hệ thống, bảo mật tuyệt đối, 1 môn 2tr. Có người trong Sở.",
        "nhan nap Robux gia re 50%, chi can gui username + password, ad nap trong 10p",
        "Chúc mừng con bạn đạt giải Nhì cuộc thi Trạng Nguyên Tiếng Việt, để nhận cúp phụ huynh nộp 250k phí gửi",
    ],
)
def test_school_scams(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


def test_a_school_prize_without_a_fee_is_good_news() -> None:
    assert judge("Chúc mừng con bạn đạt giải Nhì cuộc thi Trạng Nguyên Tiếng Việt cấp huyện").verdict is Verdict.OK


def test_a_scam_wrapped_in_a_question_is_answered_in_public() -> None:
    # An attacker quoting his own scam and tacking on "lừa phải không?" is not deleted (that is how residents ask
    # about scams in a group), but the group reads the answer: it is a scam, and why.
    wrapped = f"{QUOTED_SCAM} cái này lừa phải không bà con?"
    j = judge(wrapped)
    assert j.verdict is Verdict.SCAM and j.question
    assert reasons(j, default_texts())[-1] == "Đoạn được trích trong tin là lời lẽ lừa đảo: đừng làm theo."


@pytest.mark.parametrize(
    "text",
    [
        "Anh là người Ban Dân tộc tỉnh, đợt này có 20 suất nhà đại đoàn kết, ai muốn có tên thì gửi anh 3 triệu",
        "thay xem tu vi online, nam nay pham Kim Lau, gui 1tr5 thay lam le giai han",
        "Vườn nào chưa có mã số vùng trồng thì đóng 5 triệu em lo trong 7 ngày, khỏi kiểm tra gì hết",
        "Airdrop token mới, kết nối ví Metamask vào web này nhận 500 USDT free",
        "Em bên công ty đòi nợ, anh là người tham chiếu của Hậu nợ app 40 triệu, không trả giùm thì em đăng hình anh",
        "Con ở Trung tâm Viễn thông, số của chú bị người khác đăng ký, con chuyển máy sang công an để chú làm việc",
        "Vựa em thu mua tiêu số lượng lớn giá cao, anh gửi mẫu kèm phí kiểm nghiệm 600k vào tk công ty là xe lên lấy",
        "Nhóm việc làm KCN Quế Võ, HR duyệt hồ sơ. Phí vào nhóm 150k, hoàn lại khi đi làm. Vào zalo.me/g/abc",
    ],
)
def test_scams_of_the_countryside(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # the caller's hold: tell no one, do not hang up ("đừng cúp máy" is an order, not a warning)
        "Tôi là cán bộ Viện kiểm sát, căn cước của ông bị dùng mở tài khoản rửa tiền. Ông không được nói chuyện"
        " này với ai trong nhà, đừng cúp máy, tôi chuyển cuộc gọi sang cơ quan điều tra",
        "Em là bác sĩ trực khoa cấp cứu, chồng chị bị tai nạn cần mổ gấp, chị chuyển trước 15 triệu tạm ứng vào tk"
        " bác sĩ 1903 5566 7788, đừng cúp máy",
        # a summons as a link
        "GIẤY TRIỆU TẬP: Công an huyện đề nghị bà Lê Thị Hoa có mặt giải trình về giao dịch đáng ngờ, xem giấy"
        " triệu tập tại trieutap-conganhuyen.com",
        # the second scam on a victim
        "Bị lừa mất tiền qua mạng? Nhóm luật sư lấy lại tiền đã bị lừa trong 48h, liên hệ Zalo 0912 447 215",
        # a deepfake video call, then the money
        "Cô ơi con vừa gọi video cô thấy mặt con rồi đó, mạng yếu con không gọi lại được, cô chuyển gấp cho con 8"
        " triệu vào tài khoản bạn con nha",
        # a fixer
        "Ai muốn vào làm công ty giày mà chưa có suất thì gửi em 2 triệu, em lo được, khỏi phỏng vấn",
        # a parcel held for a fee
        "Kiện quà từ Mỹ của anh đang ở kho hải quan, anh nộp phí thông quan 6 triệu vào tài khoản này để nhận hàng",
        # digits written for letters throughout
        "H0 tr0 v4y v0n kh0ng th3 ch4p, g14i ng4n tr0ng ng4y, lh z4l0 0866 112 334",
        "Mất tiền vì lừa đảo online? Công ty luật hỗ trợ lấy lại số tiền đã bị lừa, hồ sơ nhanh, gọi 0977 120 448",
        "shop ơi mình chuyển khoản rồi, tiền đi liên ngân hàng cuối tuần nên chưa về, shop cứ gửi hàng trước giúp mình",
        "Hãng bay tặng 1.000 vé 0 đồng dịp Tết, chia sẻ cho 15 nhóm rồi điền form tại vetet-mienphi.net để nhận",
        "Nhận dệt túi thổ cẩm tại nhà, đặt cọc tiền nguyên liệu 900k, làm xong trả hàng được hoàn cọc",
        "KÈO BÓNG ĐÁ ĐÊM NAY 🔥 nhóm chuyên gia soi kèo tỷ lệ thắng 90%, vào nhóm free: t.me/keo_ngon_2026",
        "Nổ hũ đổi thưởng, nạp 100k tặng 100k, rút tiền về tài khoản trong 3 phút, tân thủ nhận code ngay",
    ],
)
def test_scams_of_the_eighth_pass(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Ngân hàng thông báo: từ tháng sau giao dịch lớn cần xác thực khuôn mặt trên ứng dụng. Ngân hàng không"
        " gửi đường link và không yêu cầu cung cấp OTP cho bất kỳ ai.",
        "Khách đặt phòng qua Booking thì tiền tự về, chủ nhà không bao giờ phải nhập số thẻ vào link nào hết.",
        "nhóm làm nhiệm vụ này uy tín không mọi người, em nạp 1tr rồi giờ bảo nạp thêm mới rút,"
        " có phải bị lừa rồi không",
        "Cảnh giác: có dịch vụ nhận lấy lại tiền bị lừa, thực chất lừa lần hai, bà con đừng tin.",
        "Tối qua con gọi video cho bà thấy mặt bé Na rồi, bà vui lắm.",
        "Sim 4G gói 5G giá 90k một tháng, máy in A4, ai cần liên hệ em",
    ],
)
def test_bank_reassurance_questions_and_everyday_talk_of_the_eighth_pass(text: str) -> None:
    assert judge(text).verdict is not Verdict.SCAM


def test_a_warning_against_recovery_services_is_not_one() -> None:
    warning = "Cảnh giác: dịch vụ lấy lại tiền bị lừa là lừa đảo lần hai, bà con đừng tin, đừng gọi số lạ."
    assert verdict(warning) == "ok"


def test_hacking_services_are_flagged() -> None:
    offer = (
        "Nhận hack Facebook, đọc tin nhắn Zalo của chồng từ xa, làm xong mới lấy tiền, cọc trước 300k, gọi 0903 771 245"
    )
    assert verdict(offer) != "ok"  # (the learned score reads it as everyday talk: logged for the leaders)
    assert (
        verdict("nhan hack fb, doc tin nhan zalo, dinh vi dien thoai nguoi yeu, coc truoc 500k, lh 0704 215 887")
        == "scam"
    )


def test_news_of_a_betting_ring_broken_up_is_not_a_betting_invitation() -> None:
    assert (
        verdict("Công an huyện vừa triệt phá đường dây cá độ bóng đá qua mạng, bà con đừng tham gia nhóm soi kèo.")
        == "ok"
    )
    assert judge("KÈO THƠM đêm nay, nhóm VIP thua bù 100%, nạp từ 200k: keo-vip88.club").kind == "gambling"


def test_the_bank_an_account_is_at_is_where_a_seller_is_paid_not_a_bank_speaking() -> None:
    for post in (
        "Nhà em có 3 tạ cá trắm cỏ ao nhà, 75k/kg, ai lấy gọi em 0912 447 865 hoặc chuyển khoản STK 1903 5527 8810 "
        "Techcombank tên Nguyễn Văn Hòa, giao trong xã.",
        "Nhà có bưởi da xanh đang chín, ai lấy thì alo 0979 556 201 (chị Thu). Chuyển khoản BIDV 5621 0000 334 455 "
        "Lê Thị Thu.",
    ):
        assert judge(post).verdict is Verdict.OK, post
    # The bank as the one who speaks is still an authority.
    scam = "Vietcombank thông báo: tài khoản của quý khách bị tạm khóa, chuyển khoản ngay phí mở khóa, gọi 0912447865"
    assert judge(scam).verdict is Verdict.SCAM


def test_a_lesson_naming_a_look_alike_site_as_an_example_is_logged_not_warned() -> None:
    lesson = (
        "Công an xã nhắc: công an không bao giờ gọi điện yêu cầu cài app, đọc mã OTP. Ai nhận được link kiểu "
        "vneid-capnhat hay dichvucong-gov.vn.cc thì đừng bấm, báo ngay cho công an xã."
    )
    assert judge(lesson).verdict is Verdict.SUSPICIOUS
    # "đăng ký lại ngay theo link …" is no example, however the post begins.
    scam = "Fwd: Cảnh báo các bạn có tài khoản, phải đăng ký lại ngay theo link dichvucong-gov.vn.cc, không thì bị khóa"
    assert judge(scam).verdict is Verdict.SCAM


def test_a_vietnamese_address_with_another_ending_glued_on_is_fake() -> None:
    assert [lk.host for lk in find_links("đăng ký tại hotro-congnhan.gov.vn.cm 👈")] == ["hotro-congnhan.gov.vn.cm"]
    for post in (
        "Bộ Quốc phòng hỗ trợ tiền tết 5 triệu, điền thông tin trên trang quatet-bienphong.vn.cc",
        "Chính phủ hỗ trợ mỗi công nhân 2.000.000đ, đăng ký bằng tài khoản VNeID tại hotro-congnhan.gov.vn.cm",
    ):
        j = judge(post)
        assert j.verdict is Verdict.SCAM, post
    assert judge("Tin trên baochinhphu.vn và vnexpress.net nhé bà con").verdict is Verdict.OK


def test_ads_for_peoples_data_forged_papers_and_betting_tools_are_scams() -> None:
    for post in (
        "Bán data khách hàng mua sắm online Hải Phòng: 50.000 số điện thoại kèm tên, địa chỉ, giá 1tr. Ib telegram",
        "Ai có nhu cầu mua giấy khám sức khỏe, giấy ra viện, giấy nghỉ ốm BHXH, có dấu đỏ thật, liên hệ 0349 228 106.",
        "có ai chơi tài xỉu online không, mình có tool hack tài xỉu dự đoán chính xác 90%, bán 1tr5, ib tele",
        "ai có tài khoản ngân hàng không dùng nữa bán lại em thu 2-3 triệu/tài khoản, làm nhanh, ib em",
    ):
        assert judge(post).verdict is Verdict.SCAM, post
    # "bản Cà" is a village, not the "bắn cá" betting game.
    job = "Trường mầm non bản Cà Moong cần tuyển cô nuôi dưỡng nấu ăn, lương 4 triệu/tháng, gọi cô Nguyệt 0977 605 112"
    assert judge(job).verdict is Verdict.OK


def test_a_lesson_calling_what_it_names_fake_is_logged_not_warned() -> None:
    lesson = (
        "Bà con lưu ý: có tin nhắn giả Công an mời cập nhật cư trú qua link capnhat-bocongan.top, kèm file "
        "CuTru_2026.apk. Đây là link giả, cài vào là mất tiền, không bấm, không cài."
    )
    assert judge(lesson).verdict is Verdict.SUSPICIOUS
    # A file named as an example ("kiểu …apk") in a lesson is an example, too …
    example = (
        "Nhắc các cụ: đừng đưa máy cho người lạ cài giùm. Mấy app giả Điện lực, Thuế kiểu evn-ho-tro.apk "
        "chiếm quyền điện thoại và rút hết tiền."
    )
    assert judge(example).verdict is not Verdict.SCAM
    # … but one attached to the post is not, whatever the post says of it.
    assert judge(example, files=["evn-ho-tro.apk"]).verdict is Verdict.SCAM
    # And a post that calls nothing fake is not a lesson because it begins like one.
    scam = "Cảnh báo: điện thoại của bạn nhiễm virus, tải ngay ứng dụng diệt virus tại quetvirus-nhanh.apk"
    assert judge(scam).verdict is Verdict.SCAM


def test_telecom_look_alikes_wallet_words_and_door_to_door_inspections_are_scams() -> None:
    for post in (
        "Nạp thẻ Viettel khuyến mãi 50% hôm nay duy nhất, nạp tại napthe-viettel-km.vip",
        "Thu mua coin Pi giá cao 600k/Pi, anh chị gửi em 24 từ khóa ví để em kiểm tra số dư rồi chuyển tiền",
        "Đoàn kiểm tra PCCC thông báo: hộ nào chưa có bình chữa cháy phải mua trực tiếp với cán bộ 900k/bình, "
        "không có sẽ lập biên bản xử phạt.",
    ):
        assert judge(post).verdict is Verdict.SCAM, post
    for post in (
        "Gói cước Viettel tháng này xem trên viettel.vn hoặc app My Viettel, mua sim tại viettelstore.vn nha",
        "Nhắc nhau: không bao giờ đưa 24 từ khóa ví hay seed phrase cho ai, ai hỏi là lừa.",
        "Tôi là công an viên ấp, nhắc bà con không đứng tên mở công ty giùm người lạ, không bán tài khoản ngân hàng.",
    ):
        assert judge(post).verdict is not Verdict.SCAM, post


def test_the_banks_an_account_is_paid_at_are_data() -> None:
    data = shipped_data()
    assert data.payee_bank is not None and data.payee_bank.search("chuyen khoan agribank 1500 2050 11842")
    words = yaml.safe_load((DATA_DIR / "wording.yaml").read_text(encoding="utf-8"))["payee_banks"]
    assert "vietcombank" in words and "momo" in words


def test_lessons_that_say_not_to_click_or_call_a_message_fake_in_their_own_words() -> None:
    for post in (
        "Nhà mạng nhắn chuẩn hóa thuê bao thì làm trên app My Viettel, không bấm link lạ kiểu "
        '"viettel-capnhat.vip" nha.',
        'Đây là tin nhắn giả bà con nhận được: "Agribank: giao dịch bất thường, hủy tại agribank-huy-gd.com". '
        "Trang thật là agribank.com.vn.",
        "Công an xã thông báo: có người giả danh cán bộ gửi link dichvucong-bocongan.com/capnhat.apk. Đây là trang giả "
        "mạo, bà con tuyệt đối không truy cập.",
    ):
        assert judge(post).verdict is not Verdict.SCAM, post
    # "nếu không bấm" is how a scam threatens.
    scam = "Viettel thông báo: thuê bao sẽ bị khóa nếu không bấm link viettel-capnhat.vip để chuẩn hóa trong 24h"
    assert judge(scam).verdict is Verdict.SCAM


def test_another_account_because_the_usual_one_is_under_maintenance() -> None:
    post = (
        "Thông báo: quỹ khuyến học thôn nhận đóng góp qua tài khoản mới của thủ quỹ 0271 9988 5566 Agribank, "
        "vì tài khoản của quỹ đang bảo trì."
    )
    assert judge(post).verdict is Verdict.SCAM
    proxy = "Anh ơi em là bạn của Tuấn nè, nó nhờ em hỏi anh mượn 3 triệu, anh chuyển vào tk em luôn nha, mai nó trả."
    assert judge(proxy).verdict is not Verdict.OK


def test_a_file_name_a_resident_quotes_in_their_own_question_is_not_a_file_sent_to_the_group() -> None:
    asked = 'Cho hỏi file "CapNhat_CuTru.apk" người ta gửi qua Zalo có nên cài không mọi người?'
    assert judge(asked).verdict is not Verdict.SCAM
    # The same name offered to the group, or the file attached, is still a scam.
    assert judge("Bà con tải file CapNhat_CuTru.apk về cài để cập nhật cư trú nha").verdict is Verdict.SCAM
    assert judge(asked, files=["CapNhat_CuTru.apk"]).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    ("post", "finding"),
    [
        # (written for this test, in the shape of the eleventh pass's rounds; each rule's own finding, at a
        # rule's weight, is checked: the learned score alone would warn on some of them)
        (
            "Tuyển gấp 5 chị em 20-35 tuổi đi Malaysia phụ bếp, lương 35tr/tháng, bao vé máy bay, chỉ cần làm hộ "
            "chiếu. Liên hệ chị Thắm 0389 221 554",
            "theme_job",
        ),
        (
            "Nhận làm bằng lái xe B2, thẻ BHYT không cần thi, không cần học, nhận bằng sau 7 ngày, ib 0912 448 331",
            "theme_papers",
        ),
        (
            "Anh ơi em bị kẹt bên Myanmar, tụi nó giữ hộ chiếu đòi 80 triệu mới thả, anh chuyển giúp em vào tk "
            "bạn em nha",
            "theme_relative",
        ),
        (
            "Bác ơi bác có tiền hỗ trợ chưa lĩnh, bác ra cây ATM gần nhà rồi làm theo cháu hướng dẫn qua điện "
            "thoại là nhận",
            "theme_bank",
        ),
        (
            "Em shipper đây, có đơn 260k gửi tên anh, anh không nhớ đặt gì thì cứ chuyển khoản cho em rồi mở ra "
            "xem nha",
            "theme_delivery",
        ),
    ],
)
def test_far_away_jobs_licences_without_an_exam_ransom_atm_guidance_and_unordered_parcels(
    post: str, finding: str
) -> None:
    j = judge(post)
    assert j.verdict is Verdict.SCAM
    assert any(f.code == finding and f.weight >= 4 for f in j.findings)


def test_an_ending_named_alone_is_no_link_and_or_else_is_no_exam() -> None:
    lesson = "Website thật của tỉnh có đuôi .gov.vn, không phải -gov.com, bà con nhớ giùm."
    assert judge(lesson).verdict is Verdict.OK
    asked = "Ai muốn coi thẻ BHYT còn hạn không thì vô app VssID mục Tra cứu, không biết thì nhờ con cháu."
    assert judge(asked).verdict is Verdict.OK


@pytest.mark.parametrize(
    ("post", "finding"),
    [
        # (written for this test, in the shape of the eleventh pass's rounds; each rule's own finding, at a
        # rule's weight, is checked: the learned score alone would warn on some of them)
        (
            "Vào nhóm này nha cả nhà, cô Hằng ngày nào cũng cho tín hiệu vào lệnh vàng, tuần rồi em lời 15tr: "
            "zalo.me/g/vangvip9",
            "theme_invest",
        ),
        (
            "Ai giữ Pi thì nhập 24 từ khóa ví vào đây để đổi sang tiền mặt trước khi mở mạng: pi-doitien.net",
            "theme_invest",
        ),
        (
            "Thông báo phụ huynh: do nhà trường thay đổi tài khoản, phụ huynh chuyển tiền học thêm 900.000đ vào "
            "STK 0451 2233 8899 MB - TRAN THI HOA",
            "combo_account_excuse_pay",
        ),
        (
            "Hỗ trợ người cao tuổi 2.500.000đ dịp Tết theo chính sách mới, nhận tiền tại hotro-nguoicaotuoi.com",
            "theme_handout",
        ),
    ],
)
def test_signal_groups_wallet_words_a_changed_account_and_benefits_claimed_online(post: str, finding: str) -> None:
    j = judge(post)
    assert j.verdict is Verdict.SCAM
    assert any(f.code == finding and f.weight >= 4 for f in j.findings)


def test_a_group_invite_on_a_platform_is_not_its_official_page() -> None:
    j = judge("Tham gia nhóm Zalo của ấp để nhận thông báo: zalo.me/g/apmot2026")
    assert j.verdict is Verdict.OK
    assert "group_link" in [f.code for f in j.findings] and "official" not in [f.code for f in j.findings]
    # a benefit paid at the office is no claim online; a lesson sharing a sample scam message is logged, not warned
    notice = "Hỗ trợ hộ nghèo 500.000đ dịp Tết, bà con nhận tiền tại UBND xã sáng thứ Hai, mang theo căn cước."
    assert judge(notice).verdict is Verdict.OK
    lesson = (
        "Chia sẻ một tin nhắn lừa đảo mẫu để bà con nhận biết: "
        '"VNeID: tài khoản bị khóa, mở khóa tại vneid-mokhoa.com". Bộ Công an không gửi tin như vậy.'
    )
    assert judge(lesson).verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    ("post", "finding"),
    [
        # (written for this test, in the shape of the eleventh pass's rounds; the rule's own finding is checked, since
        # the learned score alone would warn on most of them)
        (
            "Chúc mừng số điện thoại của bạn được tặng 1 chỉ vàng nhân dịp khai trương, ck 300k phí vận chuyển để "
            "nhận tại nhà",
            "theme_prize",
        ),
        (
            "Thu mua lại tài khoản ngân hàng đã mở mà không dùng, 3tr mỗi tk, ai cần tiền ib mình ngay",
            "combo_mule_recruit",
        ),
        (
            "Em là trợ lý của chuyên gia Lâm bên chứng khoán, tuần này nhóm tặng mã cổ phiếu tăng trần, vào nhóm "
            "telegram nha anh",
            "theme_invest",
        ),
        (
            "Hoàn tiền 100% cho người đã bị lừa qua app đầu tư, đăng ký với văn phòng luật sư, phí hồ sơ 1tr, liên hệ "
            "0912 334 556",
            "combo_recovery_contact",
        ),
        (
            "Alo phụ huynh em Hùng phải không, con anh đang bị tạm giữ ở đồn vì đánh nhau, anh chuyển 10 triệu để bảo "
            "lãnh ngay",
            "theme_relative",
        ),
    ],
)
def test_gifts_for_a_fee_account_buyers_stock_tips_refunds_for_victims_a_child_held(post: str, finding: str) -> None:
    j = judge(post)
    assert j.verdict is Verdict.SCAM
    assert finding in [f.code for f in j.findings]


def test_a_lesson_against_renting_accounts_out_is_no_mule_recruiting() -> None:
    lesson = (
        "Mấy đứa sinh viên nghe nè: cho thuê tài khoản ngân hàng là tiếp tay rửa tiền, bị xử lý hình sự đó, ai rủ "
        "cũng đừng ham 1-2 triệu."
    )
    assert judge(lesson).verdict is Verdict.OK


def test_a_shipper_who_cannot_take_cash_and_accounts_opened_in_a_companys_name() -> None:
    shipper = (
        "Chị ơi đơn thu hộ 260k, máy em lỗi không thu tiền mặt được, chị chuyển khoản trước vào số em gửi rồi em "
        "giao liền nha"
    )
    mule = "Cần người mở tài khoản đứng tên công ty, mỗi lần trả 8 triệu, chỉ ký giấy và đưa CCCD, tele @moTKcty"
    for post, finding in ((shipper, "theme_delivery"), (mule, "combo_mule_recruit")):
        j = judge(post)
        assert j.verdict is Verdict.SCAM
        assert any(f.code == finding and f.weight >= 4 for f in j.findings)


@pytest.mark.parametrize(
    "text",
    [
        "Có 2 người nói là nhân viên cấp nước tới kiểm tra, nói đồng hồ hư phải thay liền 1tr2, đưa tiền mặt mới gắn."
        " Có phải lừa không mọi người?",
        "Khách gọi đặt 40 suất cơm mai giao, nhờ em mua giùm 2 thùng rượu ở đại lý quen, em ứng tiền trước rồi ảnh trả."
        " Có ai bị vậy chưa?",
    ],
)
def test_a_trick_a_resident_asks_about_is_answered_as_a_scam(text: str) -> None:
    j = judge(text)
    assert j.verdict is Verdict.SCAM and j.question and j.kind == "trick"


def test_a_telegram_or_zalo_link_does_not_make_a_bait_safer() -> None:
    # A portal's link beside a notice's words lowers them; a chat group's invite is where the bait leads.
    text = "Có việc nhẹ lương cao 25-30tr/tháng ở Campuchia, bao ăn ở, bao vé. Ai cần nhắn t.me/vieclam_cpc_vip nha"
    assert judge(text).verdict is Verdict.SCAM


def test_a_residents_story_of_a_scam_call_asked_about_gets_the_answer() -> None:
    # The question's own words ("có phải lừa không") must not talk down a story the learned score knows as a scam.
    text = (
        "a chị ơi e vừa có người gọi xưng công an phường, nói tài khoản ngân hàng của e bị tạm giữ vì liên quan vụ"
        " ma túy, bảo e chuyển hết tiền sang tài khoản tạm giữ của công an để kiểm tra xong trả lại."
        " e sợ quá có phải lừa k ạ"
    )
    j = judge(text)
    assert j.verdict is Verdict.SCAM and j.question


@pytest.mark.parametrize(
    "text",
    [
        # a second scam on victims: someone to message who "got the money back"
        "Cả xóm ơi tui mất 25 triệu vì app đầu tư, may nhờ đội này lấy lại được gần hết. Ai bị lừa thì nhắn chị Ngân"
        " 0912 345 678 nha, chỉ tốn chút phí hồ sơ",
        # a fee or a fine paid at a web address
        "Cục Quản lý lao động ngoài nước: lao động đăng ký chương trình EPS đợt bổ sung nộp phí xét tuyển 3.200.000đ"
        " tại eps-dangky-online.com trước 15/12",
        # a collection into a person's account, with a threat for those who don't pay
        "Ban an ninh xóm thông báo: mỗi hộ góp 300k lắp đèn đường, chuyển vào tài khoản anh Hưng 0389 112 455."
        " Nhà nào không đóng sẽ lập danh sách gửi lên xã.",
        # buying social-insurance books
        "Thu mua sổ BHXH giá cao, sổ 3 năm trở lên trả liền 15 triệu, không cần chờ, gọi 0977 221 334",
        "Ai có sổ bảo hiểm xã hội muốn bán lấy tiền Tết thì liên hệ em, làm nhanh gọn 0966 123 890",
        # a deposit for work abroad handed to a person
        "Bà con ơi có đơn điều dưỡng đi Đức chi phí thấp, ai đăng ký thì nộp hồ sơ và tiền cọc cho chị Mai 0986 552 310"
        " trước thứ bảy",
        # verify at a web address, or be blocked
        "Zalo thông báo: tài khoản của bạn bị báo cáo nhiều lần và sẽ bị chặn. Xác minh danh tính trong 24h tại"
        " zalo-xacminh-taikhoan.online để gỡ chặn.",
        # "để phỏng vấn" is no warning's "đề phòng"
        "Hồ sơ ứng tuyển của bạn đã được duyệt, vui lòng vào nhóm Telegram t.me/tuyendung_kho_vsip để phỏng vấn online"
        " và làm nhiệm vụ thử việc có lương",
        # a relative on a new foreign number
        "Ba ơi con đổi chỗ làm nên dùng số Nhật mới, số cũ bỏ rồi. Ba chuyển giùm con 15 triệu vô tài khoản anh tổ"
        " trưởng 1903 2211 5566 Techcombank, tháng sau con gửi về",
        # a weekly return
        "Nhóm đầu tư của anh em lao động Hàn, có chuyên gia dẫn dắt, tuần lãi 20-30%, vào nhóm Zalo kia nha",
    ],
)
def test_scams_of_the_fifteenth_pass(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # an admin's notice: "làm việc online" beside loans is a job bait named, not the police
        "Admin đã xoá mấy tài khoản lạ vào nhóm rủ vay tiền, làm việc online. Ai bị nhắn riêng thì chụp màn hình"
        " gửi admin.",
        # a warning that names paying a fine through a link
        "Tra cứu phạt nguội thì vào csgt.vn, nhập biển số. Không ai gửi tin nhắn bắt nộp phạt qua link .top hết nha.",
        # a lesson: "bị mất hết tiền" is what happened to someone else, not a relative's excuse
        "Thầy cô lưu ý không tải file .apk gửi qua Zalo. Có thầy bên trường bạn cài app lạ bị mất hết tiền rồi đó.",
        # the police post on what to do after being scammed
        "Ai bị lừa mất tiền thì báo ngay ngân hàng để phong tỏa và trình báo công an xã, đừng tin trang hứa lấy lại"
        " tiền.",
    ],
)
def test_notices_and_lessons_of_the_fifteenth_pass_are_not_warned(text: str) -> None:
    assert judge(text).verdict is not Verdict.SCAM


def test_an_install_the_post_forbids_is_no_request_to_install() -> None:
    text = (
        "Đăng nhập VNeID bằng số định danh và mật khẩu của mình, không cài app qua link Zalo nhé, vướng thì ra xã hỏi."
    )
    assert judge(text).verdict is Verdict.OK


def test_the_web_address_is_written_once_and_a_missing_one_is_named(tmp_path: Path) -> None:
    wording = (DATA_DIR / "wording.yaml").read_text(encoding="utf-8")
    assert wording.count("<web_address>") >= 3 and wording.count("(com|net|org|site") == 1
    for name in ("official.yaml", "known_bad.csv"):
        (tmp_path / name).write_text((DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "wording.yaml").write_text(wording.replace("\nweb_address:", "\nold_web_address:"), encoding="utf-8")
    with pytest.raises(ListError, match="web_address"):
        load_data(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        # a neighbour who hung up and tells the others
        "Vừa có người gọi tui xưng nhân viên nhà mạng, nói sim sắp bị khóa 2 chiều, kêu đọc mã gửi về máy. Tui tắt máy"
        " rồi. Nhắn để bà con biết, đừng đọc mã gì cho ai nha.",
        # what a task-job trick cost a neighbour
        'Ai đang làm "nhiệm vụ" thả tim, đánh giá shop mà bị bắt nạp thêm thì dừng ngay nha, cháu tui mất 30 triệu vì'
        " vụ này. Không có việc gì nhẹ lương cao vậy đâu.",
    ],
)
def test_warnings_of_the_sixteenth_pass_are_not_warned_nor_logged(text: str) -> None:
    assert judge(text).verdict is Verdict.OK


@pytest.mark.parametrize(
    "text",
    [
        # Central ways of telling a story and of saying "ignore it"
        "Kể bà con nghe: mạ tui tuần rồi nhận điện thoại xưng bên bảo hiểm, nói có quà máy đo huyết áp, chỉ đóng 99k."
        " Mạ chuyển rồi, họ gửi cái máy dỏm. Con cái ở xa thì gọi dặn ông bà với.",
        "Ai lạ hoắc nhắn có kiện quà từ nước ngoài, bắt đóng thuế 20 triệu thì khỏi nghe. Hải quan không gọi điện đòi"
        " chuyển tiền vào tài khoản cá nhân.",
        # a message going around, told of, with a look-alike link, and twice what not to do
        "Dạo ni có tin nhắn Tòa án gửi giấy triệu tập, tra cứu tại toaan-quangtri.online. Tòa án không gửi giấy triệu"
        " tập qua tin nhắn. Ai nhận được thì xóa đi, đừng bấm.",
        # where the real thing is done, and what it never is
        "Cảnh giác với người nhắn tin nhận làm VNeID mức 2 hộ lấy 150k, bắt gửi ảnh căn cước và OTP. Mức 2 chỉ làm"
        " ở công an xã và miễn phí.",
        "Thủ đoạn mới: gửi thiệp cưới dạng file cài đặt qua Zalo, mở ra là bị chiếm tài khoản. Thiệp cưới thật là ảnh,"
        " không bao giờ là file cài đặt.",
    ],
)
def test_stories_and_warnings_in_central_speech_are_no_public_warning(text: str) -> None:
    assert judge(text).verdict is not Verdict.SCAM


def test_a_look_alike_the_post_calls_a_fake_web_is_no_public_warning() -> None:
    text = (
        "Mọi người cẩn thận link vneid-diachimoi.com gửi qua tin nhắn bảo cập nhật địa chỉ sau sáp nhập, đó là web"
        " giả. Địa chỉ trên VNeID tự cập nhật."
    )
    assert judge(text).verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "text",
    [
        # the same words in the scam's own mouth still are one
        "Nhà mạng thông báo: sim của quý khách sẽ bị khóa 2 chiều trong 24h, đọc mã gửi về máy cho tổng đài viên"
        " 0356 221 908 để giữ số.",
        "Việc nhẹ lương cao tại nhà: thả tim, đánh giá shop, ngày 500k, nạp 200k kích hoạt nhiệm vụ, ib Zalo"
        " 0839 115 226",
        # a QR sticker in the street replaces the person who always collected
        "Từ tháng này tiền rác không đưa cho cô Lan nữa, bà con quét mã QR dán ở cột điện đầu xóm mà chuyển, hạn"
        " hôm nay",
        # a prize object won, only a fee to pay, passed on by a neighbour
        "Nhà em vừa trúng cái tivi của siêu thị điện máy, chỉ phải đóng 300k phí vận chuyển thôi, ai muốn thì gọi số"
        " 0792 314 806 nhé",
        # a one-off social-insurance withdrawal too quick to be real, done by a person
        "Chị này làm rút BHXH 1 lần nhanh lắm, em nghỉ có 3 tháng mà rút được rồi, sđt chị 0704 396 218 ai cần thì gọi",
        # the same bait in the other order; a desk job across the border
        "Nhà ai có con trai đang thất nghiệp thì cho qua Bavet làm, ngồi máy tính, công ty người quen em, có xe đón",
        "Tuyển gấp nhân viên lương cao việc nhẹ, không cần kinh nghiệm, nhắn Zalo 0965 332 118 để phỏng vấn",
        # a room nobody can see before the deposit; a torn winning ticket sold on; money changed at a high rate
        "Phòng trọ gần KCN Trà Nóc 900k/tháng, ai lấy thì chuyển cọc trước qua tk mình, mình gửi video phòng, tới nơi"
        " dọn vào ở liền",
        "Tui trúng vé số giải ba mà vé bị rách góc đại lý không đổi, ai mua lại tui bán rẻ 5 triệu, đem lên công ty đổi"
        " được 15 triệu",
        # paid to watch ads, passed on with a group link
        "Con gái em làm việc xem quảng cáo youtube được trả tiền, tháng rồi được 3 triệu, ai muốn làm vào nhóm"
        " t.me/kiemtien_online_vn nhá",
    ],
)
def test_scams_of_the_sixteenth_pass(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


def test_money_changed_at_a_high_rate_half_first_is_at_least_logged() -> None:
    # (the learned score reads a neighbour's offer as everyday talk: a public warning needs more than this rule)
    text = (
        "Ai cần đổi đô giá cao liên hệ tui, tui chuyển trước một nửa, bạn gửi tiền qua tk tui rồi tui chuyển phần"
        " còn lại"
    )
    j = judge(text)
    assert j.verdict is not Verdict.OK and any(f.code == "theme_trick" for f in j.findings)


def test_every_way_to_reach_or_pay_named_in_the_judge_is_a_cue_it_reads() -> None:
    # (a cue renamed in wording.yaml would otherwise silently stop exempting its posts from the learned score's doubt)
    assert judge_module._CONTACTS - {"mobile", "link"} <= set(load_data().cues)


def test_every_word_class_a_combination_names_is_a_cue_it_reads() -> None:
    # (a misspelt name in "none" would silently never keep its combination from firing)
    data = load_data()
    named = {c for combo in data.combos for c in (*combo.all, *combo.any, *combo.none)}
    assert named - set(data.cues) - {"mobile", "link"} == set()


@pytest.mark.parametrize(
    "text",
    [
        # the "police" who accuse the resident's number of fraud and demand the money, in secret
        "Day la Cong an tinh Dong Thap. So dien thoai cua ba bi dung de lua dao qua mang. Ba phai chuyen toan bo so"
        " tien vao tai khoan tam giu de xac minh. Tuyet doi khong noi voi con chau.",
        # across the border, no papers, a mobile to call
        "Tuyen 30 nguoi lam vuon chuoi ben Campuchia, luong 15 trieu, khong can ho chieu, dua ruoc tan noi, goi anh"
        " Hai 0356 118 427",
        # paid to watch clips
        "ai ranh o nha inbox minh, chi can xem clip tiktok roi chup man hinh, moi ngay ra 300 nghin, them zalo"
        " 0789 224 615",
        # a donation taken through a site nobody knows
        "Giáo xứ kêu gọi ủng hộ xây nhà tình thương cho bà con sau bão, bấm link đăng ký và ủng hộ:"
        " giaoxu-tuthien-bao.com",
        # the second scam on a victim: "we traced your money", a fee to freeze the thief's account
        "Chào cô, bên em là Cục An ninh mạng. Em nhận được đơn trình báo của cô về việc bị lừa đầu tư, em đã truy vết"
        " được số tiền, cô cần đóng phí phong tỏa tài khoản đối tượng 10% để nhận lại.",
        # verified accounts for sale
        "Bán tài khoản VNeID mức 2 đã định danh, tài khoản ngân hàng chính chủ, giá 1tr5/bộ, ai cần liên hệ Telegram"
        " @acc_sach_vn",
        # the buyer who paid and sends the seller to a link
        "Co oi con chuyen coc roi ma ngan hang bao co phai quet mat xac nhan o link nay moi nhan duoc, co bam vao"
        " giup con",
    ],
)
def test_scams_of_the_seventeenth_pass(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # an app file told of, and deleted
        "Tuần rồi có số lạ gửi vô zalo mẹ tôi cái file tên VNeID_moi.apk bảo cài để cập nhật, tôi xóa liền. Ai nhận"
        " được thì đừng mở, VNeID thật chỉ tải trên CH Play, App Store.",
        # a neighbour's story passed on for the others to beware
        "Chú Ba xóm Đông vừa kể cho cháu: chú bị gọi nói trúng thưởng cái máy giặt, chú chuyển 800 ngàn phí vận chuyển"
        " rồi mất liên lạc. Chú nhờ cháu đăng lên để các ông bà khác biết mà tránh.",
        # an agency that never takes money to a person's account; "video-call the grandchild first"
        'Ai có cháu đi làm bên Hàn nghe: tuần rồi mấy bác thôn 3 nhận tin "cháu gửi hàng về bị hải quan giữ, chuyển 4'
        ' triệu tiền thuế". Hải quan không nhận tiền qua tài khoản cá nhân. Gọi video cho cháu trước đã.',
        # what the victim learnt, told as a lesson
        "Tui kể chuyện ni để làm bài học: đặt mua nồi trên live 99k, chuyển khoản trước xong shop chặn luôn. Bà con"
        " đừng dính vào mấy live xả kho.",
        # the police's notice: the .apk file is spyware, two cases already in the ward
        "Công an phường thông báo: không có chuyện cán bộ gửi file cài đặt .apk để cập nhật định danh. File .apk là"
        " phần mềm gián điệp. Đã có 2 trường hợp trong phường bị mất tiền.",
        # the recruiters' lure, as a warning: no recruiter's number
        "Con em ai được rủ qua Campuchia làm việc, không cần hộ chiếu, đưa rước tận nơi thì tuyệt đối đừng đi, đó là"
        " bọn bán người vào khu lừa đảo.",
    ],
)
def test_warnings_of_the_seventeenth_pass_are_no_public_warning(text: str) -> None:
    assert judge(text).verdict is not Verdict.SCAM


def test_an_account_borrowed_to_receive_money_for_a_fee_is_at_least_logged() -> None:
    # (the learned score reads a neighbour's favour as everyday talk: a public warning needs its words too)
    text = (
        "chi Tu oi chi co tai khoan ngan hang hong, em nho chi nhan giup em tien hang, roi em chuyen lai chi 300k"
        " tien cong"
    )
    j = judge(text)
    assert j.verdict is not Verdict.OK and any(f.code == "combo_mule_recruit" for f in j.findings)


@pytest.mark.parametrize(
    "text",
    [
        # the teller saw through it and says how
        "Tui cũng nhận được tin Zalo nói tui dính vụ án, phải giữ bí mật không được nói người nhà. Đọc tới đó là biết"
        " lừa rồi, tui xóa luôn. Đăng lên cho ai chưa biết thì biết.",
        "Có đứa nhắn hỏi mua 50 ký cà phê của tui, rồi gửi link bắt nhập tài khoản để nhận cọc. Tui thấy lạ nên không"
        " làm, chặn luôn rồi.",
        # what the real office never does, and what to do now
        "Nhà bên kia bị kẻ gian xưng nhân viên điện lực gọi kêu cài app đổi công tơ, rồi kêu quét mặt. Điện lực thiệt"
        " không bao giờ làm vậy, bà con giữ con em mình, ai đang làm theo thì dừng lại liền.",
        # what the victim found out afterwards
        "Ông ngoại tui bán lúa xong có người gọi xưng cán bộ thuế kêu nộp thuế qua tài khoản cá nhân, ông chuyển 9"
        " triệu. Ra chi cục thuế hỏi mới biết người ta không thu kiểu đó.",
        # look-alike addresses named as examples, a dot inside them no end of the sentence
        'Mẹo nhỏ phân biệt trang thật: trang nhà nước đuôi .gov.vn, không có kiểu "dichvucong-gov.vn.net" hay'
        ' "vneid-gov.vn" đâu bà con.',
        # a newspaper's article under its headline
        "Thanh Niên: Bắt nhóm đối tượng thuê, mua bán tài khoản ngân hàng của nông dân, sinh viên với giá 1-2"
        " triệu/tháng để nhận tiền lừa đảo. https://thanhnien.vn/bat-nhom-thue-tai-khoan-185261201.htm",
    ],
)
def test_lessons_of_the_eighteenth_pass_are_no_public_warning(text: str) -> None:
    assert judge(text).verdict is not Verdict.SCAM


def test_a_news_link_does_not_cover_a_recruiters_number() -> None:
    text = (
        "Báo Dân Trí đưa tin tuyển cộng tác viên mở tài khoản ngân hàng nhận tiền hộ, trả 2 triệu/tháng"
        " https://dantri.com.vn/viec-lam/tuyen-ctv.htm. Ai muốn làm thì nhắn Zalo 0912 345 678 nhận việc liền."
    )
    assert judge(text).verdict is Verdict.SCAM


def test_a_residents_own_question_telling_wording_only_scams_use_is_warned() -> None:
    # asking for help in their own words is only logged — but not when it tells the trick's own words
    assert judge("ngân hàng bắt tui chuyển hết tiền qua tài khoản an toàn, giờ sao").verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # look-alike addresses listed as examples: one named so names the list
        "Nhắc bà con: Ngân hàng KHÔNG gửi link yêu cầu cập nhật sinh trắc học. Các đường link như"
        " agribank-sinhtrachoc.com, vcb-huygiaodich.net, bidv-smartbanking.apk.vn đều là giả. Muốn cập nhật thì làm"
        " trong ứng dụng ngân hàng.",
        "Bà con bán hàng online nhớ: người mua thật chuyển khoản thì tiền vô thẳng tài khoản mình. Ai gửi link như"
        " vietcombank-xacnhan.com hay napas247-nhantien.com rồi đòi nhập OTP là lừa đảo.",
        # a look-alike inside the message a warning tells of
        'Cảnh báo cho bạn trẻ: tin "Zalo của bạn vi phạm tiêu chuẩn cộng đồng, xác minh tại zalo-xacminh-taikhoan.com"'
        " là để lấy mật khẩu. Đổi mật khẩu thì vào thẳng ứng dụng, bật xác thực 2 lớp.",
        # found on the warning list
        "Cảm ơn em, chị vừa tra thử trang evn-hoantien.online thấy có trong danh sách cảnh báo luôn.",
        # what the crook told the teller to open, told in the third person
        "Tui kể mọi người nghe cho tỉnh: bữa thứ Ba có đứa gọi xưng công an phường. Nó biểu bấm vô link"
        " vneid-capnhat.com rồi đọc mã OTP, tui đọc rồi, mất 12 triệu trong tài khoản.",
    ],
)
def test_lessons_of_the_nineteenth_pass_are_no_public_warning(text: str) -> None:
    assert judge(text).verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # a scam that opens with "CẢNH BÁO" and names the telecoms department
        "CẢNH BÁO: Số điện thoại của bạn đang được dùng để đăng ký 3 tài khoản ngân hàng lạ liên quan vụ án lừa đảo."
        " Vui lòng gọi ngay Cục Viễn thông 0243 889 2716 để được hướng dẫn, nếu không thuê bao sẽ bị khóa sau 2 giờ.",
        # "có ai nhận được … không" asks; it is no lesson's "ai nhận được … thì đừng bấm"
        'Có ai nhận được tin ni giống tui không: "VNeID: Tai khoan dinh danh cua ban sap het han, vui long cap nhat lai'
        ' thong tin tai vneid-capnhat.com de tiep tuc su dung dich vu cong". Tui bấm vô thì nó đòi nhập mật khẩu.',
        # a resident asking whether to believe it: answered in the group
        'ba con chu y cai tin nay toi nhan dc:"Kinh gui quy khach hang Agribank, quy khach duoc nhan hoan phi tin nhan'
        ' 1.200.000d. Truy cap agribank-hoanphi.com de nhan". tk toi o agribank that nen toi hoi tin hay ko',
        # "tiêu dùng tín chấp" folds to "tieu dung tin chap": no "đừng tin" in it
        "Vay tiêu dùng tín chấp chỉ cần CCCD, không thẩm định, giải ngân trong 30 phút, hạn mức 10-300 triệu, lãi chỉ"
        " 0,8%/tháng. Hồ sơ nợ xấu vẫn hỗ trợ. Zalo 0961 448 205 gặp anh Phong.",
        # a parish's money "for now" to a personal account, the books being checked
        "Con là thư ký hội đồng mục vụ giáo xứ, cha quản xứ nhờ con nhắn riêng các gia đình có con em đi Nhật đi Đài,"
        " xin dâng cúng sửa lại mái nhà thờ bị tốc sau bão. Vì sổ sách đang kiểm tra nên cha bảo chuyển tạm vô tài"
        " khoản cá nhân của con: BIDV 51210003928471 HO DUC THANG. Cha đang tĩnh tâm nên không nghe máy được ạ.",
        # "sent by mistake": send it back to another number, the old account being locked
        "Chị ơi em chuyển nhầm vô tài khoản chị 2 triệu lúc trả tiền gạo, chị kiểm tra giúp em, chị chuyển lại vô số ni"
        " giúp em với 0364928175, chứ tài khoản cũ em khóa rồi.",
        # a niece in need, to her mother-in-law's account, who asks not to be called back
        "Dì ơi con Thảo cháu dì đây, con vừa sinh bé ở Vinh, con cần 6 triệu đóng viện. Dì chuyển giúp con vô tài"
        " khoản mẹ chồng con 0379265184, con cảm ơn dì, dì đừng gọi giờ ni con đang cho bé bú.",
        # half price, transfers only, in full before delivery
        "ai mua lúa giống, phân bón giá sỉ liên hệ em, bên em xả kho cuối vụ giá rẻ một nửa, chuyển khoản đủ thì em"
        " giao bằng xe tải trong 2 ngày, số lượng có hạn, không nhận tiền mặt.",
        # a seller's "bus company says the fee is unpaid": pay it to a mobile number
        "Chị ơi em bán cá bên Thạch Kim đây, hôm qua chị đặt 5 ký cá thu em gửi xe khách rồi, nhà xe báo phí gửi hàng"
        " lạnh chưa trả, chị chuyển 180 nghìn cho nhà xe vô số 0329418275 giúp em, cá tới nơi chị trả tiền cá sau.",
        # a front or a fund taking donations into a person's own account
        "Ủy ban MTTQ thành phố kêu gọi ủng hộ đồng bào miền Trung khắc phục lũ lụt, mọi đóng góp chuyển về tài khoản"
        " 071100043825 MB NGUYEN VAN TRUONG (thủ quỹ). Sao kê công khai sau 7 ngày.",
    ],
)
def test_scams_and_questions_of_the_nineteenth_pass_are_warned(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


def test_a_residents_question_about_an_app_file_link_is_still_warned() -> None:
    # the look-alike app link sits in the message the resident asks about: not a lesson's example
    text = (
        'thay tin nhan la,bam vao no bao cai app "Dich Vu Cong Quoc Gia.apk" ma tren ch play lai k co,con gai e bao'
        ' dung cai.ai biet ko: "Thong bao: Cap nhat thong tin dat dai sau sap nhap tinh, han chot 10/12, tai file'
        ' tai: dvc-ninhbinh.org/dvc.apk"'
    )
    assert judge(text).verdict is Verdict.SCAM


def test_a_hamlets_own_collection_read_out_at_the_cultural_house_is_no_scam() -> None:
    text = (
        "Nhà anh Tư xóm dưới bị cháy hết đồ đạc, bà con ai có lòng ủng hộ qua STK 0123 4567 89 Agribank NGUYEN THI HOA"
        " (trưởng thôn), tối nay trưởng thôn đọc danh sách ở nhà văn hóa."
    )
    assert judge(text).verdict is Verdict.OK


def test_a_funds_own_report_of_what_came_in_and_went_out_is_no_scam() -> None:
    text = (
        "Ban điều hành thôn báo cáo quỹ cứu trợ bão số 13: đã nhận 30.500.000đ (tiền mặt 12.000.000đ, chuyển khoản vô"
        " tài khoản thôn 18.500.000đ, sao kê đính kèm). Đã chi 90 phần quà gạo, mì tôm, nước mắm cho hộ bị ngập ="
        " 27.000.000đ. Còn 3.500.000đ để lại quỹ thôn."
    )
    # accounted for in the open: the learned score, which has read the scams' pleas for money, is no evidence against it
    assert shipped_data().cues["public_list"].search(fold(text))
    assert judge(text).verdict is Verdict.OK


@pytest.mark.parametrize(
    "text",
    [
        # a collection into the writer's own account, the hamlet head kept out
        "Kính thưa bà con xóm Đông, năm nay xóm làm cỗ mừng thọ chung, mỗi cụ đóng 250k. Tôi là Hạnh mới vào ban mặt"
        " trận, bà con chuyển vào tk tôi 0845 221 903 nhé, không cần đưa trưởng xóm cho mất công.",
        # an ask relayed for someone "without a phone", into the writer's new account
        "Chú Ba ơi con là Lan cháu bà Sáu, bà Sáu nằm viện không có điện thoại nên nhờ con nhắn chú cho bà mượn 4"
        " triệu đóng viện phí. Chú chuyển vào tk con mới mở 0372 118 640 Agribank giùm bà nha chú.",
        # a parish offering into the writer's account, not read out in church
        "Thưa ông trùm, con là thủ quỹ mới thay ông Hòa, xin ông nhắc bà con gửi tiền xin lễ qua tk con 0916 447 203,"
        " việc này chưa đọc trong nhà thờ nên ông cứ nhắn riêng từng nhà.",
        # the code sent to the reader's phone, to be read back
        "Dì Tư ơi con Hoa nè, con đang đăng nhập Zalo trên máy mới mà mã gửi về máy dì, dì đọc giùm con 6 số đó"
        " nha dì.",
        # "về máy má" (to mother's phone) folds like "may mà" (luckily), a lesson's word: not here
        "Má ơi con Thư nè, mã đăng nhập gửi về máy má đó, má đọc giùm con 4 số cuối nha má.",
    ],
)
def test_scams_of_the_twentieth_pass_are_warned(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # a seller's own account, nothing collected, nobody kept out
        "Bưởi da xanh nhà vườn 35k/kg, ai lấy nhắn em, nhận hàng rồi chuyển vào tk em 0903 551 274 Vietcombank cũng"
        " được.",
        # a lesson that quotes the ask for a code
        'Nhắc bà con: ai gọi nói "cô đọc giúp con mã vừa gửi về máy để nhận quà" là lừa, mã OTP không đọc cho ai hết.',
        # the hamlet's real collection, paid to the hamlet head at the meeting
        "Thông báo: quỹ khuyến học thôn năm nay mỗi hộ 100k, bà con nộp trực tiếp cho trưởng thôn ở buổi họp tối thứ"
        " Bảy.",
    ],
)
def test_ordinary_posts_of_the_twentieth_pass_are_no_public_warning(text: str) -> None:
    assert judge(text).verdict is not Verdict.SCAM


def test_a_collection_into_the_writers_account_is_a_neighbours_when_cash_in_hand_will_do() -> None:
    # the same collection; only the cash alternative (a crook cannot take cash) tells the neighbour's apart
    ask = "Tháng này gom tiền mua chung phân bón, mỗi hộ 850k, chuyển vào tk em 0912 345 678 Agribank"
    assert judge(ask + " nha.").verdict is Verdict.SCAM
    assert judge(ask + " hoặc đưa tiền mặt cũng được.").verdict is Verdict.OK
    # a wallet named before the number is still the writer's own account
    wallet = "Tụi em thiếu kinh phí làm cầu tre, mỗi người góp 50k giúp tụi em qua MoMo 0795 118 603 nha."
    assert judge(wallet).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # phone cards bought for someone, their codes sent by photo (a question's form does not talk it down)
        "Chị đang ở viện, nhờ mấy em mua giùm 4 thẻ cào Mobi 500k, cào xong chụp hình gửi chị qua đây, có được không?",
        # the writer asks for the card's secret number in his own words
        "Dạ con chào ông, con ở ngân hàng nơi ông lãnh lương hưu, tháng này tiền bị lỗi chưa về, ông cho con xin số"
        " thẻ và mã số bí mật để con kiểm tra nha.",
        # a code "sent by mistake", asked back
        "Em nhắn nhầm mã OTP về máy chị, chị gửi lại em với ạ",
        "Con bấm nhầm mã xác nhận về máy cô, cô gửi lại con với, con cảm ơn cô",
    ],
)
def test_scams_of_the_twenty_first_pass_are_warned(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # what the real office never does, said by the office
        "Phòng Lao động xã thông báo: tiền trợ cấp tháng 12 chi tại bưu điện xã theo danh sách. Không cán bộ nào gọi"
        " điện xin số tài khoản của bà con.",
    ],
)
def test_what_the_real_office_never_does_calms_its_notice(text: str) -> None:
    assert judge(text).verdict is Verdict.OK


def test_a_lesson_naming_the_card_trick_is_no_public_warning() -> None:
    text = "Nhắc bà con: có kẻ giả người quen nhờ mua thẻ cào. Đừng mua, gọi điện hỏi thẳng người đó trước."
    assert judge(text).verdict is not Verdict.SCAM


def test_checking_with_the_family_told_to_the_group_is_no_public_warning() -> None:
    story = (
        'Bà Tư xóm trên hôm qua nhận cuộc gọi nói "con bà bị giữ ở đồn, nộp 15 triệu lo thủ tục". Bà gọi thẳng cho con'
        " thì nó đang đi làm ở Đồng Nai. Các cụ nhớ cứ gọi thẳng cho con cái trước."
    )
    assert judge(story).verdict is not Verdict.SCAM
    # "gọi lại cho con" is what a crook says too
    ask = (
        "Mẹ ơi con bị tai nạn đang ở viện, mẹ chuyển gấp 20 triệu vô tk bác sĩ 0123 456 789, mẹ gọi lại cho con sau"
        " nha."
    )
    assert judge(ask).verdict is Verdict.SCAM


def test_a_collection_per_household_into_a_relatives_account_from_a_new_number_is_a_scam() -> None:
    text = (
        "Bà con xóm 2 ơi, tui Ba Lợi trưởng ban đây, máy cũ hư nên xài số mới này. Đợt này góp tiền sửa mương 200k một"
        " hộ, chuyển vô tk thằng con trai tui Lê Văn Tâm 0912 884 301 cho nhanh nha."
    )
    assert judge(text).verdict is Verdict.SCAM
    # the same collection paid at the meeting is the hamlet's
    meeting = "Tháng này xóm góp quỹ khuyến học 100k một hộ, nộp trực tiếp cho trưởng xóm ở buổi họp tối thứ Bảy."
    assert judge(meeting).verdict is Verdict.OK


def test_kin_unknown_to_the_phone_asking_into_a_third_persons_account_is_a_scam() -> None:
    text = (
        "Cô Tư ơi con Hạnh nè, con thiếu ít tiền viện, cô giúp con chuyển vô số chị y tá 0931 556 218 nha, con cảm ơn"
        " cô."
    )
    assert judge(text).verdict is Verdict.SCAM
    # kin sending money home into the reader's own account asks nothing
    home = "Mẹ ơi con Vy nè, tối con gọi video mẹ nha, tháng này con gửi tiền vô tài khoản của mẹ rồi đó."
    assert judge(home).verdict is Verdict.OK


@pytest.mark.parametrize(
    "text",
    [
        # known through someone the reader knows, then a sum: kin write their own name
        "Dì Sáu ơi con là con gái của chú Bảy Tâm bán gạo ngoài chợ nè, ba con mới mổ ruột thừa, dì cho con mượn 4"
        " triệu đóng viện phí nha dì",
        "bac oi chau la ban hoc cua thang Khoa con bac o Can Tho, Khoa bi xe dung dang nam vien, bac giup chau 6 trieu"
        " de dong tien thuoc truoc",
        "Thầy ơi thầy còn nhớ em không, em học trò cũ lớp 12A hồi 2010 đây ạ. Em đang kẹt quá, thầy cho em mượn 3"
        " triệu cuối tháng em trả thầy",
    ],
)
def test_someone_known_only_through_another_asking_a_sum_is_a_scam(text: str) -> None:
    assert judge(text).verdict is Verdict.SCAM


def test_family_asking_a_loan_in_their_own_name_is_not_a_scam() -> None:
    # the writer names himself, asks his own sister in the open and will come by: no go-between
    own = "Chị Ba ơi em Út nè, tháng này em nhập phân bón hơi kẹt, chị cho em mượn 5 triệu tới mùa em trả, chiều em ghé"
    assert judge(own).verdict is not Verdict.SCAM


def test_a_number_typed_wrong_then_the_code_asked_back_is_a_scam() -> None:
    text = (
        "Anh ơi cho em hỏi máy anh có tin nhắn 6 số nào mới tới không, em đăng ký ví mà nhập số điện thoại nhầm một số"
        " nên nó gửi qua máy anh, anh đọc giùm em với"
    )
    assert judge(text).verdict is Verdict.SCAM
    # a mother who pressed the wrong key and read nothing to anyone asks nothing of the reader
    told = "Con ơi mẹ bấm nhầm số gì đó mà máy hiện tin có mã 6 số, mẹ không có đọc cho ai hết, có sao không con"
    assert judge(told).verdict is not Verdict.SCAM


def test_borrowing_the_readers_id_card_is_a_scam_and_warning_against_it_is_not() -> None:
    ask = (
        "Chú Tám ơi con là đứa chạy xe ôm đầu chợ nè, con trúng số mà quên căn cước ở quê, chú cho con mượn hình căn"
        " cước với số tài khoản của chú để con lãnh, con chia chú một phần"
    )
    assert judge(ask).verdict is Verdict.SCAM
    lesson = "Bà con nhớ không cho ai mượn căn cước hay tài khoản ngân hàng, kể cả người quen, bị lợi dụng là mang tội."
    assert judge(lesson).verdict is Verdict.OK


def test_a_contribution_into_a_persons_own_account_is_a_scam() -> None:
    text = (
        "Kính gửi bà con giáo họ, Ban hành giáo kêu gọi đóng góp sửa nhà nguyện, xin gửi về tài khoản cá nhân của tôi"
        " cho tiện tổng hợp, Chúa trả công"
    )
    assert judge(text).verdict is Verdict.SCAM
    at_church = "Giáo họ kêu gọi đóng góp sửa nhà nguyện, bà con bỏ vào thùng tại nhà nguyện hoặc gửi Ban hành giáo."
    assert judge(at_church).verdict is Verdict.OK


@pytest.mark.parametrize(
    "text",
    [
        # a password asked beside the card number, "to do it for you"
        "Nhà nào chưa lên mức 2 thì nhắn riêng cho em số căn cước với mật khẩu VNeID, em làm giúp ở xã cho nhanh",
        # the code that will come in, to be read back to the writer
        "Cô ơi con bên xã đang làm hồ sơ nhận tiền hỗ trợ cho cô, lát điện thoại cô thấy có mã thì đọc cho con nha",
        "Em là thương lái mua lô quế của anh, anh nhận tin nhắn có mã thì chụp màn hình gửi em để em duyệt tiền hàng",
    ],
)
def test_a_password_or_the_incoming_code_asked_for_is_a_scam(text: str) -> None:
    got = judge(text)
    assert got.verdict is Verdict.SCAM
    assert "ask_otp" in {f.code for f in got.findings}  # the ask itself, not only a resemblance to known scams


@pytest.mark.parametrize(
    "text",
    [
        "Công an xã nhắc: không ai được hỏi số căn cước và mật khẩu VNeID của bà con, ai hỏi là lừa đảo",
        "Con ơi điện thoại mẹ có mã 6 số gửi về, mẹ không đọc cho ai hết, xóa đi được không con",
    ],
)
def test_warning_against_giving_a_password_or_code_is_not_a_scam(text: str) -> None:
    assert judge(text).verdict is not Verdict.SCAM


def test_asking_who_else_got_a_look_alike_message_and_saying_what_not_to_do_is_logged_not_warned() -> None:
    # Twenty-sixth pass: "Ai nhận được tin nhắn … thì xóa đi" tells of a message going around, like "dạo này có tin…".
    for lesson in (
        "Ai nhận được tin nhắn BIDV bảo xác thực khuôn mặt qua link bidv-xacthuc.online thì xóa đi nha. Em hỏi ở quầy "
        "rồi, ngân hàng không gửi link, xác thực chỉ làm trong app BIDV SmartBanking.",
        "Có ai nhận tin Mobifone bảo chuẩn hóa thuê bao kèm link mobifone-chuanhoa.site không? Nhà mạng không gửi link "
        "kiểu đó, bà con xóa đi nghe.",
    ):
        assert judge(lesson).verdict is Verdict.SUSPICIOUS, lesson
    # The scam itself, however it begins, is still one.
    scam = "Ai nhận được tin nhắn này thì vào bidv-xacthuc.online xác thực khuôn mặt ngay, quá hạn tài khoản bị khóa."
    assert judge(scam).verdict is Verdict.SCAM


def test_accident_insurance_for_sale_is_no_relative_in_hospital() -> None:
    # "bảo hiểm tai nạn" is a product; "bị tai nạn … chuyển gấp" is the relative-in-hospital story.
    for post in (
        "Nhà em bán bảo hiểm tai nạn cho người đi xe máy, 20k một năm, ai cần thì gọi em Vân 0912 345 678 nhé.",
        "Đại lý Bảo Việt ở chợ xã nhận làm bảo hiểm tai nạn thuyền viên cho chuyến biển Tết, gọi anh Lộc 0905 112 334.",
    ):
        j = judge(post)
        assert j.verdict is Verdict.OK and "theme_relative" not in {f.code for f in j.findings}, post
    story = "Em ơi chị bị tai nạn đang cấp cứu, chuyển gấp cho chị 5 triệu vào tk 0912345678 nhé"
    j = judge(story)
    assert j.verdict is Verdict.SCAM and "theme_relative" in {f.code for f in j.findings}


def test_a_receptionist_a_fee_and_a_name_written_on_a_list_are_no_paid_rite() -> None:
    # "làm lễ" is a rite paid for; "làm lễ tân" a job, "là làm, lệ phí" a fee; "ghi tên" signs a list.
    for post in (
        "Khách sạn ở Bãi Cháy tuyển 1 bạn làm lễ tân ca chiều, lương 7 triệu, gửi hồ sơ cho chị Hằng 0912 556 778.",
        "Đổi thẻ căn cước lên công an phường là làm, lệ phí khoảng 50k, chuyển khoản hay tiền mặt đều được.",
        "Lớp 7A thu quỹ lớp 200k/em, phụ huynh chuyển vào tài khoản chị Mai thủ quỹ, ghi tên con, sổ thu chi gửi nhóm.",
    ):
        j = judge(post)
        assert "theme_spiritual" not in {f.code for f in j.findings}, post
    rite = "Chùa làm lễ cầu an đầu năm, ghi tên gia đình tụng kinh 500k/người, chuyển khoản cho cô Diệu Hạnh nhé."
    assert "theme_spiritual" in {f.code for f in judge(rite).findings}
    assert judge(rite).verdict is Verdict.SCAM


def test_an_orange_is_not_cambodia() -> None:
    # "quả cam" is an orange, not Cambodia ("sang Cam", the trafficking lure). (The score retrained on rounds 2-144
    # reads "cần người, bao ăn ở, bao vé xe, không cần kinh nghiệm, gọi 09…" as a job bait, as written it is one.)
    farm = "Nhà vườn bán quả cam sành, cần người hái, bao ăn ở, bao vé xe, không cần kinh nghiệm, gọi 0912 345 678"
    assert not any(f.code.startswith("theme_") for f in judge(farm).findings)
    lure = "Tuyển người sang Cam làm cskh, bao ăn ở, bao vé xe, không cần kinh nghiệm, gọi 0912 345 678"
    assert "theme_job" in {f.code for f in judge(lure).findings}


def test_a_shop_chains_name_in_a_strange_address_imitates_it() -> None:
    # Vouchers and lucky draws "of Co.opmart" or "Điện Máy Xanh" on a site that is not theirs.
    for post in (
        "Phiếu mua hàng Co.opmart 500k miễn phí, nhập số thẻ tại coopmart-trian.com nha",
        "Bách Hóa Xanh tri ân khách hàng, nhận quà tại bachhoaxanh-quatang.online",
        "Điện Máy Xanh quay số trúng thưởng, xác nhận giải ở dienmayxanh-trungthuong.com",
    ):
        j = judge(post)
        assert j.verdict is Verdict.SCAM and "lookalike" in {f.code for f in j.findings}, post
    assert verdict("Co.opmart giảm giá cuối tuần, xem ở https://www.co-opmart.com.vn/khuyen-mai") == "ok"


def test_a_buyer_who_makes_the_seller_advance_the_trucks_costs_is_a_scam() -> None:
    post = (
        "a Tư ơi e bên nhà máy xay xát, lấy lúa nhà a 40 tấn giá 8.900/kg. Xe tải bên e chạy xuống nhưng a ứng trước"
        " phí bốc xếp + xăng xe 3tr8 giúp e, khi cân lúa e trả gộp 1 lần vô tiền lúa luôn"
    )
    assert "theme_buyer" in {f.code for f in judge(post).findings}
    assert judge(post).verdict is Verdict.SCAM
    # a team of pickers asking the farmer to pay their bus, in the open, is a job offer
    job = "Đội em 8 người nhận hái cà phê, tiền công 350k/ngày bao cơm trưa, anh chị ứng trước tiền xe chở người 200k."
    assert "theme_buyer" not in {f.code for f in judge(job).findings}


def test_a_shipper_asking_to_be_paid_first_for_a_parcel_nobody_ordered_is_a_scam() -> None:
    post = (
        "Nhờ mọi người coi giùm: shipper gọi nói có đơn hàng 480k ghi tên em, kêu em ck trước cho ảnh vì ảnh phải ứng"
        " tiền công ty, ảnh để hàng ở cổng. Em ko nhớ có đặt gì hết"
    )
    assert "theme_delivery" in {f.code for f in judge(post).findings}
    assert judge(post).verdict is Verdict.SCAM


def test_a_broken_phone_and_money_asked_from_a_borrowed_one_is_a_relatives_account_trick() -> None:
    post = "Con gái ơi má nè, máy má hư đang mượn máy người ta, con ck 7tr vô tk cô ni để má đóng viện phí, đừng gọi"
    assert "theme_relative" in {f.code for f in judge(post).findings}
    assert judge(post).verdict is Verdict.SCAM


def test_a_warning_that_quotes_an_app_files_name_and_says_not_to_install_it_is_no_public_warning() -> None:
    lesson = (
        'Công an xã báo: có kẻ gửi file "CapNhat_DinhDanh.apk" qua Zalo, cài vào là nó chiếm quyền điều khiển máy.'
        " Không cài ứng dụng nào ngoài CH Play, App Store."
    )
    assert judge(lesson).verdict is not Verdict.SCAM
    # the same file attached to the post, or a quoted file the sender tells the reader to install, is the scam
    assert judge(lesson, files=("CapNhat_DinhDanh.apk",)).verdict is Verdict.SCAM
    sent = 'Cháu gửi bác file "CapNhat_DinhDanh.apk", bác bấm cài rồi cho phép hết quyền là xong nghen.'
    assert judge(sent).verdict is Verdict.SCAM


def test_what_the_real_company_never_asks_is_a_warnings_words() -> None:
    calming = shipped_data().calming.pattern
    for said in (
        "Lazada hoàn tiền thẳng vào ví, không bao giờ bắt kết bạn Zalo.",
        "Nhà trường khẳng định không có chương trình này, phụ huynh đừng khai gì qua link lạ.",
    ):
        assert calming.search(fold(said)) is not None, said
    post = (
        'Mọi người ơi có tin "Lazada hoàn tiền 356.000đ do lỗi hệ thống, liên hệ Zalo CSKH để nhận". Lazada hoàn'
        " tiền thẳng vào ví, không bao giờ bắt kết bạn Zalo."
    )
    assert judge(post).verdict is not Verdict.SCAM
    # a crook's "chương trình này chỉ hôm nay" denies nothing
    assert calming.search(fold("Chương trình này chỉ còn hôm nay, chuyển phí nhận quà ngay")) is None


def test_an_office_that_does_not_send_links_is_no_question_whether_it_is_real() -> None:
    # "Bưu điện thật không gửi link" says what the real one does; "thật không?" asks
    told = (
        'Ai nhận tin "bưu phẩm bị giữ, đóng phí 20.000đ tại vnpost-giaohang.com" thì bỏ qua.'
        " Bưu điện thật không gửi link."
    )
    assert judge(told).question is False
    asked = 'Tin "bưu phẩm bị giữ, đóng phí 20.000đ tại vnpost-giaohang.com" thật không mọi người?'
    assert judge(asked).question is True


def test_a_refund_that_moves_the_resident_to_zalo_is_a_scam() -> None:
    post = (
        "Dạ cô ơi con bên tổng đài Shopee, đơn của cô bị trừ tiền 2 lần, cô thêm Zalo con để con hướng dẫn hoàn tiền"
        " qua app ngân hàng nha cô."
    )
    j = judge(post)
    assert "combo_private_bait" in {f.code for f in j.findings}
    assert j.verdict is Verdict.SCAM


def test_asking_the_group_who_works_at_the_commune_is_no_payment_made_at_its_office() -> None:
    # "nộp trực tiếp tại UBND xã" tells where a real fee is paid (a warning's or a notice's words); "có ai làm ở UBND
    # xã không" asks the group for someone who works there, about a call the resident got
    calming = shipped_data().calming.pattern
    assert calming.search(fold("Lệ phí nộp trực tiếp tại UBND xã, có biên lai.")) is not None
    assert calming.search(fold("Cho tui hỏi có ai làm ở UBND xã không, có người gọi xưng cán bộ địa chính")) is None


def test_keeping_the_payer_away_from_the_one_really_paid_is_a_scam() -> None:
    post = (
        "Anh ơi em giữ phòng resort cho đoàn mình rồi, anh chuyển cọc 40% vào tài khoản em tên LE VAN HAI, resort"
        " không nhận chuyển khoản, anh đừng gọi resort, họ đang bận."
    )
    assert shipped_data().cues["hush"].search(fold(post)) is not None
    assert judge(post).verdict is Verdict.SCAM


def test_a_seller_who_cannot_be_called_or_seen_and_wants_the_money_first_counts() -> None:
    post = (
        "Bán bò giống 3 con giá mềm, khách chuyển khoản trước đủ tiền mới giao, không cho khách xuống xem,"
        " chỉ nhắn tin."
    )
    assert "combo_unreachable_pay" in {f.code for f in judge(post).findings}
    market = "Bán bò giống 3 con giá mềm, bà con xuống xem tận chuồng, ưng thì trả tiền mặt, gọi 0912 345 678."
    assert "combo_unreachable_pay" not in {f.code for f in judge(market).findings}


def test_a_dashed_vn_second_level_under_another_ending_is_a_fake_vn_address() -> None:
    for post in (
        "Phụ huynh đăng ký bán trú học kỳ 2 tại mamnon-thanhson.edu-vn.com trước 17h hôm nay",
        "Tra cứu bảo hiểm tại baohiem.com-vn.net",
    ):
        assert "fake_vn" in {f.code for f in judge(post).findings}, post
    assert verdict("Trường đăng thời khóa biểu trên https://thcs-thanhson.edu.vn") == "ok"


def test_a_water_company_threatening_to_cut_the_supply_through_a_link_is_a_scam() -> None:
    post = (
        "Công ty cấp nước thông báo: hộ quý khách nợ tiền nước 2 tháng, sẽ bị ngừng cung cấp trong hôm nay. Thanh"
        " toán ngay tại capnuoc-thanhtoan.pay-vn.com"
    )
    j = judge(post)
    assert "combo_agency_threat" in {f.code for f in j.findings}
    assert j.verdict is Verdict.SCAM


def _codes(text: str) -> set[str]:
    return {f.code for f in judge(text).findings}


def test_an_officers_mobile_to_call_under_a_threat_is_a_scam_whatever_its_disclaimer() -> None:
    post = (
        "THÔNG BÁO KHẨN: Công an tỉnh rà soát các tài khoản liên quan cờ bạc online. Chủ tài khoản có tên trong danh"
        " sách vui lòng liên hệ Trung tá Phạm Văn Nam, số 0934 551 207 để được hướng dẫn, tránh bị phong tỏa. Công an"
        " không yêu cầu cung cấp mã OTP."
    )
    assert "combo_officer_threat_call" in _codes(post)
    assert verdict(post) == "scam"
    # a neighbour telling what was sent to someone else asks no one to call
    story = "Chú Ba nhận tin bưu phẩm bị giữ, người ta kêu gọi Thượng úy Lâm 0358 906 114, chú gọi thì bị dọa khởi tố."
    assert "combo_officer_threat_call" not in _codes(story)


def test_police_taking_a_statement_by_video_call_or_wanting_the_banking_app_ready_is_a_scam() -> None:
    post = (
        "Tôi là Đại úy Trần Minh, Công an phường. Số căn cước của anh bị dùng mở tài khoản. Anh gọi video với tôi để"
        " tôi lấy lời khai, anh mở sẵn ứng dụng ngân hàng trên điện thoại."
    )
    assert "combo_police_remote" in _codes(post)
    assert verdict(post) == "scam"
    lesson = "Công an không bao giờ gọi video để lấy lời khai, ai bảo mở sẵn app ngân hàng thì cúp máy."
    assert "combo_police_remote" not in _codes(lesson)
    told = "Ông Chín bị lừa 60 triệu vì tin cuộc gọi video của người mặc đồ công an, đã trình báo công an xã rồi."
    assert "combo_police_remote" not in _codes(told)


def test_scanning_a_login_code_someone_sends_is_a_scam_not_a_how_to() -> None:
    post = (
        "Zalo thông báo: có thiết bị lạ đăng nhập tài khoản của bạn. Bạn vào Cài đặt, chọn Đăng nhập bằng mã QR và"
        " quét mã em gửi dưới đây để khóa thiết bị đó."
    )
    assert "combo_qr_login_scan" in _codes(post)
    assert verdict(post) == "scam"
    calming = shipped_data().calming.pattern
    assert calming.search(fold("mở VssID, chọn Đăng nhập bằng VNeID")) is not None
    assert calming.search(fold("vào Cài đặt, chọn Đăng nhập bằng mã QR")) is None


def test_replying_with_the_digits_just_sent_is_reading_the_code_back() -> None:
    post = "Để giữ tài khoản, bạn vui lòng trả lời tin nhắn này bằng dãy 6 chữ số vừa được gửi tới điện thoại."
    assert "combo_read_me_code_ask" in _codes(post)
    assert "combo_read_me_code_ask" not in _codes("Đừng trả lời bằng dãy số vừa được gửi tới điện thoại cho ai.")


def test_a_collecting_system_not_working_yet_is_an_excuse_for_another_account() -> None:
    post = (
        "Kính gửi phụ huynh lớp 4A: do hệ thống thu tiền mới của trường chưa chạy ổn, phụ huynh chuyển khoản tiền ăn"
        " tháng 12 (850.000đ) vào tài khoản cá nhân của cô: 0071 0045 6612 Vietcombank LE THI HOA."
    )
    assert "combo_account_excuse_pay" in _codes(post)
    assert verdict(post) == "scam"


def test_everyone_told_not_to_is_a_warning_but_not_to_ask_the_commune() -> None:
    calming = shipped_data().calming.pattern
    for words in ("Mọi người đừng ai tham gia nhé", "các cụ đừng đưa máy cho người lạ", "mọi người đừng chuyển tiền"):
        assert calming.search(fold(words)) is not None, words
    for words in (
        "người dùng chuyển khoản trước",
        "số cũ đừng chuyển nữa, chuyển vô số mới này",
        "mọi người đừng hỏi xã vì suất này không công khai",
    ):
        assert calming.search(fold(words)) is None, words


def test_who_asks_gets_shown_is_no_contest() -> None:
    calming = shipped_data().calming.pattern
    assert calming.search(fold("Không ép ai, ai hỏi thì mình chỉ.")) is None
    assert calming.search(fold("Hội thi văn nghệ của xã trao giấy khen")) is not None
    assert calming.search(fold("Mã đó chỉ mình nhập, ai hỏi thì không cho.")) is not None
    post = (
        'Nhóm mình ai muốn thêm thu nhập thì vô nhóm "Đầu tư vàng cùng chuyên gia" nha, mình tham gia 2 tháng nay lời'
        " đều mỗi tuần 8-10%, rút về tài khoản liền, có hình minh chứng. Không ép ai, ai hỏi thì mình chỉ."
    )
    assert verdict(post) == "scam"


def test_a_call_or_a_message_told_to_the_group_is_talk_about_it() -> None:
    about = shipped_data().about_each
    for words in (
        'Hôm nay có người gọi cho mình bảo "chị được chọn làm cộng tác viên chốt đơn"',
        "Cho em hỏi, có bạn nhắn em là chị đang kẹt",
        "Tôi vừa nhận được tin nhắn tự xưng Cục Thuế hoàn thuế",
        'Ông nhà tôi hôm trước bị gọi bảo "số căn cước của ông liên quan đường dây rửa tiền"',
    ):
        assert any(p.search(fold(words)) for p in about), words
    assert not any(p.search(fold("Bạn nhận được tin nhắn từ ngân hàng, vui lòng đọc mã")) for p in about)


def test_a_page_called_a_scam_and_pages_that_do_not_exist_are_a_lessons_words() -> None:
    post = (
        'Mọi người ơi mình nhận được tin "Phòng CSGT thông báo xe bị phạt nguội, nộp phạt tại csgt-phatnguoi-hn.top".'
        " Tra phạt nguội thì vào csgt.vn, nộp phạt qua dichvucong.gov.vn. Trang kia là trang lừa."
    )
    assert verdict(post) != "scam"
    calming = shipped_data().calming.pattern
    assert calming.search(fold("Napas không có trang nào như vậy đâu")) is not None
    assert calming.search(fold("Chia sẻ để ai có người thân đang nói chuyện kiểu đó thì can kịp")) is not None
    assert calming.search(fold("Ai chưa nhận bấm link, chia sẻ cho bà con cùng biết")) is None
    flags = "Tổ dân phố thông báo: hộ nào đăng ký treo cờ Tết thì nhận cờ miễn phí tại nhà tổ trưởng, mỗi hộ 1 lá."
    assert verdict(flags) == "ok"


def test_a_shared_screen_beside_the_banking_app_and_a_banks_staff_on_zalo_are_scams() -> None:
    screen = (
        "Chiều nay có chị gọi xưng bên phòng lao động huyện, nói tui còn tiền hỗ trợ chưa lãnh 9 triệu, hướng"
        " dẫn vô Zalo gọi video rồi mở app ngân hàng và chia sẻ màn hình để đối chiếu. Có đúng vậy không mấy anh"
        " chị?"
    )
    assert verdict(screen) == "scam"
    lesson = (
        "Nhắc bà con: đừng cài AnyDesk hay TeamViewer theo lời người lạ, cài vào là họ thấy hết app ngân hàng của mình."
    )
    assert verdict(lesson) == "ok"
    # the notice's own disclaimer is part of the bait
    notice = (
        "Kính gửi quý khách hàng Agribank. Để phòng chống gian lận, ngân hàng xác thực lại sinh trắc học cho"
        " khách chưa cập nhật căn cước. Nhân viên hỗ trợ sẽ liên hệ qua Zalo để hướng dẫn. Agribank không yêu"
        " cầu cung cấp mật khẩu."
    )
    assert verdict(notice) == "scam"
    assert "combo_bank_staff_zalo" in _codes(notice)


def test_a_gift_from_abroad_held_by_customs_for_a_fee_is_a_scam() -> None:
    post = (
        "Thằng cháu tui quen một cô bên Hàn trên mạng, cô nói gửi quà về gồm nữ trang với tiền mặt, rồi có"
        " người xưng hải quan Nội Bài kêu đóng 15 triệu phí nhận. Nó đóng rồi đó bà con."
    )
    assert verdict(post) == "scam"


def test_paid_twice_or_ten_times_then_the_difference_asked_back_is_a_scam() -> None:
    for post in (
        "Em trả tiền 25 bao cám cho anh rồi nha. Chắc anh nhận được 2 lần rồi, em bị trừ 2 lần 9 triệu. Anh"
        " trả lại em 4 triệu rưỡi qua số 0357112908 Vietinbank tên Trần Văn Lộc nha anh.",
        "Chị ơi em là khách đặt homestay tuần sau đó, lúc cọc em lỡ chuyển 12 triệu chứ không phải 1,2 triệu."
        " Chị chuyển lại em 10,8 triệu vào Techcombank 1903552788 giúp em với, em vẫn ở như cũ.",
    ):
        assert verdict(post) == "scam", post


def test_a_gas_check_that_ends_with_a_valve_paid_at_the_door_is_a_trick() -> None:
    post = (
        "Gửi bà con tổ 3: công ty thông báo kiểm tra bình gas định kỳ miễn phí, nhân viên đến từng nhà trong tuần. Nhà"
        " nào cần thay van, dây dẫn thì thanh toán tại chỗ theo giá niêm yết 590.000đ/bộ, có phối hợp với đội PCCC."
    )
    assert "theme_trick" in _codes(post)
    assert verdict(post) != "ok"


def test_a_residents_own_code_that_has_not_come_is_no_request_for_it() -> None:
    calming = shipped_data().calming.pattern
    for words in ("đợi 5 phút rồi vẫn chưa thấy tin nhắn về", "không nhận được mã OTP về", "nhập mà báo mã hết hạn"):
        assert calming.search(fold(words)) is not None, words
    assert calming.search(fold("đọc giúp con mã 6 số, mã hết hạn sau 2 phút")) is None
    post = (
        "App ngân hàng đòi nhập mã OTP mà đợi 5 phút rồi chưa thấy tin nhắn về, có phải mạng Viettel đang lỗi không ta?"
    )
    assert verdict(post) == "ok"


def test_money_to_be_paid_for_me_to_a_seller_or_an_agent_is_a_scam() -> None:
    post = (
        "Chị ơi em ở Công an xã Tân Phú, đơn vị đặt 10 hộp bánh với 2 mâm gỏi cho buổi liên hoan chiều mai, chị báo"
        " giá nha. À bên em lấy thêm 2 thùng bia bên đại lý, chị chuyển trước giúp em 1tr9 cho đại lý, chiều em qua"
        " lấy đồ trả luôn cả tiền"
    )
    assert verdict(post) == "scam"
    assert "theme_trick" in _codes(post)


def test_a_lost_phones_new_zalo_borrowing_from_the_group_is_no_residents_question() -> None:
    post = (
        "mọi người ơi em bị rớt điện thoại, giờ xài zalo mới này. có ai cho em mượn tạm 2tr không, em đang ở bệnh"
        " viện với mẹ, nhắn riêng em gửi stk của chồng em nha, mai em trả"
    )
    assert verdict(post) == "scam"


def test_a_quoted_scam_with_has_anyone_got_one_like_this_is_answered() -> None:
    post = (
        'Tin nhắn lúc nửa đêm: "Bố ơi con đang ở quán với bạn, có đứa làm vỡ đồ, chủ quán giữ hết, phải đền 9 triệu'
        ' mới cho về, bố chuyển cho anh chủ quán số này giùm con, máy con hết pin". Có ai nhận được kiểu này chưa, con'
        " tôi đang ngủ ở nhà mà"
    )
    assert verdict(post) == "scam"


def test_a_police_warning_naming_app_files_and_what_installing_them_does_is_no_scam() -> None:
    post = (
        'CẢNH BÁO: kẻ gian gửi qua Zalo các tệp "VNeID_CapNhat.apk", "ThueDienTu.apk". Tải về là bị chiếm quyền'
        " điều khiển máy, rút sạch tiền. App thật chỉ tải trên CH Play, App Store. — Công an xã Hòa Bình"
    )
    assert verdict(post) != "scam"
    # an app file sent with the same words, no warning around it, still is one
    assert verdict('Gửi bà con tệp "VNeID_CapNhat.apk", tải về cài đặt để cập nhật định danh sau sáp nhập') == "scam"


def test_a_lesson_on_reading_an_address_names_its_look_alike_as_an_example() -> None:
    for post in (
        "Trang dịch vụ công thật là dichvucong.gov.vn, không có đuôi thêm kiểu dichvucong.gov.vn.cc đâu. Bà con nhìn"
        " kỹ địa chỉ trước khi đăng nhập.",
        "Lưu ý: VNeID chỉ có app, không có web. Trang dạng vneid-xacthuc.com, vneid-gov... đều là giả nha bà con.",
    ):
        assert verdict(post) != "scam", post
    # "Link đăng ký: …" gives the link to open; no example
    post = "Nhóm đầu tư vàng lãi 3%/ngày, nạp từ 2 triệu. Link đăng ký: vangfx-vn.com/ref=12 để nhận thưởng 500k"
    assert verdict(post) == "scam"


def test_money_sent_by_mistake_asked_back_to_another_account_is_a_scam_whatever_it_says_of_the_old_one() -> None:
    post = (
        "Ba con oi, em chuyen nham 1tr8 vao tk ai do duoi so 4521 luc trua. Ai nhan duoc thi chuyen giup em vao tk"
        " 0358 220 147 Agribank Tran Thi Mai nhe, em cam on. Luu y dung chuyen ve so cu vi em da khoa"
    )
    assert verdict(post) == "scam"


def test_a_warning_that_calls_the_file_malware_and_tells_what_installing_it_does_is_no_scam() -> None:
    post = (
        'CẢNH BÁO: có tài khoản lạ gửi vào nhóm tệp "BaoHiem_HoanTien.apk" nói cài để nhận tiền hoàn. Đây là mã độc,'
        " cài vào sẽ bị chiếm quyền điện thoại. App thật chỉ tải trên CH Play, App Store."
    )
    assert verdict(post) != "scam"


def test_a_draw_that_says_whoever_is_asked_for_a_fee_got_a_fake_is_no_scam() -> None:
    post = (
        "Hội chợ xuân xã đã bốc thăm xong, giải nhất chiếc xe đạp đã trao tận tay. Ban tổ chức không nhắn tin cho ai,"
        " ai nhận tin nhắn báo trúng giải bắt đóng phí nhận quà là giả nha bà con."
    )
    assert verdict(post) == "ok"


def test_money_received_through_an_account_is_no_gift_to_collect() -> None:
    # folded, "nhận qua tài khoản" (received through the account) reads as "nhận quà" (collect a gift)
    post = "Năm nay tiền thưởng Tết của xã phát cho người có công, mấy cụ nhận qua tài khoản cho nhanh nha"
    assert verdict(post) != "scam"
    assert "theme_prize" not in _codes(post)
    assert verdict("Chúc mừng quý khách được nhận quà qua tài khoản, bấm link xác nhận tại vcb-qua.top") == "scam"


def test_a_price_per_kilogram_is_no_shortcut_offer() -> None:
    # "160k/kg làm sẵn" once folded to "160k không làm sẵn", read as "without doing it yourself"
    post = (
        "Gà đồi thả vườn Yên Lập nuôi 6 tháng, 160k/kg làm sẵn, đặt trước 2 ngày để em bắt, Tết thì đặt sớm giúp em"
        " nhé số lượng có hạn. Chuyển khoản 1903 6655 7788 Techcombank PHAM VAN LOC sau khi nhận hàng."
    )
    # (still logged: folded, "có hạn. Chuyển khoản" reads as "cô … chuyển khoản", someone asked to pay)
    assert verdict(post) != "scam"


def test_an_inauguration_with_a_contribution_per_household_is_no_paid_rite() -> None:
    post = (
        "Thôn mình sắp làm lễ khánh thành nhà văn hóa mới vào 28/12, mỗi hộ góp 100k liên hoan, ai muốn đóng góp"
        " thêm ghi sổ công đức ở ban quản lý thôn."
    )
    assert verdict(post) == "ok"
    assert verdict("Thầy làm lễ giải hạn cho cả nhà, gửi trước 2tr vào số tài khoản của thầy để sắm lễ") == "scam"


def test_a_lesson_headed_as_a_sample_scam_is_no_public_warning() -> None:
    lesson = (
        'Mẫu tin lừa mới nè bà con coi để biết mà tránh: "Tài khoản VNeID của bạn chưa đồng bộ sau sáp nhập, bấm'
        ' vneid-dongbo.com". Trang thật của VNeID chỉ là ứng dụng trên CH Play, App Store, không có web nào như vậy.'
    )
    assert verdict(lesson) != "scam"
    quiz = (
        'Hôm ni tổ CNSCĐ bày ra một trò chơi nhỏ: bà con đoán tin mô thật tin mô lừa. Tin 1: "VNeID: cap nhat dia chi'
        ' sau sap nhap tai vneid-xa.com" — đáp án: LỪA, vì đường link không phải .gov.vn và VNeID không gửi link.'
    )
    assert verdict(quiz) != "scam"
    # an app's bait that "helps recognise scam calls" is no lesson
    bait = (
        '‼️ Bộ Công an phát hành ứng dụng "Chống Lừa Đảo" giúp nhận diện cuộc gọi lừa đảo và tự động chặn. Các bác'
        ' cài ngay cho bố mẹ: tai-app-chongluadao.com/ChongLuaDao.apk. Khi cài nhớ bấm "Cho phép" tất cả.'
    )
    assert verdict(bait) == "scam"


def test_a_resident_who_reported_the_invitation_quoted_is_not_warned_against() -> None:
    post = (
        'Vừa có người trong nhóm nhắn riêng cho em mời "làm nhiệm vụ thả tim nhận tiền", em report luôn rồi. Admin'
        " xem lại ai vừa vào nhóm mà toàn đi nhắn tin riêng thì mời ra giúp với."
    )
    assert verdict(post) != "scam"


def test_wedding_gifts_to_the_grooms_account_are_no_new_payee() -> None:
    post = (
        "Chúc mừng 2 bạn Minh và Trang tổ 6 về chung một nhà 💕 tiệc cưới ngày 27/12, nhà trai nhận mừng cưới chuyển"
        " khoản qua số tài khoản chú rể 1017 8822 4455 VPBank NGUYEN DUC MINH"
    )
    assert verdict(post) == "ok"


def test_an_app_file_told_as_what_a_fake_message_forces_on_its_readers_is_an_example() -> None:
    post = (
        "Bà con cẩn thận: mấy hôm nay có tin nhắn mạo danh Chi cục Thủy sản bắt tải file vms_update.apk. Phần mềm VMS"
        " do nhà cung cấp thiết bị cập nhật, không ai gửi file apk qua tin nhắn. Tuyệt đối không cài file đuôi .apk"
        " từ tin nhắn, mất hết tiền trong tài khoản đấy."
    )
    assert verdict(post) != "scam"
    # the sender's own demand is no story told
    assert (
        verdict(
            "Tin nhắn từ Chi cục Thủy sản: yêu cầu chủ tàu tải file vms_update.apk để cập nhật, không cài sẽ bị phạt"
        )
        == "scam"
    )


def test_a_notice_that_says_there_is_no_fee_asks_for_none() -> None:
    post = (
        "Nhờ các bạn trẻ về nhà nhắc bố mẹ: Ngân hàng Chính sách xã hội chỉ cho vay qua tổ tiết kiệm và vay vốn ở"
        " thôn, có tổ trưởng và cán bộ hội đoàn thể. Không có vay online, không có phí hồ sơ."
    )
    assert verdict(post) == "ok"
    assert (
        verdict(
            "Vay nhanh 50 triệu không thế chấp, chỉ cần đóng phí hồ sơ 500k trước khi giải ngân, nhắn Zalo 0987 123 456"
        )
        == "scam"
    )


def test_a_buyer_who_asks_for_the_cards_cvv_is_a_scam() -> None:
    post = (
        "Cho tôi hỏi chị chủ bán mắm nêm, mình lấy 50 hũ làm quà tất niên cơ quan, thanh toán bằng chuyển khoản công"
        " ty. Kế toán bên mình cần chị cung cấp ảnh chụp thẻ ngân hàng 2 mặt và mã CVV để tạo lệnh chuyển nghe chị."
    )
    assert verdict(post) == "scam"
    assert verdict("Tổ CNS nhắc: không bao giờ cung cấp mã CVV sau thẻ cho ai, kể cả người xưng ngân hàng.") != "scam"


def test_a_lesson_calling_a_file_malware_or_quizzing_the_signs_names_examples() -> None:
    notice = (
        "Ban Quản lý KCN tỉnh thông báo: người lao động đăng ký bảo hiểm thất nghiệp tại Trung tâm Dịch vụ việc làm."
        ' KHÔNG có ứng dụng "BHTN_Update.apk" nào. File này là mã độc, anh chị em công nhân tuyệt đối không cài.'
    )
    quiz = (
        'Bài tập nhỏ cho các cụ: đọc tin sau và cho biết đâu là dấu hiệu lừa: "Quý khách nhận được quà tặng 5.000.000đ,'
        ' vui lòng cung cấp số thẻ và mã CVV phía sau để nhận". Đáp án: hỏi mã CVV và hứa quà bất ngờ.'
    )
    assert verdict(notice) != "scam"
    assert verdict(quiz) != "scam"
    # the file sent to be installed, and the bank's "signs of fraud on your account", stay scams
    assert verdict("Anh chị công nhân cài file BHTN_Update.apk để nhận bảo hiểm thất nghiệp trong ngày nhé") == "scam"
    assert (
        verdict(
            "Vietcombank: tài khoản của quý khách có dấu hiệu lừa đảo, bị tạm khóa. Xác minh ngay tại vcb-xacminh.top"
        )
        == "scam"
    )


def test_a_provinces_newspaper_article_shared_is_news() -> None:
    shared = (
        "Chuyển tiếp bài báo Bình Phước: Tỉnh hỗ trợ nông dân chuyển đổi giống điều năng suất cao"
        " https://baobinhphuoc.com.vn/news/4/169221/ho-tro-chuyen-doi-giong-dieu"
    )
    assert verdict(shared) != "scam"
    # a look-alike of the paper is no paper
    assert verdict("Nhận hỗ trợ 2 triệu cho nông dân trồng điều, đăng nhập tại baobinhphuoc-hotro.top/nhan") == "scam"


def test_grafting_a_bud_and_shipping_by_post_are_farm_and_shop_talk() -> None:
    assert (
        verdict(
            "Ghép mắt bưởi thì làm mùa xuân hoặc thu, chọn mắt ở cành bánh tẻ trên cây mẹ sai quả, buộc dây nilon"
            " chặt, sau 20 ngày mở dây."
        )
        == "ok"
    )
    assert (
        verdict(
            "Khô cá đuối nướng đóng túi 200g 65k. Ship Đồng Hới 15k, toàn quốc theo giá bưu điện. Stk Vietcombank"
            " 0451 0001 9938 Ngo Thi Hoa"
        )
        == "ok"
    )
    assert verdict("Anh điền số tài khoản và mã OTP vào đây để nhận tiền hoàn: hoantien-vcb.top") == "scam"


def test_a_relative_on_a_new_number_asking_a_loan_or_funeral_money_into_an_uncles_account_is_a_scam() -> None:
    loan = (
        "Bác Thào ơi, cháu là Mai cháu bác Vàng ở Lùng Phình đây ạ. Cháu mới lấy chồng dưới xuôi nên đổi số. Cháu đang"
        " cần ít tiền mua sữa cho con, bác cho cháu vay 1 triệu rưỡi được không ạ, cháu gửi số tài khoản của chồng"
        " cháu: 0591 0006 2781 Vietcombank Phạm Đức Long. Tết cháu về cháu trả bác ạ."
    )
    funeral = (
        "dạ con là cháu bác Sình ở Quảng Uyên đây ạ, ông nội con vừa mất, gia đình muốn báo bác. Hiện đang thiếu tiền"
        " làm đám, bác giúp được bao nhiêu thì chuyển vào tài khoản chú con nhé, số tài khoản dưới đây ạ."
    )
    assert verdict(loan) == "scam"
    assert verdict(funeral) == "scam"
    # the hamlet's own notice of a death, and a lender's offer named by the social-policy bank, are no such plea
    assert (
        verdict(
            "Cụ Nông Văn Sình thôn Nà Pò từ trần hồi 5 giờ sáng nay, hưởng thọ 88 tuổi. Lễ viếng từ 14 giờ tại nhà"
            " riêng. Bà con ai giúp được bao nhiêu thì gửi trực tiếp tang gia, ban tang lễ ghi sổ."
        )
        != "scam"
    )
    assert verdict("Ngân hàng Chính sách xã hội cho vay 50 triệu làm chuồng trại, hồ sơ qua tổ vay vốn thôn.") != "scam"


def test_a_mobile_number_spelled_out_in_words_is_a_number() -> None:
    from bot.safety.fold import fold
    from bot.safety.urls import find_spelled_phones

    assert find_spelled_phones(fold("kết bạn zalo số không chín tám hai bốn bảy sáu năm một tám nhé")) == ["0982476518"]
    # counted things and a year are no number
    assert find_spelled_phones(fold("không ba hai một, ba người về trước, hai người ở lại")) == []
    post = (
        "cong an phuong thong bao ong nong van thu co don to cao lien quan dat dai de nghi ong ket ban zalo so khong"
        " tam tam hai bon bay sau nam mot tam ba de lam viec truc tuyen tranh phai len tru so mat thoi gian"
    )
    assert verdict(post) == "scam"


def test_the_sims_serial_texted_to_a_short_number_is_a_sim_swap_and_the_warning_is_not() -> None:
    scam = "Dạ em là nhân viên nhà mạng, chị soạn SIM dấu cách 20 số in sau phôi sim gửi 999 để giữ số nha chị"
    warning = (
        "Công an xã cảnh báo: ai bảo soạn SIM kèm số in trên phôi sim gửi tổng đài là lừa đảo chiếm sim, bà con không"
        " làm theo"
    )
    assert verdict(scam) == "scam"
    assert any("phôi SIM" in r for r in reasons(judge(scam), default_texts()))
    assert verdict(warning) == "ok"


def test_a_big_order_with_goods_to_buy_from_the_buyers_supplier_is_a_scam() -> None:
    post = (
        "Anh ơi em bên nhà hàng tiệc cưới ở Bình Thủy, cần đặt 40 con vịt xiêm cho tiệc chủ nhật, anh báo giá em cọc."
        " Anh mua giùm em thêm 3 thùng rượu bên nhà cung cấp quen của nhà hàng, số chị Thu 0903 222 111, em thanh toán"
        " một lần"
    )
    assert verdict(post) == "scam"


def test_a_found_wallet_kept_for_a_fee_is_flagged_and_an_owners_reward_is_not() -> None:
    finder = (
        "Ai rớt cái bóp ở chợ sáng nay, trong có căn cước tên Lò Văn Sáu, mình gửi bảo vệ chợ rồi, gọi 0813 000 222 xác"
        " minh và chuyển phí lưu giữ 100k nhé"
    )
    assert "theme_trick" in _codes(finder)
    assert verdict(finder) != "ok"
    assert verdict("Ai lượm được cái ví da đen của tui rớt ở chợ thì gọi 0912 000 111, tui gửi tiền cảm ơn") == "ok"


def test_a_seller_made_to_pay_for_pinned_posts_or_the_buyers_truck_is_scammed() -> None:
    pinned = "Chị ơi em có nhóm mua bán 40 ngàn người ở Long Xuyên, chị ck 400k em ghim bài chị 10 ngày, bảo đảm ra đơn"
    truck = (
        "Shop ơi cho em 15 thùng xoài gửi ra Hà Nội, chành xe em quen, shop chuyển phí xe 300k cho nhà xe trước dùm em,"
        " số tài xế 0776 000 111, hàng tới em trả đủ"
    )
    assert verdict(pinned) == "scam"
    assert verdict(truck) == "scam"


def test_the_city_polices_newspaper_is_news_and_its_look_alike_is_not() -> None:
    post = "Báo Công an TP.HCM cảnh báo chiêu giả người mua gửi link nhận tiền cọc, đọc thêm: https://congan.com.vn"
    assert verdict(post) == "ok"
    assert verdict("Vào congan-com.vn.top/xacminh để xác minh tài khoản ngay hôm nay") == "scam"


def test_a_benefit_said_to_be_missed_that_asks_for_the_account_is_a_scam_and_the_offices_notice_is_not() -> None:
    scam = (
        "Cô ơi, nhà trường rà soát thấy học bổng của em Lan bị sót tên, cô nhắn giúp em số tài khoản của phụ huynh"
        " để bổ sung đợt này"
    )
    notice = (
        "Thông báo: danh sách hỗ trợ hộ nghèo còn sót tên hộ nào thì lên UBND xã bổ sung, mang theo căn cước,"
        " không nhận qua điện thoại"
    )
    assert verdict(scam) == "scam"
    assert verdict(notice) == "ok"


def test_money_moved_to_a_safe_account_is_a_scam_even_dressed_as_a_warning_and_the_warning_is_not() -> None:
    scam = (
        "Công an huyện nhắc: không bấm link lạ. Để giữ tiền khỏi kẻ gian, bà con nên chuyển hết tiền tạm vào tài khoản"
        " an toàn do cán bộ chỉ định, rà soát xong trả lại, cần gì gọi anh Tùng 0977 000 321"
    )
    warning = "Công an không bao giờ bảo bà con chuyển tiền vào tài khoản an toàn, ai nói vậy là lừa đảo"
    assert verdict(scam) == "scam"
    assert any("tài khoản an toàn" in r for r in reasons(judge(scam), default_texts()))
    assert verdict(warning) == "ok"


def test_an_offices_hotline_said_moved_to_a_mobile_is_a_scam() -> None:
    moved = "Thông báo: tổng đài nước sạch 1900 1234 đã đổi, bà con có việc gọi số 0866 000 444 gặp chị Mai"
    assert verdict(moved) == "scam"
    assert verdict("Tổng đài điện lực vẫn là 1900 6769, bà con gọi số này khi mất điện") == "ok"


def test_a_qr_code_scanned_to_receive_money_is_a_scam_and_a_sellers_own_code_is_not() -> None:
    scam = (
        "Dạ anh, 30 ký mực khô em nhận rồi. Em gửi anh mã QR nhận tiền nè, anh quét bằng app ngân hàng là tiền về"
        " liền. Nhớ nhập đúng 6.200.000 cho khớp nha anh."
    )
    seller = "Khách lấy mắm thì quét mã QR của shop để thanh toán, chuyển xong nhắn em giao liền"
    assert verdict(scam) == "scam"
    assert verdict(seller) == "ok"


def test_an_office_denying_the_offer_going_around_and_a_told_trick_with_a_file_are_not_warned() -> None:
    denial = (
        "Trung tâm y tế huyện thông báo: không có chương trình tặng máy đo đường huyết miễn phí chỉ trả phí ship 120k,"
        " bà con lưu ý đừng đặt hàng"
    )
    lesson = "Tụi nó bày trò gửi file Giaymoi.apk qua Zalo đó bà con, bấm cài là mất tiền, giấy mời thật là giấy"
    assert verdict(denial) == "ok"
    assert verdict(lesson) != "scam"


def test_a_warning_that_offers_a_helper_to_read_the_code_to_is_a_scam() -> None:
    post = (
        "Công an đã nhắc nhiều lần: không bấm link lạ. Cho chắc ăn, ai nhận tiền bán lúa qua mạng thì nhắn mã OTP cho"
        " anh Lực bên ngân hàng kiểm tra giùm, số anh 0974 000 285"
    )
    lesson = "Không ai được bảo bà con đọc mã cho họ. Ai gọi hỏi mã thì cúp máy, cần gì gọi tổ công nghệ 0912 000 111"
    assert verdict(post) == "scam"
    assert verdict(lesson) != "scam"


def test_a_loan_on_the_citizen_card_alone_approved_in_minutes_is_flagged_and_watch_your_phone_is_no_lesson() -> None:
    post = (
        "Tết tới bà con nào cần tiền mà ngại ra ngân hàng thì nhắn em, vay 20-70tr chỉ cần CCCD, duyệt trong 30 phút."
        " Em gọi lại tư vấn, bà con để ý máy nhé. Em Thư 0397 000 136"
    )
    assert verdict(post) != "ok"


def test_the_code_asked_for_after_a_hacked_accounts_warning_is_still_asked_for() -> None:
    post = (
        "Chú ơi Zalo con bị hack, ai nhắn mượn tiền thì chú đừng chuyển nha. Tiện chú cho con xin mã gồm 6 số Zalo vừa"
        " gửi về máy chú để con báo cáo nick giả"
    )
    assert verdict(post) == "scam"


def test_a_marketplace_staff_asking_the_verification_code_and_a_group_admins_fee_are_scams() -> None:
    staff = (
        "dạ chị ơi em là nhân viên chăm sóc người bán của Lazada, em thấy shop chị đủ điều kiện vào chương trình"
        " Freeship miễn phí. Chị cho em xin mã xác minh vừa gửi về điện thoại để em kích hoạt liền cho chị nha"
    )
    admin = (
        "Em là admin nhóm Rao Vặt Sông Cầu. Nhóm đang xét duyệt thành viên uy tín để gắn tích xanh, bài đăng sẽ được"
        " ghim đầu nhóm. Phí xét duyệt 150k, ck vào 0368 000 211 Momo rồi gửi bill cho em nha"
    )
    assert verdict(staff) == "scam"
    # caught by its wording, not only by the learned score's reading of it
    assert "combo_group_admin_fee" in {f.code for f in judge(admin).findings}
    assert verdict(admin) == "scam"


def test_an_app_installed_from_a_link_or_a_sign_in_with_facebook_is_a_scam_whatever_warning_wraps_it() -> None:
    app = (
        'Mọi người cẩn thận lừa đảo nha, công an khuyên cài app "Khiên Chống Lừa" tại bit.ly/khien-chong-lua để chặn'
        " số lạ"
    )
    login = "Cảnh báo rét đậm! Hộ nào cần nhận chăn bông thì đăng ký tại link hotro-retdam.info bằng tài khoản Facebook"
    notice = (
        "Điện lực không yêu cầu cài ứng dụng qua link lạ. Ứng dụng chính thức EVNSPC CSKH chỉ tải trên CH Play và App"
        " Store."
    )
    assert verdict(app) == "scam"
    assert verdict(login) == "scam"
    assert verdict(notice) != "scam"


def test_a_safe_account_offered_as_a_service_and_an_offices_remote_help_are_scams() -> None:
    safe = (
        "Ngân hàng nhắc: không đưa OTP cho ai. Ai lo tài khoản bị lộ thì gọi ngay số hỗ trợ 0867 000 512 để được nhân"
        " viên khóa tạm và chuyển tiền sang tài khoản an toàn"
    )
    remote = (
        "Chi cục Thuế thông báo: hộ kinh doanh chưa dùng hóa đơn điện tử sẽ bị phạt. Cán bộ thuế sẽ gọi điện hỗ trợ cài"
        " đặt từ xa, bà con nghe máy và làm theo"
    )
    lesson = "Công an không bao giờ bắt bà con chuyển tiền vào tài khoản an toàn, ai bảo vậy là lừa"
    assert verdict(safe) == "scam"
    assert verdict(remote) == "scam"
    assert verdict(lesson) != "scam"


def test_an_officer_on_a_mobile_who_will_send_the_link_or_install_the_app_is_a_scam() -> None:
    post = (
        "Công an xã Hòa Bình thông báo: nhiều đối tượng giả danh công an gọi điện. Để bảo vệ tài khoản, bà con gọi trực"
        " tiếp đồng chí Hưng 0867 000 395 để được hướng dẫn cài ứng dụng bảo mật. Tuyệt đối không làm theo người lạ."
    )
    notice = (
        "Công an xã thông báo: cần hỗ trợ cài VNeID thì gọi đồng chí Nam 0987 000 321 để hẹn lịch, cán bộ làm trực tiếp"
        " tại trụ sở."
    )
    assert verdict(post) == "scam"
    assert verdict(notice) != "scam"


def test_kin_typed_by_another_a_strangers_accident_news_and_the_code_sent_back_are_scams() -> None:
    relayed = (
        "Cháu ơi bà đây, bà nhờ thằng Tư nhắn hộ. Bà phải đóng tiền thuốc ở trạm xá mà không đủ, cháu chuyển cho bà"
        " 500k vào số thằng Tư nhé, số nó là 0385 000 610"
    )
    fall = (
        "Anh ơi em ở ngoài chợ thấy ông cụ nhà mình bị té xe, em đưa ông vào trạm y tế rồi, anh chuyển em 400k em trả"
        " tiền thuốc nha"
    )
    code = "Cô ơi con mới mở shop cần người xác minh, cô cho con mượn số điện thoại rồi gửi con cái mã nó nhắn về nha"
    assert "combo_relayed_kin_pay" in {f.code for f in judge(relayed).findings}
    assert verdict(relayed) == "scam"
    assert verdict(fall) == "scam"
    assert verdict(code) == "scam"
    # a grandmother's errand typed by her grandchild, with nothing to pay, stays ordinary
    assert verdict("Bà đây, bà nhờ con Lan nhắn hộ: mai ai ra chợ mua giùm bà bó lá dong nha") == "ok"


def test_a_threat_to_call_the_police_is_no_calming_advice() -> None:
    post = (
        "bạn ơi cho mình hỏi, mình lỡ chuyển nhầm 1.800.000đ vào tài khoản của bạn, bạn kiểm tra giúp mình rồi chuyển"
        " lại vào số tk 8801 0000 56 BIDV giúp mình nhé, cảm ơn nhiều 🙏 nếu không mình phải báo công an"
    )
    assert verdict(post) == "scam"


def test_the_old_number_to_delete_is_no_calming_advice() -> None:
    plea = (
        "Mẹ ơi con đổi số mới rồi nhé, số cũ mẹ xóa đi. Con đang cần 4 triệu đóng học phí gấp, mẹ chuyển giúp con vào"
        " tk bạn con cùng phòng, tối con gọi giải thích"
    )
    assert verdict(plea) == "scam"
    # a son's new number with nothing to pay stays ordinary; the team's "xóa đi" still calms
    assert verdict("Mẹ ơi con đổi số mới rồi nhé, số cũ mẹ xóa đi, có gì mẹ gọi số này") == "ok"
    assert "calming" in {f.code for f in judge("Tin nhắn trúng thưởng đó giả đó bà con, ai nhận thì xóa đi").findings}


def test_a_childs_plea_that_ends_dont_worry_and_a_land_fixer_paid_up_front_are_scams() -> None:
    plea = (
        "Mẹ ơi con Tuấn nè, con đang ở tàu anh Sáu. Máy con hư con mượn máy anh thuyền trưởng. Mẹ chuyển cho con 3"
        " triệu vô số của ảnh để con mua thuốc. Số ảnh nè mẹ 0398 761 224 Agribank DANG VAN SAU. Mẹ đừng lo nghe mẹ."
    )
    fixer = (
        "Bên em nhận làm sổ đỏ cho đất chưa có giấy, đất lấn chiếm lâu năm vẫn làm được, có người quen ở văn phòng đăng"
        " ký đất đai. Chi phí ứng trước 30%. Liên hệ anh Toàn 0824 511 639."
    )
    assert verdict(plea) == "scam"
    assert verdict(fixer) == "scam"
    # the commune's "đừng lo" to everyone still calms
    calm = (
        "Các ông các bà đừng lo nha, chương trình trợ cấp hưu trí xã hội cho người từ 75 tuổi trở lên là có thật, nhưng"
        " làm hồ sơ ở UBND xã, tiền chi qua bưu điện hoặc tài khoản chính chủ. Không ai gửi link cài app để nhận."
    )
    assert verdict(calm) == "ok"


def test_kin_on_a_new_number_and_a_buyer_who_typed_the_wrong_sum_are_scams() -> None:
    kin = "Cháu ơi bác đây, số này của bác mới, cháu chuyển tạm bác 10 triệu để bác trả tiền gạch, tuần sau bác trả."
    wrong_sum = (
        "Cô ơi con đặt 20 con vịt xiêm bên cô nè. Con chuyển khoản 3tr6 rồi, mà con bấm nhầm 36tr 😭 cô chuyển lại con"
        " 32tr4 giùm nha cô, con gửi bill cô coi nè"
    )
    assert verdict(kin) == "scam"
    assert verdict(wrong_sum) == "scam"
    assert verdict("Cháu ơi bác đây, số này của bác mới, cháu lưu lại nha, Tết bác về") == "ok"


def test_look_alikes_glued_to_a_province_or_misspelt_by_a_letter_are_scams() -> None:
    # (the addresses alone, with no wording to weigh)
    assert verdict("vô đây coi nè evncamau-thanhtoan.com") == "scam"
    assert verdict("vô đây coi nè canhbao-bocongn.com") == "scam"
    assert verdict("Điện lực Cà Mau: quý khách được hoàn 312.000đ, nhấn vào đường link bên dưới để nhận lại.") == "scam"
    assert verdict("Tiền điện tháng này xem trên evnhanoi.vn nha bà con") == "ok"  # the real branch


def test_trading_groups_fraction_prices_switchboards_and_votes_that_take_a_login() -> None:
    stock = "ai muon dau tu co phieu theo tin noi bo thi vao nhom, lai x3 tai khoan trong 1 thang zalo.me/g/ckvip"
    cheap = "Thuốc trừ sâu chính hãng giá chỉ bằng 50% giá đại lý, đặt hàng chuyển khoản 100%, giao tận vườn."
    switchboard = "Bưu điện báo có thư của tòa án gửi bác, bác gọi số tổng đài 0587 223 419 nhấn phím 9 để nghe."
    vote = "Cô chú bình chọn giúp cháu thi vẽ với ạ, đăng nhập bằng Facebook là được: binhchon-vetranh.com"
    for scam in (stock, cheap, switchboard, vote):
        assert verdict(scam) == "scam", scam
    warning = "Mấy cái link bình chọn bắt đăng nhập Facebook là lừa lấy nick đó, đừng làm nha bà con"
    assert verdict(warning) != "scam"


def test_a_police_record_made_online_and_a_new_number_that_opens_an_ask_are_scams() -> None:
    police = (
        "Chào chị, tôi là đại úy Nguyễn Văn Tâm, phòng cảnh sát kinh tế. Số của chị bị dùng để lừa đảo, chị bật camera"
        " gọi video cho tôi để lập biên bản online, tuyệt đối không cúp máy."
    )
    kin = "chi Lan oi e Huong day, e doi sdt r nha, luu so moi nay. Chieu nay e nho chi 1 viec, chi co tk agribank k"
    assert verdict(police) == "scam"
    assert verdict(kin) == "scam"


def test_a_residents_plea_for_help_a_debt_asked_back_and_warnings_that_name_fakes_are_not_warned() -> None:
    help_me = "Có chú nào chỉ giúp tôi xem số dư tài khoản trên điện thoại với, con cài mà tôi không biết xem."
    debt = "Tuấn ơi tháng trước mày mượn tao 3tr hẹn cuối tháng trả, chuyển vô số Agribank cũ của tao nhé."
    lesson = "Trang thật là dichvucong.gov.vn, còn trang lừa là dichvucong-gov.vn.com, nhìn rất giống, đừng vào nha."
    kept = 'Ba tôi nhận file tên "vneid_capnhat.apk" từ số lạ, may chưa mở. Xóa rồi, ai nhận được cũng xóa luôn.'
    told = 'Có tin "nhận quà tết, điền CCCD vô link" đang chạy trong mấy nhóm, đừng điền nha bà con.'
    for text in (help_me, debt, lesson, kept, told):
        assert verdict(text) != "scam", text


def test_a_new_account_for_a_mistaken_sum_and_a_pin_asked_at_the_door_are_not_talked_down() -> None:
    mistaken = (
        "Cháu gửi nhầm 3 triệu vô tài khoản bác, bác kiểm tra giúp cháu rồi chuyển lại với. Bác chuyển về số 0387 551"
        " 204 nghe, đừng chuyển lại số cũ vì số cũ cháu bị khóa rồi."
    )
    pin = (
        "Thưa bà, ngân hàng đang hỗ trợ đổi thẻ từ sang thẻ chip tại nhà cho người già. Nhân viên đến nhà cần bà đưa"
        " thẻ cũ và cho biết mã PIN để hủy thẻ."
    )
    assert verdict(mistaken) == "scam"
    assert verdict(pin) == "scam"


def test_a_shared_ride_is_no_threat_and_a_mobile_switchboard_under_an_otp_is_not_calmed() -> None:
    ride = "Xe ghép anh Phong nè cô, 0947 118 632, 150k/người, đón tận nhà lúc 4h sáng."
    otp = (
        "Tin nhắn từ Ngân hàng BIDV: Mã OTP của quý khách là 884215, tuyệt đối không cung cấp cho ai. Nếu quý khách"
        " không thực hiện giao dịch, gọi ngay tổng đài hỗ trợ khẩn 0587 330 194 để hủy."
    )
    assert verdict(ride) == "ok"
    assert verdict(otp) == "scam"


def test_a_victims_centre_a_child_hanging_up_and_the_old_account_to_avoid_are_scams() -> None:
    centre = (
        "Tôi tên Thu, vừa bị lừa mất 80 triệu vì đầu tư online. May mà có anh Toàn bên Trung tâm Hỗ trợ Nạn nhân Lừa"
        " đảo giúp tôi lấy lại được 60 triệu rồi. Ai bị như tôi thì liên hệ anh Toàn qua Zalo 0327 815 490."
    )
    abroad = (
        "Mẹ ơi con đang ở Úc, con bị giữ ở sân bay vì mang nhiều tiền mặt quá, phải nộp phạt 2.000 đô mới được đi. Mẹ"
        " gửi giúp con 48 triệu vào tài khoản anh Kiên bạn con ở Việt Nam 0912 634 287 BIDV nhé, con cúp máy đây."
    )
    student = (
        "Co oi con la Páo day, con bi lua mat het tien hoc, ko dam noi voi bo me, co cho con vay 2tr vao so nay 0349"
        " 775 162 nhe, thang sau con tra co. Co dung nhan tin vao zalo cu cua con, con bi mat acc roi."
    )
    for text in (centre, abroad, student):
        assert verdict(text) == "scam", text[:40]


def test_a_lesson_that_quotes_an_app_file_or_names_impostors_is_not_warned() -> None:
    lesson = (
        'Bài học từ vụ việc ở thôn bên: Một bác bị gọi "Cơ quan Cảnh sát điều tra, tải ứng dụng TRUYCUU.apk để làm việc'
        ' trực tuyến với điều tra viên, không được tắt máy". Bác cài vào và mất 200 triệu trong 1 đêm. Công an làm việc'
        " bằng giấy mời trực tiếp, không qua app. Ai nhận cuộc gọi như vậy hãy tắt máy và đến trụ sở công an xã."
    )
    impostors = (
        'Chú ý: Có nhiều đối tượng giả làm nhân viên nhà mạng gọi bảo "nâng cấp sim 5G miễn phí, đọc 6 số OTP".'
        " Nâng cấp sim phải ra cửa hàng, mã OTP là của riêng mình. Đọc mã đó ra là bị chiếm sim, rồi chiếm luôn tài"
        " khoản ngân hàng."
    )
    # the same warning's words around an officer's mobile that "sends the install file" stay a scam
    fake = (
        "Công an cảnh báo: hiện nay nhiều đối tượng giả danh cán bộ gọi điện yêu cầu cài app lạ. Để bảo vệ tài khoản,"
        " bà con nên cài ứng dụng Bảo vệ công dân, nhắn Zalo số 0387 215 609 để được gửi file cài đặt miễn phí."
    )
    assert verdict(lesson) != "scam"
    assert verdict(impostors) != "scam"
    assert verdict(fake) == "scam"


def test_a_new_number_with_a_favour_and_cards_counted_and_priced_are_scams() -> None:
    favour = (
        "Bác ơi cháu Hùng con cô Lan đây, máy cũ cháu rơi xuống ao hỏng rồi nên cháu dùng số này. Bác lưu lại giúp"
        " cháu, tối cháu nhờ bác một việc."
    )
    cards = "Anh Tư tổ trưởng đây, anh đang họp xã, máy hết tiền, em nạp giùm anh 3 thẻ 200k rồi gửi mã qua đây nhé."
    for text in (favour, cards):
        assert verdict(text) == "scam", text[:40]


def test_a_near_miss_told_after_asking_the_family_first_is_not_flagged() -> None:
    told = (
        "Bà ngoại nhận cuộc gọi bảo trúng thưởng tivi, phải chuyển 500k phí vận chuyển mới giao. May bà gọi hỏi cháu"
        " trước."
    )
    assert verdict(told) == "ok"


def test_an_anti_scam_desk_with_its_own_mobile_is_the_second_scam() -> None:
    desk = (
        "Cảnh báo cả xóm: bọn giả ngân hàng đang gọi lấy mã OTP nhiều lắm. Ai lỡ đọc mã rồi thì nhắn ngay cho bên em,"
        " bộ phận khóa khẩn cấp 0832 611 540, em khóa tài khoản giúp liền."
    )
    assert verdict(desk) == "scam"
    # the hamlet's own anti-scam group, with no number of its own, stays a lesson
    lesson = "Nhóm chống lừa đảo của thôn nhắc: ai gọi xưng ngân hàng đòi mã OTP thì cúp máy, báo công an xã."
    assert verdict(lesson) == "ok"


def test_a_polite_da_chi_is_no_funds_report_and_single_clove_garlic_is_no_romance() -> None:
    # "Dạ chị" folds like a fund's "đã chi" (spent): the greeting calms nothing
    wrong = (
        "Dạ chị ơi em lỡ chuyển nhầm 2.800.000 vô tài khoản chị hồi trưa, chị kiểm tra giúp em rồi chuyển lại giùm em"
        " vô số 0971 223 884 Vietinbank nha, tiền đó em đóng viện phí."
    )
    assert verdict(wrong) == "scam"
    # Lý Sơn's "tỏi cô đơn" is a garlic, not a lonely heart
    assert verdict("Em lấy 2kg tỏi cô đơn nha chị, gửi xe khách ra Huế, em chuyển khoản trước luôn.") == "ok"


def test_paid_too_much_and_to_be_sent_back_through_the_shipper_is_flagged() -> None:
    shipper = (
        "Cô ơi con lấy 2 bao gạo nha, con ck rồi, lát tài xế bên con qua chở. Con ck dư 300k cô gửi con lại tiền mặt"
        " qua shipper luôn nghen."
    )
    assert verdict(shipper) != "ok"
    # a neighbour who sent back what was overpaid says so
    assert verdict("Chị Ba ơi hôm qua chị chuyển dư 50k tiền rau, em gửi trả lại chị qua MoMo rồi nha.") == "ok"


def test_locking_an_account_is_no_click_on_a_link() -> None:
    # folded, "khóa tài khoản" reads "khoa tai …" like "khóa tại [link]": no link, no "bấm vào link" reason
    salary = (
        "Công ty thông báo: lương tháng 12 về tài khoản ngày 10/1, ai mới đổi tài khoản nhận lương thì gửi phòng nhân"
        " sự kiểm tra tài khoản trước ngày 30."
    )
    assert "ask_click" not in {f.code for f in judge(salary).findings}
    assert "ask_click" in {f.code for f in judge("Xác thực ngay tại link sau để mở khóa: vcb-xacthuc.top").findings}


def test_a_lesson_on_what_impostors_usually_send_is_no_scam() -> None:
    # what scammers usually send, told by the police, with the file names they use
    habit = (
        'Công an xã khuyến cáo: kẻ gian thường gửi file tên "CapNhat_DinhDanh.apk" qua Zalo, dụ bà con cài để chiếm'
        " điện thoại. Ứng dụng thật chỉ tải trên CH Play và App Store."
    )
    assert verdict(habit) != "scam"
    # ... or the impostor's demand told: "giả danh … yêu cầu cài file …"
    demand = (
        'Cảnh báo: có người giả danh nhân viên cấp nước gọi điện "kiểm tra đồng hồ", yêu cầu cài file'
        " NuocSach_CSKH.apk. Công ty cấp nước khuyến cáo không cài file lạ."
    )
    assert verdict(demand) != "scam"
    # ... or the link a message going around came with
    came_with = (
        'Công an xã thông báo: đang có tin nhắn "hộ nào chưa tích hợp bằng lái vào VNeID sẽ bị phạt" kèm link'
        " vneid-bosung.com.vn.top. Công an xã không gửi tin nhắn này."
    )
    assert verdict(came_with) != "scam"
    # the file sent to the teller, refused a sentence later
    refused = (
        'Nhà tui có người gọi xưng điện lực, đòi gửi file DienLuc.apk qua Zalo để "đọc chỉ số". Tui không cài. Báo'
        " để bà con biết."
    )
    assert verdict(refused) != "scam"
    # the same file sent with the sender's own demand is still a scam
    assert verdict("Điện lực thông báo: quý khách cài file DienLuc.apk để đọc chỉ số, không cài sẽ cắt điện.") == "scam"


def test_a_sure_scam_called_out_in_a_reply_and_a_bank_password_to_be_read_out() -> None:
    assert verdict("Lãi 20%/tháng thì lừa chắc rồi chú ơi, đừng góp đồng nào.") == "ok"
    helper = (
        "Con là cán bộ tổ công nghệ số nè cô, cô mở Zalo gọi video cho con, tới chỗ hỏi mật khẩu ngân hàng thì cô đọc"
        " cho con nhập giùm nha."
    )
    assert verdict(helper) != "ok"


def test_a_call_told_in_the_first_person_and_a_lessons_verdicts_are_no_scam() -> None:
    told = "Chị em tôi vừa bị gọi bảo đơn hàng bị giữ ở kho, đòi 20k phí lưu kho qua link. Tôi có đặt gì đâu."
    assert verdict(told) != "scam"
    lesson = (
        "Công an xã thông tin vụ việc: một anh ở thôn tham gia nhóm góp vốn lãi 2%/ngày, nạp thêm 50 triệu thì bị khóa"
        " tài khoản. Không có hình thức đầu tư nào lãi như vậy, bà con cảnh giác."
    )
    assert verdict(lesson) != "scam"
    card = 'Thiệp mời đám cưới giả dạng file "ThiepMoi.apk" đang gửi qua Zalo. Thiệp thật là ảnh, thấy .apk thì xóa.'
    assert verdict(card) != "scam"
    # the same offer, made in the sender's own voice, is still a scam
    offer = "Nhóm góp vốn chè sạch lãi 3%/ngày, nạp 5 triệu nhận lãi mỗi ngày, ib em vào nhóm Telegram."
    assert verdict(offer) == "scam"


def test_the_code_named_first_then_asked_back_and_a_face_video_to_send() -> None:
    code = (
        "Alo Tư ơi, anh Hai nè, điện thoại anh rớt xuống ao rồi, đang xài đỡ máy thằng bạn. Có mã gì ngân hàng gửi về"
        " máy em thì đọc giúp anh nghen, anh đang đăng nhập lại để trả tiền lúa giống."
    )
    assert verdict(code) == "scam"
    face = (
        "Bác Tư ơi, cái sim con làm giùm bác hôm bữa cần thêm hình mặt bác quay qua trái, qua phải, bác quay rồi gửi"
        " con liền nha bác."
    )
    assert verdict(face) == "scam"
    # the resident's own bank asking for the same turn of the face, told: no one to send it to
    told = "App ngân hàng bắt quay mặt qua trái qua phải hoài mà không xong, có ai bị vậy không"
    assert verdict(told) != "scam"


def test_a_code_reported_wrong_a_qr_asked_again_and_a_loss_told_are_no_scam() -> None:
    wrong = "Làm thẻ BHYT trên VNeID nó báo sai mã OTP, té ra mình gõ nhầm một số. Ai bị vậy thì chờ chút rồi gửi lại."
    assert verdict(wrong) == "ok"
    received = "Sáng nay tự dưng nhận tin nhắn mã OTP của Zalo mà tôi đâu có đăng nhập, có ai đang vào nick tôi không?"
    assert verdict(received) != "scam"
    qr = "Chị ơi gửi lại em cái mã QR tài khoản của hợp tác xã với, em lỡ xóa mất rồi."
    assert verdict(qr) == "ok"
    loss = (
        'Nhà tui bị lừa vụ "nhận quà tri ân" rồi, chuyển 25k phí ship, sau đó nó gửi link bắt nhập thẻ để hoàn tiền.'
        " Tui dừng liền, mất 25k coi như học phí."
    )
    assert verdict(loss) != "scam"
    # a recovery offer that follows a loss is still a scam
    offer = (
        "Mình đã bị lừa 80 triệu, may được anh Đức bên Cục An ninh mạng lấy lại tiền, ai bị giống mình thì liên hệ anh"
        " ấy qua zalo 0357 903 218 nha"
    )
    assert verdict(offer) == "scam"


def test_a_loan_for_bad_debt_a_spaced_out_number_and_a_group_moved_to_telegram() -> None:
    loan = "v.ay n.hanh k t.hẩm đ.ịnh, n.ợ x.ấu v.ẫn h.ỗ t.rợ, k gọi ngta thân, ib Z 0 9 3 7 . 2 2 8 . 6 1 4"
    assert verdict(loan) == "scam"
    moved = (
        "Nhóm Zalo xóm mình sắp giải tán vì đông quá. Ban điều hành đã lập nhóm Telegram mới để phát tiền hỗ trợ lũ,"
        " bà con tìm @hotro_xom_bac_2026 trên Telegram vào liền nha."
    )
    assert verdict(moved) == "scam"
    fund = (
        "Ngân hàng Chính sách xã hội triển khai gói vay ưu đãi cho hộ nuôi tôm bị thiệt hại, đăng ký nhận vốn qua nhóm"
        " Telegram t.me/vayuudai_nuoitom, cán bộ trực 24/24."
    )
    assert verdict(fund) == "scam"
    # a lottery draw's numbers are no phone number
    draw = "Kết quả Vietlott tối qua: 03 - 11 - 19 - 27 - 38 - 44, chưa ai trúng Jackpot, kỳ sau lên 70 tỷ."
    assert verdict(draw) == "ok"


def test_a_collection_agreed_beforehand_and_an_offer_scolded_are_left_alone() -> None:
    agreed = (
        "Tiền mừng cưới thằng Khoa con chú Tám, anh em tổ 3 góp mỗi người 300k như đã bàn hôm họp. Em gom, ai chuyển"
        " khoản thì vào số em 0912 448 301 Vietinbank Lê Văn Bình, ghi tên mình nha."
    )
    assert verdict(agreed) != "scam"
    # the writer's own account for money nobody agreed to is still a scam
    asked = (
        "Ai muốn nhận quà Tết của xã thì đóng 150k phí vận chuyển vào số em 0912 448 301 Vietinbank Lê Văn Bình nha."
    )
    assert verdict(asked) == "scam"
    # an offer the teller forbade or scolded is told, not made: not even logged
    for told in (
        "Con gái tui kể có đứa bạn rủ nó đi làm nhiệm vụ thả tim kiếm tiền online, tui cấm luôn, mấy vụ này toàn lừa.",
        "Bữa trước có đứa gọi nói tui trúng thưởng xe máy, phải nộp phí 1 triệu mới nhận, tui chửi cho một trận rồi"
        " tắt máy.",
    ):
        assert verdict(told) == "ok", told


def test_a_closed_telegram_groups_invitation_under_easy_money() -> None:
    lure = (
        "Em gửi mọi người link nhóm kiếm tiền tại nhà, làm theo hướng dẫn là có thu nhập, tuần đầu em được 4 triệu rồi,"
        " ai không tin em gửi ảnh chụp màn hình: t.me/+kiemtien_taiNha_88"
    )
    assert verdict(lure) == "scam"
    # the team's own Telegram group, with no money promised, is fine
    assert verdict("Nhóm Telegram của tổ công nghệ số ấp: https://t.me/+AbCdEf123 ai muốn học thì vào") == "ok"


def test_a_relative_borrowing_into_someone_elses_account() -> None:
    borrow = (
        "O Lài ơi, con Hoa đây, con mượn o 2 triệu đóng tiền học cho thằng cu, chiều con gửi o liền. O chuyển vô tài"
        " khoản thằng em con nghe: 1903 6621 4578 019 Techcom, tên LE VAN SON. Con đang họp không nghe máy được."
    )
    assert verdict(borrow) == "scam"


def test_a_code_asked_back_from_the_group_or_the_reader() -> None:
    for asked in (
        "Mã OTP của chị vừa gửi đó, chị đọc giúp em để em hủy đơn hàng bị đặt nhầm nha, không là bị trừ tiền.",
        "Tui là Bảy ở xóm Cát nè, máy tui bị khóa Zalo, ai nhận được mã gửi về máy thì đọc lại giùm tui để tui mở"
        " khóa nghen bà con.",
        "Tui lỡ đăng ký Zalo bằng số của bà con trong nhóm, có mã 6 số gửi về máy, ai nhận được thì nhắn riêng lại"
        " cho tui nghe, cảm ơn nhiều.",
    ):
        assert verdict(asked) == "scam", asked
    # a warning's "whoever gets it, delete it / tell me" asks nothing back
    assert verdict("Bà con ai nhận được tin nhắn có mã OTP lạ thì xóa đi, đừng đọc cho ai hết.") == "ok"
    assert verdict("Ai nhận được tin nhắn có mã lạ thì nhắn riêng cho tui để tui báo công an xã nha") == "ok"
    told = (
        "Thông báo: Ai mua hàng Tết của tiệm em thì em nhận chuyển khoản qua QR in tại quầy thôi nha, em không nhắn số"
        " tài khoản qua tin nhắn riêng cho ai hết, ai nhắn mạo danh tiệm thì báo em."
    )
    assert verdict(told) == "ok"


def test_a_notice_that_says_no_fee_and_a_how_to_in_the_real_app() -> None:
    notice = (
        "Ông bà nào trên 80 tuổi chưa nhận trợ cấp tuổi cao thì tới Ủy ban xã nộp hồ sơ, chỉ cần CCCD, không tốn phí."
        " Cán bộ xã không đi thu tiền làm hồ sơ ở nhà."
    )
    assert verdict(notice) == "ok"
    how_to = (
        "Dạ cô bấm Tích hợp thông tin rồi chọn Thẻ BHYT, nhập mã số thẻ là được. Không được cô ghé tổ công nghệ số"
        " sáng thứ Bảy con làm giùm."
    )
    assert verdict(how_to) != "scam"


def test_a_steady_daily_rate_an_esim_upgrade_and_a_protect_app_from_a_qr_are_scams() -> None:
    for scam in (
        "Nhóm vàng của thầy Hưng lãi đều 3%/ngày, chị Mai ở xóm trên rút về 25 triệu rồi. Ai muốn vô thì nhắn em.",
        "Mobifone thông báo: thuê bao của quý khách sắp bị khóa 2 chiều do chưa cập nhật. Gọi lại tổng đài để"
        " chuyển đổi sang eSIM miễn phí ngay tại nhà.",
        "[Thông báo] Số của quý khách đang bị làm phiền, quét mã QR cài ứng dụng chặn cuộc gọi do Bộ TTTT phát hành.",
    ):
        assert verdict(scam) == "scam", scam


def test_a_site_that_shows_money_for_an_id_a_photo_lure_and_money_back_for_a_fee_are_scams() -> None:
    for scam in (
        "Bà con ơi vô trang trocap-nguoigia.net nhập số căn cước của ông bà là thấy tiền trợ cấp liền.",
        "Chị ơi hình này có phải hình chị không vậy, coi nè: coi-anh.top/p88",
        "Em bên tổ hỗ trợ nạn nhân. Để nhận lại số tiền bị lừa anh cần đóng phí hồ sơ 2 triệu, tiền về trong tuần.",
        "Có số đẹp xổ số miền Nam chiều nay, nội bộ hội đồng quay thưởng, phí mua số 1 triệu, trúng chia nhau.",
        "Anh ơi em gửi tiền hàng 30 triệu nhầm vào tài khoản anh rồi, anh chuyển lại em 10 triệu giúp, phần còn lại"
        " em lấy hàng sau.",
    ):
        assert verdict(scam) == "scam", scam


def test_a_youth_visit_a_confirmation_on_zalo_and_a_code_told_as_ones_own_slip_are_not_warned() -> None:
    visit = (
        "Thông báo xóm 2: sáng Chủ nhật đoàn thanh niên xuống tận nhà hỗ trợ cài VNeID và cập nhật ứng dụng ngân hàng"
        " cho ông bà, nhà nào cần thì nhắn tên vào nhóm."
    )
    assert verdict(visit) == "ok"
    shop = "Tiệm bánh Hạnh nhận đặt bánh kem, giao tận nơi. Chuyển khoản xong chị xác nhận qua Zalo cho em nha."
    assert verdict(shop) != "scam"
    # a resident telling the group she read a code by mistake asks for help; she asks no one for a code
    assert verdict("Tui lỡ đọc mã OTP cho đứa nào rồi, giờ làm sao bà con?") != "scam"


def test_a_code_owned_then_asked_back_a_charge_cancelled_in_the_bank_app_and_a_tasks_deposit() -> None:
    owned = "Ơ anh ơi em gửi nhầm tin rồi, cái mã đó là của em đó, anh đọc lại cho em được không, em đang cần"
    assert verdict(owned) == "scam"  # asking "được không" makes no resident's plea of a code asked back
    cancel = (
        "Dạ cô, con bên chăm sóc khách hàng Lazada, đơn cô mua bị trùng nên hệ thống sẽ tự trừ tiền hàng tháng. Cô làm"
        " theo hướng dẫn của con để huỷ gói, cô mở app ngân hàng giúp con"
    )
    j = judge(cancel)
    assert j.verdict is Verdict.SCAM and "combo_cancel_in_bank_app" in {f.code for f in j.findings}
    task = (
        "Dạ chị nhận hoa hồng rồi nha, nhiệm vụ tiếp theo là combo 3 đơn, chị nạp 4 triệu thì hệ thống trả về 5 triệu 2"
    )
    assert "theme_job" in {f.code for f in judge(task).findings}
    # a mother who pressed a wrong key and read the code to no one still only asks
    told = "Con ơi mẹ bấm nhầm số gì đó mà máy hiện tin có mã 6 số, mẹ không có đọc cho ai hết, có sao không con"
    assert verdict(told) != "scam"


def test_a_code_on_the_phone_known_numbers_help_for_victims_a_gold_exchange_and_the_bank_app_on_video() -> None:
    # each caught by its own wording, not only by the learned score (which alone misses some of their kin)
    for scam, code in (
        (
            "Chị em nào nhận quà Tết của hội thì nhắn riêng em họ tên, số tài khoản và mã số hiện trên điện thoại khi"
            " em gửi xác nhận qua.",
            "ask_otp",
        ),
        ("MÃ XÁC NHẬN CỦA CHỊ BỊ GỬI NHẦM VÀO SỐ EM RỒI, EM CHỤP MÀN HÌNH TIN NHẮN GỬI QUA ZALO GIÚP CHỊ", "ask_otp"),
        (
            "Em có người quen trong công ty xổ số, biết trước mấy số về đài Tiền Giang tuần này. Ai muốn lấy số thì góp"
            " 500 nghìn, trúng chia đôi.",
            "theme_gambling",
        ),
        (
            "Anh chị nào cần khắc phục tài khoản bị lừa đảo, bị mất tiền thì liên hệ tổ hỗ trợ của Công an tỉnh qua"
            " Zalo này, đóng phí hồ sơ để được ưu tiên xử lý.",
            "combo_recovery_contact",
        ),
        (
            "Chị ơi mình quen nhau qua nhóm cũng lâu rồi, em đang chơi sàn vàng của anh họ, chị thử vào vài triệu với"
            " em cho vui",
            "theme_invest",
        ),
        (
            "Bác ơi cháu ở tổ công nghệ số của thôn. Tiền hỗ trợ người cao tuổi chi qua tài khoản, bác cần có app ngân"
            " hàng và cho cháu xem giao diện để cháu kiểm tra đã liên kết chưa, bác gọi video cho cháu cũng được.",
            "theme_trick",
        ),
    ):
        assert scam_by(scam, code), scam


def test_an_offer_denied_and_a_lesson_on_lottery_numbers_are_not_warned() -> None:
    denied = (
        "Có người đi từng nhà bán máy lọc nước, nói là chương trình của Bộ Y tế, hộ nào cũng phải lắp. Bộ Y tế làm chi"
        " có chương trình ni bà con, đuổi về đi."
    )
    assert verdict(denied) == "ok"
    lesson = "Không ai biết trước kết quả xổ số đâu bà con, ai nói biết trước số về mà đòi góp tiền là lừa"
    assert verdict(lesson) != "scam"


def test_a_monthly_charge_cancelled_in_the_bank_app_and_a_virus_scare_with_an_app_are_scams() -> None:
    cancel = (
        "Dạ cô ơi con bên Lazada, đơn cô đặt bị trùng nên sẽ tự động trừ 800 nghìn mỗi tháng nếu không hủy, cô vào app"
        " ngân hàng hủy theo con hướng dẫn nha"
    )
    assert scam_by(cancel, "combo_cancel_in_bank_app")
    virus = "CẢNH BÁO: máy của bạn đã bị nhiễm virus. Tải ngay ứng dụng diệt virus miễn phí tại diet-virus.download"
    assert scam_by(virus, "theme_app")


def test_a_call_forwarding_code_with_a_number_to_dial_is_a_scam_and_the_code_that_cancels_it_is_not() -> None:
    forwarding = "Tổng đài báo thuê bao của bác được tặng 50GB, bác bấm *21*0917 224 318# rồi bấm gọi để nhận nha"
    assert scam_by(forwarding, "ask_call_forward")
    assert verdict("Ai lỡ bấm mã chuyển tiếp cuộc gọi thì bấm ##002# rồi gọi để hủy nha bà con") == "ok"


def test_a_victims_report_said_to_have_a_result_for_a_fee_is_a_scam_a_neighbours_report_is_not() -> None:
    recovery = (
        "Chào anh, em bên phòng cảnh sát kinh tế. Hồ sơ tố giác bị lừa 30 triệu của anh đã xử lý xong, anh nộp trước"
        " 3 triệu phí thi hành án vào số tài khoản em gửi để nhận lại tiền"
    )
    assert scam_by(recovery, "combo_recovery_contact")
    told = (
        "Hàng xóm tui bị lừa gần 20 triệu vì nạp tiền làm nhiệm vụ, giờ đang làm đơn trình báo. Bà con đừng ham mấy"
        " việc nhẹ lương cao nha"
    )
    assert verdict(told) == "ok"


def test_a_lost_wallet_with_money_asked_for_a_friends_account_is_a_relatives_scam() -> None:
    wallet = (
        "Anh Tư ơi em Út nè, em xuống Cần Thơ đi đám giỗ bị mất bóp, anh cho em mượn 800 nghìn đi xe về, gửi vô tài"
        " khoản đứa bạn em nha"
    )
    assert scam_by(wallet, "theme_relative")


def test_a_seller_paid_at_a_named_bank_and_the_power_companys_own_site_are_not_flagged() -> None:
    for post in (
        "Sầu riêng Ri6 vườn nhà, 70k/kg, ai đặt gọi 0366 218 440, chuyển khoản Vietinbank ghi tên người đặt nha",
        "Thông báo lịch ngừng cấp điện ngày 15/12 từ 7h đến 11h khu vực thôn 2, thôn 3. Chi tiết tại cskh.cpc.vn",
        "VssID của tui cứ báo sai hoài, tui nhập đúng mật khẩu rồi mà không vô được, bảo hiểm xã hội huyện có ai chỉ"
        " giúp không",
    ):
        assert verdict(post) == "ok", post
    # the bank as the sender is still a bank speaking
    sender = "Agribank thông báo: tài khoản của quý khách sẽ bị khóa, vui lòng chuyển khoản phí duy trì 200.000đ"
    assert verdict(sender) == "scam"


def test_look_alike_letters_and_a_zero_for_an_o_do_not_hide_a_scam() -> None:
    homoglyph = "Vіеtсоmbаnk thông báo: tài khоản của quý khách bị tạm khóa, đăng nhập tại vіеtсоmbаnk-xасthuс.cоm"
    assert scam_by(homoglyph, "lookalike")
    assert [lk.host for lk in find_links(homoglyph)] == ["vіеtсоmbаnk-xасthuс.cоm"]
    assert scam_by("Em ơi cho chị xin mã 0TP vừa gửi về máy em nha, chị lỡ nhập nhầm số.", "ask_otp")


def test_a_lesson_on_telling_an_official_site_names_look_alikes_without_a_public_warning() -> None:
    lesson = (
        "Cách xem một trang web có phải trang chính thức không: trang nhà nước kết thúc bằng .gov.vn, không có gì thêm"
        " phía sau kiểu .gov.vn.top hay dvc-gov.com nha bà con."
    )
    assert verdict(lesson) == "suspicious"  # logged for the leaders, as every lesson naming look-alikes


def test_money_paid_too_much_a_hacked_zalo_a_login_code_and_a_described_forwarding_code_are_scams() -> None:
    for scam, code in (
        (
            "Chú Hai ơi, sáng con mua cá ở ghe chú, con chuyển tiền dư cho chú 1 triệu rưỡi. Chú coi tin nhắn ngân hàng"
            " rồi trả lại con qua số này giúp con nha.",
            "theme_mistaken",
        ),
        (
            "Anh ơi bên em hỗ trợ xóa nợ xấu cho anh vay lại được, anh chỉ cần đưa em mã đăng nhập app ngân hàng là"
            " xong trong 2 ngày.",
            "combo_secret_for_me_ask",
        ),
        (
            "Ba ơi con nè, zalo cũ con bị hack rồi ba đừng tin nó nha. Con mới lập cái này. Ba gửi con 3 triệu đóng"
            " tiền trọ vô tài khoản bạn con nha.",
            "theme_relative",
        ),
        (
            "Có người xưng nhà mạng kêu tôi bấm một dãy số có dấu sao dấu thăng rồi nhấn gọi để giữ số, có nên làm"
            " không",
            "ask_call_forward",
        ),
        (
            "Em là Tâm em họ anh nè, em mới đổi Zalo. Cuối tuần em cưới, anh có mừng thì gửi qua tài khoản của vợ sắp"
            " cưới em nha.",
            "theme_relative",
        ),
    ):
        assert scam_by(scam, code), scam
    for told in (
        "Cảm ơn cả nhà, Zalo em bị hack thiệt, em lấy lại được rồi. Ai lỡ chuyển tiền cho nó thì báo em để em trình"
        " báo công an.",
        "Có người gọi xưng công an bắt chuyển tiền, bà con đừng tin nó nha, cúp máy liền.",
    ):
        assert verdict(told) == "ok", told


def test_a_bank_cards_two_sides_asked_for_a_deposit_sent_by_mistake_and_a_schools_own_site() -> None:
    for scam, code in (
        (
            "Dạ con bên bưu điện, bác được hoàn tiền bảo hiểm 2 triệu, bác chụp thẻ ATM mặt trước mặt sau gửi qua"
            " Zalo cho con làm hồ sơ nha.",
            "combo_card_both_sides",
        ),
        (
            "Chị ơi em đặt 5 phòng homestay, em chuyển cọc nhầm 12 triệu chứ không phải 1 triệu 2, chị chuyển lại"
            " giúp em phần dư nha, bill đây ạ.",
            "theme_mistaken",
        ),
    ):
        assert scam_by(scam, code), scam
    # a school's enrolment online is no job offer, and edu.vn is the education sector's own level
    notice = "Phụ huynh đăng ký tuyển sinh lớp 6 online tại https://tuyensinh.quangngai.edu.vn từ ngày 1/7 nha."
    assert verdict(notice) == "ok"
    assert "good" in {f.code for f in judge(notice).findings}
    # "xe máy Mã Pí Lèng" is no "may mà" (luckily) of a lesson told, which would talk the scam down
    tour = (
        "Anh ơi em thuê 3 xe máy Mã Pí Lèng của anh, em chuyển cọc nhầm 9 triệu chứ không phải 900 nghìn, anh chuyển"
        " lại giúp em phần dư nha."
    )
    assert verdict(tour) == "scam"
    assert "calming" not in {f.code for f in judge(tour).findings}


def test_a_residents_own_transfer_in_her_app_is_no_transfer_asked_of_her() -> None:
    # "em bấm chuyển tiền" tells what she did in her own app; it asks nobody to pay
    asked = "cho em hỏi mã OTP ngân hàng có hạn bao lâu vậy ạ, em bấm chuyển tiền mà nhập chậm quá nó báo hết hạn"
    assert verdict(asked) != "scam"
    # an ask to transfer still is one
    assert verdict("Chị bấm chuyển tiền 5 triệu vào số 0912 345 678 này giúp em, em là cán bộ ngân hàng") == "scam"


def test_a_call_forwarding_code_with_the_number_read_out_in_words_is_a_scam() -> None:
    scam = (
        "Em là nhân viên nhà mạng, sóng 3G sắp tắt nên sim chị phải nâng lên 4G. Chị bấm giúp em **21* rồi số không"
        " chín một hai, ba bốn năm, sáu bảy tám rồi dấu thăng, bấm gọi là nâng cấp xong, không mất phí"
    )
    assert scam_by(scam, "ask_call_forward")


def test_a_forwarding_code_dictated_with_its_number_is_a_scam_whatever_advice_comes_around_it() -> None:
    for scam in (
        # a few words between the verb and the code, and a receipt ("hóa đơn") that reads like a real collection
        "Chú ơi con bên tổng đài, chú bấm giùm con **67*0912345678# rồi nhấn gọi để hóa đơn tháng này được giảm,"
        " không mất tiền đâu chú",
        # the code itself read out in words, and the number too
        "Cô bấm giúp con sao sao sáu hai sao, rồi số không chín tám tám, một hai ba, bốn năm sáu, xong dấu thăng rồi"
        " gọi nha cô, con bên nhà mạng nâng cấp sim cho cô",
    ):
        assert scam_by(scam, "combo_forward_dialled"), scam
    # the code that cancels forwarding has no number to dial, and a warning naming no number asks nothing
    assert verdict("Ai lỡ bấm rồi thì bấm ##002# rồi gọi để hủy chuyển cuộc gọi nha bà con") != "scam"


def test_a_lesson_saying_where_not_to_pay_is_no_scam_even_beside_the_fake_site_it_names() -> None:
    for lesson in (
        'Mấy bữa nay có tin nhắn "Cục CSGT: xe của bạn bị phạt nguội, nộp phạt tại csgt-tracuu.top". Anh em chạy xe'
        " lưu ý: tra cứu thì vào csgt.vn, nộp phạt trên dichvucong.gov.vn, không qua link lạ.",
        "Lưu ý tin phạt nguội: tra trên csgt.vn của Cục CSGT, không nộp phạt qua đường link lạ như"
        ' "phatnguoi-csgt.top".',
    ):
        assert verdict(lesson) != "scam", lesson
    # the fake notice itself still is one
    assert verdict("Cục CSGT thông báo phạt nguội xe của bạn, nộp phạt trong 24h tại csgt-tracuu.top") == "scam"


def test_the_digits_of_a_text_passed_on_by_any_verb_are_the_code_asked_for() -> None:
    # "nhắn cho con mấy số trong tin nhắn ngân hàng": sent on, not only read out
    scam = (
        "Mẹ ơi máy con hư loa, mẹ nhắn lại cho con mấy số trong tin nhắn Vietcombank vừa tới máy mẹ nha, con đang mở"
        " tài khoản cho mẹ"
    )
    assert scam_by(scam, "ask_otp")
    # a look at a strange text, asked by a son, asks for no code
    assert verdict("Bố ơi điện thoại bố có tin nhắn nào lạ thì chụp gửi con xem trước nhé, đừng bấm") == "ok"


def test_a_prize_to_collect_a_qr_scanned_to_be_paid_and_a_link_to_confirm_a_deposit_are_scams() -> None:
    for scam, code in (
        ("Quý khách đã trúng chiếc xe Air Blade, nhận tại qua-tang-honda.shop trong hôm nay", "theme_prize"),
        ("Chị ơi em gửi mã QR cho chị quét nhận tiền cọc nha, quét xong là tiền về tài khoản chị liền", "theme_qr"),
        (
            "Anh ơi bên em đặt 3 phòng cho đoàn khách, em chuyển cọc rồi, anh mở đường link em gửi để xác nhận và"
            " nhận tiền cọc giúp em nhé",
            "theme_buyer",
        ),
    ):
        assert scam_by(scam, code), scam
    # the code's reason says what the trick is: scanning pays, it does not "receive"
    qr = judge("Chị ơi em gửi mã QR cho chị quét nhận tiền cọc nha, quét xong là tiền về tài khoản chị liền")
    assert any("nhận tiền" in r for r in reasons(qr, default_texts()))
    # a shop's own code scanned to pay it, and a school's news, ask nothing of the reader
    for ordinary in (
        "Em gửi mã QR của tiệm để chị quét trả tiền cá nha, 2 ký 240 nghìn",
        "Bạn trúng tuyển lớp 10 trường Phan Bội Châu rồi, nhận giấy báo tại văn phòng trường sáng thứ Hai",
    ):
        assert verdict(ordinary) != "scam", ordinary


def test_a_new_number_then_a_sum_in_words_is_the_relatives_trick() -> None:
    told = "Bác ơi cháu là Tâm con cô Hoa đây, cháu mới đổi số, bác chuyển giúp cháu ba triệu tiền viện phí cho mẹ"
    assert any(f.code == "theme_relative" and f.weight >= 4 for f in judge(told).findings)


def test_cards_scratched_then_photographed_and_a_forwarding_code_read_as_sixty_seven_are_scams() -> None:
    cards = "Chị ơi mua giùm em 3 thẻ Vina 100k, cào xong chụp gửi em qua Zalo nha, chiều em gửi tiền lại"
    assert scam_by(cards, "combo_card_code_ask")
    # "sáu mươi bảy" is the 67 of "*67*", read out as a number
    code = (
        "Nhà mạng tặng ông 50GB, ông bấm sao sáu mươi bảy sao rồi số không tám tám, một hai ba, bốn năm sáu, bảy tám"
        " rồi dấu thăng, bấm gọi là xong"
    )
    assert scam_by(code, "combo_forward_dialled")


def test_goods_priced_by_the_unit_with_nothing_paid_first_talk_the_score_down() -> None:
    for seller in (
        "Măng khô rừng Tây Giang nhà phơi 400k/kg, ship tận nơi Hội An. Zalo 0368 915 422, số lượng có hạn.",
        "Nhà có bơ sáp Đắk Lắk anh trai gửi ra, bán rẻ 35k/kg, số lượng có hạn, mọi người ai lấy nhắn em",
    ):
        assert "calming" in {f.code for f in judge(seller).findings}, seller
    # a price by the unit with a deposit asked before delivery is the fake seller's form: not talked down
    fake = (
        "Gạo ST25 giá gốc 15k/kg, đặt từ 50kg, chuyển khoản trước 100% em mới cho xe chở, số lượng có hạn, tài khoản"
        " em dùng của vợ em"
    )
    assert "calming" not in {f.code for f in judge(fake).findings}


def test_the_scammed_money_released_for_a_fee_is_the_second_scam_whatever_victims_words_it_speaks() -> None:
    # "bị lừa", "trình báo", "kẻ gian" are a warning's words too: here they dress the fee before the "payout"
    for told in (
        "Chú ơi con bên đội hỗ trợ nạn nhân Công an tỉnh, đơn chú trình báo bị lừa 25 triệu đã xong. Để hoàn tiền về"
        " tài khoản chú cần nộp 15% phí hồ sơ vào số tạm giữ của đơn vị ạ.",
        "Cô ơi cháu đã truy ra tài khoản kẻ gian rồi, cô chỉ cần đóng phí bảo lãnh hai triệu là bên cháu giải ngân lại"
        " toàn bộ số tiền cô bị lừa trong hôm nay.",
    ):
        assert judge(told).verdict is Verdict.SCAM, told
        assert scam_by(told, "combo_recovery_fee"), told
    # the team's lesson naming the same trick is not warned
    lesson = (
        "Công an xã nhắc: có đối tượng xưng luật sư hứa lấy lại tiền bị lừa, bảo cần đóng phí 10% mới giải ngân. Đó là"
        " lừa đảo lần hai, đừng chuyển."
    )
    assert judge(lesson).verdict is not Verdict.SCAM


def test_a_new_or_borrowed_number_then_any_sum_asked_is_the_relatives_trick() -> None:
    # a sum in hundreds, or "a ten of millions", after a new or borrowed number: wording only the trick uses
    for told in (
        "Ba ơi con nè, máy con rớt xuống sông rồi, con xài tạm số thằng Tí. Ba chuyển con tám trăm vô số này nha",
        "Chú Sáu ơi con mới đổi số, chú lưu lại giùm con. Mà chú có sẵn một chục triệu hông, con kẹt quá",
    ):
        assert any(f.code == "theme_relative" and f.weight >= 5 for f in judge(told).findings), told


def test_a_new_payment_qr_replacing_an_old_one_told_a_few_words_apart_is_the_sticker_trick() -> None:
    told = "Vựa lúa Bảy Hiền gửi bà con mã QR thanh toán mới, mã cũ dán ở cửa kho không dùng nữa, chuyển vô mã này nha"
    assert any(f.code == "theme_qr" and f.weight >= 5 for f in judge(told).findings)


def test_a_code_named_then_read_back_or_read_out_for_the_writer_is_asked_of_the_reader() -> None:
    # the code named first, then read back "giùm tao" a few words on, or read out for the writer to type
    for told in (
        "Ê Tuấn, tao lỡ để số mày nhận mã Zalo, mày coi tin nhắn có cái mã 6 số đọc giùm tao nha, tao kẹt quá",
        "Chú Ba ơi con nè, con mượn máy người ta gọi, có ai kêu chú đọc mã thì chú đọc giùm con nha, mã về máy cũ",
        "Dạ con bên tổ công nghệ số, con chỉ bà từng bước cập nhật ứng dụng, có mã gửi về thì bà đọc con nhập hộ nha",
    ):
        assert scam_by(told, "combo_read_me_code_ask"), told
    # a lesson saying not to read it to anyone is not the ask
    lesson = "Bà con nhớ: có mã gửi về máy thì không đọc cho ai hết, ai kêu đọc mã giùm là lừa đảo."
    assert not scam_by(lesson, "combo_read_me_code_ask")


def test_a_phone_changed_is_no_luck_and_the_writer_offering_to_check_is_no_warning() -> None:
    # "đổi máy mà kẹt" is a phone changed, not "may mà" (luckily); "em kiểm tra giúp" is the caller's offer
    changed = judge("Ê Tuấn, tao đang đổi máy mà kẹt quá, mày đọc giùm tao cái mã")
    assert "calming" not in {f.code for f in changed.findings}
    evn = (
        "Alo chị ơi, em bên Điện lực tỉnh. Nhà chị còn nợ tiền điện 2 kỳ, tối nay 19h sẽ ngắt điện cả khu vực nếu không"
        " xử lý. Chị nhắn em số hợp đồng điện hoặc chụp hóa đơn gần nhất em kiểm tra giúp."
    )
    assert judge(evn).verdict is Verdict.SCAM


def test_a_lesson_naming_the_only_real_site_and_a_post_calling_the_other_message_fake_are_not_warned() -> None:
    for lesson in (
        "Cổng dịch vụ công báo không có trang dichvucong-tinh.com hay mấy trang tên gần giống. Trang thiệt duy nhất là"
        " dichvucong.gov.vn, để ý chữ .gov.vn ở cuối.",
        "Đúng rồi chị, lệ phí xét tuyển nộp trên hệ thống của Bộ, không chuyển vào tài khoản cá nhân. Tin kia lừa.",
    ):
        assert judge(lesson).verdict is not Verdict.SCAM, lesson


def test_the_reader_asked_to_send_back_or_the_writers_promise_to_repay_later_is_no_settling_up() -> None:
    # "rồi chị chuyển lại giúp em", "rồi em gửi lại anh sau": the trick's own words, not a neighbour settling a slip
    for words in ("rồi chị chuyển lại giúp em vào tài khoản chồng em", "anh đóng giùm phí rồi em gửi lại anh sau"):
        assert not any(p.search(fold(words)) for p in shipped_data().calming_each), words
    told = (
        "Chị ơi em chuyển nhầm cho chị 2 triệu hồi sáng, chị kiểm tra giúp em, rồi chị chuyển lại giúp em vào tài khoản"
        " của chồng em nha, tài khoản em bị khóa rồi."
    )
    assert judge(told).verdict is Verdict.SCAM
    # a neighbour settling up is still talked down
    assert any(p.search(fold("để tui chuyển lại cho chị chiều nay")) for p in shipped_data().calming_each)


def test_a_message_content_header_is_no_dont_trust_and_the_accessibility_button_is_the_remote_control_trick() -> None:
    # "Nội dung tin nhắn" folds to "noi dung tin": "dung tin" there is no "đừng tin"
    assert not any(p.search(fold("Nội dung tin nhắn thoại: alo chị ơi")) for p in shipped_data().calming_each)
    told = (
        "Nội dung tin nhắn thoại: chị ơi em ở trạm y tế xã, bé nhà mình chưa có trên hệ thống tiêm chủng. Chị cài cái"
        " ứng dụng sổ sức khỏe bản mới em gửi, cài rồi bấm cho phép trợ năng là nó tự đồng bộ nha."
    )
    assert judge(told).verdict is Verdict.SCAM


def test_a_cards_sides_named_first_an_old_qr_said_broken_and_a_new_qr_instead_of_the_collector_are_scams() -> None:
    for scam in (
        # the card's two sides named before the card
        "Bên em thu mua cả ruộng hành, anh chị cho em xin số tài khoản với ảnh mặt trước mặt sau thẻ ATM để em chuyển"
        " cọc nha.",
        # the old QR "broken", the new one to pay into
        "Mã QR chuyển khoản mới của tiệm em đây nha, mã cũ bị lỗi không nhận tiền, mọi người chuyển vào mã này.",
        # the "bank's staff" sticking a new code and telling the owner to tear off the old one
        "Em là nhân viên ngân hàng đi dán mã QR mới cho các quán, ngân hàng đổi mẫu, anh gỡ mã cũ ra bỏ đi giùm em.",
        # a new code instead of the cash the collector took
        "Ban quản lý chợ thông báo: các hộ nộp phí chỗ ngồi bằng mã QR mới bên dưới, không nộp tiền mặt cho người thu"
        " nữa.",
    ):
        assert judge(scam).verdict is Verdict.SCAM, scam
    # "… mà cứ báo lỗi" folds to "ma cu … loi": without a QR named it is an app's error, no old code
    told = (
        "App ngân hàng hôm nay không vào được, em định chuyển tiền học cho con mà cứ báo lỗi, có ai bị giống vậy không"
        " ạ?"
    )
    assert judge(told).verdict is Verdict.OK


def test_a_new_collectors_account_with_the_old_one_not_counted_is_a_new_payee_scam() -> None:
    told = (
        "Bà con lưu ý: từ tháng sau tiền rác, tiền nước đóng qua tài khoản của tổ thu mới, số 0377 1029 4456 MB. Đóng"
        " qua số cũ sẽ không được ghi nhận."
    )
    assert judge(told).verdict is Verdict.SCAM


def test_a_ransom_for_a_child_held_abroad_and_a_code_to_scan_and_type_the_sum_in_are_scams() -> None:
    for scam in (
        "Má ơi con đây, con bị người ta giữ bên Campuchia, họ đánh con quá trời, má gửi 60 triệu chuộc con về, má đừng"
        " báo công an nghen.",
        "Chị Tư ơi em gửi lại tiền hàng còn thiếu, app em bắt người nhận quét mã, chị quét mã này giùm em, nó hiện ô"
        " nhập số tiền thì chị nhập 5.000.000 rồi bấm xác nhận nha.",
    ):
        assert judge(scam).verdict is Verdict.SCAM, scam
    # the lesson that scanning and typing the sum pays is no scam
    lesson = "Quét mã QR rồi nhập số tiền là chuyển tiền đi, không phải nhận về, bà con nhớ nha."
    assert judge(lesson).verdict is Verdict.OK
