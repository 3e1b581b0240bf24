"""The walks over a record that lint makes for every file visit only the fields whose type
may hold what they look for (`models._base.fields_holding`), and say item paths on the way
down. They must find exactly what a walk over every field finds, said as `dotted` says it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from pydantic import BaseModel

from collabkit.lint.plausible import dotted, moments
from collabkit.workspace import Loaded, Workspace
from collabkit.workspace.names import _role_in, named_values
from tests.helpers import EXAMPLES
from tests.test_benchmarks import generate


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[Loaded]:
    """Every example record and 300 generated ones (a stress workspace: many open items)."""
    root, _ = generate(tmp_path_factory.mktemp("walks") / "ws", 300, "--stress")
    loaded = [*Workspace.open(root).load().records, *Workspace.open(EXAMPLES).load().records]
    assert len(loaded) > 250
    return loaded


def every_moment(model: BaseModel, loc: tuple[Any, ...] = ()) -> Iterator[tuple[Any, datetime]]:
    for name in type(model).model_fields:
        value, here = getattr(model, name), (*loc, name)
        if isinstance(value, datetime):
            yield here, value
        elif isinstance(value, BaseModel):
            yield from every_moment(value, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from every_moment(item, (*here, i))


def every_name(value: Any, loc: tuple[Any, ...] = (), role: str | None = None) -> Iterator[Any]:
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            yield from every_name(getattr(value, name), (*loc, name), _role_in(field.annotation))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from every_name(item, (*loc, i), role)
    elif isinstance(value, str) and role is not None:
        yield loc, role, value


def test_moments_are_every_moment_said_as_dotted_says(records: list[Loaded]) -> None:
    found = 0
    for rec in records:
        walked = list(moments(rec.record))
        assert [(loc, at) for loc, _, at in walked] == list(every_moment(rec.record))
        for loc, said, _ in walked:
            assert ".".join(said) == dotted(rec.record, loc)
            found += isinstance(loc[-2] if len(loc) > 1 else None, int)
    assert found > 500  # items of lists (A2.done_at, progress) were walked, not only fields


def test_named_values_are_every_name(records: list[Loaded]) -> None:
    found = 0
    for rec in records:
        names = list(named_values(rec.record))
        assert names == list(every_name(rec.record))
        found += len(names)
    assert found > 1000

