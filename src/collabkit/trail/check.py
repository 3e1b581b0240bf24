"""Where each signature of the workspace stands: who signed last, as whom, and whether what
they signed is still what the record says.

One `git log` pass finds every signing commit (`log.signing_commits`), one `git cat-file
--batch` reads the versions they signed; everything else is comparison in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from collabkit.trail import SignOff
from collabkit.trail.log import Commit, signing_commits
from collabkit.trail.roles import (
    Target,
    changed_fields,
    content_of,
    part_data,
    person_of,
    signed_part,
    strip,
)
from collabkit.trail.roles import targets_of as record_targets
from collabkit.trail.versions import Version, blob_id, read_versions
from collabkit.workspace import Config, Loaded, Workspace


@dataclass(frozen=True, slots=True)
class Standing:
    """One target's signature as it stands: its latest signing commit, judged."""

    loaded: Loaded
    target: Target
    person: str | None  # the person the record names for the role
    expected: str | None  # that person's email in `people`
    commit: Commit | None  # the latest signing commit for the target
    changed: tuple[str, ...] | None  # content fields changed since; None: signed version unreadable

    @property
    def signed(self) -> bool:
        return self.commit is not None

    @property
    def by_person(self) -> bool:
        """The signing commit's author is the person named for the role (by email)."""
        return (
            self.commit is not None
            and self.expected is not None
            and self.commit.email.lower() == self.expected.lower()
        )

    @property
    def holds(self) -> bool:
        """Signed, and the content has not changed since."""
        return self.commit is not None and self.changed == ()

    @property
    def verified(self) -> bool:
        """git verifies the signature, made with a key of the person named for the role."""
        if self.commit is None or self.commit.verdict != "good" or self.expected is None:
            return False
        return self.expected.lower() in self.commit.signer.lower()

    def signoff(self) -> SignOff | None:
        if self.commit is None:
            return None
        c = self.commit
        return SignOff(
            self.target.ref, self.target.role, self.person, c.author, c.email, c.at, c.hash,
            c.verdict, key=c.key, signer=c.signer,
        )  # fmt: skip


def email_of(config: Config, person: str | None) -> str | None:
    """The email of a person named by name or email; None when `people` does not give one."""
    if person is None:
        return None
    known = config.people_by_key.get(person)
    if known is not None:
        return known.email
    return person if "@" in person else None


def standings(
    ws: Workspace,
    records: Iterable[Loaded],
    top: Path,
    *,
    verify: bool,
    commits: Sequence[Commit] | None = None,
) -> list[Standing]:
    """Every signature the records can carry, each judged against its latest signing commit."""
    if commits is None:
        commits = signing_commits(top, verify=verify)
    latest: dict[tuple[str, str], Commit] = {}
    for signing in commits:  # newest first: the first one seen is the latest
        for ref, role in signing.signs:
            latest.setdefault((ref, role), signing)
    folder = ws.root.resolve().relative_to(top).as_posix()
    wanted = []
    for loaded in records:
        for target in record_targets(loaded.record):
            commit = latest.get((target.ref, target.role))
            wanted.append((loaded, target, commit, _spec(folder, loaded, commit)))
    versions = read_versions(top, sorted({spec for *_, spec in wanted if spec}))
    out = []
    for loaded, target, commit, spec in wanted:
        person = person_of(loaded.record, target)
        changed = None if commit is None else _changes(spec, versions, loaded, target, ws.config)
        expected = email_of(ws.config, person)
        out.append(Standing(loaded, target, person, expected, commit, changed))
    return out


def _spec(folder: str, loaded: Loaded, commit: Commit | None) -> str:
    """How `git cat-file` names the version of the record that `commit` signed: the blob the
    commit wrote, or the file in the commit's tree (a signature that changed nothing); "" when
    there is nothing to read (no commit, or it wrote the file as it is now)."""
    if commit is None:
        return ""
    blob = commit.blob_for(loaded.id)
    if blob is not None:
        return "" if blob == blob_id(loaded.file.text, blob) else blob
    rel = loaded.file.rel if folder in ("", ".") else f"{folder}/{loaded.file.rel}"
    return f"{commit.hash}:{rel}"


def _changes(
    spec: str, versions: dict[str, Version | None], loaded: Loaded, target: Target, config: Config
) -> tuple[str, ...] | None:
    """The content fields changed since the signed version; None when it cannot be compared."""
    if not spec:
        return ()  # the file is byte for byte what was signed
    version = versions.get(spec)
    if version is None:
        return None
    if version.text == loaded.file.text:
        return ()
    then_data, now_data = part_data(version.data, target), part_data(loaded.file.data, target)
    if then_data is not None and strip(then_data) == strip(now_data):
        return ()  # only status, events or comments changed: no need to validate
    signed = version.record(config)
    if signed is None:
        return None
    then_part, now_part = signed_part(signed, target), signed_part(loaded.record, target)
    if then_part is None or now_part is None:
        return None
    return changed_fields(content_of(then_part), content_of(now_part))
