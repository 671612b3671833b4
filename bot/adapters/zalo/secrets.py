"""Zalo secrets come only from the environment; a configured section without them cannot start.

``MissingSecret`` is a ``ConfigError``, so ``loaso`` prints the variable's name and exits
non-zero before anything connects anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import ConfigError, secret
from bot.logsafe import register_secret

OA_SECRET_KEY = "ZALO_OA_SECRET_KEY"  # webhook signatures
APP_SECRET = "ZALO_APP_SECRET"  # header ``secret_key`` of the OAuth v4 token refresh
OA_REFRESH_TOKEN = "ZALO_OA_REFRESH_TOKEN"  # the first refresh token, used while the DB has none
BOT_TOKEN = "ZALO_BOT_TOKEN"
BOT_WEBHOOK_SECRET = "ZALO_BOT_WEBHOOK_SECRET"


class MissingSecret(ConfigError, RuntimeError):
    """One line per missing variable, naming it and the config section that needs it.

    Also a RuntimeError, which ``loaso run`` reports as ``loaso: <message>`` with exit 1.
    """


def _require(names: list[str], section: str) -> dict[str, str]:
    values = {n: secret(n) for n in names}
    missing = [n for n, v in values.items() if v is None]
    if missing:
        raise MissingSecret([f"{n}: environment variable is required when {section} is configured" for n in missing])
    return {n: v for n, v in values.items() if v is not None}


@dataclass(frozen=True)
class OASecrets:
    oa_secret_key: str
    app_secret: str
    refresh_token: str | None  # optional once the database holds a refresh token

    def __post_init__(self) -> None:
        for value in (self.oa_secret_key, self.app_secret, self.refresh_token):
            register_secret(value)  # never in a log line (bot.logsafe)

    def __repr__(self) -> str:  # never print secrets by accident
        return "OASecrets(***)"


@dataclass(frozen=True)
class BotSecrets:
    token: str
    webhook_secret: str | None  # required in webhook mode only

    def __post_init__(self) -> None:
        register_secret(self.token)
        register_secret(self.webhook_secret)

    def __repr__(self) -> str:
        return "BotSecrets(***)"


def oa_secrets() -> OASecrets:
    got = _require([OA_SECRET_KEY, APP_SECRET], "zalo_oa")
    return OASecrets(got[OA_SECRET_KEY], got[APP_SECRET], secret(OA_REFRESH_TOKEN))


def bot_secrets(mode: str) -> BotSecrets:
    names = [BOT_TOKEN] + ([BOT_WEBHOOK_SECRET] if mode == "webhook" else [])
    got = _require(names, f"zalo_bot (mode {mode})")
    return BotSecrets(got[BOT_TOKEN], got.get(BOT_WEBHOOK_SECRET) or secret(BOT_WEBHOOK_SECRET))
