"""Measure `collab lint --trail` over N requirements, each signed by both leads (issue 19).

    python benchmarks/trail.py [--records 1000] [--repeat 5] [--keep DIR]

Builds, in a temporary folder, a git repository whose workspace holds N confirmed
requirements (Chinese text, ~1 KB each) and whose history is what `collab sign` leaves: one
commit adding every record, then for each record the requester's signing commit (it changes
nothing in the file) and the receiver's (it sets status and confirmed_at) — 2N + 1 commits,
written with `git fast-import` in a second. Then prints the MEDIANS of K runs of:

  (t1) the trail check alone: `trail.check.standings` over the loaded records (one `git log`
       pass and one `git cat-file --batch`), in a fresh process, imports and loading excluded
  (t2) `collab lint --trail`, the whole process
  (t3) `collab lint`, the whole process, for comparison: (t2) - (t3) is what --trail adds

The target (issue 19) is <= 1 s for the trail over 1,000 signed records. Nothing here runs
under pytest. Exit status 1 when (t1) misses the target, or when `lint --trail` finds anything
(every generated signature is valid).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import collab_command, repeat, run_process
from report import Row, print_table

TARGET = 1.0
DEPARTMENTS = ["市场部", "运营部", "技术部", "产品部", "设计部", "客服部", "销售部", "财务部"]
PEOPLE = [(f"负责人{i:02d}", DEPARTMENTS[i % len(DEPARTMENTS)]) for i in range(24)]

RECORD = """\
# 需求沟通与确认表 —— {requester_department}向{receiver_department}提出的第 {n} 号需求
kind: requirement
id: {id}
title: 第{n}号需求:老用户复购活动({requester_department})
requester:                # 需求方
  department: {requester_department}
  lead: {requester}
receiver:                 # 承接方
  department: {receiver_department}
  lead: {receiver}
background: Q{quarter}用户复购率同比下降{drop}%,需要在大促前完成一轮老用户召回
goal: 30天内老用户复购率提升至12%,新增复购用户{users}人   # 可衡量的结果
description:
  - 活动页面:上线老用户专属复购活动页,展示专享商品与优惠
  - 优惠券发放:向近180天有购买记录的老用户定向发放满减券
  - 短信触达:活动首日与第7天各推送一次提醒短信
  - 数据看板:每日统计复购率、领券率与核销率
priority: high
due: 2024-12-31           # 期望上线时间(当天结束前)
milestones:
  plan: 确认后5个工作日内输出活动方案
  build: 10个工作日内开发完成
resources:
  预算: {budget}万元(优惠券成本与短信费用)
  需求方: 提供活动主视觉、文案与目标用户画像
  承接方: 负责活动页面搭建、优惠券配置与短信发送
status: {status}
sent_at: 2024-09-02 10:00
"""
CONFIRMED = "status: confirmed\nsent_at: 2024-09-02 10:00\nconfirmed_at: 2024-09-03 16:00\n"

CHILD = """
import json, sys, time
from pathlib import Path
from collabkit.bulk import freeze_after_bulk
from collabkit.trail.check import standings
from collabkit.workspace import Workspace
freeze_after_bulk()
ws = Workspace.open(Path(sys.argv[1]))
records = ws.load().records
t0 = time.perf_counter()
found = standings(ws, records, Path(sys.argv[1]).resolve(), verify=False)
t1 = time.perf_counter()
print(json.dumps({"seconds": t1 - t0, "standings": len(found),
                  "holding": sum(s.holds and s.by_person for s in found)}))
"""


def email(name: str) -> str:
    return f"lead{name[-2:]}@example.com"


def config() -> str:
    people = "".join(
        f"  - {{name: {name}, department: {dept}, email: {email(name)}}}\n"
        for name, dept in PEOPLE
    )
    return f"language: zh\ntimezone: Asia/Shanghai\ndepartments: [{', '.join(DEPARTMENTS)}]\n" \
        f"people:\n{people}"  # fmt: skip


def record(n: int) -> tuple[str, str, str, str]:
    """(id, text as sent, requester, receiver) of the n-th requirement."""
    requester, receiver = PEOPLE[n % len(PEOPLE)], PEOPLE[(n * 7 + 3) % len(PEOPLE)]
    if receiver == requester:
        receiver = PEOPLE[(n + 1) % len(PEOPLE)]
    record_id = f"RW-2024-{n:03d}"
    text = RECORD.format(
        id=record_id, n=n, requester=requester[0], requester_department=requester[1],
        receiver=receiver[0], receiver_department=receiver[1], quarter=n % 4 + 1,
        drop=n % 9 + 1, users=1000 + n, budget=n % 20 + 1, status="sent",
    )  # fmt: skip
    return record_id, text, requester[0], receiver[0]


def _data(payload: bytes) -> bytes:
    return b"data %d\n" % len(payload) + payload + b"\n"


def _commit(name: str, when: int, message: str, changes: list[tuple[int, str]]) -> bytes:
    ident = f"{name} <{email(name) if name != 'Test' else 'test@example.com'}> {when} +0800"
    head = f"commit refs/heads/main\nauthor {ident}\ncommitter {ident}\n".encode()
    body = b"".join(b"M 100644 :%d %s\n" % (mark, path.encode()) for mark, path in changes)
    return head + _data(message.encode()) + body


def fast_import_stream(root: Path, count: int) -> bytes:
    """The history `collab sign` would leave for `count` requirements signed by both leads."""
    parts, first, signed = [], [], []
    mark, when = 0, 1725242400  # 2024-09-02 10:00 +08:00
    for n in range(1, count + 1):
        record_id, text, requester, receiver = record(n)
        path = f"records/requirements/{record_id}.yaml"
        (root / path).write_text(text.replace("status: sent\nsent_at: 2024-09-02 10:00\n",
                                              CONFIRMED), encoding="utf-8")  # fmt: skip
        mark += 1
        parts.append(b"blob\nmark :%d\n" % mark + _data(text.encode()))
        first.append((mark, path))
        mark += 1
        confirmed = text.replace("status: sent\nsent_at: 2024-09-02 10:00\n", CONFIRMED)
        parts.append(b"blob\nmark :%d\n" % mark + _data(confirmed.encode()))
        signed.append((record_id, requester, receiver, mark, path))
    mark += 1
    config_text = (root / "collab.yaml").read_bytes()
    parts.append(b"blob\nmark :%d\n" % mark + _data(config_text))
    parts.append(_commit("Test", when, "workspace\n", [*first, (mark, "collab.yaml")]))
    for record_id, requester, receiver, blob, path in signed:
        for role, who, changes in (("requester", requester, []), ("receiver", receiver,
                                                                   [(blob, path)])):  # fmt: skip
            when += 60
            message = (f"{record_id} 确认签字:{role} {who}\n\nCollab-Record: {record_id}\n"
                       f"Collab-Signed: {role}\n")  # fmt: skip
            parts.append(_commit(who, when, message, changes))
    return b"".join(parts)


def build(root: Path, count: int) -> None:
    (root / "records" / "requirements").mkdir(parents=True)
    (root / "collab.yaml").write_text(config(), encoding="utf-8")
    env = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "PATH": _path()}
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True, env=env)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, check=True, env=env,
                   input=fast_import_stream(root, count))  # fmt: skip
    subprocess.run(["git", "reset", "-q", "--mixed", "HEAD"], cwd=root, check=True, env=env)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=root, env=env,
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert status == "", f"the work tree should match HEAD:\n{status[:500]}"


def _path() -> str:
    import os

    return os.environ.get("PATH", "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the repository here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="collab-trail-bench-"))
    root = folder / "ws"
    try:
        build(root, args.records)
        return measure(root, args.records, args.repeat)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def measure(root: Path, count: int, k: int) -> int:
    commits = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=root, text=True,
                             capture_output=True, check=True).stdout.strip()  # fmt: skip
    print(f"{count} requirements signed by both leads, {commits} commits, in {root}")
    library = [json.loads(run_process([sys.executable, "-c", CHILD, str(root)]).out)
               for _ in range(k)]  # fmt: skip
    assert all(r["holding"] == 2 * count for r in library), library[0]
    collab = collab_command()
    trail = repeat(k, lambda: run_process([*collab, "-C", str(root), "lint", "--trail"]))
    plain = repeat(k, lambda: run_process([*collab, "-C", str(root), "lint"]))
    rows = [
        Row(f"(t1) trail check, {2 * count} signatures (library)",
            [r["seconds"] for r in library], TARGET),
        Row.of("(t2) collab lint --trail", trail, None, None),
        Row.of("(t3) collab lint", plain, None, None),
    ]  # fmt: skip
    print_table(rows)
    clean = all(r.code == 0 and not r.out for r in trail)
    if not clean:
        print("lint --trail found something:", trail[0].out.decode()[:500])
    return 0 if clean and rows[0].ok else 1


if __name__ == "__main__":
    sys.exit(main())
