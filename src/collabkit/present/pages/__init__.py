"""One record as the handbook's table: the variables of each kind's template, escaped.

`page_for(record, site)` gives what `templates/render/<kind>.md.j2` receives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from collabkit.models import RecordBase
from collabkit.present.pages import collaboration, customer, issue, meeting, notice, requirement
from collabkit.present.pages.common import SignOffs, Site, no_signoffs, page_values

__all__ = ["SignOffs", "Site", "no_signoffs", "page_for", "page_values"]


BUILDERS: dict[str, Callable[[Any, Site], dict[str, Any]]] = {
    "requirement": requirement.values,
    "meeting": meeting.values,
    "issue": issue.values,
    "collaboration": collaboration.values,
    "customer-request": customer.values,
    "notice": notice.values,
}


def page_for(record: RecordBase, site: Site) -> dict[str, Any]:
    """The variables of the record's page: those every page has, and its kind's own."""
    return page_values(record, site) | BUILDERS[record.kind](record, site)
