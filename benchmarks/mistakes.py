"""Broken records for the stress workspace (`generate.py --broken SHARE`): each spoiled file gets
one mistake a person makes by hand, and every one of them is a lint *error*:

- `status`: a status the kind does not have (`status: finished`) — a schema error, the file is
  unreadable (`collab overdue` skips it and says so);
- `date`: the first date written the Chinese way (`due: 2025年3月4日`) — a schema error,
  unreadable;
- `missing`: the title (a customer request's `customer`) deleted — the file still reads, lint
  reports `incomplete` (a draft owes no title, so a draft gets the `status` mistake instead).

Which files, and which mistake, come from their own random stream, so `--broken 0` (the default)
writes exactly what the generator wrote before the option existed.
"""

from __future__ import annotations

import random
import re

MISTAKES = ("status", "date", "missing")

_STATUS = re.compile(r"^status: .*$", re.M)  # the record's own status (items' are indented)
_DATE = re.compile(r"^([a-z_]+): (\d{4})-(\d{2})-(\d{2})", re.M)
_DRAFT = re.compile(r"^status: (draft|planned)\b", re.M)


def chosen(n: int, share: float, seed: int) -> dict[int, str]:
    """Which of `n` files (by position in the plan) get which mistake: round(n × share) of
    them, the mistakes taking turns."""
    if share <= 0:
        return {}
    rng = random.Random(f"{seed}/broken")
    picked = sorted(rng.sample(range(n), min(n, round(n * share))))
    return {i: MISTAKES[j % len(MISTAKES)] for j, i in enumerate(picked)}


def spoil(text: str, kind: str, mistake: str) -> tuple[str, str]:
    """The text with `mistake` made (or the `status` one when that cannot be made here), and the
    mistake actually made."""
    draft = _DRAFT.search(text) is not None
    if mistake == "date" and (match := _DATE.search(text)):
        key, year, month, day = match.group(1), match.group(2), match.group(3), match.group(4)
        chinese = f"{key}: {year}年{int(month)}月{int(day)}日"
        return text[: match.start()] + chinese + text[match.end() :], "date"
    if mistake == "missing" and not draft:
        key = "customer" if kind == "customer-request" else "title"
        line = re.compile(rf"^{key}: .*\n", re.M)
        if line.search(text):
            return line.sub("", text, count=1), "missing"
    return _STATUS.sub("status: finished   # 状态写错了", text, count=1), "status"
