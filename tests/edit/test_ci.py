"""Where CI installs collab from: the source this collab came from (PEP 610), when CI can
reach it; each requirement is checked by the parser pip itself uses (packaging)."""

from __future__ import annotations

import json

import pytest
from packaging.requirements import Requirement

from collabkit.edit.ci import requirement_from_direct_url

COMMIT = "0123456789abcdef0123456789abcdef01234567"
GIT = {"vcs": "git", "commit_id": COMMIT}


@pytest.mark.parametrize(
    ("recorded", "expected"),
    [
        (
            {
                "url": "https://git.example.com/tools/collab",
                "vcs_info": {**GIT, "requested_revision": "v0.1.0"},
            },
            f"collabkit @ git+https://git.example.com/tools/collab@{COMMIT}",
        ),
        (
            {"url": "ssh://git@git.example.com/tools/collab.git", "vcs_info": GIT},
            f"collabkit @ git+ssh://git@git.example.com/tools/collab.git@{COMMIT}",
        ),
        (
            {"url": "https://files.example.com/collabkit-0.1.0.tar.gz", "archive_info": {}},
            "collabkit @ https://files.example.com/collabkit-0.1.0.tar.gz",
        ),
    ],
)
def test_a_reachable_source_is_pinned(recorded: dict, expected: str) -> None:  # type: ignore[type-arg]
    requirement = requirement_from_direct_url(json.dumps(recorded))
    assert requirement == expected
    parsed = Requirement(requirement)
    assert parsed.name == "collabkit" and parsed.url == expected.split(" @ ", 1)[1]


@pytest.mark.parametrize(
    "recorded",
    [
        None,
        "",
        "not json",
        json.dumps(["a list"]),
        json.dumps({"url": "file:///home/me/collab", "dir_info": {"editable": True}}),
        json.dumps({"url": "https://hg.example.com/collab", "vcs_info": {**GIT, "vcs": "hg"}}),
        json.dumps({"url": "https://git.example.com/collab", "vcs_info": {"vcs": "git"}}),
        json.dumps({"url": "https://git.example.com/collab"}),
    ],
)
def test_a_local_or_unreadable_source_is_none(recorded: str | None) -> None:
    assert requirement_from_direct_url(recorded) is None
