"""The golden pages: every shipped template rendered from the example workspace, in zh
(examples/handbook) and en (tests/scenarios/english), at the README's moment.

`python -m tests.render.golden --write` regenerates them, on purpose only; the tests
compare against them and never write them.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from datetime import datetime
from pathlib import Path

from collabkit.render.report import weekly, weekly_json, weekly_markdown
from collabkit.render.site import write_site
from collabkit.workspace import Workspace
from tests.helpers import EXAMPLES, NOW, SCENARIOS

GOLDEN = Path(__file__).resolve().parent / "golden"
SOURCES = {"zh": EXAMPLES, "en": SCENARIOS / "english"}
WEEK = "2024-W41"


def pages(language: str) -> dict[str, str]:
    """File name → text of every golden file of `language`."""
    ws = Workspace.open(SOURCES[language])
    now = datetime.fromisoformat(NOW)
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as folder:
        write_site(ws, Path(folder), now)
        for page in sorted(Path(folder).glob("*.md")):
            out[page.name] = page.read_text(encoding="utf-8")
    report = weekly(ws, now, WEEK)
    out[f"report-{WEEK}.md"] = weekly_markdown(ws, report)
    data = json.dumps(weekly_json(ws, report), ensure_ascii=False, indent=2) + "\n"
    out[f"report-{WEEK}.json"] = data
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite the golden files")
    if not parser.parse_args().write:
        parser.error("nothing done: pass --write to regenerate the golden files on purpose")
    for language in SOURCES:
        folder = GOLDEN / language
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for name, text in pages(language).items():
            (folder / name).write_text(text, encoding="utf-8")
            print(folder / name)


if __name__ == "__main__":
    main()
