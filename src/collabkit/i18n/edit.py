"""Texts of edits: what changed, what was refused, what to do next; merge conflicts."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # paths and items
    "edit.no_path": ("记录中没有 '{path}'", "no '{path}' in this record"),
    "edit.no_item_in": ("'{path}' 中没有条目 '{item}'", "no item '{item}' in '{path}'"),
    "edit.not_mapping": ("'{path}' 是一个值,不是映射", "'{path}' is a value, not a mapping"),
    "edit.not_a_list": (
        "'{path}' 不是列表,无法添加条目",
        "'{path}' is not a list: nothing can be added to it",
    ),
    "edit.no_item": ("{lists} 中没有条目 {item}", "no item {item} in {lists}"),
    "edit.not_a_record": (
        "文件中不是一条记录(键: 值 的映射)",
        "the file does not hold a record mapping",
    ),
    # refusals
    "edit.invalid": (
        "已拒绝,记录将不合法: {problem}",
        "refused, the record would be invalid: {problem}",
    ),
    "edit.refused": ("已拒绝: {problem}", "refused: {problem}"),
    "edit.changed_on_disk": (
        "读取后文件已在磁盘上被修改(其他编辑器保存、git pull 或切换分支?),未写入;请重新运行该命令",
        "the file changed on disk after collab read it (another editor, a git pull or "
        "checkout?); nothing was written: run the command again",
    ),
    "edit.kind_fixed": (
        "不能修改 {field}:记录的类型不可更改",
        "cannot set {field}: the kind of a record never changes",
    ),
    "edit.id_fixed": (
        "不能修改 {field}:更改编号请用 `collab renumber`",
        "cannot set {field}: use `collab renumber` to change an id",
    ),
    "edit.progress_where": (
        "进展只能记在协作事项或行动项上(ID/A1)",
        "progress is logged on a collaboration or on an action item (ID/A1)",
    ),
    "edit.unchanged": ("{ref}: 没有需要修改的内容", "{ref}: nothing to change"),
    "hint.verb": (
        "提示: `collab {verb} {id}` 会同时设置 status {status} 和 {events}",
        "hint: `collab {verb} {id}` sets status {status} and {events} together",
    ),
    # lifecycle verbs
    "verb.not_allowed": (
        "{ref} 当前状态为 {current},不能变为 {wanted};可变为: {allowed}",
        "{ref} is {current}: {current} → {wanted} is not allowed; next: {allowed}",
    ),
    "verb.already": ("{ref}: 无需修改,已是 {status}", "{ref}: nothing to change, already {status}"),
    "verb.already_set": (
        "{ref}: 无需修改,{fields} 已填写",
        "{ref}: nothing to change, {fields} already set",
    ),
    "verb.needs_item": (
        "`collab {verb}` 作用于条目,请写成 {ref}",
        "`collab {verb}` acts on an item: name it, e.g. {ref}",
    ),
    "verb.on_record": (
        "`collab {verb}` 作用于整条记录,请写 {id}",
        "`collab {verb}` acts on the whole record: name it as {id}",
    ),
    "verb.not_for_kind": (
        "`collab {verb}` 不适用于 {id};可用的命令: {verbs}",
        "`collab {verb}` does not apply to {id}; its verbs: {verbs}",
    ),
    "verb.needs_text": (
        "`collab {verb}` 需要文本参数({field})",
        "`collab {verb}` needs a TEXT ({field})",
    ),
    "verb.no_text": (
        "`collab {verb}` 对这类记录不接受文本参数",
        "`collab {verb}` takes no TEXT for this record",
    ),
    "verb.no_option": (
        "--{option} 不适用于这类记录的 `collab {verb}`",
        "--{option} does not apply to `collab {verb}` on this record",
    ),
    "verb.needs_option": ("`collab {verb}` 需要 --{option}", "`collab {verb}` needs --{option}"),
    # collab add
    "add.no_list": (
        "不能向 {list} 添加条目;可添加的列表: {lists}",
        "no list '{list}' to add to; lists: {lists}",
    ),
    "add.no_list_close": (
        "不能向 {list} 添加条目(是否指 '{close}'?)",
        "no list '{list}' to add to (did you mean '{close}'?)",
    ),
    "add.exists": ("{list} 中已有 {name}", "{list} has {name} already"),
    "add.missing": ("缺少必填项: {fields}", "missing {fields}"),
    "add.no_field": (
        "条目没有字段 '{field}';字段有: {fields}",
        "items have no field '{field}'; fields: {fields}",
    ),
    "add.no_field_close": (
        "条目没有字段 '{field}'(是否指 '{close}'?)",
        "items have no field '{field}' (did you mean '{close}'?)",
    ),
    "add.scalar_value": (
        "此列表的条目是一段文本:只写 VALUE",
        "this list holds plain values: give the VALUE alone",
    ),
    "add.value_twice": (
        "{field} 写了两次(VALUE 与 --{field})",
        "{field} given twice (VALUE and --{field})",
    ),
    "add.option_value": ("{option} 后面缺少值", "{option} needs a value"),
    "add.extra": (
        "多余的参数 '{value}'(其他字段请写成 --字段 值)",
        "unexpected argument '{value}' (other fields go as --field value)",
    ),
    # new
    "new.next_fill": (
        "下一步: 补全 {fields}(collab set {id} 字段 值),然后 collab {verb} {id}",
        "next: fill in {fields} (collab set {id} FIELD VALUE), then collab {verb} {id}",
    ),
    "new.next": ("下一步: collab {verb} {id}", "next: collab {verb} {id}"),
    "new.no_editor": (
        "--edit: 请把 VISUAL 或 EDITOR 环境变量设为你的编辑器(如 export EDITOR=vim)",
        "--edit: set VISUAL or EDITOR to your editor (e.g. export EDITOR=vim)",
    ),
    "new.editor_missing": (
        "--edit: 找不到编辑器 '{editor}'(VISUAL / EDITOR);未创建记录",
        "--edit: editor '{editor}' not found (VISUAL / EDITOR); no record was created",
    ),
    "new.editor_failed": (
        "--edit: 无法启动编辑器 {editor}: {problem};未保留记录",
        "--edit: cannot start the editor {editor}: {problem}; the record was not kept",
    ),
    # interactive new
    "ask.format_moment": ("如 2024-10-18 14:00", "e.g. 2024-10-18 14:00"),
    "ask.format_deadline": ("日期,如 2024-10-31", "a date, e.g. 2024-10-31"),
    "ask.bad_moment": (
        "'{answer}' 不是日期/时间;请写成 2024-10-18 或 2024-10-18 14:00",
        "'{answer}' is not a date/time; write it as 2024-10-18 or 2024-10-18 14:00",
    ),
    "ask.bad_choice": (
        "'{answer}' 不在可选范围内: {choices}",
        "'{answer}' is not one of {choices}",
    ),
    "ask.unknown_department": (
        "collab.yaml 中没有部门 '{answer}'",
        "no department '{answer}' in collab.yaml",
    ),
    "ask.unknown_department_close": (
        "collab.yaml 中没有部门 '{answer}'(是否指 '{close}'?)",
        "no department '{answer}' in collab.yaml (did you mean '{close}'?)",
    ),
    "ask.unknown_person": (
        "collab.yaml 的 people 中没有 '{answer}'",
        "no '{answer}' among the people in collab.yaml",
    ),
    "ask.unknown_person_close": (
        "collab.yaml 的 people 中没有 '{answer}'(是否指 '{close}'?)",
        "no '{answer}' among the people in collab.yaml (did you mean '{close}'?)",
    ),
    "ask.required": ("此项不能为空", "this one cannot be empty"),
    "ask.thanks": (
        "已记录;其余字段可稍后用 collab set 补全",
        "noted; fill in the rest later with collab set",
    ),
    "new.unknown_kind": (
        "未知的记录类型 '{kind}'(可选: {kinds})",
        "unknown kind '{kind}' (one of: {kinds})",
    ),
    # renumber
    "renumber.several": (
        "{id} 出现在多个文件中({files});请指定要改编号的文件",
        "{id} is in several files ({files}); name the file to renumber",
    ),
    "renumber.outside": (
        "{file} 不是本工作区的记录文件",
        "{file} is not a record file of this workspace",
    ),
    "renumber.invalid": (
        "记录未通过校验;请先修复(collab lint)",
        "the record does not validate; fix it first (collab lint)",
    ),
    "renumber.appeared": (
        "{file} 刚被创建;请重新运行 renumber",
        "{file} appeared meanwhile; run renumber again",
    ),
    "renumber.relinked": ("  已更新链接: {file}", "  links updated: {file}"),
    "split.keep": (
        "--keep 只能是 ours 或 theirs,不是 '{keep}'",
        "--keep is ours or theirs, not '{keep}'",
    ),
    "split.no_conflict": (
        "文件中没有完整的合并冲突可拆分",
        "the file holds no complete merge conflict to split",
    ),
    "split.other_ids": (
        "冲突两侧的编号不同({a} / {b}):这不是两条新增记录的冲突,请手工解决",
        "the two sides hold different ids ({a} / {b}): not two added records; resolve it by hand",
    ),
    "split.done": ("{id}: {file}(保留 {side} 一方)", "{id}: {file} (the {side} side)"),
    "split.new": ("{id}: {file}({side} 一方,新编号)", "{id}: {file} (the {side} side, new id)"),
    "split.next": (
        "下一步: git add {a} {b},然后提交合并;指向旧编号的链接未改动,请确认",
        "next: git add {a} {b} and commit the merge; links to the old id were left "
        "alone: check them",
    ),
    # what an edit did
    "value.empty": ("(空)", "(empty)"),
    "done.added": ("已添加 {ref}: {fields}", "added {ref}: {fields}"),
    "done.added0": ("已添加 {ref}", "added {ref}"),
    "deadline.started": (
        "  开始计时 {rule}({what}):截止 {due}",
        "  starts {rule} ({what}): due {due}",
    ),
    "deadline.met": (
        "  已完成 {rule}({what}):截止 {due},按时",
        "  meets {rule} ({what}): due {due}, in time",
    ),
    "deadline.met_late": (
        "  已完成 {rule}({what}):截止 {due},超时",
        "  meets {rule} ({what}): due {due}, late",
    ),
    "deadline.moved": (
        "  截止时间变更 {rule}({what}):{old} → {due}",
        "  moves {rule} ({what}): {old} → {due}",
    ),
    "deadline.dropped": (
        "  不再计时 {rule}({what}):原截止 {due}",
        "  no longer owed: {rule} ({what}), was due {due}",
    ),
    "edit.introduced": (
        "collab: 警告: 此次修改引入了 {n} 个 lint 问题:",
        "collab: warning: this edit introduces {n} lint problem{s}:",
    ),
    # collab fields
    "fields.field": ("字段", "field"),
    "fields.label": ("名称", "label"),
    "fields.type": ("类型", "type"),
    "fields.rules": ("时限规则", "rules"),
    "role.starts": ("开始 {rule}", "starts {rule}"),
    "role.deadline_of": ("{rule} 的截止时间", "deadline of {rule}"),
    "role.meets": ("完成 {rule}", "meets {rule}"),
    "fields.type.text": ("文本", "text"),
    "fields.type.text-or-list": ("文本或列表", "text or a list"),
    "fields.type.moment": ("时间(如 2024-10-10 14:00)", "date/time (e.g. 2024-10-10 14:00)"),
    "fields.type.deadline": (
        "截止时间(只写日期即当天结束)",
        "deadline (a date alone is the end of that day)",
    ),
    "fields.type.person": ("人员(collab.yaml 的 people)", "person (from people in collab.yaml)"),
    "fields.type.department": ("部门(collab.yaml 的 departments)", "department (from departments)"),
    "fields.type.number": ("数字", "number"),
    "fields.type.flag": ("true / false", "true / false"),
    "fields.type.id": ("编号", "id"),
    "fields.type.mapping": ("映射", "mapping"),
    "fields.type.any": ("任意", "any"),
    "fields.type.item": ("条目", "items"),
    "fields.type.list": ("{item}列表", "list of {item}"),
    # merge conflicts
    "conflict.found": (
        "未解决的合并冲突(第 {start}–{end} 行):{ours} 一方为 “{ours_text}”,{theirs} 一方为 "
        "“{theirs_text}”;保留一方并删除 <<<<<<< ======= >>>>>>> 标记行"
        "(两条记录都要保留时运行 collab renumber --split {file})",
        "unresolved merge conflict (lines {start}-{end}): {ours} has '{ours_text}', {theirs} "
        "has '{theirs_text}'; keep one side and delete the <<<<<<< ======= >>>>>>> lines "
        "(to keep both records: collab renumber --split {file})",
    ),
    "conflict.more": (";另有 {n} 处冲突", "; {n} more conflict{s} below"),
    "conflict.nothing": ("(空)", "(nothing)"),
    "conflict.stray": (
        "第 {line} 行是残留的合并冲突标记;删除它",
        "line {line} is a leftover merge-conflict marker; delete it",
    ),
}
