"""Which layer of tags a view shows: an annotator's, where all coders agree, or the consensus.

The comparison views never pool annotators (see `app.domain.layers`). The chooser lists the
layers the project has; until the user picks one, it shows the layer the services read by
default (the only annotator's, or where all agree), and the user's pick holds while the
project stays open, even as annotators come and go.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.layers import Layer, is_reserved, resolve_layer


class LayerChooser(QComboBox):
    layer_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._picked: Layer | None = None
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setToolTip(
            self.tr(
                "Whose tags this view counts: one annotator's, where all coders agree, or the "
                "adjudicated consensus. Coders' tags are never pooled."
            )
        )
        self.activated.connect(self._pick)

    def set_annotators(self, annotators: Sequence[str], me: str) -> None:
        """The layers of a project whose tagging annotators are `annotators`."""
        coders = [a for a in annotators if not is_reserved(a)]
        shown = self._picked or resolve_layer(None, coders)
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("Where all coders agree"), Layer.agreed())
        for name in sorted(set(coders) | {me}, key=lambda n: (n != me, n.casefold())):
            text = (
                self.tr("My tags ({0})").format(name)
                if name == me
                else self.tr("{0}'s tags").format(name)
            )
            self.addItem(text, Layer.of(name))
        if any(is_reserved(a) for a in annotators):
            self.addItem(self.tr("Consensus (adjudicated)"), Layer.consensus())
        index = self._index_of(shown)
        self.setCurrentIndex(index if index >= 0 else 0)
        self.blockSignals(False)

    def _index_of(self, layer: Layer) -> int:
        return next((i for i in range(self.count()) if self.itemData(i) == layer), -1)

    def layer(self) -> Layer | None:
        """The layer the user chose; None until they choose one: the services' default then
        (which the chooser shows), so a view follows it as annotators start tagging."""
        return self._picked

    def choose(self, layer: Layer) -> None:
        index = self._index_of(layer)
        if index >= 0:
            self.setCurrentIndex(index)
            self._pick(index)

    def _pick(self, index: int) -> None:
        data = self.itemData(index)
        if isinstance(data, Layer):
            self._picked = data
            self.layer_changed.emit()

