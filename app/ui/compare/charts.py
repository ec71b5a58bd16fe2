"""Drawing the charts with matplotlib (publication-quality, exports to PNG and SVG).

Functions take plain data (from `services.compare`) and a Figure; they know nothing of Qt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

import matplotlib
from matplotlib.dates import date2num, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from PySide6.QtCore import QCoreApplication

from app.domain.contrast import GRAPHIC_RATIO, LIGHT, TEXT_RATIO, Scheme, mix, readable
from app.domain.rows import LevelRow, ScaleRow, TimelinePoint
from app.ui.i18n import date_text, month_text, number, stance_word

STANCE_COLOURS = {"asserts": "#2e8b57", "denies": "#c0392b", "neutral": "#7f8c8d"}
STANCE_MARKERS = {"asserts": "^", "denies": "v", "neutral": "o"}


def _pivot(rows: list[tuple[Any, ...]]) -> tuple[list[str], list[Any], dict[tuple[str, Any], int]]:
    sources: list[str] = []
    groups: list[Any] = []
    values: dict[tuple[str, Any], int] = {}
    for source, group, count in rows:
        if source not in sources:
            sources.append(source)
        if group not in groups:
            groups.append(group)
        values[(source, group)] = int(count)
    return sources, groups, values


def _empty(figure: Figure, title: str) -> None:
    ax = figure.add_subplot()
    ax.set_title(title)
    ax.text(
        0.5,
        0.5,
        QCoreApplication.translate("Charts", "Nothing tagged yet"),
        ha="center",
        va="center",
        transform=ax.transAxes,
    )
    ax.set_axis_off()


def draw_totals(figure: Figure, rows: list[tuple[Any, ...]], colours: dict[str, str]) -> None:
    title = QCoreApplication.translate("Charts", "Statements per source")
    if not rows:
        return _empty(figure, title)
    ax = figure.add_subplot()
    names = [r[0] for r in rows]
    counts = [int(r[2]) for r in rows]
    bars = ax.bar(names, counts, color=[colours.get(n, "#888888") for n in names])
    ax.bar_label(bars, labels=[number(c) for c in counts])
    ax.set_title(title)
    ax.set_ylabel(QCoreApplication.translate("Charts", "tagged statements"))
    ax.spines[["top", "right"]].set_visible(False)


def draw(figure: Figure, data: Mapping[str, Any], scheme: Scheme) -> None:
    """The chart `data` asks for ("kind", "rows", …, as the Charts view computes them), in a
    theme's colours: its background and text, the sources' and stances' colours adjusted to
    stand out from that background (3:1 for bars and lines, 4.5:1 where they colour text)."""
    figure.clear()
    figure.set_facecolor(scheme.base)
    kind, rows = data["kind"], data["rows"]
    with matplotlib.rc_context(_style(scheme)):
        if kind == "total":
            bars = {n: scheme.source_graphic(c) for n, c in data["colours"].items()}
            draw_totals(figure, rows, bars)
        elif kind == "stance":
            stances = {s: scheme.source_graphic(c) for s, c in STANCE_COLOURS.items()}
            draw_stances(figure, rows, stances)
        elif kind == "confidence":
            draw_confidence(figure, rows, data["scales"], scheme)
        elif kind == "month":
            lines = {n: scheme.source_graphic(c) for n, c in data["colours"].items()}
            draw_over_time(figure, rows, lines)
        else:  # its labels are in the sources' colours: text
            labels = {n: scheme.source_text(c) for n, c in data["colours"].items()}
            draw_timeline(figure, data["claim"], rows, data["levels"], labels)


def _style(scheme: Scheme) -> dict[Any, Any]:
    """matplotlib's settings for a theme: the base behind, the text's colour for all text,
    axes, ticks and edges."""
    return {
        "figure.facecolor": scheme.base,
        "axes.facecolor": scheme.base,
        "savefig.facecolor": scheme.base,
        "text.color": scheme.text,
        "axes.labelcolor": scheme.text,
        "axes.edgecolor": scheme.text,
        "axes.titlecolor": scheme.text,
        "xtick.color": scheme.text,
        "ytick.color": scheme.text,
        "legend.labelcolor": scheme.text,
        "patch.edgecolor": scheme.text,
    }


def draw_stances(
    figure: Figure, rows: list[tuple[Any, ...]], colours: Mapping[str, str] = STANCE_COLOURS
) -> None:
    title = QCoreApplication.translate("Charts", "Stance per source")
    if not rows:
        return _empty(figure, title)
    ax = figure.add_subplot()
    sources, _groups, values = _pivot(rows)
    bottom = [0] * len(sources)
    for stance in ("asserts", "denies", "neutral"):
        heights = [values.get((s, stance), 0) for s in sources]
        ax.bar(
            sources,
            heights,
            bottom=bottom,
            label=stance_word(stance),
            color=colours[stance],
            hatch={"asserts": "", "denies": "//", "neutral": ".."}[stance],
            edgecolor=matplotlib.rcParams["axes.facecolor"],  # the hatching, in the background's
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_title(title)
    _counts_axis(ax)
    # Beside the bars, not on the tallest one.
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)


def _counts_axis(ax: Any) -> None:
    """A y axis of whole counts from zero: a drop from 6 to 4 must not look like a collapse."""
    from matplotlib.ticker import MaxNLocator

    ax.set_ylabel(QCoreApplication.translate("Charts", "tagged statements"))
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))


def confidence_bars(groups: Sequence[Any], scales: Sequence[ScaleRow]) -> list[tuple[int, str]]:
    """(level id, legend label) of each bar, from rows grouped by level id (0: not set): the
    active scale's levels, then any level that tags keep from another scale, named with its
    scale (a rank means a different level on each scale), then "not set"."""
    used = {int(g) for g in groups}
    bars: list[tuple[int, str]] = []
    for scale in sorted(scales, key=lambda s: not s.active):
        for level in scale.levels:
            if scale.active:
                bars.append((level.id, level.label))
            elif level.id in used:
                bars.append((level.id, f"{level.label} ({scale.name})"))
    return [*bars, (0, QCoreApplication.translate("Charts", "not set"))]


CONFIDENCE_HUE = "#2e86c1"  # the firmest level's blue; the others fade into the background


def confidence_palette(levels: int, scheme: Scheme = LIGHT) -> list[str]:
    """A colour per confidence level, firmest first: the firmest stands out from the chart's
    background by 3:1 at least in every theme, each weaker one nearer the background (every
    bar keeps an edge in the text's colour, so the faintest still shows)."""
    # The firmest as far from the background as text is, so that the steps down stay apart.
    firmest = readable(CONFIDENCE_HUE, scheme.base, max(GRAPHIC_RATIO, TEXT_RATIO))
    if levels <= 1:
        return [firmest]
    return [mix(scheme.base, firmest, 1 - 0.85 * i / (levels - 1)) for i in range(levels)]


def draw_confidence(
    figure: Figure, rows: list[tuple[Any, ...]], scales: Sequence[ScaleRow], scheme: Scheme = LIGHT
) -> None:
    """Statements per source and confidence level; `rows` grouped by level id."""
    title = QCoreApplication.translate("Charts", "Confidence per source")
    if not rows:
        return _empty(figure, title)
    ax = figure.add_subplot()
    sources, groups, values = _pivot(rows)
    bars = confidence_bars(groups, scales)
    width = 0.8 / len(bars)
    palette = confidence_palette(len(bars), scheme)
    for i, (level_id, label) in enumerate(bars):
        xs = [j + i * width for j in range(len(sources))]
        ax.bar(
            xs,
            [values.get((s, level_id), 0) for s in sources],
            width,
            label=label,
            color=palette[i % len(palette)],
            edgecolor=matplotlib.rcParams["axes.edgecolor"],
            linewidth=0.4,
        )
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(sources))], sources)
    ax.set_title(title)
    _counts_axis(ax)
    ax.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)


def draw_over_time(figure: Figure, rows: list[tuple[Any, ...]], colours: dict[str, str]) -> None:
    title = QCoreApplication.translate("Charts", "Statements per source over time")
    if not rows:
        return _empty(figure, title)
    ax = figure.add_subplot()
    sources, months, values = _pivot(rows)
    months = sorted(m for m in months if m)
    # Sources with the same counts would draw one line over the other: each has its own
    # marker and dash, and a small sideways offset keeps every marker in sight.
    styles = [("o", "-"), ("s", "--"), ("^", "-."), ("D", ":"), ("v", "-"), ("P", "--")]
    for i, source in enumerate(sources):
        marker, dash = styles[i % len(styles)]
        shift = (i - (len(sources) - 1) / 2) * 0.06
        ax.plot(
            [j + shift for j in range(len(months))],
            [values.get((source, m), 0) for m in months],
            marker=marker,
            linestyle=dash,
            label=source,
            color=colours.get(source, "#888888"),
        )
    ax.set_xticks(range(len(months)), [month_text(str(m)) for m in months])
    ax.set_title(title)
    ax.set_xlabel(QCoreApplication.translate("Charts", "month of publication"))
    _counts_axis(ax)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)


def even_dates(first: date, last: date, most: int = 6) -> list[date]:
    """Dates from `first` at an even step (a day, a week, a month of 28 days…), at most
    `most` + 1 of them up to `last`."""
    span = max((last - first).days, 1)
    step = next((d for d in (1, 2, 3, 7, 14, 28, 56, 91, 182, 364) if span / d <= most), 728)
    return [first + timedelta(days=step * i) for i in range(span // step + 1)]


def draw_timeline(
    figure: Figure,
    claim: str,
    rows: Sequence[TimelinePoint],
    levels: Sequence[LevelRow],
    colours: dict[str, str],
) -> None:
    """For one claim: each source's statements by date, confidence on the y axis (firmest at
    the top), stance by marker; the first assertion and first denial of each source labelled."""
    title = QCoreApplication.translate("Charts", "Timeline: {claim}").format(claim=claim)
    if not rows:
        return _empty(figure, title)
    ax = figure.add_subplot()
    by_source: dict[str, list[TimelinePoint]] = defaultdict(list)
    for row in rows:
        by_source[row.source].append(row)
    # One row per level: the active scale's in rank order, then each level of another scale
    # that a tag kept through a switch of scale (never shown as the active level of its rank),
    # then "not set".
    row_of = {lv.id: i for i, lv in enumerate(sorted(levels, key=lambda lv: lv.rank), start=1)}
    labels = [lv.label for lv in sorted(levels, key=lambda lv: lv.rank)]
    for row in rows:
        level = row.confidence_level_id
        if level is not None and level not in row_of:
            row_of[level] = len(row_of) + 1
            labels.append(
                QCoreApplication.translate("Charts", "{level} (another scale)").format(
                    level=row.confidence_label
                )
            )
    unknown = len(row_of) + 1
    for position, (source, items) in enumerate(by_source.items()):
        colour = colours.get(source, "#888888")
        # A small vertical offset per source keeps sources on the same day and level apart.
        offset = (position - (len(by_source) - 1) / 2) * 0.12
        xs: list[Any] = [r.published for r in items]  # dates: matplotlib takes them as x
        ys = [row_of.get(r.confidence_level_id or -1, unknown) + offset for r in items]
        ax.plot(xs, ys, color=colour, alpha=0.5, linewidth=1)
        firsts: set[str] = set()
        for r, x, y in zip(items, xs, ys, strict=True):
            ax.scatter(
                [x],
                [y],
                marker=STANCE_MARKERS[r.stance],
                s=80,
                color=colour,
                edgecolor=matplotlib.rcParams["axes.edgecolor"],
                linewidth=0.5,
                zorder=3,
            )
            if r.stance in ("asserts", "denies") and r.stance not in firsts:
                firsts.add(r.stance)
                ax.annotate(
                    QCoreApplication.translate("Charts", "{source} first {stance}").format(
                        source=source, stance=stance_word(r.stance)
                    ),
                    (x, y),
                    textcoords="offset points",
                    xytext=(8, 10 - 14 * position),
                    fontsize="small",
                    color=colour,
                )
        ax.plot([], [], color=colour, label=source)
    ax.set_yticks(
        list(range(1, unknown + 1)), [*labels, QCoreApplication.translate("Charts", "not set")]
    )
    ax.invert_yaxis()
    ax.set_ylim(unknown + 0.5, 0.5)
    # The dates as the interface writes them (20/11/2024 in French), not matplotlib's ISO; at
    # even steps (matplotlib's by month day would put 29/11 and 01/12 two days apart).
    days = even_dates(min(r.published for r in rows), max(r.published for r in rows))
    ax.set_xticks(date2num(days))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: date_text(num2date(x).date())))
    ax.set_title(title)
    ax.set_xlabel(
        QCoreApplication.translate("Charts", "publication date  (▲ asserts, ▼ denies, ● neutral)")
    )
    ax.legend(frameon=False, fontsize="small")
    ax.spines[["top", "right"]].set_visible(False)
    figure.autofmt_xdate()


def first_dates(rows: Sequence[TimelinePoint]) -> dict[tuple[str, str], date]:
    """(source, stance) → the first date that source took that stance on the claim."""
    firsts: dict[tuple[str, str], date] = {}
    for row in rows:
        key = (row.source, row.stance)
        if row.published and key not in firsts:
            firsts[key] = row.published
    return firsts
