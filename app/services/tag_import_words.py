"""What a tag import says for the user: the file refused, a row's problem, an import
interrupted (catalogue messages, see app/domain/wording)."""

from __future__ import annotations

from app.domain.wording import QT_TRANSLATE_NOOP

CSV_TOO_LARGE = QT_TRANSLATE_NOOP("Refusals", "{name} is larger than {size} MB")
MISSING_COLUMNS = QT_TRANSLATE_NOOP(
    "Refusals", "{name} is not a Sourcetrack tag CSV: missing column(s) {columns}"
)
NOT_UTF8 = QT_TRANSLATE_NOOP("Refusals", "{name} is not UTF-8 text")
CSV_BROKEN = QT_TRANSLATE_NOOP("Refusals", "{name}, line {line}: {reason}")
WRONG_FIELD_COUNT = QT_TRANSLATE_NOOP("Refusals", "line {line}: wrong number of fields")
LINE_PROBLEM = QT_TRANSLATE_NOOP("Refusals", "line {line}: {reason}")
FILE_NOT_IMPORTED = QT_TRANSLATE_NOOP("Refusals", "{name} was not imported; {problems}")
AND_PROBLEM = QT_TRANSLATE_NOOP("Refusals", "{problems}; {problem}")  # one more in a list
BAD_OFFSETS = QT_TRANSLATE_NOOP("Refusals", "bad offsets '{start}'..'{end}'")
NO_SUCH_STATEMENT = QT_TRANSLATE_NOOP(
    "Refusals", "no article titled '{title}' has that statement text at {start}..{end}"
)
UNKNOWN_STANCE = QT_TRANSLATE_NOOP("Refusals", "unknown stance '{stance}'")
UNKNOWN_SOURCE = QT_TRANSLATE_NOOP(
    "Refusals", "unknown source '{source}' (add it first with 'sources add')"
)
MARK_NAMES_SOURCE = QT_TRANSLATE_NOOP(
    "Refusals", "a '{stance}' row names no source, not '{source}'"
)
# A "no source" row that gives a level or a note, by the columns it fills (one, two or three).
MARK_HAS_VALUE = (
    QT_TRANSLATE_NOOP("Refusals", "a '{stance}' row has no {first}"),
    QT_TRANSLATE_NOOP("Refusals", "a '{stance}' row has no {first} nor {second}"),
    QT_TRANSLATE_NOOP("Refusals", "a '{stance}' row has no {first} nor {second} nor {third}"),
)
CROSSES_STATEMENTS = QT_TRANSLATE_NOOP(
    "Refusals", "the selection crosses several statements; merge them first"
)
RUNS_PAST_STATEMENT = QT_TRANSLATE_NOOP(
    "Refusals", "the selection runs past the statement it starts in"
)
STATEMENT_PROBLEM = QT_TRANSLATE_NOOP("Refusals", "the statement at {start}..{end}: {reason}")
ARTICLE_GONE = QT_TRANSLATE_NOOP(
    "Refusals", "the article '{title}' was deleted after the file was checked"
)
SOURCE_GONE = QT_TRANSLATE_NOOP(
    "Refusals", "the source '{source}' was deleted after the file was checked"
)
LEVEL_GONE = QT_TRANSLATE_NOOP(
    "Refusals", "its confidence level was removed after the file was checked"
)
CHANGED_DURING_IMPORT = QT_TRANSLATE_NOOP(
    "Refusals", "line {line}: {reason} (the project changed during the import)"
)
LINES_FAILED = QT_TRANSLATE_NOOP("Refusals", "lines {first}–{last}: {reason}")
NOTHING_WRITTEN = QT_TRANSLATE_NOOP(
    "Refusals", "{name} was not imported; {problem}; nothing was written"
)
IMPORTED_IN_PART = QT_TRANSLATE_NOOP(
    "Refusals",
    "{name} was imported only in part; {problem}. Lines 2–{last} ({written} of {rows} rows) "
    "were imported, the rest not: run the same import again to complete it (nothing is added "
    "twice)",
)
