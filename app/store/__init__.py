"""Persistence: tables, engine set-up, migrate-on-open and the queries. All SQL lives here."""
