"""The article text: every character once, even when stored statements overlap."""

from __future__ import annotations

from app.domain.model import Stance
from app.domain.rows import TagSummary
from app.services.browse import ArticleView, StatementView
from app.ui.annotate.text_view import StatementText

BODY = "Séoul affirme. Le Kremlin dément tout, selon Peskov. Kyiv confirme."


def test_overlapping_statements_show_each_character_once(qtbot) -> None:
    first = BODY.index("Le Kremlin")
    inner = BODY.index("selon Peskov")
    statements = [
        StatementView(1, 1, 0, 14, []),
        StatementView(2, 2, first, BODY.index(" Kyiv"), [
            TagSummary("Kremlin", Stance.DENIES, None, "a")]),
        StatementView(3, 3, inner, inner + len("selon Peskov"), []),  # inside statement 2
        StatementView(4, 4, BODY.index("Kyiv"), len(BODY), []),
    ]  # fmt: skip
    text = StatementText()
    qtbot.addWidget(text)
    text.show_article(ArticleView(7, "Titre", BODY, statements, {"Kremlin": "#d62728"}))

    shown = text.toPlainText()
    assert shown.count("selon Peskov") == 1 and shown.count("Kyiv confirme.") == 1
    label = "\u2009▼ Kremlin"  # the source's tag after its statement (plain text: NBSP → space)
    assert shown.replace(label, "") == "Titre\n\n" + BODY
    for statement_id in (1, 2, 4):
        text.set_current(statement_id)
        assert text.current_id == statement_id
