"""Reading text of unknown encoding, splitting it into statements, and drafting articles."""

from __future__ import annotations

import codecs
import hashlib
import random
from pathlib import Path

import pytest
from helpers import SEED, SEED_TITLE, seed_body

from app.domain.model import Span
from app.services import reading
from app.services.importing import ArticleMeta, draft_from_text
from app.services.reading import InputError, decode_text, read_text_file
from app.services.segmentation import segment

FRENCH = (
    "Le Kremlin a démenti l’information. Les forces nord-coréennes auraient subi des pertes "
    "« lourdes », selon Séoul.\n"
)
ENGLISH = (
    "North Korean troops have suffered about 1,100 casualties, the South Korean military said on "
    "Thursday. The Kremlin has denied the reports and declined to comment on the deployment of "
    "soldiers in the Kursk region."
)
GERMAN = (
    "Die nordkoreanischen Truppen sollen nach Angaben des südkoreanischen Generalstabs schwere "
    "Verluste erlitten haben. Der Kreml bestreitet weiterhin jede Beteiligung an den Kämpfen in "
    "der Region Kursk."
)


def texts(body: str, spans: list[Span]) -> list[str]:
    return [body[s.start : s.end] for s in spans]


# --- decoding -------------------------------------------------------------------------------

ENCODINGS = {
    "utf-8": FRENCH.encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + FRENCH.encode("utf-8"),
    "utf-16 LE with BOM": codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"),
    "utf-16 BE with BOM": codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"),
    "windows-1252": FRENCH.encode("cp1252"),
}


@pytest.mark.parametrize("data", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_every_encoding_decodes_to_the_same_text(data: bytes) -> None:
    decoded = decode_text(data, "article.txt")
    assert decoded.text == FRENCH
    assert "\ufeff" not in decoded.text
    assert decoded.sha256 == hashlib.sha256(data).hexdigest()


def test_windows_1252_bytes_are_really_not_utf8() -> None:
    # Guard on the fixture: the cp1252 case exercises detection, not the UTF-8 fast path.
    data = ENCODINGS["windows-1252"]
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\x92" in data and b"\xab" in data and b"\xbb" in data  # ’ « » in cp1252


def test_windows_1252_curly_quotes_are_not_c1_controls() -> None:
    text = "L’armée « nord-coréenne » – œuvre d’un “traité” signé à Pyongyang.\n" * 3
    decoded = decode_text(text.encode("cp1252"))
    assert decoded.text == text
    assert not any(0x80 <= ord(ch) <= 0x9F for ch in decoded.text)


@pytest.mark.parametrize("name", ENCODINGS.keys())
def test_read_text_file_decodes_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODINGS[name])
    assert read_text_file(path).text == FRENCH


def test_read_text_file_reads_the_seed() -> None:
    decoded = read_text_file(SEED)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(SEED_TITLE + "\n")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\n\t  \r\n ",
        codecs.BOM_UTF8 + b" \n",
        codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
    ],
    ids=["empty", "whitespace", "utf8-bom-whitespace", "utf16-bom-whitespace"],
)
def test_empty_or_blank_files_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"^blank\.txt is empty$"):
        read_text_file(path)


BINARIES = {
    "all-bytes": bytes(range(256)) * 50,
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4000),
    "random-no-nul": bytes(b for b in random.Random(3).randbytes(4000) if b),
}


@pytest.mark.parametrize("data", BINARIES.values(), ids=BINARIES.keys())
def test_binary_data_is_refused_with_a_clear_message(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as refused:
        read_text_file(path)
    message = str(refused.value)
    assert message.startswith("picture.txt ")
    assert "does not look like text" in message


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read nothing.txt"):
        read_text_file(tmp_path / "nothing.txt")


def test_oversized_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_TEXT_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("Un texte. " * 20, encoding="utf-8")
    with pytest.raises(InputError, match=r"^big\.txt is .* are refused$"):
        read_text_file(path)


def test_control_characters_are_refused() -> None:
    data = ("Texte " + "\x01\x02\x03\x04\x05" * 10).encode("utf-8")
    with pytest.raises(InputError, match="control characters"):
        decode_text(data, "odd.txt")


# --- segmentation ---------------------------------------------------------------------------


def test_seed_body_gives_ten_exact_statements() -> None:
    body = seed_body()
    spans = segment(body, "fr")
    assert len(spans) == 10
    for span in spans:
        text = body[span.start : span.end]
        assert text == text.strip() and text
        assert "\n" not in text  # the seed's paragraphs are single lines
    starts = [s.start for s in spans]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    # Nothing is lost: the statements cover every non-blank character of the body.
    covered = "".join(texts(body, spans))
    assert covered.replace(" ", "") == body.replace(" ", "").replace("\n", "")
    first, second = texts(body, spans)[:2]
    assert "environ 1.100 pertes en vies humaines" in first  # "1.100" did not end it
    assert first.endswith("incluant morts et blessés.")
    assert "«\u00a0Koksan\u00a0» de 170 mm" in second  # the quoted name did not end it


def test_the_sentence_with_two_sources_stays_one_statement() -> None:
    body = seed_body()
    statements = texts(body, segment(body, "fr"))
    assert (
        "La présence de plusieurs milliers de soldats nord-coréens a déjà été signalée en Russie, "
        "bien que le Kremlin continue de nier ou d’éluder ces informations." in statements
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "M. Kim a rencontré le ministre à Moscou. Il a promis des munitions.",
            ["M. Kim a rencontré le ministre à Moscou.", "Il a promis des munitions."],
        ),
        (
            "Les forces auraient subi environ 1.100 pertes. Séoul l’a confirmé.",
            ["Les forces auraient subi environ 1.100 pertes.", "Séoul l’a confirmé."],
        ),
        (
            "« Nous ne confirmons rien. Ce sont des rumeurs », a déclaré le porte-parole. "
            "Le Kremlin n’a pas commenté.",
            [
                "« Nous ne confirmons rien. Ce sont des rumeurs », a déclaré le porte-parole.",
                "Le Kremlin n’a pas commenté.",
            ],
        ),
        (
            "Il a répondu « Non. » puis il est parti. Le ministre a confirmé.",
            ["Il a répondu « Non. » puis il est parti.", "Le ministre a confirmé."],
        ),
        (
            "Le porte-parole a déclaré : « Nous ne confirmons rien. Ce sont des rumeurs. » "
            "Le Kremlin n’a pas commenté davantage.",
            [
                "Le porte-parole a déclaré : « Nous ne confirmons rien. Ce sont des rumeurs. »",
                "Le Kremlin n’a pas commenté davantage.",
            ],
        ),
        (
            "Des canons « Koksan » de 170 mm ont été livrés. Moscou dément.",
            ["Des canons « Koksan » de 170 mm ont été livrés.", "Moscou dément."],
        ),
        (
            "Des canons \u00ab\u00a0Koksan\u00a0\u00bb de 170 mm ont été livrés. Moscou dément.",
            [
                "Des canons \u00ab\u00a0Koksan\u00a0\u00bb de 170 mm ont été livrés.",
                "Moscou dément.",
            ],
        ),
        (
            'Des canons "Koksan" de 170 mm ont été livrés. Moscou dément.',
            ['Des canons "Koksan" de 170 mm ont été livrés.', "Moscou dément."],
        ),
        (
            "Le 3 nov. 2024, Séoul a parlé. Kyiv a confirmé.",
            ["Le 3 nov. 2024, Séoul a parlé.", "Kyiv a confirmé."],
        ),
    ],
    ids=[
        "M. Kim",
        "1.100",
        "quote-then-comma",
        "quote-then-lowercase",
        "quote-ends-sentence",
        "guillemets-name",
        "guillemets-nbsp",
        "straight-quotes-name",
        "abbreviated-month",
    ],
)
def test_french_sentences(text: str, expected: list[str]) -> None:
    spans = segment(text, "fr")
    assert texts(text, spans) == expected


def test_english_titles_and_numbers() -> None:
    text = "Mr. Smith said 1.100 were killed. Dr. Who left."
    assert texts(text, segment(text, "en")) == [
        "Mr. Smith said 1.100 were killed.",
        "Dr. Who left.",
    ]


def test_unknown_language_is_segmented_too() -> None:
    text = "Der Kreml dementiert. Seoul bestätigt."
    assert texts(text, segment(text, "unknown")) == ["Der Kreml dementiert.", "Seoul bestätigt."]


def test_statements_never_cross_a_paragraph() -> None:
    body = (
        "Un titre de section sans point final\n\n"
        "Le Kremlin dément. Séoul confirme\n\n"
        "Kyiv affirme que des troupes\nsont à Koursk. Fin du texte."
    )
    spans = segment(body, "fr")
    assert texts(body, spans) == [
        "Un titre de section sans point final",
        "Le Kremlin dément.",
        "Séoul confirme",
        "Kyiv affirme que des troupes\nsont à Koursk.",
        "Fin du texte.",
    ]
    for span in spans:
        assert "\n\n" not in body[span.start : span.end]


def test_repeated_sentences_get_their_own_offsets() -> None:
    sentence = "Le Kremlin dément."
    body = f"{sentence} Séoul confirme. {sentence}\n\n{sentence}\n\n{sentence} {sentence}"
    spans = segment(body, "fr")
    found = texts(body, spans)
    assert found.count(sentence) == 5
    starts = [s.start for s in spans if body[s.start : s.end] == sentence]
    expected, at = [], body.find(sentence)
    while at >= 0:
        expected.append(at)
        at = body.find(sentence, at + 1)
    assert starts == expected
    assert len(set(starts)) == 5


def test_offsets_are_python_string_indices_with_non_bmp_characters() -> None:
    body = "Séoul 🇰🇷 affirme. Le Kremlin 🇷🇺 dément."
    spans = segment(body, "fr")
    assert texts(body, spans) == ["Séoul 🇰🇷 affirme.", "Le Kremlin 🇷🇺 dément."]


# --- drafts ---------------------------------------------------------------------------------


def test_draft_takes_the_title_from_the_first_line() -> None:
    draft = draft_from_text(SEED.read_text(encoding="utf-8"), ArticleMeta(), origin_name="a.txt")
    assert draft.title == SEED_TITLE
    assert draft.body == seed_body()
    assert not draft.body.startswith(SEED_TITLE)
    assert draft.language == "fr"
    assert len(draft.spans) == 10
    for span in draft.spans:
        text = draft.body[span.start : span.end]
        assert text == text.strip() and text


def test_given_title_keeps_the_first_line_in_the_body() -> None:
    text = "Première ligne du texte.\n\nLe Kremlin dément. Séoul confirme."
    draft = draft_from_text(text, ArticleMeta(title="  Mon   titre\n choisi "))
    assert draft.title == "Mon titre choisi"
    assert draft.body == text
    assert texts(draft.body, draft.spans)[0] == "Première ligne du texte."


def test_markdown_title_loses_its_hashes() -> None:
    draft = draft_from_text(
        "# Le traité entre Moscou et Pyongyang\n\nLe Kremlin dément.",
        ArticleMeta(),
        origin_format="markdown",
    )
    assert draft.title == "Le traité entre Moscou et Pyongyang"


def test_crlf_is_normalised_and_offsets_are_exact() -> None:
    text = (
        "\ufeffTitre de l’article\r\n\r\n"
        "Le Kremlin a démenti l’information. Séoul\r\nmaintient sa version.\r\n\r\n\r\n"
        "Kyiv confirme. Kyiv confirme.\r\n"
    )
    draft = draft_from_text(text, ArticleMeta(language="fr"))
    assert draft.title == "Titre de l’article"
    assert "\r" not in draft.body and "\ufeff" not in draft.body
    assert draft.body == (
        "Le Kremlin a démenti l’information. Séoul\nmaintient sa version.\n\n"
        "Kyiv confirme. Kyiv confirme."
    )
    assert texts(draft.body, draft.spans) == [
        "Le Kremlin a démenti l’information.",
        "Séoul\nmaintient sa version.",
        "Kyiv confirme.",
        "Kyiv confirme.",
    ]
    assert draft.spans[2].start != draft.spans[3].start


def test_old_mac_line_endings_are_normalised() -> None:
    draft = draft_from_text("Titre\r\rLe Kremlin dément.\rSéoul confirme.", ArticleMeta())
    assert draft.title == "Titre"
    assert draft.body == "Le Kremlin dément.\nSéoul confirme."


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (SEED.read_text(encoding="utf-8"), "fr"),
        ("Titre\n\n" + ENGLISH, "en"),
        ("Titel\n\n" + GERMAN, "unknown"),
    ],
    ids=["fr", "en", "de"],
)
def test_language_is_detected(text: str, language: str) -> None:
    assert draft_from_text(text, ArticleMeta(language="auto")).language == language


def test_given_language_wins_over_detection() -> None:
    assert draft_from_text("Titre\n\n" + ENGLISH, ArticleMeta(language="fr")).language == "fr"


def test_a_title_alone_is_also_the_body() -> None:
    draft = draft_from_text("Le Kremlin dément tout.", ArticleMeta())
    assert draft.title == "Le Kremlin dément tout."
    assert draft.body == "Le Kremlin dément tout."
    assert len(draft.spans) == 1


def test_blank_text_is_refused() -> None:
    with pytest.raises(InputError, match="has no text"):
        draft_from_text("\n\n  \n", ArticleMeta(), origin_name="vide.txt")
