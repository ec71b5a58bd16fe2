"""`sourcetrack agreement`: published worked examples, tagged into a project and read back
through the command.

How the examples' values become tags (each test says it again for its own data):

- a *unit* of the example is a statement of a 60-sentence article, a *coder* an annotator;
- a coder who gave a unit no value has not judged that statement: no tag of theirs on it;
- Krippendorff's values 1–5 (an ordinal variable) are confidence ranks, on a five-level custom
  scale whose rank r is the value r, of the annotators' Seoul tags (all "asserts");
- Cohen's two readers' yes/no are, once, the stance of their Seoul tag (asserts / denies) and,
  once, whether they tagged the Kremlin at all (presence), on statements both tagged Seoul.

The tags go in through `sourcetrack import-tags` (a CSV of the export's columns), as a coder's
copy would.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from helpers import cli, cli_ok, project_fingerprint
from sklearn.metrics import cohen_kappa_score

from app.domain.layers import CONSENSUS
from app.services import browse
from app.services import sources as source_service
from app.services.project import Project
from app.services.tagging import TagChange, TagKey, resolve_source, tag, tag_statement
from cli.common import statements_jsonl

TITLE = "Sixty statements"
COLUMNS = {"axis", "source", "metric", "value", "ci_low", "ci_high", "units", "annotators", "article_id"}

# Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), and "Content Analysis"
# (2004, p. 230): four observers, twelve units, missing values (None). Published: α nominal
# 0.743, ordinal 0.815, interval 0.849, ratio 0.797; observed disagreement D_o = 0.200 (nominal).
# Unit 12 has one value only: it is not pairable.
KRIPPENDORFF = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}

# Cohen's κ, the textbook example of two readers of 50 grant proposals (as in Wikipedia's
# "Cohen's kappa"): both yes 20, A yes and B no 5, A no and B yes 10, both no 15.
# Published: p_o = 0.70, p_e = 0.50, κ = 0.40.
COHEN = [(True, True)] * 20 + [(True, False)] * 5 + [(False, True)] * 10 + [(False, False)] * 15


def new_project(folder: Path, capsys: pytest.CaptureFixture[str], location: str | None = None) -> str:
    """A project holding one article of 60 statements; returns its location."""
    text = folder / "sixty.txt"
    body = " ".join(f"Sentence {i} reports that the troops moved." for i in range(1, 61))
    text.write_text(f"{TITLE}\n\n{body}\n", encoding="utf-8")
    if location is None:
        location = str(folder / "p.sourcetrack")
    else:
        cli_ok(capsys, "init", location)
    cli_ok(capsys, "import", location, text, "--language", "en")
    return location


def import_tags(
    capsys: pytest.CaptureFixture[str],
    location: str,
    folder: Path,
    tags: list[tuple[int, str, str, int | None, str]],
) -> None:
    """Tag by `import-tags`: (statement index 0–59, source, stance, confidence rank, annotator)."""
    statements = sorted(statements_jsonl(capsys, location), key=lambda s: s["start"])
    assert len(statements) == 60
    path = folder / "tags.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_title", "start", "end", "statement_text", "source", "stance", "confidence_rank", "annotator"])
        for index, source, stance, rank, annotator in tags:
            s = statements[index]
            writer.writerow([TITLE, s["start"], s["end"], s["text"], source, stance, rank or "", annotator])
    cli_ok(capsys, "import-tags", location, path)


def agreement(capsys: pytest.CaptureFixture[str], location: str, *options: str) -> list[dict]:
    return json.loads(cli_ok(capsys, "agreement", location, "--format", "json", *options))


def figure(rows: list[dict], axis: str, source: str | None, metric: str, annotators) -> dict:
    """The figure over the whole project (not an article's) comparing those annotators."""
    found = [
        r
        for r in rows
        if (r["axis"], r["source"], r["metric"], r["annotators"]) == (axis, source, metric, list(annotators))
        and r["article_id"] is None
    ]
    assert len(found) == 1, (axis, source, metric, found)
    return found[0]


FOUR = ["A", "B", "C", "D"]
TWO = ["ana", "bob"]


# --- Krippendorff's four observers ----------------------------------------------------------


@pytest.fixture
def krippendorff_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Krippendorff's values as the confidence ranks of Seoul tags (all "asserts") on
    statements 0–11, on a five-level scale (rank r = value r). A coder's missing value: no tag
    of theirs on that statement, which they have therefore not judged."""
    location = new_project(tmp_path, capsys)
    with Project.open(location) as project:
        scale = source_service.add_custom_scale(
            project, "Values 1 to 5", [(f"value {v}", "") for v in range(1, 6)]
        )
        source_service.activate_scale(project, scale.scale_id)
    tags = [
        (unit, "Seoul", "asserts", value, coder)
        for coder, values in KRIPPENDORFF.items()
        for unit, value in enumerate(values)
        if value is not None
    ]
    import_tags(capsys, location, tmp_path, tags)
    return location


def test_krippendorffs_published_alphas_on_the_confidence_axis(
    krippendorff_project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = agreement(capsys, krippendorff_project)
    ordinal = figure(rows, "confidence", "Seoul", "alpha_ordinal", FOUR)
    nominal = figure(rows, "confidence", "Seoul", "alpha_nominal", FOUR)
    assert round(ordinal["value"], 3) == 0.815
    assert round(nominal["value"], 3) == 0.743
    # Unit 12, which only B judged, is no unit; the other eleven are.
    assert ordinal["units"] == nominal["units"] == 11
    assert ordinal["annotators"] == ["A", "B", "C", "D"]
    assert ordinal["ci_low"] <= ordinal["value"] <= ordinal["ci_high"]
    # Percent agreement is his observed agreement, 1 - D_o, with D_o = 0.200 published for this
    # data (Krippendorff 2004, "Content Analysis", p. 230).
    assert figure(rows, "confidence", "Seoul", "percent_agreement", FOUR)["value"] == pytest.approx(80.0)
    # Every judge tagged Seoul, always as asserting: nothing to agree or disagree on there.
    presence = figure(rows, "presence", "Seoul", "alpha_nominal", FOUR)
    assert presence["value"] is None and presence["units"] == 11
    assert figure(rows, "presence", "Seoul", "percent_agreement", FOUR)["value"] == 100.0
    assert figure(rows, "stance", "Seoul", "alpha_nominal", FOUR)["value"] is None


def test_the_package_reproduces_krippendorffs_published_values() -> None:
    """What the `krippendorff` package returns on the paper's matrix, for every level the paper
    publishes (the command reports the nominal and ordinal ones)."""
    matrix = np.array([[np.nan if v is None else v for v in row] for row in KRIPPENDORFF.values()])
    published = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}
    for level, value in published.items():
        assert round(krippendorff.alpha(reliability_data=matrix, level_of_measurement=level), 3) == value


def test_kappa_of_a_pair_counts_only_the_statements_both_judged(
    krippendorff_project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = agreement(capsys, krippendorff_project)
    a, c = KRIPPENDORFF["A"], KRIPPENDORFF["C"]
    both = [(x, y) for x, y in zip(a, c, strict=True) if x is not None and y is not None]
    pair = figure(rows, "confidence", "Seoul", "kappa", ["A", "C"])
    assert pair["units"] == len(both) == 8
    expected = cohen_kappa_score([x for x, _ in both], [y for _, y in both])
    assert pair["value"] == pytest.approx(expected)
    agreeing = figure(rows, "confidence", "Seoul", "percent_agreement", ["A", "C"])
    assert agreeing["value"] == pytest.approx(100 * sum(x == y for x, y in both) / 8)


def test_the_same_data_give_the_same_intervals(
    krippendorff_project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first = agreement(capsys, krippendorff_project)
    again = agreement(capsys, krippendorff_project, "--source", "Seoul")
    ordinal = [figure(rows, "confidence", "Seoul", "alpha_ordinal", FOUR) for rows in (first, again)]
    assert ordinal[0] == ordinal[1]


# --- Cohen's two readers ------------------------------------------------------------------


@pytest.fixture
def cohen_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Cohen's readers A and B are ana and bob, his 50 proposals statements 0–49. Both tag
    Seoul on each, asserting where the reader said yes and denying where no; and each tags the
    Kremlin where they said yes. Statement 50 only ana judged; statement 51 no one."""
    location = new_project(tmp_path, capsys)
    tags = []
    for unit, answers in enumerate(COHEN):
        for annotator, yes in zip(("ana", "bob"), answers, strict=True):
            tags.append((unit, "Seoul", "asserts" if yes else "denies", None, annotator))
            if yes:
                tags.append((unit, "Kremlin", "asserts", None, annotator))
    tags.append((50, "Seoul", "asserts", None, "ana"))
    import_tags(capsys, location, tmp_path, tags)
    return location


def test_cohens_published_kappa_on_stance_and_on_presence(
    cohen_project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = agreement(capsys, cohen_project)
    for axis, source in (("stance", "Seoul"), ("presence", "Kremlin")):
        kappa = figure(rows, axis, source, "kappa", TWO)
        assert kappa["value"] == pytest.approx(0.40)
        assert kappa["units"] == 50
        agreeing = figure(rows, axis, source, "percent_agreement", TWO)
        assert agreeing["value"] == pytest.approx(70.0)
        # For two coders and no missing value, α: 1 - (2N - 1) · 15·2 / (2 · 55 · 45) = 0.40.
        alpha = figure(rows, axis, source, "alpha_nominal", TWO)
        assert alpha["value"] == pytest.approx(0.40)


def test_a_statement_only_one_annotator_judged_is_not_a_unit(
    cohen_project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = agreement(capsys, cohen_project)
    assert figure(rows, "presence", "Seoul", "alpha_nominal", TWO)["units"] == 50  # not 51, nor 52
    header = cli_ok(capsys, "agreement", cohen_project).splitlines()[0]
    assert "50 statements judged by two or more" in header


def test_the_output_formats_carry_the_documented_fields(
    cohen_project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = agreement(capsys, cohen_project)
    assert rows and all(set(row) == COLUMNS for row in rows)
    everything = figure(rows, "presence", None, "alpha_nominal", TWO)
    assert everything["units"] == 150  # 50 statements × the 3 sources (Seoul, Kyiv, Kremlin)
    text = cli_ok(capsys, "agreement", cohen_project, "--format", "csv")
    header, *lines = list(csv.reader(text.splitlines()))
    assert header == ["axis", "source", "metric", "value", "ci_low", "ci_high", "units", "annotators", "article_id"]
    assert len(lines) == len(rows)
    assert ["stance", "Seoul", "kappa"] in [line[:3] for line in lines]
    table = cli_ok(capsys, "agreement", cohen_project)
    assert "(all sources)" in table and "70.0 %" in table


# --- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--annotator", "ana", "--annotator", "nobody"], "no annotator called 'nobody'"),
        (["--annotator", "ana"], "two or more annotators"),
        (["--annotator", "ana", "ana"], "two or more annotators"),
        (["--source", "Atlantis"], "unknown source(s): Atlantis"),
        (["--article", "999"], "no article with id 999"),
        (["--article", str(2**63 - 1)], f"no article with id {2**63 - 1}"),
    ],
)
def test_a_selection_that_cannot_be_compared_is_refused_in_one_line(
    cohen_project: str, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    before = project_fingerprint(Path(cohen_project))
    status, out, err = cli(capsys, "agreement", cohen_project, *options)
    assert status == 1
    assert out == ""
    assert err.startswith("sourcetrack: ") and message in err and len(err.splitlines()) == 1
    assert project_fingerprint(Path(cohen_project)) == before


def test_one_annotator_alone_is_told_so(seeded_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli_ok(capsys, "tag", seeded_path, 1, "--source", "Seoul")
    status, out, err = cli(capsys, "agreement", seeded_path)
    assert status == 1 and out == ""
    assert err == "sourcetrack: agreement needs two or more annotators; the only one here is 'tester'\n"


def test_the_consensus_is_compared_only_when_named(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Consensus tags adjudicate the coders' readings: by default they are no coder's, and
    `--annotator consensus` compares them all the same."""
    with Project.open(seeded_path) as project:
        for statement in (1, 2, 3):
            for annotator in TWO:
                tag_statement(project, statement, "Seoul", annotator=annotator)
            consensus = browse.ensure_annotator(project, CONSENSUS)
            with project.read() as conn:
                kyiv = resolve_source(conn, "Kyiv")
            tag(project, TagChange(TagKey(statement, kyiv, consensus), stance="denies"))
    rows = agreement(capsys, seeded_path)
    assert {tuple(r["annotators"]) for r in rows} == {tuple(TWO)}
    assert figure(rows, "presence", "Seoul", "percent_agreement", TWO)["value"] == 100.0
    named = agreement(capsys, seeded_path, "--annotator", "ana", "--annotator", CONSENSUS)
    assert figure(named, "presence", "Seoul", "percent_agreement", ["ana", CONSENSUS])["value"] == 0.0


# --- on a team database ---------------------------------------------------------------------


def test_a_team_database_gives_the_figures_a_project_file_gives(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tags = [
        (unit, "Seoul", "asserts" if yes else "denies", None, annotator)
        for unit, answers in enumerate(COHEN)
        for annotator, yes in zip(("ana", "bob"), answers, strict=True)
    ]
    figures = []
    for location in (None, pg_url):
        folder = tmp_path / ("server" if location else "file")
        folder.mkdir()
        made = new_project(folder, capsys, location)
        import_tags(capsys, made, folder, tags)
        figures.append(agreement(capsys, made))
    assert figures[0] == figures[1]
    assert figure(figures[1], "stance", "Seoul", "kappa", TWO)["value"] == pytest.approx(0.4)
    status, _out, err = cli(capsys, "agreement", pg_url, "--annotator", "ana", "nobody")
    assert status == 1 and "no annotator called 'nobody'" in err
    # Ids are 32-bit on the server: a larger one is an article it does not have, not an error.
    status, _out, err = cli(capsys, "agreement", pg_url, "--article", str(2**63 - 1))
    assert (status, err) == (1, f"sourcetrack: no article with id {2**63 - 1}\n")
