"""`collab sign ID --role ROLE`: a signature is a commit of the record file, by its signer.

The record is validated; git's author identity must be the person the record names for the
role (by the `people` registry's email) unless forced; the events are set (a requirement's
`confirmed_at` and status once both leads have signed, an acceptance's `at`); then only the
record file is committed, with trailers `Collab-Record` and `Collab-Signed`, and signed when
asked to or when git is set up to sign commits.

The record is changed through a `FieldWriter` the caller passes in (the CLI gives the
round-trip editor of `edit/`), so this package never depends on the editing layer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from collabkit.errors import UsageError
from collabkit.i18n import Texts, msg
from collabkit.io.atomic import write_atomic
from collabkit.io.git import Identity, author_identity, require_repo
from collabkit.io.scalars import moment_text
from collabkit.models import Collaboration, Requirement
from collabkit.models.ids import split_ref
from collabkit.trail.check import email_of, standings
from collabkit.trail.commit import commit_file, file_state, require_head, wants_signature
from collabkit.trail.log import RECORD_TRAILER, ROLE_TRAILER, signing_commits
from collabkit.trail.roles import ROLES, Target, person_of, target_for
from collabkit.workspace import Loaded, Workspace

BEFORE_CONFIRMED = ("draft", "sent")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field a signature sets: dotted path, the value before (None: unset) and after."""

    field: str
    old: str | None
    new: str
    after: str | None = None  # a new key goes after this one


# Sets fields of the record file at `path` (`rel` to the workspace), validated and atomically.
FieldWriter = Callable[[Path, str, Sequence[FieldChange]], None]


@dataclass(frozen=True, slots=True)
class SignRequest:
    ref: str  # RW-2024-001, HY-2024-003/A2
    role: str
    now: datetime
    message: str | None = None
    gpg_sign: bool = False
    force: bool = False


@dataclass(frozen=True, slots=True)
class Signed:
    """What `sign` did."""

    target: Target
    person: str  # who signed, as the registry names them
    expected: str | None  # their email in `people`
    author: Identity  # who git recorded as the author
    commit: str
    rel: str  # the record file, relative to the workspace
    changes: tuple[FieldChange, ...]
    signed: bool  # the commit carries a cryptographic signature
    forced: bool  # the author is not the person named for the role


def sign(ws: Workspace, request: SignRequest, write: FieldWriter) -> Signed:
    """Sign `request.ref` in `request.role`: set its events, commit only its file."""
    top = require_repo(ws.root)
    head = require_head(top)
    record_id, item = split_ref(request.ref)
    loaded = ws.get(record_id)
    target = target_for(loaded.record, item, request.role)
    person = person_of(loaded.record, target)
    if person is None:
        raise UsageError(msg("sign.no_person", ref=target.ref, role=target.role))
    author = author_identity(top)
    forced = _check_author(ws, target, person, author, request.force)
    rel = ws.rel(loaded.file.path)
    path_in_repo = loaded.file.path.resolve().relative_to(top).as_posix()
    _check_clean(top, path_in_repo, rel)
    changes = [] if forced else events_after(ws, loaded, target, request.now, top)
    original = loaded.file.path.read_bytes()
    if changes:
        write(loaded.file.path, rel, changes)
    signed = wants_signature(top, request.gpg_sign)
    message = commit_message(ws, target, _display(ws, person), request.message)
    try:
        commit = commit_file(top, path_in_repo, message, head=head, sign=signed)
    except BaseException:
        if changes:
            write_atomic(loaded.file.path, original)  # no commit: the file as it was
        raise
    shown, expected = _display(ws, person), email_of(ws.config, person)
    return Signed(target, shown, expected, author, commit, rel, tuple(changes), signed, forced)


def _check_author(
    ws: Workspace, target: Target, person: str, author: Identity, force: bool
) -> bool:
    """Refuse an author who is not the person named for the role (unless forced); True when
    the signature goes ahead although the author is someone else."""
    expected = email_of(ws.config, person)
    if expected is not None and expected.lower() == author.email.lower():
        return False
    if force:
        return True
    shown = _display(ws, person)
    if expected is None:
        raise UsageError(msg("sign.no_email", person=shown, ref=target.ref, role=target.role))
    raise UsageError(
        msg(
            "sign.wrong_author",
            author=f"{author.name} <{author.email}>",
            person=shown,
            email=expected,
            ref=target.ref,
            role=target.role,
        )
    )


def _check_clean(top: Path, path_in_repo: str, rel: str) -> None:
    state = file_state(top, path_in_repo)
    if not state.tracked:
        raise UsageError(msg("sign.untracked", file=rel))
    if not state.clean:
        raise UsageError(msg("sign.dirty", file=rel))


def events_after(
    ws: Workspace, loaded: Loaded, target: Target, now: datetime, top: Path
) -> list[FieldChange]:
    """The events a signature by the right person sets: an acceptance's `at`; a requirement's
    `confirmed_at` and status `confirmed` once the other lead's signature holds too. (A forced
    signature sets none: it does not count.)"""
    record = loaded.record
    stamp = moment_text(now, ws.config.tz)
    if isinstance(record, Collaboration) and record.acceptance is not None:
        if record.acceptance.at is None:
            return [FieldChange("acceptance.at", None, stamp, after="by")]
        return []
    if not isinstance(record, Requirement) or not _other_side_signed(ws, loaded, target, top):
        return []
    changes = []
    if record.status in BEFORE_CONFIRMED:
        changes.append(FieldChange("status", record.status, "confirmed"))
    if record.confirmed_at is None:
        changes.append(FieldChange("confirmed_at", None, stamp, after="sent_at"))
    return changes


def _other_side_signed(ws: Workspace, loaded: Loaded, target: Target, top: Path) -> bool:
    """The other lead of a requirement signed, as themselves, what the record says now."""
    (other,) = [role for role in ROLES["requirement"] if role != target.role]
    commits = signing_commits(top, verify=False, ref=target.record_id)
    for standing in standings(ws, [loaded], top, verify=False, commits=commits):
        if standing.target.role == other:
            return standing.by_person and standing.holds
    return False


def commit_message(ws: Workspace, target: Target, person: str, note: str | None) -> str:
    """The signing commit's message: a subject naming the record, the note, the trailers."""
    t = Texts(ws.config.language)
    role = t(f"role.{target.role}")
    lines = [t("sign.subject", ref=target.ref, role=role, person=person), ""]
    if note and note.strip():
        lines += [note.strip(), ""]
    lines += [f"{RECORD_TRAILER}: {target.ref}", f"{ROLE_TRAILER}: {target.role}"]
    return "\n".join(lines) + "\n"


def _display(ws: Workspace, person: str) -> str:
    known = ws.config.people_by_key.get(person)
    return known.name if known is not None else person
