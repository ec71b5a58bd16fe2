"""Export safety: titles, statements and notes opening with every formula trigger (after no,
one or three spaces) export to CSV that no spreadsheet would evaluate and read back exactly."""

from __future__ import annotations

from pathlib import Path

from . import export_safety


def test_every_trigger_is_neutralised_and_reads_back_exactly(tmp_path: Path) -> None:
    figures = export_safety.check(tmp_path)
    assert figures["failures"] == []
    assert figures["cells_that_would_run"] == 0
    assert figures["tags"] == len(export_safety.HOSTILE) ** 2
    assert figures["cells_checked"] > 20_000


def test_the_independent_check_sees_each_trigger() -> None:
    # The control for the test above: the rule it checks with does flag raw hostile text.
    for text in export_safety.HOSTILE[:-3]:
        assert export_safety.would_be_evaluated(text), repr(text)
    assert not export_safety.would_be_evaluated("'=1")
