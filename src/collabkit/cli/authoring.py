"""`collab init`, `new`, `set`, `done`, `progress`, `renumber`."""

from __future__ import annotations
