"""Jinja rendering: one sandboxed environment (workspace templates first, then the shipped
ones), the record skeletons of `collab new`, and later the handbook's tables.

May import: present, query, timing, workspace, models, io, i18n and the base modules.
"""
