"""The record cache: what each record file yielded, kept between runs (`.collab-cache/`).

May import: nothing of collab but `timing.obligation` and the standard library: the fast
read path (`cli.quick`) answers from it without loading pydantic, a YAML parser, the
calendar or rich. The workspace fills it (`workspace.cached`).
"""
