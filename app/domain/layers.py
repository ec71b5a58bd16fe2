"""Which tags a comparison reads: one *layer* at a time, never the annotators pooled.

Each annotator's tags are a layer of their own. Pooling them would make two coders' different
readings of one statement look like a finding about the sources: ana tags it *Seoul asserts*,
bob *Seoul denies*, and the pooled matrix calls Seoul "mixed" and the claim contested although
neither coder saw Seoul contradict itself. So Compare, Side by side, the charts and `compare`
read one layer:

- `Layer.of(name)`: that annotator's tags;
- `Layer.agreed()`: where all annotators agree. A (statement, source) pair counts when every
  annotator who judged the statement (tagged it with any source) tagged that source with the
  same stance. A statement only one annotator judged counts as that annotator tagged it: no one
  disagrees. The pair's confidence is the least firm level any of them gave (the firmness they
  all grant), and it counts once, as one statement. The consensus annotator is not one of
  "all annotators": its tags adjudicate the coders' disagreements, they are no reading of
  their own, so they neither make a statement judged nor take part in what is agreed;
- `Layer.consensus()`: the tags of the reserved annotator `CONSENSUS`, which adjudication
  writes; it is read like any annotator's layer.

Without a layer named (`None`), the comparison reads the only annotator's tags when one
annotator (the consensus aside) has tagged the project (every project tagged by one person
reads as it always did), and where all annotators agree when several have.

Where annotators who judged a statement differ on a source (one tagged it and another did not,
or they gave it different stances), that is a disagreement between coders: the comparison counts
it apart, per claim and source, and never as a stance of the source or a contradiction between
sources.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.model import DomainError
from app.domain.wording import QT_TRANSLATE_NOOP

# The reserved annotator whose tags are the adjudicated layer. A person never tags under it.
CONSENSUS = "consensus"


class LayerKind(enum.StrEnum):
    ANNOTATOR = "annotator"
    AGREED = "agreed"


@dataclass(frozen=True)
class Layer:
    """One layer of tags: an annotator's (`annotator` names them) or where all agree."""

    kind: LayerKind
    annotator: str | None = None

    def __post_init__(self) -> None:
        if (self.kind is LayerKind.ANNOTATOR) != bool(self.annotator):
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "an annotator's layer names its annotator, and only it does"
                )
            )

    @classmethod
    def of(cls, annotator: str) -> Layer:
        return cls(LayerKind.ANNOTATOR, annotator)

    @classmethod
    def agreed(cls) -> Layer:
        return cls(LayerKind.AGREED)

    @classmethod
    def consensus(cls) -> Layer:
        return cls(LayerKind.ANNOTATOR, CONSENSUS)

    @property
    def is_consensus(self) -> bool:
        return self.kind is LayerKind.ANNOTATOR and self.annotator == CONSENSUS

    def describe(self, annotators: Sequence[str] = ()) -> str:
        """The layer in a few words, for a heading: "ana's tags", "where all 3 annotators
        agree (ana, bob, cleo)"."""
        if self.is_consensus:
            return "the consensus (adjudicated tags)"
        if self.kind is LayerKind.ANNOTATOR:
            return f"{self.annotator}'s tags"
        coders = agreeing_annotators(annotators)
        if len(coders) < 2:
            return "where all annotators agree"
        return f"where all {len(coders)} annotators agree ({', '.join(coders)})"


def agreeing_annotators(annotators: Sequence[str]) -> tuple[str, ...]:
    """The annotators whose agreement `Layer.agreed()` shows: all but the consensus."""
    return tuple(name for name in annotators if not is_reserved(name))


def resolve_layer(requested: Layer | None, tagging: Sequence[str]) -> Layer:
    """The layer a comparison reads: `requested`, or by default the only annotator's layer when
    one annotator (`tagging`: those who have tags; the consensus aside) has tagged, the
    consensus when no one else has, else where all agree."""
    if requested is not None:
        return requested
    coders = agreeing_annotators(tagging)
    if len(coders) == 1:
        return Layer.of(coders[0])
    if not coders and tagging:
        return Layer.of(tagging[0])
    return Layer.agreed()


def is_reserved(name: str) -> bool:
    """Whether a name is the reserved consensus annotator's (in any case: "Consensus" too)."""
    return name.strip().casefold() == CONSENSUS


def check_personal_annotator(name: str) -> str:
    """A person's annotator name, refused when it is the reserved consensus name."""
    if is_reserved(name):
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "'{name}' is reserved for the consensus layer (the adjudicated tags); tag under "
                "your own name",
            ).format(name=name)
        )
    return name
