"""The console tests' config: the stats sample plus salinity stations, schedules and a private
copy of the knowledge base (teaching edits it), and a few fresh questions to teach."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

from bot.config import PROJECT_ROOT, Config, parse_config
from bot.stats.sample import CONFIG
from bot.store.db import Store, utcnow
from bot.store.questions import Question

STATIONS = [
    {"code": "DAINGAI", "name": "Đại Ngãi", "river": "Sông Hậu"},
    {"code": "LONGDUC", "name": "Long Đức", "river": "Sông Hậu"},
]
HAMLET_STATIONS = {"NGAIHOI1": "DAINGAI", "PHUHUU": "DAINGAI", "LONGTHOI": "LONGDUC"}
SCHEDULES = [
    {"id": "weather-daily", "kind": "weather", "cron": "30 5 * * *", "target": "commune:DAINGAI"},
    {"id": "weather-longduc", "kind": "weather", "cron": "30 5 * * *", "target": "commune:LONGDUC"},
    {"id": "policy-weekly", "kind": "policy_digest", "cron": "0 19 * * 5", "target": "all"},
]
# (id, hamlet, text): unanswered today, in Đại Ngãi (100, 101) and Long Đức (102)
FRESH_QUESTIONS = [
    (100, "NGAIHOI1", "cái loa ngoài đình hư rồi ai sửa"),
    (101, "PHUHUU", "giá lúa hôm nay bao nhiêu"),
    (102, "LONGTHOI", "cái loa ngoài đình hư rồi ai sửa"),
    (103, "NGAIHOI1", "alo alo"),
]


def console_config(tmp_path: Path) -> Config:
    data = copy.deepcopy(CONFIG)
    for commune in data["communes"]:
        for hamlet in commune["hamlets"]:
            hamlet["station"] = HAMLET_STATIONS[hamlet["code"]]
    kb = tmp_path / "knowledge.yaml"
    shutil.copy(PROJECT_ROOT / "faq" / "knowledge.yaml", kb)
    data.update(stations=STATIONS, schedules=SCHEDULES, faq={"path": str(kb)})
    return parse_config(data)


async def add_fresh_questions(store: Store) -> None:
    now = utcnow()
    async with store.session() as s:
        for qid, hamlet, text in FRESH_QUESTIONS:
            s.add(Question(id=qid, platform="telegram", hamlet_code=hamlet, asked_at=now, text=text, topic=None,
                           score=0.1, answered=False))  # fmt: skip
