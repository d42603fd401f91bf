"""The mentor's side through the real CLI: open, refuse, search, trajectory, and the four formats."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from nacl.public import PublicKey, SealedBox

from coach.cli import cli
from coach.share.bundle import MAGIC
from coach.share.consent import ShareRequest, create_share, draft_share
from coach.share.keys import load_mentor, parse_public, signing_key
from coach.store.connection import now
from coach.store.database import Store

SESSION_1 = [
    "yes",
    "Run the narwhalworks design studio one day",
    "The studio head",
    "Not payroll",
    "Critiques",
    "Because craft matters to me",
    "Because I love making beautiful useful things",
]
SESSION_2 = [
    "yes",
    "Teach design at the okapicollege",
    "The dean",
    "Not the bursar",
    "Lectures",
    "Because I like helping people grow",
    "Because helping people is what I care about",
]


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), input=input)


class World:
    """A mentor (alex) and a mentee (sam) with separate COACH_HOMEs and databases."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chat: Callable[..., Any]) -> None:
        self.tmp, self.mp, self.chat = tmp_path, monkeypatch, chat
        self.mentee_db, self.mentor_db = tmp_path / "mentee.db", tmp_path / "mentor.db"
        self.key = self.mentor_init("alex", "alex-home")
        self.be("mentee")

    def be(self, who: str) -> None:
        self.mp.setenv("COACH_HOME", str(self.tmp / f"{who}-home" if who == "mentee" else self.tmp / who))

    def mentor_init(self, name: str, home: str) -> str:
        self.be(home)
        out = run("mentor", "init", "--name", name).output
        return next(line.strip() for line in out.splitlines() if line.strip().startswith(f"{name}:"))

    def session(self, answers: list[str]) -> int:
        self.be("mentee")
        events, result = self.chat(answers, db=self.mentee_db)
        assert result.exit_code == 0, result.output
        return int(events[0]["id"])

    def share(self, *args: str, name: str = "s.bundle", key: str | None = None) -> Path:
        self.be("mentee")
        out = self.tmp / name
        result = run("share", *args, "--to", key or self.key, "--out", str(out), "--yes", "--db", str(self.mentee_db))
        assert result.exit_code == 0, result.output
        return out

    def review(self, *args: str, home: str = "alex-home") -> Any:
        self.be(home)
        return run("review", *args, "--db", str(self.mentor_db))


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chat_jsonl: Callable[..., Any]) -> World:
    return World(tmp_path, monkeypatch, chat_jsonl)


def test_review_shows_the_summary_first_then_the_transcript_minus_what_was_withheld(world: World) -> None:
    sid = world.session(SESSION_1)
    n = next(t["n"] for t in Store.open(world.mentee_db).turns(sid) if t["text"] == "Critiques")
    result = world.review(str(world.share(str(sid), "--scope", "full", "--redact", str(n))))
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("In their words") < out.index("Where they're heading:") < out.index("The conversation")
    assert out.index("The conversation") < out.index("Not payroll")
    assert "Run the narwhalworks design studio one day" in out
    assert "Critiques" not in out
    assert f"{n:>3}. [Turn {n} withheld by sam]" in out


def test_summary_scope_carries_no_transcript(world: World) -> None:
    sid = world.session(SESSION_1)
    out = world.review(str(world.share(str(sid), "--scope", "summary"))).output
    assert "Run the narwhalworks design studio one day" in out  # a goal, in the summary
    assert "Not payroll" not in out and "Critiques" not in out and "Coach:" not in out
    assert "(not shared: sam shared the summary only)" in out


def _expired_bundle(world: World) -> Path:
    """A bundle whose expiry has passed (made 'yesterday' with a one-day expiry)."""
    sid = world.session(SESSION_1)
    world.be("mentee")
    store = Store.open(world.mentee_db)
    req = ShareRequest((sid,), parse_public(world.key), "full", {}, 1)
    draft = draft_share(store, req, at=datetime.now(UTC) - timedelta(days=2))
    out = world.tmp / "old.bundle"
    create_share(store, draft, out, signing_key(now()))  # type: ignore[arg-type]
    return out


def _flip(path: Path, index: int) -> Path:
    data = bytearray(path.read_bytes())
    data[index] ^= 0x40
    out = path.with_name("flipped.bundle")
    out.write_bytes(bytes(data))
    return out


def _forwarded(world: World, original: Path) -> Path:
    """What a dishonest first mentor could do: decrypt, then re-seal the mentee's signed bytes to someone else."""
    world.be("alex-home")
    data = original.read_bytes()
    inner = SealedBox(load_mentor().private).decrypt(data[len(MAGIC) + 8 : -32])
    bob_key = parse_public(world.mentor_init("bob", "bob-home")).key
    head = MAGIC + hashlib.blake2b(bob_key, digest_size=8).digest() + SealedBox(PublicKey(bob_key)).encrypt(inner)
    out = world.tmp / "forwarded.bundle"
    out.write_bytes(head + hashlib.blake2b(head, digest_size=32).digest())
    return out


@pytest.mark.parametrize(
    ("make", "home", "message"),
    [
        (lambda w, b: _expired_bundle(w), "alex-home", "expired on"),
        (lambda w, b: _flip(b, len(b.read_bytes()) // 2), "alex-home", "damaged or tampered with"),
        (lambda w, b: _flip(b, 3), "alex-home", "not a coach share bundle"),
        (lambda w, b: b, "bob-home", "made for another mentor's key"),
        (lambda w, b: _forwarded(w, b), "bob-home", "the mentee made this for another mentor (alex); not opened"),
        (
            lambda w, b: (w.tmp / "notes.txt", (w.tmp / "notes.txt").write_text("hello"))[0],
            "alex-home",
            "not a coach share bundle",
        ),
        (
            lambda w, b: (w.tmp / "v9", (w.tmp / "v9").write_bytes(b"COACHSHARE\x09\n" + bytes(300)))[0],
            "alex-home",
            "made by a newer coach",
        ),
    ],
    ids=["expired", "tampered", "damaged-header", "other-mentor", "forwarded", "not-a-bundle", "newer-format"],
)
def test_refused_bundles_get_one_clear_line(world: World, make: Any, home: str, message: str) -> None:
    good = world.share(str(world.session(SESSION_1)), "--scope", "full")
    if home == "bob-home" and not (world.tmp / "bob-home").exists():
        world.mentor_init("bob", "bob-home")
    bad = make(world, good)
    result = world.review(str(bad), home=home)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"coach: error: {bad}: ") and message in result.stderr


def test_a_refused_file_does_not_hide_the_good_ones(world: World) -> None:
    good = world.share(str(world.session(SESSION_1)), "--scope", "summary")
    junk = world.tmp / "junk.bundle"
    junk.write_bytes(b"\x00" * 10)
    result = world.review(str(junk), str(good))
    assert result.exit_code == 1
    assert "narwhalworks" in result.stdout
    assert result.stderr == f"coach: error: {junk}: not a coach share bundle\n"


def test_several_bundles_show_the_trajectory_over_time(world: World) -> None:
    first = world.share(str(world.session(SESSION_1)), "--scope", "summary", name="a.bundle")
    second = world.share(str(world.session(SESSION_2)), "--scope", "summary", name="b.bundle")
    out = world.review(str(second), str(first)).output
    assert "Over time" in out
    over_time = out[out.index("Over time") : out.index("Session 2,")]
    assert over_time.index("narwhalworks") < over_time.index("okapicollege")
    headings = [line for line in out.splitlines() if line.startswith("sam (key ")]
    assert len(headings) == 1  # one mentee, recognised by key, not two


def test_search_finds_passages_across_held_bundles_and_never_redacted_ones(world: World) -> None:
    s1 = world.session(SESSION_1)
    n = next(t["n"] for t in Store.open(world.mentee_db).turns(s1) if t["text"] == "Because craft matters to me")
    world.review(str(world.share(str(s1), "--scope", "full", "--redact", str(n), name="a.bundle")))
    world.review(str(world.share(str(world.session(SESSION_2)), "--scope", "full", name="b.bundle")))
    hits = json.loads(world.review("--search", "because", "--format", "json").output)
    texts = [h["snippet"] for h in hits]
    assert any("beautiful" in t for t in texts) and any("helping" in t for t in texts)
    assert not any("craft" in t for t in texts)
    assert world.review("--search", "craft").output == "No passages found in the bundles you hold.\n"
    odd = world.review("--search", 'design" OR (NEAR')
    assert odd.exit_code == 0, odd.output


def test_expired_bundles_leave_the_mentors_store(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    world.review(str(world.share(str(world.session(SESSION_1)), "--scope", "full", "--expires", "2")))
    assert "narwhalworks" in world.review("--search", "narwhalworks").output
    import coach.share.review as review

    later = datetime.now(UTC) + timedelta(days=3)
    world.be("alex-home")
    store = Store.open(world.mentor_db)
    assert review.purge_expired(store, at=later) == 1
    assert review.search(store, "narwhalworks", at=later) == []


def test_html_is_one_self_contained_page_with_everything_escaped(world: World) -> None:
    hostile = ["yes", "<script>alert('x')</script> <img src=http://evil.example/x.png> & more", "boss"]
    out = world.review(str(world.share(str(world.session(hostile)), "--scope", "full")), "--format", "html").output
    assert out.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in out
    assert "<script" not in out and "<img" not in out
    assert "src=" not in out.replace("&lt;img src=", "") and "href=" not in out and "@import" not in out
    assert "default-src 'none'" in out and "@media print" in out


def test_text_output_strips_terminal_control_characters(world: World) -> None:
    sid = world.session(["yes", "Red \x1b[31malert\x1b[0m and \u202eevil"])
    out = world.review(str(world.share(str(sid), "--scope", "full"))).output
    assert "\x1b" not in out and "\u202e" not in out
    assert "alert" in out


def test_markdown_and_json_formats(world: World) -> None:
    bundle = world.share(str(world.session(SESSION_1)), "--scope", "full")
    md = world.review(str(bundle), "--format", "md").output
    assert md.startswith("# Shared with you") and "## Session 1," in md and "**sam:**" in md
    doc = json.loads(world.review(str(bundle), "--format", "json").output)
    [mentee] = doc["mentees"]
    assert mentee["name"] == "sam"
    assert mentee["sessions"][0]["summary"]["goals"][0] == "Run the narwhalworks design studio one day"
    assert doc["bundles"][0]["scope"] == "full"


def test_review_without_a_mentor_key_says_how_to_make_one(world: World) -> None:
    result = world.review("x.bundle", home="nobody-home")
    assert result.exit_code == 1
    assert result.output == "coach: error: no mentor key here; create one with: coach mentor init --name YOUR_NAME\n"
