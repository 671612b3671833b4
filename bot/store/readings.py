"""Live data the bot answers from and broadcasts: salinity readings and weather forecasts.

Salinity is in g/l (= ‰). A forecast is stored per hamlet and day as the source's daily
values, so the FAQ can answer "thời tiết hôm nay" without calling the source again.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, Float, Index, String, UniqueConstraint, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.base import Base, BigPK


class SalinityReading(Base):
    __tablename__ = "salinity_readings"
    __table_args__ = (
        UniqueConstraint("station", "at"),
        Index("ix_salinity_station_at", "station", "at"),
    )

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    station: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime)  # when measured, naive UTC
    grams_per_litre: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(64))  # "leader:telegram:2001", "cli", "url"
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class Forecast(Base):
    __tablename__ = "forecasts"
    __table_args__ = (UniqueConstraint("hamlet_code", "day"),)

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    hamlet_code: Mapped[str] = mapped_column(String(32))
    day: Mapped[date] = mapped_column(Date)  # local date in the config timezone
    data: Mapped[dict] = mapped_column(JSON)  # weather_code, t_max, t_min, rain_mm, rain_prob
    fetched_at: Mapped[datetime] = mapped_column(DateTime)


async def latest_salinity(s: AsyncSession, station: str) -> SalinityReading | None:
    q = select(SalinityReading).where(SalinityReading.station == station).order_by(SalinityReading.at.desc()).limit(1)
    return (await s.execute(q)).scalar_one_or_none()


async def forecast_for(s: AsyncSession, hamlet_code: str, day: date) -> Forecast | None:
    q = select(Forecast).where(Forecast.hamlet_code == hamlet_code, Forecast.day == day)
    return (await s.execute(q)).scalar_one_or_none()


async def forecasts_between(s: AsyncSession, hamlet_code: str, first: date, last: date) -> list[Forecast]:
    """The stored daily forecasts of a hamlet from ``first`` to ``last`` (local dates), by day."""
    q = (
        select(Forecast)
        .where(Forecast.hamlet_code == hamlet_code, Forecast.day >= first, Forecast.day <= last)
        .order_by(Forecast.day)
    )
    return list((await s.execute(q)).scalars())


async def last_forecast_day(s: AsyncSession, hamlet_code: str) -> date | None:
    """How far the stored forecast of a hamlet reaches."""
    q = select(func.max(Forecast.day)).where(Forecast.hamlet_code == hamlet_code)
    return (await s.execute(q)).scalar_one_or_none()
