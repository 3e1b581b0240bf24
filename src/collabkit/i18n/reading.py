"""Texts of reading a file: its encoding, its YAML, what a record file may hold (its
limits), and a workspace or record that is not there to be read."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the bytes of a file
    "read.failed": ("无法读取文件:{reason}", "cannot read file: {reason}"),
    "read.not_regular": (
        "不是普通文件(记录是一个 .yaml 文件)",
        "not a regular file (a record is a .yaml file)",
    ),
    "read.not_utf8": ("文件不是 UTF-8 编码;请另存为 UTF-8", "file is not UTF-8; save it as UTF-8"),
    "read.not_utf8_gbk": (
        "文件不是 UTF-8 编码(看起来是 GBK,中文 Windows 编辑器常这样保存);请另存为 UTF-8",
        "file is not UTF-8 (it looks like GBK, as Chinese Windows editors save it); "
        "save it as UTF-8",
    ),
    # its YAML (a parser's own words stay in `problem`)
    "yaml.unreadable": ("YAML 无法读取:{reason}", "YAML cannot be read: {reason}"),
    "yaml.syntax": ("YAML 语法错误:{problem}", "YAML syntax: {problem}"),
    "yaml.problem": ("YAML 语法错误:{problem}", "YAML: {problem}"),
    "yaml.duplicate_key": ('YAML 中有重复的键 "{key}"', 'YAML: found duplicate key "{key}"'),
    "yaml.invalid": ("YAML 格式无效", "invalid YAML"),
    "yaml.several_documents": (
        "一个记录文件只能有一个 YAML 文档,这里有多个",
        "a record file holds one YAML document, found several",
    ),
    "yaml.alias_bomb": (
        "别名展开次数过多(YAML 炸弹?);别名的展开是有上限的",
        "too many alias expansions (a YAML bomb?); aliases are bounded",
    ),
    "yaml.tag": (
        "记录中不允许使用 YAML 标签:{tag}",
        "YAML tags are not allowed in records: {tag}",
    ),
    # what a record file may hold (io/limits.py)
    "limit.control": (
        "YAML 中不允许出现控制字符 U+{code};请删除它",
        "control character U+{code} is not allowed in YAML; remove it",
    ),
    "limit.control_more": (
        "YAML 中不允许出现控制字符 U+{code};请删除它(本文件中还有 {more} 处)",
        "control character U+{code} is not allowed in YAML; remove it ({more} more in this file)",
    ),
    "limit.too_large": (
        "文件有 {length:,} 字节;记录文件最大 {limit:,} 字节(1 MiB)",
        "file is {length:,} bytes; a record file may be at most {limit:,} bytes (1 MiB)",
    ),
    "limit.too_deep": (
        "嵌套超过 {limit} 层;记录只需要几层",
        "nested deeper than {limit} levels; a record needs a few",
    ),
    "limit.list_too_long": (
        "列表有 {count:,} 项;记录中的列表和映射最多 {limit:,} 项",
        "a list of {count:,} entries; a record's lists and mappings may hold at most {limit:,}",
    ),
    "limit.mapping_too_long": (
        "映射有 {count:,} 项;记录中的列表和映射最多 {limit:,} 项",
        "a mapping of {count:,} entries; a record's lists and mappings may hold at most {limit:,}",
    ),
    # a file that parses but is no record
    "record.empty": (
        "空文件:记录至少需要 kind 和 id",
        "empty file: a record needs at least kind and id",
    ),
    "record.found_list": (
        "记录应是一个映射(「键: 值」的行),这里是一个列表",
        "a record is one mapping (key: value lines), found a list",
    ),
    "record.found_value": (
        "记录应是一个映射(「键: 值」的行),这里是单个值",
        "a record is one mapping (key: value lines), found a single value",
    ),
    "record.links_outside": (
        "指向工作区之外文件的链接({target});collab 只读取工作区自己的文件",
        "a link to a file outside the workspace ({target}); collab reads only the "
        "workspace's own files",
    ),
    # finding the workspace
    "workspace.not_found": (
        "{start} 及其上级文件夹中都没有 {name}(可用 `collab init` 创建)",
        "no {name} in {start} or any folder above it (create one with `collab init`)",
    ),
    "workspace.not_a_folder": ("不是文件夹:{path}", "not a folder: {path}"),
}
