"""Sources and confidence scales through the services: custom scales are editable, presets are not,
and a level that tags use cannot be removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.model import DomainError
from app.services import sources
from app.services.importing import ArticleMeta, import_text
from app.services.project import Project
from app.services.tagging import tag_statement


def test_a_custom_scale_can_be_made_edited_and_kept_consistent(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sourcetrack", create=True) as project:
        import_text(
            project, "Titre\n\nLe Kremlin dément. Séoul affirme.", ArticleMeta(language="fr")
        )
        scale_id = sources.add_custom_scale(
            project, "Mine", [("Sûr", "vu"), ("Peut-être", ""), ("Rumeur", "")]
        )
        sources.activate_scale(project, scale_id)
        tag_statement(project, 1, "Kremlin", stance="denies", confidence="Peut-être")
        sources.edit_custom_scale(project, scale_id, [("Certain", "vu"), ("Possible", "hedged")])
        levels = {s["id"]: s for s in sources.list_scales(project)}[scale_id]["levels"]
        assert [(lv["rank"], lv["label"]) for lv in levels] == [(1, "Certain"), (2, "Possible")]
        with project.read() as conn:
            label = conn.exec_driver_sql(
                "SELECT l.label FROM attributions a JOIN confidence_levels l ON l.id = a.confidence_level_id"
            ).scalar()
        assert label == "Possible"  # the tag kept its level, now relabelled
        with pytest.raises(DomainError, match="tags use"):
            sources.edit_custom_scale(project, scale_id, [("Only", "")])
        with pytest.raises(DomainError, match="preset"):
            preset = next(
                s for s in sources.list_scales(project) if s["name"].startswith("Default")
            )
            sources.edit_custom_scale(project, preset["id"], [("X", "")])
        with pytest.raises(DomainError, match="distinct"):
            sources.edit_custom_scale(project, scale_id, [("A", ""), ("A", "")])
