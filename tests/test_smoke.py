from __future__ import annotations

from tests.helpers import NOW


def test_examples_lint_clean(invoke, examples):  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "lint")
    assert result.code == 0, result


def test_overdue_json(invoke, examples):  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "overdue", "--now", NOW, "--format", "json")
    assert result.code == 0, result
