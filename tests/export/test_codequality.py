"""`lint --format gitlab`: GitLab's code quality issues, with fingerprints that follow a
finding when lines move and tell two findings apart."""

from __future__ import annotations

import json
from pathlib import Path

from collabkit.export.codequality import code_quality
from collabkit.findings import Finding


def finding(file: str = "records/meetings/HY-2024-001.yaml", line: int = 3) -> Finding:
    return Finding(file, line, 1, "warning", "meeting-long", "meeting lasts 120 minutes")


def test_an_issue_as_gitlab_reads_it(tmp_path: Path) -> None:
    (issue,) = code_quality([finding()], tmp_path / "team", tmp_path)
    fingerprint = issue.pop("fingerprint")
    assert issue == {
        "description": "meeting lasts 120 minutes",
        "check_name": "meeting-long",
        "severity": "minor",
        "location": {"path": "team/records/meetings/HY-2024-001.yaml", "lines": {"begin": 3}},
    }
    assert len(fingerprint) == 64 and int(fingerprint, 16) >= 0


def test_fingerprints_follow_moved_lines_and_differ_between_files(tmp_path: Path) -> None:
    moved = code_quality([finding(line=3), finding(line=9)], tmp_path, tmp_path)
    assert moved[0]["fingerprint"] == moved[1]["fingerprint"]
    other = code_quality([finding(file="records/meetings/HY-2024-002.yaml")], tmp_path, tmp_path)
    assert other[0]["fingerprint"] != moved[0]["fingerprint"]


def test_lint_format_gitlab_reports_what_lint_finds(invoke, examples: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(examples.parent)  # GitLab runs in the project folder: paths from there
    result = invoke("-C", examples, "lint", "--format", "gitlab")
    assert result.code == 0, result
    findings = json.loads(invoke("-C", examples, "lint", "--format", "json").out)
    severity = {"error": "major", "warning": "minor", "info": "info"}
    expected = [
        (f["code"], severity[f["severity"]], {"path": f"handbook/{f['file']}", "lines": begin})
        for f in findings
        for begin in [{"begin": f["line"]}]
    ]
    issues = json.loads(result.out)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == expected
    assert findings, "the examples have a finding (a late collaboration) to report"
