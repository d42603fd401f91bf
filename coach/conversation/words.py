"""The mentee's words as a session keeps them: captured values, where each came from, undo.

Every value a step captures is set through here, so its provenance (the mentee turns it came
from, as "session:n") is recorded with it, and /back can undo exactly what a step changed.
Coach turns that quote values get their provenance from the template variables they read.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from coach.conversation.state import SessionState, Undo, ids_in
from coach.conversation.summary import brought_forward, non_answer, summarise_with_sources
from coach.listening.acts import unnumbered
from coach.store.database import Store

# Template names that never carry the mentee's words.
_NOT_WORDS = frozenset({"mentee", "depth"})


class Provenance:
    """Sets, appends and undoes values of one session, keeping their sources alongside."""

    def __init__(self, state: SessionState, values: dict[str, Any], session_id: int, store: Store) -> None:
        self.state = state
        self.values = values
        self.session_id = session_id
        self.store = store
        self._texts: dict[str, str] = {}
        self._undo: Undo | None = None
        self._answer: str | None = None
        self.latest_ref: str | None = None  # the mentee turn recorded last

    # --- what the mentee said ------------------------------------------------------------

    def remember(self, ref: str, text: str) -> None:
        """Keep the text of a mentee turn at hand (its reference is "session:n")."""
        self._texts[ref] = text
        self.latest_ref = ref

    def texts(self, refs: list[str]) -> list[tuple[str, str]]:
        """The texts of these mentee turns of this session, read from the store once if need be."""
        missing = [r for r in refs if r not in self._texts]
        if missing:
            stored = self.store.mentee_texts(self.session_id)
            for ref in missing:
                sid, _, n = ref.partition(":")
                if sid == str(self.session_id) and n.isdigit() and int(n) in stored:
                    self._texts[ref] = stored[int(n)]
        # "1) autonomy 2) money": read as the items they list, as the reply itself was
        return [(r, unnumbered(self._texts[r])) for r in refs if r in self._texts]

    def answer(self, text: str, ref: str | None) -> None:
        """The answer just given: what ``answer`` and ``last`` mean in templates."""
        self._answer = text
        self.state.answer_turn = int(ref.partition(":")[2]) if ref else None

    @property
    def last_answer(self) -> str:
        """The current answer's text ("" if none), from the store after a resume."""
        if self._answer is None:
            n = self.state.answer_turn
            found = self.texts([f"{self.session_id}:{n}"]) if n is not None else []
            self._answer = found[0][1] if found else ""
        return self._answer

    # --- values --------------------------------------------------------------------------

    def begin(self, undo: Undo) -> None:
        """Record what the following changes replace into ``undo`` (one answered step)."""
        self._undo = undo

    def set(self, var: str, text: str, refs: list[str]) -> None:
        """Set a text value and where its words came from."""
        if self._undo is not None and var not in self._undo.texts:
            old = self.values.get(var)
            self._undo.texts[var] = old if isinstance(old, str) else None
            self._undo.sources[var] = self.state.sources.get(var)
        self.values[var] = text
        self.state.sources[var] = sorted(set(refs))

    def append(self, var: str, item: str, refs: list[str]) -> None:
        """Append to a list value, with the item's sources."""
        items = self.values.setdefault(var, [])
        if not isinstance(items, list):
            items = self.values[var] = []
        known = self.state.sources.get(var)
        if not isinstance(known, list) or len(known) != len(items):
            known = [[] for _ in items]  # sources not kept before: none known for old items
        if self._undo is not None and var not in self._undo.lengths and var not in self._undo.texts:
            self._undo.lengths[var] = len(items)  # (a list kept whole for /back already comes back whole)
        items.append(item)
        self.state.sources[var] = [*known, sorted(set(refs))]

    def replace(self, var: str, index: int, item: str, refs: list[str]) -> None:
        """Put a corrected item in place of a list value's item ``index``, with its own sources."""
        found = self._list_item(var, index)
        if found is None:
            return
        items, known = found
        items[index] = item
        known[index] = sorted(set(refs))
        self.state.sources[var] = known

    def remove(self, var: str, index: int) -> None:
        """Take item ``index`` out of a list value ("drop the money bit"), with its sources."""
        found = self._list_item(var, index)
        if found is None:
            return
        items, known = found
        del items[index]
        del known[index]
        self.state.sources[var] = known

    def _list_item(self, var: str, index: int) -> tuple[list[Any], list[Any]] | None:
        """The list value and its sources, the whole list kept for /back before it changes."""
        items = self.values.get(var)
        if not isinstance(items, list) or not 0 <= index < len(items):
            return None
        known = self.state.sources.get(var)
        if not isinstance(known, list) or len(known) != len(items):
            known = [[] for _ in items]
        if self._undo is not None and var not in self._undo.texts and var not in self._undo.lengths:
            # A changed item is undone by putting the whole (short) list back.
            self._undo.texts[var] = None
            self._undo.sources[var] = {"items": list(items), "sources": [list(k) for k in known]}
        return items, known

    def undo(self, undo: Undo) -> None:
        """Put back what one step changed (/back)."""
        for var, old in undo.texts.items():
            saved = undo.sources.get(var)
            if old is None and isinstance(saved, dict) and "items" in saved:  # a replaced list item
                self.values[var] = list(saved["items"])
                self.state.sources[var] = saved["sources"]
            elif old is None:
                self.values.pop(var, None)
                self.state.sources.pop(var, None)
            else:
                self.values[var] = old
                if undo.sources.get(var) is not None:
                    self.state.sources[var] = undo.sources[var]
        for var, length in undo.lengths.items():
            if isinstance(self.values.get(var), list):
                del self.values[var][length:]
            if isinstance(self.state.sources.get(var), list):
                del self.state.sources[var][length:]
        self._answer = None

    # --- provenance of what the coach says ---------------------------------------------------

    def sources_of(self, template: str, item: dict[str, Any] | None = None, rung: list[str] | None = None) -> list[str]:
        """The mentee turns whose words a rendering of ``template`` may repeat.

        ``item`` is a foreach step's current item (its ``evidence``), ``rung`` the sources of
        what a why-question asks about."""
        found: set[str] = set()
        for name in _names(template):
            if name in _NOT_WORDS:
                continue
            if name in ("answer", "last", "listed"):
                if self.state.answer_turn is not None:
                    found.add(f"{self.session_id}:{self.state.answer_turn}")
            elif name == "rung":
                found |= set(rung or [])
            elif name == "summary":
                for var in _mapped(self.state.summary_map):
                    found |= _refs(self.state.sources.get(var))
            elif name == "item":
                found |= set((item or {}).get("evidence") or [])
            elif name in self.state.sources:
                found |= _refs(self.state.sources[name])
        return sorted(found)

    def last_item(self, var: str) -> list[str]:
        """The sources of the last item of a list value (or of a text value)."""
        known = self.state.sources.get(var)
        if isinstance(known, list) and known and isinstance(known[-1], list):
            return [str(r) for r in known[-1]]
        return sorted(_refs(known))

    def refs_at(self, var: str, index: int | None = None) -> list[str]:
        """The sources of a text value, or of item ``index`` of a list value: what a trimmed copy of
        its words keeps (the words left after "take the X bit out" still came from those turns)."""
        known = self.state.sources.get(var)
        if index is not None and isinstance(known, list) and index < len(known) and isinstance(known[index], list):
            return [str(r) for r in known[index]]
        return sorted(_refs(known))

    def summary(self, mapping: dict[str, Any]) -> dict[str, Any]:
        """The summary so far."""
        return summarise_with_sources(self.values, self.state.sources, mapping)[0]

    @staticmethod
    def last_picture(
        store: Store, mentee: str, previous: dict[str, Any] | None, mapping: dict[str, Any], shifted: str | None
    ) -> tuple[dict[str, Any], dict[str, Any], list[int]]:
        """The summary a returning mentee's recap starts from, its sources, and the unfinished
        conversations it carries words of: the last finished conversation's summary (``previous``), as
        every later one that stopped part way put it right ("what had shifted" included, from
        ``shifted``); with none finished, what the ones ended with /quit gathered."""
        earlier = SessionState.from_json(previous["state"] if previous else {})
        summary, where = summarise_with_sources(previous["values"] if previous else {}, earlier.sources, mapping)
        carried: list[int] = []
        # with no finished one, a talk ended part way with /quit is "last time" (a paused one is resumed instead)
        unfinished = store.unfinished_since(mentee, previous["id"], stopped_only=False) if previous else (
            store.unfinished_since(mentee, 0, stopped_only=True))
        for row in unfinished:
            state = SessionState.from_json(row["state"])
            before = json.dumps([summary, where], sort_keys=True)
            summary, where = brought_forward(summary, where, row["values"], state.sources, mapping)
            said = row["values"].get(shifted) if shifted else None
            if shifted and isinstance(said, str) and said.strip() and not non_answer(said):
                summary["shifted"], where["shifted"] = said.strip(), sorted(_refs(state.sources.get(shifted)))
            if json.dumps([summary, where], sort_keys=True) != before:
                carried.append(int(row["id"]))
        return summary, where, carried


def _refs(sources: Any) -> set[str]:
    return {r for r in ids_in(sources) if isinstance(r, str)}


def _mapped(mapping: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for v in mapping.values():
        out += v if isinstance(v, list) else [v]
    return [str(v) for v in out if v]


@lru_cache(maxsize=1024)
def _names(template: str) -> frozenset[str]:
    from coach.flow.template import variables

    return frozenset(variables(template))
