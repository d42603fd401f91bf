"""coach as a user installs it: a wheel, `pip install`ed (not editable) into a fresh venv.

The wheel is built from this checkout and installed with --no-deps; the dependencies come from
this project's venv, put on the new venv's path *after* its own site-packages, so the installed
wheel (not this checkout's editable install) is what runs. Everything runs outside the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with coach installed from a freshly built wheel."""
    tmp = tmp_path_factory.mktemp("package")
    # Built from a copy of what the wheel is made of: setuptools writes build/ beside the sources.
    source = tmp / "source"
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        source.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, source / name)
    for name in ("coach", "flows", "prompts"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(source)],
                   check=True, cwd=tmp, timeout=600, capture_output=True)
    wheel = next(dist.glob("coach-*.whl"))
    env = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True, timeout=120)
    python = env / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    str(wheel)], check=True, cwd=tmp, timeout=300, capture_output=True)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # Not a site dir: the editable install's own .pth there is not run, so it cannot shadow the wheel.
    Path(site, "zz_coach_test_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return env


def run(venv: Path, tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COACH_DB", "COACH_MODEL")}
    env.update(COACH_HOME=str(tmp_path / "home"), COACH_REPHRASE="off")
    return subprocess.run([str(venv / "bin" / "coach"), *args], input=stdin, capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=120)


def test_the_installed_package_is_the_wheel_not_this_checkout(venv: Path, tmp_path: Path) -> None:
    out = subprocess.run([str(venv / "bin" / "python"), "-c", "import coach, coach.resources as r; "
                          "print(coach.__file__); print(r.default_flow()); print(r.prompts_dir())"],
                         capture_output=True, text=True, cwd=tmp_path, check=True).stdout.splitlines()
    assert all(line.startswith(str(venv)) for line in out), out
    assert Path(out[1]).is_file() and (Path(out[2]) / "reword.j2").is_file()


def test_a_short_chat_runs_from_the_installed_package(venv: Path, tmp_path: Path) -> None:
    result = run(venv, tmp_path, "chat", "--jsonl", "--no-llm", "--mentee", "sam",
                 stdin="yes\nleading a small team\n/pause\n")
    assert result.returncode == 0 and result.stderr == ""
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["step"] for e in events if e["type"] == "await"] == ["welcome", "goal_horizon", "lottery_want"]
    assert events[-1] == {"type": "end", "status": "paused", "id": 1}
    shown = run(venv, tmp_path, "show", "1", "--format", "json")
    assert [t["text"] for t in json.loads(shown.stdout)["turns"] if t["role"] == "mentee"] == [
        "yes", "leading a small team", "/pause"]


def test_a_new_flow_finds_the_installed_schema_and_validates(venv: Path, tmp_path: Path) -> None:
    assert run(venv, tmp_path, "flow", "new", "demo").returncode == 0
    flow = tmp_path / "flows" / "demo.yaml"
    ref = flow.read_text().splitlines()[0].split("$schema=", 1)[1]
    target = Path(unquote(urlparse(ref).path)) if ref.startswith("file:") else flow.parent / ref
    assert target.is_file() and str(target.resolve()).startswith(str(venv)), ref
    assert run(venv, tmp_path, "flow", "validate", str(flow)).stdout.strip() == f"{flow}: ok"
    where = json.loads(run(venv, tmp_path, "where", "--json").stdout)
    assert where["flows"].startswith(str(venv)) and where["home"] == str(tmp_path / "home")


def test_the_learned_distress_reader_ships_in_the_wheel(venv: Path, tmp_path: Path) -> None:
    # A wording no rule lists is asked about by the model, whose weights must be package data.
    result = run(venv, tmp_path, "understand", stdin="i'm so tired of carrying myself around every day\n")
    assert result.returncode == 0 and result.stderr == ""
    assert json.loads(result.stdout)["distress"] == {"level": "check", "rule": "check.model"}
