"""click's own words on a help screen and in its usage errors (the English is click's, word
for word, where click says it), and the sections of `collab --help`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the help screen
    "usage.prefix": ("用法: ", "Usage: "),
    "usage.options": ("选项", "Options"),
    "usage.arguments": ("参数", "Arguments"),
    "usage.commands": ("命令", "Commands"),
    "usage.options_metavar": ("[选项]", "[OPTIONS]"),
    "usage.commands_metavar": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "usage.help_option": ("显示此帮助并退出", "Show this message and exit."),
    "usage.default": ("默认: {value}", "default: {value}"),
    "usage.required": ("必填", "required"),
    "usage.env_var": ("环境变量: {var}", "env var: {var}"),
    "usage.list": ("、", ", "),
    # the sections of `collab --help`
    "section.view": ("查看", "View"),
    "section.edit": ("新建与编辑", "Create and edit"),
    "section.lifecycle": ("生命周期", "Lifecycle"),
    "section.output": ("输出", "Output"),
    "section.check": ("检查与签字", "Check and sign"),
    "section.other": ("其他", "Other"),
    # the generated reference (docs/commands.md, docs/commands.zh.md)
    "reference.commands": ("命令参考", "Command reference"),
    # usage errors
    "usage.try": ("运行 '{command} {option}' 查看帮助。", "Try '{command} {option}' for help."),
    "usage.error": ("错误: {message}", "Error: {message}"),
    "usage.no_such_option": ("没有这个选项: {option}", "No such option: {option}"),
    "usage.possible": ("{message}(可能是: {options})", "{message} (Possible options: {options})"),
    "usage.missing_argument": ("缺少参数 {name}。", "Missing argument {name}."),
    "usage.missing_option": ("缺少选项 {name}。", "Missing option {name}."),
    "usage.missing_parameter": ("缺少 {name}。", "Missing parameter {name}."),
    "usage.needs_value": ("选项 {option} 需要一个值。", "Option {option} requires an argument."),
    "usage.needs_values": (
        "选项 {option} 需要 {n} 个值。",
        "Option {option} requires {n} arguments.",
    ),
    "usage.takes_no_value": ("选项 {option} 不接受值。", "Option {option} does not take a value."),
    "usage.extra_arguments": (
        "多余的参数: {args}",
        "Got unexpected extra argument(s) ({args})",
    ),
    "usage.no_such_command": ("没有这个命令: '{name}'。", "No such command '{name}'."),
    "usage.did_you_mean": (
        "没有这个命令: '{name}'。是否想用 {names}?",
        "No such command '{name}'. Did you mean {names}?",
    ),
    "usage.missing_command": ("缺少命令。", "Missing command."),
    "usage.invalid_value": ("{name} 的值无效: {reason}", "Invalid value for {name}: {reason}"),
    "usage.not_a_number": ("'{value}' 不是整数", "'{value}' is not a whole number"),
    "usage.between": (
        "{value} 超出范围,须在 {min} 到 {max} 之间",
        "{value} is not between {min} and {max}",
    ),
    "usage.at_most": ("{value} 太大,最大是 {max}", "{value} is more than {max}"),
    "usage.at_least": ("{value} 太小,最小是 {min}", "{value} is less than {min}"),
    "usage.not_a_choice": (
        "'{value}' 不是可选的值: {choices}",
        "'{value}' is not one of {choices}",
    ),
}
