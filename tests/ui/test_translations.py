"""The interface in French and English: both catalogues complete and up to date with the code,
plural forms in both languages, and a French window with no English left in sight."""

from __future__ import annotations

import ast
import html
import itertools
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from engines import Location
from PySide6.QtCore import QLocale, QModelIndex, QSettings, Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from app.ui.i18n import (
    counted,
    date_pattern,
    date_text,
    decimal,
    install_translations,
    month_text,
    number,
    percent,
    translations_dir,
)
from app.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
CATALOGUES = translations_dir()
FRENCH, ENGLISH = CATALOGUES / "sourcetrack_fr.ts", CATALOGUES / "sourcetrack_en.ts"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%L?n")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    plural: bool
    forms: tuple[str, ...]  # the translation, or its plural forms
    finished: bool


def messages(path: Path) -> list[Message]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            plural = message.get("numerus") == "yes"
            forms = (
                tuple(f.text or "" for f in translation.iter("numerusform"))
                if plural
                else (translation.text or "",)
            )
            finished = translation.get("type") is None  # not unfinished, vanished nor obsolete
            found.append(Message(name, message.findtext("source") or "", plural, forms, finished))
    return found


def worded_modules() -> list[Path]:
    """What `scripts/translations` reads: the window, and the domain, services and store whose
    refusals it shows (the command line speaks English)."""
    packages = ("ui", "domain", "services", "store")
    return sorted(p for package in packages for p in (REPO / "app" / package).rglob("*.py"))


def lupdate() -> str:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    tool = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    assert tool, "pyside6-lupdate ships with PySide6: it must be there"
    return tool


# --- the catalogues ----------------------------------------------------------------------------


def test_every_french_message_is_translated_with_its_placeholders() -> None:
    unfinished, broken = [], []
    for m in messages(FRENCH):
        if (
            not m.finished
            or not all(f.strip() for f in m.forms)
            or len(m.forms) != (2 if m.plural else 1)
        ):
            unfinished.append((m.context, m.source))
            continue
        wanted = sorted(PLACEHOLDER.findall(m.source))
        for form in m.forms:
            # A plural form may leave the count out ("accepter la suggestion"), nothing else.
            if sorted(p for p in PLACEHOLDER.findall(form) if "%" not in p) != [
                p for p in wanted if "%" not in p
            ]:
                broken.append((m.context, m.source, form))
    assert not unfinished, f"French catalogue: {len(unfinished)} unfinished: {unfinished[:10]}"
    assert not broken, f"placeholders lost or added in French: {broken[:10]}"


def test_french_typography_puts_a_no_break_space_before_high_punctuation() -> None:
    loose = [
        form
        for m in messages(FRENCH)
        for form in m.forms
        # Punctuation, not a URL's "://" nor a file filter's "(*.txt)": followed by a space.
        if re.search(r"(?<![\u00a0\u202f])[:;?!](?=\s|$)", form)
        or re.search(r"«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»", form)
    ]
    assert not loose, f"French punctuation without its no-break space: {loose[:10]}"


def test_english_catalogue_supplies_the_plural_forms() -> None:
    english = {(m.context, m.source): m for m in messages(ENGLISH)}
    french_plurals = {(m.context, m.source) for m in messages(FRENCH) if m.plural}
    assert set(english) == french_plurals
    for m in english.values():
        assert m.finished and len(m.forms) == 2 and all(f.strip() for f in m.forms), m


def test_catalogues_hold_every_string_of_the_code_and_no_other(tmp_path: Path) -> None:
    """`scripts/translations` was run after the last string changed (run it, then translate
    what it marks unfinished)."""
    sources = sorted(str(p) for p in worded_modules())
    fresh = tmp_path / "fresh.ts"
    done = subprocess.run(
        [lupdate(), "-locations", "none", *sources, "-ts", str(fresh)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    in_code = {(m.context, m.source, m.plural) for m in messages(fresh)}
    kept = {(m.context, m.source, m.plural) for m in messages(FRENCH) if m.finished}
    assert not in_code - kept, f"strings without a translation: {sorted(in_code - kept)[:10]}"
    assert not kept - in_code, f"translations of strings gone: {sorted(kept - in_code)[:10]}"


def test_no_string_is_worded_where_lupdate_cannot_see_it() -> None:
    """pyside6-lupdate reads `self.tr("…")`, `QCoreApplication.translate("Context", "…")` and
    `QT_TRANSLATE_NOOP("Context", "…")` with literal texts: a call inside an f-string, or a
    helper such as `_tr("…")`, leaves its text out of the catalogue (and English on screen)."""
    hidden = []
    for path in worded_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            calls = [node] if isinstance(node, ast.Call) else []
            if isinstance(node, ast.JoinedStr):
                calls = [c for v in node.values for c in ast.walk(v) if isinstance(c, ast.Call)]
                # str.translate(table) takes one argument; Qt's translate a context and a text.
                calls = [
                    c
                    for c in calls
                    if _name(c) == "tr" or (_name(c) == "translate" and len(c.args) >= 2)
                ]
            for call in calls:
                name = _name(call)
                literal = call.args and isinstance(
                    call.args[-1 if name == "tr" else 0], ast.Constant
                )
                if isinstance(node, ast.JoinedStr) or (name.startswith("_tr") and literal):
                    hidden.append(f"{path.relative_to(REPO)}:{call.lineno}")
    assert not hidden, f"texts lupdate cannot see: {hidden}"


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


# --- plurals, numbers, dates -------------------------------------------------------------------


@pytest.fixture
def interface(qapp: QApplication) -> Iterator[Callable[[str], str]]:
    """Switch the interface's language; English (the tests' language) again afterwards."""
    saved = QLocale()
    yield lambda language: install_translations(qapp, language)
    install_translations(qapp, "en")
    QLocale.setDefault(saved)


def test_plurals_numbers_and_dates_in_both_languages(interface) -> None:
    assert interface("en") == "en"
    words = counted()
    assert (words.articles(1), words.articles(2)) == ("1 article", "2 articles")
    assert (words.statements(1), words.tags(3)) == ("1 statement", "3 tags")
    assert words.statements(1234) == "1,234 statements"
    assert date_text(date(2024, 11, 7)) == "2024-11-07"
    assert interface("fr") == "fr"
    assert (words.articles(1), words.articles(2)) == ("1 article", "2 articles")
    assert (words.statements(0), words.statements(1), words.tags(2)) == (
        "0 énoncé",
        "1 énoncé",
        "2 étiquettes",
    )
    assert words.statements(1234).replace("\u202f", "\u00a0") == "1\u00a0234 énoncés"
    assert number(1234).replace("\u202f", "\u00a0") == "1\u00a0234"
    assert date_text(date(2024, 11, 7)) == "07/11/2024"
    assert date_pattern() == "dd/MM/yyyy"  # the date fields' order too


def counted_phrases_of_the_code() -> set[tuple[str, str]]:
    """(phrase, what it counts) of every `Count(...)` below the window, its phrase a literal or
    a module's constant."""
    found = set()
    for path in worded_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node) == "Count" and node.args:
                first = node.args[0]
                phrase = (
                    first.value if isinstance(first, ast.Constant) else constants.get(
                        getattr(first, "id", ""), f"{path.name}:{node.lineno}: not a constant"
                    )
                )
                about = node.args[2] if len(node.args) > 2 else ast.Constant("")
                found.add((phrase, about.value if isinstance(about, ast.Constant) else "?"))
    return found


def test_counted_phrases_are_in_the_catalogue_with_their_plurals(interface) -> None:
    from app.domain.wording import Count
    from app.services.qdpx_import import ARTICLES_PART
    from app.ui.i18n import CountPhrases, translated

    used = counted_phrases_of_the_code()
    assert ("%Ln tag(s) added", "") in used and ("%Ln updated", "tags") in used
    assert used <= set(CountPhrases().listed(1)), used - set(CountPhrases().listed(1))
    assert interface("en") == "en"
    assert (Count("%Ln tag(s) added", 1), Count("%Ln tag(s) added", 2)) == (
        "1 tag added",
        "2 tags added",
    )
    assert translated(Count("%Ln tag(s) added", 1234)) == "1,234 tags added"
    summary = ARTICLES_PART.format(
        added=Count("%Ln article(s) added", 1), found=Count("%Ln already there", 3, "articles")
    )
    assert summary == "1 article added, 3 already there"
    assert interface("fr") == "fr"
    assert translated(summary) == "1 article ajouté, 3 déjà présents"
    assert translated(Count("%Ln updated", 2, "tags")) == "2 mises à jour"


def test_measures_and_months_in_both_languages(interface) -> None:
    assert interface("en") == "en"
    assert (decimal(0.8154, 3), decimal(-0.58, 3), percent(0.188)) == ("0.815", "\u22120.580", "18.8%")
    assert month_text("2024-11") == "Nov 2024"
    assert interface("fr") == "fr"
    assert (decimal(0.8154, 3), decimal(-0.58, 3)) == ("0,815", "\u22120,580")
    assert percent(0.188) == "18,8\u202f%"
    assert month_text("2024-11") == "nov. 2024"
    assert month_text("not a month") == "not a month"


def test_a_risky_folder_is_worded_in_the_interface_language(interface) -> None:
    from app.services.location import storage_risk_at
    from app.ui.project_opener import storage_words

    risk = storage_risk_at("/home/ana/Dropbox/p.sourcetrack", mounts=[])
    assert risk is not None
    interface("en")
    english = storage_words(risk)
    assert english.startswith("/home/ana/Dropbox/p.sourcetrack is in a folder synced by Dropbox")
    interface("fr")
    assert "dossier synchronisé par Dropbox" in storage_words(risk)


# --- a French window ---------------------------------------------------------------------------

# Words of the English interface that French never uses ("compare", "or", "file" and
# "confidence" are French words too); one of them left in a visible text, once the project's
# own data is taken out of it, is an untranslated string.
ENGLISH_WORDS = set(
    """the of and with from by for this that these is are not no any all yet first new open save
    import export filter filters search choose claim claims statement statements stance tagged
    untagged tag tags outlet title author published language edit delete undo redo help keys
    chart charts only contested asserts denies side annotate details settings preferences cancel
    close quit show select selected split merge accept dismiss unknown nothing none reviewed mark
    clear paste recent project projects scale levels level colour name reliability aliases
    agreement coders toolbar""".split()
)


# A language's own name, as Preferences offers it (an English reader looks for "English").
ENDONYMS = {"English"}


def catalogue_sources() -> dict[str, str]:
    """English source texts (mnemonics taken out) whose French differs, to their French."""
    found = {}
    for m in messages(FRENCH):
        source = m.source.replace("&", "")
        if not m.plural and m.forms[0].replace("&", "") != source:
            found[source] = m.forms[0]
    return found


def visible_texts(widget: QWidget, documents: bool = False) -> Iterator[tuple[str, str]]:
    """(what, text) for every text a person can see in a window or dialog: titles, labels,
    buttons, menus and actions, tooltips, placeholders, choices, headers and the status bar;
    with `documents`, the text of its text boxes too (a dialog's table or guide: a view's are
    the articles themselves)."""
    for w in [widget, *widget.findChildren(QWidget)]:
        if documents and isinstance(w, QTextEdit):
            yield "document", w.toPlainText()
        kind = type(w).__name__
        if w.isWindow():
            yield f"{kind} title", w.windowTitle()
        yield f"{kind} tooltip", w.toolTip()
        for action in w.actions():
            yield f"{kind} action", action.text()
            yield f"{kind} action tooltip", action.toolTip()
        if isinstance(w, QMenu):
            yield "menu", w.title()
        if isinstance(w, QLabel):
            yield "label", w.text()
        if isinstance(w, QAbstractButton):
            yield f"{kind} text", w.text()
        if isinstance(w, QGroupBox):
            yield "group", w.title()
        if isinstance(w, QLineEdit | QTextEdit | QPlainTextEdit):
            yield f"{kind} placeholder", w.placeholderText()
        if isinstance(w, QDateEdit):
            yield "date", w.specialValueText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield "choice", w.itemText(i)
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                yield "tab", w.tabText(i)
                yield "tab tooltip", w.tabToolTip(i)
        if isinstance(w, QTableView | QTreeView) and w.model() is not None:
            model = w.model()
            for column in range(model.columnCount(QModelIndex())):
                yield "header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if isinstance(w, QMainWindow):
            yield "status", w.statusBar().currentMessage()
    figure = getattr(widget, "figure", None)  # the Charts view's matplotlib figure
    for ax in getattr(figure, "axes", []):
        yield "chart", ax.get_title()
        yield "chart", ax.get_xlabel()
        yield "chart", ax.get_ylabel()
        legend = ax.get_legend()
        for text in legend.get_texts() if legend else []:
            yield "chart legend", text.get_text()


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("&", "").strip()


class FrenchCheck:
    def __init__(self, data: set[str]) -> None:
        self.english = catalogue_sources()
        # Longest first: "Ministry of Defence" goes before "Defence".
        self.data = sorted((d for d in data if d and len(d) > 1), key=len, reverse=True)
        self.problems: list[tuple[str, str, str]] = []
        self.seen = 0

    def check(self, where: str, widget: QWidget, documents: bool = False) -> None:
        for what, raw in visible_texts(widget, documents):
            text = plain(raw)
            if not text:
                continue
            self.seen += 1
            if text in self.english and text not in ENDONYMS:
                self.problems.append((where, what, f"{text!r} (French: {self.english[text]!r})"))
                continue
            rest = text
            for datum in self.data:
                rest = rest.replace(datum, " ")
            words = set(re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", rest.lower()))
            if words & ENGLISH_WORDS:
                self.problems.append((where, what, f"{text!r}: {sorted(words & ENGLISH_WORDS)}"))

    def report(self) -> str:
        """Each text found wanting once, with the first place it was seen."""
        first: dict[str, tuple[str, str, str]] = {}
        for where, what, text in self.problems:
            first.setdefault(text, (where, what, text))
        return "\n".join(" · ".join(p) for p in first.values())


def settle(qtbot) -> None:
    """Let the background computations land and their results be shown."""
    for _ in range(4):
        QThreadPool.globalInstance().waitForDone(60_000)
        QApplication.processEvents()
        QTest.qWait(50)


def project_data(win: MainWindow) -> set[str]:
    """What the demo holds and the window shows as it is: names, titles, labels, paths."""
    from app.services import browse, statement_table
    from app.services import sources as source_service

    project = win.session.project
    choices = statement_table.filter_choices(project)
    data = {s.name for s in choices.sources} | {s.description or "" for s in choices.sources}
    data |= {c.label for c in choices.claims} | set(choices.outlets)
    for scale in source_service.list_scales(project):
        data |= {scale.name} | {lv.label for lv in scale.levels}
        data |= {lv.description for lv in scale.levels if lv.description}
    data |= set(browse.judging_annotators(project)) | {win.session.annotator}
    model = win.annotate.articles
    data |= {str(model.index(r, 0).data()) for r in range(model.rowCount())}
    data |= {project.short_name, str(project.display_name), *win.recent_projects()}
    return data


@pytest.fixture
def french_window(qtbot, tmp_path: Path, demo: Location, interface) -> MainWindow:
    interface("fr")
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(str(demo))
    return win


def test_the_french_window_shows_no_english(
    french_window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = french_window
    check = FrenchCheck(project_data(win))
    qtbot.waitUntil(lambda: "articles" in win.status_counts.text(), timeout=60_000)
    assert "énoncés" in win.status_counts.text()

    # Every view, with what it computed.
    tabs = win.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle(qtbot)
        check.check(f"tab {tabs.tabText(index)}", win)
        check.check(f"tab {tabs.tabText(index)} view", tabs.widget(index))
    charts = win.charts
    for index in range(charts.chart.count()):
        charts.chart.setCurrentIndex(index)
        settle(qtbot)
        check.check(f"chart {charts.chart.itemText(index)}", charts)

    # An edit: the status bar and Edit ▸ Undo say it in French.
    tabs.setCurrentWidget(win.annotate)
    qtbot.waitUntil(lambda: win.annotate.article is not None, timeout=60_000)
    win.mark_reviewed()
    assert "relu" in win.statusBar().currentMessage()
    assert win.undo_action.text().startswith("&Annuler")
    check.check("after an edit", win)

    # Every dialog the menus open: shown, read, then refused.
    def read_and_refuse(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        check.check(f"dialog {type(dialog).__name__}", dialog, documents=True)
        dialog.hide()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", read_and_refuse)
    for open_dialog in (
        win.show_shortcuts,
        win.edit_sources,
        win.export_dialog,
        win.paste_article,
        win.edit_article_details,
        win.show_preferences,
        win.new_team_project_dialog,
        win.open_team_project_dialog,
        *(
            getattr(win, name)
            for name in ("show_about", "show_guide", "change_annotator")
            if hasattr(win, name)
        ),
    ):
        open_dialog()
    from app.services.importing import ImportReport, ImportResult, Outcome
    from app.ui.errors import ErrorDialog
    from app.ui.import_ui import report_dialog

    read_and_refuse(ErrorDialog("—", "details", retry=True, parent=win))
    imported = ImportReport(
        [
            ImportResult("/tmp/a.txt", Outcome.IMPORTED, "article 7: 2 statements", 7, 2),
            ImportResult("/tmp/b.txt", Outcome.DUPLICATE, "already in the project", 7),
        ]
    )
    read_and_refuse(report_dialog(imported, win))
    asked: list[str] = []  # the confirmations: their words, then Cancel
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, title, text, *_a: (
            asked.append(f"{title} {text}") or QMessageBox.StandardButton.Cancel
        ),
    )
    tabs.setCurrentWidget(win.annotate)
    win.delete_article()
    assert asked and "énoncés" in asked[0] and "Supprimer" in asked[0], asked
    tabs.setCurrentWidget(win.compare)
    win.compare.articles_button.click()  # the articles to compare

    assert check.seen > 300, f"the check read {check.seen} texts: too few to mean anything"
    assert not check.problems, check.report()


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
FRENCH_DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")


def test_the_french_window_writes_dates_and_measures_the_french_way(
    french_window: MainWindow, qtbot
) -> None:
    """Side by side's quotes, the timeline's axis and the agreement's figures: dates as
    20/11/2024 and decimals with a comma, as everywhere else in the French window."""
    from app.services.browse import article_view
    from app.services.tagging import tag_statement

    win = french_window
    with qtbot.waitSignal(win.side_by_side.computed, timeout=60_000):
        win.tabs.setCurrentWidget(win.side_by_side)
    table = win.side_by_side.browser.toPlainText()
    assert FRENCH_DATE.search(table) and not ISO_DATE.search(table), table[:300]

    charts = win.charts
    win.tabs.setCurrentWidget(charts)
    settle(qtbot)
    timeline = charts.chart.findData("timeline")
    assert timeline >= 0
    charts.chart.setCurrentIndex(timeline)
    settle(qtbot)
    charts.canvas.draw()  # the tick labels are worded when the axis is drawn
    ticks = [t.get_text() for ax in charts.figure.axes for t in ax.get_xticklabels()]
    ticks = [t for t in ticks if t]
    assert ticks and all(FRENCH_DATE.fullmatch(t) for t in ticks), ticks
    # At even steps: no two dates crowded together where a month ends (29/11, 01/12).
    (axis,) = charts.figure.axes
    steps = {round(b - a, 6) for a, b in itertools.pairwise(axis.get_xticks())}
    assert len(steps) == 1, steps

    # A second coder who reads the first statements otherwise: figures to show.
    project = win.session.project
    view = article_view(project, 1)
    assert view is not None
    for statement in view.statements[:6]:
        tag_statement(project, statement.id, "Kremlin", stance="denies", annotator="bob")
    win.session.notify()
    agreement = win.tabs.agreement
    with qtbot.waitSignal(agreement.computed, timeout=60_000):
        win.tabs.setCurrentWidget(agreement)
    model = agreement.figures
    values = [str(model.index(r, 3).data()) for r in range(model.rowCount())]
    measured = [v for v in values if v != "—"]
    assert measured, values
    assert not any(re.search(r"\d\.\d", v) for v in measured), values
    assert any("," in v for v in measured) and all("-" not in v for v in measured), values


# --- choosing the language ---------------------------------------------------------------------


def test_preferences_store_the_language_for_the_next_start(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.i18n import LANGUAGE_ENV, preferred_language
    from app.ui.preferences import PreferencesDialog

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert preferred_language(settings) is None  # the system's language
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert "next start" in " ".join(t for _w, t in visible_texts(dialog))
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.accept()
    assert preferred_language(settings) == "fr"
    monkeypatch.setenv(LANGUAGE_ENV, "en")  # the tests' and the screenshots' override
    assert preferred_language(settings) == "en"


def test_a_catalogue_is_compiled_when_its_qm_is_missing_or_older(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui import i18n

    shutil.copy(FRENCH, tmp_path / FRENCH.name)
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    compiled = i18n.compiled_catalogue("fr")
    assert compiled == tmp_path / "sourcetrack_fr.qm" and compiled.stat().st_size > 1000
