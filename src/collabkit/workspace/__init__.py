"""The workspace: finding it, its settings (`collab.yaml`), reading and validating records.

May import: models, timing, io, i18n and the base modules (errors, findings, bulk).
"""

from __future__ import annotations

from collabkit.workspace.config import CONFIG_NAME, Config, Person, load_config
from collabkit.workspace.records import Loaded, LoadResult, RecordFile
from collabkit.workspace.store import RECORD_SUFFIXES, Workspace, find_root

__all__ = [
    "CONFIG_NAME",
    "RECORD_SUFFIXES",
    "Config",
    "LoadResult",
    "Loaded",
    "Person",
    "RecordFile",
    "Workspace",
    "find_root",
    "load_config",
]
