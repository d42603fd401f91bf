"""YAML loading that keeps line numbers and refuses hostile input with a clear message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from coach.errors import FlowError, Problem

MAX_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64


def _problem(path: str, message: str, line: int = 1, col: int = 1, hint: str = "") -> FlowError:
    return FlowError([Problem(path, line, col, "error", message, hint)])


def load_yaml(path: Path) -> Any:
    """Parse a YAML file into ruamel's round-trip nodes (which know their line numbers)."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _problem(name, "no such file") from None
    except IsADirectoryError:
        raise _problem(name, "is a directory, not a YAML file") from None
    except OSError as e:
        raise _problem(name, f"cannot read: {e.strerror}") from None
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> Any:
    """Parse YAML bytes; every failure becomes a FlowError with file:line:col."""
    if len(raw) > MAX_BYTES:
        raise _problem(name, f"file is {len(raw):,} bytes; flow files are limited to {MAX_BYTES:,}")
    if b"\x00" in raw:
        raise _problem(name, "this is a binary file, not YAML")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise _problem(name, "not valid UTF-8 text", line=line) from None
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        data = yaml.load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = str(e.problem or e.context or "YAML syntax error").strip()
        if "duplicate key" in message or "found duplicate key" in str(e):
            message = "duplicate key " + message.split('"')[1] if '"' in message else message
            return_hint = "YAML keeps only the last one; rename or merge them"
            raise _problem(name, message, line, col, return_hint) from None
        raise _problem(name, f"YAML syntax: {message}", line, col) from None
    except YAMLError as e:
        raise _problem(name, f"YAML: {e}") from None
    except RecursionError:
        raise _problem(name, f"nested too deeply (more than {MAX_DEPTH} levels)") from None
    _check_size(data, name)
    return data


def _check_size(data: Any, name: str) -> None:
    """Refuse alias bombs and absurd nesting before anything walks the tree."""
    count = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise _problem(
                name, f"more than {MAX_NODES:,} values (an alias expanding too far?)",
                hint="flows are small; remove the anchors/aliases that repeat large parts",
            )
        if depth > MAX_DEPTH:
            raise _problem(name, f"nested too deeply (more than {MAX_DEPTH} levels)")
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)


def position(node: Any, key: Any = None) -> tuple[int, int]:
    """1-based (line, col) of a mapping key, a sequence item, or the node itself."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return (1, 1)
    try:
        if key is not None and isinstance(node, dict) and key in node:
            line, col = lc.key(key)
            return (line + 1, col + 1)
        if key is not None and isinstance(node, list) and isinstance(key, int):
            line, col = lc.item(key)
            return (line + 1, col + 1)
    except (KeyError, IndexError, TypeError):
        pass
    return (lc.line + 1, lc.col + 1)


def value_position(node: Any, key: Any) -> tuple[int, int]:
    """1-based (line, col) of the value under a mapping key."""
    lc = getattr(node, "lc", None)
    try:
        if lc is not None and isinstance(node, dict) and key in node:
            line, col = lc.value(key)
            return (line + 1, col + 1)
    except (KeyError, TypeError):
        pass
    return position(node, key)


def duplicate_keys(text: str, name: str) -> list[Problem]:
    """Every key that appears twice in one mapping (ruamel stops at the first)."""
    try:
        root = YAML(typ="rt", pure=True).compose(text)
    except Exception:  # the first parse already reported what is wrong
        return []
    problems: list[Problem] = []
    seen: set[int] = set()
    stack: list[Node] = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:  # aliases share nodes; walk each once
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                k = str(key.value) if not isinstance(key.value, list) else repr(key.value)
                if k in first:
                    mark = key.start_mark
                    problems.append(
                        Problem(
                            name,
                            mark.line + 1,
                            mark.column + 1,
                            "error",
                            f"duplicate key '{k}' (first defined on line {first[k]})",
                            "YAML keeps only one of them; rename or merge them",
                        )
                    )
                else:
                    first[k] = key.start_mark.line + 1
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return sorted(problems, key=lambda p: (p.line, p.col))


def load_allowing_duplicates(raw: bytes, name: str) -> Any:
    """Parse YAML keeping the last of duplicate keys (so the rest can be checked), or None."""
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = True
    try:
        doc = yaml.load(raw.decode("utf-8-sig"))
        _check_size(doc, name)
    except Exception:
        return None
    return doc


def plain(node: Any) -> Any:
    """ruamel's round-trip nodes as plain dicts, lists, str, int, float, bool and None."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)
