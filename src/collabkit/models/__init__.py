"""The record kinds of SPEC §3, the one union that reads any of them by `kind`, and the
registry of per-kind facts (prefix, folder, owners, item lists) that everything else asks.

May import: collabkit.errors, collabkit.i18n, pydantic.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from collabkit.models._base import ItemNaming, RecordBase
from collabkit.models.collaboration import Collaboration
from collabkit.models.customer import CustomerRequest
from collabkit.models.issue import Issue
from collabkit.models.meeting import Meeting
from collabkit.models.notice import Notice
from collabkit.models.requirement import Requirement

Record = Requirement | Meeting | Issue | Collaboration | CustomerRequest | Notice
AnyRecord = Annotated[Record, Field(discriminator="kind")]

MODELS: dict[str, type[RecordBase]] = {
    model.KIND: model
    for model in (Requirement, Meeting, Issue, Collaboration, CustomerRequest, Notice)
}
KINDS: tuple[str, ...] = tuple(MODELS)
FOLDERS: dict[str, str] = {kind: model.FOLDER for kind, model in MODELS.items()}
DEFAULT_PREFIXES: dict[str, str] = {kind: model.PREFIX for kind, model in MODELS.items()}


@cache
def record_adapter() -> TypeAdapter[Any]:
    """The validator of any record, chosen by its `kind` (built once per process)."""
    return TypeAdapter(AnyRecord)


def validated_record(data: Any, context: dict[str, Any]) -> tuple[Any, list[Any]]:
    """(record, []) or (None, the errors) for `data`, exactly as `record_adapter` says
    them (each `loc` starts with the kind, the union's tag). A known kind is validated
    by its own model, which is built on import: the union's validator (~50 ms to build)
    is only needed for data of no known kind."""
    kind = data.get("kind") if isinstance(data, dict) else None
    model = MODELS.get(kind) if isinstance(kind, str) else None
    try:
        if model is None:
            return record_adapter().validate_python(data, context=context), []
        return model.model_validate(data, context=context), []
    except ValidationError as exc:
        errors = exc.errors()
    if model is not None:
        errors = [{**error, "loc": (model.KIND, *error["loc"])} for error in errors]
    return None, errors


@cache
def statuses(kind: str) -> tuple[str, ...]:
    """The statuses a record of `kind` can have, in the order of its life."""
    from typing import get_args

    annotation = MODELS[kind].model_fields["status"].annotation
    while get_args(annotation) and not all(isinstance(a, str) for a in get_args(annotation)):
        annotation = get_args(annotation)[0]  # Annotated[Literal[...], ...]
    return tuple(get_args(annotation))


def item_lists(kind: str) -> dict[str, ItemNaming]:
    """The lists of a kind whose items `ID/ITEM` can name."""
    return MODELS[kind].ITEM_LISTS


def item_names(record: RecordBase) -> dict[str, tuple[str, int]]:
    """Every item a record holds, by name (A2, P1, V1.2, C1, T1): (list name, index)."""
    found: dict[str, tuple[str, int]] = {}
    for list_name, naming in record.ITEM_LISTS.items():
        for index, item in enumerate(getattr(record, list_name, None) or ()):
            found.setdefault(naming.name_of(item, index), (list_name, index))
    return found


__all__ = [
    "DEFAULT_PREFIXES",
    "FOLDERS",
    "KINDS",
    "MODELS",
    "AnyRecord",
    "Collaboration",
    "CustomerRequest",
    "Issue",
    "ItemNaming",
    "Meeting",
    "Notice",
    "Record",
    "RecordBase",
    "Requirement",
    "item_lists",
    "item_names",
    "record_adapter",
    "statuses",
    "validated_record",
]
