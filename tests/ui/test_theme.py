"""The theme: chosen by setting or environment, applied to the whole application, and every
colour a view paints (tints, labels, the matrix's stances, links, icons) readable in the light,
dark and high-contrast palettes, for every default source colour and a range of custom ones."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from importlib import metadata

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QTabBar

from app import __version__
from app.domain import contrast
from app.domain.contrast import STANCE_HUES
from app.domain.defaults import DEFAULT_SOURCES
from app.domain.model import Stance
from app.domain.rows import TagSummary
from app.services.browse import ArticleView, StatementView
from app.ui.about import AboutDialog, GuideDialog, dependencies, guide_text
from app.ui.annotate.text_view import StatementText
from app.ui.compare.charts import confidence_palette
from app.ui.main_window import MainWindow
from app.ui.theme import (
    ENVIRONMENT,
    Theme,
    apply_theme,
    chosen_theme,
    save_theme,
    scheme,
)

CUSTOM = tuple(
    contrast.to_hex((r, g, b)) for r, g, b in itertools.product((0, 96, 160, 224, 255), repeat=3)
)
COLOURS = (*(seed.colour for seed in DEFAULT_SOURCES), *CUSTOM)
THEMES = (Theme.LIGHT, Theme.DARK, Theme.CONTRAST)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, put back as it was (no theme) after the test."""
    application = qapp
    style = application.style().name()
    yield application
    apply_theme(Theme.SYSTEM, application)
    application.setStyleSheet("")
    application.setStyle(style)


def test_the_environment_overrides_the_saved_choice(
    settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    assert chosen_theme(settings) is Theme.SYSTEM
    save_theme(settings, Theme.DARK)
    assert chosen_theme(settings) is Theme.DARK
    monkeypatch.setenv(ENVIRONMENT, "contrast")
    assert chosen_theme(settings) is Theme.CONTRAST
    monkeypatch.setenv(ENVIRONMENT, "sepia")  # not a theme: the saved one
    assert chosen_theme(settings) is Theme.DARK


@pytest.mark.parametrize("theme", THEMES)
def test_each_palette_reads_and_its_scheme_keeps_the_ratios(
    app: QApplication, theme: Theme
) -> None:
    apply_theme(theme, app)
    palette = app.palette()
    colours = scheme()
    role = QPalette.ColorRole
    for background, text in (
        (role.Base, role.Text),
        (role.Window, role.WindowText),
        (role.Button, role.ButtonText),
        (role.Highlight, role.HighlightedText),
        (role.ToolTipBase, role.ToolTipText),
    ):
        ratio = contrast.ratio(palette.color(background).name(), palette.color(text).name())
        assert ratio >= colours.minimum, (background, text)
    assert colours.dark == (theme is not Theme.LIGHT)
    for colour in COLOURS:
        tinted = colours.source_tint(colour)
        assert contrast.ratio(colours.text_on_tint(colour), tinted) >= colours.minimum, colour
        assert contrast.ratio(colours.source_text(colour), colours.base) >= colours.minimum
        assert contrast.ratio(colours.source_graphic(colour), colours.base) >= 3.0
    for stance in STANCE_HUES:
        background = colours.stance_background(stance)
        assert contrast.ratio(colours.text_on(background), background) >= colours.minimum
        assert contrast.ratio(colours.stance_text(stance), colours.base) >= colours.minimum
    assert contrast.ratio(colours.link_text, colours.base) >= colours.minimum
    # The confidence chart's bars: the firmest level stands out, each weaker one less.
    for levels in (1, 4, 7):
        bars = confidence_palette(levels, colours)
        assert contrast.ratio(bars[0], colours.base) >= 3.0, (theme, bars)
        ratios = [contrast.ratio(bar, colours.base) for bar in bars]
        assert ratios == sorted(ratios, reverse=True) and len(set(bars)) == levels


@pytest.mark.parametrize("theme", THEMES)
def test_a_tab_not_chosen_keeps_the_accent_of_its_capital(
    qtbot, app: QApplication, theme: Theme
) -> None:
    """« Énoncés » on a tab that is not the current one: its accent is drawn (the same tab
    with « Enoncés » looks different), not cut off by the tab's edge."""
    apply_theme(theme, app)

    def second_tab(label: str) -> QImage:
        tabs = QTabBar()
        qtbot.addWidget(tabs)
        tabs.addTab("Annoter")
        tabs.addTab(label)
        tabs.setCurrentIndex(0)
        tabs.resize(tabs.sizeHint())
        tabs.show()
        return tabs.grab(tabs.tabRect(1)).toImage()

    assert second_tab("Énoncés") != second_tab("Enoncés")


@pytest.mark.parametrize("theme", THEMES)
def test_the_text_paints_every_source_readably(qtbot, app: QApplication, theme: Theme) -> None:
    apply_theme(theme, app)
    text = StatementText()
    qtbot.addWidget(text)
    body = "Une phrase. " * len(COLOURS)
    names = {f"source {i}": colour for i, colour in enumerate(COLOURS)}
    statements = [
        StatementView(i, i, 12 * i, 12 * i + 11, [TagSummary(name, Stance.DENIES, None, "a")])
        for i, name in enumerate(names)
    ]
    text.show_article(ArticleView(1, "Titre", body, statements, names))
    minimum = scheme().minimum
    for statement in statements:
        fmt = text._tint(statement)
        background, foreground = fmt.background().color(), fmt.foreground().color()
        assert contrast.ratio(background.name(), foreground.name()) >= minimum


def test_a_new_theme_repaints_the_open_text(qtbot, app: QApplication) -> None:
    apply_theme(Theme.LIGHT, app)
    text = StatementText()
    qtbot.addWidget(text)
    text.show()
    tag = TagSummary("Kremlin", Stance.DENIES, None, "a")
    text.show_article(
        ArticleView(1, "Titre", "Le Kremlin dément.", [StatementView(1, 1, 0, 18, [tag])],
                    {"Kremlin": "#d62728"})
    )  # fmt: skip

    def tint_is_dark() -> bool:
        cursor = text.textCursor()
        cursor.setPosition(text.doc_position(3) or 0)
        return contrast.is_dark(cursor.charFormat().background().color().name())

    assert not tint_is_dark()
    apply_theme(Theme.DARK, app)
    qtbot.waitUntil(tint_is_dark, timeout=5_000)


def test_the_matrix_colours_follow_the_theme(compare_window: MainWindow, app: QApplication) -> None:
    from PySide6.QtCore import Qt

    model = compare_window.compare.model
    for theme in THEMES:
        apply_theme(theme, app)
        minimum = scheme().minimum
        for row in range(model.rowCount()):
            for column in range(2, model.columnCount()):
                index = model.index(row, column)
                background = index.data(Qt.ItemDataRole.BackgroundRole)
                if background is None:
                    continue  # an empty cell: the table's own colours
                foreground = index.data(Qt.ItemDataRole.ForegroundRole)
                ratio = contrast.ratio(background.color().name(), foreground.color().name())
                assert ratio >= minimum, (theme, str(index.data()))
                assert f"({model.cell(index).statements})" in str(index.data())


def test_toolbar_icons_take_the_palette_colour(empty_window: MainWindow, app: QApplication) -> None:
    toolbar = empty_window.toolbar
    action = next(iter(toolbar.icon_names))

    def ink() -> str:
        image = action.icon().pixmap(24, 24).toImage()
        opaque = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() == 255
        ]
        assert opaque, "the icon is drawn"
        return max(opaque, key=lambda c: opaque.count(c)).name()

    for theme in (Theme.LIGHT, Theme.DARK):
        apply_theme(theme, app)
        app.processEvents()
        assert ink() == app.palette().color(QPalette.ColorRole.WindowText).name()
    assert not empty_window.windowIcon().isNull()


def test_about_names_the_version_licence_and_libraries(qtbot) -> None:
    names = {name.lower() for name, _version in dependencies()}
    assert {"sqlalchemy", "alembic", "matplotlib"} <= names
    assert dict((n.lower(), v) for n, v in dependencies())["sqlalchemy"] == metadata.version(
        "SQLAlchemy"
    )
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    listed = dialog.libraries.toPlainText()
    assert "SQLAlchemy" in listed and "PySide6" in listed and "Qt" in listed
    assert __version__ in dialog.heading.text() and "MIT" in dialog.heading.text()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_guide_is_shipped_in_both_languages(qtbot, language: str) -> None:
    assert "Sourcetrack" in guide_text(language).splitlines()[0]
    dialog = GuideDialog(language=language)
    qtbot.addWidget(dialog)
    assert "Sourcetrack" in dialog.browser.toPlainText()


@pytest.mark.parametrize("theme", THEMES)
def test_a_pressed_toggle_reads_as_pressed(qtbot, app: QApplication, theme: Theme) -> None:
    """A source, stance or confidence button that is on differs from one that is off by more
    than a shade: its background, and its text on it, in the palette's selection colours."""
    from PySide6.QtWidgets import QPushButton

    apply_theme(theme, app)
    buttons = []
    for checked in (True, False):
        button = QPushButton("▲ Asserts")
        button.setCheckable(True)
        button.setChecked(checked)
        qtbot.addWidget(button)
        button.resize(140, 30)
        button.show()
        buttons.append(button)
    qtbot.waitExposed(buttons[1])

    def background(button: QPushButton) -> str:
        image = button.grab().toImage()
        # Inside the edge, left of the text.
        return image.pixelColor(6, image.height() // 2).name()

    on, off = (background(b) for b in buttons)
    assert contrast.ratio(on, off) >= 1.8, (on, off)
    assert on == app.palette().color(QPalette.ColorRole.Highlight).name()
