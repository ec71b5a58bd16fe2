"""The window's theme: follow the system's light or dark scheme, or a chosen Light, Dark or
High contrast palette; and the colours every view paints with, derived from that palette.

The choice is kept in QSettings (`appearance/theme`); SOURCETRACK_THEME=light|dark|contrast
overrides it (for tests and screenshots). Every colour drawn from a source's colour or a
stance goes through `scheme()`, whose rules (`domain/contrast.py`) guarantee 4.5:1 for text
(7:1 in high contrast) against what it is drawn on.
"""

from __future__ import annotations

import os
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from app.domain import contrast
from app.domain.contrast import Scheme
from app.ui.icons import resources_dir

SETTINGS_KEY = "appearance/theme"
ENVIRONMENT = "SOURCETRACK_THEME"


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    CONTRAST = "contrast"


def theme_label(theme: Theme) -> str:
    """The name a person chooses a theme by (Preferences, View ▸ Theme)."""
    labels = {
        Theme.SYSTEM: QCoreApplication.translate("Theme", "Follow the system"),
        Theme.LIGHT: QCoreApplication.translate("Theme", "Light"),
        Theme.DARK: QCoreApplication.translate("Theme", "Dark"),
        Theme.CONTRAST: QCoreApplication.translate("Theme", "High contrast"),
    }
    return labels[theme]


def chosen_theme(settings: QSettings | None = None) -> Theme:
    """The environment's theme if it names one, else the saved choice, else the system's."""
    for value in (os.environ.get(ENVIRONMENT), settings.value(SETTINGS_KEY) if settings else None):
        if isinstance(value, str) and value.strip().lower() in tuple(Theme):
            return Theme(value.strip().lower())
    return Theme.SYSTEM


def save_theme(settings: QSettings, theme: Theme) -> None:
    settings.setValue(SETTINGS_KEY, theme.value)


class _State:
    """What the application looked like before a theme was applied, to go back to it."""

    applied: Theme | None = None
    style: str | None = None
    following: bool = False
    tab_style: QProxyStyle | None = None


def apply_theme(theme: Theme, app: QApplication | None = None) -> None:
    """Paint the whole application in `theme`; open windows repaint (they get a palette
    change, and the views that draw their own colours redraw on it)."""
    app = app or _application()
    if _State.style is None:
        _State.style = _style_name(app.style())
    _State.applied = theme
    if not _State.following:
        # The system's scheme changes while the application runs (a desktop's night mode).
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow_system())
        _State.following = True
    if theme == Theme.SYSTEM:
        _set_style(app, _State.style)
        app.setPalette(QPalette())  # no role set: the platform's own palette
        app.setStyleSheet(CHECKED_STYLE)
        # Some platforms report a dark scheme but give a light palette (no platform theme):
        # then the dark palette is ours.
        dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
        if dark and not _palette_is_dark(app.palette()):
            _set_style(app, "Fusion")
            app.setPalette(dark_palette())
        return
    _set_style(app, "Fusion")  # the one style that paints any palette faithfully everywhere
    if theme == Theme.LIGHT:
        app.setPalette(readable_selection(app.style().standardPalette()))
        app.setStyleSheet(CHECKED_STYLE)
    elif theme == Theme.DARK:
        app.setPalette(dark_palette())
        app.setStyleSheet(CHECKED_STYLE + dark_indicators())
    else:
        app.setPalette(contrast_palette())
        app.setStyleSheet(CHECKED_STYLE + CONTRAST_STYLE + contrast_indicators())


def applied_theme() -> Theme:
    return _State.applied or Theme.SYSTEM


def _follow_system() -> None:
    if _State.applied == Theme.SYSTEM:
        apply_theme(Theme.SYSTEM)


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a QApplication first"
    return app


def _set_style(app: QApplication, name: str | None) -> None:
    # Under a style sheet the application's style is Qt's style-sheet style, which names no
    # style; the theme sets its sheet again after this.
    app.setStyleSheet("")
    if name and _style_name(app.style()) != name.lower():
        style = QStyleFactory.create(name)
        if style is not None:
            app.setStyle(style)
    if _style_name(app.style()) == "fusion" and not isinstance(app.style(), TabAccentsStyle):
        # Kept here: the application holds only Qt's pointer, and a proxy whose Python side
        # were collected would lose its override.
        _State.tab_style = TabAccentsStyle(QStyleFactory.create("Fusion"))
        app.setStyle(_State.tab_style)


def _style_name(style: QStyle) -> str:
    base = style.baseStyle() if isinstance(style, QProxyStyle) else style
    return base.name().lower()


class TabAccentsStyle(QProxyStyle):
    """Fusion, but the label of a tab not chosen stays where the chosen one's is: Fusion
    moves it 2 pixels down inside a clip that cuts the accent of a capital (« Énoncés » read
    « Enoncés »)."""

    def pixelMetric(  # noqa: N802 - Qt override
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 0
        return super().pixelMetric(metric, option, widget)


def _palette_is_dark(palette: QPalette) -> bool:
    return contrast.is_dark(palette.color(QPalette.ColorRole.Base).name())


def readable_selection(palette: QPalette) -> QPalette:
    """The palette with its selection darkened (or lightened) until its text reads on it:
    Fusion's own blue under white text is 3.7:1."""
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = palette.color(group, QPalette.ColorRole.HighlightedText).name()
        highlight = palette.color(group, QPalette.ColorRole.Highlight).name()
        palette.setColor(
            group, QPalette.ColorRole.Highlight, QColor(contrast.readable(highlight, text))
        )
    return palette


def _palette(colours: dict[QPalette.ColorRole, str], disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return readable_selection(palette)


def dark_palette() -> QPalette:
    role = QPalette.ColorRole
    return _palette(
        {
            role.Window: "#2b2d30",
            role.WindowText: "#e6e6e6",
            role.Base: contrast.DARK.base,
            role.AlternateBase: "#26282b",
            role.Text: contrast.DARK.text,
            role.PlaceholderText: "#9a9da1",
            role.Button: "#3a3c40",
            role.ButtonText: "#e6e6e6",
            role.BrightText: "#ffffff",
            role.Highlight: "#3574f0",
            role.HighlightedText: "#ffffff",
            role.Link: contrast.DARK.link,
            role.LinkVisited: "#c58af9",
            role.ToolTipBase: "#3a3c40",
            role.ToolTipText: "#f0f0f0",
            role.Light: "#4a4d52",
            role.Midlight: "#404246",
            role.Mid: "#2f3134",
            role.Dark: "#1b1c1e",
            role.Shadow: "#0d0d0d",
        },
        disabled_text="#8a8d91",
    )


def contrast_palette() -> QPalette:
    role = QPalette.ColorRole
    return _palette(
        {
            role.Window: "#000000",
            role.WindowText: "#ffffff",
            role.Base: contrast.HIGH_CONTRAST.base,
            role.AlternateBase: "#141414",
            role.Text: contrast.HIGH_CONTRAST.text,
            role.PlaceholderText: "#c8c8c8",
            role.Button: "#000000",
            role.ButtonText: "#ffffff",
            role.BrightText: "#ffffff",
            role.Highlight: "#ffff00",
            role.HighlightedText: "#000000",
            role.Link: contrast.HIGH_CONTRAST.link,
            role.LinkVisited: "#00ffff",
            role.ToolTipBase: "#000000",
            role.ToolTipText: "#ffffff",
            role.Light: "#ffffff",
            role.Midlight: "#ffffff",
            role.Mid: "#ffffff",
            role.Dark: "#ffffff",
            role.Shadow: "#ffffff",
        },
        disabled_text="#b0b0b0",
    )


# A pressed toggle (a source on the statement, the stance, the confidence) reads as pressed
# by more than a shade: in the palette's highlight, in every theme.
CHECKED_STYLE = """
QPushButton:checked, QToolButton:checked {
    background-color: palette(highlight);
    color: palette(highlighted-text);
    border: 1px solid palette(shadow);
    border-radius: 3px;
    padding: 3px 6px;
}
"""

# In high contrast every control shows its edge, and a pressed or checked button reads as
# such by more than a shade.
CONTRAST_STYLE = """
QPushButton, QToolButton, QComboBox, QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit,
QListView, QTreeView, QTableView, QTabBar::tab {
    border: 1px solid #ffffff;
}
QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator {
    border: 1px solid #ffffff; width: 12px; height: 12px;
}
QCheckBox::indicator:checked, QRadioButton::indicator:checked,
QAbstractItemView::indicator:checked {
    background: #ffff00;
}
QPushButton:checked, QToolButton:checked, QTabBar::tab:selected {
    background: #ffff00; color: #000000;
}
QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus {
    border: 2px solid #00ffff;
}
QPushButton:disabled, QToolButton:disabled { border: 1px dashed #b0b0b0; }
QPushButton { padding: 3px 8px; }
QTabBar::tab { padding: 4px 10px; margin-right: 2px; }
QToolBar QToolButton { border: 1px solid transparent; padding: 2px; }
QToolBar QToolButton:hover, QToolBar QToolButton:focus { border: 1px solid #ffffff; }
QToolBar QToolButton:disabled { border: 1px solid transparent; }
"""


def scheme(palette: QPalette | None = None) -> Scheme:
    """The colours to paint with under the application's palette (or `palette`)."""
    if palette is None:
        palette = QGuiApplication.palette()
    base = palette.color(QPalette.ColorRole.Base).name()
    text = palette.color(QPalette.ColorRole.Text).name()
    link = palette.color(QPalette.ColorRole.Link).name()
    if applied_theme() == Theme.CONTRAST:
        return Scheme(base, text, link, minimum=7.0, tint_strength=0.4)
    dark = contrast.is_dark(base)
    return Scheme(base, text, link, tint_strength=0.3 if dark else 0.22)


def _indicator(name: str) -> str:
    return (resources_dir() / "icons" / f"indicator-{name}.svg").as_posix()


def dark_indicators() -> str:
    """Check boxes whose edge stands out from a dark window (Fusion draws it in a shade of the
    window's own colour, under 2:1); styled, the box needs its tick drawn too."""
    return f"""
QCheckBox::indicator, QAbstractItemView::indicator {{
    border: 1px solid #9a9da1; border-radius: 2px; background: {contrast.DARK.base};
    width: 12px; height: 12px;
}}
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{
    background: #3574f0; border-color: #3574f0; image: url("{_indicator("check-white")}");
}}
QCheckBox::indicator:disabled, QAbstractItemView::indicator:disabled {{ border-color: #5a5d61; }}
"""


def contrast_indicators() -> str:
    """The marks a high-contrast style sheet must draw itself: once an indicator or a spin
    box is styled, Qt no longer draws its tick or its arrows."""
    url = _indicator
    return f"""
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{
    image: url("{url("check")}");
}}
QAbstractSpinBox::up-arrow {{ image: url("{url("up")}"); width: 8px; height: 6px; }}
QAbstractSpinBox::down-arrow {{ image: url("{url("down")}"); width: 8px; height: 6px; }}
"""
