"""The source knowledge base: who speaks for whom, as data (resources/knowledge/sources.json).

Each entry is a source a researcher tracks (Seoul, Kyiv, Kremlin, or one commonly added:
Washington, NATO, Baku…) or an office under one (`part_of`: the NIS under Seoul). It gives
the phrases that name the speaker (aliases per language, office holders' names in every
language), the common nouns that refer back to it once named (titles: "the spy agency",
« le ministère »), and the places whose unnamed offices speak for it (« le gouverneur
régional » of Saratov).

Three uses: a project source the base recognises speaks through every alias of its entry and
its offices (`aliases_for`); a researcher adding a source is offered its aliases; and the
entries no project source covers are the *other* speakers, whose words the suggester leaves
unattributed rather than hand them to a project source mentioned nearby (`others_for`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from app.domain.aliases import SourceAliases, fold_plain

LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class KnownPerson:
    """An office holder: a name (and its other spellings), the office, the years held."""

    name: str
    also: tuple[str, ...] = ()
    role: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class KnownEntry:
    """One source or office of the knowledge base."""

    id: str
    names: tuple[str, ...]
    aliases: Mapping[str, tuple[str, ...]]
    titles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    people: tuple[KnownPerson, ...] = ()
    part_of: str | None = None
    # Cities and regions of the source's country: an office named there without its country
    # ("le gouverneur régional", "local authorities") is that source's.
    places: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.names[0] if self.names else self.id

    def own_aliases(self, language: str) -> tuple[str, ...]:
        """This entry's aliases in `language`, its office holders' names included."""
        people = [spelling for p in self.people for spelling in (p.name, *p.also)]
        return _unique([*self.aliases.get(language, ()), *people])


class KnowledgeBase:
    """Entries by id, with their offices, and lookups by a source's name."""

    def __init__(self, entries: Iterable[KnownEntry]) -> None:
        self.entries: tuple[KnownEntry, ...] = tuple(entries)
        self._by_id = {e.id: e for e in self.entries}
        self._parts: dict[str, list[KnownEntry]] = {}
        self._by_name: dict[str, KnownEntry] | None = None
        self._names: dict[str, KnownEntry] | None = None
        for entry in self.entries:
            if entry.part_of is not None:
                self._parts.setdefault(entry.part_of, []).append(entry)

    def entry(self, entry_id: str) -> KnownEntry | None:
        return self._by_id.get(entry_id)

    def family(self, entry: KnownEntry) -> list[KnownEntry]:
        """The entry and every office under it, depth first."""
        found = [entry]
        for part in self._parts.get(entry.id, []):
            found.extend(self.family(part))
        return found

    def find(self, name: str) -> KnownEntry | None:
        """The entry a source called `name` is: by one of its names, else by an alias."""
        if self._by_name is None:
            by_alias: dict[str, KnownEntry] = {}
            for entry in self.entries:
                for lang in LANGUAGES:
                    for alias in entry.own_aliases(lang):
                        by_alias.setdefault(_key(alias), entry)
            by_name: dict[str, KnownEntry] = {}
            for entry in self.entries:
                for n in (entry.id, *entry.names):
                    by_name.setdefault(_key(n), entry)
            self._by_name = {**by_alias, **by_name}  # a name wins over another's alias
            self._names = by_name
        return self._by_name.get(_key(name)) if _key(name) else None

    def identify(self, source: SourceAliases) -> str | None:
        """The entry (its id) a project source is: by its name, else by an alias of its that
        is an entry's name (a "Kremlin" renamed « Moscou (Kremlin) » keeps the alias Kremlin)."""
        entry = self.find(source.name)
        if entry is None:
            assert self._names is not None  # built by `find`
            for items in source.aliases.values():
                entry = next((self._names[k] for a in items if (k := _key(a)) in self._names), None)
                if entry is not None:
                    break
        return None if entry is None else entry.id

    def aliases_for(self, name: str) -> dict[str, tuple[str, ...]]:
        """Every alias, per language, the base knows for a source called `name` (its offices'
        too); empty when the base does not know it."""
        entry = self.find(name)
        if entry is None:
            return {}
        family = self.family(entry)
        return {
            lang: _unique(a for member in family for a in member.own_aliases(lang))
            for lang in LANGUAGES
        }

    def places_for(self, name: str) -> dict[str, tuple[str, ...]]:
        """The places whose unnamed offices speak for a source called `name`."""
        entry = self.find(name)
        if entry is None:
            return {}
        family = self.family(entry)
        return {
            lang: _unique(p for member in family for p in member.places.get(lang, ()))
            for lang in LANGUAGES
        }

    def titles_for(self, name: str) -> dict[str, tuple[str, ...]]:
        """The nouns that refer back to a source called `name` once it is named."""
        entry = self.find(name)
        if entry is None:
            return {}
        family = self.family(entry)
        return {
            lang: _unique(t for member in family for t in member.titles.get(lang, ()))
            for lang in LANGUAGES
        }

    def covered(self, names: Iterable[str]) -> set[str]:
        """Ids of the entries that project sources called `names` speak for (with offices)."""
        ids: set[str] = set()
        for name in names:
            entry = self.find(name)
            if entry is not None:
                ids.update(member.id for member in self.family(entry))
        return ids

    def others_for(self, names: Iterable[str]) -> list[SourceAliases]:
        """The speakers a project with sources `names` does not track, one per top entry not
        covered, with their offices' aliases: words of theirs are nobody's in the project."""
        covered = self.covered(names)
        result = []
        for entry in self.entries:
            if entry.id in covered or entry.part_of is not None:
                continue
            members = [m for m in self.family(entry) if m.id not in covered]
            aliases = {
                lang: _unique(a for m in members for a in m.own_aliases(lang)) for lang in LANGUAGES
            }
            titles = {
                lang: _unique(t for m in members for t in m.titles.get(lang, ()))
                for lang in LANGUAGES
            }
            result.append(SourceAliases(entry.name, aliases, titles=titles, foreign=True))
        return result


def others(sources: Sequence[SourceAliases], base: KnowledgeBase) -> list[SourceAliases]:
    """The speakers a project with these sources does not track (see `others_for`)."""
    return base.others_for(i for s in sources if (i := base.identify(s)) is not None)


def enrich(sources: Sequence[SourceAliases], base: KnowledgeBase) -> list[SourceAliases]:
    """Project sources with the base's aliases and titles for those it knows.

    A project alias keeps its place first; the base's aliases are added after it and marked
    as coming from the base (`SourceAliases.known`), so evidence can say so.
    """
    result = []
    for source in sources:
        identity = base.identify(source)
        known = base.aliases_for(identity) if identity else {}
        if identity is None or not known:
            result.append(source)
            continue
        own = {lang: set(items) for lang, items in source.aliases.items()}
        extra = {
            lang: tuple(a for a in items if a not in own.get(lang, set()))
            for lang, items in known.items()
        }
        merged = {
            lang: _unique([*source.aliases.get(lang, ()), *extra.get(lang, ())])
            for lang in {*source.aliases, *extra}
        }
        result.append(
            SourceAliases(
                source.name,
                merged,
                specific=source.specific,
                titles=base.titles_for(identity),
                places=base.places_for(identity),
                known=frozenset(a for items in extra.values() for a in items),
                learnt=source.learnt,
            )
        )
    return result


# --- reading the data --------------------------------------------------------------------------


class KnowledgeError(ValueError):
    """The knowledge file is not in the expected shape."""


def parse_knowledge(text: str) -> KnowledgeBase:
    """The knowledge base from the text of its JSON file."""
    try:
        data = json.loads(text)
        entries = [_entry(item) for item in data["entries"]]
    except (KeyError, TypeError, ValueError) as error:
        raise KnowledgeError(f"knowledge base: {error}") from error
    ids = {e.id for e in entries}
    for entry in entries:
        if entry.part_of is not None and entry.part_of not in ids:
            raise KnowledgeError(f"knowledge base: {entry.id} is part of unknown {entry.part_of}")
    return KnowledgeBase(entries)


def _entry(item: Mapping[str, object]) -> KnownEntry:
    people = []
    for person in _list(item.get("people", [])):
        if not isinstance(person, Mapping):
            raise KnowledgeError("a person is an object")
        people.append(
            KnownPerson(
                str(person["name"]),
                tuple(str(a) for a in _list(person.get("also", []))),
                str(person.get("role", "")),
                _year(person.get("from")),
                _year(person.get("to")),
            )
        )
    part_of = item.get("part_of")
    return KnownEntry(
        id=str(item["id"]),
        names=tuple(str(n) for n in _list(item.get("names", []))),
        aliases=_per_language(item.get("aliases", {})),
        titles=_per_language(item.get("titles", {})),
        people=tuple(people),
        part_of=None if part_of is None else str(part_of),
        places=_per_language(item.get("places", {})),
    )


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise KnowledgeError(f"expected a list, got {value!r}")
    return value


def _per_language(value: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise KnowledgeError(f"expected languages, got {value!r}")
    return {str(lang): tuple(str(a) for a in _list(items)) for lang, items in value.items()}


def _year(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _key(text: str) -> str:
    return " ".join(fold_plain(text).replace(".", "").split())


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        if item.strip():
            seen.setdefault(item, None)
    return tuple(seen)
