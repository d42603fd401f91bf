"""Rephrasing with the real model: acceptance rate, added latency per turn, start-up, peak memory.

Drives whole conversations through the default flow with varied mentee answers, so every
rephrasable question is asked with exactly the canonical wording, keep-terms and context the
chat passes. The model runs in its worker process, as in `coach chat`. Prints figures, asserts
nothing, and writes benchmarks/results/rephrase.{json,md} (rephrase-hog.* with --hog).

Three set-ups, each over the same conversations:
  live    every turn asks the model (no reuse): the per-generation acceptance of issue 5;
  cold    rewordings that passed are reused, nothing prepared in advance;
  warm    as `coach chat` runs: the flow's frames reworded in the background first (timed).

--hog keeps one busy process per core running throughout: the deadline must still hold.

    .venv/bin/python benchmarks/bench_rephrase.py [--min 200] [--seed 7] [--show 40] [--hog]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench_threads import cpu_hog
from results import machine, write

from coach.conversation.engine import Conversation
from coach.flow.spec import load_flow
from coach.rephrase.backends import DEADLINE_S
from coach.rephrase.frame import Frame, flow_frames
from coach.rephrase.models import find_models
from coach.rephrase.protocol import Rephrasing
from coach.rephrase.rephraser import GuardedRephraser
from coach.rephrase.supervisor import WorkerBackend
from coach.resources import default_flow
from coach.store.connection import memory_db
from coach.store.database import Store

# Each persona answers by step name; why_ladder takes its answers in turn. Yes/no steps get "yes".
PERSONAS: list[dict[str, object]] = [
    {"goal_horizon": "leading a small engineering team", "lottery_want": "my director's, she sets the direction",
     "lottery_not": "the finance lead, too many spreadsheets", "day_to_day": "meetings and planning, I guess",
     "why_ladder": ["I want to shape how we build things", "I like seeing ideas become real", "I love making things"],
     "passion_talk": "climbing and the gear that goes with it", "passion_free_day": "out in the hills with friends",
     "strengths": "explaining hard things simply", "sweet_spot": "mentoring new joiners on the platform",
     "elsewhere": "honestly a bit scary but fine", "experiment": "run the next design review myself"},
    {"goal_horizon": "running my own design studio", "lottery_want": "the creative director's",
     "lottery_not": "HR, I couldn't deal with the conflicts", "day_to_day": "pitching to clients and reviewing work",
     "why_ladder": ["I want my name on the work", "recognition matters to me", "I like being seen for what I do"],
     "passion_talk": "typography!! I could go on forever", "passion_free_day": "sketching in a cafe",
     "strengths": "seeing what's off in a layout", "sweet_spot": "brand work for the new product line",
     "elsewhere": "I'd probably go freelance", "experiment": "take on one client project on the side"},
    {"goal_horizon": "earning twice what I earn now", "lottery_want": "the CFO's, for the pay",
     "lottery_not": "the on-call engineers'", "day_to_day": "reports, negotiations, board meetings",
     "why_ladder": ["money gives me security", "I grew up without much", "I want my family to be safe"],
     "passion_talk": "personal finance and investing", "passion_free_day": "cooking for my kids",
     "strengths": "numbers and staying calm", "sweet_spot": "cost planning for the operations team",
     "elsewhere": "I'd move if the pay was right", "experiment": "ask what the next pay band requires"},
    {"goal_horizon": "not sure, maybe teaching", "lottery_want": "nobody's really",
     "lottery_not": "my manager's, she looks exhausted", "day_to_day": "no idea to be honest",
     "why_ladder": ["I like helping people", "I don't know"],
     "passion_talk": "history podcasts", "passion_free_day": "reading in the garden",
     "strengths": "listening", "sweet_spot": "onboarding and training", "elsewhere": "that would be fine",
     "experiment": "help run one onboarding session"},
    {"goal_horizon": "a principal engineer working on hard problems", "lottery_want": "the chief architect's",
     "lottery_not": "any manager's, too many people problems", "day_to_day": "design reviews and deep technical work",
     "why_ladder": ["I want to work on the hardest problems", "I love solving hard problems"],
     "passion_talk": "compilers and chess", "passion_free_day": "a long bike ride then a puzzle",
     "strengths": "debugging anything", "sweet_spot": "the performance work nobody else wants",
     "elsewhere": "I'd consider a research lab", "experiment": "write a proposal for the caching rewrite"},
    {"goal_horizon": "more freedom over how I work", "lottery_want": "the head of research's",
     "lottery_not": "sales, I hate the targets", "day_to_day": "choosing projects and writing papers",
     "why_ladder": ["I want to choose what I work on", "autonomy is what keeps me going"],
     "passion_talk": "birdwatching and photography", "passion_free_day": "walking by the sea",
     "strengths": "writing clearly", "sweet_spot": "documentation and research notes",
     "elsewhere": "it would sit fine with me", "experiment": "pitch one self-directed project"},
    {"goal_horizon": "managing the support team", "lottery_want": "my boss's job, definitely",
     "lottery_not": "the CEO's, too much pressure", "day_to_day": "rotas, escalations and coaching people",
     "why_ladder": ["I want to make the team's life easier", "I care about people being treated fairly",
                    "fairness matters deeply to me"],
     "passion_talk": "football coaching for kids", "passion_free_day": "at the pitch with the under-tens",
     "strengths": "calming angry customers", "sweet_spot": "training new support staff",
     "elsewhere": "I'd be sad but I'd cope", "experiment": "lead the weekly team huddle for a month"},
    {"goal_horizon": "working abroad, maybe in Lisbon", "lottery_want": "the regional manager's",
     "lottery_not": "legal, far too dry", "day_to_day": "travelling between offices",
     "why_ladder": ["I want to see more of the world", "new places make me feel alive"],
     "passion_talk": "languages and food", "passion_free_day": "exploring a new city",
     "strengths": "getting on with anyone", "sweet_spot": "partnerships with overseas teams",
     "elsewhere": "exciting, to be honest", "experiment": "ask about the exchange programme"},
]
EXTRA_ANSWERS = {"why_correct": "it's more about the people than the title",
                 "bedrock_ask": "I like helping people grow", "motivation_more": "recognition too",
                 "playback_note": "no, that's it", "recap": "yes it still holds"}


@dataclass
class Sample:
    step: str
    canonical: str
    keep: list[str]
    context: str | None
    result: Rephrasing
    ms: float


class Recording:
    """Wraps the guarded rephraser; records every call and its added time."""

    def __init__(self, inner: GuardedRephraser) -> None:
        self.inner = inner
        self.samples: list[Sample] = []
        self.conv: Conversation | None = None

    def rephrase(
        self, canonical: str, keep: list[str], context: str | None, frame: Frame | None = None
    ) -> Rephrasing:
        t = time.perf_counter()
        result = self.inner.rephrase(canonical, keep, context, frame)
        ms = (time.perf_counter() - t) * 1000
        step = self.conv.current.name if self.conv else "?"
        self.samples.append(Sample(step, canonical, list(keep), context, result, ms))
        return result

    def prepare_flow(self, flow: Any) -> None:
        self.inner.prepare_flow(flow)

    def notices(self) -> list[str]:
        return self.inner.notices()

    def close(self) -> None:
        self.inner.close()


def converse(rephraser: Recording, persona: dict[str, object], mentee: str) -> None:
    flow = load_flow(default_flow())
    conv = Conversation.start(flow, Store(memory_db()), mentee, rephraser)
    rephraser.conv = conv
    conv.open()
    ladder = list(persona.get("why_ladder", []))  # type: ignore[call-overload]
    for _ in range(80):
        if conv.finished:
            break
        step = conv.current
        if step.expect == "yes_no":
            answer = "yes"
        elif step.name == "why_ladder":
            answer = ladder.pop(0) if ladder else "I don't know"
        else:
            answer = str(persona.get(step.name) or EXTRA_ANSWERS.get(step.name) or "I'm not sure")
        conv.reply(answer)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def startup(db: Path, with_model: bool) -> tuple[float, float, float]:
    """Seconds from spawning `coach chat --jsonl` to the first question, and the peak memory of
    the chat and its model worker together (sum of RSS, and sum of PSS, in MB)."""
    coach = Path(sys.executable).parent / "coach"
    env = {**os.environ, "COACH_HOME": str(db.parent), "COACH_REPHRASE": "on"}
    args = [str(coach), "chat", "--jsonl", "--db", str(db), "--mentee", "bench"]
    if not with_model:
        args.append("--no-llm")
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
    assert proc.stdout and proc.stdin
    first = 0.0
    peak = [0.0, 0.0]
    answers = iter(["yes", "leading a team of my own", "my director's", "the auditor's", "planning",
                    "I want to shape things", "I love making things", "yes", "/quit"])
    for line in proc.stdout:
        event = json.loads(line)
        if event.get("kind") == "ask" and not first:
            first = time.perf_counter() - t
            if with_model:  # the model loads and rewords in the background: its memory counts too
                end = time.monotonic() + 6
                while time.monotonic() < end:
                    rss, pss = family_memory(proc.pid)
                    peak = [max(peak[0], rss), max(peak[1], pss)]
                    time.sleep(0.1)
        if event["type"] == "await":
            rss, pss = family_memory(proc.pid)
            peak = [max(peak[0], rss), max(peak[1], pss)]
            proc.stdin.write(next(answers, "/quit") + "\n")
            proc.stdin.flush()
        if event["type"] == "end":
            break
    proc.stdin.close()
    proc.wait(timeout=60)
    return first, peak[0], peak[1]


def family_memory(pid: int) -> tuple[float, float]:
    """RSS and PSS in MB of a process and its children (the chat and its model worker)."""
    pids = [pid] + [int(p.name) for p in Path("/proc").glob("[0-9]*") if _ppid(p) == pid]
    rss = pss = 0.0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) / 1024
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) / 1024
        except OSError:
            continue
    return rss, pss


def _ppid(proc_dir: Path) -> int:
    try:
        return int((proc_dir / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--min", type=int, default=200, help="at least this many generations")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=30, help="print this many passed rephrasings")
    parser.add_argument("--rejects", type=int, default=15, help="print this many rejections")
    parser.add_argument("--no-startup", action="store_true")
    parser.add_argument("--startups", type=int, default=5, help="start-ups measured, with and without the model")
    parser.add_argument("--json", type=Path, help="also append every sample here (JSON lines)")
    parser.add_argument("--modes", default="live,cold,warm",
                        help="comma-separated: live, cold, warm (none: start-up only)")
    parser.add_argument("--hog", action="store_true", help="a busy process on every core throughout")
    parser.add_argument("--threads", type=int, default=None, help="model threads (default: as coach chat)")
    parser.add_argument("--deadline", type=float, default=DEADLINE_S,
                        help="seconds a live turn waits (a long one measures acceptance apart from speed)")
    args = parser.parse_args()

    models = find_models()
    if not models:
        sys.exit("no model found; run ./scripts/setup")
    started = machine()
    print(f"machine: {os.cpu_count()} cores; {_cpu()}; model {models[0].path.name}; load {started['loadavg_at_start']}")
    figures: dict[str, object] = {"seed": args.seed, "hog": args.hog, "model": models[0].path.name,
                                  "deadline_ms": args.deadline * 1000}
    with cpu_hog(args.hog):
        if not args.no_startup:
            with tempfile.TemporaryDirectory() as tmp:
                plains, firsts, rss, pss = [], [], 0.0, 0.0
                for i in range(args.startups):  # interleaved: a busy moment hurts both alike
                    plains.append(startup(Path(tmp) / f"a{i}.db", with_model=False)[0])
                    first, r, p = startup(Path(tmp) / f"b{i}.db", with_model=True)
                    firsts.append(first)
                    rss, pss = max(rss, r), max(pss, p)
            plain = statistics.median(plains)
            print(f"start-up to first question: {statistics.median(firsts):.2f} s with the model "
                  f"({min(firsts):.2f} to {max(firsts):.2f} s over {len(firsts)} runs; --no-llm: {plain:.2f} s)")
            print(f"peak memory of a chat and its model worker: {rss:.0f} MB RSS, {pss:.0f} MB PSS")
            figures["startup"] = {"median_s": round(statistics.median(firsts), 2),
                                  "runs_s": [round(f, 2) for f in firsts], "no_llm_s": round(plain, 2),
                                  "peak_rss_mb": round(rss), "peak_pss_mb": round(pss)}

        t = time.perf_counter()
        backend = WorkerBackend(models[0].path, n_threads=args.threads, wait=True)
        print(f"model worker ready (timed here): {time.perf_counter() - t:.2f} s; {backend.n_threads} threads")
        figures["threads"] = backend.n_threads
        for mode in [m for m in args.modes.split(",") if m not in ("", "none")]:
            figures[mode] = run(mode, backend, args)
        backend.close()
    name = "rephrase-hog" if args.hog else "rephrase"
    if args.deadline != DEADLINE_S:
        name += f"-deadline{args.deadline:g}s"
    md = write(name, figures, _markdown(figures), started)
    print(f"\nwrote {md} and .json")


def _markdown(f: dict[str, Any]) -> str:
    """The figures as a table."""
    rows = ["| | result |", "|---|---|"]
    if "startup" in f:
        s = f["startup"]
        rows.append(f"| start-up to first question (model configured) | {s['median_s']:.2f} s "
                    f"(runs {', '.join(f'{x:.2f}' for x in s['runs_s'])}; --no-llm, interleaved, median "
                    f"{s['no_llm_s']:.2f} s) |")
        rows.append(f"| peak memory, chat + model worker | {s['peak_rss_mb']} MB RSS ({s['peak_pss_mb']} MB PSS) |")
    for mode, label in (("live", "every turn asks the model"), ("cold", "reuse, nothing prepared"),
                        ("warm", "as coach chat runs")):
        m = f.get(mode)
        if not isinstance(m, dict):
            continue
        rows.append(f"| {label}: model outputs passing the guard (per generation) | {m['accepted_pct']}% "
                    f"({m['accepted']}/{m['generations']}) |")
        rows.append(f"| {label}: questions shown reworded | {m['shown_pct']}% ({m['shown']}/{m['questions']}) |")
        rows.append(f"| {label}: added time per turn, median / p95 / max | {m['median_ms']} / {m['p95_ms']} / "
                    f"{m['max_ms']} ms (deadline {f['deadline_ms']:.0f} ms; {m['late']} cut off by it) |")
    hog = "with a busy process on every core" if f.get("hog") else "with no CPU hog of its own (see the load above)"
    return (f"bench_rephrase, seed {f['seed']}, {f.get('threads')} model thread(s), {hog}.\n\n" + "\n".join(rows))


def run(mode: str, backend: WorkerBackend, args: argparse.Namespace) -> dict[str, Any]:
    """One set-up (live, cold or warm) over enough conversations for --min generations or turns."""
    # live and cold ask the model on every turn they cannot serve from the cache, however slow it is.
    inner = GuardedRephraser(backend, seed=args.seed, cache=mode != "live", background=mode == "warm",
                             deadline_s=args.deadline, skip_when_slow=mode == "warm")
    print(f"\n=== {mode} ===")
    if mode == "warm":
        t = time.perf_counter()
        inner.prepare(flow_frames(load_flow(default_flow())))
        assert inner.filler is not None
        inner.filler.idle.wait()
        stats = inner.cache.stats()
        print(f"background rewording of {len(stats)} frames: {time.perf_counter() - t:.1f} s, "
              f"{sum(a for a, _ in stats.values())} accepted of {sum(n for _, n in stats.values())} attempts; "
              f"frames with none: {sum(a == 0 for a, _ in stats.values())}")
    recorder = Recording(inner)
    round_ = 0
    while len(recorder.samples) < args.min:
        for i, persona in enumerate(PERSONAS):
            converse(recorder, persona, f"p{round_}-{i}")
        round_ += 1
    if inner.filler is not None:
        inner.filler.stop()
    samples = recorder.samples
    gens = list(inner.generations)
    late = sum(any("deadline passed" in r for r in s.result.reasons) for s in samples)
    ok = sum(ok for _, ok in gens)
    print(f"per generation: {ok}/{len(gens)} = {ok / max(1, len(gens)):.1%} of model outputs passed the guard "
          f"({ok}/{len(gens) + late} = {ok / max(1, len(gens) + late):.1%} counting {late} live calls "
          "cut off by the deadline)")
    report(samples, args)
    ms = [s.ms for s in samples]
    shown = sum(s.result.rephrased for s in samples)
    return {"generations": len(gens), "accepted": ok, "accepted_pct": round(100 * ok / max(1, len(gens)), 1),
            "questions": len(samples), "shown": shown, "shown_pct": round(100 * shown / max(1, len(samples)), 1),
            "late": late, "median_ms": round(statistics.median(ms)), "p95_ms": round(pct(ms, 0.95)),
            "max_ms": round(max(ms))}


def report(samples: list[Sample], args: argparse.Namespace) -> None:
    """Per shown question: acceptance, latency, per step, reasons, samples to read."""
    passed = [s for s in samples if s.result.rephrased]
    verbatim = [s for s in samples if s.result.guard_ok and not s.result.rephrased]
    rejected = [s for s in samples if s.result.guard_ok is False]
    failed = [s for s in samples if s.result.guard_ok is None]
    late = [s for s in failed if any("deadline passed" in r for r in s.result.reasons)]
    gave_up = [s for s in failed if any("rewordings of this question passed" in r for r in s.result.reasons)]
    ms = [s.ms for s in samples]
    n = len(samples)
    print(f"questions asked: {n} over {len({s.step for s in samples})} rephrasable steps")
    print(f"per shown question (shown rephrased): {len(passed)}/{n} = {len(passed) / n:.1%}; "
          f"verbatim {len(verbatim)}, rejected {len(rejected)}, no reply in time {len(late)}, "
          f"not asked (no rewording ever passed) {len(gave_up)}, other {len(failed) - len(late) - len(gave_up)}")
    print(f"added time per turn: median {statistics.median(ms):.0f} ms, p95 {pct(ms, 0.95):.0f} ms, "
          f"max {max(ms):.0f} ms")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print("\nper step (shown rephrased/asked):")
    for step in dict.fromkeys(s.step for s in samples):
        mine = [s for s in samples if s.step == step]
        print(f"  {step:<18} {sum(s.result.rephrased for s in mine):>3}/{len(mine)}")
    reasons: dict[str, int] = {}
    for s in rejected + failed:
        for r in s.result.reasons:
            key = r.split(":")[0]
            if key != "rejected":
                reasons[key] = reasons.get(key, 0) + 1
    print("\nrejection reasons:")
    for key, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print(f"  {count:>4}  {key}")
    print("\nsample of passed rephrasings (read them: meaning must be unchanged):")
    seen: set[str] = set()
    for s in passed:
        if s.result.text not in seen and len(seen) < args.show:
            seen.add(s.result.text)
            print(f"  [{s.step}] {s.canonical!r}\n      -> {s.result.text!r}")
    print("\nsample of rejections:")
    for s in rejected[: args.rejects]:
        print(f"  {s.result.reasons[-1]}  <- {'; '.join(s.result.reasons[:-1])}")
    if args.json:
        with args.json.open("a") as f:
            for s in samples:
                f.write(json.dumps({
                    "step": s.step, "canonical": s.canonical, "keep": s.keep, "context": s.context,
                    "shown": s.result.text, "rephrased": s.result.rephrased, "guard_ok": s.result.guard_ok,
                    "reasons": s.result.reasons, "ms": round(s.ms, 1)}) + "\n")


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    main()
