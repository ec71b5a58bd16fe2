"""Alembic revisions of the project schema; installed as `app.migrations`."""
