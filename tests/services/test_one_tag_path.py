"""One typed path for a tag: the command line's `tag` and the window's tag command both call
`tagging.tag` (and `tagging.untag`), and the window broadcasts the `Changes` it returns."""

from __future__ import annotations

from pathlib import Path

import pytest
from engines import Location, Locations

from app.domain.edits import TagChange, TagEdit, TagKey
from app.domain.model import Origin, Stance
from app.main import main
from app.services import sources, tagging
from app.services.importing import ArticleMeta, import_file
from app.services.project import Project
from app.ui.commands import AttributionCommand, push, undo
from app.ui.session import Session

SEED = Path(__file__).parent.parent / "data" / "article-fr-north-korea-russia.txt"


@pytest.fixture
def path(locations: Locations) -> Location:
    location = locations.new()
    with Project.open(location, create=True) as project:
        import_file(project, SEED, ArticleMeta(language="fr"))
    return location


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object, TagEdit]]:
    """Every call of `tagging.tag` and `tagging.untag`, with what it returned."""
    seen: list[tuple[str, object, TagEdit]] = []
    for name in ("tag", "untag"):
        real = getattr(tagging, name)

        def recording(project: Project, request: object, _real=real, _name=name) -> TagEdit:
            edit = _real(project, request)
            seen.append((_name, request, edit))
            return edit

        monkeypatch.setattr(tagging, name, recording)
    return seen


def test_the_command_line_and_the_window_tag_through_the_same_function(
    qapp, path: Path, calls: list[tuple[str, object, TagEdit]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tag", str(path), "4", "--source", "Kremlin", "--stance", "denies"]) == 0
    ((name, change, edit),) = calls
    assert name == "tag" and isinstance(change, TagChange)
    assert change.stance is Stance.DENIES and change.origin is Origin.MANUAL
    assert edit.created and "tagged statement 4: Kremlin denies" in capsys.readouterr().out

    session = Session(Project.open(path), "tester")
    try:
        broadcast: list[object] = []
        session.changed.connect(broadcast.append)
        kremlin = sources.find_source(session.project, "Kremlin").id
        key = TagKey(5, kremlin, session.annotator_id)

        assert push(session.undo_stack, AttributionCommand(session, key, "tag", stance="neutral"))

        name, change, edit = calls[-1]
        assert name == "tag" and change == TagChange(key, stance=Stance.NEUTRAL)
        assert broadcast == [edit.changes]  # the service's own word, as it returned it
        assert edit.after is not None and edit.after.stance is Stance.NEUTRAL

        remove = AttributionCommand(session, key, "untag", remove=True)
        assert push(session.undo_stack, remove)
        assert calls[-1][0] == "untag" and calls[-1][1] == key
        undo(session.undo_stack)  # through tagging.revert_tag, with the rows untag returned
        assert [t.stance for t in tagging.tags_of(session.project, 5)] == [Stance.NEUTRAL]
    finally:
        session.close()

    assert main(["tag", str(path), "5", "--source", "Kremlin", "--remove"]) == 0
    assert calls[-1][0] == "untag" and calls[-1][2].removed


def test_a_misspelt_stance_from_a_view_is_refused_before_anything_is_written(
    qapp, path: Path, calls: list[tuple[str, object, TagEdit]]
) -> None:
    session = Session(Project.open(path), "tester")
    try:
        with pytest.raises(Exception, match="unknown stance"):
            AttributionCommand(session, TagKey(5, 1, session.annotator_id), "x", stance="deny")
    finally:
        session.close()
    assert calls == []
