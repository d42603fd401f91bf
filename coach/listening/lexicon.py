"""The lexicon: word lists and rule tables from YAML, loaded once, with file:line errors."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from coach.errors import FlowError, Problem
from coach.resources import default_lexicon

T = TypeVar("T")


def normalise(text: str) -> str:
    """Lower-case, straight quotes, single spaces: the form every lexicon match runs on."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.lower().split())


class Phrases:
    """A compiled list of whole-word phrases; ``word*`` matches any ending."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = [str(p) for p in phrases]
        self._compiled: re.Pattern[str] | None = None

    @property
    def _re(self) -> re.Pattern[str]:
        """Compiled on first use: most lists are never needed in a short conversation."""
        if self._compiled is None:
            parts = []
            for p in sorted(self.phrases, key=len, reverse=True):
                p = normalise(p)
                parts.append(re.escape(p[:-1]) + r"[\w'-]*" if p.endswith("*") else re.escape(p))
            body = "|".join(parts) or r"(?!x)x"
            self._compiled = re.compile(rf"(?<![\w'])(?:{body})(?![\w'])")
        return self._compiled

    def find(self, text: str) -> list[str]:
        """Every phrase occurrence in already-normalised text."""
        return self._re.findall(text)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where each phrase occurs in already-normalised text."""
        return [m.span() for m in self._re.finditer(text)]

    def __contains__(self, text: str) -> bool:
        return self._re.search(text) is not None


@dataclass(frozen=True)
class Motivation:
    """One motivation from the essay, as the coach names it back."""

    id: str
    label: str
    words: Phrases
    note: str = ""
    means: str = ""  # said when asked what the label means, where the label would only say it again


@dataclass(eq=False)
class Lexicon:
    """Every word list behind the rules, loaded from YAML."""

    raw: dict[str, Any]
    yes: Phrases = field(init=False)
    no: Phrases = field(init=False)
    unsure: Phrases = field(init=False)
    advice: Phrases = field(init=False)
    advice_question: Phrases = field(init=False)
    off_topic: Phrases = field(init=False)
    why_asking: Phrases = field(init=False)
    distress: Phrases = field(init=False)
    distress_not: Phrases = field(init=False)
    energy_words: Phrases = field(init=False)
    bedrock_core: Phrases = field(init=False)
    bedrock_themes: Phrases = field(init=False)
    bedrock_specific: Phrases = field(init=False)
    ambition: Phrases = field(init=False)
    own_drives: Phrases = field(init=False)
    outside: Phrases = field(init=False)
    motivations: dict[str, Motivation] = field(init=False)
    _compiled: dict[str, Any] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        r = self.raw
        self.yes = Phrases(r.get("yes", []))
        self.no = Phrases(r.get("no", []))
        self.unsure = Phrases(r.get("unsure", []))
        self.advice = Phrases(r.get("advice", []))
        self.advice_question = Phrases(r.get("advice_question", []))
        self.off_topic = Phrases(r.get("off_topic", []))
        self.why_asking = Phrases(r.get("why_asking", []))
        self.distress = Phrases(r.get("distress", []))
        self.distress_not = Phrases(r.get("distress_not", []))
        energy = r.get("energy", {})
        self.energy_words = Phrases(energy.get("words", []))
        self.energy_min_words = int(energy.get("min_words", 45))
        self.energy_exclamations = int(energy.get("exclamations", 1))
        bedrock = r.get("bedrock", {})
        self.bedrock_core = Phrases(bedrock.get("core", []))
        self.bedrock_themes = Phrases(bedrock.get("themes", []))
        self.bedrock_specific = Phrases(bedrock.get("specific", []))
        self.bedrock_min_words = int(bedrock.get("min_words", 3))
        self.ambition = Phrases(r.get("ambition", []))
        self.own_drives = Phrases(r.get("own_drives", []))
        self.outside = Phrases(r.get("outside", []))
        self.ambition_note = str(r.get("ambition_note", ""))
        self.outside_note = str(r.get("outside_note", ""))
        self.motivations = {
            mid: Motivation(
                id=mid,
                label=str(spec.get("label", mid)),
                words=Phrases(spec.get("words", [])),
                note=str(spec.get("note", "")),
                means=str(spec.get("means", "")),
            )
            for mid, spec in (r.get("motivations") or {}).items()
        }

    def compiled(self, key: str, build: Callable[[Lexicon], T]) -> T:
        """A table built from this lexicon once (rule tables compile on first use)."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        found: T = self._compiled[key]
        return found


# Lexicons read elsewhere (the flow cache) for these files as they are now: parsing the YAML
# again with line numbers would make the mentee's first answer wait most of a second.
# One per lexicon path, with the stamp of the files it was read from (a newer one replaces it).
_primed: dict[str, tuple[tuple[tuple[str, int, int], ...], Lexicon]] = {}


def prime(lex: Lexicon, path: Path | None = None) -> None:
    """Hand over the lexicon of ``path`` (the shipped one by default), already read, for load_lexicon."""
    path = path or default_lexicon()
    _primed[str(path)] = (_stamp(path), lex)


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load a lexicon file (the shipped one by default); errors carry file:line.

    Kept per process until one of the YAML files beside it (or the shipped ones) changes."""
    path = path or default_lexicon()
    stamp = _stamp(path)
    primed = _primed.get(str(path))
    return primed[1] if primed and primed[0] == stamp else _load_lexicon_cached(str(path), stamp)


def _stamp(path: Path) -> tuple[tuple[str, int, int], ...]:
    """Size and modification time of every YAML file beside ``path`` and the shipped ones (and one
    folder down). os.scandir, not Path.glob: this runs several times a turn."""
    out: list[tuple[str, int, int]] = []

    def scan(folder: str, depth: int) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for e in entries:
            try:
                if e.name.endswith(".yaml") and e.is_file():
                    st = e.stat()
                    out.append((e.path, st.st_size, st.st_mtime_ns))
                elif depth and e.is_dir():
                    scan(e.path, depth - 1)
            except OSError:
                continue

    for root in {str(path.parent), str(default_lexicon().parent)}:
        scan(root, 1)
    return tuple(sorted(out))


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` over ``base``: lists are appended, mappings merged one level deep."""
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = merged[key] + value
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _words(data: dict[str, Any]) -> dict[str, Any]:
    """Every word list the rule tables of ``data`` may name."""
    from coach.listening.patterns import TABLES

    out: dict[str, Any] = {}
    for words_key in {w for w, _ in TABLES.values()}:
        out.update(data.get(words_key) or {})
    return out


def _read(path: Path, base: dict[str, Any] | None = None, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """One lexicon file with its ``include:`` files merged under it, rule tables checked."""
    from coach.listening.patterns import check_tables
    from coach.yaml_lines import load_yaml, plain, value_position

    data = load_yaml(path)
    if not isinstance(data, dict):
        raise FlowError([Problem(str(path), 1, 1, "error", "a lexicon must be a mapping of word lists")])
    merged: dict[str, Any] = {}
    includes = data.get("include") or []
    for name in includes if isinstance(includes, list) else [includes]:
        target = (path.parent / str(name)).resolve()
        if target in seen or not target.is_file():
            line, col = value_position(data, "include")
            why = "includes itself" if target in seen else f"not found (looked in {target})"
            raise FlowError([Problem(str(path), line, col, "error", f"included lexicon '{name}' {why}")])
        merged = _merge(merged, _read(target, base, (*seen, path.resolve())))
    known = {**_words(base or {}), **_words(merged)}
    problems = check_tables(data, str(path), known)
    if problems:
        raise FlowError(problems)
    own = plain(data)
    own.pop("include", None)
    return _merge(merged, own)


@lru_cache(maxsize=8)
def _load_lexicon_cached(path: str, stamp: tuple[tuple[str, int, int], ...]) -> Lexicon:
    if Path(path).resolve() == default_lexicon().resolve():
        return Lexicon(_read(Path(path)))
    base = _read(default_lexicon())
    return Lexicon(_merge(base, _read(Path(path), base)))
