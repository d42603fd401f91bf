"""The brief as people see it: rendered by headless Chromium, measured for contrast and structure,
printed to A4, and photographed (docs/images/brief.png is taken here)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from brief_world import FIRST, SECOND
from browser import CHECKS, Browser, chromium, pdf_pages
from click.testing import CliRunner
from test_review import World

from coach.cli import cli

ROOT = Path(__file__).resolve().parent.parent
A4 = (595.3, 841.9)  # points
EXE = chromium()
pytestmark = pytest.mark.skipif(
    EXE is None, reason="headless Chromium is not installed (scripts/setup installs Debian's chromium as root)"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert EXE is not None
    b = Browser(EXE)
    yield b
    b.close()


@pytest.fixture
def brief_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chat_jsonl: Callable[..., Any]) -> Path:
    """Two conversations shared in two bundles, one turn redacted, a long unbroken word, and a note."""
    world = World(tmp_path, monkeypatch, chat_jsonl)
    first = list(FIRST)
    first[15] = "Sourdough baking and mountain hiking! " + "W" * 300  # a word no line can hold
    one, two = world.session(first), world.session(SECOND)
    a = world.share(str(one), "--scope", "full", name="a.bundle")
    b = world.share(str(one), str(two), "--scope", "full", "--redact", f"{two}:22", name="b.bundle")
    world.review(str(a), str(b))
    world.review("--note", "2", "Ask when the workshop is; she lit up talking about teaching")
    page = tmp_path / "brief.html"
    page.write_text(world.review(str(b), str(a), "--format", "html").output)
    return page


def test_the_brief_reads_well_on_screen(browser: Browser, brief_page: Path, tmp_path: Path) -> None:
    browser.open(brief_page, width=1000, height=1400)
    found = browser.evaluate(CHECKS)
    assert found["checked"] > 200  # it measured the page, not an empty one
    assert found["low"] == [], "text below 4.5:1 contrast"
    assert found["h1"] == 1 and found["skips"] == 0, found["levels"]
    assert found["mains"] == 1 and found["outside"] == [], "text outside the page's landmarks"
    assert found["lang"] == "en" and found["title"].startswith("Brief for your one-to-one with sam")
    assert found["scripts"] == 0 and found["overflow"] <= 0
    shot = browser.screenshot(tmp_path / "brief.png", width=1000, height=1400)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000  # a page with words on it, not a blank
    if os.environ.get("COACH_DOCS_SCREENSHOT"):  # COACH_DOCS_SCREENSHOT=1 pytest -k reads_well: refresh the docs
        (ROOT / "docs" / "images").mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, ROOT / "docs" / "images" / "brief.png")


def test_the_brief_prints_on_a4(browser: Browser, brief_page: Path) -> None:
    # A4 less the page's margins (14 mm each side) is 182 mm, 688 CSS pixels.
    browser.open(brief_page, width=688, height=1000, media="print")
    found = browser.evaluate(CHECKS)
    assert found["overflow"] <= 0, "wider than an A4 page"
    assert found["low"] == []
    pages = pdf_pages(browser.pdf())
    assert len(pages) >= 2  # each session starts a page
    assert all(abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2 for w, h in pages), pages[:3]


def test_the_mentees_own_copy_reads_as_well(browser: Browser, tmp_path: Path, chat_jsonl: Callable[..., Any]) -> None:
    db = tmp_path / "mine.db"
    assert chat_jsonl(FIRST, db=db)[1].exit_code == 0
    result = CliRunner().invoke(cli, ["show", "1", "--format", "html", "--db", str(db)])
    assert result.exit_code == 0, result.output
    page = tmp_path / "mine.html"
    page.write_text(result.output)
    browser.open(page)
    found = browser.evaluate(CHECKS)
    assert found["checked"] > 100 and found["low"] == [] and found["outside"] == []
    assert found["h1"] == 1 and found["skips"] == 0 and found["title"] == "Your conversation"


def test_the_checks_catch_what_they_look_for(browser: Browser, tmp_path: Path) -> None:
    """The measurements can fail: the label colour of the old review (4.48:1), a skipped heading level,
    text outside any landmark, and a line too wide for the page."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>t</h1><h3>skipped</h3>'
        '<p style="color:#777">grey label</p><p style="white-space:nowrap">' + "W" * 400 + "</p></main>"
        "<p>stray</p></body></html>"
    )
    browser.open(page, width=600)
    found = browser.evaluate(CHECKS)
    assert [x["text"] for x in found["low"]] == ["grey label"] and found["low"][0]["ratio"] == 4.48
    assert found["skips"] == 1 and found["outside"] == ["stray"] and found["overflow"] > 0 and found["lang"] == ""
