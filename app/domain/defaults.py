"""What a new project starts with: the default sources and confidence scales.

Aliases are grouped by language; they feed attribution suggestions (app.domain.suggest), so
they include the forms a French or English article actually uses. Inflections (sud-coréenne,
sud-coréens) and elisions (l'état-major) are matched by the suggester too; longer aliases give
the panel fuller evidence ("services secrets sud-coréens" rather than "sud-coréens"). Pyongyang
is deliberately no one's alias: North Korea is what the sources talk about, not one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceSeed:
    name: str
    colour: str
    description: str
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)


DEFAULT_SOURCES: tuple[SourceSeed, ...] = (
    SourceSeed(
        "Seoul",
        "#1f77b4",
        "South Korean government, military and intelligence (JCS, NIS).",
        {
            "fr": (
                "Séoul",
                "Seoul",
                "sud-coréen",
                "sud-coréenne",
                "sud-coréens",
                "sud-coréennes",
                "état-major sud-coréen",
                "l'état-major sud-coréen",
                "état-major interarmées sud-coréen",
                "services secrets sud-coréens",
                "services de renseignement sud-coréens",
                "Corée du Sud",
                "NIS",
            ),
            "en": (
                "Seoul",
                "South Korea",
                "South Korean",
                "South Korea's",
                "Joint Chiefs of Staff",
                "JCS",
                "NIS",
                "National Intelligence Service",
            ),
        },
    ),
    SourceSeed(
        "Kyiv",
        "#e6a700",
        "Ukrainian government, armed forces and intelligence.",
        {
            "fr": (
                "Kyiv",
                "Kiev",
                "Kyïv",
                "ukrainien",
                "ukrainienne",
                "ukrainiens",
                "ukrainiennes",
                "Zelensky",
                "Volodymyr Zelensky",
            ),
            "en": (
                "Kyiv",
                "Kiev",
                "Ukraine",
                "Ukrainian",
                "Ukraine's",
                "Zelensky",
                "Zelenskyy",
                "Volodymyr Zelensky",
            ),
        },
    ),
    SourceSeed(
        "Kremlin",
        "#d62728",
        "Russian presidency and government.",
        {
            "fr": ("Kremlin", "Moscou", "russe", "Peskov", "Dmitri Peskov", "Poutine"),
            "en": ("Kremlin", "Moscow", "Russian government", "Peskov", "Dmitry Peskov", "Putin"),
        },
    ),
)


@dataclass(frozen=True)
class LevelSeed:
    rank: int
    label: str
    description: str


@dataclass(frozen=True)
class ScaleSeed:
    name: str
    levels: tuple[LevelSeed, ...]


# FactBank's certainty axis; rank 1 is the firmest.
DEFAULT_SCALE = ScaleSeed(
    "Default (FactBank)",
    (
        LevelSeed(1, "Certain", "Stated as fact, or explicitly confirmed."),
        LevelSeed(2, "Probable", "Firmly asserted by an official source, without hedging."),
        LevelSeed(3, "Possible", "Hedged: conditional mood, estimates, 'reportedly'."),
        LevelSeed(4, "Unknown", "The certainty cannot be told from the text."),
    ),
)

ADMIRALTY_SCALE = ScaleSeed(
    "Admiralty / NATO information credibility",
    (
        LevelSeed(1, "1 Confirmed", "Confirmed by other independent sources."),
        LevelSeed(
            2, "2 Probably true", "Not confirmed; logical and consistent with other information."
        ),
        LevelSeed(
            3, "3 Possibly true", "Not confirmed; reasonably logical, agrees with some information."
        ),
        LevelSeed(
            4, "4 Doubtful", "Not confirmed; possible but not logical, no other information."
        ),
        LevelSeed(
            5, "5 Improbable", "Not confirmed; not logical, contradicted by other information."
        ),
        LevelSeed(6, "6 Cannot be judged", "No basis exists for evaluating the validity."),
    ),
)

ICD203_SCALE = ScaleSeed(
    "ICD 203 estimative probability",
    (
        LevelSeed(1, "Almost certain", "95–99%"),
        LevelSeed(2, "Very likely", "80–95%"),
        LevelSeed(3, "Likely", "55–80%"),
        LevelSeed(4, "Roughly even chance", "45–55%"),
        LevelSeed(5, "Unlikely", "20–45%"),
        LevelSeed(6, "Very unlikely", "5–20%"),
        LevelSeed(7, "Almost no chance", "1–5%"),
    ),
)

SCALE_PRESETS: tuple[ScaleSeed, ...] = (DEFAULT_SCALE, ADMIRALTY_SCALE, ICD203_SCALE)
