"""Which arguments open the window, and a mistyped command."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.main import main, opens_a_window


@pytest.mark.parametrize(
    ("args", "window"),
    [
        ([], True),
        (["study.sourcetrack"], True),  # a project to make or open
        (["postgresql+psycopg://team@db/sourcetrack"], True),
        (["tga", "p.sourcetrack", "1"], False),  # a mistyped command: the command line says so
        (["claims"], False),
        (["import", "p.sourcetrack", "a.txt"], False),
        (["--help"], False),
    ],
)
def test_only_a_project_or_nothing_opens_the_window(args: list[str], window: bool) -> None:
    assert opens_a_window(args) is window


def test_a_mistyped_command_gets_the_list_of_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = tmp_path / "notes"
    existing.write_text("x", encoding="utf-8")
    assert opens_a_window([str(existing)])  # an existing file: the window says what it is
    with pytest.raises(SystemExit) as refused:
        main(["tga", str(tmp_path / "p.sourcetrack"), "1"])
    assert refused.value.code == 2
    assert "invalid choice: 'tga' (choose from 'demo', 'init', 'import'" in capsys.readouterr().err
    assert not (tmp_path / "p.sourcetrack").exists()
