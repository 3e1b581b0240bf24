"""What leaves collab for other tools: calendar feeds (`ics`), CI reports (`codequality`).

May import: workspace, query, present, timing, models, io, i18n and the base modules.
"""
