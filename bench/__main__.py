"""Every benchmark, one after the other: ``python -m bench`` (about 10 minutes on 2 cores).

Each prints its own numbers with the baseline it is compared to in the same run;
``python -m bench NAME …`` runs only those (pipeline, faq, fanout, dashboard, zalo, images, safety, crash,
flood, drain, gate, scale); options after the names go to each of them (``python -m bench images --misses``).
"""

from __future__ import annotations

import subprocess
import sys
import time

BENCHES = {
    "pipeline": ["-m", "bench.pipeline"],  # updates/s vs a bare PTB app (issue 2)
    "faq": ["-m", "bench.faq_bench"],  # answers, silence, wrong answers, latency at 4,000 topics (issues 3, 10)
    "fanout": ["-m", "bench.fanout"],  # 2,000-group broadcast vs the flood limit (issue 4)
    "dashboard": ["-m", "bench.dashboard_bench"],  # overview page at commune scale (issue 5)
    "zalo": ["-m", "bench.zalo_webhook"],  # Zalo webhook events/s vs a bare endpoint (issue 6)
    "images": ["-m", "bench.images_bench"],  # screenshots read and answered (issue 16)
    "safety": ["-m", "bench.safety_bench"],  # scam judge: recall, false flags, p99 (issue 14)
    "crash": ["-m", "bench.crash"],  # SIGKILL after acknowledging: nothing lost (issue 11)
    "flood": ["-m", "bench.flood"],  # one resident floods a group during a bulletin (issue 11)
    "drain": ["-m", "bench.outbox_drain", "--postgres", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"],  # (11)
    "gate": ["-m", "bench.flood_gate"],  # cost of one shared flood-gate reservation on PostgreSQL (issue 11)
    "scale": ["-m", "bench.scale"],  # 1, 2, 4 `loaso run` on one PostgreSQL and one token (issue 11)
}


def main(args: list[str]) -> int:
    names = [a for a in args if not a.startswith("-")]
    options = [a for a in args if a.startswith("-")]
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHES)}", file=sys.stderr)
        return 2
    failed = 0
    for name in names or list(BENCHES):
        print(f"\n=== {name}", flush=True)
        start = time.monotonic()
        code = subprocess.call([sys.executable, *BENCHES[name], *options])
        print(f"=== {name}: {'ok' if code == 0 else f'exit {code}'} in {time.monotonic() - start:.0f} s", flush=True)
        failed += code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
