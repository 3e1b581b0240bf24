"""Texts of what goes wrong around collab rather than in a record: writes that fail, paths
that leave the workspace, a missing tool, timezone database or calendar."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # a write that failed; the file as it was is kept
    "write.disk_full": (
        "磁盘已满,未写入任何内容(原文件保持不变)",
        "the disk is full; nothing was written (the file is as it was)",
    ),
    "write.read_only": (
        "文件系统为只读,未写入任何内容(原文件保持不变)",
        "the file system is read-only; nothing was written (the file is as it was)",
    ),
    "write.denied": (
        "没有写入权限,未写入任何内容(原文件保持不变)",
        "no permission to write here; nothing was written (the file is as it was)",
    ),
    "write.failed": (
        "无法写入({reason}),未写入任何内容(原文件保持不变)",
        "cannot write ({reason}); nothing was written (the file is as it was)",
    ),
    "tz.missing": (
        "找不到时区数据库:请安装 tzdata(pip install tzdata)",
        "no timezone database found: install tzdata (pip install tzdata)",
    ),
    "git.missing_for": (
        "{what} 需要 git,但找不到 git(未安装,或不在 PATH 中)",
        "{what} needs git, which is not installed (or not on PATH)",
    ),
    # paths
    "path.outside": (
        "{path} 指向工作区之外:collab 只读写工作区内的文件",
        "{path} leads outside the workspace: collab reads and writes only the "
        "workspace's own files",
    ),
    "arg.not_text": ("参数不是 UTF-8 文本:{arg}", "an argument is not UTF-8 text: {arg}"),
    # a file system error anywhere else
    "os.failed": ("{path}: 操作失败:{reason}", "{path}: {reason}"),
}
