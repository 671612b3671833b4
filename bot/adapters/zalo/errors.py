"""The error both Zalo clients raise: HTTP status, Zalo's error code, and how long to wait."""

from __future__ import annotations


class ZaloError(Exception):
    """A failed Zalo call. The message never contains a URL (bot tokens live in URLs)."""

    def __init__(self, message: str, *, http_status: int | None, code: int | None, retry_after: float | None = None):
        super().__init__(message)
        self.http_status = http_status
        self.code = code
        self.retry_after = retry_after


def transport_error(cls: type[ZaloError], what: str, exc: Exception) -> ZaloError:
    """A network failure as a ZaloError of ``cls``: the call's name and the error type, never the URL."""
    import httpx

    reason = "timeout" if isinstance(exc, httpx.TimeoutException) else type(exc).__name__
    return cls(f"{what}: {reason}", http_status=None, code=None)
