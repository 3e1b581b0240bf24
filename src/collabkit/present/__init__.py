"""What people read: rows, JSON items and texts made from snapshots and records.

May import: query, timing, workspace, models, i18n and the base modules; never cli, typer
or rich (the CLI prints what this returns).
"""
