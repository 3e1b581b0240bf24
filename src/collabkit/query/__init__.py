"""The query layer: what commands show, computed once — `obligations_at(ws, now, …)` → Snapshot.

`overdue`, `due`, `show` and every later reader (report, reminders, calendar export) read a
Snapshot; none rebuilds the load → timing → filter pipeline.
May import: workspace, timing, models, io, i18n and the base modules.
"""

from __future__ import annotations

from collabkit.query.filters import Filter, resolve_filter
from collabkit.query.snapshot import Snapshot, obligations_at

__all__ = ["Filter", "Snapshot", "obligations_at", "resolve_filter"]
