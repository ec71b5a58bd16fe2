"""Write a consensus reading by hand: for each source, whether it speaks, with which stance
and how firmly; no source ticked is a "no source" reading."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.disagreements import Reading
from app.domain.model import Stance
from app.domain.rows import LevelRow, SourceRow
from app.services.adjudication import ConsensusTag
from app.ui.i18n import stance_word


class ConsensusDialog(QDialog):
    def __init__(
        self,
        sources: Sequence[SourceRow],
        levels: Sequence[LevelRow],
        start: Reading | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Write the consensus"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The consensus reading of this statement. Tick each source that makes the "
                "claim; none ticked means no source makes it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        given = {t.source_id: t for t in (start.tags if start else ())}
        self.rows: list[tuple[SourceRow, QCheckBox, QComboBox, QComboBox]] = []
        for row, source in enumerate(sources):
            present = QCheckBox(source.name)
            stance = QComboBox()
            for value in Stance:
                stance.addItem(stance_word(value.value), value)
            level = QComboBox()
            level.addItem(self.tr("(no level)"), None)
            for item in levels:
                level.addItem(item.label, item.id)
            tag = given.get(source.id)
            present.setChecked(tag is not None)
            if tag is not None:
                stance.setCurrentIndex(max(stance.findData(tag.stance), 0))
                level.setCurrentIndex(max(level.findData(tag.level_id), 0))
            for choice in (stance, level):
                choice.setEnabled(present.isChecked())
                present.toggled.connect(choice.setEnabled)
            grid.addWidget(present, row, 0)
            grid.addWidget(stance, row, 1)
            grid.addWidget(level, row, 2)
            self.rows.append((source, present, stance, level))
        layout.addLayout(grid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def tags(self) -> list[ConsensusTag]:
        return [
            ConsensusTag(source.id, Stance(stance.currentData()), level.currentData())
            for source, present, stance, level in self.rows
            if present.isChecked()
        ]
