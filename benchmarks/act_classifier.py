"""A small learned baseline for dialogue acts: one-vs-rest logistic regression on hashed n-grams.

Trained on tests/data/acts/tune.jsonl only; bench_understand.py measures it beside the rules on
the held-out set, so the two can be compared on replies neither has seen. numpy only.
"""

from __future__ import annotations

import itertools
import re
import zlib
from typing import Any

import numpy as np

DIM = 1 << 14


def features(reply: str, expect: str) -> list[int]:
    """Hashed word uni/bigrams, character 3-grams, the first word and the kind of question."""
    low = reply.lower().replace("\u2019", "'")
    ws = re.findall(r"[\w']+|[?!]", low)
    feats = [f"w:{w}" for w in ws] + [f"b:{a} {b}" for a, b in itertools.pairwise(ws)]
    feats += [f"c:{w[i:i + 3]}" for w in (f"#{w}#" for w in ws) for i in range(max(1, len(w) - 2))]
    feats += [f"first:{ws[0]}" if ws else "first:", f"expect:{expect}", f"len:{min(len(ws) // 4, 8)}"]
    return [zlib.crc32(f.encode()) % DIM for f in feats]


class ActClassifier:
    """Logistic regression per act kind."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self.kinds = kinds
        self.w = np.zeros((len(kinds), DIM))
        self.b = np.zeros(len(kinds))

    def _matrix(self, rows: list[tuple[str, str]]) -> Any:
        x = np.zeros((len(rows), DIM))
        for i, (reply, expect) in enumerate(rows):
            for j in features(reply, expect):
                x[i, j] += 1.0
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        return x / np.maximum(norms, 1e-9)

    def fit(self, rows: list[tuple[str, str]], labels: list[set[str]], epochs: int = 600,
            lr: float = 50.0, l2: float = 1e-5) -> ActClassifier:
        """Full-batch gradient descent; fixed and deterministic (settings chosen by 5-fold CV on tune)."""
        x = self._matrix(rows)
        y = np.array([[k in lab for k in self.kinds] for lab in labels], dtype=float)
        for _ in range(epochs):
            z = x @ self.w.T + self.b
            p = 1 / (1 + np.exp(-z))
            g = (p - y) / len(rows)
            self.w -= lr * (g.T @ x + l2 * self.w)
            self.b -= lr * g.sum(axis=0)
        return self

    def predict(self, reply: str, expect: str) -> set[str]:
        """The act kinds with probability over one half (the likeliest if none is)."""
        x = self._matrix([(reply, expect)])
        p = 1 / (1 + np.exp(-(x @ self.w.T + self.b)))[0]
        found = {k for k, v in zip(self.kinds, p, strict=True) if v > 0.5}
        return found or {self.kinds[int(np.argmax(p))]}
