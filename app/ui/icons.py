"""The application's icon and the toolbar's icons, shipped in resources/icons.

The toolbar's icons are line drawings whose stroke is `currentColor`: they are painted in the
palette's text colour, so that they read in the light, dark and high-contrast themes alike
(`themed_icon`, again after a change of theme).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer


@cache
def resources_dir() -> Path:
    """resources/: inside the installed package (app.resources), or at the top of a checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "resources", package_dir.parent / "resources"):
        if (candidate / "icons").is_dir():
            return candidate
    return package_dir.parent / "resources"


def app_icon() -> QIcon:
    """Sourcetrack's icon: the window's, the taskbar's, the About box's."""
    return QIcon(str(resources_dir() / "icons" / "sourcetrack.svg"))


def themed_icon(name: str, palette: QPalette | None = None) -> QIcon:
    """An action's icon (resources/icons/actions/NAME.svg) in the palette's text colour, with
    the palette's disabled text colour for a disabled action."""
    palette = palette or QGuiApplication.palette()
    source = (resources_dir() / "icons" / "actions" / f"{name}.svg").read_text(encoding="utf-8")
    icon = QIcon()
    for mode, group in (
        (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
    ):
        colour = palette.color(group, QPalette.ColorRole.WindowText).name()
        renderer = QSvgRenderer(QByteArray(source.replace("currentColor", colour).encode()))
        for size in (16, 20, 24, 32, 48):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon
