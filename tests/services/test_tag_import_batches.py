"""`import-tags` writes in batches: the file is checked whole first, then each batch is one short
write transaction, and other writers get the lock between two batches.

Nothing here measures time: transactions are counted by wrapping `Project.write`, and "the lock
is free" is shown by another connection taking it with a busy timeout of zero.
"""

from __future__ import annotations

import contextlib
import csv
import math
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from db_state import snapshot
from engines import Location, Locations
from helpers import SEED, SEED_TITLE, cli_ok, database, project_fingerprint, tag_tuples

from app.services import editing, exporting, tag_import
from app.services.project import Project
from app.services.reading import InputError
from app.services.tag_import import BATCH_ROWS, ImportInterrupted, import_tags

COLUMNS = [
    "article_title",
    "start",
    "end",
    "statement_text",
    "source",
    "stance",
    "confidence_label",
    "claims",
    "annotator",
    "note",
    "created_at",
    "updated_at",
]
SOURCES = ("Seoul", "Kyiv", "Kremlin")
STANCES = ("asserts", "denies", "neutral")
CREATED, UPDATED = "2024-11-05T10:00:00Z", "2024-11-06T09:30:00Z"
PHRASE = "le Kremlin continue de nier ou d’éluder ces informations"  # inside one statement


@pytest.fixture
def path(locations: Locations) -> Location:
    """A project holding the seed article (10 statements) and the default sources."""
    target = locations.new()
    cli_ok(None, "import", target, SEED)
    return target


def spans(path: Path) -> list[tuple[int, int, int, str]]:
    """(id, start, end, text) of every statement, in text order."""
    with database(path) as conn:
        return conn.execute(
            'SELECT s.id, s.start, s."end", substr(a.body, s.start + 1, s."end" - s.start) '
            "FROM statements s JOIN articles a ON a.id = s.article_id ORDER BY s.start"
        ).fetchall()


def tag_rows(path: Path, n: int) -> list[dict[str, str]]:
    """`n` rows, each a different tag: row i is statement i mod 10, a source, an annotator."""
    statements = spans(path)
    rows = []
    for i in range(n):
        _sid, start, end, text = statements[i % len(statements)]
        rest = i // len(statements)
        rows.append(
            {
                "article_title": SEED_TITLE,
                "start": str(start),
                "end": str(end),
                "statement_text": text,
                "source": SOURCES[rest % len(SOURCES)],
                "stance": STANCES[i % len(STANCES)],
                "confidence_label": "Probable" if i % 2 else "",
                "claims": "Troupes en Russie" if i % 7 == 0 else "",
                "annotator": f"annotator-{rest // len(SOURCES)}",
                "note": f"row {i}",
                "created_at": CREATED,
                "updated_at": UPDATED,
            }
        )
    return rows


def write_csv(target: Path, rows: list[dict[str, str]], tail: str = "") -> Path:
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
        handle.write(tail)
    return target


class WriteLog:
    """Every write transaction a project opens, and how many tags each one added."""

    def __init__(self, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened = 0
        self.added: list[int] = []
        real = project.write

        @contextlib.contextmanager
        def write() -> Iterator[Any]:
            self.opened += 1
            with real() as conn:
                before = _attributions(conn)
                yield conn
                self.added.append(_attributions(conn) - before)

        monkeypatch.setattr(project, "write", write)


def _attributions(conn: Any) -> int:
    return int(conn.exec_driver_sql("SELECT count(*) FROM attributions").scalar())


def other_writer(path: Path, key: str) -> None:
    """Another process's write, waiting for nothing: raises 'database is locked' unless the
    write lock is free at this very moment."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO project_settings (key, value) VALUES (?, 'other')", (key,))
        conn.execute("COMMIT")
    finally:
        conn.close()


def count(path: Path, table: str) -> int:
    with database(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# --- (a) batches --------------------------------------------------------------------------------


@pytest.mark.parametrize(("n", "batch"), [(250, 100), (300, 100), (1, 100), (BATCH_ROWS + 1, None)])
def test_n_rows_are_written_in_ceil_n_over_batch_bounded_transactions(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int, batch: int | None
) -> None:
    csv_path = write_csv(tmp_path / "tags.csv", tag_rows(path, n))
    size = batch or BATCH_ROWS
    seen: list[tuple[int, int]] = []
    with Project.open(path) as project:
        log = WriteLog(project, monkeypatch)
        options: dict[str, Any] = {} if batch is None else {"batch_rows": batch}
        report = import_tags(project, csv_path, progress=lambda *a: seen.append(a), **options)
    batches = math.ceil(n / size)
    assert log.opened == batches  # the check wrote nothing; each batch is one transaction
    assert log.added == [size] * (batches - 1) + [n - size * (batches - 1)]
    assert max(log.added) <= size
    assert seen == [(min(n, size * (k + 1)), n) for k in range(batches)]
    assert (report.rows, report.added, report.updated, report.unchanged) == (n, n, 0, 0)
    assert count(path, "attributions") == n


# --- (b) other writers get in between batches --------------------------------------------------


@pytest.mark.sqlite_only  # PostgreSQL writers do not take one lock for the whole database
def test_another_writer_takes_the_lock_between_two_batches_but_not_during_one(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_path = write_csv(tmp_path / "tags.csv", tag_rows(path, 250))
    during: list[str] = []
    calls = {"n": 0}
    real_apply = tag_import.apply_planned_tag

    def apply(conn: Any, plan: Any, report: Any) -> None:
        # The control: at the first row of each batch, the import holds the lock.
        if calls["n"] % 100 == 0:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other_writer(path, f"during-{calls['n']}")
            during.append("locked")
        calls["n"] += 1
        real_apply(conn, plan, report)

    monkeypatch.setattr(tag_import, "apply_planned_tag", apply)
    between: list[int] = []

    def progress(written: int, total: int) -> None:
        other_writer(path, f"between-{written}")  # would raise if the lock were still held
        between.append(written)

    with Project.open(path) as project:
        report = import_tags(project, csv_path, batch_rows=100, progress=progress)
    assert during == ["locked"] * 3
    assert between == [100, 200, 250]
    assert report.added == 250
    with database(path) as conn:
        keys = {
            k for (k,) in conn.execute("SELECT key FROM project_settings WHERE value = 'other'")
        }
    assert keys == {"between-100", "between-200", "between-250"}  # the other writes stayed


# --- (c) a refusal near the end changes nothing ------------------------------------------------


def _unknown_source(rows: list[dict[str, str]]) -> str:
    rows[-2]["source"] = "Pyongyang"
    return ""


def _bad_stance(rows: list[dict[str, str]]) -> str:
    rows[-1]["stance"] = "perhaps"
    return ""


def _text_mismatch(rows: list[dict[str, str]]) -> str:
    rows[-1]["statement_text"] = "Un autre texte."
    return ""


def _broken_quote(rows: list[dict[str, str]]) -> str:
    return f'{SEED_TITLE},0,5,"jamais fermé,Seoul,asserts\n'


def _crosses_after_an_earlier_cut(rows: list[dict[str, str]]) -> str:
    """The first row cuts a statement in three; the last one names that statement whole, which
    by then crosses the three pieces: only following the cuts row by row finds it."""
    container = next(r for r in rows if PHRASE in r["statement_text"])
    start = int(container["start"]) + container["statement_text"].index(PHRASE)
    rows.insert(
        0, {**rows[0], "start": str(start), "end": str(start + len(PHRASE)),
            "statement_text": PHRASE, "annotator": "cutter"},
    )  # fmt: skip
    rows.append({**container, "annotator": "last"})
    return ""


REFUSALS = {
    "unknown source": (_unknown_source, "unknown source 'Pyongyang'"),
    "unknown stance": (_bad_stance, "unknown stance 'perhaps'"),
    "text that does not match": (_text_mismatch, "has that statement text at"),
    "unterminated quote": (_broken_quote, "unexpected end of data"),
    "a statement an earlier row cut": (_crosses_after_an_earlier_cut, "crosses several statements"),
}


@pytest.mark.parametrize(("spoil", "message"), REFUSALS.values(), ids=REFUSALS.keys())
def test_a_bad_row_at_the_end_of_a_big_file_refuses_it_before_any_write(
    path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    spoil: Callable[[list[dict[str, str]]], str],
    message: str,
) -> None:
    cli_ok(None, "tag", path, 1, "--source", "Seoul", "--claim", "Déjà là")  # something to keep
    rows = tag_rows(path, 3 * BATCH_ROWS)
    tail = spoil(rows)
    csv_path = write_csv(tmp_path / "bad.csv", rows, tail)
    before = project_fingerprint(path)
    with Project.open(path) as project:
        log = WriteLog(project, monkeypatch)
        with pytest.raises(InputError, match=message) as refused:
            import_tags(project, csv_path)
    assert not isinstance(refused.value, ImportInterrupted)
    assert log.opened == 0  # refused by the check: not one write transaction was begun
    assert project_fingerprint(path) == before


# --- (d) idempotent ----------------------------------------------------------------------------


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    path: Path, tmp_path: Path
) -> None:
    rows = tag_rows(path, 250)
    csv_path = write_csv(tmp_path / "tags.csv", rows)
    with Project.open(path) as project:
        first = import_tags(project, csv_path, batch_rows=100)
        state = snapshot(project)
        second = import_tags(project, csv_path, batch_rows=100)
        assert snapshot(project) == state
    assert (first.added, first.claims_linked) == (250, 10)
    assert (second.added, second.updated, second.unchanged, second.kept) == (0, 0, 250, 0)
    assert (second.statements_created, second.claims_linked) == (0, 0)


def _timeless_claims(state: dict[str, list[tuple[object, ...]]]) -> dict[str, Any]:
    return {**state, "claims": [row[:3] for row in state["claims"]]}


class Killed(Exception):
    """Stands for the process being killed once a batch is committed."""


def _kill_after(batches: int) -> Callable[[int, int], None]:
    done = {"n": 0}

    def progress(_written: int, _total: int) -> None:
        done["n"] += 1
        if done["n"] == batches:
            raise Killed

    return progress


def test_an_import_killed_between_batches_completes_when_run_again(
    path: Location, tmp_path: Path, locations: Locations
) -> None:
    rows = tag_rows(path, 250)
    container = next(r for r in rows if PHRASE in r["statement_text"])
    start = int(container["start"]) + container["statement_text"].index(PHRASE)
    cut = {**rows[0], "start": str(start), "end": str(start + len(PHRASE))}
    # Last, as a later row naming the statement it cuts would be refused (it would cross).
    rows[-1] = {**cut, "statement_text": PHRASE, "annotator": "cutter"}  # makes 2 statements
    csv_path = write_csv(tmp_path / "tags.csv", rows)
    once = locations.copy(path, "once")

    with Project.open(path) as project:
        with pytest.raises(Killed):
            import_tags(project, csv_path, batch_rows=100, progress=_kill_after(1))
        assert count(path, "attributions") == 100
        again = import_tags(project, csv_path, batch_rows=100)
        resumed = _timeless_claims(snapshot(project))
    with Project.open(once) as project:
        whole = import_tags(project, csv_path, batch_rows=100)
        # Row for row, ids and tag times included (a claim is stamped when it is made).
        assert _timeless_claims(snapshot(project)) == resumed
    assert (again.added, again.unchanged, again.updated) == (150, 100, 0)
    assert again.statements_created == whole.statements_created == 2
    assert whole.added == 250


def test_spreadsheet_edits_win_once_and_a_newer_project_tag_is_kept_across_a_resumed_import(
    path: Path, tmp_path: Path
) -> None:
    with Project.open(path) as project:
        import_tags(project, write_csv(tmp_path / "tags.csv", tag_rows(path, 250)))
        exported = tmp_path / "export.csv"
        exporting.export_csv(project, exported)
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    edited_lines = set(range(5, 250, 37))  # in every batch; updated_at left as exported
    for i in edited_lines:
        records[i]["note"] = f"edited in a spreadsheet {i}"
    kept = records[40]  # not edited in the file, but changed in the project since the export
    with database(path) as conn:
        conn.execute(
            "UPDATE attributions SET note = 'changed in the project', updated_at = ? "
            "WHERE statement_id = ? AND annotator_id = (SELECT id FROM annotators WHERE name = ?)"
            " AND source_id = (SELECT id FROM sources WHERE name = ?)",
            ("2999-01-01 00:00:00.000000", kept["statement_id"], kept["annotator"],
             kept["source"]),
        )  # fmt: skip
        conn.commit()
    kept["note"] = "an older note from the file"
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)

    with Project.open(path) as project:
        with pytest.raises(Killed):
            import_tags(project, edited, batch_rows=100, progress=_kill_after(1))
        second = import_tags(project, edited, batch_rows=100)
        third = import_tags(project, edited, batch_rows=100)
    in_first_batch = {i for i in edited_lines if i < 100}
    assert second.updated == len(edited_lines) - len(in_first_batch)
    assert (second.added, second.kept) == (0, 1)
    assert (third.added, third.updated, third.kept, third.unchanged) == (0, 0, 1, 249)
    notes = {t[9] for t in tag_tuples(path)}
    assert {f"edited in a spreadsheet {i}" for i in edited_lines} <= notes
    assert "changed in the project" in notes and "an older note from the file" not in notes


# --- another writer changes the project between the check and a batch ------------------------


def test_a_source_deleted_between_the_check_and_its_batch_stops_that_batch_alone(
    path: Path, tmp_path: Path
) -> None:
    cli_ok(None, "sources", path, "add", "Extra")
    rows = tag_rows(path, 250)
    for i in range(150, 160):  # in the second batch, after 50 good rows of it
        rows[i]["source"] = "Extra"
    csv_path = write_csv(tmp_path / "tags.csv", rows)

    def delete_extra(written: int, _total: int) -> None:
        if written == 100:
            with database(path) as conn:
                if not conn.postgresql:  # a plain sqlite3 connection checks no references
                    conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("DELETE FROM sources WHERE name = 'Extra'")
                conn.commit()

    with Project.open(path) as project, pytest.raises(ImportInterrupted) as stopped:
        import_tags(project, csv_path, batch_rows=100, progress=delete_extra)
    assert (stopped.value.rows_written, stopped.value.rows) == (100, 250)
    message = str(stopped.value)
    assert "line 152: the source 'Extra' was deleted after the file was checked" in message
    assert "Lines 2–101 (100 of 250 rows) were imported" in message
    assert "run the same import again" in message
    assert count(path, "attributions") == 100  # the stopped batch wrote none of its 50 good rows


def test_a_statement_split_between_the_check_and_its_batch_stops_that_batch(
    path: Path, tmp_path: Path
) -> None:
    csv_path = write_csv(tmp_path / "tags.csv", tag_rows(path, 250))
    first_id, start, end, text = spans(path)[0]

    def split(written: int, _total: int) -> None:
        if written == 100:
            with Project.open(path) as other:
                editing.split_statement(other, first_id, start + text.index(" ", 20))

    with Project.open(path) as project:
        with pytest.raises(ImportInterrupted) as stopped:
            import_tags(project, csv_path, batch_rows=100, progress=split)
        assert stopped.value.rows_written == 100
        assert f"line 102: the statement at {start}..{end}: the selection crosses" in str(
            stopped.value
        )
        written = count(path, "attributions")
        # Run again, the check now sees the split and refuses the file without writing.
        before = project_fingerprint(path)
        with pytest.raises(InputError, match="crosses several statements") as refused:
            import_tags(project, csv_path, batch_rows=100)
        assert not isinstance(refused.value, ImportInterrupted)
        assert project_fingerprint(path) == before
    assert written > 100  # batch one, and the tags the split copied to the second half


def test_a_statement_deleted_between_the_check_and_its_batch_is_made_again(
    path: Path, tmp_path: Path
) -> None:
    """As the import would have done had the deletion come before it: a missing statement is
    made from the row's offsets."""
    csv_path = write_csv(tmp_path / "tags.csv", tag_rows(path, 250))
    first_id, start, end, _text = spans(path)[0]

    def delete(written: int, _total: int) -> None:
        if written == 100:
            with Project.open(path) as other:
                editing.delete_statement(other, first_id)

    with Project.open(path) as project:
        report = import_tags(project, csv_path, batch_rows=100, progress=delete)
        assert report.statements_created == 1
        again = import_tags(project, csv_path, batch_rows=100)
    assert again.added == 10  # the first batch's tags on it, gone with the deleted statement
    assert (start, end) in {(s, e) for _id, s, e, _t in spans(path)}
    assert count(path, "attributions") == 250


@pytest.mark.sqlite_only
def test_a_batch_that_cannot_get_the_lock_says_how_far_the_import_got(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 0)  # give up at once instead of after 10 s
    csv_path = write_csv(tmp_path / "tags.csv", tag_rows(path, 250))
    holder = sqlite3.connect(path, isolation_level=None)

    def hold_the_lock(written: int, _total: int) -> None:
        if written == 100:
            holder.execute("BEGIN IMMEDIATE")  # and keep it: another writer that does not let go

    try:
        with Project.open(path) as project:
            with pytest.raises(ImportInterrupted, match="locked") as stopped:
                import_tags(project, csv_path, batch_rows=100, progress=hold_the_lock)
            assert stopped.value.rows_written == 100
            assert "lines 102–201: database is locked" in str(stopped.value)
            holder.execute("ROLLBACK")
            again = import_tags(project, csv_path, batch_rows=100)
    finally:
        holder.close()
    assert (again.added, again.unchanged) == (150, 100)
    assert count(path, "attributions") == 250
