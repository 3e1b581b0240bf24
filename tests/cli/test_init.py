"""`collab init`: what it writes for CI and editors, checked by the tools that read them
(check-jsonschema's vendored GitHub and GitLab schemas, jsonschema), the workflows' own
commands run as written, and the next steps it prints."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from collabkit.io.yamlio import load_data
from collabkit.models.schema import record_schema
from tests.helpers import EXAMPLES, build_tree, git

BIN = Path(sys.executable).parent  # where `collab` and `check-jsonschema` are installed
REQUIREMENT = "collabkit @ git+https://git.example.com/tools/collab@v0.1.0"
FOLDERS = ("requirements", "meetings", "issues", "collaborations", "customer-requests", "notices")


def repo(tmp_path: Path) -> Path:
    top = tmp_path / "repo"
    top.mkdir()
    git(top, "init", "-q", "-b", "main")
    return top


def sh(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A workflow's shell line, run as the CI runner would (bash, collab on PATH)."""
    return subprocess.run(
        ["bash", "-e", "-c", command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **env},
    )


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", f"vendor.{schema}", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_init_prints_what_it_wrote_and_the_next_steps(invoke, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "team")
    assert (result.code, result.err) == (0, ""), result
    written = [
        "team/collab.yaml",
        "team/.gitignore",
        "team/collab.schema.json",
        *(f"team/records/{folder}/.gitkeep" for folder in FOLDERS),
        "team/.vscode/settings.json",
        "team/.github/workflows/collab.yml",
    ]
    assert result.out.splitlines() == [
        *written,
        "",
        "下一步:",
        "  git init team    # 记录放在 git 仓库中:签字、合并前检查都依赖它",
        "  collab -C team new requirement --title 标题    # 第一条记录:分配编号,写出带注释的骨架",
        "  collab -C team lint    # 检查全部记录",
        "  在 GitHub 仓库的 Settings → Secrets and variables → Actions → Variables 中设置 "
        "COLLAB_INSTALL(安装 collab 的 pip 依赖串),或用 --install 重新生成 "
        ".github/workflows/collab.yml",
        "  VS Code:安装 YAML 扩展(redhat.vscode-yaml),记录文件即按 collab.schema.json 提示与校验",
    ]


def test_init_in_english_in_git_with_install(invoke, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    top = repo(tmp_path)
    monkeypatch.chdir(top)
    result = invoke(
        "init", "coordination", "--lang", "en", "--ci", "gitlab", "--install", REQUIREMENT
    )
    assert result.code == 0, result
    assert result.out.split("\n\n")[1].splitlines() == [
        "Next steps:",
        "  collab -C coordination new requirement --title TITLE    # a first record: the next id, "
        "a commented skeleton",
        "  collab -C coordination lint    # check every record",
        "  add a daily schedule in GitLab's Build → Pipeline schedules: the overdue list and the "
        "calendar check",
        "  VS Code: install the YAML extension (redhat.vscode-yaml) and the record files are "
        "checked and completed from collab.schema.json",
    ]
    assert ".gitlab-ci.yml" in result.out.splitlines()
    assert not (top / ".github").exists()


def test_init_refuses_a_path_that_is_a_file(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = build_tree(tmp_path, {"notes.txt": "mine\n"}) / "notes.txt"
    result = invoke("init", target)
    assert (result.code, result.out) == (2, ""), result
    assert result.err == f"collab: {target} 是一个文件:请给出新工作区的文件夹\n"
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_init_refuses_an_unknown_ci(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("init", tmp_path / "w", "--ci", "jenkins", "--lang", "en")
    assert (result.code, result.out) == (2, ""), result
    assert result.err == "collab: --ci: 'jenkins' is not one of github, gitlab, none\n"
    assert not (tmp_path / "w").exists()


def test_init_ci_none_writes_no_workflow(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    top = repo(tmp_path)
    assert invoke("init", top, "--ci", "none").code == 0
    assert not (top / ".github").exists() and not (top / ".gitlab-ci.yml").exists()


def test_editor_settings_map_the_schema_onto_the_records(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    top = repo(tmp_path)
    assert invoke("init", top / "coordination").code == 0
    settings = json.loads((top / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings == {
        "yaml.schemas": {
            "coordination/collab.schema.json": [
                "coordination/records/**/*.yaml",
                "coordination/records/**/*.yml",
            ]
        }
    }
    schema = json.loads((top / "coordination/collab.schema.json").read_text(encoding="utf-8"))
    assert schema == record_schema()


def test_existing_editor_settings_are_kept_and_the_mapping_is_named(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    top = build_tree(repo(tmp_path), {".vscode/settings.json": '{"editor.tabSize": 2}\n'})
    result = invoke("init", top, "--lang", "en")
    assert result.code == 0, result
    assert (top / ".vscode/settings.json").read_text(encoding="utf-8") == '{"editor.tabSize": 2}\n'
    assert result.out.splitlines()[-1] == (
        '  .vscode/settings.json exists and was left alone: add "yaml.schemas": '
        '{"collab.schema.json": ["records/**/*.yaml", "records/**/*.yml"]} to it'
    )


# --- the GitHub workflow ------------------------------------------------------------------


def github_workflow(invoke, top: Path, *args: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    result = invoke("init", top / "coordination", *args)
    assert result.code == 0, result
    path = top / ".github/workflows/collab.yml"
    checked = check_jsonschema("github-workflows", path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    data: dict = load_data(path.read_text(encoding="utf-8"), path.name)  # type: ignore[type-arg]
    return data


def test_github_lints_pull_requests_and_lists_overdue(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    top = repo(tmp_path)
    workflow = github_workflow(invoke, top, "--install", REQUIREMENT)
    assert workflow["on"]["schedule"] == [{"cron": "0 1 * * *"}]
    assert set(workflow["on"]) == {"pull_request", "push", "schedule", "workflow_dispatch"}
    assert workflow["env"] == {"COLLAB_INSTALL": REQUIREMENT}
    lint, overdue = workflow["jobs"]["lint"], workflow["jobs"]["overdue"]
    assert lint["steps"][0] == {"uses": "actions/checkout@v4", "with": {"fetch-depth": 0}}
    runs = {step.get("if"): step["run"] for step in lint["steps"] if "run" in step and "if" in step}
    assert runs == {
        "github.event_name == 'pull_request'": (
            'collab -C coordination lint --format github --against "origin/$GITHUB_BASE_REF"'
        ),
        "github.event_name == 'push'": "collab -C coordination lint --format github",
    }
    assert [step["run"] for step in overdue["steps"] if "run" in step][1:] == [
        "collab -C coordination overdue",
        "collab -C coordination calendar --check",
    ]


def test_the_github_workflow_commands_run_as_written(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    top = repo(tmp_path)
    workflow = github_workflow(invoke, top)
    build_tree(top / "coordination", {"records/requirements/RW-2024-001.yaml": "kind: memo\n"})
    steps = workflow["jobs"]["lint"]["steps"]
    lint_push = next(step for step in steps if step.get("if", "").endswith("'push'"))
    done = sh(lint_push["run"], top)
    assert done.returncode == 1, done
    assert done.stdout.startswith(
        "::error file=coordination/records/requirements/RW-2024-001.yaml,line=1,"
    ), done.stdout
    (top / "coordination/records/requirements/RW-2024-001.yaml").unlink()
    # the scheduled job runs on the clock; here at a moment whose answers never change
    at = " --now 2024-06-03T09:00:00+08:00"
    overdue, check = (step["run"] + at for step in workflow["jobs"]["overdue"]["steps"][3:])
    assert (sh(overdue, top).returncode, sh(overdue, top).stdout) == (0, "没有逾期事项\n")
    done = sh(check, top)
    assert (done.returncode, done.stdout.startswith("2025 年的官方节假日")) == (0, True), done


def test_the_install_step_asks_for_the_requirement(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    top = repo(tmp_path)
    workflow = github_workflow(invoke, top)
    assert workflow["env"] == {"COLLAB_INSTALL": "${{ vars.COLLAB_INSTALL }}"}
    install = workflow["jobs"]["lint"]["steps"][2]
    assert install["name"] == "install collab"
    stub = build_tree(tmp_path / "stub", {"pip": '#!/bin/sh\nprintf "%s\\n" "$@"\n'})
    (stub / "pip").chmod(0o755)
    path = f"{stub}{os.pathsep}{os.environ['PATH']}"
    unset = sh(install["run"], top, PATH=path, COLLAB_INSTALL="")
    assert unset.returncode != 0
    assert unset.stderr.strip().endswith("请把 COLLAB_INSTALL 设为安装 collab 的 pip 依赖串")
    given = sh(install["run"], top, PATH=path, COLLAB_INSTALL=REQUIREMENT)
    assert (given.returncode, given.stdout) == (0, f"install\n{REQUIREMENT}\n"), given


# --- the GitLab pipeline ------------------------------------------------------------------


def test_the_gitlab_pipeline_reports_code_quality_of_merge_requests(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    top = repo(tmp_path)
    assert invoke("init", top / "team", "--ci", "gitlab", "--install", REQUIREMENT).code == 0
    path = top / ".gitlab-ci.yml"
    checked = check_jsonschema("gitlab-ci", path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    pipeline = load_data(path.read_text(encoding="utf-8"), path.name)
    assert pipeline["variables"] == {"COLLAB_INSTALL": REQUIREMENT}
    lint = pipeline["collab-lint"]
    assert lint["variables"] == {"GIT_DEPTH": "0"}
    assert lint["artifacts"] == {
        "when": "always",
        "reports": {"codequality": "gl-code-quality-report.json"},
    }
    assert lint["rules"][0] == {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}
    assert pipeline["collab-overdue"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}]
    assert pipeline["collab-overdue"]["script"] == [
        "collab -C team overdue",
        "collab -C team calendar --check",
    ]
    # the lint script as the runner runs it (a push: no target branch, no --against)
    copy_examples(top / "team")
    bad = top / "team/records/requirements/RW-2024-001.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("priority:", "prority:"), "utf-8")
    done = sh(lint["script"][0], top)
    assert done.returncode == 1, done
    report = json.loads((top / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    errors = [issue for issue in report if issue["severity"] == "major"]
    where = {"path": "team/records/requirements/RW-2024-001.yaml", "lines": {"begin": 18}}
    status = {**where, "lines": {"begin": 41}}  # the rest of the record is checked too
    assert [(e["check_name"], e["location"]) for e in errors] == [
        ("unknown-key", where), ("incomplete", status)]
    # and the log shows the findings as people read them
    assert "records/requirements/RW-2024-001.yaml:18:1: error unknown-key " in done.stdout


def copy_examples(workspace: Path) -> None:
    """The example records, and the example's collab.yaml, in `workspace`."""
    shutil.copytree(EXAMPLES / "records", workspace / "records", dirs_exist_ok=True)
    shutil.copy2(EXAMPLES / "collab.yaml", workspace / "collab.yaml")
