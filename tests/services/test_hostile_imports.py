"""Imports that used to go wrong: a multi-megabyte article on one line (which never finished),
and text whose encoding is broken or mixed (which was stored as mojibake).

Nothing here measures time: the long article is proved bounded by what the segmenter is given
(never more than a bounded chunk, so its quadratic work is bounded by len(body) × chunk), and
by the statements tiling the text exactly.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from helpers import cli, cli_ok, project_fingerprint, seed_body, sqlite

from app.domain.chunks import Cut, chunks
from app.services import segmentation
from app.services.importing import ArticleMeta, Outcome, import_paths, import_text
from app.services.project import Project
from app.services.reading import InputError, decode_text

# The most characters the segmenter may be handed at once. pySBD's time grows with the square
# of its input's length (44 KB: 0.24 s, 179 KB: 2.9 s), so a bound here bounds the import.
BOUND = 20_000

SENTENCES = [
    "Le Kremlin a démenti l’information, selon Séoul.",
    "« Aucune troupe nord-coréenne n’est en Russie », a déclaré M. Peskov le 3 nov. 2024 à Moscou.",
    "Kyiv affirme que 11 000 soldats sont arrivés dans la région de Koursk.",
    "Les services de renseignement sud-coréens estiment les pertes à 1 100 hommes.",
    "Pyongyang n’a pas répondu aux questions de l’AFP.",
]


def one_line_article(size: int) -> str:
    """An article of about `size` characters on a single line (no line break at all)."""
    rng = random.Random(5)
    words: list[str] = []
    length = 0
    while length < size:
        sentence = rng.choice(SENTENCES)
        words.append(sentence)
        length += len(sentence) + 1
    return " ".join(words)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every text given to pySBD; a text over BOUND fails at once (before the
    fix, the whole paragraph was given, and pySBD would have run for hours)."""
    lengths: list[int] = []
    real = segmentation._segmenter

    class Spy:
        def __init__(self, language: str) -> None:
            self.language = language

        def segment(self, text: str) -> list[str]:
            lengths.append(len(text))
            assert len(text) <= BOUND, f"the segmenter was given {len(text)} characters"
            return real(self.language).segment(text)

    monkeypatch.setattr(segmentation, "_segmenter", Spy)
    return lengths


def assert_tiles(body: str, spans: list[tuple[int, int]]) -> None:
    """Statements in order, each a stripped non-empty body[start:end], with only white space
    between them and around them: together they are the whole text."""
    assert spans
    cursor = 0
    for start, end in spans:
        assert cursor <= start < end <= len(body)
        assert body[cursor:start].strip() == ""
        assert body[start:end] == body[start:end].strip() != ""
        cursor = end
    assert body[cursor:].strip() == ""


# --- 1. a multi-megabyte article on a single line ---------------------------------------------


def test_a_multi_megabyte_single_line_article_imports_and_its_statements_tile_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], spy: list[int]
) -> None:
    text = one_line_article(3 * 2**20)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    project = tmp_path / "p.sourcetrack"
    out = cli_ok(capsys, "import", project, path, "--title", "Long")
    assert "1 imported" in out
    with sqlite(project) as conn:
        (body,) = conn.execute("SELECT body FROM articles").fetchone()
        spans = conn.execute('SELECT start, "end" FROM statements ORDER BY ordinal').fetchall()
        ordinals = [r[0] for r in conn.execute("SELECT ordinal FROM statements ORDER BY start")]
    assert body == text
    assert ordinals == sorted(ordinals)
    assert_tiles(body, spans)
    # Split into sentences, not kept whole: no statement is longer than the longest sentence.
    assert max(end - start for start, end in spans) <= max(map(len, SENTENCES))
    assert len(spans) >= len(text) // 200
    # The segmenter saw every character (in bounded pieces), and pieces of some size: the
    # number of calls is of the order of len(body) / chunk, not one per sentence.
    assert max(spy) <= segmentation.MAX_CHUNK <= BOUND
    assert sum(spy) >= len(text) - len(spy) * 10  # only the white space at the cuts is left out
    assert len(spy) <= 2 * len(text) // segmentation.MAX_CHUNK + 1


def test_chunked_segmentation_gives_the_same_statements_as_segmenting_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A paragraph of real sentences (the seed article on one line): cutting it into chunks at
    # sentence ends changes nothing, whatever the chunk size.
    body = " ".join(seed_body().split("\n\n"))
    monkeypatch.setattr(segmentation, "MAX_CHUNK", 10**9)
    whole = segmentation.segment(body, "fr")
    assert len(whole) == 10
    for limit in (200, 333, 500, 800, 1500):
        monkeypatch.setattr(segmentation, "MAX_CHUNK", limit)
        assert segmentation.segment(body, "fr") == whole, limit


def test_an_article_with_normal_paragraphs_is_not_chunked(spy: list[int]) -> None:
    body = seed_body()
    spans = segmentation.segment(body, "fr")
    assert len(spans) == 10
    assert len(spy) == body.count("\n\n") + 1  # one call per paragraph, as before


def test_text_without_spaces_is_cut_hard_and_glued_back(spy: list[int]) -> None:
    # No sentence end, no white space: the hard cuts fall inside the "word", which stays one
    # statement; a cut never separates a letter from its combining accent.
    body = "Début " + "e\u0301" * 30_000 + " fin."
    spans = segmentation.segment(body, "fr")
    assert_tiles(body, [(s.start, s.end) for s in spans])
    assert max(spy) <= segmentation.MAX_CHUNK
    assert len(spy) >= 6
    assert len(spans) == 1


def test_the_import_reports_its_progress_through_a_long_article(
    tmp_path: Path, spy: list[int]
) -> None:
    text = one_line_article(400_000)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    seen: list[tuple[str, float]] = []
    with Project.open(tmp_path / "p.sourcetrack", create=True) as project:
        report = import_paths(
            project,
            [path],
            ArticleMeta(title="Long"),
            segmenting=lambda name, fraction: seen.append((name, fraction)),
        )
    assert report.count(Outcome.IMPORTED) == 1
    fractions = [f for _name, f in seen]
    assert {name for name, _f in seen} == {str(path)}
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert all(0 < f <= 1 for f in fractions)
    # Reported chunk by chunk while the one paragraph is segmented, not once at the end.
    assert len([f for f in fractions if f < 1]) >= len(text) // segmentation.MAX_CHUNK // 2


def test_progress_is_reported_a_bounded_number_of_times() -> None:
    # A body of many short paragraphs: at most about one report per percent.
    body = "\n\n".join(f"Phrase numéro {i}." for i in range(3000))
    calls: list[float] = []
    segmentation.segment(body, "fr", calls.append)
    assert calls[-1] == 1.0
    assert len(calls) <= 102


@pytest.mark.parametrize("limit", [2, 7, 50, 1000])
@pytest.mark.parametrize(
    "text",
    [one_line_article(5000), "x" * 3000, "a " * 1500, "Fin. Début " * 300, "é\u0301" * 900],
    ids=["sentences", "one-word", "spaces", "sentence-ends", "combining"],
)
def test_chunks_cover_the_text_and_are_bounded(text: str, limit: int) -> None:
    pieces = chunks(text, limit)
    assert pieces[0].start == 0 and pieces[0].cut is Cut.FIRST and pieces[-1].end == len(text)
    for before, piece in zip(pieces, pieces[1:], strict=False):
        gap = text[before.end : piece.start]
        assert (gap == "") == (piece.cut is Cut.HARD)
        assert gap.strip() == ""
        assert limit // 2 <= before.end - before.start  # so their number is bounded
    for piece in pieces:
        assert 0 < piece.end - piece.start <= limit or len(text) == 0
    assert len(pieces) <= 2 * len(text) // limit + 1


def test_chunks_prefer_a_sentence_end_then_a_space() -> None:
    text = "Un mot ici et là. Deux mots encore longtemps ici"
    first, second = chunks(text, 30)
    assert (text[first.start : first.end], second.cut) == ("Un mot ici et là.", Cut.SENTENCE)
    assert text[second.start :] == "Deux mots encore longtemps ici"
    # "M. Dupont" is an initial, not a sentence end: the cut falls at the last space instead.
    text = "Il parle avec M. Dupont encore et encore"
    first, second = chunks(text, 30)
    assert (text[first.start : first.end], second.cut) == ("Il parle avec M. Dupont", Cut.SPACE)


# --- 2. broken and mixed encodings --------------------------------------------------------------

FRENCH = "Le Kremlin a démenti l’information, selon Séoul. « Aucune troupe », dit Moscou.\n"
ASCII_LINES = b"The Kremlin denied the report.\nSeoul said troops were sent.\n"


def _mixed() -> tuple[bytes, int, int]:
    """Windows-1252 French with one word pasted in as UTF-8; (data, first bad byte, line)."""
    head = ASCII_LINES
    legacy = "Le Kremlin a démenti l’information.\n".encode("cp1252")
    data = head + legacy * 3 + "Selon Séoul, c’est faux.\n".encode()
    return data, len(head) + legacy.index(b"\xe9"), 3


def _few_damaged() -> tuple[bytes, int, int]:
    """UTF-8 with one accent and two damaged bytes: fewer good sequences than bad bytes."""
    data = ASCII_LINES + b"Le Kremlin d\xe9ment \xff encore.\nSelon S\xc3\xa9oul.\n"
    return data, len(ASCII_LINES) + 12, 3


MIXED = {"mixed UTF-8 and Windows-1252": _mixed(), "UTF-8 with damaged bytes": _few_damaged()}


def refused(capsys: pytest.CaptureFixture[str], seeded_path: Path, path: Path) -> str:
    """Import `path`, which must be refused in one line with the project left as it was."""
    before = project_fingerprint(seeded_path)
    status, _out, err = cli(capsys, "import", seeded_path, path)
    assert status == 1
    assert err.count("\n") == 1 and err.startswith(f"refused: {path}: {path.name} "), err
    assert project_fingerprint(seeded_path) == before
    return err


@pytest.mark.parametrize(("data", "offset", "line"), MIXED.values(), ids=MIXED.keys())
def test_text_that_is_partly_utf8_is_refused_with_the_first_bad_byte(
    seeded_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data: bytes,
    offset: int,
    line: int,
) -> None:
    with pytest.raises(UnicodeDecodeError) as bad:
        data.decode("utf-8")
    assert bad.value.start == offset  # the fixture's own count of where UTF-8 breaks
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    err = refused(capsys, seeded_path, path)
    assert f"the first byte that is not UTF-8 is at byte {offset}, line {line}" in err
    assert "holds UTF-8 ('Séoul" in err and "save it again as UTF-8" in err


MOJIBAKE = {
    "UTF-8 read as Windows-1252 (é)": ("Selon SÃ©oul, le Kremlin dément.", "SÃ©oul", "Séoul"),
    "UTF-8 read as Windows-1252 (’)": ("The Kremlinâ€™s denial.", "Kremlinâ€™s", "Kremlin’s"),
    "UTF-8 read as Mac Roman": ("The Kremlin‚Äôs denial.", "Kremlin‚Äôs", "Kremlin’s"),
    "UTF-8 read as Latin-1 among clean accents": (
        "Séoul dément. MÃ¶glich, sagt Kiew.", "MÃ¶glich", "Möglich",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("line", "seen", "meant"), MOJIBAKE.values(), ids=MOJIBAKE.keys())
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_text_that_decodes_to_mojibake_is_refused(
    seeded_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    line: str,
    seen: str,
    meant: str,
    encoding: str,
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(f"Titre\n\nUne première phrase.\n{line}\n".encode(encoding))
    err = refused(capsys, seeded_path, path)
    assert f"holds mojibake on line 4: {seen!r}, which should read {meant!r}" in err


def test_pasted_mojibake_is_refused_too(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sourcetrack", create=True) as project:
        result = import_text(project, "Titre\n\nSelon SÃ©oul.", ArticleMeta())
    assert result.outcome is Outcome.REFUSED
    assert "pasted text holds mojibake on line 3: 'SÃ©oul'" in result.message


CLEAN = {
    "Windows-1252 French": (
        "L’ÉTÉ « nord-coréen » – œuvre d’un “traité” : CONFIRMÉ\u00a0! À l’ÉPOQUE, DÉJÀ\u00a0».\n"
        * 4
    ).encode("cp1252"),
    "UTF-8 in many languages": (
        "Séoul, São Paulo, Größe, Łódź, Şişli, Hà Nội, Москва, 북한군, 日本 🇰🇷 — ½ × 2 °C.\n"
        "« ÇA SUFFIT\u00a0! » ŒUVRE, œuf, ﬁn ; SÃO PAULO, NÃO, IRMÃ, MAÇÃ.\n"
    ).encode(),
    "UTF-16 LE with BOM": codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"),
    "UTF-16 BE with BOM": codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"),
    "UTF-8 with BOM": codecs.BOM_UTF8 + FRENCH.encode(),
}


@pytest.mark.parametrize("data", CLEAN.values(), ids=CLEAN.keys())
def test_clean_text_in_any_supported_encoding_is_still_read(data: bytes) -> None:
    decoded = decode_text(data, "article.txt")
    assert decoded.text == data.decode(decoded.encoding).lstrip("\ufeff")
    assert "Ã©" not in decoded.text and "â€" not in decoded.text


def test_a_sequence_ftfy_flags_but_cannot_undo_is_not_taken_for_mojibake() -> None:
    # ftfy's badness test alone flags a quoted "œ"; reading its bytes as UTF-8 gives nothing
    # better, so it is genuine text and is kept.
    from ftfy.badness import is_bad

    text = "Le mot 'œ' s’écrit ainsi, dit le Kremlin.\n"
    assert is_bad(text)
    assert decode_text(text.encode(), "a.txt").text == text


def test_binary_is_still_called_binary_not_mixed_utf8() -> None:
    data = bytes(b for b in random.Random(3).randbytes(4000) if b)
    with pytest.raises(InputError, match="does not look like text"):
        decode_text(data, "x.txt")
