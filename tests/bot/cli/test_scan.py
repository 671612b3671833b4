"""``loaso scan --json`` (the acceptance checks' contract) and ``loaso safety import|list``, in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bot.cli.helpers import loaso, write_config

KEYS = ["text", "verdict", "reasons"]


def test_scan_json_contract(tmp_path: Path) -> None:
    write_config(tmp_path)
    lines = [
        "Cổng Dịch vụ công thông báo: hồ sơ chưa hoàn tất, truy cập https://dichvucong-gov.vn.com/xacthuc trong 24h",
        "Nhà em còn cá lóc đồng 120k/ký nha bà con",
        "xem ảnh nè bit.ly/3abcXYZ",
        "Nộp hồ sơ ở https://dichvucong.gov.vn nha",
        "",
    ]
    result = loaso(tmp_path, "scan", "--json", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(lines)
    assert all(list(r) == KEYS for r in rows)
    assert [r["verdict"] for r in rows] == ["scam", "ok", "suspicious", "ok", "ok"]
    assert rows[0]["text"] == lines[0]
    assert all(isinstance(x, str) and x for x in rows[0]["reasons"])
    assert "giả dạng" in rows[0]["reasons"][0]  # Vietnamese, not \\u escapes
    assert "giả dạng" in result.stdout
    assert not (tmp_path / "loaso.db").exists()  # scanning never creates a database


def test_import_then_scan_uses_the_entries_with_their_source(tmp_path: Path) -> None:
    write_config(tmp_path)
    csv = tmp_path / "canhbao.csv"
    csv.write_text(
        "kind,value,source,note\nphone,0912 345 678,Công an xã Đại Ngãi,gọi giả điện lực\ndomain,hang-re.shop,,\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("phone,12\n", encoding="utf-8")
    result = loaso(tmp_path, "safety", "import", str(bad))
    assert result.returncode == 1 and "line 1" in result.stderr

    result = loaso(tmp_path, "safety", "import", str(csv))
    assert result.returncode == 0, result.stderr
    assert "2 added" in result.stdout
    result = loaso(tmp_path, "safety", "import", str(csv))
    assert "0 added, 2 updated" in result.stdout

    result = loaso(tmp_path, "safety", "list", "--json")
    rows = json.loads(result.stdout)
    assert {(r["kind"], r["value"], r["source"]) for r in rows} == {
        ("phone", "0912345678", "Công an xã Đại Ngãi"),
        ("domain", "hang-re.shop", str(csv.resolve())),
    }
    # Plain words around a number the commune's police listed: only the list makes it a scam.
    result = loaso(tmp_path, "scan", "--json", stdin="Có gì gọi chị Hai số 0912.345.678 nha\n")
    assert json.loads(result.stdout)["verdict"] == "scam"
    result = loaso(tmp_path, "scan", "--json", "--no-db", stdin="Có gì gọi chị Hai số 0912.345.678 nha\n")
    assert json.loads(result.stdout)["verdict"] == "ok"


def test_plain_scan_prints_verdict_and_reasons(tmp_path: Path) -> None:
    write_config(tmp_path)
    result = loaso(tmp_path, "scan", "tải app tại evn-cskh.net/app.apk")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "scam"
    assert "- " in result.stdout


def test_import_from_an_official_url_records_the_url(tmp_path: Path) -> None:
    """The one operator-started fetch: an official list over HTTP (here on 127.0.0.1)."""
    import http.server
    import threading

    body = b"kind,value\ndomain,gia-mao-ncsc.top\nphone,0988 111 222\n"

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/csv; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        write_config(tmp_path)
        url = f"http://127.0.0.1:{server.server_port}/canhbao.csv"
        result = loaso(tmp_path, "safety", "import", url)
        assert result.returncode == 0, result.stderr
        rows = json.loads(loaso(tmp_path, "safety", "list", "--json").stdout)
        assert {(r["value"], r["source"]) for r in rows} == {("gia-mao-ncsc.top", url), ("0988111222", url)}
        out = loaso(tmp_path, "scan", "--json", stdin="vào gia-mao-ncsc.top xem nha\n").stdout
        assert json.loads(out)["verdict"] == "scam"
    finally:
        server.shutdown()
        server.server_close()
