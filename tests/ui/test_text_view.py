"""The article text: every character once, even when stored statements overlap."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from app.domain.defaults import DEFAULT_SOURCES
from app.domain.model import Stance
from app.domain.rows import TagSummary
from app.services.browse import ArticleView, StatementView
from app.ui.annotate.text_view import StatementText, label_text
from app.ui.theme import scheme

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
    label = label_text("▼", "Kremlin").replace("\u00a0", " ")  # the tag after its statement
    assert shown.replace(label, "") == "Titre\n\n" + BODY
    for statement_id in (1, 2, 4):
        text.set_current(statement_id)
        assert text.current_id == statement_id


def _luminance(colour: QColor) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(
        colour.blue()
    )


def _contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_on_a_tint_stays_readable_under_a_dark_palette(qtbot) -> None:
    # A dark theme's text is light; on a source's light tint it must not stay light.
    text = StatementText()
    qtbot.addWidget(text)
    palette = text.palette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    text.setPalette(palette)
    colours = {seed.name: seed.colour for seed in DEFAULT_SOURCES}
    colours |= {"black": "#000000", "navy": "#000080", "yellow": "#ffff00"}
    statements = [
        StatementView(i, i, 0, 14, [TagSummary(name, Stance.ASSERTS, None, "a")])
        for i, name in enumerate(colours, start=1)
    ]
    text.show_article(ArticleView(7, "Titre", BODY, statements[:1], colours))
    for statement in statements:
        fmt = text._tint(statement)
        background, foreground = fmt.background().color(), fmt.foreground().color()
        assert _contrast(background, foreground) >= 4.5, statement.tags[0].source
    colours = scheme(text.palette())
    assert colours.dark
    for background in (colours.current_background, colours.hit_background):
        assert _contrast(QColor(background), QColor(colours.text_on(background))) >= 4.5
    text.set_current(1)
    selection = text.extraSelections()[-1]
    background, foreground = selection.format.background(), selection.format.foreground()
    assert _contrast(background.color(), foreground.color()) >= 4.5


def test_a_label_stays_on_the_line_of_its_statement(qtbot) -> None:
    """No break opportunity between a statement's last word and its label, nor inside the
    label: the label never starts a line, where it would seem to tag the next statement."""
    label = label_text("▲", "Ministry of Defence")
    assert " " not in label and "\u2009" not in label
    assert label.startswith("\u202f")  # a narrow no-break space


def test_untagged_statements_show_where_they_end(qtbot) -> None:
    text = StatementText()
    qtbot.addWidget(text)
    statements = [StatementView(1, 1, 0, 14, []), StatementView(2, 2, 15, 52, [])]
    text.show_article(ArticleView(7, "Titre", BODY, statements, {}))
    fmt = text._tint(statements[0])
    assert fmt.underlineStyle() == fmt.UnderlineStyle.DotLine
    # The gap between two statements is not underlined: the line breaks there.
    cursor = text.textCursor()
    cursor.setPosition(text.doc_position(14) + 1)
    assert cursor.charFormat().underlineStyle() != fmt.UnderlineStyle.DotLine
