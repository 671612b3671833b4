"""``loaso zalo login`` against the fake Zalo OAuth v4 server: PKCE code flow, tokens stored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from bot.adapters.zalo_oa.login import LoginError, Pkce, challenge_for, parse_answer, permission_url
from tests.bot.cli.helpers import loaso, write_config
from tests.fakes import zalo_oa
from tests.fakes.loopback import serve_in_thread

CALLBACK = "https://loaso.example.vn/zalo/callback"
ENV = {"ZALO_OA_SECRET_KEY": zalo_oa.OA_SECRET_KEY, "ZALO_APP_SECRET": zalo_oa.APP_SECRET}


def configure(folder: Path, base: str) -> None:
    write_config(
        folder,
        zalo_oa={
            "app_id": zalo_oa.APP_ID, "oa_id": zalo_oa.OA_ID, "base_url": base,
            "oauth_url": f"{base}/v4/oa/access_token",
        },
    )  # fmt: skip


def login(folder: Path, answer: callable, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:  # type: ignore[valid-type]
    """Run the command; ``answer(permission_url)`` returns what the person pastes."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LOASO_", "TELEGRAM_", "ZALO_"))}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "--config", str(folder / "config.yaml"), "zalo", "login",
         "--redirect-uri", CALLBACK],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=folder,
        env={**clean, **(env or ENV)},
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdin is not None
    shown = []
    for line in proc.stdout:
        shown.append(line)
        if line.startswith("http"):
            break
    proc.stdin.write(answer(shown[-1].strip()) + "\n")
    proc.stdin.flush()
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, "".join(shown) + out, err)


def browser(url: str) -> str:
    """The administrator allows the app: Zalo's redirect target, as the browser's address bar shows it."""
    response = httpx.get(url, follow_redirects=False)
    assert response.status_code == 302, response.text
    return response.headers["location"]


def test_login_stores_tokens_and_replaces_a_dead_refresh_token(tmp_path: Path) -> None:
    oa = zalo_oa.FakeZaloOA()
    oa.used_refresh_tokens.add("R-spent")
    with serve_in_thread(oa.app()) as base:
        configure(tmp_path, base)
        dead = loaso(tmp_path, "zalo", "check", env={**ENV, "ZALO_OA_REFRESH_TOKEN": "R-spent"})
        assert dead.returncode == 1 and "needs re-authorisation" in dead.stdout
        done = login(tmp_path, browser)
        assert done.returncode == 0, done.stdout + done.stderr
        url = next(line for line in done.stdout.splitlines() if line.startswith("http"))
        assert url.startswith(f"{base}/v4/oa/permission?app_id={zalo_oa.APP_ID}&redirect_uri=")
        assert "code_challenge=" in url and "state=" in url
        assert f"✓ OA {zalo_oa.OA_ID} authorised; tokens stored in the database" in done.stdout
        assert "(Asia/Ho_Chi_Minh)" in done.stdout
        # No refresh token in the environment any more: the stored tokens are used.
        check = loaso(tmp_path, "zalo", "check", env=ENV)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "Zalo OA: Xã Đại Ngãi" in check.stdout


def test_pasting_only_the_code_works(tmp_path: Path) -> None:
    oa = zalo_oa.FakeZaloOA()
    with serve_in_thread(oa.app()) as base:
        configure(tmp_path, base)
        done = login(tmp_path, lambda url: httpx.URL(browser(url)).params["code"])
    assert done.returncode == 0, done.stderr
    assert oa.access_tokens  # exchanged


@pytest.mark.parametrize(
    ("answer", "deny", "message"),
    [
        (lambda url: browser(url).replace("state=", "state=x"), False, "the state in that address is not this login's"),
        (lambda url: browser(url), True, "Zalo did not grant the permission: access_denied"),
        (lambda url: "code-999", False, "Zalo refused the code (error -14019 Invalid authorization code)"),
        (lambda url: "", False, "nothing pasted"),
    ],
)
def test_failures_say_why(tmp_path: Path, answer, deny: bool, message: str) -> None:  # type: ignore[no-untyped-def]
    oa = zalo_oa.FakeZaloOA(deny=deny)
    with serve_in_thread(oa.app()) as base:
        configure(tmp_path, base)
        done = login(tmp_path, answer)
    assert done.returncode == 1
    assert message in done.stderr, done.stderr
    assert not oa.access_tokens


def test_missing_app_secret_is_named(tmp_path: Path) -> None:
    configure(tmp_path, "http://127.0.0.1:9")
    proc = loaso(tmp_path, "zalo", "login", "--redirect-uri", CALLBACK, env={})
    assert proc.returncode == 1 and "ZALO_APP_SECRET is not set" in proc.stderr


def test_pkce_challenge_is_rfc7636() -> None:
    # RFC 7636, appendix B
    assert challenge_for("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    pkce = Pkce("v" * 43, "ch", "st")
    url = permission_url("https://oauth.zaloapp.com/v4/oa/access_token", "42", CALLBACK, pkce)
    assert url == (
        "https://oauth.zaloapp.com/v4/oa/permission?app_id=42&redirect_uri=https%3A%2F%2Floaso.example.vn%2Fzalo"
        "%2Fcallback&code_challenge=ch&state=st"
    )
    assert parse_answer(f"{CALLBACK}?oa_id=9&code=abc&state=st", "st").code == "abc"
    with pytest.raises(LoginError):
        parse_answer(f"{CALLBACK}?oa_id=9&state=st", "st")
