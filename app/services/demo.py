"""The demo project: the sample articles that ship in resources/, imported and tagged.

The demo's tags are written as the person who builds it (the current annotator), so that
the window shows them as that person's own, editable, as the README's screenshots do; the
project remembers that it is the demo, so the window's "Open the demo project" can open the
very file `scripts/demo` (`sourcetrack demo`) wrote.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.model import DomainError, Origin
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.claim_links import link_claim
from app.services.importing import ArticleMeta, Outcome, import_file
from app.services.project import Project, ProjectError, default_annotator
from app.services.tagging import tag_statement
from app.store import articles as article_store
from app.store import queries
from app.store.project_settings import get_setting, set_setting

# The project setting that marks a project as the demo (its value: what made it).
DEMO_SETTING = "demo"


def resources_dir() -> Path:
    """resources/: inside the installed package, or at the top of a checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "resources", package_dir.parent / "resources"):
        if (candidate / "samples" / "demo.json").is_file():
            return candidate
    raise ProjectError(
        QT_TRANSLATE_NOOP("Refusals", "the sample articles are missing from this installation")
    )


def build_demo(location: str | Path, *, annotator: str | None = None) -> Project:
    """Create a new project at `location` holding the sample articles, tags and claims, the
    tags by `annotator` (default: the current annotator, who then finds them their own)."""
    annotator = annotator or default_annotator()
    if Path(str(location)).exists():
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{location} exists already; the demo is only written to a new file"
            ).format(location=location)
        )
    samples = resources_dir() / "samples"
    spec: dict[str, Any] = json.loads((samples / "demo.json").read_text(encoding="utf-8"))
    project = Project.open(location, create=True)
    try:
        with project.write() as conn:
            set_setting(conn, DEMO_SETTING, "sourcetrack demo")
        article_ids: dict[str, int] = {}
        for article in spec["articles"]:
            meta = ArticleMeta(
                outlet=article.get("outlet"),
                published=date.fromisoformat(article["published"])
                if article.get("published")
                else None,
                url=article.get("url"),
                author=article.get("author"),
                language=article.get("language", "auto"),
            )
            result = import_file(project, samples / article["file"], meta)
            if result.outcome is not Outcome.IMPORTED or result.article_id is None:
                raise ProjectError(
                    QT_TRANSLATE_NOOP("Refusals", "demo article {file}: {reason}").format(
                        file=article["file"], reason=result.message
                    )
                )
            article_ids[article["file"]] = result.article_id
        descriptions = {c["label"]: c.get("description", "") for c in spec.get("claims", [])}
        for tag in spec["tags"]:
            statement_id = _statement_containing(project, article_ids[tag["file"]], tag["match"])
            for label in tag.get("claims", []):
                link_claim(project, statement_id, label, descriptions.get(label, ""))
            tag_statement(
                project,
                statement_id,
                tag["source"],
                stance=tag["stance"],
                confidence=tag.get("confidence"),
                note=tag.get("note", ""),
                annotator=annotator,
                origin=Origin.MANUAL,
            )
    except BaseException:
        project.close()
        raise
    return project


def is_demo(project: Project) -> bool:
    """Whether this project is a demo `build_demo` wrote."""
    with project.read() as conn:
        return get_setting(conn, DEMO_SETTING) is not None


def _statement_containing(project: Project, article_id: int, needle: str) -> int:
    with project.read() as conn:
        body = article_store.article_body(conn, article_id) or ""
        at = body.find(needle)
        for row in queries.list_statements(conn, article_id):
            if row.start <= at and at + len(needle) <= row.end:
                return row.id
    raise DomainError(
        QT_TRANSLATE_NOOP("Refusals", "demo tag text not found in one statement: {text}").format(
            text=repr(needle[:40])
        )
    )
