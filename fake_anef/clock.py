"""The only source of "now" in the portal. The operator API shifts it so tests can move time
(a 24-hour link, a 30-day delay) without waiting; the offset is stored, so a restart keeps it."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from . import memo
from .store import SimSetting, Store

_KEY = "clock_offset_seconds"
_OFFSET = select(SimSetting.value).where(SimSetting.key == _KEY)  # built once (store.Store.rows)


class Clock:
    def __init__(self, store: Store) -> None:
        self._store = store

    def offset(self) -> timedelta:
        """Read once per request (fake_anef.memo): a page asks for "now" several times."""
        return memo.once(_KEY, self._read_offset)

    def _read_offset(self) -> timedelta:
        rows = self._store.rows(_OFFSET, {})
        return timedelta(seconds=float(rows[0][0])) if rows else timedelta(0)

    def set_offset(self, offset: timedelta) -> None:
        with self._store.session() as s:
            row = s.get(SimSetting, _KEY)
            if row is None:
                s.add(SimSetting(key=_KEY, value=str(offset.total_seconds())))
            else:
                row.value = str(offset.total_seconds())
        memo.put(_KEY, offset)

    def now(self) -> datetime:
        """Local time of the portal (naive, Europe/Paris as the guides show it), shifted."""
        return datetime.now() + self.offset()

    def today(self) -> date:
        return self.now().date()
