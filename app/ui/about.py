"""Help ▸ About (version, licence, the libraries Sourcetrack runs on, with their versions) and
Help ▸ User guide (resources/guide/<language>.md, in the interface's language)."""

from __future__ import annotations

import platform
import re
from html import escape
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.ui.i18n import interface_language
from app.ui.icons import app_icon, resources_dir

DISTRIBUTION = "sourcetrack"
LICENCE = "MIT"


def licence() -> str:
    """The licence the installed package declares (its SPDX expression)."""
    try:
        declared = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return LICENCE
    key = "License-Expression"
    return str(declared[key]) if key in declared and declared[key] else LICENCE


def dependencies() -> list[tuple[str, str]]:
    """(name, installed version) of each library the installed Sourcetrack requires (not the
    test tools), in the order pyproject.toml lists them."""
    try:
        required = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []
    found: list[tuple[str, str]] = []
    for requirement in required:
        if "extra ==" in requirement:
            continue
        match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
        if match is None:
            continue
        name = match.group(0)
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "—"
        if all(name != seen for seen, _ in found):
            found.append((name, version))
    return found


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Sourcetrack"))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(QSize(72, 72)))
        self.heading = heading = QLabel(
            "<h2>Sourcetrack {version}</h2><p>{what}</p><p>{licence}</p>".format(
                version=escape(__version__),
                what=escape(
                    self.tr(
                        "Tag who claims what in the news, and compare the sources side by side."
                    )
                ),
                licence=escape(self.tr("Free software under the {licence} licence.")).format(
                    licence=licence()
                ),
            )
        )
        heading.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addWidget(heading, 1)
        self.libraries = QTextBrowser()
        self.libraries.setHtml(self._libraries_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Sourcetrack runs on these libraries:")))
        layout.addWidget(self.libraries, 1)
        layout.addWidget(buttons)
        self.resize(520, 520)

    def _libraries_html(self) -> str:
        rows = [
            ("Python", platform.python_version()),
            ("Qt", qVersion()),
            ("PySide6", pyside_version),
            *dependencies(),
        ]
        cells = "".join(
            f"<tr><td>{escape(name)}</td><td>{escape(version)}</td></tr>" for name, version in rows
        )
        # Worded outside the f-string: pyside6-lupdate does not read inside one.
        library, version = escape(self.tr("Library")), escape(self.tr("Version"))
        return (
            "<table cellpadding='3'>"
            f"<tr><th align='left'>{library}</th>"
            f"<th align='left'>{version}</th></tr>{cells}</table>"
        )


class GuideDialog(QDialog):
    """The short user guide, in the interface's language (English when it has none)."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sourcetrack user guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_text(language or interface_language()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(720, 600)


def guide_text(language: str) -> str:
    folder = resources_dir() / "guide"
    path = folder / f"{language}.md"
    if not path.exists():
        path = folder / "en.md"
    return path.read_text(encoding="utf-8")
