"""The pacers, on a simulated clock (no real waiting, nothing timed)."""

from __future__ import annotations

import pytest

from broadcasts import limits
from broadcasts.limits import AccountPacer, GroupWindow, backoff_seconds


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()

    async def sleep(seconds: float) -> None:
        c.now += seconds

    monkeypatch.setattr(limits.asyncio, "sleep", sleep)
    return c


async def test_pacer_spaces_sends_evenly_below_the_rate(clock: Clock) -> None:
    pacer = AccountPacer(30 * limits.SAFETY, clock=clock)
    times = []
    for _ in range(91):
        await pacer.acquire()
        times.append(clock.now)
    span = times[-1] - times[0]
    assert span == pytest.approx(90 / (30 * limits.SAFETY))
    # in any one-second window, never more than 30
    assert max(sum(1 for t in times if start <= t < start + 1) for start in times) <= 30


async def test_pacer_pause_holds_every_send(clock: Clock) -> None:
    pacer = AccountPacer(30, clock=clock)
    await pacer.acquire()
    pacer.pause(5)
    start = clock.now
    await pacer.acquire()
    assert clock.now - start == pytest.approx(5)


async def test_pacer_catches_up_only_a_few_slots(clock: Clock) -> None:
    pacer = AccountPacer(10, clock=clock)
    await pacer.acquire()
    clock.now += 0.25  # fell behind by 2.5 slots: may catch up
    t0 = clock.now
    await pacer.acquire()
    await pacer.acquire()
    assert clock.now == t0  # both taken at once
    clock.now += 60  # long idle: no burst of 600
    t1 = clock.now
    for _ in range(3):
        await pacer.acquire()
    assert clock.now - t1 == pytest.approx(0.2)


def test_group_window_slides(clock: Clock) -> None:
    window = GroupWindow(20, 60, clock=clock)
    for _ in range(20):
        assert window.wait_for("g") == 0
        window.record("g")
        clock.now += 1
    assert window.wait_for("g") == pytest.approx(40)
    assert window.wait_for("other") == 0
    clock.now += 40
    assert window.wait_for("g") == 0


def test_backoff_grows_and_is_capped() -> None:
    import random

    rng = random.Random(1)
    values = [backoff_seconds(a, rng) for a in range(1, 12)]
    assert 0.5 <= values[0] <= 1.0 and 4 <= values[3] <= 8
    assert max(values) <= limits.BACKOFF_CAP_S


def test_obsolete_senders_variable_is_ignored_with_one_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from broadcasts import drain

    monkeypatch.setattr(drain, "_warned_senders", False)
    monkeypatch.setenv("LOASO_SENDERS", "3")
    drain.warn_obsolete_senders()
    drain.warn_obsolete_senders()
    assert [r.message for r in caplog.records].count(
        "LOASO_SENDERS is ignored: processes on one PostgreSQL share each token's flood budget"
    ) == 1


def test_gcra_group_pace_never_puts_more_than_20_in_a_minute() -> None:
    from broadcasts.limits import LIMITS, gcra

    pace = LIMITS[limits.Platform.TELEGRAM].group
    tat, now, sent = 0.0, 1000.0, []
    for _ in range(100):  # a sender that always wants to send: it waits as told
        wait, tat = gcra(tat, 0.0, now, pace, block=True)
        now += wait
        sent.append(now)
    assert sent[: pace.burst] == [1000.0] * pace.burst  # a few answers at once …
    assert max(sum(1 for t in sent if s <= t < s + 60) for s in sent) <= 20  # … never over 20 a minute


def test_gcra_without_block_reserves_nothing() -> None:
    from broadcasts.limits import Pace, gcra

    pace = Pace(1.0, 1)
    wait, tat = gcra(0.0, 0.0, 10.0, pace, block=False)
    assert (wait, tat) == (0.0, 11.0)
    wait, tat2 = gcra(tat, 0.0, 10.5, pace, block=False)
    assert wait == 0.5 and tat2 == tat  # asked, told to wait, nothing taken
    wait, _ = gcra(tat, 20.0, 10.5, pace, block=False)
    assert wait == 9.5  # a pause wins
