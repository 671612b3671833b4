"""The image test set for issue 16, rendered here so it is reproducible and carries no one's data.

Screenshots of real error messages (their wording as the apps and SMS show it) drawn in each
app's look at phone sizes, light and dark; the same screens "photographed" (tilt, blur, glare,
moiré, JPEG); and ordinary images that must get no topic (family photo, a field, a meme, a
notice for a wedding, fish for sale). ``python -m bench.image_set OUT`` writes them as files.
"""

from __future__ import annotations

import io
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:
        return ImageFont.load_default(size)


@dataclass(frozen=True)
class App:
    name: str
    header: tuple[int, int, int]
    title: str


VNEID = App("vneid", (200, 30, 40), "VNeID")
DVC = App("dvc", (16, 80, 160), "Cổng Dịch vụ công quốc gia")
VSSID = App("vssid", (0, 110, 190), "VssID - BHXH số")
BANK = App("bank", (0, 130, 80), "Ngân hàng số")
SMS = App("sms", (60, 60, 60), "Tin nhắn")


@dataclass(frozen=True)
class Case:
    name: str
    app: App
    heading: str
    message: str
    topic: str | None  # None: ordinary image, must get no topic
    buttons: tuple[str, ...] = ("Đóng",)


# Wording as the apps show it (collected from residents' screenshots posted in public help
# threads and the apps' own help pages, late 2026); topics are the knowledge base's ids.
ERRORS: list[Case] = [
    Case("vneid_maintenance", VNEID, "Thông báo", "Hệ thống đang bảo trì. Vui lòng thử lại sau.", "vneid.errors"),
    Case("vneid_connect", VNEID, "Lỗi", "Kết nối thất bại. Vui lòng kiểm tra kết nối mạng và thử lại.", "vneid.errors"),
    Case(
        "vneid_otp",
        VNEID,
        "Xác thực OTP",
        "Không nhận được mã OTP? Gửi lại mã sau 60 giây.",
        "vneid.errors",
        ("Gửi lại",),
    ),
    Case(
        "vneid_wrong_password",
        VNEID,
        "Đăng nhập không thành công",
        "Tài khoản hoặc mật khẩu không đúng. Bạn còn 2 lần thử.",
        "vneid.login",
        ("Quên mật khẩu", "Thử lại"),
    ),
    Case(
        "vneid_locked",
        VNEID,
        "Thông báo",
        "Tài khoản của bạn đã bị tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 30 phút.",
        "vneid.login",
    ),
    Case(
        "vneid_mismatch",
        VNEID,
        "Đăng ký tài khoản",
        "Thông tin công dân không khớp với Cơ sở dữ liệu quốc gia về dân cư.",
        "vneid.register_level1",
    ),
    Case(
        "vneid_nfc",
        VNEID,
        "Quét thẻ căn cước",
        "Quét NFC thất bại. Vui lòng đặt thẻ căn cước sát mặt sau điện thoại và giữ yên.",
        "vneid.register_level1",
    ),
    Case(
        "vneid_pending",
        VNEID,
        "Trạng thái hồ sơ",
        "Hồ sơ đăng ký tài khoản định danh điện tử của bạn đang chờ phê duyệt.",
        "vneid.processing_time",
    ),
    Case(
        "vneid_phone_used",
        VNEID,
        "Thông báo",
        "Số điện thoại đã được sử dụng để đăng ký tài khoản định danh điện tử khác.",
        "vneid.change_phone",
    ),
    Case(
        "vneid_activate",
        VNEID,
        "Kích hoạt tài khoản",
        "Tài khoản định danh điện tử của bạn đã được phê duyệt. Vui lòng kích hoạt tài khoản.",
        "vneid.activate",
        ("Kích hoạt",),
    ),
    Case(
        "vneid_password_rule",
        VNEID,
        "Tạo mật khẩu",
        "Mật khẩu phải từ 8 đến 20 ký tự, gồm chữ hoa, chữ thường, số và ký tự đặc biệt.",
        "vneid.password_rules",
    ),
    Case(
        "dvc_login", DVC, "Đăng nhập", "Đăng nhập bằng tài khoản định danh điện tử VNeID không thành công.", "dvc.login"
    ),
    Case("dvc_fee", DVC, "Thanh toán trực tuyến", "Thanh toán lệ phí hồ sơ không thành công.", "dvc.fees"),
    Case(
        "dvc_track", DVC, "Tra cứu hồ sơ", "Không tìm thấy hồ sơ. Vui lòng kiểm tra lại mã hồ sơ.", "dvc.track_dossier"
    ),
    Case(
        "vssid_login",
        VSSID,
        "Đăng nhập",
        "Mã số BHXH hoặc mật khẩu không đúng. Quên mật khẩu VssID?",
        "vssid.forgot_password",
    ),
    Case(
        "vssid_register",
        VSSID,
        "Đăng ký giao dịch điện tử",
        "Mã số BHXH không tồn tại hoặc chưa đăng ký giao dịch điện tử.",
        "vssid.register",
    ),
    Case(
        "bank_face",
        BANK,
        "Xác thực sinh trắc học",
        "Giao dịch trên 10 triệu đồng cần xác thực khuôn mặt. Xác thực khuôn mặt không thành công.",
        "pay.face_check",
        ("Thử lại",),
    ),
    Case(
        "sms_merger",
        SMS,
        "+84 812 345 678",
        "Tai khoan dinh danh cua ban chua cap nhat dia chi sau sap nhap, truy cap vneid-capnhat.com de cap nhat "
        "ngay, qua han se bi khoa.",
        "scam.merger_update",
        (),
    ),
    Case(
        "sms_police",
        SMS,
        "0987 654 321",
        "Cong an thong bao: ban lien quan den vu an rua tien, yeu cau chuyen tien vao tai khoan tam giu de dieu tra.",
        "scam.fake_police",
        (),
    ),
]

ORDINARY_TEXTS = [
    ("meme_monday", "Khi sáng thứ hai tiếng chuông báo thức reo"),
    ("meme_fishing", "Cuối tuần rồi, đi câu cá thôi anh em"),
    ("wedding", "Trân trọng kính mời dự lễ thành hôn\nAnh Tư và chị Út\nChủ nhật 12/12"),
    ("fish", "Cá lóc đồng tươi 80k/kg\nGiao tận nhà trong ấp"),
    ("rice", "Lúa ST25 vụ mới\nNhận đặt hàng"),
    ("birthday", "Chúc mừng sinh nhật bà nội 80 tuổi"),
]


def _status_bar(d: ImageDraw.ImageDraw, w: int, fg: tuple[int, int, int], s: float) -> None:
    d.text((int(24 * s), int(10 * s)), "9:41", font=font(int(22 * s), True), fill=fg)
    d.text((w - int(120 * s), int(10 * s)), "4G 87%", font=font(int(20 * s)), fill=fg)


def _wrap(d: ImageDraw.ImageDraw, text: str, f: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            probe = f"{line} {word}".strip()
            if d.textlength(probe, font=f) <= width:
                line = probe
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def screenshot(case: Case, *, dark: bool = False, width: int = 720, height: int = 1520) -> Image.Image:
    """A phone screen with the app's header and the message in a dialog (or an SMS bubble)."""
    s = width / 720
    bg = (18, 18, 20) if dark else (244, 244, 246)
    fg = (235, 235, 235) if dark else (25, 25, 25)
    card = (40, 40, 44) if dark else (255, 255, 255)
    img = Image.new("RGB", (width, height), bg)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, width, int(150 * s)), fill=case.app.header)
    _status_bar(d, width, (255, 255, 255), s)
    d.text((int(32 * s), int(75 * s)), case.app.title, font=font(int(34 * s), True), fill=(255, 255, 255))
    body = font(int(30 * s))
    head = font(int(34 * s), True)
    margin = int(60 * s)
    inner = width - 2 * margin - int(40 * s)
    lines = _wrap(d, case.message, body, inner)
    line_h = int(44 * s)
    box_h = int(130 * s) + line_h * len(lines) + (int(100 * s) if case.buttons else 0)
    top = int(height * 0.38)
    radius = int(24 * s) if case.app is not SMS else int(36 * s)
    d.rounded_rectangle((margin, top, width - margin, top + box_h), radius=radius, fill=card)
    d.text((margin + int(20 * s), top + int(30 * s)), case.heading, font=head, fill=fg)
    y = top + int(100 * s)
    for line in lines:
        d.text((margin + int(20 * s), y), line, font=body, fill=fg)
        y += line_h
    x = width - margin - int(20 * s)
    for label in reversed(case.buttons):
        tw = int(d.textlength(label, font=head))
        x -= tw
        d.text((x, y + int(30 * s)), label, font=head, fill=case.app.header)
        x -= int(40 * s)
    return img


def photo_of_screen(img: Image.Image, seed: int) -> Image.Image:
    """A screen photographed by a neighbour's phone: tilt, blur, glare, moiré, JPEG."""
    rnd = random.Random(seed)
    w, h = img.size
    canvas = Image.new("RGB", (int(w * 1.15), int(h * 1.1)), (rnd.randint(20, 90),) * 3)
    canvas.paste(img, (int(w * 0.07), int(h * 0.05)))
    img = canvas.rotate(rnd.uniform(-6, 6), resample=Image.Resampling.BICUBIC, expand=False, fillcolor=(40, 40, 40))
    dx, dy = rnd.uniform(-0.04, 0.04), rnd.uniform(-0.03, 0.03)
    img = img.transform(img.size, Image.Transform.AFFINE, (1, dx, 0, dy, 1, 0), resample=Image.Resampling.BICUBIC)
    img = img.filter(ImageFilter.GaussianBlur(rnd.uniform(0.6, 1.6)))
    overlay = Image.new("L", img.size, 0)
    od = ImageDraw.Draw(overlay)
    gx, gy = rnd.randint(0, img.width), rnd.randint(0, img.height // 3)
    for r in range(int(img.width * 0.35), 0, -12):
        od.ellipse((gx - r, gy - r, gx + r, gy + r), fill=int(110 * (1 - r / (img.width * 0.35))))
    img = Image.composite(Image.new("RGB", img.size, (255, 255, 255)), img, overlay)
    period = rnd.uniform(5.0, 9.0)
    moire = Image.new("L", img.size)
    moire.putdata(
        [int(18 * (1 + math.sin((x + y * 0.3) / period))) for y in range(img.height) for x in range(img.width)]
    )
    img = Image.composite(Image.new("RGB", img.size, (0, 0, 0)), img, moire)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=rnd.randint(55, 80))
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def ordinary(name: str, seed: int, text: str | None = None) -> Image.Image:
    """A picture with no question in it: shapes and gradients, sometimes a caption."""
    rnd = random.Random(seed)
    w, h = rnd.choice([(1080, 1350), (1200, 900), (900, 1200)])
    img = Image.new("RGB", (w, h))
    top, bottom = [rnd.randint(40, 230) for _ in range(3)], [rnd.randint(40, 230) for _ in range(3)]
    d = ImageDraw.Draw(img)
    for y in range(h):
        t = y / h
        d.line((0, y, w, y), fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    for _ in range(rnd.randint(6, 20)):
        x, y, r = rnd.randint(0, w), rnd.randint(0, h), rnd.randint(20, 200)
        d.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rnd.randint(0, 255) for _ in range(3)))
    img = img.filter(ImageFilter.GaussianBlur(2))
    if text:
        d = ImageDraw.Draw(img)
        f = font(64, True)
        y = 60
        for line in text.split("\n"):
            d.text((60, y), line, font=f, fill=(255, 255, 255), stroke_width=3, stroke_fill=(0, 0, 0))
            y += 90
    return img


@dataclass(frozen=True)
class Sample:
    name: str
    topic: str | None
    image: Image.Image

    def png(self) -> bytes:
        buf = io.BytesIO()
        self.image.save(buf, "PNG" if self.image.mode != "RGB" or "photo" not in self.name else "JPEG")
        return buf.getvalue()


SIZES = [(720, 1520), (1080, 2340), (828, 1792)]


def samples() -> list[Sample]:
    """The whole set: 19 error screens × (light, dark, photo) = 57, plus 12 ordinary images."""
    out: list[Sample] = []
    for i, case in enumerate(ERRORS):
        w, h = SIZES[i % len(SIZES)]
        light = screenshot(case, width=w, height=h)
        out.append(Sample(f"{case.name}_light", case.topic, light))
        out.append(Sample(f"{case.name}_dark", case.topic, screenshot(case, dark=True, width=w, height=h)))
        out.append(Sample(f"{case.name}_photo", case.topic, photo_of_screen(light, seed=i)))
    for i, (name, text) in enumerate(ORDINARY_TEXTS):
        out.append(Sample(name, None, ordinary(name, seed=100 + i, text=text)))
    for i in range(6):
        out.append(Sample(f"picture_{i}", None, ordinary("picture", seed=200 + i)))
    return out


def write_samples(made: list[Sample], default: str) -> None:
    """Write the rendered images as PNG files into the folder given on the command line, to look at them."""
    target = Path(sys.argv[1] if len(sys.argv) > 1 else default)
    target.mkdir(parents=True, exist_ok=True)
    for sample in made:
        (target / f"{sample.name}.png").write_bytes(sample.png())
    print(f"wrote {len(made)} images to {target}")


if __name__ == "__main__":
    write_samples(samples(), "bench/results/images")
