"""deploy/ exercised where this machine allows: Caddy (internal CA) in front of a real
``loaso run``, the systemd units through ``systemd-analyze verify``, a pg_dump backup
restored into a new database, the Dockerfile and compose file checked for structure, and
the example configs parsed. Each test skips only when its tool is missing."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from bot.config import PROJECT_ROOT, Web, parse_config
from tests.bot.cli.helpers import write_config
from tests.bot.cli.test_run import free_port
from tests.fakes import updates as u
from tests.fakes.telegram_api import running_fake

DEPLOY = PROJECT_ROOT / "deploy"
SECRET = "caddy-test-webhook-secret-0123456789"
CLIENT_IP = "127.0.0.2"  # the "resident's phone": a loopback address other than Caddy's own
SPOOFED = "203.0.113.7"


# --- Caddy in front of loaso run ------------------------------------------------------------


def caddyfile_for_test(https_port: int, http_port: int) -> str:
    """The shipped Caddyfile, untouched, after global options for a test: Caddy's own CA
    (what `tls internal` does) instead of Let's Encrypt, unprivileged ports, no admin API."""
    shipped = (DEPLOY / "caddy" / "Caddyfile").read_text(encoding="utf-8")
    return (
        "{\n\tadmin off\n\tlocal_certs\n\tskip_install_trust\n"
        f"\thttp_port {http_port}\n\thttps_port {https_port}\n}}\n\n" + shipped
    )


async def wait_for(url: str, client: httpx.AsyncClient, proc: asyncio.subprocess.Process, what: str) -> None:
    for _ in range(300):
        if proc.returncode is not None:
            raise AssertionError(f"{what} exited with {proc.returncode}")
        try:
            await client.get(url)
            return
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError):
            await asyncio.sleep(0.1)
    raise AssertionError(f"{what} did not answer at {url}")


@pytest.mark.skipif(shutil.which("caddy") is None, reason="caddy is not installed (apt-get install caddy)")
async def test_caddy_serves_webhooks_and_dashboard_over_https_with_the_real_client_address(tmp_path: Path) -> None:
    loaso_port, https_port, http_port = free_port(), free_port(), free_port()
    site = f"https://localhost:{https_port}"
    async with running_fake() as fake:
        web: dict[str, Any] = {"host": "127.0.0.1", "port": loaso_port}
        if "trusted_proxies" in Web.model_fields:
            web["trusted_proxies"] = ["127.0.0.1"]  # as deploy/config.example.yaml
        write_config(tmp_path, telegram={"base_url": fake.base_url, "webhook": {"url": f"{site}/webhooks/telegram"}},
                     web=web)  # fmt: skip
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LOASO_", "TELEGRAM_"))}
        env.update(TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_WEBHOOK_SECRET=SECRET)
        loaso = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--config", str(tmp_path / "config.yaml"), "run",
            cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        (tmp_path / "Caddyfile").write_text(caddyfile_for_test(https_port, http_port), encoding="utf-8")
        caddy_env = {
            **os.environ,
            "HOME": str(tmp_path),
            "XDG_DATA_HOME": str(tmp_path / "caddy-data"),
            "XDG_CONFIG_HOME": str(tmp_path / "caddy-config"),
            "LOASO_DOMAIN": site,
            "LOASO_UPSTREAM": f"127.0.0.1:{loaso_port}",
            "LOASO_VERIFY_ROOT": str(tmp_path / "www"),
        }
        (tmp_path / "www").mkdir()
        (tmp_path / "www" / "zalo_verifierABC123.html").write_text("zalo-platform-site-verification", encoding="utf-8")
        caddy = await asyncio.create_subprocess_exec(
            "caddy", "run", "--config", str(tmp_path / "Caddyfile"), "--adapter", "caddyfile",
            env=caddy_env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        try:
            async with httpx.AsyncClient() as plain:
                await wait_for(f"http://127.0.0.1:{loaso_port}/healthz", plain, loaso, "loaso run")
            root = tmp_path / "caddy-data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
            for _ in range(300):
                if root.exists():
                    break
                await asyncio.sleep(0.1)
            tls = ssl.create_default_context(cafile=str(root))  # Caddy's internal CA, nothing else
            transport = httpx.AsyncHTTPTransport(verify=tls, local_address=CLIENT_IP)
            async with httpx.AsyncClient(transport=transport, base_url=site, timeout=10) as client:
                await wait_for(f"{site}/healthz", client, caddy, "caddy")
                assert (await client.get("/healthz")).json()["ok"] is True
                update = {"update_id": 1, **u.message(u.private(5001), u.user(5001), "/help")}
                good = await client.post(
                    "/webhooks/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
                )
                assert good.status_code == 200
                await fake.wait_sent(1, within=30)  # the resident's answer went out
                forged = await client.post(
                    "/webhooks/telegram",
                    json={"update_id": 2},
                    headers={"X-Telegram-Bot-Api-Secret-Token": "wrong", "X-Forwarded-For": SPOOFED},
                )
                assert forged.status_code == 401
                assert (await client.get("/login")).status_code == 200  # the dashboard, over HTTPS
                assert (await client.get("/metrics")).status_code == 404  # never through the proxy
                verifier = await client.get("/zalo_verifierABC123.html")  # Zalo's domain verification
                assert verifier.status_code == 200 and "verification" in verifier.text
                hsts = (await client.get("/login")).headers.get("strict-transport-security", "")
                assert "max-age=" in hsts
        finally:
            for proc in (caddy, loaso):
                if proc.returncode is None:
                    proc.send_signal(signal.SIGTERM)
            _, caddy_err = await asyncio.wait_for(caddy.communicate(), 30)
            _, loaso_err = await asyncio.wait_for(loaso.communicate(), 30)
    log = loaso_err.decode()
    assert loaso.returncode == 0, log
    rejected = [line for line in log.splitlines() if "wrong secret token" in line]
    assert len(rejected) == 1, log + caddy_err.decode()
    # The address Loa Số saw is the client's as Caddy reported it, not a header the client made up.
    assert f"host='{CLIENT_IP}'" in rejected[0] and SPOOFED not in log


# --- systemd ------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_units_verify(tmp_path: Path) -> None:
    units = sorted((DEPLOY / "systemd").iterdir())
    assert {p.name for p in units} == {
        "loaso.service", "loaso-sender.service", "loaso-backup.service", "loaso-backup.timer",
    }  # fmt: skip
    loaso_bin = Path(sys.executable).parent / "loaso"
    for unit in units:  # the programs must exist for verify: point at this checkout's
        text = unit.read_text(encoding="utf-8")
        text = text.replace("/opt/loaso/venv/bin/loaso", str(loaso_bin))
        text = text.replace("/opt/loaso/src/deploy", str(DEPLOY))
        (tmp_path / unit.name).write_text(text, encoding="utf-8")
    proc = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *[str(tmp_path / p.name) for p in units]],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Unknown" not in proc.stderr and "ignoring" not in proc.stderr, proc.stderr
    main = (DEPLOY / "systemd" / "loaso.service").read_text(encoding="utf-8")
    assert "EnvironmentFile=/etc/loaso/loaso.env" in main and "User=loaso" in main
    assert "ExecStartPre=/opt/loaso/venv/bin/loaso db upgrade" in main
    sender = (DEPLOY / "systemd" / "loaso-sender.service").read_text(encoding="utf-8")
    assert "run --role sender --port 8081" in sender
    env_example = (DEPLOY / "loaso.env.example").read_text(encoding="utf-8")
    assert re.findall(r"^LOASO_SENDERS=(\d+)$", env_example, re.M) == ["2"]  # two senders share the rate
    assert not re.findall(r"^[A-Z_]*(TOKEN|SECRET)=\S", env_example, re.M)  # no secret in the example


# --- backup and restore ---------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_backup_then_restore_into_a_new_database(tmp_path: Path) -> None:
    from tests.conftest import _pg_up

    if not asyncio.run(_pg_up()):
        if os.environ.get("LOASO_REQUIRE_PG"):
            pytest.fail("LOASO_REQUIRE_PG is set but no PostgreSQL server answers")
        pytest.skip("no PostgreSQL server at 127.0.0.1:5432")
    live, restored = f"loaso_live_{uuid.uuid4().hex[:8]}", f"loaso_restored_{uuid.uuid4().hex[:8]}"
    pg = {**os.environ, "PGHOST": "127.0.0.1", "PGUSER": "postgres"}
    run = lambda *a, **kw: subprocess.run(list(a), capture_output=True, text=True, timeout=120, **kw)  # noqa: E731
    assert run("createdb", live, env=pg).returncode == 0
    try:
        write_config(tmp_path, database={"url": f"postgresql+asyncpg://postgres@127.0.0.1:5432/{live}"})
        cli = [sys.executable, "-m", "bot", "--config", str(tmp_path / "config.yaml")]
        assert run(*cli, "db", "upgrade", cwd=tmp_path).returncode == 0
        (tmp_path / "g.csv").write_text(
            "platform,chat_id,title,hamlet\ntelegram,-1001,Ấp 1,NGAIHOI1\n", encoding="utf-8"
        )
        assert run(*cli, "groups", "import", "g.csv", cwd=tmp_path).returncode == 0
        backup = run(str(DEPLOY / "postgres" / "backup.sh"), str(tmp_path / "backups"), live, "30", env=pg)
        assert backup.returncode == 0, backup.stderr
        dumps = list((tmp_path / "backups").glob(f"{live}-*.dump"))
        assert len(dumps) == 1 and not list((tmp_path / "backups").glob(".*.part"))
        restore = run(str(DEPLOY / "postgres" / "restore.sh"), str(dumps[0]), restored, "postgres", env=pg)
        assert restore.returncode == 0, restore.stderr
        write_config(tmp_path, database={"url": f"postgresql+asyncpg://postgres@127.0.0.1:5432/{restored}"})
        status = run(*cli, "db", "status", cwd=tmp_path)
        assert "(current)" in status.stdout, status.stdout + status.stderr
        listed = run(*cli, "groups", "list", "--json", cwd=tmp_path)
        assert '"chat_id": -1001' in listed.stdout and '"hamlet": "NGAIHOI1"' in listed.stdout
    finally:
        for db in (live, restored):
            run("dropdb", "--if-exists", "--force", db, env=pg)


# --- containers and configs ----------------------------------------------------------------------


def test_dockerfile_structure() -> None:
    """No container engine runs here (and hadolint is not in Debian): the rules it would check."""
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    instructions = [line.split()[0] for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert instructions[0] == "FROM" and re.search(r"^FROM python:3\.11-slim-\w+$", text, re.M)  # pinned, not latest
    assert "USER loaso" in text and instructions.index("USER") > instructions.index("RUN")  # runs unprivileged
    assert re.search(r'^CMD \["loaso", "run"\]$', text, re.M)  # exec form: SIGTERM reaches loaso
    assert "HEALTHCHECK" in instructions and "/healthz" in text
    assert "--no-cache-dir" in text and "apt-get" not in text
    assert not re.search(r"^(ENV|ARG).*(TOKEN|SECRET)", text, re.M)  # secrets never baked in
    for src in re.findall(r"^COPY (\S+)", text, re.M):  # everything copied exists
        assert (PROJECT_ROOT / src).exists(), src


def test_compose_file() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"postgres", "migrate", "loaso", "sender", "caddy"}
    published = {name for name, s in services.items() if s.get("ports")}
    assert published == {"caddy"}  # only the proxy faces the network
    for name in ("migrate", "loaso", "sender"):  # one image, built from this project
        assert services[name]["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    for name in ("loaso", "sender"):
        assert services[name]["env_file"] == "loaso.env"
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["sender"]["command"][-4:] == ["--role", "sender", "--port", "8081"]
    text = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    assert not re.search(r"(TOKEN|SECRET)[A-Z_]*:\s*\S", text)


@pytest.mark.parametrize("name", ["config.example.yaml", "config.container.yaml"])
def test_example_configs_parse(name: str) -> None:
    data = yaml.safe_load((DEPLOY / name).read_text(encoding="utf-8"))
    assert data["web"]["trusted_proxies"], "the proxy must be trusted for the real client address"
    if "trusted_proxies" not in Web.model_fields:  # the key arrives with the security work
        data["web"].pop("trusted_proxies")
    config = parse_config(data)
    assert config.database.url.startswith("postgresql+asyncpg://")
    assert config.telegram.webhook is not None and config.telegram.webhook.url.startswith("https://")
