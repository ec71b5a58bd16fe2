"""Alembic environment: runs on the connection the app hands over, or on `-x url=...`."""

from __future__ import annotations

from alembic import context

from app.store.engine import create_project_engine
from app.store.schema import metadata

config = context.config


def _include_object(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    # The FTS5 index and its shadow tables (revision 0003, SQLite) and the search vector with
    # its index (revision 0005, PostgreSQL) are made with raw SQL, not models.
    if type_ == "table" and name is not None and name.startswith("statement_fts"):
        return False
    return name not in ("search_vector", "ix_statements_search_vector")


def _configure_and_run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=_include_object,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move instead
        compare_type=True,
        compare_server_default=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("pass the project with -x url=sqlite:///path.sourcetrack")
    engine = create_project_engine(url, foreign_keys=False)
    with engine.connect() as connection:
        _configure_and_run(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported")
run_migrations_online()
