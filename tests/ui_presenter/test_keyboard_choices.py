"""What the Annotate keys decide without Qt: which claim Enter links in the claim box,
which source Ctrl+digit makes active, and where a deleted statement leaves the user."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services import browse, tagging
from app.services.demo import build_demo
from app.services.project import Project
from app.ui.annotate.claim_choice import ClaimChoice, claim_to_link
from app.ui.annotate.presenter import AnnotatePresenter, Hint, ProjectReads, TagRequest

LABELS = ["North Korean troops are in Russia", "North Korean troops fight in Kursk"]


@pytest.mark.parametrize(
    ("typed", "shown", "highlighted", "linked"),
    [
        ("North Korean troops", LABELS, LABELS[1], LABELS[1]),  # chosen with ↓
        ("north korean troops f", LABELS[1:], None, LABELS[1]),  # the only one shown
        ("NORTH KOREAN TROOPS ARE IN RUSSIA", [], None, LABELS[0]),  # the claim, any case
        ("Troops suffer losses", [], None, "Troops suffer losses"),  # nothing shown: new
        ("  Padded  ", [], None, "Padded"),
        ("   ", [], None, None),
    ],
)
def test_enter_links_what_the_completion_popup_shows(
    typed: str, shown: list[str], highlighted: str | None, linked: str | None
) -> None:
    assert claim_to_link(typed, shown, highlighted, LABELS) == ClaimChoice(linked)


def test_enter_with_several_shown_and_none_chosen_links_nothing_and_says_why() -> None:
    choice = claim_to_link("North Korean troops", LABELS, None, LABELS)
    assert choice.label is None
    assert choice.hint is not None and "2 claims match" in choice.hint and "Esc" in choice.hint


@pytest.fixture
def presenter(tmp_path: Path) -> Iterator[tuple[AnnotatePresenter, Project]]:
    with build_demo(tmp_path / "demo.sourcetrack", annotator="demo") as project:
        reads = ProjectReads(project, "tester")
        made = AnnotatePresenter(reads, browse.ensure_annotator(project, "tester"), "tester")
        made.load_choices()
        made.open_article(1)
        yield made, project


def tag(project: Project, presenter: AnnotatePresenter, index: int) -> None:
    request = presenter.toggle_nth_source(index)
    assert isinstance(request, TagRequest) and request.change is not None
    presenter.apply_tag_edit(tagging.tag(project, request.change))


def test_ctrl_digit_makes_a_tagged_source_active_and_only_a_tagged_one(
    presenter: tuple[AnnotatePresenter, Project],
) -> None:
    made, project = presenter
    tag(project, made, 0)  # Seoul
    tag(project, made, 2)  # Kremlin: the tag just made is the active one
    seoul, kyiv, kremlin = (s.id for s in made.sources[:3])
    assert made.active_source == kremlin
    assert made.activate_nth_source(0) is None and made.active_source == seoul
    hint = made.activate_nth_source(1)  # Kyiv: not tagged by this annotator here
    assert isinstance(hint, Hint) and "Kyiv is not tagged" in hint.text and "2 tags it" in hint.text
    assert made.active_source == seoul and kyiv != seoul
    assert made.activate_nth_source(7) is None  # no eighth source: nothing happens


def test_a_deleted_statement_leaves_the_next_or_else_the_one_before(
    presenter: tuple[AnnotatePresenter, Project],
) -> None:
    made, _project = presenter
    ids = made.statement_ids()
    assert made.neighbour(ids[2]) == ids[3]
    assert made.neighbour(ids[-1]) == ids[-2]
    assert made.neighbour(10_000) is None
