"""The Jinja templates collab ships (a workspace templates/ folder overrides them)."""
