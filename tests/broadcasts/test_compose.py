"""Templates: what residents read. HTML bulletins escape the leader's text; advice follows the band."""

from __future__ import annotations

from datetime import datetime

from bot.config import Config
from bot.store.readings import SalinityReading
from bot.texts import default_texts, html_to_text
from broadcasts.compose import policy_html, salinity_texts

NOW = datetime(2026, 3, 1, 1, 0)


def test_policy_bulletin_escapes_leader_text(config: Config) -> None:
    body = 'Họp <b>dân</b> & "tiêm chủng" <script>alert(1)</script>'
    html = policy_html(config, default_texts(), body, "Anh <Sơn>", "DAINGAI")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Họp &lt;b&gt;dân&lt;/b&gt; &amp; &#34;tiêm chủng&#34; &lt;script&gt;" in html
    assert html.startswith("<b>THÔNG BÁO — Xã Đại Ngãi</b>")
    assert "Anh &lt;Sơn&gt;" in html
    assert body in html_to_text(html)  # what a platform without HTML shows is exactly what was typed


def test_salinity_bulletin_states_reading_and_band_advice(config: Config) -> None:
    texts = default_texts()
    cases = {0.6: "Nước còn ngọt", 1.3: "không dùng để uống", 2.4: "lúa bị ảnh hưởng", 5.0: "KHÔNG lấy nước vào ruộng"}
    for gl, advice in cases.items():
        reading = SalinityReading(station="DAINGAI", at=NOW, grams_per_litre=gl, source="t", recorded_at=NOW)
        out = salinity_texts(config, texts, {"DAINGAI": reading}, NOW)
        assert set(out) == {"NGAIHOI1", "NGAIHOI2"}  # the hamlets that take water at Đại Ngãi
        text = out["NGAIHOI1"]
        assert advice in text and "Trạm Đại Ngãi" in text and "08:00 ngày 01/03" in text
        assert f"{gl:.1f}".replace(".", ",") + " g/l" in text


def test_stale_salinity_reading_is_flagged(config: Config) -> None:
    reading = SalinityReading(
        station="DAINGAI", at=datetime(2026, 2, 20), grams_per_litre=1, source="t", recorded_at=NOW
    )
    text = salinity_texts(config, default_texts(), {"DAINGAI": reading}, NOW)["NGAIHOI1"]
    assert "số đo gần nhất" in text
