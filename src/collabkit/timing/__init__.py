"""Deadlines: durations, the working calendar, recurring periods, the rules as data, and the
obligations each record owes.

May import: models, io, i18n and the base modules; never workspace (it is given what it needs).
"""
