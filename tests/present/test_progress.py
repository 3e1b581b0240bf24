"""进展情况 is computed from plan, actual and progress, never typed (SPEC §3.4)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from collabkit.i18n import Texts
from collabkit.models import Collaboration
from collabkit.models._types import validation_context
from collabkit.present.progress import progress_text

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2024, 10, 14, 9, 0, tzinfo=TZ)
BASE: dict[str, Any] = {"kind": "collaboration", "id": "XZ-2024-009", "title": "t"}


def _text(language: str = "zh", now: datetime = NOW, **fields: Any) -> str:
    record = Collaboration.model_validate(BASE | fields, context=validation_context(TZ))
    return progress_text(record, now, TZ, Texts(language))


PROGRESS = [{"at": "2024-10-08 10:00", "percent": 30, "note": "a"},
            {"at": "2024-10-11 16:00", "percent": 60, "note": "b"},
            {"at": "2024-10-12 10:00", "note": "no percent"}]


@pytest.mark.parametrize(
    ("fields", "zh", "en"),
    [
        ({"status": "done", "planned_end": "2024-09-10", "actual_end": "2024-09-12"},
         "已完成(延期2天)", "done (2 days late)"),
        ({"status": "done", "planned_end": "2024-09-10", "actual_end": "2024-09-11 09:00"},
         "已完成(延期1天)", "done (1 day late)"),
        ({"status": "done", "planned_end": "2024-09-10", "actual_end": "2024-09-10 17:00"},
         "已完成(按期)", "done (on time)"),
        ({"status": "done", "planned_end": "2024-09-10", "actual_end": "2024-09-07"},
         "已完成(提前3天)", "done (3 days early)"),
        ({"status": "done"}, "已完成", "done"),
        ({"status": "in_progress", "planned_end": "2024-10-25", "progress": PROGRESS},
         "进行中(已完成60%)", "in progress (60% done)"),
        ({"status": "in_progress", "planned_end": "2024-10-11", "progress": PROGRESS},
         "进行中(已完成60%,已超期3天)", "in progress (60% done, 3 days past the plan)"),
        ({"status": "in_progress", "planned_end": "2024-10-13"},
         "进行中(已超期1天)", "in progress (1 day past the plan)"),
        ({"status": "in_progress"}, "进行中", "in progress"),
        ({"status": "planned", "planned_start": "2024-10-20"}, "未开始", "not started"),
        ({"status": "cancelled", "planned_end": "2024-09-10"}, "已取消", "cancelled"),
    ],
)
def test_progress_is_computed(fields: dict[str, Any], zh: str, en: str) -> None:
    assert (_text("zh", **fields), _text("en", **fields)) == (zh, en)


def test_the_percent_is_the_latest_known_at_that_moment() -> None:
    earlier = datetime(2024, 10, 9, 9, 0, tzinfo=TZ)
    assert _text(now=earlier, status="in_progress", progress=PROGRESS) == "进行中(已完成30%)"
