"""Issue 13's attacks, replayed: each must meet the safe outcome (one line, nothing run, nothing lost)."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import jinja2
import pytest
from click.testing import CliRunner

from coach.cli import cli
from coach.flow.template import TemplateRefused, render


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), input=input)


def one_line_error(result: Any, *needles: str) -> None:
    """The command failed with exactly one line saying why, and no traceback."""
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in result.output + result.stderr
    for needle in needles:
        assert needle in err, err


def flow_file(tmp_path: Path, say: str, name: str = "evil.yaml", extra: str = "") -> Path:
    """A small valid flow whose second step says ``say`` (a template)."""
    path = tmp_path / name
    path.write_text(
        textwrap.dedent(
            """\
            flow: evil
            version: 1
            start: goal
            {extra}steps:
              goal:
                phase: goal
                purpose: to hear a goal
                ask: "What is your goal?"
                save_as: goal
                next: echo
              echo:
                phase: close
                purpose: to play it back
                say: {say}
                ask: "Is that right?"
                next: done
              done:
                phase: close
                purpose: to end
                say: "Bye."
                end: completed
            """
        ).format(say=say, extra=extra),
        encoding="utf-8",
    )
    return path


# --- 1. flow files run no code -----------------------------------------------------------------

ATTACKS = {
    "cycler_globals": "{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}",
    "class_mro": "{{{{ goal.__class__.__mro__[1].__subclasses__() }}}}",
    "getitem_dunder": "{{{{ goal['__class__'] }}}}",
    "str_format": "{{{{ '{{0.__class__}}'.format(goal) }}}}",
    "macro_recursion": "{{% macro f() %}}{{{{ f() }}}}{{% endmacro %}}{{{{ f() }}}}",
    "include": "{{% include '{marker}' %}}",
    "power": "{{{{ 10 ** 10 ** 10 }}}}",
    "repeat": "{{{{ goal * 1000000000 }}}}",
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_validate_reports_a_template_reaching_outside_the_sandbox_at_its_line(tmp_path: Path, attack: str) -> None:
    marker = tmp_path / "pwned"
    path = flow_file(tmp_path, repr(ATTACKS[attack].format(marker=marker)))
    result = run("flow", "validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:14:" in result.output  # the say: line
    assert "which flows may not do" in result.output
    assert not marker.exists()


@pytest.mark.parametrize(
    "command", [["chat", "--no-llm", "--jsonl"], ["flow", "fuzz", "--runs", "3"], ["flow", "graph"]]
)
def test_no_command_runs_a_hostile_flow(tmp_path: Path, command: list[str]) -> None:
    marker = tmp_path / "pwned"
    path = flow_file(tmp_path, repr(ATTACKS["cycler_globals"].format(marker=marker)))
    if command[0] == "chat":
        args = [*command, "--flow", str(path), "--db", str(tmp_path / "c.db")]
    else:
        args = [*command, str(path)]
    result = run(*args, input="to lead a team\nyes\n")
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert not marker.exists()
    assert "uid=" not in result.output


def test_flow_test_refuses_a_hostile_flow(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    flow_file(tmp_path, repr(ATTACKS["cycler_globals"].format(marker=marker)))
    (tmp_path / "evil.test.yaml").write_text(
        "flow: evil.yaml\ntests:\n  - name: echo\n    turns:\n      - answer: to lead\n        step: echo\n"
    )
    result = run("flow", "test", str(tmp_path / "evil.test.yaml"))
    assert result.exit_code == 1
    assert "which flows may not do" in result.output
    assert not marker.exists()


@pytest.mark.parametrize(
    "source, values",
    [
        ("{{ cycler.__init__.__globals__ }}", {}),  # no jinja globals at all
        ("{{ lipsum() }}", {}),
        ("{{ x.__class__ }}", {"x": "text"}),
        ("{{ x['__class__'] }}", {"x": "text"}),
        ("{{ x.format(x) }}", {"x": "{0.__class__}"}),
        ("{{ x.mro }}", {"x": str}),
        ("{{ x.pop('a') }}", {"x": {"a": 1}}),
        ("{{ x * 10000000 }}", {"x": "ab"}),
        ("{{ x ** y }}", {"x": 10, "y": 1000}),
    ],
    ids=["globals", "lipsum", "dunder", "dunder_item", "format", "type_attr", "mutation", "repeat", "power"],
)
def test_rendering_refuses_whatever_validation_would_have(source: str, values: dict[str, Any]) -> None:
    """Defence in depth: a template that skipped validation still cannot leave the sandbox."""
    with pytest.raises((TemplateRefused, jinja2.UndefinedError, jinja2.exceptions.SecurityError)):
        render(source, values)


def test_the_default_flows_templates_still_render_in_the_sandbox() -> None:
    text = render(
        '{% set named = {"a": "A"} %}{% for m in ms %}{{ named.get(m, m) }}{% if not loop.last %}, {% endif %}'
        '{% endfor %} / {{ job.split(",")[0] | reflect }} / {{ prev.goals | map("reflect") | list | listing }}',
        {"ms": ["a", "b"], "job": "My manager's job, because", "prev": {"goals": ["I lead", "I teach"]}},
    )
    assert text == "A, b / your manager's job / you lead and you teach"


@pytest.mark.parametrize("lexicon", ["../outside.yaml", "/etc/passwd", "sub/../../outside.yaml"])
def test_a_lexicon_outside_the_flows_folder_is_an_error_at_its_line(tmp_path: Path, lexicon: str) -> None:
    (tmp_path / "outside.yaml").write_text("motivations: {}\n")
    folder = tmp_path / "flows"
    folder.mkdir()
    path = flow_file(folder, '"Hello"', extra=f"lexicon: {lexicon}\n")
    result = run("flow", "validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:4:" in result.output and "outside the flow's folder" in result.output


# --- 6. flows that would loop or recurse forever are refused by validate --------------------------


def say_only_flow(tmp_path: Path, n: int, loop: bool = False) -> Path:
    lines = ["flow: big", "version: 1", "start: s0", "steps:"]
    for i in range(n):
        nxt = f"s{i + 1}" if i < n - 1 else ("s0" if loop else "fin")
        lines += [f"  s{i}:", "    phase: trust", "    purpose: hi", f"    say: 'Step {i}'", f"    next: {nxt}"]
    lines += [
        "  fin:",
        "    phase: close",
        "    purpose: bye",
        "    say: bye",
        "    ask: 'Done?'",
        "    end: completed",
    ]
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize(
    "n, loop, where, message",
    [
        (1000, False, ":4:", "the flow has 1,001 steps; at most 500"),
        (300, False, ":105:", "step 's20' ends a run of 21 steps that ask nothing"),
        (3, True, ":5:", "steps 's0' -> 's1' -> 's2' -> 's0' form a loop that asks nothing"),
    ],
    ids=["1000_say_only_steps", "long_say_only_run", "question_less_loop"],
)
def test_flows_the_engine_could_not_finish_are_refused_at_their_line(
    tmp_path: Path, n: int, loop: bool, where: str, message: str
) -> None:
    path = say_only_flow(tmp_path, n, loop)
    result = run("flow", "validate", str(path))
    assert result.exit_code == 1
    assert f"{path}{where}" in result.output and message in result.output, result.output
    chat = run("chat", "--no-llm", "--flow", str(path), "--db", str(tmp_path / "c.db"), input="yes\n")
    assert chat.exit_code == 1 and message in chat.stderr
    assert "RecursionError" not in chat.output and "Traceback" not in chat.output


@pytest.mark.parametrize(
    "say",
    ["{{ " + "(" * 400 + "goal" + ")" * 400 + " }}", "{% if goal %}" * 300 + "x" + "{% endif %}" * 300],
    ids=["parentheses", "ifs"],
)
def test_a_deeply_nested_template_is_an_error_not_a_recursion_error(tmp_path: Path, say: str) -> None:
    path = flow_file(tmp_path, repr(say))
    result = run("flow", "validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:14:" in result.output and "nested too deeply" in result.output


# --- 6. every I/O failure is one line and leaves the database as it was --------------------------

ROOT_BYPASSES_PERMISSIONS = hasattr(os, "geteuid") and os.geteuid() == 0


def coach_process(
    *args: str, home: Path, stdin: str = "", unprivileged: bool = False, max_file_bytes: int | None = None
) -> subprocess.CompletedProcess[str]:
    """Run coach in its own process: without root's power over permissions, or with a file-size limit."""
    prefix: list[str] = []
    if unprivileged and ROOT_BYPASSES_PERMISSIONS:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a file read-only for the test")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]

    def limit() -> None:
        if max_file_bytes is not None:  # the disk is "full" once a file would grow past this
            resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    env = {**os.environ, "COACH_HOME": str(home), "COACH_REPHRASE": "off"}
    env.pop("COACH_DB", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "coach", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=limit,
        timeout=120,
        check=False,
    )


def one_line(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert done.returncode != 0, done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("coach: error: "), done.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def snapshot(db: Path) -> dict[str, Any]:
    """Everything a user could lose: sessions, turns, config, shares (read with plain sqlite3)."""
    # Without a WAL beside it the file is everything (and opening it must not create one).
    immutable = "" if Path(str(db) + "-wal").exists() else "&immutable=1"
    conn = sqlite3.connect(f"file:{db}?mode=ro{immutable}", uri=True)
    conn.text_factory = bytes
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("sessions", "turns", "config", "shares")
        }
    finally:
        conn.close()


@pytest.fixture
def mentee_db(tmp_path: Path) -> Path:
    """Session 1 finished, session 2 paused, a retention setting, a mentor key."""
    home = tmp_path / "home"
    db = tmp_path / "coach.db"
    for answers in (["yes", "Lead the platform team", "My manager's job"], ["yes", "Teach"]):
        done = coach_process(
            "chat",
            "--jsonl",
            "--no-llm",
            "--db",
            str(db),
            "--mentee",
            "sam",
            home=home,
            stdin="".join(a + "\n" for a in answers),
        )
        assert done.returncode == 0, done.stderr
    assert coach_process("config", "retention", "365", "--db", str(db), home=home).returncode == 0
    assert coach_process("mentor", "init", "--name", "alex", home=home).returncode == 0
    conn = sqlite3.connect(db)  # the last connection to close removes the -wal and -shm files
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert not any(Path(str(db) + side).exists() for side in ("-wal", "-shm"))
    return db


def mentor_key(home: Path) -> str:
    return (home / "keys" / "mentor.pub").read_text().splitlines()[-1]


def commands(db: Path, home: Path, tmp_path: Path) -> dict[str, list[str]]:
    """One of every command that writes to the database."""
    return {
        "chat": ["chat", "--jsonl", "--no-llm", "--db", str(db), "--mentee", "sam"],
        "resume": ["chat", "--jsonl", "--no-llm", "--db", str(db), "--resume", "2"],
        "delete": ["delete", "1", "--yes", "--db", str(db)],
        "retention": ["config", "retention", "30", "--db", str(db)],
        "share": [
            "share",
            "1",
            "--to",
            mentor_key(home),
            "--scope",
            "full",
            "--out",
            str(tmp_path / "s.bundle"),
            "--yes",
            "--db",
            str(db),
        ],
    }


@pytest.mark.parametrize("command", ["chat", "resume", "delete", "retention", "share"])
def test_a_full_disk_is_one_line_and_changes_nothing(tmp_path: Path, mentee_db: Path, command: str) -> None:
    home = tmp_path / "home"
    before = snapshot(mentee_db)
    args = commands(mentee_db, home, tmp_path)[command]
    # No file may grow past the database's own size: the first page written to the WAL fails.
    done = coach_process(*args, home=home, stdin="yes\nMore words\n", max_file_bytes=4096)
    one_line(done, "(is it full?)", "nothing was changed")
    assert snapshot(mentee_db) == before
    assert not (tmp_path / "s.bundle").exists()


@pytest.mark.parametrize("command", ["chat", "resume", "delete", "retention", "share"])
def test_a_read_only_database_is_one_line_changes_nothing_and_leaves_no_wal(
    tmp_path: Path, mentee_db: Path, command: str
) -> None:
    home = tmp_path / "home"
    before = snapshot(mentee_db)
    mentee_db.chmod(0o444)
    done = coach_process(*commands(mentee_db, home, tmp_path)[command], home=home, stdin="yes\n", unprivileged=True)
    one_line(done, "read-only", "nothing was changed")
    assert snapshot(mentee_db) == before
    assert not any(Path(str(mentee_db) + side).exists() for side in ("-wal", "-shm"))


def test_a_read_only_database_can_still_be_read(tmp_path: Path, mentee_db: Path) -> None:
    home = tmp_path / "home"
    mentee_db.chmod(0o444)
    listed = coach_process("sessions", "--db", str(mentee_db), home=home, unprivileged=True)
    assert listed.returncode == 0 and "sam" in listed.stdout, listed.stderr
    shown = coach_process("show", "1", "--db", str(mentee_db), home=home, unprivileged=True)
    assert shown.returncode == 0 and "Lead the platform team" in shown.stdout, shown.stderr


def damage(db: Path, sql: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "column, sql",
    [
        ("state", "UPDATE sessions SET state = CAST(x'7b22ff223a317d' AS TEXT) WHERE id = 1"),
        ("text", "UPDATE turns SET text = CAST(x'4c656164ff' AS TEXT) WHERE session_id = 1 AND role = 'mentee'"),
    ],
)
def test_a_damaged_row_is_one_line_and_can_still_be_deleted(
    tmp_path: Path, mentee_db: Path, column: str, sql: str
) -> None:
    home = tmp_path / "home"
    damage(mentee_db, sql)
    before = snapshot(mentee_db)
    share = ["share", "1", "--to", mentor_key(home), "--scope", "full", "--out", str(tmp_path / "s.bundle"), "--yes"]
    readers = [["show", "1"], share]
    if column == "state":  # resuming reads the state (a damaged answer in the transcript is not needed)
        readers.append(["chat", "--jsonl", "--no-llm", "--resume", "1"])
    for args in readers:
        done = coach_process(*args, "--db", str(mentee_db), home=home, stdin="yes\n")
        one_line(done, "damaged")
        assert "\ufffd" not in done.stderr  # the damaged text itself is not echoed
    assert snapshot(mentee_db) == before
    listed = coach_process("sessions", "--db", str(mentee_db), home=home)
    assert listed.returncode == 0 and "sam" in listed.stdout
    deleted = coach_process("delete", "1", "--yes", "--db", str(mentee_db), home=home)
    assert deleted.returncode == 0, deleted.stderr
    assert [row[0] for row in snapshot(mentee_db)["sessions"]] == [2]


@pytest.mark.parametrize("how", ["user_version", "migration_log"])
def test_a_database_from_a_newer_coach_is_refused_before_anything_is_written(
    tmp_path: Path, mentee_db: Path, how: str
) -> None:
    from coach.store.connection import SCHEMA_VERSION

    newer = SCHEMA_VERSION + 7
    if how == "user_version":
        damage(mentee_db, f"PRAGMA user_version = {newer}")
    else:  # a coach from before user_version, but with a migration this one does not know
        damage(mentee_db, "PRAGMA user_version = 0")
        for i in range(SCHEMA_VERSION, newer):
            damage(mentee_db, f"INSERT INTO _migrations VALUES ('{i:03d}_from_the_future', '2030-01-01')")
    raw = mentee_db.read_bytes()
    home = tmp_path / "home"
    for args in (["sessions"], ["chat", "--jsonl", "--no-llm"], ["delete", "1", "--yes"], ["config", "retention"]):
        done = coach_process(*args, "--db", str(mentee_db), home=home, stdin="yes\n")
        one_line(done, f"made by a newer coach, version {newer}; upgrade coach")
    assert mentee_db.read_bytes() == raw


def test_a_database_that_is_not_coachs_is_not_written_into(tmp_path: Path) -> None:
    other = tmp_path / "places.sqlite"
    damage(other, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    raw = other.read_bytes()
    done = coach_process("sessions", "--db", str(other), home=tmp_path / "home")
    one_line(done, "not a coach one")
    assert other.read_bytes() == raw


def test_mentor_init_with_a_read_only_home_is_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o500)
    done = coach_process("mentor", "init", "--name", "alex", home=home, unprivileged=True)
    one_line(done, str(home / "keys"))
    assert not (home / "keys").exists()


# --- 7. hostile bundles and names never reach a terminal or a page as markup ----------------------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202egnp.exe"
MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)><a href='http://evil.example'>x</a>"


def crafted_bundle(tmp_path: Path, session: dict[str, Any], name: str = "sam") -> Path:
    """A bundle made and validly signed by a (malicious) mentee, for the mentor of this COACH_HOME."""
    from nacl.signing import SigningKey

    from coach.share.bundle import seal
    from coach.share.keys import b64, init_mentor

    mentor, _ = init_mentor("alex", "2026-01-01T00:00:00Z")
    payload = {
        "share": "ab" * 16,
        "created_at": "2026-01-01T00:00:00Z",
        "expires_at": "2999-01-01T00:00:00Z",
        "from": {"name": name},
        "to": {"name": "alex", "key": b64(bytes(mentor.private.public_key))},
        "scope": "full",
        "sessions": [session],
    }
    path = tmp_path / "crafted.bundle"
    path.write_bytes(seal(payload, SigningKey.generate(), bytes(mentor.private.public_key)))
    return path


def good_session(**changes: Any) -> dict[str, Any]:
    session: dict[str, Any] = {
        "id": 1,
        "flow": "career-conversation",
        "flow_version": 1,
        "status": "completed",
        "started_at": "2026-01-01T00:00:00.000Z",
        "ended_at": None,
        "summary": {"goals": ["Lead"], "motivations": [], "bedrock": [], "passions": [], "experiment": None},
        "summary_withheld": 0,
        "turns": [{"n": 1, "role": "coach", "phase": "goal", "text": "Where?"}, {"withheld": [2]}],
    }
    session.update(changes)
    return session


@pytest.mark.parametrize(
    "changes",
    [
        {"id": MARKUP},
        {"summary_withheld": MARKUP},
        {"turns": [{"withheld": [MARKUP]}]},
        {"turns": [{"n": 1, "role": MARKUP, "phase": "goal", "text": "x"}]},
        {"turns": [{"n": 1, "role": "coach", "phase": ESCAPES, "text": "x"}]},
        {"status": ESCAPES},
        {"started_at": MARKUP},
    ],
    ids=["session_id", "summary_withheld", "withheld_turns", "role", "phase", "status", "timestamp"],
)
def test_a_signed_bundle_with_markup_where_numbers_go_is_refused_in_one_line(
    tmp_path: Path, changes: dict[str, Any]
) -> None:
    bundle = crafted_bundle(tmp_path, good_session(**changes))
    result = run("review", str(bundle), "--format", "html", "--db", str(tmp_path / "mentor.db"))
    one_line_error(result, "not a well-formed coach bundle")
    assert "<" not in result.stderr and "\x1b" not in result.stderr


HOSTILE_TEXT = f"{MARKUP} {ESCAPES} # not a heading **bold** [link](http://evil.example)"


@pytest.fixture
def hostile_review(tmp_path: Path) -> dict[str, str]:
    """A well-formed, signed bundle whose every word is hostile, reviewed in every format."""
    session = good_session(
        summary={
            "goals": [HOSTILE_TEXT],
            "motivations": [HOSTILE_TEXT],
            "bedrock": [],
            "passions": [],
            "experiment": HOSTILE_TEXT,
        },
        summary_withheld=2,
        turns=[
            {"n": 1, "role": "coach", "phase": "goal", "text": HOSTILE_TEXT},
            {"n": 2, "role": "mentee", "phase": "goal", "text": HOSTILE_TEXT},
            {"withheld": [3, 4]},
        ],
        flow=HOSTILE_TEXT[:200],
    )
    bundle = crafted_bundle(tmp_path, session, name=("sam" + ESCAPES + MARKUP)[:200])
    out = {}
    for fmt in ("text", "md", "html", "json"):
        result = run("review", str(bundle), "--format", fmt, "--db", str(tmp_path / "mentor.db"))
        assert result.exit_code == 0, result.output
        out[fmt] = result.output
    search = run("review", "--search", "script", "--format", "html", "--db", str(tmp_path / "mentor.db"))
    out["search_html"] = search.output
    out["search_text"] = run("review", "--search", "script", "--db", str(tmp_path / "mentor.db")).output
    return out


@pytest.mark.parametrize("fmt", ["text", "md", "json", "search_text"])
def test_no_terminal_escape_leaves_a_review_in_any_format(hostile_review: dict[str, str], fmt: str) -> None:
    out = hostile_review[fmt]
    assert "Lead" in out or "script" in out  # the review did show something
    for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert bad not in out, (fmt, bad)


def test_markdown_review_escapes_markup_in_every_word(hostile_review: dict[str, str]) -> None:
    md = hostile_review["md"]
    assert not re.search(r"(?<!\\)[<>]", md)  # no raw HTML
    assert not re.search(r"(?<!\\)\]\(", md)  # no link
    assert "\\<script\\>" in md and "\\# not a heading \\*\\*bold\\*\\*" in md
    assert "\n# not a heading" not in md


@pytest.mark.parametrize("fmt", ["html", "search_html"])
def test_html_review_has_no_markup_from_the_bundle_and_a_policy_against_scripts_forms_and_navigation(
    hostile_review: dict[str, str], fmt: str
) -> None:
    page = hostile_review[fmt]
    assert "&lt;script&gt;" in page
    assert tags(page) <= OUR_TAGS, tags(page) - OUR_TAGS
    assert "\x1b" not in page and "\u202e" not in page
    policy = page.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    for directive in (
        "default-src 'none'",
        "script-src 'none'",
        "form-action 'none'",
        "base-uri 'none'",
        "navigate-to 'none'",
    ):
        assert directive in policy
    assert "unsafe-inline" not in policy


OUR_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "ul",
    "li",
    "span",
    "table",
    "tr",
    "th",
    "td",
    "br",
    "section",
    "p",
    "dl",
    "dt",
    "dd",
    "div",
    # the brief's structure (landmarks, headings, numbered turns, the over-time table and chart);
    # ids and sizes are the renderer's own (loop counters, computed numbers), never a bundle's
    "header", "main", "footer", "article", "h4", "h5", "ol", "caption", "thead", "tbody", "figure", "figcaption",
    "section[aria-labelledby]", "article[aria-labelledby]", "div[aria-hidden]", "th[scope]",
    *(f"{t}[id]" for t in ("h2", "h3", "h4", "title")),
    "svg", "svg[role]", "svg[aria-labelledby]", "svg[viewbox]", "svg[width]", "svg[height]",
    "text", "text[x]", "text[y]", "text[text-anchor]", "line", "line[x1]", "line[x2]", "line[y1]", "line[y2]",
    "circle", "circle[cx]", "circle[cy]", "circle[r]",
}


def tags(page: str) -> set[str]:
    """Every tag in the page, and any attribute but the few the page itself uses."""
    from html.parser import HTMLParser

    found: set[str] = set()

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.add(tag)
            found.update(
                f"{tag}[{k}]"
                for k, _ in attrs
                if k not in ("class", "lang", "charset", "http-equiv", "content", "name")
            )

    Parser().feed(page)
    return found


def test_html_renderer_escapes_fields_even_from_a_bundle_kept_before_validation() -> None:
    """Defence in depth: bundles already in a mentor's store were never checked field by field."""
    from coach.share.render import render
    from coach.share.review import Review

    hostile_session = {
        **good_session(),
        "id": MARKUP,
        "status": MARKUP,
        "summary_withheld": MARKUP,
        "turns": [{"withheld": [MARKUP, MARKUP]}, {"n": MARKUP, "role": "mentee", "phase": MARKUP, "text": MARKUP}],
    }
    review = Review(
        bundles=[
            {
                "file": MARKUP,
                "share": MARKUP,
                "mentee": MARKUP,
                "mentee_key": MARKUP,
                "scope": MARKUP,
                "sessions": [MARKUP],
                "created_at": MARKUP,
                "expires_at": MARKUP,
            }
        ],
        mentees=[
            {
                "name": MARKUP,
                "key": "",
                "fingerprint": MARKUP,
                "sessions": [hostile_session],
                "trajectory": [
                    {
                        "session": MARKUP,
                        "started_at": MARKUP,
                        "goals": [MARKUP],
                        "motivations": [],
                        "bedrock": [],
                        "in_these_files": True,
                    }
                ],
            }
        ],
    )
    page = render(review, "html")
    assert tags(page) <= OUR_TAGS, tags(page) - OUR_TAGS
    for fmt in ("text", "md"):
        assert "\x1b" not in render(Review(review.bundles, [{**review.mentees[0], "name": ESCAPES}]), fmt)


def test_a_mentee_name_with_an_osc_escape_does_not_retitle_the_terminal(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    result = run("chat", "--jsonl", "--no-llm", "--db", str(db), "--mentee", "sam" + ESCAPES, input="yes\nLead\n")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x9b" not in result.output
    for args in (
        ["sessions"],
        ["sessions", "--json"],
        ["show", "1"],
        ["show", "1", "--format", "md"],
        ["show", "1", "--format", "json"],
    ):
        out = run(*args, "--db", str(db)).output
        assert "sam" in out
        for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert bad not in out, (args, bad)
    listing = run("sessions", "--json", "--db", str(db)).output
    assert json.loads(listing)[0]["mentee"] == "sam" + ESCAPES  # JSON keeps the value, escaped


def test_coach_show_md_escapes_answers(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    answer = "# Big <b>news</b> [click](http://evil.example) ![x](http://evil.example/p.png)"
    assert chat_jsonl(["yes", answer], db=db)[1].exit_code == 0
    md = run("show", "1", "--format", "md", "--db", str(db)).output
    assert "\\# Big \\<b\\>news\\</b\\> \\[click\\]\\(http://evil.example\\)" in md
    assert "<b>" not in md and "](http" not in md


def test_flow_errors_quoting_the_file_carry_no_terminal_escapes(tmp_path: Path) -> None:
    path = flow_file(tmp_path, '"Hello"', extra='lexicon: "\\e]0;pwned\\a.yaml"\n')
    result = run("flow", "validate", str(path))
    assert result.exit_code == 1 and "pwned" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


# --- deletion leaves no words in the WAL or the search index -----------------------------------

SECRET = "zyxwardenquill"


def file_bytes(db: Path) -> bytes:
    """The database and everything beside it (-wal, -shm, -journal, -lock)."""
    return b"".join(p.read_bytes() for p in sorted(db.parent.glob(db.name + "*")))


def test_delete_while_another_chat_has_the_database_open_leaves_no_words_in_the_wal(tmp_path: Path) -> None:
    home, db = tmp_path / "home", tmp_path / "coach.db"
    for answers in ([f"yes\nBecome the {SECRET} keeper\n"], ["yes\nOpen a bakery\n"]):
        done = coach_process(
            "chat", "--jsonl", "--no-llm", "--db", str(db), "--mentee", "sam", home=home, stdin=answers[0]
        )
        assert done.returncode == 0, done.stderr
    env = {**os.environ, "COACH_HOME": str(home), "COACH_REPHRASE": "off"}
    other = subprocess.Popen(
        [sys.executable, "-m", "coach", "chat", "--jsonl", "--no-llm", "--db", str(db), "--resume", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert other.stdout is not None
        while json.loads(other.stdout.readline())["type"] != "await":
            pass
        assert SECRET.encode() in file_bytes(db)
        deleted = coach_process("delete", "1", "--yes", "--db", str(db), home=home)
        assert deleted.returncode == 0, deleted.stderr
        raw = file_bytes(db)  # the other chat still has the file open
        assert SECRET.encode() not in raw and SECRET.encode("utf-16-le") not in raw
    finally:
        other.communicate("yes\n", timeout=60)
    assert other.returncode == 0


def test_forgotten_turns_leave_no_words_in_the_wal(tmp_path: Path) -> None:
    from coach.store.database import Store, Turn

    db = tmp_path / "coach.db"
    store = Store.open(db)
    sid = store.create_session(
        mentee="sam",
        flow="f",
        flow_version=1,
        flow_path="f.yaml",
        step="a",
        phase="trust",
        values={"goal": SECRET},
        state={"said": [SECRET]},
    )
    store.save(
        sid,
        step="a",
        phase="trust",
        values={"goal": SECRET},
        state={"said": [SECRET]},
        turns=[Turn("mentee", f"I want the {SECRET}", "a", "trust")],
    )
    assert SECRET.encode() in file_bytes(db)
    store.forget_turns(sid)
    assert SECRET.encode() not in file_bytes(db)


def test_a_bundle_opened_again_or_expired_leaves_no_old_words_in_the_search_index(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from coach.share import review
    from coach.share.bundle import Opened
    from coach.store.database import Store

    store = Store.open(tmp_path / "mentor.db")
    payload = {
        "share": "cd" * 16,
        "created_at": "2026-01-01T00:00:00Z",
        "expires_at": "2030-01-01T00:00:00Z",
        "from": {"name": "sam", "key": "k"},
        "to": {"name": "alex", "key": "k"},
        "scope": "full",
        "sessions": [good_session(turns=[{"n": 1, "role": "mentee", "phase": "goal", "text": f"the {SECRET}"}])],
    }
    review.keep(store, Opened(payload, "0" * 64))
    assert SECRET.encode() in file_bytes(tmp_path / "mentor.db")
    # The same share kept again with other words (a mentor re-opening a re-issued file).
    payload["sessions"][0]["turns"][0]["text"] = "a bakery"
    review.keep(store, Opened(payload, "0" * 64))
    assert SECRET.encode() not in file_bytes(tmp_path / "mentor.db")
    assert review.purge_expired(store, at=datetime(2030, 1, 1, tzinfo=UTC) + timedelta(days=1)) == 1
    assert b"bakery" not in file_bytes(tmp_path / "mentor.db")


def test_mentor_init_on_a_full_disk_is_one_line_and_leaves_no_half_key(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = coach_process("mentor", "init", "--name", "alex", home=home, max_file_bytes=16)
    one_line(done, "no key was made")
    assert not list((home / "keys").glob("mentor*"))
    again = coach_process("mentor", "init", "--name", "alex", home=home)
    assert again.returncode == 0 and "Created your mentor key pair" in again.stdout
