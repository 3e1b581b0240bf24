"""Writing records: round-trip documents, `new`, `set` / `done` / `progress`, `renumber`,
and `init`'s workspace scaffold. Every write is atomic and validated first.

May import: render (for skeletons), workspace, timing, models, io, i18n and the base modules.
"""
