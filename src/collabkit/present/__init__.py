"""What people read: rows, JSON items and texts made from snapshots and records.

`obligations` (the JSON item of SPEC §4 and table rows of overdue/due), `text` (time late
and left, in the rule's own terms), `records` (list rows, unreadable files included),
`show` (a record's fields with their labels, its deadlines).

May import: query, timing, workspace, models, i18n and the base modules; never cli, typer
or rich (the CLI prints what this returns).
"""
