"""The record kinds of SPEC §3 and the one union that reads any of them by `kind`."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from collabkit.models._base import RecordBase
from collabkit.models.collaboration import Collaboration
from collabkit.models.customer import CustomerRequest
from collabkit.models.issue import Issue
from collabkit.models.meeting import Meeting
from collabkit.models.notice import Notice
from collabkit.models.requirement import Requirement

AnyRecord = Annotated[
    Requirement | Meeting | Issue | Collaboration | CustomerRequest | Notice,
    Field(discriminator="kind"),
]

MODELS: dict[str, type[RecordBase]] = {
    "requirement": Requirement,
    "meeting": Meeting,
    "issue": Issue,
    "collaboration": Collaboration,
    "customer-request": CustomerRequest,
    "notice": Notice,
}
KINDS: tuple[str, ...] = tuple(MODELS)
FOLDERS: dict[str, str] = {
    "requirement": "requirements",
    "meeting": "meetings",
    "issue": "issues",
    "collaboration": "collaborations",
    "customer-request": "customer-requests",
    "notice": "notices",
}


@cache
def record_adapter() -> TypeAdapter[Any]:
    """The validator of any record, chosen by its `kind` (built once per process)."""
    return TypeAdapter(AnyRecord)


__all__ = [
    "FOLDERS",
    "KINDS",
    "MODELS",
    "AnyRecord",
    "Collaboration",
    "CustomerRequest",
    "Issue",
    "Meeting",
    "Notice",
    "RecordBase",
    "Requirement",
    "record_adapter",
]
