"""Property tests: whatever the sessions, scope and redactions, a bundle carries only what was consented."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from coach.errors import BundleError
from coach.share.bundle import open_bundle, seal
from coach.share.consent import ShareRequest, draft_share
from coach.share.keys import MentorPublic
from coach.store.connection import memory_db
from coach.store.database import Store, Turn

MENTOR = PrivateKey.generate()
OTHER = PrivateKey.generate()
SIGNER = SigningKey.generate()
WORDS = ["team", "growth", "lead", "money", "family", "build", "hard", "problems", "people", "time", "I", "want"]
MARK = re.compile(r"z[cm]\d+t\d+x")


def marker(role: str, sid: int, n: int) -> str:
    """A token that names exactly one turn, so its presence anywhere is unambiguous."""
    return f"z{role[0]}{sid}t{n}x"


@st.composite
def worlds(draw: Any) -> dict[str, Any]:
    """Two mentees, a few sessions each, turns with unique markers; coach turns sometimes echo answers."""
    sessions = []
    for mentee in ("sam", "kim"):
        for _ in range(draw(st.integers(1, 3))):
            n_pairs = draw(st.integers(0, 6))
            pairs = []
            for _ in range(n_pairs):
                words = draw(st.lists(st.sampled_from(WORDS), max_size=5))
                echo = draw(st.booleans())
                pairs.append((words, echo))
            picks = draw(st.lists(st.integers(0, max(n_pairs - 1, 0)), min_size=4, max_size=4))
            sessions.append({"mentee": mentee, "pairs": pairs, "picks": picks, "recap": draw(st.booleans())})
    return {"sessions": sessions}


def build(world: dict[str, Any]) -> tuple[Store, dict[int, dict[str, Any]]]:
    """Write the world into an in-memory store as the engine would, provenance included; return
    per-session turn texts and their summary sources."""
    store = Store(memory_db())
    info: dict[int, dict[str, Any]] = {}
    last: dict[str, int] = {}
    for s in world["sessions"]:
        prev = last.get(s["mentee"]) if s["recap"] else None
        sid = store.create_session(
            mentee=s["mentee"],
            flow="f",
            flow_version=1,
            flow_path="f.yaml",
            step="a",
            phase="goal",
            values={},
            state={},
            previous_id=prev,
        )
        turns: list[Turn] = []
        answers: list[tuple[str, str]] = []  # (text, "session:n")
        if prev is not None:
            # A recap quotes the previous session's goal, as the real flow does.
            turns.append(Turn("coach", f"Last time you said {info[prev]['goal']}", "recap", "trust",
                              sources=info[prev]["goal_refs"]))
        for words, echo in s["pairs"]:
            n = len(turns) + 1
            ask = f"{marker('coach', sid, n)} question"
            answer = " ".join([marker("mentee", sid, n + 1), *words])
            turns += [Turn("coach", ask, "a", "goal"), Turn("mentee", answer, "a", "goal")]
            answers.append((answer, f"{sid}:{n + 1}"))
            if echo:
                turns.append(Turn("coach", f"You said: {answer}. Is that right?", "a", "goal",
                                  sources=[f"{sid}:{n + 1}"]))
        pick = [answers[i] if answers else None for i in s["picks"]]
        values = {
            "goal": pick[0][0] if pick[0] else None,
            "bedrock": [pick[1][0]] if pick[1] else [],
            "passions": [pick[2][0]] if pick[2] else [],
            "experiment": pick[3][0] if pick[3] else None,
        }
        sources = {
            "goal": [pick[0][1]] if pick[0] else [],
            "bedrock": [[pick[1][1]]] if pick[1] else [],
            "passions": [[pick[2][1]]] if pick[2] else [],
            "experiment": [pick[3][1]] if pick[3] else [],
        }
        store.save(sid, step="a", phase="goal", values=values, state={"sources": sources}, status="completed",
                   turns=turns)
        info[sid] = {
            "mentee": s["mentee"],
            "goal": pick[0][0] if pick[0] else "nothing yet",
            "goal_refs": [pick[0][1]] if pick[0] else [],
            "turns": store.turns(sid),
            "summary_texts": [p[0] for p in pick if p],
        }
        last[s["mentee"]] = sid
    return store, info


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds(), data=st.data())
def test_bundle_carries_only_consented_content(world: dict[str, Any], data: Any) -> None:
    store, info = build(world)
    mentee = data.draw(st.sampled_from(sorted({i["mentee"] for i in info.values()})))
    mine = [sid for sid, i in info.items() if i["mentee"] == mentee]
    chosen = tuple(data.draw(st.lists(st.sampled_from(mine), min_size=1, unique=True)))
    scope = data.draw(st.sampled_from(["summary", "full"]))
    redact = {}
    for sid in chosen:
        numbers = [t["n"] for t in info[sid]["turns"]]
        if numbers:
            redact[sid] = frozenset(data.draw(st.lists(st.sampled_from(numbers), unique=True)))
    req = ShareRequest(chosen, MentorPublic("alex", bytes(MENTOR.public_key)), scope, redact, 7)
    draft = draft_share(store, req)
    sealed = seal(draft.payload, SIGNER, bytes(MENTOR.public_key))
    plain = json.dumps(open_bundle(sealed, MENTOR, "b").payload, ensure_ascii=False)
    present = set(MARK.findall(plain))

    for sid, i in info.items():
        markers = {marker(t["role"], sid, t["n"]) for t in i["turns"]}
        if sid not in chosen:
            assert not markers & present, f"session {sid} was not shared but its words are in the bundle"
            continue
        for t in i["turns"]:
            m = marker(t["role"], sid, t["n"])
            if t["n"] in redact.get(sid, ()) and m in t["text"]:
                assert m not in present, f"redacted turn {sid}:{t['n']} is in the bundle"
        if scope == "summary":
            allowed = set(MARK.findall(" ".join(i["summary_texts"])))
            assert present & markers <= allowed, "a transcript turn left under summary scope"
            assert all("turns" not in s for s in json.loads(plain)["sessions"])
    assert "kim" not in plain if mentee == "sam" else "sam" not in plain


@settings(max_examples=25, deadline=None)
@given(world=worlds(), data=st.data())
def test_only_the_named_mentor_can_open_and_any_flipped_byte_is_refused(world: dict[str, Any], data: Any) -> None:
    store, info = build(world)
    sid = data.draw(st.sampled_from(sorted(info)))
    req = ShareRequest((sid,), MentorPublic("alex", bytes(MENTOR.public_key)), "full", {}, 7)
    sealed = seal(draft_share(store, req).payload, SIGNER, bytes(MENTOR.public_key))
    open_bundle(sealed, MENTOR, "b")  # the named mentor can

    with pytest.raises(BundleError):
        open_bundle(sealed, OTHER, "b")
    with pytest.raises(BundleError):
        open_bundle(sealed, PrivateKey.generate(), "b")

    index = data.draw(st.integers(0, len(sealed) - 1))
    bit = data.draw(st.integers(0, 7))
    flipped = bytearray(sealed)
    flipped[index] ^= 1 << bit
    with pytest.raises(BundleError):
        open_bundle(bytes(flipped), MENTOR, "b")
