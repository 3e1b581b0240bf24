"""Signatures as git commits: who signed a record, in which role, and whether git verifies it.

May import: workspace, timing, models, io (its `git` boundary), i18n and the base modules.
Modules: `roles` (who signs what, what a signature covers), `log` (git log → commits),
`versions` (the signed versions, from `git cat-file --batch`), `check` (where each signature
stands), `commit` (committing one file on a temporary index), `sign` (`collab sign`),
`history` (`collab trail`), `signoffs` (role → SignOff, for the rendered 确认签字 row).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Verdict = Literal["good", "bad", "none", "unknown"]  # git's %G?: G / B / N / E, U, X, Y, R


@dataclass(frozen=True, slots=True)
class SignOff:
    """One role's signature on a record: the commit that signed it."""

    record: str  # RW-2024-001, or HY-2024-003/A2 for an action's owner
    role: str  # requester / receiver / owner / acceptor
    person: str | None  # who the record names for the role
    author: str  # the commit's author name
    email: str  # the commit's author email
    at: datetime  # the commit's author date
    commit: str  # the full hash
    verdict: Verdict  # whether git verifies the commit's signature
    key: str = ""  # the signing key git reports (%GK), when verified
    signer: str = ""  # whose key it is (%GS: the allowed-signers principal, or the GPG uid)
