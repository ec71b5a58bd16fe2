"""The crash harness: SIGKILL the app's processes at chosen moments, then check nothing was lost.

Five scenarios take turns, each a real process killed at a moment of its own progress (a line it
printed, an acknowledgement it wrote, a file it made), plus a random delay drawn from a seeded
RNG:

- tag: the driver tags statements; every edit acknowledged must be in the project afterwards;
- import: the driver imports a folder (articles, a subfolder, a binary file); every article
  acknowledged must be there with all its statements, and no article may lack statements;
- export: the driver exports the tags as CSV again and again to one file name; the file under
  that name must always be a whole export (header, every row, final line end);
- migrate: the driver opens a copy of a project made at an old schema revision (backup, then
  upgrade); the project must be at the old revision or at head with every row, every backup
  under its final name must open, pass integrity_check and hold the old project, and opening
  it again must finish the upgrade;
- create: the real command line, `python -m app import NEW.sourcetrack FOLDER`, making a new
  project; whatever is left must open as a project with its default sources.

After every kill, `PRAGMA integrity_check` (and the full-text index's own check) must pass.

Each scenario has a quota of kills (`quotas`), and each kill is aimed at one of its moments in
turn (`MOMENTS`): after the moment is reached, the process is killed after a delay drawn from
that moment's window. A process that finishes before the delay is not a kill
(`ran_to_completion`): the window is halved to under the time it took, and after three in a
row the kill comes the instant the moment is reached, so a loaded machine, which only makes the
processes slower, cannot leave a scenario without its kills. Attempts are bounded: a scenario
that still falls short of its quota is a failure, not a smaller figure.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.services.project import Project, ProjectError
from app.store.migrate import head_revision

from .corpus import (
    build_project,
    connect,
    half_made_articles,
    integrity_ok,
    project_at_revision,
    remove_project,
    revision_of,
    table_rows,
    write_article_folder,
)
from .processes import (
    READY_TIMEOUT,
    Finished,
    ack_size,
    acks_since,
    kill_after,
    read_acks,
    start_app,
    start_driver,
    wait_ready,
    wait_until,
)
from .upgrades import every_revision

EXPORT_HEADER_FIRST = "article_id"
# Kill windows after a moment is reached (seconds); sized to cover several operations.
TAG_WINDOW = 0.35
EXPORT_WINDOW = 0.3
IMPORT_FILES = 9
SCENARIOS = ("tag", "import", "export", "migrate", "create")
ORDER = ("tag", "import", "tag", "export", "migrate", "tag", "create")
# The moments each scenario's kills are aimed at, in turn (the first is the first kill's):
MOMENTS: dict[str, tuple[str, ...]] = {
    "tag": ("edited",),  # the run acknowledged an edit: the kill lands among later ones
    "import": ("imported a part", "ready"),  # a subfolder acknowledged / before the first ends
    "export": ("exported", "ready"),  # an export renamed into place / before the first ends
    "migrate": ("backed up", "ready"),  # the backup under its final name / before or during it
    "create": ("project named", "file made"),  # linked into place / its hidden file made
}
MISSES_BEFORE_INSTANT_KILL = 3  # runs to completion in a row before a kill with no delay


def quotas(kills: int) -> Counter[str]:
    """How many of `kills` each scenario gets: one each first (as far as they go), then the rest
    in the turns of ORDER (three tagging kills for one of each other scenario)."""
    plan: Counter[str] = Counter(SCENARIOS[:kills])
    for turn in range(kills - sum(plan.values())):
        plan[ORDER[turn % len(ORDER)]] += 1
    return plan


def max_attempts(quota: int) -> int:
    """The runs a scenario may take to reach its quota of kills."""
    return 3 * quota + 10


@dataclass
class CrashFigures:
    kills: int = 0
    kills_by_scenario: Counter[str] = field(default_factory=Counter)
    kills_by_moment: Counter[str] = field(default_factory=Counter)  # "scenario: moment"
    kill_quotas: Counter[str] = field(default_factory=Counter)
    attempts_by_scenario: Counter[str] = field(default_factory=Counter)
    ran_to_completion: int = 0  # the delay outlasted the process: not a kill, tried again
    acknowledged_edits: int = 0
    edits_lost: int = 0
    acknowledged_imports: int = 0
    imports_lost: int = 0
    half_made_articles: int = 0
    exports_checked: int = 0
    exports_found: int = 0  # checked with a file under the final name
    half_written_exports: int = 0
    export_temp_files_left: int = 0
    migrations_interrupted: int = 0
    interrupted_at_old_revision: int = 0
    rows_lost_in_migration: int = 0
    backups_checked: int = 0
    bad_backups: int = 0
    migrations_completed_after_kill: int = 0
    new_projects_checked: int = 0
    integrity_checks: int = 0
    integrity_checks_passed: int = 0
    torn_ack_lines: int = 0
    locked_errors: int = 0
    failures: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("kills_by_scenario", "kills_by_moment", "kill_quotas", "attempts_by_scenario"):
            data[name] = dict(getattr(self, name))
        return data


class CrashHarness:
    """Builds its projects in `workdir`, then runs `run(kills)` cycles of start, kill, check."""

    def __init__(
        self,
        workdir: Path,
        *,
        seed: int = 7,
        statements: int = 600,
        migration_articles: int = 1500,
    ) -> None:
        self.work = workdir
        self.rng = random.Random(seed)
        self.figures = CrashFigures()
        self.cycle = 0
        workdir.mkdir(parents=True, exist_ok=True)
        self.project = workdir / "crash.sourcetrack"
        self.statements = build_project(
            self.project, articles=max(1, statements // 20), per_article=20, seed=seed
        )
        self.tag_acks = workdir / "tag-acks.jsonl"
        self.import_acks = workdir / "import-acks.jsonl"
        self.export_out = workdir / "exports" / "tags.csv"
        self.export_out.parent.mkdir(exist_ok=True)
        self.export_states: set[int] = set()
        self.old_revisions = every_revision()[:-1]  # each is the start of a killed upgrade
        self.templates = self._migration_templates(migration_articles)
        self.migrate_seconds = self._calibrate_migration()
        self.import_seconds = self._calibrate_import()
        self.startup_seconds, self.create_seconds = self._calibrate_create()
        making = max(self.create_seconds - self.startup_seconds, 0.05)
        # The delay after each moment is drawn from [0, window]; a run to completion halves it.
        self.windows: dict[str, float] = {
            "tag: edited": TAG_WINDOW,
            "import: imported a part": self.import_seconds * 0.8,
            "import: ready": self.import_seconds * 1.1,
            "export: exported": EXPORT_WINDOW,
            "export: ready": EXPORT_WINDOW,
            "migrate: backed up": self.migrate_seconds * 0.8,
            "migrate: ready": self.migrate_seconds * 1.2,
            "create: project named": making,
            "create: file made": making,
        }
        self.misses: Counter[str] = Counter()  # runs to completion in a row, by moment

    # --- set-up ---------------------------------------------------------------------------

    def _migration_templates(self, articles: int) -> dict[str, tuple[Path, dict[str, list[Any]]]]:
        """A project at each revision before head, and every row it holds."""
        folder = self.work / "templates"
        folder.mkdir(exist_ok=True)
        templates = {}
        for revision in self.old_revisions:
            path = folder / f"at-{revision}.sourcetrack"
            counts = project_at_revision(path, revision, articles=articles, per_article=20)
            assert not path.with_name(path.name + "-wal").exists()  # one file to copy
            templates[revision] = (path, table_rows(path, list(counts)))
        return templates

    def _calibrate_migration(self) -> float:
        """How long an uninterrupted backup and upgrade of the largest template takes."""
        path = self.work / "calibrate.sourcetrack"
        shutil.copyfile(self.templates[self.old_revisions[0]][0], path)
        process = start_driver("migrate", path, self.work / "calibrate-acks.jsonl")
        wait_ready(process)
        started = time.monotonic()
        process.communicate()
        seconds = time.monotonic() - started
        remove_project(path)
        return max(seconds, 0.05)

    def _calibrate_import(self) -> float:
        """How long the driver takes to import a folder like the ones it is killed importing."""
        scratch = self.work / "calibrate-import.sourcetrack"
        build_project(scratch, articles=1, per_article=5)
        folder = self.work / "calibrate-import"
        write_article_folder(folder, files=IMPORT_FILES, seed=0, marker="cal")
        process = start_driver("import", scratch, self.work / "calibrate-acks.jsonl", folder)
        wait_ready(process)
        started = time.monotonic()
        process.communicate()
        seconds = time.monotonic() - started
        remove_project(scratch)
        shutil.rmtree(folder)
        return max(seconds, 0.05)

    def _calibrate_create(self) -> tuple[float, float]:
        """How long the command line takes to start, and to make a project of a folder."""
        started = time.monotonic()
        start_app("--version").communicate()
        startup = time.monotonic() - started
        folder = self.work / "create-input"
        write_article_folder(folder, files=3, seed=1, marker="new", binary=False)
        path = self.work / "calibrate-new.sourcetrack"
        started = time.monotonic()
        start_app("import", path, folder, "--language", "fr").communicate()
        seconds = time.monotonic() - started
        remove_project(path)
        return startup, seconds

    # --- the loop ---------------------------------------------------------------------------

    def run(self, kills: int) -> CrashFigures:
        """Kill each scenario its quota of `kills` times, the scenarios taking turns."""
        scenarios: dict[str, Callable[[], None]] = {
            "tag": self.kill_tagging,
            "import": self.kill_import,
            "export": self.kill_export,
            "migrate": self.kill_migration,
            "create": self.kill_creation,
        }
        figures = self.figures
        plan = quotas(kills)
        figures.kill_quotas.update(plan)
        goal = {s: figures.kills_by_scenario[s] + n for s, n in plan.items()}
        budget = {s: figures.attempts_by_scenario[s] + max_attempts(n) for s, n in plan.items()}

        def due(scenario: str) -> bool:
            return (
                scenario in goal
                and figures.kills_by_scenario[scenario] < goal[scenario]
                and figures.attempts_by_scenario[scenario] < budget[scenario]
            )

        while any(due(scenario) for scenario in goal):
            scenario = ORDER[self.cycle % len(ORDER)]
            self.cycle += 1
            if due(scenario):
                figures.attempts_by_scenario[scenario] += 1
                scenarios[scenario]()
        for scenario, wanted in goal.items():
            if figures.kills_by_scenario[scenario] < wanted:
                self._fail(
                    f"{scenario}: {figures.kills_by_scenario[scenario]} kills of {wanted} in "
                    f"{figures.attempts_by_scenario[scenario]} runs (the others ended before "
                    "their kill)"
                )
        return figures

    def _moment(self, scenario: str) -> str:
        """The moment this scenario's next kill is aimed at: each in turn, by kills made."""
        moments = MOMENTS[scenario]
        return moments[self.figures.kills_by_scenario[scenario] % len(moments)]

    def _kill_at(
        self,
        scenario: str,
        moment: str,
        process: subprocess.Popen[bytes],
        reached: Callable[[], bool] | None = None,
        *,
        ready_line: bool = True,
    ) -> Finished:
        """Wait for the driver's `ready` line (unless `ready_line` is false), then for
        `reached` (unless None), then SIGKILL the process after a delay from the moment's
        window; counts the outcome."""
        key = f"{scenario}: {moment}"
        started = time.monotonic()
        if ready_line and not wait_ready(process):
            return self._not_reached(scenario, key, process, started, "its ready line")
        if reached is not None and not wait_until(process, reached):
            return self._not_reached(scenario, key, process, started, "the moment")
        started = time.monotonic()
        if self.misses[key] >= MISSES_BEFORE_INSTANT_KILL:
            delay = 0.0
        else:
            delay = self.rng.uniform(0, self.windows[key])
        finished = kill_after(process, delay, started)
        self._count(scenario, key, finished)
        return finished

    def _not_reached(
        self,
        scenario: str,
        key: str,
        process: subprocess.Popen[bytes],
        started: float,
        what: str,
    ) -> Finished:
        """The process ended before the moment (a run to completion, or a failure), or it has
        been stuck before it for minutes (a failure: it is killed but that is not counted)."""
        if process.poll() is not None:
            finished = kill_after(process, 0, started)  # collects it
            self._count(scenario, key, finished)
            return finished
        finished = kill_after(process, 0, started)
        self._fail(f"{key}: {what} not reached within {READY_TIMEOUT:g} s")
        return Finished(False, finished.returncode, finished.stderr, finished.seconds)

    def _count(self, scenario: str, key: str, finished: Finished) -> None:
        if finished.killed:
            self.figures.kills += 1
            self.figures.kills_by_scenario[scenario] += 1
            self.figures.kills_by_moment[key] += 1
            self.misses[key] = 0
        elif finished.returncode == 0:
            # Finished before its kill: aim the next one earlier, within the time this one took.
            self.figures.ran_to_completion += 1
            self.misses[key] += 1
            self.windows[key] = min(self.windows[key], finished.seconds) / 2
        else:
            self._fail(f"{scenario}: the process failed ({finished.returncode}): "
                       f"{finished.stderr.strip()[-500:]}")  # fmt: skip

    def _fail(self, message: str) -> None:
        self.figures.failures.append(f"cycle {self.cycle}: {message}")

    def _integrity(self, path: Path, what: str) -> None:
        self.figures.integrity_checks += 1
        if integrity_ok(path):
            self.figures.integrity_checks_passed += 1
        else:
            self._fail(f"integrity_check failed on {what}")

    # --- scenarios --------------------------------------------------------------------------

    def kill_tagging(self) -> None:
        annotator = f"crash{self.cycle}"
        offset = ack_size(self.tag_acks)
        process = start_driver(
            "tag", self.project, self.tag_acks, "--annotator", annotator,
            "--count", self.statements * 3, "--offset", self.rng.randrange(self.statements * 3),
        )  # fmt: skip
        # Once this run has acknowledged an edit: every killed run leaves one to look for.
        self._kill_at("tag", self._moment("tag"), process,
                      lambda: ack_size(self.tag_acks) > offset)  # fmt: skip
        self._check_tags()
        self._integrity(self.project, "the tagged project")

    def _check_tags(self) -> None:
        acks, torn = read_acks(self.tag_acks)
        self.figures.torn_ack_lines += torn
        with connect(self.project) as conn:
            stored = {
                (statement, source, annotator): (note, stance)
                for statement, source, annotator, note, stance in conn.execute(
                    "SELECT t.statement_id, so.name, an.name, t.note, t.stance FROM attributions t "
                    "JOIN sources so ON so.id = t.source_id "
                    "JOIN annotators an ON an.id = t.annotator_id"
                )
            }
            links = set(
                conn.execute(
                    "SELECT sc.statement_id, c.label FROM statement_claims sc "
                    "JOIN claims c ON c.id = sc.claim_id"
                ).fetchall()
            )
        edits = [a for a in acks if "n" in a]
        errors = [a["error"] for a in acks if "error" in a]
        self.figures.locked_errors = sum("locked" in e for e in errors)
        if other := [e for e in errors if "locked" not in e]:
            self._fail(f"a database error reached the one writer: {other[:3]}")
        lost = [
            a
            for a in edits
            if stored.get((a["s"], a["src"], a["a"])) != (a["n"], a["st"])
            or any((a["s"], label) not in links for label in a["c"])
        ]
        self.figures.acknowledged_edits = len(edits)
        if len(lost) > self.figures.edits_lost:
            self._fail(f"acknowledged edits missing: {lost[:3]}")
        self.figures.edits_lost = len(lost)

    def kill_import(self) -> None:
        folder = self.work / "imports" / f"batch{self.cycle}"
        write_article_folder(folder, files=IMPORT_FILES, seed=self.cycle, marker=f"imp{self.cycle}")
        offset = ack_size(self.import_acks)
        process = start_driver("import", self.project, self.import_acks, folder)
        moment = self._moment("import")
        if moment == "imported a part":  # of three: the kill lands in the second or third
            self._kill_at("import", moment, process,
                          lambda: acks_since(self.import_acks, offset) > 0)  # fmt: skip
        else:
            self._kill_at("import", moment, process)
        shutil.rmtree(folder)
        acks, torn = read_acks(self.import_acks)
        self.figures.torn_ack_lines += torn
        imported = [a for a in acks if a["outcome"] == "imported"]
        with connect(self.project) as conn:
            counts = dict(
                conn.execute("SELECT article_id, count(*) FROM statements GROUP BY article_id")
            )
        lost = [a for a in imported if counts.get(a["article"]) != a["statements"]]
        self.figures.acknowledged_imports = len(imported)
        if len(lost) > self.figures.imports_lost:
            self._fail(f"acknowledged imports missing or incomplete: {lost[:3]}")
        self.figures.imports_lost = len(lost)
        if refused := [a for a in acks if a["outcome"] == "refused" and a["name"] != "image.txt"]:
            self._fail(f"good files refused: {refused[:3]}")
        half = half_made_articles(self.project)
        if half > self.figures.half_made_articles:
            self._fail(f"{half} articles without statements (or with spans outside the body)")
        self.figures.half_made_articles = half
        self._integrity(self.project, "the project imported into")

    def kill_export(self) -> None:
        with connect(self.project) as conn:
            rows = conn.execute("SELECT count(*) FROM attributions").fetchone()[0]
        self.export_states.add(rows)  # the project does not change while the export runs
        acks = self.work / "export-acks.jsonl"
        offset = ack_size(acks)
        process = start_driver("export", self.project, acks, self.export_out)
        moment = self._moment("export")
        if moment == "exported":  # a whole export is under the name: the kill lands in the next
            self._kill_at("export", moment, process, lambda: acks_since(acks, offset) > 0)
        else:
            self._kill_at("export", moment, process)
        self.figures.exports_checked += 1
        self.figures.exports_found += self.export_out.exists()
        problem = self._export_problem()
        if problem:
            self.figures.half_written_exports += 1
            self._fail(f"the export under its final name is not whole: {problem}")
        self.figures.export_temp_files_left = len(
            list(self.export_out.parent.glob(f".{self.export_out.name}.*.part"))
        )

    def _export_problem(self) -> str | None:
        acks, _torn = read_acks(self.work / "export-acks.jsonl")
        if not self.export_out.exists():
            return "missing after an acknowledged export" if acks else None
        data = self.export_out.read_bytes()
        if not data.endswith(b"\n"):
            return "it does not end with a line end"
        text = data.decode("utf-8-sig")
        try:
            records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        except csv.Error as error:
            return f"it is not well-formed CSV: {error}"
        if not records or records[0][:1] != [EXPORT_HEADER_FIRST]:
            return "no header"
        if len(records) - 1 not in self.export_states:
            return f"{len(records) - 1} rows, not one of {sorted(self.export_states)}"
        if any(len(r) != len(records[0]) for r in records):
            return "a row with the wrong number of cells"
        return None

    def kill_migration(self) -> None:
        attempt = self.figures.attempts_by_scenario["migrate"]
        revision = self.old_revisions[attempt % len(self.old_revisions)]
        template, rows = self.templates[revision]
        folder = self.work / "migrations" / f"cycle{self.cycle}"
        folder.mkdir(parents=True)
        path = folder / "old.sourcetrack"
        shutil.copyfile(template, path)
        process = start_driver("migrate", path, folder / "acks.jsonl")
        moment = self._moment("migrate")
        if moment == "backed up":  # the backup is under its final name: the kill hits the upgrade
            finished = self._kill_at("migrate", moment, process, lambda: any(
                folder.glob(f"{path.name}.backup-*")))  # fmt: skip
        else:  # from before the file is opened: the kill may hit the backup or the upgrade
            finished = self._kill_at("migrate", moment, process)
        if finished.killed:
            self.figures.migrations_interrupted += 1
        self._check_interrupted_migration(path, revision, rows, killed=finished.killed)
        shutil.rmtree(folder)

    def _check_interrupted_migration(
        self, path: Path, revision: str, rows: dict[str, list[Any]], *, killed: bool
    ) -> None:
        self._integrity(path, f"a project killed while upgrading from {revision}")
        found = revision_of(path)
        if found not in (revision, head_revision()):
            self._fail(f"killed upgrade left revision {found}, neither {revision} nor head")
        if found == revision:
            self.figures.interrupted_at_old_revision += 1
        if table_rows(path, list(rows)) != rows:
            self.figures.rows_lost_in_migration += 1
            self._fail(f"a killed upgrade from {revision} changed the rows")
        for backup in sorted(path.parent.glob(f"{path.name}.backup-*")):
            self.figures.backups_checked += 1
            self._integrity(backup, "a backup")
            if revision_of(backup) != revision or table_rows(backup, list(rows)) != rows:
                self.figures.bad_backups += 1
                self._fail(f"the backup {backup.name} is not the project as it was")
        try:
            with Project.open(path):
                pass
        except ProjectError as error:
            self._fail(f"after a killed upgrade the project does not open: {error}")
            return
        if revision_of(path) != head_revision() or table_rows(path, list(rows)) != rows:
            self._fail("reopening after a killed upgrade did not finish it with every row")
        elif killed:
            # An upgrade that ran to completion before the kill landed is checked the same
            # way but is not a completion *after* a kill.
            self.figures.migrations_completed_after_kill += 1
        self._integrity(path, "a project upgraded after a kill")

    def kill_creation(self) -> None:
        folder = self.work / "create-input"
        path = self.work / "created" / f"new{self.cycle}.sourcetrack"
        path.parent.mkdir(exist_ok=True)
        process = start_app("import", path, folder, "--language", "fr")
        # Not while the interpreter starts: a kill there proves nothing. The command line
        # prints nothing before it is done, so the moments are the files it makes: the hidden
        # file the new project is built in, and the project under its name (being filled).
        moment = self._moment("create")
        named = moment == "project named"
        self._kill_at("create", moment, process, ready_line=False, reached=lambda: (
            path.exists() or (not named and any(path.parent.glob(f".{path.name}.*")))))  # fmt: skip
        if not path.exists():
            return
        self.figures.new_projects_checked += 1
        try:
            with Project.open(path) as project, project.read() as conn:
                sources = conn.exec_driver_sql("SELECT count(*) FROM sources").scalar()
                scales = conn.exec_driver_sql("SELECT count(*) FROM confidence_scales").scalar()
        except ProjectError as error:
            self._fail(f"a project whose making was killed does not open: {error}")
            return
        if not sources or not scales:
            self._fail(f"a project whose making was killed has {sources} sources, {scales} scales")
        if half_made_articles(path):
            self._fail("a project whose making was killed has articles without statements")
        self._integrity(path, "a new project")
        remove_project(path)
