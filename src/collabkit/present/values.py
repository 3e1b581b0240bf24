"""Record values as the handbook's tables show them, escaped for Markdown: moments, people,
text or lists, statuses and levels, time taken, and the state of a deadline.

Every function returns cell text (see `present.markdown`): escaped, `-` when empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from typing import Any

from collabkit.i18n import Texts
from collabkit.present.markdown import EMPTY, cell, joined
from collabkit.present.text import lateness_text
from collabkit.timing.obligation import ESTIMATED_MARK
from collabkit.timing.obligations import Obligation, Timing


@dataclass(frozen=True, slots=True)
class Shown:
    """What a page needs to put values into words: the language, the zone and the moment."""

    t: Texts
    timing: Timing
    now: datetime

    @property
    def tz(self) -> tzinfo:
        return self.timing.calendar.tz

    def moment(self, value: datetime | None) -> str:
        """'2024-10-12 09:20'; a date alone ('2024-09-30') for a date-only value."""
        return cell(moment_text(value, self.tz)) if value is not None else EMPTY

    def status(self, kind: str, status: str | None) -> str:
        return self.word(f"render.status.{kind}", status)

    def word(self, prefix: str, value: str | None) -> str:
        """A value from a closed list (status, level, type) in words; unknown ones as is."""
        if not value:
            return EMPTY
        key = f"{prefix}.{value}"
        from collabkit.i18n import catalogue

        return cell(self.t(key) if key in catalogue() else value)

    def party(self, department: str | None, name: str | None) -> str:
        """'市场部 张伟' / '张伟 (市场部)'; either part alone when the other is missing."""
        if department and name:
            return self.t("render.party", department=cell(department), name=cell(name))
        return cell(department or name)

    def names(self, values: Iterable[str | None]) -> str:
        """People or departments in one line: '张伟、李娜' / '张伟, 李娜'."""
        kept = [cell(v) for v in values if v]
        return self.t("render.list_separator").join(kept) if kept else EMPTY

    def lines(self, value: Any) -> str:
        """Text, a list of texts (one per line) or a mapping ('key:value' per line)."""
        if value is None:
            return EMPTY
        if isinstance(value, Mapping):
            return joined(
                self.t("render.pair", key=cell(k), value=cell(v)) for k, v in value.items()
            )
        if isinstance(value, list | tuple):
            return joined(cell(item) for item in value)
        return cell(value)

    def elapsed(self, start: datetime | None, end: datetime | None) -> str:
        """The time from `start` to `end` in words: '20 分钟', '3 小时 30 分钟', '2 天 1 小时'."""
        if start is None or end is None:
            return EMPTY
        return self.span(end - start)

    def span(self, amount: timedelta) -> str:
        minutes = max(0, int(amount.total_seconds() // 60))
        days, rest = divmod(minutes, 24 * 60)
        hours, mins = divmod(rest, 60)
        if days:
            if hours:
                return self.t("render.elapsed.days", d=days, h=hours)
            return self.t("render.elapsed.day_count", n=days)
        if hours and mins:
            return self.t("render.elapsed.hours_minutes", h=hours, m=mins)
        if hours:
            return self.t("render.elapsed.hours", h=hours)
        return self.t("render.elapsed.minutes", n=mins)

    def due(self, ob: Obligation) -> str:
        """An obligation's deadline, marked when it rests on an estimated calendar year."""
        shown = moment_text(ob.due, self.tz)
        return cell(f"{shown} {ESTIMATED_MARK}" if ob.estimated_years else shown)

    def state(self, ob: Obligation) -> str:
        """'按时完成', '超时完成(晚 20 分钟)', '未完成(逾期 3 个工作日)', '未到期'."""
        state = ob.state(self.now)
        if state == "breach" and ob.met_at is not None:
            return self.t("render.state.breach", late=self.late_by(ob))
        if state == "overdue":
            return self.t(
                "render.state.overdue", late=cell(lateness_text(self.timing, ob, self.now))
            )
        return self.t(f"render.state.{state}")

    def late_by(self, ob: Obligation) -> str:
        """How late an obligation was met; in days when a date alone met a date alone
        (planned 09-10, done 09-12: 2 days)."""
        due, met_at = ob.due, ob.met_at
        if met_at is None or met_at <= due:
            return EMPTY
        due_local, met_local = due.astimezone(self.tz), met_at.astimezone(self.tz)
        if due_local.time() == time.max and met_local.time() == time.min:
            return self.t("render.elapsed.day_count", n=(met_local.date() - due_local.date()).days)
        return self.span(met_at - due)

    def weekday(self, moment: datetime) -> str:
        """'周三'; '周六(调休上班)' for a weekend working day, '周一(休息日)' for a weekday off."""
        t = self.t
        day = moment.astimezone(self.tz).date()
        weekday = t(f"report.weekday.{day.weekday()}")
        working = self.timing.calendar.is_working_day(day)
        if day.weekday() >= 5 and working:
            return t("report.day.workday", weekday=weekday)
        if day.weekday() < 5 and not working:
            return t("report.day.holiday", weekday=weekday)
        return weekday

    def rule_label(self, rule_id: str) -> str:
        """What a rule owes, in words ('响应客户问题'), whatever item it is about."""
        for rule in self.timing.rules:
            if rule.id == rule_id:
                return cell(rule.text(self.t.language))
        return cell(rule_id)

    def deadline_line(self, ob: Obligation) -> str:
        """One obligation in one line: '响应客户问题 2024-09-30 15:00:按时完成'."""
        return self.t(
            "render.deadline_line",
            what=self.rule_label(ob.rule),
            due=self.due(ob),
            state=self.state(ob),
        )


def moment_text(value: datetime, tz: tzinfo) -> str:
    """A moment in the workspace zone; the date alone at the very start or end of a day
    (what a record that gives a date alone means: `due: 2024-09-30`)."""
    local = value.astimezone(tz)
    if local.time() in (time.min, time.max):
        return local.strftime("%Y-%m-%d")
    return local.strftime("%Y-%m-%d %H:%M")
