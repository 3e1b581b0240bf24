"""The registry's lifecycle facts agree with the models: every status machine covers exactly
the kind's statuses, every verb moves to a real status along a real transition, and every
field a verb or `add` writes exists where it is written."""

from __future__ import annotations

import pytest

from collabkit.edit.fields import model_at, type_at
from collabkit.models import MODELS, statuses


@pytest.mark.parametrize("kind", list(MODELS))
def test_the_status_machine_covers_the_statuses(kind: str) -> None:
    model = MODELS[kind]
    known = set(statuses(kind))
    assert set(model.TRANSITIONS) == known
    for after in model.TRANSITIONS.values():
        assert set(after) <= known
    # every status but the first can be reached from another
    reached = {status for after in model.TRANSITIONS.values() for status in after}
    assert known - reached <= {statuses(kind)[0], "draft"}


@pytest.mark.parametrize("kind", list(MODELS))
def test_every_verb_moves_along_the_machine_and_writes_real_fields(kind: str) -> None:
    model = MODELS[kind]
    reached = {status for after in model.TRANSITIONS.values() for status in after}
    for name, verb in model.VERBS.items():
        assert verb.status is None or verb.status in reached, (kind, name)
        for path in verb.fields:
            assert type_at(kind, tuple(path.split("."))) is not None, (kind, name, path)
        assert set(verb.required) <= set(verb.options), (kind, name)
    for name, verb in model.ITEM_VERBS.items():
        assert verb.items, (kind, name)
        for list_name in verb.items:
            item = model_at(kind, (list_name, 0))
            assert item is not None, (kind, name, list_name)
            for path in verb.fields:
                assert path in item.model_fields, (kind, name, path)
            machine = model.ADDABLE[list_name].transitions if list_name in model.ADDABLE else {}
            if verb.status is not None:
                assert any(verb.status in after for after in machine.values()), (kind, name)


@pytest.mark.parametrize("kind", list(MODELS))
def test_what_add_fills_exists_on_the_items(kind: str) -> None:
    model = MODELS[kind]
    assert model.STARTED_BY in model.VERBS
    for list_name, spec in model.ADDABLE.items():
        item_type = type_at(kind, (list_name,))
        assert item_type is not None and item_type.category == "list", (kind, list_name)
        item = model_at(kind, (list_name, 0))
        if spec.scalar:
            assert item is None, (kind, list_name)
            continue
        assert item is not None, (kind, list_name)
        named = [spec.main, *spec.required, *spec.stamped, *spec.defaults]
        for field in [f for f in named if f is not None]:
            assert field in item.model_fields, (kind, list_name, field)
    for path in model.ESSENTIALS:
        assert type_at(kind, tuple(path.split("."))) is not None, (kind, path)
