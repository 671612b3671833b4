"""Held-out error images for issue 16: other wordings and other layouts than bench/image_set.py.

Written before the selection in bot/media/extract.py was reworked, and not to be tuned on: the
figures on this set are the honest estimate for screenshots nobody rendered for the benchmark.
Layouts the main set does not have: a dialog over the app's dimmed home screen (menu labels
behind it), a toast at the bottom of a screen, a full-page error with a big heading, a Zalo chat
where a relative forwards the error's text, and an SMS thread. Light and dark, some photographed.
``python -m bench.image_heldout OUT`` writes them as files.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

from bench.image_set import (
    BANK,
    DVC,
    SMS,
    VNEID,
    VSSID,
    App,
    Sample,
    _status_bar,
    _wrap,
    font,
    photo_of_screen,
    write_samples,
)

ZALO = App("zalo", (0, 104, 255), "Zalo")

# What each app's home screen shows behind a dialog (menu labels OCR reads too).
HOME = {
    "vneid": ["Ví giấy tờ", "Thủ tục hành chính", "Dịch vụ khác", "Thông báo", "Cá nhân", "Tích hợp thông tin"],
    "dvc": ["Trang chủ", "Giới thiệu", "Thủ tục hành chính", "Dịch vụ công trực tuyến", "Phản ánh kiến nghị"],
    "vssid": ["Quản lý cá nhân", "Thẻ BHYT", "Quá trình tham gia", "Tra cứu", "Hỗ trợ", "Cài đặt"],
    "bank": ["Số dư khả dụng", "Chuyển tiền", "Thanh toán hóa đơn", "Nạp tiền điện thoại", "QR Pay", "Tiết kiệm"],
}


@dataclass(frozen=True)
class Held:
    name: str
    app: App
    layout: str  # dialog | toast | page | zalo | sms
    heading: str
    message: str
    topic: str
    buttons: tuple[str, ...] = ("Đồng ý",)
    photo: bool = False  # also a photographed variant


# Wordings as these apps and portals show them (error texts residents post in public help groups),
# none of them in bench/image_set.py.
HELD: list[Held] = [
    Held(
        "h_vneid_busy",
        VNEID,
        "dialog",
        "Thông báo",
        "Có lỗi xảy ra trong quá trình xử lý. Hệ thống đang bận, vui lòng thử lại sau ít phút.",
        "vneid.errors",
        photo=True,
    ),
    Held(
        "h_vneid_otp_expired",
        VNEID,
        "toast",
        "",
        "Mã OTP đã hết hiệu lực. Vui lòng bấm Gửi lại mã OTP.",
        "vneid.errors",
    ),
    Held(
        "h_vneid_no_internet",
        VNEID,
        "page",
        "Mất kết nối",
        "Không thể kết nối tới máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.",
        "vneid.errors",
        ("Thử lại",),
    ),
    Held(
        "h_vneid_other_device",
        VNEID,
        "dialog",
        "Xác thực thiết bị",
        "Tài khoản đang đăng nhập trên thiết bị khác. Vui lòng xác thực trên thiết bị cũ hoặc liên hệ Công an.",
        "vneid.login",
        ("Hủy", "Xác thực"),
        photo=True,
    ),
    Held(
        "h_vneid_too_many",
        VNEID,
        "page",
        "Đăng nhập",
        "Bạn đã nhập sai mật khẩu quá 5 lần. Tài khoản bị tạm khóa đăng nhập.",
        "vneid.login",
        ("Quên mật khẩu",),
    ),
    Held(
        "h_vneid_update",
        VNEID,
        "dialog",
        "Cập nhật ứng dụng",
        "Phiên bản hiện tại không còn được hỗ trợ. Vui lòng cập nhật VNeID lên phiên bản mới nhất để đăng nhập.",
        "vneid.login",
        ("Cập nhật",),
    ),
    Held(
        "h_vneid_no_nfc",
        VNEID,
        "dialog",
        "Quét chip",
        "Thiết bị của bạn không hỗ trợ NFC để đọc chip thẻ căn cước.",
        "vneid.register_level1",
        photo=True,
    ),
    Held(
        "h_vneid_wait_approval",
        VNEID,
        "page",
        "Hồ sơ của tôi",
        "Yêu cầu đăng ký tài khoản định danh điện tử mức 2 đang chờ duyệt. Kết quả sẽ được gửi qua tin nhắn.",
        "vneid.processing_time",
        ("Về trang chủ",),
    ),
    Held(
        "h_vneid_activation_code",
        VNEID,
        "dialog",
        "Kích hoạt tài khoản",
        "Mã kích hoạt không đúng hoặc đã hết hạn. Vui lòng kiểm tra tin nhắn kích hoạt tài khoản.",
        "vneid.activate",
    ),
    Held(
        "h_vneid_password_weak",
        VNEID,
        "toast",
        "",
        "Mật khẩu phải có ít nhất 8 ký tự gồm chữ hoa, chữ thường, chữ số và ký tự đặc biệt",
        "vneid.password_rules",
    ),
    Held(
        "h_dvc_login_fail",
        DVC,
        "page",
        "Lỗi đăng nhập",
        "Không thể đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID. Vui lòng thử lại.",
        "dvc.login",
        ("Quay lại",),
        photo=True,
    ),
    Held(
        "h_dvc_payment",
        DVC,
        "dialog",
        "Thanh toán",
        "Giao dịch nộp lệ phí không thành công. Hồ sơ chưa được thanh toán phí.",
        "dvc.fees",
    ),
    Held(
        "h_dvc_dossier_code",
        DVC,
        "toast",
        "",
        "Mã hồ sơ không tồn tại. Vui lòng kiểm tra lại mã hồ sơ để tra cứu.",
        "dvc.track_dossier",
    ),
    Held(
        "h_vssid_wrong_pass",
        VSSID,
        "dialog",
        "Lỗi",
        "Tên đăng nhập hoặc mật khẩu VssID không chính xác. Bấm Quên mật khẩu để cấp lại.",
        "vssid.forgot_password",
        photo=True,
    ),
    Held(
        "h_vssid_vneid",
        VSSID,
        "page",
        "Đăng nhập bằng VNeID",
        "Đăng nhập VssID bằng tài khoản định danh điện tử không thành công.",
        "vssid.login_vneid",
        ("Đăng nhập lại",),
    ),
    Held(
        "h_bank_biometric",
        BANK,
        "dialog",
        "Thông báo",
        "Theo quy định, giao dịch chuyển tiền trên 10 triệu đồng phải xác thực sinh trắc học khuôn mặt.",
        "pay.face_check",
        ("Để sau", "Xác thực ngay"),
        photo=True,
    ),
    Held(
        "h_bank_face_mismatch",
        BANK,
        "page",
        "Xác thực không thành công",
        "Khuôn mặt không khớp với ảnh trên chip thẻ căn cước. Vui lòng xác thực sinh trắc học lại.",
        "pay.face_check",
        ("Thử lại",),
    ),
    Held(
        "h_sms_otp_scam",
        SMS,
        "sms",
        "VCB-Support",
        "Tai khoan cua quy khach se bi khoa trong 24h. Vui long doc ma OTP cho nhan vien de xac minh.",
        "scam.otp",
    ),
    Held(
        "h_zalo_forward_login",
        ZALO,
        "zalo",
        "Con Út",
        "Má ơi app định danh báo: Tài khoản hoặc mật khẩu không đúng. Vui lòng thử lại",
        "vneid.login",
        photo=True,
    ),
    Held(
        "h_zalo_forward_otp",
        ZALO,
        "zalo",
        "Anh Hai",
        "Vô vneid nó báo: Không nhận được mã OTP, gửi lại mã. Chờ hoài không thấy tin nhắn",
        "vneid.errors",
    ),
]


def _dialog(d: ImageDraw.ImageDraw, held: Held, width: int, top: int, s: float, card, fg) -> None:
    margin = int(60 * s)
    body, head = font(int(30 * s)), font(int(34 * s), True)
    lines = _wrap(d, held.message, body, width - 2 * margin - int(40 * s))
    line_h = int(44 * s)
    box_h = int(130 * s) + line_h * len(lines) + int(100 * s)
    d.rounded_rectangle((margin, top, width - margin, top + box_h), radius=int(24 * s), fill=card)
    d.text((margin + int(20 * s), top + int(30 * s)), held.heading, font=head, fill=fg)
    y = top + int(100 * s)
    for line in lines:
        d.text((margin + int(20 * s), y), line, font=body, fill=fg)
        y += line_h
    x = width - margin - int(20 * s)
    for label in reversed(held.buttons):
        x -= int(d.textlength(label, font=head))
        d.text((x, y + int(30 * s)), label, font=head, fill=held.app.header)
        x -= int(40 * s)


def render(held: Held, *, dark: bool, width: int, height: int) -> Image.Image:
    s = width / 720
    bg = (18, 18, 20) if dark else (244, 244, 246)
    fg = (235, 235, 235) if dark else (25, 25, 25)
    card = (40, 40, 44) if dark else (255, 255, 255)
    img = Image.new("RGB", (width, height), bg)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, width, int(150 * s)), fill=held.app.header)
    _status_bar(d, width, (255, 255, 255), s)
    title = held.heading if held.layout in ("zalo", "sms") else held.app.title
    d.text((int(32 * s), int(75 * s)), title, font=font(int(34 * s), True), fill=(255, 255, 255))
    body = font(int(30 * s))
    if held.layout in ("dialog", "toast"):
        # The app's home screen behind: menu labels in a grid.
        labels = HOME.get(held.app.name, HOME["vneid"])
        for i, label in enumerate(labels):
            x = int((40 + (i % 2) * 330) * s)
            y = int((220 + (i // 2) * 150) * s)
            d.rounded_rectangle((x, y, x + int(300 * s), y + int(120 * s)), radius=int(16 * s), fill=card)
            d.text((x + int(16 * s), y + int(70 * s)), label, font=font(int(24 * s)), fill=fg)
    if held.layout == "dialog":
        dim = Image.new("RGB", img.size, (0, 0, 0))
        img = Image.blend(img, dim, 0.45)
        d = ImageDraw.Draw(img)
        _dialog(d, held, width, int(height * 0.36), s, card, fg)
    elif held.layout == "toast":
        f = font(int(26 * s))
        lines = _wrap(d, held.message, f, width - int(200 * s))
        h = int(40 * s) + int(38 * s) * len(lines)
        top = height - int(260 * s) - h
        d.rounded_rectangle((int(70 * s), top, width - int(70 * s), top + h), radius=int(30 * s), fill=(60, 60, 64))
        y = top + int(20 * s)
        for line in lines:
            d.text((int(100 * s), y), line, font=f, fill=(250, 250, 250))
            y += int(38 * s)
    elif held.layout == "page":
        cx = width // 2
        r = int(80 * s)
        top = int(330 * s)
        d.ellipse((cx - r, top, cx + r, top + 2 * r), outline=held.app.header, width=int(10 * s))
        d.text((cx - int(12 * s), top + int(30 * s)), "!", font=font(int(90 * s), True), fill=held.app.header)
        head = font(int(38 * s), True)
        y = top + 2 * r + int(60 * s)
        d.text((cx - int(d.textlength(held.heading, font=head)) // 2, y), held.heading, font=head, fill=fg)
        y += int(80 * s)
        for line in _wrap(d, held.message, body, width - int(140 * s)):
            d.text((cx - int(d.textlength(line, font=body)) // 2, y), line, font=body, fill=fg)
            y += int(46 * s)
        for label in held.buttons:
            y += int(60 * s)
            d.rounded_rectangle(
                (int(80 * s), y, width - int(80 * s), y + int(90 * s)), radius=int(45 * s), fill=held.app.header
            )
            tw = int(d.textlength(label, font=head))
            d.text((cx - tw // 2, y + int(22 * s)), label, font=head, fill=(255, 255, 255))
            y += int(90 * s)
    else:  # zalo chat or SMS thread: a greeting bubble, the message bubble, a reply, the input bar
        bubble_in = (55, 55, 60) if dark else (255, 255, 255)
        bubble_out = (0, 70, 160) if dark else (215, 232, 255)
        y = int(200 * s)
        d.text((width // 2 - int(60 * s), y), "Hôm nay 08:15", font=font(int(22 * s)), fill=(140, 140, 140))
        y += int(60 * s)
        bubbles: list[tuple[str, bool]] = (
            [("Alo", True), (held.message, True), ("Để mẹ hỏi Loa Số", False)]
            if held.layout == "zalo"
            else [(held.message, True)]
        )
        for text, incoming in bubbles:
            lines = _wrap(d, text, body, int(480 * s))
            h = int(30 * s) + int(42 * s) * len(lines)
            wmax = max(int(d.textlength(ln, font=body)) for ln in lines) + int(40 * s)
            x0 = int(40 * s) if incoming else width - int(40 * s) - wmax
            d.rounded_rectangle(
                (x0, y, x0 + wmax, y + h), radius=int(22 * s), fill=bubble_in if incoming else bubble_out
            )
            ty = y + int(15 * s)
            for ln in lines:
                d.text((x0 + int(20 * s), ty), ln, font=body, fill=fg)
                ty += int(42 * s)
            y += h + int(30 * s)
        bar = height - int(120 * s)
        d.rectangle((0, bar, width, height), fill=card)
        d.text((int(40 * s), bar + int(40 * s)), "Tin nhắn", font=font(int(26 * s)), fill=(150, 150, 150))
    return img


SIZES = [(1080, 2400), (720, 1600), (750, 1334), (1170, 2532)]


def samples() -> list[Sample]:
    """Each case light and dark (alternating phone sizes); the cases marked ``photo`` photographed too."""
    out: list[Sample] = []
    for i, held in enumerate(HELD):
        w, h = SIZES[i % len(SIZES)]
        light = render(held, dark=False, width=w, height=h)
        out.append(Sample(f"{held.name}_light", held.topic, light))
        out.append(Sample(f"{held.name}_dark", held.topic, render(held, dark=True, width=w, height=h)))
        if held.photo:
            out.append(Sample(f"{held.name}_photo", held.topic, photo_of_screen(light, seed=500 + i)))
    return out


if __name__ == "__main__":
    write_samples(samples(), "bench/results/images_heldout")
