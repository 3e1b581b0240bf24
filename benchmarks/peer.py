"""The peer: Taskwarrior's `task overdue` over as many pending tasks, for SPEC §10's ratio."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from measure import Run, repeat, run_process


def taskwarrior_runs(n: int, overdue_share: float, k: int, tmp: Path) -> list[Run] | None:
    """K runs of `task overdue` over `n` tasks, or None when `task` is not installed."""
    task = shutil.which("task")
    if task is None:
        return None
    data = tmp / "taskdata"
    data.mkdir()
    rc = tmp / "taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=off\nverbose=nothing\ncolor=off\nhooks=off\n"
        "gc=off\nrecurrence=off\n",
        encoding="utf-8",
    )
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    late = round(n * overdue_share)
    tasks = [
        {
            "uuid": f"00000000-0000-4000-8000-{i:012d}",
            "status": "pending",
            "description": f"完成行动项 {i} 输出物与验收",
            "entry": "20250101T010000Z",
            "due": ("20250601T100000Z" if i < late else "20250801T100000Z"),
            "project": f"dept{i % 10}",
        }
        for i in range(n)
    ]
    source = tmp / "tasks.json"
    source.write_text("\n".join(json.dumps(t) for t in tasks), encoding="utf-8")
    subprocess.run([task, "import", str(source)], env=env, check=True, capture_output=True)
    argv = [task, "rc.dateformat=Y-M-D", "overdue"]
    env["TZ"] = "UTC"
    run_process(argv, env=env)  # first run settles Taskwarrior's own files
    return repeat(k, lambda: run_process(argv, env=env))
