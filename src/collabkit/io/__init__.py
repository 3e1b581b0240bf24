"""Files and processes: YAML reading and positions, atomic writes, the one `git` boundary.

May import: collabkit.errors, collabkit.i18n.
"""
