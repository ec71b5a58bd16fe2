"""The DEV split of the hand-annotated news corpus (tests/data/news/dev/) is intact.

Each article is a text file (title on the first line, as an import reads it) and a JSON file of
its statements with hand-made tags. The gold is only worth its offsets if they are exactly what
the app stores, so the statements must be the app's own segmentation of the imported body, and
every tag must name a source of the article's project, a stance and a default-scale label.
No engine is needed: nothing here opens a project.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.domain.defaults import DEFAULT_SCALE, DEFAULT_SOURCES
from app.domain.model import Stance
from app.services.importing import ArticleMeta, draft_from_text

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "data" / "news" / "dev"
SPEC_KEYS = {"article", "title", "language", "outlet", "annotation", "statements"}
OPTIONAL_KEYS = {"sources"}
STATEMENT_KEYS = {"text", "start", "end", "tags", "note"}
TAG_KEYS = {"source", "stance", "confidence"}
LABELS = {level.label for level in DEFAULT_SCALE.levels}
STANCES = {stance.value for stance in Stance}
DEFAULT_NAMES = [source.name for source in DEFAULT_SOURCES]

SPEC_PATHS = sorted(DEV.glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return spec


def body_of(spec: dict[str, Any]) -> tuple[str, list[tuple[int, int]]]:
    """The body and statement spans the app makes of the article's file."""
    text = (REPO / spec["article"]).read_text(encoding="utf-8")
    draft = draft_from_text(text, ArticleMeta(language=spec["language"]))
    return draft.body, [(span.start, span.end) for span in draft.spans]


def test_the_split_has_enough_articles_in_both_languages() -> None:
    languages = [load(path)["language"] for path in SPEC_PATHS]
    assert languages.count("fr") >= 10
    assert languages.count("en") >= 10
    assert sum(1 for path in SPEC_PATHS if "sources" in load(path)) >= 4


def test_every_text_file_has_its_annotation_and_the_reverse() -> None:
    texts = {path.stem for path in DEV.glob("*.txt")}
    specs = {path.stem for path in SPEC_PATHS}
    assert texts == specs
    for path in SPEC_PATHS:
        assert load(path)["article"] == f"tests/data/news/dev/{path.stem}.txt"


@pytest.mark.parametrize("path", SPEC_PATHS, ids=lambda path: path.stem)
def test_an_article_spec_is_well_formed(path: Path) -> None:
    spec = load(path)
    assert SPEC_KEYS <= set(spec) <= SPEC_KEYS | OPTIONAL_KEYS
    assert spec["language"] in {"fr", "en"}
    assert path.stem.startswith(spec["language"] + "-")
    assert all(
        isinstance(spec[key], str) and spec[key].strip() for key in SPEC_KEYS - {"statements"}
    )
    text = (REPO / spec["article"]).read_text(encoding="utf-8")
    assert text.partition("\n")[0] == spec["title"]
    words = len(body_of(spec)[0].split())
    assert 250 <= words <= 600


@pytest.mark.parametrize("path", SPEC_PATHS, ids=lambda path: path.stem)
def test_the_statements_are_the_apps_segmentation_of_the_body(path: Path) -> None:
    spec = load(path)
    body, spans = body_of(spec)
    statements = spec["statements"]
    for item in statements:
        assert set(item) == STATEMENT_KEYS
        assert item["text"] == body[item["start"] : item["end"]]
    assert [(item["start"], item["end"]) for item in statements] == spans


@pytest.mark.parametrize("path", SPEC_PATHS, ids=lambda path: path.stem)
def test_tags_name_project_sources_stances_and_default_levels(path: Path) -> None:
    spec = load(path)
    sources = spec.get("sources", DEFAULT_NAMES)
    assert sources and len(set(sources)) == len(sources)
    for item in spec["statements"]:
        assert isinstance(item["note"], str) and item["note"].strip()
        named = [tag["source"] for tag in item["tags"]]
        assert len(set(named)) == len(named), "one tag per source and statement"
        for tag in item["tags"]:
            assert set(tag) == TAG_KEYS
            assert tag["source"] in sources
            assert tag["stance"] in STANCES
            assert tag["confidence"] in LABELS


def test_the_split_has_tagged_and_untagged_statements_of_every_stance() -> None:
    tags = [tag for path in SPEC_PATHS for item in load(path)["statements"] for tag in item["tags"]]
    untagged = [
        item for path in SPEC_PATHS for item in load(path)["statements"] if not item["tags"]
    ]
    assert {tag["stance"] for tag in tags} == STANCES
    assert untagged
    assert any(len(item["tags"]) > 1 for path in SPEC_PATHS for item in load(path)["statements"])
