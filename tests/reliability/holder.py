"""A process that holds a project open, as the window does, and obeys one command a line.

    tag STATEMENT SOURCE     tag through the tagging service (one committed edit); prints ok
    has STATEMENT SOURCE     prints yes or no: is that tag visible to this process
    touch WHAT               makes this process touch its own project's file the way WHAT does
                             (see TOUCHES); prints done, or refused: MESSAGE
    quit                     closes the project and exits

It is the other half of tests/reliability/test_shared_file.py: between its commands, other
processes run the real command line on the same file.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path

from app.domain.model import DomainError
from app.services import exporting, tag_import
from app.services.importing import ArticleMeta, import_paths
from app.services.project import Project, ProjectError
from app.services.qdpx_import import import_qdpx
from app.services.reading import InputError
from app.store.migrate import backup_file, head_revision


def _open_again(project: Project) -> None:
    # What the window's import worker does: a project of its own on the same file.
    Project.open(project.location).close()


def _import_as_article(project: Project) -> None:
    path = Path(project.location)
    import_paths(project, [path], ArticleMeta())
    with Project.open(project.location) as other:
        import_paths(other, [path], ArticleMeta())


def _import_as_qdpx(project: Project) -> None:
    import_qdpx(project, Path(project.location))


def _import_tags_from_it(project: Project) -> None:
    tag_import.import_tags(project, Path(project.location))


def _export_onto_it(project: Project) -> None:
    path = Path(project.location)
    for target in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        # Refused, as it must be; what matters is what the check did to the locks.
        with contextlib.suppress(DomainError):
            exporting.export_csv(project, target)


def _back_it_up(project: Project) -> None:
    backup_file(Path(project.location), head_revision()).unlink()


def _check_it(project: Project) -> None:
    path = Path(project.location)
    for target in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(DomainError):
            exporting.check_export_target(target)


TOUCHES: dict[str, Callable[[Project], None]] = {
    "open-again": _open_again,
    "import-as-article": _import_as_article,
    "import-as-qdpx": _import_as_qdpx,
    "import-tags-from-it": _import_tags_from_it,
    "export-onto-it": _export_onto_it,
    "back-it-up": _back_it_up,
    "check-it": _check_it,
}


def _has(project: Project, statement_id: int, source: str) -> bool:
    from app.services.tagging import statement_tags

    return any(tag.source == source for tag in statement_tags(project, statement_id))


def main(location: str) -> None:
    from app.services.tagging import tag_statement

    project = Project.open(location)
    print("ready", flush=True)
    for line in sys.stdin:
        command, *args = line.split()
        if command == "tag":
            tag_statement(project, int(args[0]), args[1], annotator="holder")
            print("ok", flush=True)
        elif command == "has":
            print("yes" if _has(project, int(args[0]), args[1]) else "no", flush=True)
        elif command == "touch":
            try:
                TOUCHES[args[0]](project)
                print("done", flush=True)
            except (DomainError, InputError, ProjectError) as error:
                print(f"refused: {error}".replace("\n", " "), flush=True)
        elif command == "quit":
            break
    project.close()


if __name__ == "__main__":
    main(sys.argv[1])
