"""Integrity of the held-out news corpus (tests/data/news/test/): the suggester's honest measure.

Each article is a text file (title on the first line, as an import reads it) with a JSON file
beside it that lists every statement the app's own segmentation makes of the body, with the
hand-made tags. These tests hold the files to that: they open no project and run no suggester.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.domain.defaults import DEFAULT_SCALE, DEFAULT_SOURCES
from app.domain.model import ArticleDraft, Stance
from app.services.importing import ArticleMeta, draft_from_text
from app.services.segmentation import segment

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "news" / "test"
SPECS = sorted(CORPUS.glob("*.json"))
LANGUAGES = ("fr", "en")
REQUIRED = ("article", "title", "language", "outlet", "annotation", "statements")
LABELS = {level.label for level in DEFAULT_SCALE.levels}
STANCES = {stance.value for stance in Stance}
DEFAULT_NAMES = [seed.name for seed in DEFAULT_SOURCES]


def _spec(path: Path) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return spec


def _draft(spec: dict[str, Any]) -> ArticleDraft:
    text = (REPO / spec["article"]).read_text(encoding="utf-8")
    return draft_from_text(text, ArticleMeta(language=spec["language"]))


def test_the_split_has_seven_articles_per_language_at_least() -> None:
    languages = [_spec(path)["language"] for path in SPECS]
    for language in LANGUAGES:
        assert languages.count(language) >= 7, language
    assert len(languages) == len(list(CORPUS.glob("*.txt")))


def test_some_articles_are_for_a_project_with_other_sources() -> None:
    assert sum("sources" in _spec(path) for path in SPECS) >= 3


@pytest.mark.parametrize("path", SPECS, ids=[path.stem for path in SPECS])
class TestArticle:
    def test_metadata_is_complete(self, path: Path) -> None:
        spec = _spec(path)
        assert all(key in spec for key in REQUIRED), path.name
        assert spec["language"] in LANGUAGES
        assert path.stem.startswith(spec["language"] + "-")
        assert spec["article"] == f"tests/data/news/test/{path.stem}.txt"
        assert spec["outlet"].strip() and spec["annotation"].strip()
        if "sources" in spec:
            names = spec["sources"]
            assert names and len(set(names)) == len(names)
            assert all(isinstance(name, str) and name.strip() for name in names)

    def test_title_and_length_are_those_of_an_import(self, path: Path) -> None:
        spec = _spec(path)
        draft = _draft(spec)
        assert draft.title == spec["title"]
        assert 250 <= len(draft.body.split()) <= 600

    def test_statements_are_the_apps_segmentation(self, path: Path) -> None:
        spec = _spec(path)
        body = _draft(spec).body
        spans = [(span.start, span.end) for span in segment(body, spec["language"])]
        listed = [(item["start"], item["end"]) for item in spec["statements"]]
        assert listed == spans
        for item in spec["statements"]:
            assert body[item["start"] : item["end"]] == item["text"]

    def test_tags_use_the_projects_sources_and_the_default_scale(self, path: Path) -> None:
        spec = _spec(path)
        sources = set(spec.get("sources", DEFAULT_NAMES))
        for item in spec["statements"]:
            assert isinstance(item["note"], str) and item["note"].strip(), item["text"]
            named = [tag["source"] for tag in item["tags"]]
            assert len(set(named)) == len(named), item["text"]  # one tag per source
            for tag in item["tags"]:
                assert set(tag) == {"source", "stance", "confidence"}
                assert tag["source"] in sources, item["text"]
                assert tag["stance"] in STANCES, item["text"]
                assert tag["confidence"] in LABELS, item["text"]
