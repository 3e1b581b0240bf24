"""Command-line text → the value an edit writes (collabkit.edit.values)."""

from __future__ import annotations

import pytest

from collabkit.edit.values import text_node


@pytest.mark.parametrize(("text", "written"), [("302", 302), ("-5", -5), ("0", 0)])
def test_a_decimal_in_a_text_field_is_written_as_the_number_of_the_same_text(
    text: str, written: int
) -> None:
    assert text_node(text) == written and str(written) == text


@pytest.mark.parametrize("text", ["-0", "0123", "1_000", "+5"])
def test_other_number_like_text_stays_text(text: str) -> None:
    """`-0` as a number would read back as `0` (found by the fuzz suite's note `-0`)."""
    value = text_node(text)
    assert isinstance(value, str) and value == text
