"""How records live: status machines, the verbs that move them, the lists `collab add` fills.

These are per-kind facts, declared on the model classes like the rest of the registry:

- `TRANSITIONS`: status → the statuses that may follow it (the status machine);
- `VERBS`: lifecycle verbs on the record (`collab send RW-2024-001`) and `ITEM_VERBS` on one
  of its items (`collab feedback KH-2024-001/V1.2`): each sets a status and stamps the events
  that meet a timing rule (SPEC §5 `met_by`), so no rule needs a field name;
- `ADDABLE`: the lists `collab add ID LIST` appends to, and how a new item is filled in;
- `ESSENTIALS`: what an interactive `collab new` asks for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Machine = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Verb:
    """A lifecycle verb of one kind (or of one kind's items).

    `status` is the status it moves to (None: it leaves the status alone); `events` are the
    moments it stamps with `--at` (paths on the record, or on the item); `text` is the field
    the verb's TEXT argument fills; `options` maps the verb's command-line options to the
    fields they fill; `fixed` are values always written with it. A `soft` verb moves the
    status only where the machine allows it, and otherwise stamps its events alone.
    """

    status: str | None = None
    events: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # for ITEM_VERBS: the lists whose items it acts on
    text: str | None = None
    text_required: bool = False
    options: Mapping[str, str] = field(default_factory=dict)
    required: tuple[str, ...] = ()  # options that must be given
    fixed: Mapping[str, Any] = field(default_factory=dict)
    soft: bool = False

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field the verb may write."""
        written = [*self.events, *self.fixed, *self.options.values()]
        if self.text:
            written.append(self.text)
        return tuple(written)


@dataclass(frozen=True, slots=True)
class ItemSpec:
    """A list `collab add` appends to: which field the VALUE argument fills (`main`), what a
    new item must be given, which moments default to `--at`, fixed defaults, and the items'
    own status machine. A `bare` list holds plain values (`decisions`), or plain names when
    only `bare` is given (`attendees: [张伟]`)."""

    main: str | None
    required: tuple[str, ...] = ()
    stamped: tuple[str, ...] = ()
    defaults: Mapping[str, Any] = field(default_factory=dict)
    transitions: Machine = field(default_factory=dict)
    bare: str | None = None
    scalar: bool = False


# The status machine of action items and to-dos.
ITEM_MACHINE: Machine = {"open": ("done", "cancelled"), "done": ("open",), "cancelled": ("open",)}
PROGRESS = ItemSpec("note", required=("note",), stamped=("at",))
