"""Correcting an article's details on the command line: each change reported, refusals in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import cli, cli_ok, project_fingerprint

from app.domain.article_details import ArticleDetails

PLAIN = ArticleDetails(title="Titre")


# --- command line ---------------------------------------------------------------------------------


def test_the_command_line_edits_and_reports_each_change(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = cli_ok(
        capsys, "articles", demo, "edit", "3", "--outlet", "Le Monde",
        "--published", "2024-11-07", "--language", "FR",
    )  # fmt: skip
    assert out.splitlines() == [
        "article 3: outlet: 'Meridian Wire' → 'Le Monde'",
        "article 3: published: '2024-11-05' → '2024-11-07'",
        "article 3: language: 'en' → 'fr'",
    ]
    listed = json.loads(cli_ok(capsys, "articles", demo, "--format", "json"))
    third = next(a for a in listed if a["id"] == 3)
    assert (third["outlet"], third["published"], third["language"]) == (
        "Le Monde", "2024-11-07", "fr",
    )  # fmt: skip

    out = cli_ok(capsys, "articles", demo, "edit", "3", "--published", "")
    assert out == "article 3: published: '2024-11-07' → (none)\n"
    assert cli_ok(capsys, "articles", demo, "edit", "3", "--outlet", "Le Monde") == (
        "article 3: nothing changed\n"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["edit", "99", "--title", "x"], "sourcetrack: there is no article 99\n"),
        (["edit", "1", "--url", "lemonde.fr"], "sourcetrack: a URL starts with http:// or "
                                               "https://, not 'lemonde.fr'\n"),
        (["edit", "1"], "sourcetrack: say what to change: --title, --outlet, --author, "
                        "--published, --url or --language\n"),
    ],
)  # fmt: skip
def test_the_command_line_refuses_in_one_line_and_changes_nothing(
    demo: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    before = project_fingerprint(demo)
    status, out, err = cli(capsys, "articles", demo, *arguments)
    assert (status, out, err) == (1, "", message)
    assert project_fingerprint(demo) == before
