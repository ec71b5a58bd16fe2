"""Re-rendering one statement of the article text after a tag edit: the document, and every
position in it, must be what rendering the whole article afresh gives."""

from __future__ import annotations

import pytest

from app.domain.model import Stance
from app.domain.rows import TagSummary
from app.services.browse import ArticleView, StatementView
from app.ui.annotate.text_view import StatementText, label_text

BODY = "Séoul affirme 🙂. Le Kremlin dément tout, selon Peskov. Kyiv confirme. Fin."
COLOURS = {"Seoul": "#1f77b4", "Kyiv": "#ff7f0e", "Kremlin": "#d62728"}


def kremlin(stance: Stance = Stance.DENIES) -> TagSummary:
    return TagSummary("Kremlin", stance, None, "a")


def statements(second: list[TagSummary], empty_after: list[TagSummary]) -> list[StatementView]:
    first_end = BODY.index(" Le Kremlin")
    kremlin_start = BODY.index("Le Kremlin")
    inner = BODY.index("selon Peskov")
    kyiv = BODY.index("Kyiv")
    return [
        StatementView(1, 1, 0, first_end, [TagSummary("Seoul", Stance.ASSERTS, None, "a")]),
        StatementView(2, 2, kremlin_start, kyiv - 1, second),
        # Inside statement 2: its remainder is empty, only its labels show.
        StatementView(3, 3, inner, inner + len("selon Peskov"), empty_after),
        StatementView(4, 4, kyiv, BODY.index(" Fin."), []),
    ]


def article(second: list[TagSummary], empty_after: list[TagSummary]) -> ArticleView:
    return ArticleView(7, "Titre", BODY, statements(second, empty_after), COLOURS)


def state(text: StatementText) -> tuple[object, ...]:
    return (
        text.toHtml(),
        text._statement_ranges,
        text._label_ranges,
        text._segments,
        [text.body_offset(p) for p in range(len(text.toPlainText()) + 2)],
    )


@pytest.mark.parametrize(
    ("second", "third"),
    [
        ([], []),  # the labels go
        ([kremlin(Stance.NEUTRAL)], []),  # same length, another glyph
        ([kremlin(), TagSummary("Kyiv", Stance.ASSERTS, "Certain", "b")], []),  # longer
        ([kremlin()], [TagSummary("Seoul", Stance.NEUTRAL, None, "a")]),  # a label after it
    ],
)
def test_one_statement_rendered_again_is_the_whole_rendered_afresh(
    qtbot, second: list[TagSummary], third: list[TagSummary]
) -> None:
    before = article([kremlin()], [])
    after = article(second, third)
    edited, fresh = StatementText(), StatementText()
    qtbot.addWidget(edited)
    qtbot.addWidget(fresh)
    edited.show_article(before, 2)
    fresh.show_article(after, 2)

    edited.update_statements([s for s in after.statements if s.id in (2, 3)])

    assert state(edited) == state(fresh)
    assert edited.current_id == 2
    start, end = edited._statement_ranges[4]
    assert edited.body_offset(start) == BODY.index("Kyiv")  # later statements moved with it
    assert edited.statement_at(start) == 4 and edited.statement_at(end - 1) == 4


def test_only_the_statements_named_are_touched(qtbot) -> None:
    text = StatementText()
    qtbot.addWidget(text)
    text.show_article(article([kremlin()], []))
    first_before = text._statement_ranges[1], text._label_ranges[1]
    text.update_statements(
        [StatementView(4, 4, BODY.index("Kyiv"), BODY.index(" Fin."), [kremlin()])]
    )
    assert (text._statement_ranges[1], text._label_ranges[1]) == first_before
    label = label_text("▼", "Kremlin")
    assert text.toPlainText().endswith(f"Kyiv confirme.{label} Fin.".replace("\u00a0", " "))
