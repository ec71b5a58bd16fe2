"""The Agreement view: how far the coders agree (Krippendorff's α, Cohen's κ, percent
agreement, per source and axis, overall or per article), and under it every statement they read
differently, their readings side by side, to open in its article or adjudicate.

Both are computed off the GUI thread (`services.agreement`, `services.adjudication`), again
after any edit while the view is shown; the disagreement chosen stays chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.layers import is_reserved
from app.domain.model import DomainError
from app.services import adjudication, browse
from app.services import agreement as agreement_service
from app.services.adjudication import Disagreement
from app.services.agreement import AgreementReport
from app.ui.agreement.commands import AdjudicationCommand
from app.ui.agreement.consensus_dialog import ConsensusDialog
from app.ui.agreement.models import DisagreementModel, FiguresModel
from app.ui.commands import push
from app.ui.errors import plain_message
from app.ui.i18n import number
from app.ui.lazy import LazyView
from app.ui.session import Session
from app.ui.worker import Background


@dataclass(frozen=True)
class _Computed:
    report: AgreementReport | None
    problem: str  # why there are no figures ("" when there are)
    disagreements: list[Disagreement]
    titles: dict[int, str]
    coders: tuple[str, ...]


def _compute(session: Session, chosen: tuple[str, ...]) -> _Computed:
    project = session.project
    coders = tuple(a for a in browse.judging_annotators(project) if not is_reserved(a))
    names = tuple(a for a in chosen if a in coders) or coders
    titles = {a.id: a.title for a in browse.list_articles(project, with_progress=False)}
    try:
        report: AgreementReport | None = agreement_service.agreement(project, annotators=names)
        problem = ""
    except DomainError as error:
        report, problem = None, plain_message(error)
    found = adjudication.disagreements(project, annotators=names) if len(names) > 1 else []
    return _Computed(report, problem, found, titles, coders)


class AgreementView(LazyView):
    open_statement = Signal(int, int)  # article id, statement id
    computed = Signal()  # figures and disagreements arrived (tests wait for it)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.result: _Computed | None = None
        self.chosen_coders: tuple[str, ...] = ()  # empty: every coder
        self.background = Background(self)
        self.background.finished.connect(self._show)
        self.background.failed.connect(self._failed)

        # A push button: its size makes room for the menu's arrow (a tool button's draws it
        # over the end of its text).
        self.coders_button = QPushButton()
        self.coders_menu = QMenu(self)
        self.coders_button.setMenu(self.coders_menu)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Whole selection"), "overall")
        self.scope.addItem(self.tr("Per article"), "article")
        self.scope.currentIndexChanged.connect(self._show_figures)
        scope_label = QLabel(self.tr("&Figures:"))
        scope_label.setBuddy(self.scope)
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.coders_button)
        top.addWidget(scope_label)
        top.addWidget(self.scope)
        top.addStretch(1)
        top.addWidget(self.status)

        self.figures = FiguresModel(self)
        self.figure_table = self._table(self.figures)
        self.disagreements = DisagreementModel(self)
        self.disagreement_table = self._table(self.disagreements)
        self.disagreement_table.doubleClicked.connect(lambda _index: self.open_chosen())
        self.disagreement_table.activated.connect(lambda _index: self.open_chosen())
        self.disagreement_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_actions()
        )
        self.disagreements_heading = QLabel()
        self.open_button = QPushButton(self.tr("&Open in Annotate"))
        self.open_button.clicked.connect(self.open_chosen)
        self.write_button = QPushButton(self.tr("&Write the consensus…"))
        self.write_button.clicked.connect(self.write_consensus)
        self.take_buttons: list[QPushButton] = []
        self.actions_row = QHBoxLayout()
        self.actions_row.addWidget(self.open_button)
        self.actions_row.addStretch(1)
        self.actions_row.addWidget(self.write_button)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.disagreements_heading)
        lower_layout.addWidget(self.disagreement_table, 1)
        lower_layout.addLayout(self.actions_row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.figure_table)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self._show_actions()

    @staticmethod
    def _table(model: FiguresModel | DisagreementModel) -> QTableView:
        table = QTableView()
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows go from cell to cell
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        # One line a row: the rows are many, and a statement's whole text is its tooltip.
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        return table

    # --- computing -------------------------------------------------------------------------

    def load(self) -> None:
        session, chosen = self.session, self.chosen_coders
        self.status.setText(self.tr("Computing…"))
        self.background.submit(lambda: _compute(session, chosen))

    def _show(self, result: _Computed) -> None:
        keep = self.chosen_disagreement()
        self.result = result
        self._fill_coders(result.coders)
        self.disagreements.set_rows(result.disagreements)
        self._show_figures()
        report = result.report
        if report is None and len(result.coders) < 2:  # the service's reason, in the window's words
            self.status.setText(
                self.tr(
                    "Agreement needs two or more annotators; the only one here is “{name}”."
                ).format(name=result.coders[0])
                if result.coders
                else self.tr("Agreement needs two or more annotators, and no one has tagged yet.")
            )
        elif report is None:
            self.status.setText(result.problem)
        else:
            coders = self.tr("%Ln coder(s)", "", len(report.annotators))
            self.status.setText(
                self.tr(
                    "%Ln statement(s) judged by two or more of the {coders}", "", report.units
                ).format(coders=coders)
            )
        self.disagreements_heading.setText(
            self.tr(
                "<b>Disagreements</b>: %Ln statement(s) the coders read differently",
                "",
                len(result.disagreements),
            )
        )
        self._fit_disagreements()
        self._reselect(keep.statement_id if keep is not None else None)
        self._show_actions()
        self.computed.emit()

    def _failed(self, message: str) -> None:
        self.result = None
        self.status.setText(message)
        self.figures.set_figures([], {})
        self.disagreements.set_rows([])
        self._show_actions()
        self.computed.emit()

    def _show_figures(self) -> None:
        if self.result is None or self.result.report is None:
            self.figures.set_figures([], {})
            return
        per_article = self.scope.currentData() == "article"
        figures = [
            f for f in self.result.report.figures if (f.article_id is not None) == per_article
        ]
        self.figures.set_figures(figures, self.result.titles)
        self._fit(self.figure_table)
        self.figure_table.setColumnHidden(FiguresModel.ARTICLE_COLUMN, not per_article)

    @staticmethod
    def _fit(table: QTableView) -> None:
        header = table.horizontalHeader()
        for column in range(max(header.count() - 1, 0)):
            table.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column), 360))

    def _fit_disagreements(self) -> None:
        """The statement's text takes the room the readings leave: no sideways scrolling at
        the window's smallest size with two or three coders."""
        table, header = self.disagreement_table, self.disagreement_table.horizontalHeader()
        header.setStretchLastSection(False)
        width = table.fontMetrics().averageCharWidth()
        header.resizeSection(0, 22 * width)
        table.resizeColumnToContents(1)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Each reading as wide as its longest (within bounds): "▲ Seoul neutral · Unknown" whole,
        # an empty consensus narrow.
        for column in range(3, self.disagreements.columnCount()):
            wanted = table.sizeHintForColumn(column)
            header.resizeSection(column, max(14 * width, min(wanted, 36 * width)))

    def _fill_coders(self, coders: tuple[str, ...]) -> None:
        self.coders_menu.clear()
        for name in coders:
            action = QAction(name, self.coders_menu)
            action.setCheckable(True)
            action.setChecked(not self.chosen_coders or name in self.chosen_coders)
            action.toggled.connect(self._coders_changed)
            self.coders_menu.addAction(action)
        chosen = [a.text() for a in self.coders_menu.actions() if a.isChecked()]
        if len(chosen) == len(coders):
            text = self.tr("Coders: all ({count})").format(count=number(len(coders)))
        else:
            text = self.tr("Coders: {names}").format(names=", ".join(chosen))
        self.coders_button.setText(text)

    def _coders_changed(self) -> None:
        chosen = tuple(a.text() for a in self.coders_menu.actions() if a.isChecked())
        everyone = len(chosen) == len(self.coders_menu.actions())
        self.chosen_coders = () if everyone else chosen
        self.load()

    # --- the chosen disagreement -------------------------------------------------------------

    def chosen_disagreement(self) -> Disagreement | None:
        index = self.disagreement_table.currentIndex()
        return self.disagreements.disagreement(index.row()) if index.isValid() else None

    def choose(self, statement_id: int) -> bool:
        """Make a statement's disagreement the chosen one (tests, and after a reload)."""
        return self._reselect(statement_id)

    def _reselect(self, statement_id: int | None) -> bool:
        for row, item in enumerate(self.disagreements.rows):
            if item.statement_id == statement_id:
                self.disagreement_table.setCurrentIndex(self.disagreements.index(row, 0))
                return True
        return False

    def _show_actions(self) -> None:
        chosen = self.chosen_disagreement()
        for button in self.take_buttons:
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.take_buttons = []
        for reading in chosen.readings if chosen is not None else ():
            button = QPushButton(self.tr("Take {name}'s").format(name=reading.annotator))
            button.setToolTip(
                self.tr("The consensus of this statement becomes {name}'s reading").format(
                    name=reading.annotator
                )
            )
            button.clicked.connect(lambda _checked=False, name=reading.annotator: self.take(name))
            self.actions_row.insertWidget(self.actions_row.count() - 1, button)
            self.take_buttons.append(button)
        self.open_button.setEnabled(chosen is not None)
        self.write_button.setEnabled(chosen is not None)

    def open_chosen(self) -> None:
        chosen = self.chosen_disagreement()
        if chosen is not None:
            self.open_statement.emit(chosen.article_id, chosen.statement_id)

    def take(self, annotator: str) -> bool:
        """Adjudicate the chosen disagreement: `annotator`'s reading becomes the consensus."""
        chosen = self.chosen_disagreement()
        if chosen is None:
            return False
        text = QCoreApplication.translate(
            "AgreementView", "take {name}'s reading of statement {position} of “{title}”"
        ).format(name=annotator, position=chosen.position, title=chosen.article_title)
        command = AdjudicationCommand(self.session, chosen.statement_id, text, annotator=annotator)
        return push(self.session.undo_stack, command)

    def write_consensus(self) -> bool:
        chosen = self.chosen_disagreement()
        if chosen is None:
            return False
        sources, levels = browse.sources_and_levels(self.session.project)
        start = chosen.consensus or (chosen.readings[0] if chosen.readings else None)
        dialog = ConsensusDialog(sources, levels, start, self)
        if dialog.exec() != ConsensusDialog.DialogCode.Accepted:
            return False
        text = QCoreApplication.translate(
            "AgreementView", "write the consensus of statement {position} of “{title}”"
        ).format(position=chosen.position, title=chosen.article_title)
        command = AdjudicationCommand(self.session, chosen.statement_id, text, tags=dialog.tags())
        return push(self.session.undo_stack, command)
