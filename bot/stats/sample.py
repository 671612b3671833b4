"""A small, fixed dataset whose figures can be checked by hand.

The stats tests (SQLite and PostgreSQL), the dashboard tests and the browser test all
seed this and compare against the numbers written in ``tests/bot/stats/test_queries.py``.
Two communes, three hamlets, a few people; times chosen to cross the UTC/local day line.
"""

from __future__ import annotations

from datetime import datetime

from bot.config import Config, parse_config
from bot.store.db import Store
from bot.store.outbox import Bulletin, Delivery
from bot.store.questions import Question
from bot.store.tables import Activity, Group, MemberEventRow, Membership, Person

NOW = datetime(2026, 11, 24, 12, 0)  # naive UTC; 19:00 in Vietnam
START, END = "2026-11-01", "2026-11-24"

CONFIG = {
    "communes": [
        {
            "code": "DAINGAI",
            "name": "Xã Đại Ngãi",
            "province": "Thành phố Cần Thơ",
            "hamlets": [
                {"code": "NGAIHOI1", "name": "Ấp Ngãi Hội 1", "lat": 9.73, "lon": 106.07, "households": 100},
                {"code": "PHUHUU", "name": "Ấp Phú Hữu", "lat": 9.69, "lon": 106.10, "households": 50},
            ],
        },
        {
            "code": "LONGDUC",
            "name": "Xã Long Đức",
            "province": "Thành phố Cần Thơ",
            "hamlets": [{"code": "LONGTHOI", "name": "Ấp Long Thới", "lat": 9.6, "lon": 106.2, "households": 80}],
        },
    ],
    "roles": [
        {"platform": "shell", "user_id": 2001, "role": "leader", "commune": "DAINGAI"},
        {"platform": "shell", "user_id": 3001, "role": "official"},
    ],
}


def sample_config(**overrides: object) -> Config:
    return parse_config({**CONFIG, **overrides})


def _t(text: str) -> datetime:
    return datetime.fromisoformat(text)


# group id → (hamlet, active)
GROUPS = {
    1: ("NGAIHOI1", True),
    2: ("NGAIHOI1", True),
    3: ("PHUHUU", True),
    4: ("LONGTHOI", True),
    5: ("PHUHUU", False),  # the bot was removed: not counted
    6: (None, True),  # not linked to a hamlet: not counted
}
# (group, person, active)
MEMBERSHIPS = [
    (1, 1, True), (1, 2, True), (1, 3, True), (1, 4, False),
    (2, 1, True), (2, 5, True),
    (3, 6, True), (3, 7, True),
    (4, 8, True),
    (5, 9, True),
    (6, 10, True),
]  # fmt: skip
# (group, person, change, UTC time)
EVENTS = [
    (1, 3, "joined", "2026-11-03 10:00"),
    (1, 4, "joined", "2026-10-20 08:00"),
    (1, 4, "left", "2026-11-08 20:00"),  # Monday 9/11 03:00 in Vietnam
    (2, 5, "joined", "2026-11-20 09:00"),
    (3, 7, "joined", "2026-10-31 18:00"),  # 1/11 01:00 in Vietnam: inside the range
    (4, 8, "joined", "2026-11-05 08:00"),
    (5, 9, "joined", "2026-11-05 08:00"),
]
# (group, person, UTC hour, messages)
ACTIVITY = [
    (1, 1, "2026-11-23 02:00", 5),
    (1, 2, "2026-11-20 17:00", 3),  # 21/11 00:00 in Vietnam
    (2, 5, "2026-11-10 03:00", 2),
    (3, 6, "2026-11-24 01:00", 4),
    (3, 6, "2026-10-31 16:00", 7),  # 31/10 23:00 in Vietnam: before the range
    (3, 7, "2026-10-31 17:00", 1),  # 1/11 00:00 in Vietnam: inside the range
    (4, 8, "2026-11-22 05:00", 10),
    (5, 9, "2026-11-22 05:00", 6),
]
# (id, hamlet, person, UTC time, text, topic, answered, feedback)
QUESTIONS = [
    (1, "NGAIHOI1", 1, "2026-11-05 03:00", "Quên mật khẩu VNeID làm sao?", "vneid.forgot_password", True, "useful"),
    (2, "NGAIHOI1", 2, "2026-11-06 03:00", "mat khau vneid quen r", "vneid.forgot_password", True, "not_useful"),
    (3, "PHUHUU", 6, "2026-11-07 03:00", "Đăng nhập dịch vụ công thế nào?", "dvc.login", True, None),
    (4, "PHUHUU", 7, "2026-11-08 03:00", "<b>cho hỏi</b> lịch tiêm ngừa", None, False, None),
    (5, "LONGTHOI", 8, "2026-11-08 04:00", "giá lúa hôm nay", None, False, None),
    (6, "NGAIHOI1", 1, "2026-10-01 03:00", "câu hỏi cũ", "vneid.levels", True, None),
    (7, None, 10, "2026-11-09 03:00", "hỏi riêng không rõ ấp", None, False, None),
]
# (id, kind, UTC send time, {group: delivery status})
BULLETINS = [
    (1, "weather", "2026-11-10 22:30", {1: "sent", 2: "sent", 3: "failed", 4: "sent"}),
    (2, "policy", "2026-11-20 12:00", {1: "sent", 3: "inactive", 5: "queued"}),
    (3, "weather", "2026-10-01 22:30", {1: "sent"}),
]
NAMES = {1: "Cô Tư", 2: "Chú Bảy", 6: "Anh Năm", 7: "Chị Sáu"}


async def seed_sample(store: Store) -> None:
    """Insert the sample rows into an empty, migrated database."""
    now = NOW
    async with store.session() as s:
        for gid, (hamlet, active) in GROUPS.items():
            s.add(
                Group(
                    id=gid, platform="telegram", chat_id=-100 - gid, kind="group", title=f"Nhóm {gid}",
                    hamlet_code=hamlet, active=active, bot_is_admin=True, created_at=now, updated_at=now,
                )
            )  # fmt: skip
        for pid in range(1, 11):
            s.add(Person(id=pid, platform="telegram", user_id=1000 + pid, display_name=NAMES.get(pid), first_seen=now))
        await s.flush()
        for gid, pid, active in MEMBERSHIPS:
            s.add(Membership(group_id=gid, person_id=pid, active=active))
        for gid, pid, change, at in EVENTS:
            s.add(MemberEventRow(group_id=gid, person_id=pid, change=change, source="chat_member", at=_t(at)))
        for gid, pid, hour, n in ACTIVITY:
            s.add(Activity(group_id=gid, person_id=pid, hour=_t(hour), messages=n))
        for qid, hamlet, pid, at, text, topic, answered, feedback in QUESTIONS:
            s.add(
                Question(
                    id=qid, platform="telegram", group_id=None, person_id=pid, hamlet_code=hamlet, asked_at=_t(at),
                    text=text, topic=topic, score=0.9 if answered else 0.1, answered=answered, feedback=feedback,
                )
            )  # fmt: skip
        for bid, kind, at, deliveries in BULLETINS:
            s.add(
                Bulletin(
                    id=bid, kind=kind, target="commune:DAINGAI", text=f"Bản tin {bid}: trời nắng, độ mặn 1,2 g/l",
                    send_at=_t(at), status="done", created_at=_t(at),
                )
            )  # fmt: skip
            await s.flush()
            for gid, status in deliveries.items():
                s.add(
                    Delivery(
                        bulletin_id=bid, group_id=gid, platform="telegram", text="…", status=status,
                        due_at=_t(at), sent_at=_t(at) if status == "sent" else None, updated_at=_t(at),
                    )
                )  # fmt: skip
