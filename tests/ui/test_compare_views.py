"""The comparison views on the demo project: matrix, side by side, charts."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from helpers import project_fingerprint
from PySide6.QtCore import Qt, QUrl

from app.services import browse
from app.services import compare as compare_service
from app.services.editing import AttributionKey
from app.ui.commands import AttributionCommand, ClaimLinkCommand
from app.ui.compare.charts_view import CHARTS
from app.ui.main_window import MainWindow

DEMO_TAGGER = "demo"  # who tagged the demo the tests open (tests/conftest.py)


def test_matrix_view_shows_the_service_matrix(compare_window: MainWindow, qtmodeltester) -> None:
    view = compare_window.compare
    expected = compare_service.compare(compare_window.session.project)
    model = view.model
    assert model.sources == ["Seoul", "Kyiv", "Kremlin"]
    assert [r.claim for r in model.rows] == [r.claim for r in expected.rows]
    contested = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert contested.count("⚠ contested") == sum(r.contradiction for r in expected.rows) > 0
    row = next(
        i for i, r in enumerate(model.rows) if r.claim == "North Korean troops are in Russia"
    )
    kremlin = model.index(row, 2 + model.sources.index("Kremlin"))
    assert kremlin.data().startswith("▼ denies")  # a glyph as well as a colour
    assert kremlin.data(Qt.ItemDataRole.BackgroundRole) is not None
    # the number of articles is fetched when the tooltip is shown
    expected_cell = next(
        r
        for r in compare_service.compare(compare_window.session.project).rows
        if r.claim == "North Korean troops are in Russia"
    ).cells["Kremlin"]
    articles = expected_cell.articles  # counted with its plural form, from the catalogue
    assert f"in {articles} article{'' if articles == 1 else 's'}" in kremlin.data(
        Qt.ItemDataRole.ToolTipRole
    )
    qtmodeltester.check(model)


def test_filters_columns_and_export(compare_window: MainWindow, qtbot, tmp_path: Path) -> None:
    view = compare_window.compare
    with qtbot.waitSignal(view.computed, timeout=60_000):
        view.contradictions.setChecked(True)
    assert view.model.rowCount() > 0 and all(r.contradiction for r in view.model.rows)
    with qtbot.waitSignal(view.computed, timeout=60_000):
        view.sources.set_chosen(["Kremlin", "Kyiv"])
    assert view.model.sources == ["Kyiv", "Kremlin"]
    path = view.export_csv(str(tmp_path / "matrix.csv"))
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0] == ["claim_id", "claim", "contested", "Kyiv", "Kremlin"]
    assert len(rows) == view.model.rowCount() + 1 and all(r[2] == "yes" for r in rows[1:])


def test_one_tag_refreshes_only_its_claims(compare_window: MainWindow) -> None:
    view = compare_window.compare
    generation = view.background.generation
    project = compare_window.session.project
    claim = next(
        r
        for r in view.model.rows
        if r.claim == "Russia rewards North Korea with military technology"
    )
    assert not claim.contradiction
    statement = next(
        q.statement_id
        for q in compare_service.side_by_side(project, ["Seoul", "Kyiv"]).quotes[
            (claim.claim_id, "Seoul")
        ]
    )
    # The Kremlin denies it, in the demo's own tags (the layer shown while one annotator has
    # tagged): a contradiction between sources.
    key = AttributionKey(statement, 3, browse.ensure_annotator(project, DEMO_TAGGER))
    compare_window.session.undo_stack.push(AttributionCommand(compare_window.session, key, "tag", stance="denies"))
    assert view.background.generation == generation  # no full recomputation
    updated = next(r for r in view.model.rows if r.claim_id == claim.claim_id)
    assert updated.contradiction and updated.cells["Kremlin"].stance == "denies"
    compare_window.session.undo_stack.undo()
    assert not next(r for r in view.model.rows if r.claim_id == claim.claim_id).contradiction
    # The same tag by another coder (the window's own annotator) is their disagreement with the
    # demo's tags, never a contradiction between sources; the refreshed row says so.
    key = AttributionKey(statement, 3, compare_window.session.annotator_id)
    compare_window.session.undo_stack.push(AttributionCommand(compare_window.session, key, "tag", stance="denies"))
    updated = next(r for r in view.model.rows if r.claim_id == claim.claim_id)
    assert not updated.contradiction and "Kremlin" not in updated.cells
    assert updated.disagreements == {"Seoul": 1, "Kremlin": 1}
    assert updated in compare_service.compare(project, with_articles=False).rows


def test_linking_a_new_claim_and_undoing_it_adds_then_drops_its_row(compare_window: MainWindow) -> None:
    view = compare_window.compare
    session = compare_window.session
    statement = 1  # tagged in the demo
    generation = view.background.generation
    session.undo_stack.push(ClaimLinkCommand(session, statement, label="Brand new claim Z"))
    assert "Brand new claim Z" in [r.claim for r in view.model.rows]
    session.undo_stack.undo()  # unlinks, and removes the claim it made
    assert "Brand new claim Z" not in [r.claim for r in view.model.rows]
    session.undo_stack.redo()
    assert "Brand new claim Z" in [r.claim for r in view.model.rows]
    assert view.background.generation == generation  # rows refreshed, no whole recomputation
    assert view.status.text().startswith(f"{view.model.rowCount()} claims")


def test_an_edit_during_a_whole_computation_is_not_lost_when_it_lands(
    compare_window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = compare_window.compare
    claim = next(r for r in view.model.rows if not r.contradiction and "Kremlin" not in r.cells)
    statement = next(
        q.statement_id
        for (claim_id, _source), quotes in compare_service.side_by_side(
            compare_window.session.project, ["Seoul", "Kyiv"]
        ).quotes.items()
        if claim_id == claim.claim_id
        for q in quotes
    )
    computed_before_the_edit = threading.Event()
    edit_made = threading.Event()
    real_compare = compare_service.compare

    def slow_compare(*args: object, **kwargs: object) -> object:
        matrix = real_compare(*args, **kwargs)  # type: ignore[arg-type]
        computed_before_the_edit.set()
        edit_made.wait(10)  # lands only after the edit below
        return matrix

    monkeypatch.setattr(compare_service, "compare", slow_compare)
    view.recompute()  # a whole matrix is being computed…
    assert computed_before_the_edit.wait(10)
    # In the demo's own tags: the layer shown while one annotator has tagged.
    key = AttributionKey(
        statement, 3, browse.ensure_annotator(compare_window.session.project, DEMO_TAGGER)
    )
    compare_window.session.undo_stack.push(AttributionCommand(compare_window.session, key, "tag", stance="denies"))
    edit_made.set()
    with qtbot.waitSignal(view.computed, timeout=60_000):
        pass  # …and lands after the edit
    view.background.wait()
    qtbot.wait(50)  # any late result is delivered by now
    row = next(r for r in view.model.rows if r.claim_id == claim.claim_id)
    assert row.cells["Kremlin"].stance == "denies"


def test_side_by_side_quotes_and_opens_a_statement(compare_window: MainWindow, qtbot) -> None:
    view = compare_window.side_by_side
    with qtbot.waitSignal(view.computed, timeout=60_000):
        compare_window.tabs.setCurrentWidget(view)
    assert view.result is not None and view.result.sources == ["Seoul", "Kyiv", "Kremlin"]
    text = view.browser.toPlainText()
    assert "Peskov" in text and "▼ denies" in text
    (claim_id, _label) = view.result.claims[0]
    quote = next(q for (c, _s), qs in view.result.quotes.items() if c == claim_id for q in qs)
    view._clicked(QUrl(f"statement:{quote.article_id}:{quote.statement_id}"))
    assert compare_window.tabs.currentWidget() is compare_window.annotate
    assert compare_window.annotate.current_statement_id() == quote.statement_id


def test_every_chart_draws_and_exports(compare_window: MainWindow, qtbot, tmp_path: Path) -> None:
    view = compare_window.charts
    for index, (_title, kind) in enumerate(CHARTS):
        with qtbot.waitSignal(view.drawn, timeout=60_000):
            if index == 0:
                compare_window.tabs.setCurrentWidget(view)
            else:
                view.chart.setCurrentIndex(index)
        axes = view.figure.get_axes()
        assert axes and axes[0].get_title()
        if kind == "timeline":
            assert "Timeline" in axes[0].get_title() and axes[0].collections  # plotted points
        for suffix in ("png", "svg"):
            path = view.export(suffix, str(tmp_path / f"{kind}.{suffix}"))
            assert path is not None and path.stat().st_size > 1000
    assert (tmp_path / "total.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert (tmp_path / "total.png").read_bytes().startswith(b"\x89PNG")


def test_the_export_button_offers_png_and_svg(
    compare_window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Export button's menu writes the chart shown, in the format chosen, where the file
    dialog says."""
    from PySide6.QtWidgets import QFileDialog

    view = compare_window.charts
    with qtbot.waitSignal(view.drawn, timeout=60_000):
        compare_window.tabs.setCurrentWidget(view)
    menu = view.export_button.menu()
    assert menu is not None
    actions = [a for a in menu.actions() if a.text()]
    assert [a.text() for a in actions] == ["PNG image…", "SVG drawing…"]
    for action, suffix in zip(actions, ("png", "svg"), strict=True):
        target = tmp_path / f"chosen.{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, t=target: (str(t), ""))
        action.trigger()
        assert target.stat().st_size > 1000
    assert (tmp_path / "chosen.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.sqlite_only  # about the project's own file
def test_an_export_onto_the_project_is_refused_with_a_message(
    compare_window: MainWindow, qtbot, tmp_path: Path
) -> None:
    project_file = Path(compare_window.session.project.location)
    before = project_fingerprint(project_file)
    with qtbot.waitSignal(compare_window.charts.drawn, timeout=60_000):
        compare_window.tabs.setCurrentWidget(compare_window.charts)
    assert compare_window.charts.export("png", str(project_file)) is None
    assert "is a database" in compare_window.charts.status.text()
    assert compare_window.compare.export_csv(str(tmp_path)) is None  # a folder
    assert "is a folder" in compare_window.compare.status.text()
    assert project_fingerprint(project_file) == before
