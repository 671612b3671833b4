"""Property-based: random and truncated updates never crash the bot; each bad one is logged once.

Runs the real PTB application (initialised against the fake Bot API) and our dispatcher
on a real SQLite store. Hypothesis drives examples inside one event loop.
"""

from __future__ import annotations

import asyncio
import copy
import logging
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.adapters.telegram import TelegramService
from bot.runtime import Runtime
from bot.store.inbox import pending_replies
from bot.wiring import build_runtime
from tests.conftest import sample_config
from tests.fakes import updates as u
from tests.fakes.telegram_api import running_fake

GROUP = u.group(-4001)
RESIDENT = u.user(5001)
SEEDS: list[dict[str, Any]] = [
    u.message(GROUP, RESIDENT, "/help"),
    u.message(u.private(5001), RESIDENT, "kích hoạt vneid thế nào"),
    u.message(GROUP, u.user(2001), "/ganap PHUHUU"),
    u.message(GROUP, RESIDENT, new_chat_members=[RESIDENT, u.user(5002)]),
    u.message(GROUP, RESIDENT, left_chat_member=RESIDENT),
    u.message(GROUP, RESIDENT, migrate_to_chat_id=-100999),
    u.chat_member_update(GROUP, RESIDENT, "left", "member"),
    u.chat_member_update(GROUP, u.BOT, "left", "administrator", mine=True, by=u.user(2001)),
    {
        "callback_query": {
            "id": "cb1",
            "from": RESIDENT,
            "chat_instance": "x",
            "data": "fb:1:u",
            "message": u.message(GROUP, u.BOT, "Câu trả lời")["message"],
        }
    },
]

json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False), st.text(max_size=30)
)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.extend(_paths(v, (*prefix, i)))
    return out


@st.composite
def broken_updates(draw: st.DrawFn) -> Any:
    kind = draw(st.sampled_from(["mutate", "random", "not-a-dict"]))
    if kind == "random":
        return {
            "update_id": draw(st.integers(1, 10**6)),
            **draw(st.dictionaries(st.text(max_size=15), json_value, max_size=4)),
        }
    if kind == "not-a-dict":
        return draw(json_value)
    update = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    update["update_id"] = draw(st.integers(1, 10**6))
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(update)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent: Any = update
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()):
            del parent[path[-1]]  # truncated
        else:
            parent[path[-1]] = draw(json_value)  # wrong type or value
    return update


async def queued_replies(runtime: Runtime) -> int:
    async with runtime.store.session() as s:
        return (await pending_replies(s))[0]


def test_random_updates_never_crash(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    loop = asyncio.new_event_loop()
    fake_ctx = running_fake()
    fake = loop.run_until_complete(fake_ctx.__aenter__())
    config = sample_config(tmp_path, telegram={"base_url": fake.base_url, "poll_timeout": 1})
    runtime = build_runtime(config)
    loop.run_until_complete(runtime.open())
    service = TelegramService(runtime, fake.token, send_replies=False)
    loop.run_until_complete(service.start(poll=False))
    caplog.set_level(logging.WARNING)

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(raw=broken_updates())
    def check(raw: Any) -> None:
        caplog.clear()
        loop.run_until_complete(service.process_raw(raw))
        ours = [r for r in caplog.records if r.name.startswith(("bot", "handlers")) and r.levelno >= logging.WARNING]
        assert len(ours) <= 1, [r.getMessage() for r in ours]
        if not isinstance(raw, dict):
            assert len(ours) == 1 and "rejected malformed update" in ours[0].getMessage()

    try:
        check()
        # Still alive and answering after all that (someone new: RESIDENT may well be throttled by now).
        before = loop.run_until_complete(queued_replies(runtime))
        newcomer = u.user(5999, "Ông Tám")
        help_update = {"update_id": 10**7, **u.message(GROUP, newcomer, "/help")}  # an id no example used
        assert loop.run_until_complete(service.process_raw(help_update))
        assert loop.run_until_complete(queued_replies(runtime)) == before + 1
        assert service.rejected > 0
    finally:
        loop.run_until_complete(service.stop())
        loop.run_until_complete(runtime.close())
        loop.run_until_complete(fake_ctx.__aexit__(None, None, None))
        loop.close()
