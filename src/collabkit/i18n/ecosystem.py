"""Texts of where the team already works: init's next steps, schema, calendar, ics export."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # collab schema
    "jsonschema.unknown_kind": (
        "没有 {kind} 这种记录类型(可用:{kinds})",
        "no record kind '{kind}' (one of: {kinds})",
    ),
}
MESSAGES |= {
    # collab init
    "init.bad_language": ("--lang: '{value}' 不是 zh 或 en", "--lang: '{value}' is not zh or en"),
    "init.bad_ci": (
        "--ci: '{value}' 不是 {systems} 之一",
        "--ci: '{value}' is not one of {systems}",
    ),
    "init.not_a_folder": (
        "{path} 是一个文件:请给出新工作区的文件夹",
        "{path} is a file: give the folder of the new workspace",
    ),
    "init.exists": (
        "{path} 已存在:这里已经是一个工作区",
        "{path} exists already: this is a workspace",
    ),
    "init.next": ("下一步:", "Next steps:"),
    "init.step.git": (
        "  git init {folder}    # 记录放在 git 仓库中:签字、合并前检查都依赖它",
        "  git init {folder}    # records live in git: signatures and checks before a merge "
        "need it",
    ),
    "init.step.new": (
        "  {collab} new requirement --title 标题    # 第一条记录:分配编号,写出带注释的骨架",
        "  {collab} new requirement --title TITLE    # a first record: the next id, a commented "
        "skeleton",
    ),
    "init.step.lint": (
        "  {collab} lint    # 检查全部记录",
        "  {collab} lint    # check every record",
    ),
    "init.step.variable.github": (
        "  在 GitHub 仓库的 Settings → Secrets and variables → Actions → Variables 中设置 "
        "COLLAB_INSTALL(安装 collab 的 pip 依赖串),或用 --install 重新生成 {file}",
        "  set COLLAB_INSTALL (the pip requirement that installs collab) in the GitHub "
        "repository's Settings → Secrets and variables → Actions → Variables, or write {file} "
        "again with --install",
    ),
    "init.step.variable.gitlab": (
        "  在 GitLab 项目的 Settings → CI/CD → Variables 中设置 COLLAB_INSTALL"
        "(安装 collab 的 pip 依赖串),或用 --install 重新生成 {file}",
        "  set COLLAB_INSTALL (the pip requirement that installs collab) in the GitLab "
        "project's Settings → CI/CD → Variables, or write {file} again with --install",
    ),
    "init.step.schedule.gitlab": (
        "  在 GitLab 的 Build → Pipeline schedules 中新建每日计划:逾期清单与日历检查",
        "  add a daily schedule in GitLab's Build → Pipeline schedules: the overdue list and the "
        "calendar check",
    ),
    "init.step.editor": (
        "  VS Code:安装 YAML 扩展(redhat.vscode-yaml),记录文件即按 {schema} 提示与校验",
        "  VS Code: install the YAML extension (redhat.vscode-yaml) and the record files are "
        "checked and completed from {schema}",
    ),
    "init.step.settings_kept": (
        '  .vscode/settings.json 已存在,未改动:请在其中加入 "yaml.schemas": {mapping}',
        '  .vscode/settings.json exists and was left alone: add "yaml.schemas": {mapping} to it',
    ),
    # the workflows
    "ci.install_missing": (
        "请把 COLLAB_INSTALL 设为安装 collab 的 pip 依赖串",
        "set COLLAB_INSTALL to the pip requirement that installs collab",
    ),
}
MESSAGES |= {
    # collab export ics
    "ics.calendar_name": ("collab 截止事项", "collab deadlines"),
    "ics.overdue": ("【逾期】{summary}", "[OVERDUE] {summary}"),
    "ics.bad_alarm": (
        "--alarm: '{value}' 不是分钟、小时或天数(如 30m、1h、1d)",
        "--alarm: '{value}' is not minutes, hours or days (e.g. 30m, 1h, 1d)",
    ),
    # collab --version
    "version.holidays": (
        "holidays {version}(日历数据;中国官方节假日与调休安排收录至 {last} 年)",
        "holidays {version} (the calendar data; official CN holiday schedules through {last})",
    ),
    # collab calendar
    "calendar.holidays_locale": ("zh_CN", "en_US"),  # holidays' names of the days, in its codes
    "calendar.weekdays": ("一 二 三 四 五 六 日", "Mo Tu We Th Fr Sa Su"),
    "calendar.weekday_names": ("周一 周二 周三 周四 周五 周六 周日", "Mon Tue Wed Thu Fri Sat Sun"),
    "calendar.mark.holiday": ("休", "H"),
    "calendar.mark.adjusted": ("班", "W"),
    "calendar.mark.company_holiday": ("假", "O"),
    "calendar.mark.company_workday": ("工", "C"),
    "calendar.reason.holiday": ("法定节假日", "public holiday"),
    "calendar.reason.adjusted": ("调休上班", "weekend working day (调休)"),
    "calendar.reason.company_holiday": ("公司休息日", "company day off"),
    "calendar.reason.company_workday": ("公司工作日", "company working day"),
    "calendar.legend": (
        "休 法定节假日  班 调休上班(周末上班)  假 公司休息日  工 公司工作日;六、日为周末",
        "H public holiday  W weekend working day (调休)  O company day off  "
        "C company working day; Sa, Su are the weekend",
    ),
    "calendar.estimated": (
        "≈ {year} 年的官方节假日与调休安排尚未收录,以上按规则估算(见 collab calendar --check)",
        "≈ no official holiday schedule for {year} yet: its days are estimated by rule "
        "(see collab calendar --check)",
    ),
    "calendar.bad_period": (
        "'{value}' 不是年份或年月:请写 2024 或 2024-10",
        "'{value}' is not a year or a month: write 2024 or 2024-10",
    ),
    "calendar.check.ok": (
        "{year} 年的官方节假日与调休安排已收录(holidays {version})",
        "the official holiday schedule for {year} is known (holidays {version})",
    ),
    "calendar.check.not_yet": (
        "{year} 年的官方安排尚未收录;国务院通常在 11 月公布,12 月起本检查失败,届时请升级 "
        "holidays(holidays {version})",
        "no official holiday schedule for {year} yet; the State Council publishes it in "
        "November, and from December this check fails until holidays is upgraded "
        "(holidays {version})",
    ),
    "calendar.check.missing": (
        "{year} 年的官方节假日与调休安排尚未收录(holidays {version}),明年的截止时间将按估算计算:"
        "请升级 holidays(pip install -U holidays),或在 collab.yaml 的 calendar.extra_holidays / "
        "extra_workdays 中录入该年安排并把 {year} 加入 calendar.entered_years",
        "no official holiday schedule for {year} yet (holidays {version}), so next year's "
        "deadlines would be estimated: upgrade holidays (pip install -U holidays), or enter "
        "{year}'s days in calendar.extra_holidays / extra_workdays and add {year} to "
        "calendar.entered_years in collab.yaml",
    ),
    "calendar.check.current": (
        "今年({year})的官方节假日与调休安排未收录(holidays {version}),截止时间按估算计算:"
        "请升级 holidays(pip install -U holidays),或在 collab.yaml 的 calendar.extra_holidays / "
        "extra_workdays 中录入该年安排并把 {year} 加入 calendar.entered_years",
        "no official holiday schedule for this year, {year} (holidays {version}): deadlines "
        "are estimated; upgrade holidays (pip install -U holidays), or enter {year}'s days in "
        "calendar.extra_holidays / extra_workdays and add {year} to calendar.entered_years in "
        "collab.yaml",
    ),
}
