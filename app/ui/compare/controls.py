"""Shared controls of the comparison views: a checkable, reorderable source list, date bounds,
and a dialog to pick a set of articles."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.rows import ArticleListRow, SourceRow
from app.ui.annotate.tag_panel import swatch


class SourceChooser(QListWidget):
    """Tick the sources to show; drag them to order the columns."""

    chosen_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setMaximumWidth(200)
        self.itemChanged.connect(lambda _item: self.chosen_changed.emit())
        self.model().rowsMoved.connect(lambda *_: self.chosen_changed.emit())

    def set_sources(self, sources: Sequence[SourceRow]) -> None:
        previous = {self.item(i).text(): self.item(i).checkState() for i in range(self.count())}
        order = [self.item(i).text() for i in range(self.count())]
        names = [s.name for s in sources]
        ordered = [n for n in order if n in names] + [n for n in names if n not in order]
        colours = {s.name: s.colour for s in sources}
        self.blockSignals(True)
        self.clear()
        for name in ordered:
            item = QListWidgetItem(swatch(colours[name]), name)
            item.setFlags(
                item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled
            )
            item.setCheckState(previous.get(name, Qt.CheckState.Checked))
            self.addItem(item)
        self.blockSignals(False)

    def chosen(self) -> list[str]:
        return [
            self.item(i).text()
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, names: list[str]) -> None:
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked
            )
        self.blockSignals(False)
        self.chosen_changed.emit()


class ArticlePicker(QDialog):
    """Choose a set of articles (none ticked: all articles count)."""

    def __init__(
        self, articles: Sequence[ArticleListRow], chosen: set[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Articles to compare"))
        layout = QVBoxLayout(self)
        self.filter = QLineEdit(placeholderText=self.tr("Filter titles"))
        self.list = QListWidget()
        for article in articles:
            item = QListWidgetItem(f"{article.title} — {article.outlet or ''}")
            item.setData(Qt.ItemDataRole.UserRole, article.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if article.id in chosen else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.filter.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(text.lower() not in item.text().lower())

    def chosen(self) -> set[int]:
        return {
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        }
