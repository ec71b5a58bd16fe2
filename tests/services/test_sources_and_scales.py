"""Sources and confidence scales through the services: custom scales are editable, presets are not,
and a level that tags use cannot be removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from engines import Location, Locations

from app.domain.edits import ConflictError
from app.domain.model import DomainError
from app.services import sources
from app.services.importing import ArticleMeta, import_text
from app.services.project import Project
from app.services.tagging import tag_statement


def test_a_custom_scale_can_be_made_edited_and_kept_consistent(locations: Locations) -> None:
    with Project.open(locations.new(), create=True) as project:
        import_text(
            project, "Titre\n\nLe Kremlin dément. Séoul affirme.", ArticleMeta(language="fr")
        )
        scale_id = sources.add_custom_scale(
            project, "Mine", [("Sûr", "vu"), ("Peut-être", ""), ("Rumeur", "")]
        ).scale_id
        sources.activate_scale(project, scale_id)
        tag_statement(project, 1, "Kremlin", stance="denies", confidence="Peut-être")
        sources.edit_custom_scale(project, scale_id, [("Certain", "vu"), ("Possible", "hedged")])
        levels = {s.id: s for s in sources.list_scales(project)}[scale_id].levels
        assert [(lv.rank, lv.label) for lv in levels] == [(1, "Certain"), (2, "Possible")]
        with project.read() as conn:
            label = conn.exec_driver_sql(
                "SELECT l.label FROM attributions a JOIN confidence_levels l ON l.id = a.confidence_level_id"
            ).scalar()
        assert label == "Possible"  # the tag kept its level, now relabelled
        with pytest.raises(DomainError, match="tags use"):
            sources.edit_custom_scale(project, scale_id, [("Only", "")])
        with pytest.raises(DomainError, match="preset"):
            preset = next(s for s in sources.list_scales(project) if s.name.startswith("Default"))
            sources.edit_custom_scale(project, preset.id, [("X", "")])
        with pytest.raises(DomainError, match="distinct"):
            sources.edit_custom_scale(project, scale_id, [("A", ""), ("A", "")])


def test_switching_the_active_scale_keeps_every_tag_its_own_level(
    tmp_path: Path, demo: Location
) -> None:
    from app.services import compare, exporting, tag_import

    path = demo
    with Project.open(path) as project:
        before = compare.compare(project)
        admiralty = next(s for s in sources.list_scales(project) if "Admiralty" in s.name)
        sources.activate_scale(project, admiralty.id)

        # The matrix labels each cell with its tags' own level, not the active scale's rank.
        after = compare.compare(project)
        assert [r.cells for r in after.rows] == [r.cells for r in before.rows]
        labels = {c.confidence_label for r in after.rows for c in r.cells.values()}
        assert labels <= {"Certain", "Probable", "Possible", "Unknown", None}

        # The project's own export reads back into a copy (the default scale's labels included).
        csv_path = tmp_path / "tags.csv"
        exporting.export_csv(project, csv_path)
        report = tag_import.import_tags(project, csv_path)
        assert report.added == 0 and report.updated == 0 and report.rows > 0

        # A label of the previous scale still names its level; a rank names the active scale's.
        tag_statement(project, 1, "Kremlin", stance="denies", confidence="Certain")
        tag_statement(project, 2, "Kremlin", stance="denies", confidence="1")
        with project.read() as conn:
            got = dict(
                conn.exec_driver_sql(
                    "SELECT a.statement_id, l.label FROM attributions a JOIN confidence_levels l "
                    "ON l.id = a.confidence_level_id JOIN sources s ON s.id = a.source_id "
                    "WHERE s.name = 'Kremlin' AND a.statement_id IN (1, 2) "
                    "AND a.annotator_id = (SELECT max(id) FROM annotators)"
                ).all()
            )
        assert got[1] == "Certain"
        assert got[2] == admiralty.levels[0].label


def test_the_cell_confidence_is_that_of_the_stance_it_shows(locations: Locations) -> None:
    from app.services import compare

    with Project.open(locations.new(), create=True) as project:
        import_text(
            project,
            "Titre\n\nSéoul affirme une chose. Séoul le redit. Séoul ne commente pas.",
            ArticleMeta(language="fr"),
        )
        claim = ["Une chose"]
        tag_statement(project, 1, "Seoul", stance="asserts", confidence="Possible", claims=claim)
        tag_statement(project, 2, "Seoul", stance="asserts", confidence="Probable", claims=claim)
        tag_statement(project, 3, "Seoul", stance="neutral", confidence="Certain", claims=claim)
        (row,) = compare.compare(project).rows
    cell = row.cells["Seoul"]
    assert (cell.stance, cell.confidence_label, cell.statements) == ("asserts", "Probable", 3)


def test_a_scale_switch_counts_the_tags_it_leaves_and_refuses_a_stale_undo(demo: Location) -> None:
    with Project.open(demo) as project:
        scales = sources.list_scales(project)
        default = next(s for s in scales if s.active)
        admiralty = next(s for s in scales if "Admiralty" in s.name)
        with project.read() as conn:
            rated = conn.exec_driver_sql(
                "SELECT count(*) FROM attributions WHERE confidence_level_id IS NOT NULL"
            ).scalar()
        assert sources.tags_keeping_other_levels(project, admiralty.id) == rated > 0
        assert sources.tags_keeping_other_levels(project, default.id) == 0
        edit = sources.activate_scale(project, admiralty.id)
        assert (edit.active_before, edit.active_after) == (default.id, admiralty.id)
        # An undo expecting another active scale (changed elsewhere meanwhile) is refused.
        with pytest.raises(ConflictError):
            sources.activate_scale(project, default.id, expected=default.id)
        sources.activate_scale(project, default.id, expected=admiralty.id)
        assert next(s for s in sources.list_scales(project) if s.active).id == default.id
