"""Property tests over real conversations: redacted, unshared and deleted words never leave or linger.

Each answer carries a unique marker word. The coach plays answers back (pronouns swapped), ladders
on them, recaps an earlier session in a later one and summarises them; whatever random answers,
redactions, share choices and deletions hypothesis picks, provenance must hold the line: a
redacted answer's marker is nowhere in the bundle, an unshared session's markers are nowhere in it,
and a deleted session's markers are nowhere in the database's bytes (WAL included).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from coach.conversation.engine import Conversation
from coach.flow.spec import Flow, load_flow
from coach.resources import default_flow
from coach.share.bundle import open_bundle, seal
from coach.share.consent import ShareRequest, draft_share
from coach.share.keys import MentorPublic
from coach.store.connection import memory_db
from coach.store.database import Store

FLOW: Flow = load_flow(default_flow())
MENTOR = PrivateKey.generate()
SIGNER = SigningKey.generate()
MARK = re.compile(r"zq\d+k\d+x")
# Ways people say things the coach plays back: first person (swapped to "you"), reasons with
# "because" (laddered), short bedrock-like statements, reported speech.
SHAPES = [
    "I want {m} to lead my own team",
    "because I love {m} and solving hard problems",
    "my boss says {m} is what I do best",
    "honestly, I guess {m} matters to me",
    "{m}, mostly",
    "I like helping people grow through {m}",
    "being trusted with {m} because it means I matter",
]
YES_NO = ["yes", "no", "yep", "sure"]


def converse(store: Store, mentee: str, plan: list[int], sid_hint: int) -> int:
    """One conversation through the default flow, answers chosen by ``plan``; returns its id."""
    conv = Conversation.start(FLOW, store, mentee)
    conv.open()
    k = 0
    for choice in plan:
        if conv.finished:
            break
        if conv.current.expect == "yes_no":
            conv.reply(YES_NO[choice % len(YES_NO)] if conv.step != "welcome" else "yes")
            continue
        k += 1
        conv.reply(SHAPES[choice % len(SHAPES)].format(m=f"zq{conv.id}k{k}x"))
    if not conv.finished:
        conv.pause()
    return conv.id


def markers_of(store: Store, sid: int) -> dict[int, str]:
    """Marker of each mentee turn of a session, by turn number."""
    out = {}
    for n, text in store.mentee_texts(sid).items():
        m = MARK.search(text)
        if m:
            out[n] = m.group(0)
    return out


plans = st.lists(st.integers(0, 30), min_size=8, max_size=40)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=plans, second=plans, data=st.data())
def test_redacted_and_unshared_words_never_reach_a_bundle(first: list[int], second: list[int], data: Any) -> None:
    store = Store(memory_db())
    one = converse(store, "sam", first, 1)
    store.db.execute("UPDATE sessions SET status = 'completed' WHERE id = ?", [one])  # so the next one recaps it
    two = converse(store, "sam", second, 2)
    # a third, after the second stopped part way: its recap carries what the second put right
    store.db.execute("UPDATE sessions SET status = 'stopped' WHERE id = ?", [two])
    three = converse(store, "sam", data.draw(plans), 3)
    sessions = {sid: markers_of(store, sid) for sid in (one, two, three)}
    chosen = tuple(data.draw(st.lists(st.sampled_from([one, two, three]), min_size=1, max_size=3, unique=True)))
    redact = {}
    for sid in chosen:
        if sessions[sid]:
            picked = data.draw(st.lists(st.sampled_from(sorted(sessions[sid])), max_size=4, unique=True))
            if picked:
                redact[sid] = frozenset(picked)
    scope = data.draw(st.sampled_from(["summary", "full"]))
    req = ShareRequest(chosen, MentorPublic("alex", bytes(MENTOR.public_key)), scope, redact, 7)
    sealed = seal(draft_share(store, req).payload, SIGNER, bytes(MENTOR.public_key))
    present = set(MARK.findall(json.dumps(open_bundle(sealed, MENTOR, "b").payload, ensure_ascii=False)))
    for sid, marks in sessions.items():
        for n, m in marks.items():
            if sid not in chosen:
                assert m not in present, f"session {sid} was not shared, yet turn {n} ({m}) is in the bundle"
            elif n in redact.get(sid, ()):
                assert m not in present, f"redacted turn {sid}:{n} ({m}) is in the bundle"
            elif scope == "full":
                assert m in present, f"turn {sid}:{n} was shared and not redacted, yet it is missing"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=plans, second=plans, third=plans, gone=st.sampled_from([0, 1, 2]))
# Found by this test: a row moved between pages left a stale copy in a page's free space, which
# secure_delete does not reach (fixed by vacuuming after a delete).
@example(first=[0, 1, 20, 1, 5, 0, 0, 0], second=[0] * 9, third=[0] * 8, gone=0)
# the second stopped part way with a new goal (a text answer, plan 1), the third's recap carries it
@example(first=[0, 1] + [3] * 30, second=[0, 0, 0, 1, 1, 1, 1, 1], third=[0] * 8, gone=1)
def test_a_deleted_conversation_leaves_no_word_in_the_database_bytes(
    first: list[int], second: list[int], third: list[int], gone: int
) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        db = folder / "coach.db"
        store = Store.open(db)
        store.db.execute("PRAGMA synchronous=OFF")  # the test's speed only: durability is tested elsewhere
        one = converse(store, "sam", first, 1)
        store.db.execute("UPDATE sessions SET status = 'completed' WHERE id = ?", [one])
        two = converse(store, "sam", second, 2)
        store.db.execute("UPDATE sessions SET status = 'stopped' WHERE id = ?", [two])  # the third carries it
        three = converse(store, "sam", third, 3)
        ids = [one, two, three]
        doomed, kept = ids[gone], [i for i in ids if i != ids[gone]]
        doomed_marks = set(markers_of(store, doomed).values())
        kept_marks = {m for sid in kept for m in markers_of(store, sid).values()}
        store.delete_session(doomed)
        raw = b"".join(p.read_bytes() for p in sorted(folder.glob("coach.db*")))
        for m in doomed_marks:
            assert m.encode() not in raw, f"{m} of deleted session {doomed} is still in the file"
        assert all(m.encode() in raw for m in kept_marks)  # the other sessions are intact
        assert all(Store.open(db).session(sid)["id"] == sid for sid in kept)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
