"""``loaso demo``: a believable commune's last N days in an empty database, so a newcomer sees
a living dashboard right after install.

For every hamlet of the config: a Telegram and a Zalo group (one not admin, one the bot was
removed from), residents in proportion to its households who joined before and during the
period (some left), hourly message counts peaking morning and evening, questions residents
asked (answered or not, exactly as the FAQ matcher would), feedback, daily weather and weekly
salinity bulletins with their deliveries (a few failures), a few policy notices, salinity
readings rising into the dry season. Deterministic for a seed. Nothing is sent anywhere.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.faq.service import matcher_for
from bot.salinity import band_for
from bot.stats.scope import local_midnight_utc, today_local
from bot.store import rollups
from bot.store.broadcasts import SalinityBand
from bot.store.outbox import Bulletin, Delivery
from bot.store.questions import Question
from bot.store.readings import SalinityReading
from bot.store.tables import Activity, Group, MemberEventRow, Membership, Person

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi", "Lâm", "Dương"]
GIVEN = ["Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Út", "Hai", "Ba", "Lan", "Hoa", "Phúc", "Hùng",
         "Thảo", "Sơn", "Hạnh", "Dũng", "Mai", "Cúc", "Tâm", "Nghĩa", "Hiền", "Lộc"]  # fmt: skip
CALL = ["Cô", "Chú", "Anh", "Chị", "Bác", "Dì", "Cậu", "Thím"]
QUESTIONS = [
    "quên mật khẩu vneid phải làm sao", "kich hoat vneid the nao", "vneid báo lỗi hoài không vô được",
    "làm sao đăng ký tài khoản định danh mức 2", "thẻ căn cước còn hạn tới bao giờ", "đăng nhập dịch vụ công thế nào",
    "đăng ký khai sinh cho con trên mạng", "tra cứu hồ sơ dịch vụ công ở đâu", "vssid quên mật khẩu",
    "có người gọi xưng công an bảo cài app", "mã otp có được đưa cho ai không", "mở tài khoản ngân hàng online",
    "độ mặn hôm nay sao rồi", "mai trời có mưa không", "bán hàng online cần giấy phép gì",
    "giá lúa hôm nay bao nhiêu", "khi nào phát gạo hỗ trợ", "đường vô ấp chừng nào làm xong",
    "mấy giờ cúp điện", "xin giấy xác nhận hộ nghèo ở đâu", "alo có ai không", "cảm ơn loa số nha",
]  # fmt: skip
POLICY = [
    "Từ ngày 1/12, bà con mang căn cước khi đi khám chữa bệnh bằng BHYT.",
    "Chủ nhật tuần này Tổ công nghệ số hỗ trợ kích hoạt VNeID tại nhà văn hóa ấp, 7 giờ – 11 giờ.",
    "Cảnh giác cuộc gọi giả danh công an yêu cầu cài ứng dụng: tuyệt đối không làm theo.",
    "Lịch tiêm ngừa cho trẻ dưới 5 tuổi: sáng thứ Năm tại trạm y tế xã.",
]
HOURS = [6, 7, 7, 8, 11, 12, 18, 19, 19, 20, 20, 21]  # local hours people write most


@dataclass
class DemoSummary:
    groups: int = 0
    people: int = 0
    events: int = 0
    activity: int = 0
    questions: int = 0
    bulletins: int = 0
    deliveries: int = 0
    readings: int = 0


async def has_real_data(s: AsyncSession) -> bool:
    for table in (Group, Person, Question, Bulletin):
        if (await s.execute(select(func.count()).select_from(table))).scalar_one():
            return True
    return False


def _name(rng: random.Random) -> str:
    first = rng.choice(CALL) if rng.random() < 0.6 else rng.choice(FAMILY)
    return f"{first} {rng.choice(GIVEN)}"


async def _bulk(s: AsyncSession, table: type, rows: list[dict[str, Any]], chunk: int = 2000) -> None:
    for i in range(0, len(rows), chunk):
        await s.execute(insert(table), rows[i : i + chunk])


async def fill_demo(s: AsyncSession, config: Config, now: datetime, days: int = 90, seed: int = 13) -> DemoSummary:
    """Insert the demo rows (naive UTC times up to ``now``) in the caller's transaction."""
    rng = random.Random(seed)
    tz = config.tz
    today = today_local(now, tz)
    first_day = today - timedelta(days=days - 1)
    start = local_midnight_utc(first_day, tz)
    base = (
        random.SystemRandom().randrange(10**6, 9 * 10**6) * 1000
    )  # fresh ids, so --force can add a second demo beside the first
    out = DemoSummary()
    matcher = matcher_for(config)

    def local_time(day_index: int, hour: int, minute: int = 0) -> datetime:
        return local_midnight_utc(first_day + timedelta(days=day_index), tz) + timedelta(hours=hour, minutes=minute)

    groups: list[tuple[Group, str]] = []  # (group, hamlet)
    for ci, commune in enumerate(config.communes):
        for hi, hamlet in enumerate(commune.hamlets):
            for platform in ("telegram", "zalo_bot"):
                n = len(groups)
                ids = {"chat_id": -(base + n), "external_id": None} if platform == "telegram" else \
                    {"chat_id": None, "external_id": f"demo{base + n}"}  # fmt: skip
                label = "Zalo" if platform == "zalo_bot" else "Telegram"
                g = Group(
                    platform=platform, kind="group", title=f"{hamlet.name} – thông tin ({label})",
                    hamlet_code=hamlet.code, active=not (ci == 0 and hi == 1 and platform == "zalo_bot"),
                    bot_is_admin=not (hi == 2 and platform == "telegram"), created_at=start - timedelta(days=120),
                    updated_at=now, **ids,
                )  # fmt: skip
                s.add(g)
                groups.append((g, hamlet.code))
    await s.flush()
    out.groups = len(groups)

    # residents: about half the households of a hamlet join its groups
    people: list[dict[str, Any]] = []
    plan: list[tuple[int, int, datetime, datetime | None, float]] = []  # (person idx, group id, joined, left, chatty)
    households = {h.code: h.households for h in config.all_hamlets()}
    for g, code in groups:
        share = 0.55 if g.platform == "zalo_bot" else 0.3
        for _ in range(max(3, int(households.get(code, 50) * share))):
            idx = len(people)
            uid = base + 100_000 + idx
            ids = {"user_id": uid, "external_id": None} if g.platform == "telegram" else \
                {"user_id": None, "external_id": f"demo{uid}"}  # fmt: skip
            people.append({"platform": g.platform, "display_name": _name(rng), "first_seen": start, **ids})
            before = rng.random() < 0.72
            joined = start - timedelta(days=rng.randrange(1, 200)) if before else \
                start + timedelta(minutes=rng.randrange(0, days * 1440))  # fmt: skip
            joined = min(joined, now - timedelta(hours=1))
            left: datetime | None = None
            if rng.random() < 0.07:
                left = joined + timedelta(days=rng.randrange(1, 60))
                left = left if start < left < now else None
            plan.append((idx, g.id, joined, left, rng.random() ** 2))
    await _bulk(s, Person, people)
    person_ids: dict[int, int] = {}
    keyed = {(p["platform"], p["user_id"], p["external_id"]): i for i, p in enumerate(people)}
    rows = await s.execute(select(Person.id, Person.platform, Person.user_id, Person.external_id)
                           .where(Person.first_seen == start))  # fmt: skip
    for pid, platform, user_key, ext in rows.all():
        if (platform, user_key, ext) in keyed:
            person_ids[keyed[(platform, user_key, ext)]] = pid
    out.people = len(people)

    memberships: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    activity: list[dict[str, Any]] = []
    active_groups = {g.id for g, _ in groups if g.active}
    for idx, gid, joined, left, chatty in plan:
        pid = person_ids[idx]
        memberships.append({"group_id": gid, "person_id": pid, "active": left is None and gid in active_groups,
                            "joined_at": joined, "left_at": left})  # fmt: skip
        event = {"group_id": gid, "person_id": pid, "source": "chat_member"}
        if joined >= start - timedelta(days=30):
            events.append({**event, "change": "joined", "at": joined})
        if left is not None:
            events.append({**event, "change": "left", "at": left})
        hours: dict[datetime, int] = {}
        for d in range(days):
            if rng.random() > 0.05 + 0.5 * chatty:
                continue
            for _ in range(1 + int(rng.random() * 2.5 * chatty)):
                at = local_time(d, rng.choice(HOURS))
                if at < joined or at >= now or (left is not None and at >= left) or gid not in active_groups:
                    continue
                hours[at] = hours.get(at, 0) + rng.randint(1, 5)
        activity.extend({"group_id": gid, "person_id": pid, "hour": h, "messages": n} for h, n in hours.items())
    await _bulk(s, Membership, memberships)
    await _bulk(s, MemberEventRow, events)
    await _bulk(s, Activity, activity)
    out.events, out.activity = len(events), len(activity)

    # questions residents asked the bot
    questions: list[dict[str, Any]] = []
    askers = [(person_ids[idx], gid) for idx, gid, *_ in plan]
    hamlet_of = {g.id: h for g, h in groups}
    for d in range(days):
        for _ in range(rng.randint(1, 7)):
            pid, gid = rng.choice(askers)
            text = rng.choice(QUESTIONS)
            m = matcher.match(text)
            at = local_time(d, rng.choice(HOURS), rng.randrange(60))
            if at >= now:
                continue
            feedback = None
            if m.topic and rng.random() < 0.35:
                feedback = "useful" if rng.random() < 0.78 else "not_useful"
            questions.append({
                "platform": "telegram", "group_id": gid, "person_id": pid, "hamlet_code": hamlet_of[gid],
                "asked_at": at, "text": text, "topic": m.topic, "score": m.score, "answered": m.topic is not None,
                "feedback": feedback, "feedback_at": at + timedelta(minutes=3) if feedback else None,
            })  # fmt: skip
    await _bulk(s, Question, questions)
    out.questions = len(questions)

    # bulletins: daily weather, weekly salinity, a few policy notices; each with a delivery per group
    stations = [st.code for st in config.stations]
    readings: list[dict[str, Any]] = []
    for si, code in enumerate(stations):
        for d in range(days):
            value = max(0.1, 0.2 + 2.6 * (d / max(days - 1, 1)) ** 2 + rng.uniform(-0.25, 0.25) + si * 0.3)
            readings.append({"station": code, "at": local_time(d, 7), "grams_per_litre": round(value, 1),
                             "source": "demo", "recorded_at": local_time(d, 7, 20)})  # fmt: skip
    readings = [r for r in readings if r["at"] < now]
    if (await s.execute(select(func.count()).select_from(SalinityReading))).scalar_one():
        readings = []  # a second demo (--force) keeps the readings already there
    await _bulk(s, SalinityReading, readings)
    out.readings = len(readings)
    for code in stations:
        last = max((r for r in readings if r["station"] == code), key=lambda r: r["at"], default=None)
        if last is not None and await s.get(SalinityBand, code) is None:
            s.add(SalinityBand(station=code, band=int(band_for(last["grams_per_litre"])), reading_at=last["at"],
                               updated_at=now))  # fmt: skip

    plans: list[tuple[str, str, datetime, str, str | None, str | None]] = []  # kind, target, at, text, schedule, by
    for commune in config.communes:
        suffix = "" if len(config.communes) == 1 else f"-{commune.code.lower()}"  # one run per schedule and time
        for d in range(days):
            at = local_time(d, 5, 30)
            plans.append(("weather", f"commune:{commune.code}", at,
                          f"THỜI TIẾT {commune.name.upper()}\nHôm nay: nắng, chiều có mưa rào rải rác, 25–33°C.",
                          f"weather-daily{suffix}", "scheduler"))  # fmt: skip
            if d % 7 == 3:
                plans.append(("salinity", f"commune:{commune.code}", local_time(d, 6),
                              "ĐỘ MẶN tuần này: trạm gần nhất đo khoảng 1,5 g/l. Không dùng nước sông tưới rau màu.",
                              f"salinity-dry-season{suffix}", "scheduler"))  # fmt: skip
        for i, text in enumerate(POLICY):
            d = min(days - 1, (i + 1) * days // (len(POLICY) + 1))
            html = f"<b>THÔNG BÁO — {commune.name}</b>\n\n{text}\n\n<i>Tổ công nghệ số cộng đồng</i>"
            plans.append(("policy", f"commune:{commune.code}", local_time(d, 9, 15), html, None, "web:demo-totruong"))
    commune_groups = {c.code: [g for g, h in groups if h in {x.code for x in c.hamlets}] for c in config.communes}
    deliveries: list[dict[str, Any]] = []
    taken = set(
        (await s.execute(select(Bulletin.schedule_id, Bulletin.run_at).where(Bulletin.schedule_id.is_not(None)))).all()
    )
    for kind, target, at, text, schedule, by in plans:
        if at >= now or (schedule, at) in taken:
            continue
        b = Bulletin(kind=kind, target=target, text=text, html=kind == "policy", schedule_id=schedule,
                     run_at=at if schedule else None, send_at=at, status="done", created_by=by,
                     created_at=at)  # fmt: skip
        s.add(b)
        await s.flush()
        out.bulletins += 1
        for g in commune_groups[target.split(":")[1]]:
            if not g.active and at > now - timedelta(days=days // 3):
                status, error = "inactive", "Forbidden: bot was kicked from the group chat"
            elif rng.random() < 0.03:
                status, error = "failed", "gave up: TimedOut"
            else:
                status, error = "sent", None
            deliveries.append({
                "bulletin_id": b.id, "group_id": g.id, "platform": g.platform, "text": text, "html": b.html,
                "status": status, "attempts": 1 if status != "failed" else 5, "due_at": at,
                "sent_at": at + timedelta(seconds=rng.randrange(1, 90)) if status == "sent" else None,
                "error": error, "migrated": False, "parts_sent": 1 if status == "sent" else 0, "updated_at": at,
            })  # fmt: skip
    await rollups.rebuild(s, tz, now)  # the daily roll-up the dashboard reads
    await _bulk(s, Delivery, deliveries)
    out.deliveries = len(deliveries)
    return out
