"""Whose tags the Annotate text shows: everyone's, my own, one other annotator's, or the
consensus. Whatever is shown, the tag panel edits the session annotator's own tags and lists
the others' beside them, read-only."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.layers import CONSENSUS, is_reserved

_EVERYONE = ""  # the item data for "everyone's tags" (a name is never empty)


class ShownTags(QComboBox):
    shown_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setToolTip(
            self.tr(
                "Whose tags the text shows. You always edit your own; the panel lists the "
                "other annotators' tags beside yours."
            )
        )
        self._chosen = _EVERYONE
        self.addItem(self.tr("Everyone's tags"), _EVERYONE)
        self.activated.connect(self._pick)

    def set_annotators(self, annotators: Sequence[str], me: str) -> None:
        people = sorted(
            {a for a in annotators if not is_reserved(a)} | {me},
            key=lambda n: (n != me, n.casefold()),
        )
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("Everyone's tags"), _EVERYONE)
        for name in people:
            if name == me:
                self.addItem(self.tr("My tags ({0})").format(name), name)
            else:
                self.addItem(self.tr("{0}'s tags").format(name), name)
        if any(is_reserved(a) for a in annotators):
            self.addItem(self.tr("Consensus (adjudicated)"), CONSENSUS)
        index = self.findData(self._chosen)
        if index < 0:
            self._chosen = _EVERYONE
            index = 0
        self.setCurrentIndex(index)
        self.blockSignals(False)

    def shown(self) -> str | None:
        """The annotator whose tags are shown; None: everyone's."""
        return self._chosen or None

    def _pick(self, index: int) -> None:
        chosen = str(self.itemData(index) or _EVERYONE)
        if chosen != self._chosen:
            self._chosen = chosen
            self.shown_changed.emit()
