"""Who and which department a listing is about: `--owner`, `--department`, checked by name."""

from __future__ import annotations

from dataclasses import dataclass

from collabkit.errors import UsageError
from collabkit.i18n import msg, suggest
from collabkit.workspace import Config


@dataclass(frozen=True, slots=True)
class Filter:
    """Owner names (a person's name and email) and a department; empty means everyone."""

    owners: frozenset[str] = frozenset()
    department: str | None = None

    def keeps(self, owner: str | None, department: str | None) -> bool:
        if self.owners and (owner is None or owner not in self.owners):
            return False
        return self.department is None or department == self.department


def resolve_filter(
    config: Config, owner: str | None = None, department: str | None = None
) -> Filter:
    """A Filter from the command line's words; an unregistered person or department is a
    usage error that names the closest known one (when collab.yaml lists them)."""
    owners: frozenset[str] = frozenset()
    if owner is not None:
        person = config.people_by_key.get(owner)
        if person is not None:
            owners = frozenset(key for key in (person.name, person.email) if key)
        elif config.people:
            hint = suggest(owner, [p.name for p in config.people], config.language, cutoff=0.3)
            raise UsageError(msg("filter.unknown_person", owner=owner, hint=hint))
        else:
            owners = frozenset({owner})
    departments = config.departments
    if department is not None and departments is not None and department not in departments:
        hint = suggest(department, departments, config.language, cutoff=0.3)
        raise UsageError(msg("filter.unknown_department", department=department, hint=hint))
    return Filter(owners, department)
