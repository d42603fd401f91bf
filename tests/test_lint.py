"""The code stays typed and tidy: mypy (strict) on coach/, ruff on coach/ and tests/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name if (BIN / name).exists() else shutil.which(name)
    if not path:
        pytest.skip(f"{name} is not installed here (scripts/setup installs it)")
    return str(path)


def test_mypy_strict_passes_on_the_package() -> None:
    result = subprocess.run([_tool("mypy"), "coach"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_passes() -> None:
    result = subprocess.run([_tool("ruff"), "check", "coach", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the ``coach`` package found under ``root``, with the contracts in pyproject.toml."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([_tool("lint-imports"), "--no-cache", str(ROOT / "pyproject.toml")], cwd=root,
                          capture_output=True, text=True, env=env)


def test_imports_point_down_the_layers_without_cycles() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "broken"), [
    pytest.param("store/__init__.py", "import coach.guard.check", "coach.store is not allowed to import coach.guard",
                 id="upward"),
    pytest.param("guard/__init__.py", "import coach.listening", "coach.guard is not allowed to import coach.listening",
                 id="sideways"),
    pytest.param("guard/words.py", "import coach.guard.text", "- .words -> .text", id="cycle"),
])
def test_the_import_contract_fails_on_a_bad_import(tmp_path: Path, module: str, line: str, broken: str) -> None:
    """A copy of the package with one bad import added breaks a contract, naming the import."""
    shutil.copytree(ROOT / "coach", tmp_path / "coach", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "coach" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # added by the test\n", encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 broken" in result.stdout and broken in result.stdout, result.stdout


def test_modules_stay_small_and_functions_simple() -> None:
    """Each module of coach/ is one idea (at most 400 lines); no function is over cyclomatic complexity 15."""
    lengths = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
               for p in (ROOT / "coach").rglob("*.py")}
    assert {k: v for k, v in lengths.items() if v > 400} == {}
    result = subprocess.run([_tool("ruff"), "check", "--select", "C901", "--config", "lint.mccabe.max-complexity=15",
                             "coach"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _bound_twice(source: str) -> list[str]:
    """Top-level names a module binds more than once (the second silently replaces the first)."""
    import ast
    import collections

    seen: collections.Counter[str] = collections.Counter()
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) \
            else []
        seen.update(t.id for t in targets if isinstance(t, ast.Name))
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            seen[node.name] += 1
    return sorted(name for name, n in seen.items() if n > 1)


def test_no_module_binds_a_name_twice() -> None:
    """A rule compiled twice under one name hides the first: 'no sorry i mean yes' was once read as a no that way."""
    assert _bound_twice('_A = 1\n\ndef f():\n    return _A\n\n_A = 2\n') == ["_A"]
    twice = {str(p.relative_to(ROOT)): _bound_twice(p.read_text(encoding="utf-8"))
             for p in (ROOT / "coach").rglob("*.py")}
    assert {k: v for k, v in twice.items() if v} == {}


def test_no_two_parts_of_a_conversation_define_the_same_method() -> None:
    # Conversation is put together from mixins; a method two of them define is silently taken from the first
    # in the MRO, and the other's callers get it (this stop: "drop the money one" raised a TypeError that way).
    from coach.conversation.engine import Conversation

    where: dict[str, list[str]] = {}
    for cls in Conversation.__mro__:
        if cls.__module__.startswith("coach."):
            for name, value in vars(cls).items():
                if not name.startswith("__") and (callable(value) or isinstance(value, (staticmethod, property))):
                    where.setdefault(name, []).append(cls.__name__)
    assert {name: owners for name, owners in where.items() if len(owners) > 1} == {}
