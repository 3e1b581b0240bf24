"""One writer per record kind of SPEC §3, each turning a planned record into its YAML text."""

from __future__ import annotations

from collections.abc import Callable

from writer import Spec, Writer

from . import collaboration, customer_request, issue, meeting, notice, requirement

WRITERS: dict[str, Callable[[Writer, Spec], str]] = {
    "requirement": requirement.write,
    "meeting": meeting.write,
    "issue": issue.write,
    "collaboration": collaboration.write,
    "customer-request": customer_request.write,
    "notice": notice.write,
}
