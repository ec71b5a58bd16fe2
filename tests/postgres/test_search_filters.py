"""A search combined with the Statements view's other filters, sorts and pages, and the command
line's search, finds on both engines exactly the statements whose words match, counted as many
as are listed.

The expected statements are worked out here from each statement's text with
`domain.search_words`, independently of either engine's index: every typed word must match, in
any order, the last as a prefix, the parts of a hyphenated word next to each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.search_words import prefix_query, words
from app.services import browse, statement_table
from app.services.demo import build_demo
from app.services.project import Project
from app.store.statement_table import StatementFilter

QUERIES = (
    "Koursk",
    "coree du nord",
    "nord-coréens",
    "Peskov kremlin",
    "troops",
    "l'armée russe",
    "déf",
)
PAGE = 3  # small pages, so that every search runs over several of them


def _matches(text: str, query: str) -> bool:
    found = words(text)
    groups = prefix_query(query)
    for number, group in enumerate(groups):
        last = number == len(groups) - 1

        def at(i: int, group: list[str] = group, last: bool = last) -> bool:
            head, tail = group[:-1], group[-1]
            if found[i : i + len(head)] != head or i + len(group) > len(found):
                return False
            word = found[i + len(head)]
            return word.startswith(tail) if last else word == tail

        if not any(at(i) for i in range(len(found))):
            return False
    return bool(groups)


def _all_pages(
    project: Project, f: StatementFilter, sort: str, descending: bool
) -> list[tuple[int, str]]:
    rows, after = [], None
    while True:
        page = statement_table.fetch_page(project, f, sort, descending, after, limit=PAGE)
        rows.extend((row.id, row.text) for row in page)
        if len(page) < PAGE:
            return rows
        after = page[-1].key


@pytest.fixture
def both(tmp_path: Path, pg_url: str) -> Iterator[tuple[Project, Project]]:
    on_file, on_server = build_demo(tmp_path / "demo.sourcetrack"), build_demo(pg_url)
    try:
        yield on_file, on_server
    finally:
        on_file.close()
        on_server.close()


def _filters(project: Project, query: str) -> list[StatementFilter]:
    choices = statement_table.filter_choices(project)
    kremlin = next(s.id for s in choices.sources if s.name == "Kremlin")
    return [
        StatementFilter(search=query),
        StatementFilter(search=query, source_ids=[kremlin]),
        StatementFilter(search=query, untagged_only=True),
        StatementFilter(search=query, outlet=choices.outlets[0]),
        StatementFilter(search=query, title_contains="a"),
    ]


def test_a_search_with_filters_sorts_and_pages_finds_what_its_words_match(
    both: tuple[Project, Project],
) -> None:
    texts = {}
    for project in both:
        everything = _all_pages(project, StatementFilter(), "article", False)
        texts[project.location] = dict(everything)
    assert len({len(t) for t in texts.values()}) == 1  # the same demo on both engines

    for query in QUERIES:
        found_on = []
        for project in both:
            text_of = texts[project.location]
            expected_any = {i for i, text in text_of.items() if _matches(text, query)}
            assert expected_any, query
            results = []
            for f in _filters(project, query):
                unsearched = replace(f, search=None)
                base = {i for i, _ in _all_pages(project, unsearched, "article", False)}
                expected = base & expected_any
                for sort in ("article", "date", "title"):
                    for descending in (False, True):
                        listed = [i for i, _ in _all_pages(project, f, sort, descending)]
                        assert len(listed) == len(set(listed)), (query, f, sort)
                        assert set(listed) == expected, (query, f, sort, descending)
                assert statement_table.count(project, f) == len(expected), (query, f)
                results.append(len(expected))
            shown = browse.statements_with_tags(project, search=query)
            assert {row.id for row, _tags in shown} == expected_any, query
            found_on.append((results, sorted(text_of[i] for i in expected_any)))
        assert found_on[0] == found_on[1], query


def test_a_search_of_nothing_searchable_finds_nothing_on_both_engines(
    both: tuple[Project, Project],
) -> None:
    for project in both:
        for query in ("«", "'", "*"):
            f = StatementFilter(search=query)
            assert statement_table.fetch_page(project, f) == []
            assert statement_table.count(project, f) == 0
            assert browse.statements_with_tags(project, search=query) == []
