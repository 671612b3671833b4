"""A small knowledge base of our own for tests of the ask-back, so they do not move when the real
one grows: "tui quên mật khẩu rồi" could be VNeID or VssID, so the bot asks which."""

MINI_KB = """
entries:
  - id: vneid.forgot_password
    title: Quên mật khẩu VNeID
    questions:
      - quên mật khẩu VNeID
      - lấy lại mật khẩu vneid
    answer: Trong VNeID bấm «Quên mật khẩu» rồi làm theo hướng dẫn. Cần giúp, hỏi Tổ công nghệ số của ấp.
  - id: vssid.forgot_password
    title: Quên mật khẩu VssID
    questions:
      - quên mật khẩu VssID
      - lấy lại mật khẩu vssid
    answer: Trong VssID bấm «Quên mật khẩu», mã gửi về email. Cần giúp, hỏi Tổ công nghệ số của ấp.
  - id: dvc.marriage
    title: Đăng ký kết hôn
    questions:
      - đăng ký kết hôn online
      - thủ tục kết hôn
    answer: Nộp hồ sơ online, hai người lên xã/phường ký. Cần giúp, hỏi Bộ phận một cửa.
"""
UNSURE = "tui quên mật khẩu rồi"  # VNeID or VssID? The bot asks.
