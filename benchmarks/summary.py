"""The figures in README.md and docs/performance.md, regenerated from benchmarks/results/.

Benchmarks write their own results (benchmarks/results.py), and that regenerates both files;
run this by hand after deleting or renaming a results file, or to check nothing is stale:

    .venv/bin/python benchmarks/summary.py            # rewrite both
    .venv/bin/python benchmarks/summary.py --check    # exit 1 if either is out of date

Every figure is shown with the machine it was measured on. tests/test_docs.py checks that
both files say exactly what this script would write, so figures are never edited by hand.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
README = ROOT / "README.md"
PAGE = ROOT / "docs" / "performance.md"
START = "<!-- figures:start -->"
END = "<!-- figures:end -->"
NOTICE = "<!-- Written by benchmarks/summary.py from benchmarks/results/; do not edit by hand. -->"


@dataclass(frozen=True)
class Result:
    """One results file: its name, the script that wrote it, the machine, and its figures."""

    name: str
    script: str
    machine: dict[str, Any] | None
    headline: list[tuple[str, str]] = field(default_factory=list)
    markdown: str = ""


def load_results(directory: Path = RESULTS) -> list[Result]:
    """Every ``<name>.json`` in ``directory`` (with its ``<name>.md``), sorted by name."""
    out = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        name = path.stem
        md = path.with_suffix(".md")
        headline = [(str(h["what"]), str(h["figure"])) for h in data.get("headline") or []]
        script = data.get("script") or f"bench_{name.split('-')[0]}.py"
        out.append(Result(name, script, data.get("machine"), headline,
                          md.read_text(encoding="utf-8") if md.exists() else ""))
    return out


def machine_line(machine: dict[str, Any] | None) -> str:
    """Where and when, in a few words: "2 cores (AMD EPYC), 2026-12-02, load 4.68"."""
    if not machine:
        return "not recorded"
    load = machine.get("loadavg_at_start")
    when = str(machine.get("when") or "")[:10]
    text = f"{machine.get('cores')} cores ({machine.get('cpu')}), {when}"
    return text + (f", load {load[0]}" if load else "")


def readme_block(results: list[Result]) -> str:
    """The README's figures, between the markers: a few per results file, each with its machine."""
    lines = [START, NOTICE, "", "| what | figure | measured on |", "|---|---|---|"]
    for r in results:
        where = machine_line(r.machine)
        rows = r.headline or [(f"`{r.script}` ({r.name})", f"[on the performance page](docs/performance.md#{r.name})")]
        lines += [f"| {what} | {figure} | {where} |" for what, figure in rows]
    if not results:
        lines.append("| (no benchmark has written results yet) | | |")
    lines += ["", "Every figure, with how it was measured: [docs/performance.md](docs/performance.md).", END]
    return "\n".join(lines)


def _demoted(markdown: str) -> str:
    """A results file's Markdown with its headings two levels down, to sit under this page's own."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        out.append("##" + line if not fenced and re.match(r"#+ ", line) else line)
    return "\n".join(out).strip()


def performance_page(results: list[Result], scripts: list[str]) -> str:
    """docs/performance.md: every results file in full, then the benchmarks with none yet."""
    lines = [
        "# Performance",
        "",
        NOTICE,
        "",
        "Every figure here was written by a script in `benchmarks/` that measured it; nothing on this "
        "page is typed by hand. Each section says the machine and the load it ran under: this project "
        "is measured on a shared 2-core machine, so compare figures from the same machine only. Run a "
        "benchmark again to refresh its section; the figures in the README follow.",
        "",
        "Tests never assert timings. A benchmark prints its figures and writes "
        "`benchmarks/results/<name>.json` (the data, with the machine) and `<name>.md` (the table below).",
    ]
    for r in results:
        lines += ["", f"## {r.name}", "", f"Written by `benchmarks/{r.script}`."]
        if r.machine is None:
            lines += ["", "(This run did not record its machine.)"]
        if r.markdown.strip():
            lines += ["", _demoted(r.markdown)]
    recorded = {r.script for r in results}
    missing = [s for s in scripts if s not in recorded]
    if missing:
        lines += ["", "## Not recorded yet", "",
                  "These benchmarks print their figures but have written no results file here yet:", ""]
        lines += [f"- `benchmarks/{s}`" for s in missing]
    return "\n".join(lines) + "\n"


def bench_scripts() -> list[str]:
    """The benchmark scripts in benchmarks/ (bench_*.py)."""
    return sorted(p.name for p in (ROOT / "benchmarks").glob("bench_*.py"))


def replace_block(text: str, block: str) -> str:
    """``text`` with everything from START to END replaced by ``block``."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"README.md has no {START} ... {END} block for the figures")
    return text[:start] + block + text[end + len(END):]


def expected() -> dict[Path, str]:
    """What README.md and docs/performance.md should hold, from the results on disk now."""
    results = load_results()
    readme = replace_block(README.read_text(encoding="utf-8"), readme_block(results))
    return {README: readme, PAGE: performance_page(results, bench_scripts())}


def update(check: bool = False) -> list[Path]:
    """Rewrite the files that are out of date (with ``check``, only list them); return those paths."""
    stale = []
    for path, text in expected().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not check:
                path.write_text(text, encoding="utf-8")
    return stale


def main() -> None:
    """Regenerate (or with --check, verify) the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is out of date")
    args = parser.parse_args()
    stale = update(check=args.check)
    for path in stale:
        print(f"{'out of date' if args.check else 'updated'}: {path.relative_to(ROOT)}")
    sys.exit(1 if stale and args.check else 0)


if __name__ == "__main__":
    main()
