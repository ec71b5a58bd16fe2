"""The interface's language: Sourcetrack's catalogues and Qt's own, chosen once at start.

The catalogues are `resources/translations/sourcetrack_<language>.ts` (kept in the repository,
refreshed by `scripts/translations`); Qt loads their compiled `.qm`, which `scripts/setup`
builds and which are built here again when missing or older than their `.ts`. English is the
source language: its catalogue holds only the plural forms ("1 article", "2 articles").
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)

from app.domain.language import quoted
from app.domain.wording import COUNTS, Count
from app.ui.words import STANCE_WORDS, Words

log = logging.getLogger(__name__)

LANGUAGES = ("en", "fr")  # the interface's languages; the first is the source language
LANGUAGE_KEY = "interface/language"  # QSettings: "en", "fr", or "" to follow the system
LANGUAGE_ENV = "SOURCETRACK_LANGUAGE"  # overrides the preference (tests, screenshots)
CATALOGUE = "sourcetrack"

# Kept so that a second call replaces the first one's translators instead of stacking them.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """resources/translations: inside the installed package, or at the top of a checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "resources", package_dir.parent / "resources"):
        if (candidate / "translations").is_dir():
            return candidate / "translations"
    return package_dir.parent / "resources" / "translations"


def preferred_language(settings: QSettings) -> str | None:
    """The language asked for: the environment's override, else the stored preference; None
    follows the system's locale."""
    for asked in (os.environ.get(LANGUAGE_ENV, ""), str(settings.value(LANGUAGE_KEY, "") or "")):
        if asked.strip().lower() in LANGUAGES:
            return asked.strip().lower()
    return None


def system_language() -> str:
    """The first of the system's preferred languages that the interface has, else English."""
    for name in QLocale.system().uiLanguages():
        language = name.replace("_", "-").split("-")[0].lower()
        if language in LANGUAGES:
            return language
    return LANGUAGES[0]


def install_translations(app: QCoreApplication, language: str | None) -> str:
    """Show the interface in `language` ("en", "fr"; None: the system's), with numbers and
    dates in its format and Qt's standard buttons and dialogs in it too. Returns the language
    installed. Widgets built before the call keep their words: call it before the window."""
    chosen = language if language in LANGUAGES else system_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    catalogue = compiled_catalogue(chosen)
    if catalogue is not None:
        _load(app, str(catalogue.parent), catalogue.stem)
    if chosen != LANGUAGES[0]:  # Qt's own words (OK, Cancel, the file dialogs) are English
        _load(app, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{chosen}")
    system = QLocale.system()
    # The system's own region when it speaks the language (fr_CA stays Canadian), else the
    # language's main one.
    QLocale.setDefault(
        system if system.name().split("_")[0] == chosen else QLocale(_locale_name(chosen))
    )
    return chosen


def _locale_name(language: str) -> str:
    return {"en": "en_US", "fr": "fr_FR"}.get(language, language)


def _load(app: QCoreApplication, folder: str, name: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, folder):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.warning("no translation %s in %s", name, folder)


def compiled_catalogue(language: str) -> Path | None:
    """The `.qm` of a language's catalogue, compiled now if it is missing or older than its
    `.ts` (into a temporary folder when the installed one cannot be written)."""
    source = translations_dir() / f"{CATALOGUE}_{language}.ts"
    compiled = source.with_suffix(".qm")
    if not source.exists():
        return compiled if compiled.exists() else None
    if compiled.exists() and compiled.stat().st_mtime >= source.stat().st_mtime:
        return compiled
    if not os.access(source.parent, os.W_OK):
        compiled = Path(tempfile.gettempdir()) / "sourcetrack-translations" / compiled.name
        compiled.parent.mkdir(exist_ok=True)
    return compiled if _release(source, compiled) else None


def _release(source: Path, compiled: Path) -> bool:
    tool = lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: the interface stays in English")
        return False
    done = subprocess.run(
        [tool, "-silent", str(source), "-qm", str(compiled)], capture_output=True, check=False
    )
    if done.returncode != 0:
        log.warning(
            "pyside6-lrelease failed on %s: %s", source, done.stderr.decode(errors="replace")
        )
    return done.returncode == 0 and compiled.exists()


def lrelease() -> str | None:
    """PySide6's pyside6-lrelease: beside this Python (a virtual environment), else on PATH."""
    for beside in (
        Path(sys.executable).parent / name for name in ("pyside6-lrelease", "pyside6-lrelease.exe")
    ):
        if beside.exists():
            return str(beside)
    return shutil.which("pyside6-lrelease")


def translated(text: str) -> str:
    """A presenter's or a service's text (see `app.domain.wording`) in the interface's
    language, and the texts filled into it; any other text as it is."""
    if isinstance(text, Count):  # with the plural form of its count
        return QCoreApplication.translate(COUNTS, text.phrase, text.about or None, text.n)
    if not isinstance(text, Words):
        return text
    worded = QCoreApplication.translate(text.context, text.source)
    if not text.arguments:
        return worded
    arguments = {
        name: translated(value) if isinstance(value, Words | Count) else value
        for name, value in text.arguments.items()
    }
    try:
        return worded.format(**arguments)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        log.warning("translation of %r does not fit its arguments", text.source)
        return text.source.format(**arguments)


def number(value: int) -> str:
    """A count in the interface's format (1,234 in English, 1 234 in French)."""
    return QLocale().toString(value)


def decimal(value: float, places: int) -> str:
    """A measure with `places` decimals in the interface's format (0.815; 0,815 in French),
    with a true minus sign."""
    return QLocale().toString(float(value), "f", places).replace("-", "\u2212")


def percent(fraction: float) -> str:
    """A share (0.188) as the interface writes a percentage: 18.8% in English, 18,8 % (a
    narrow no-break space before the sign) in French."""
    figure = decimal(fraction * 100, 1)
    if QLocale().language() == QLocale.Language.English:
        return f"{figure}%"
    return f"{figure}\u202f%"


def month_text(month: str) -> str:
    """A month of publication ("2024-11") as the interface names it: "Nov 2024", « nov. 2024 »;
    anything else as it is."""
    year, _, number_of_month = month.partition("-")
    if not (year.isdigit() and number_of_month.isdigit() and 1 <= int(number_of_month) <= 12):
        return month
    return QLocale().toString(QDate(int(year), int(number_of_month), 1), "MMM yyyy")


def language_name(code: str) -> str:
    """An article's language ("fr", "en", "unknown") as the interface names it; the code
    itself for any other."""
    names = {
        "fr": QCoreApplication.translate("Languages", "French"),
        "en": QCoreApplication.translate("Languages", "English"),
        "unknown": QCoreApplication.translate("Languages", "unknown"),
    }
    return names.get(code, code)


def stance_word(stance: str) -> str:
    """A stance ("asserts", "denies", "neutral", "mixed") in the interface's language."""
    return translated(STANCE_WORDS.get(stance, Words("Stance", stance)))


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def date_text(day: date) -> str:
    """A date as the interface shows it: ISO 8601 in English (unambiguous between the
    American and British orders, and what the previous versions showed), the locale's own
    numeric form, with the whole year, in other languages (07/11/2024 in French)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), date_pattern())


def date_pattern() -> str:
    """The date fields' and lists' pattern (see `date_text`): yyyy-MM-dd, dd/MM/yyyy…"""
    locale = QLocale()
    if locale.language() == QLocale.Language.English:
        return "yyyy-MM-dd"
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


class Counted(QObject):
    """Counts in words, with their plural forms ("1 tag", "2 tags"; « 1 étiquette »), for the
    code that is no QObject: `pyside6-lupdate` marks plural forms only in `self.tr` calls."""

    def tags(self, n: int) -> str:
        return self.tr("%Ln tag(s)", "", n)

    def claim_links(self, n: int) -> str:
        return self.tr("%Ln claim link(s)", "", n)

    def statements(self, n: int) -> str:
        return self.tr("%Ln statement(s)", "", n)

    def articles(self, n: int) -> str:
        return self.tr("%Ln article(s)", "", n)

    def claims(self, n: int) -> str:
        return self.tr("%Ln claim(s)", "", n)

    def suggestions(self, n: int) -> str:
        return self.tr("%Ln suggestion(s)", "", n)

    def marks(self, n: int) -> str:
        """"No source" marks."""
        return self.tr("%Ln “no source” mark(s)", "", n)

    def reviews(self, n: int) -> str:
        return self.tr("%Ln review(s)", "", n)

    def conflicts(self, n: int) -> str:
        return self.tr("%Ln conflict(s)", "", n)

    def more_conflicts(self, n: int) -> str:
        """Conflicts beyond those listed: "3 more conflicts"."""
        return self.tr("%Ln more conflict(s)", "", n)

    def articles_found(self, found: int, n: int) -> str:
        """`found` of `n` articles: "2 of 4 articles found here"."""
        return self.tr("{found} of %Ln article(s) found here", "", n).format(found=number(found))


def counted() -> Counted:
    return Counted()


class CountPhrases(QObject):
    """Every counted phrase the services word (`app.domain.wording.Count`), listed here for
    `pyside6-lupdate`, which marks plural forms only in `self.tr` calls; `translated` words
    a `Count` with the forms they gave the catalogue."""

    def listed(self, n: int) -> dict[tuple[str, str], str]:
        """(phrase, what it counts) to the phrase worded for `n` (the tests check the list)."""
        phrases = {
            ("%Ln article(s) added", ""): self.tr("%Ln article(s) added", "", n),
            ("%Ln already there", "articles"): self.tr("%Ln already there", "articles", n),
            ("%Ln tag(s) added", ""): self.tr("%Ln tag(s) added", "", n),
            ("%Ln updated", "tags"): self.tr("%Ln updated", "tags", n),
            ("%Ln unchanged", "tags"): self.tr("%Ln unchanged", "tags", n),
            ("%Ln kept", "tags"): self.tr("%Ln kept", "tags", n),
            ("%Ln statement(s) made", ""): self.tr("%Ln statement(s) made", "", n),
            ("%Ln selection(s) moved", ""): self.tr("%Ln selection(s) moved", "", n),
        }
        phrases[("%Ln empty selection(s) left out", "")] = self.tr(
            "%Ln empty selection(s) left out", "", n
        )
        phrases[("%Ln note(s) not linked to a selection not imported", "")] = self.tr(
            "%Ln note(s) not linked to a selection not imported", "", n
        )
        phrases[
            (
                "%Ln note(s) not linked to a selection left out: a tag imported with its "
                "selection has the same note",
                "",
            )
        ] = self.tr(
            "%Ln note(s) not linked to a selection left out: a tag imported with its "
            "selection has the same note",
            "",
            n,
        )
        return phrases


def interface_language() -> str:
    """The language the interface shows ("en", "fr"), as `install_translations` set it."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def quoted_text(text: str) -> str:
    """`text` in the quotation marks of the interface's language: “…”, « … »."""
    return quoted(text, interface_language())
