"""Every shipped template, in zh and en, against exact expected text (tests/render/golden;
regenerated only on purpose by `python -m tests.render.golden --write`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import NOW
from tests.render.golden import GOLDEN, WEEK


def _golden(language: str) -> dict[str, str]:
    folder = GOLDEN / language
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_site_is_the_golden_one(invoke, examples: Path, scenario, language: str) -> None:  # type: ignore[no-untyped-def]
    workspace = examples if language == "zh" else scenario("english")
    out = workspace.parent / f"site-{language}"
    result = invoke("-C", workspace, "render", "--out", out, "--now", NOW)
    assert result.code == 0, result
    golden = _golden(language)
    site = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}
    pages = {name: text for name, text in golden.items() if not name.startswith("report-")}
    assert sorted(site) == sorted(pages)
    for name, text in pages.items():
        assert site[name] == text, name


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["md", "json"])
def test_the_weekly_report_is_the_golden_one(  # type: ignore[no-untyped-def]
    invoke, examples: Path, scenario, language: str, fmt: str
) -> None:
    workspace = examples if language == "zh" else scenario("english")
    args = ["--format", "json"] if fmt == "json" else []
    result = invoke("-C", workspace, "report", "weekly", "--week", WEEK, "--now", NOW, *args)
    assert (result.code, result.err) == (0, ""), result
    assert result.out == _golden(language)[f"report-{WEEK}.{fmt}"]


def test_one_page_to_stdout_is_the_golden_page(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "render", "WT-2024-001", "--now", NOW)
    assert (result.code, result.err) == (0, "")
    assert result.out == _golden("zh")["WT-2024-001.md"]
    both = invoke("-C", examples, "render", "XZ-2024-002", "RW-2024-001", "--now", NOW)
    golden = _golden("zh")
    assert both.out == golden["RW-2024-001.md"] + "\n" + golden["XZ-2024-002.md"]


def test_stdout_without_ids_is_the_index_and_lang_switches_labels(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    assert invoke("-C", examples, "render", "--now", NOW).out == _golden("zh")["index.md"]
    english = invoke("-C", examples, "render", "--now", NOW, "--lang", "en")
    assert english.out == _golden("en")["index.md"]
