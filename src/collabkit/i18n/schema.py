"""Texts of schema errors: what a record or collab.yaml holds that its kind does not allow.

`{where}` is the path and a colon ('A2.due: ') or nothing; `{got}` is the value as written.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "schema.unknown_key": ("未知的键 '{key}'{hint}", "unknown key '{key}'{hint}"),
    "schema.missing": ("缺少必填的键 '{path}'", "missing required key '{path}'"),
    "schema.no_kind": ("记录缺少 'kind'(可选: {kinds})", "record has no 'kind' (one of: {kinds})"),
    "schema.unknown_kind": (
        "未知的记录类型 '{tag}'(可选: {kinds})",
        "unknown kind '{tag}' (one of: {kinds})",
    ),
    "schema.type": ("{where}应为{expected},实际是{got}", "{where}expected {expected}, got {got}"),
    "schema.literal": (
        "{where}{got} 不是可选值之一: {expected}",
        "{where}{got} is not one of {expected}",
    ),
    "schema.pattern": ("{where}{got} 的格式不对", "{where}{got} has the wrong form"),
    "schema.pattern.id": (
        "{where}{got} 不是记录编号(编号形如 RW-2024-001)",
        "{where}{got} is not a record id (ids look like RW-2024-001)",
    ),
    "schema.pattern.ref": (
        "{where}{got} 不是记录编号或 编号/条目(如 RW-2024-001、HY-2024-003/A2)",
        "{where}{got} is not a record id or ID/ITEM (e.g. RW-2024-001, HY-2024-003/A2)",
    ),
    "schema.pattern.item": (
        "{where}{got} 不是条目编号(如 A1、P2)",
        "{where}{got} is not an item id (e.g. A1, P2)",
    ),
    "schema.vague_deadline": (
        "{where}'{text}' 不是截止时间:请写明日期,如 2024-09-30(做什么、谁来做、何时做)",
        "{where}'{text}' is not a deadline: give a date such as 2024-09-30 (what, who and when)",
    ),
    "schema.impossible_date": (
        "{where}'{text}' 不是真实存在的日期",
        "{where}'{text}' is not a real date",
    ),
    "schema.impossible_datetime": (
        "{where}'{text}' 不是有效的日期时间:请用 ISO 8601 格式,如 2024-09-30 14:00",
        "{where}'{text}' is not a valid date/time: use ISO 8601 such as 2024-09-30 14:00",
    ),
    "schema.date_out_of_range": (
        "{where}'{text}' 超出范围:日期须在 {first} 年到 {last} 年之间",
        "{where}'{text}' is out of range: dates run from {first} to {last}",
    ),
    "schema.le": ("{where}{got} 不能大于 {limit}", "{where}{got} must be at most {limit}"),
    "schema.lt": ("{where}{got} 必须小于 {limit}", "{where}{got} must be less than {limit}"),
    "schema.ge": ("{where}{got} 不能小于 {limit}", "{where}{got} must be at least {limit}"),
    "schema.gt": ("{where}{got} 必须大于 {limit}", "{where}{got} must be more than {limit}"),
    "schema.too_few": ("{where}至少需要 {limit} 项", "{where}needs at least {limit} item(s)"),
    "schema.too_many": ("{where}最多 {limit} 项", "{where}holds at most {limit} item(s)"),
    "schema.too_long": ("{where}最多 {limit} 个字符", "{where}holds at most {limit} characters"),
    "schema.empty": ("{where}不能为空", "{where}must not be empty"),
    "schema.invalid": ("{where}{got} 不是允许的值", "{where}{got} is not allowed here"),
    # what was expected, and what was found instead
    "type.text": ("文本", "text"),
    "type.int": ("整数", "a whole number"),
    "type.number": ("数字", "a number"),
    "type.bool": ("true 或 false", "true or false"),
    "type.list": ("列表", "a list"),
    "type.mapping": ("映射(键: 值)", "a mapping"),
    "type.date": ("日期", "a date"),
    "type.datetime": (
        "日期或日期时间(如 2024-09-30 或 2024-09-30 14:00)",
        "a date or datetime such as 2024-09-30 or 2024-09-30 14:00",
    ),
    "shown.mapping": ("映射", "a mapping"),
    "shown.list": ("列表", "a list"),
    "shown.nothing": ("空值", "nothing"),
    "list.sep": ("、", ", "),
    # collab.yaml's own checks (raised as PydanticCustomError with these types)
    "schema.unknown_timezone": (
        "{where}未知的时区 '{value}'(请用 IANA 时区名,如 Asia/Shanghai)",
        "{where}unknown timezone '{value}' (use an IANA name such as Asia/Shanghai)",
    ),
    "schema.work_window": (
        "{where}'{value}' 不是工作时段,请写成 09:00-12:00 这样的形式",
        "{where}not a working-time window: '{value}'; use e.g. 09:00-12:00",
    ),
    "schema.work_hours_order": (
        "{where}工作时段须按时间先后排列且互不重叠: {value}",
        "{where}work_hours must be ordered, non-overlapping windows: {value}",
    ),
    "schema.work_hours_empty": (
        "{where}至少需要一个工作时段",
        "{where}work_hours needs at least one window",
    ),
    "schema.unknown_kind_prefix": (
        "{where}未知的记录类型 '{value}'(可选: {kinds})",
        "{where}unknown kind '{value}'; kinds are {kinds}",
    ),
    "schema.bad_prefix": (
        "{where}编号前缀 '{value}' 只能由大写字母和数字组成",
        "{where}prefix '{value}' must be capital letters/digits",
    ),
    "schema.duration": (
        "{where}'{value}' 不是时长;请写成 30m、2h、3d、1wd、4wh 这样的形式",
        "{where}not a duration: '{value}'; use e.g. 30m, 2h, 3d, 1wd, 4wh",
    ),
    # collab.yaml as a whole
    "config.not_a_mapping": (
        "collab.yaml 应是一组设置(键: 值)",
        "collab.yaml must be a mapping of settings",
    ),
    "config.unknown_country": (
        "calendar.country: 未知的日历国家 '{country}'",
        "calendar.country: unknown calendar country '{country}'",
    ),
    "config.person_twice": (
        "people 中有两个人都叫 {name}:请用不同的名字区分(如加上部门)",
        "two people in people are called {name}: tell them apart (e.g. add the department)",
    ),
    "config.unknown_department": (
        "people: {name} 的部门 '{department}' 不在 departments 中{hint}",
        "people: {name}'s department '{department}' is not in departments{hint}",
    ),
}
