"""Headless Chromium for the tests, driven over the DevTools protocol on a pipe (no extra packages).

Chromium reads commands from fd 3 and writes replies to fd 4, each a JSON message ended by a NUL
byte (--remote-debugging-pipe). Everything the tests need is here: open a file, evaluate a check
in the page (DevTools evaluation is not subject to the page's Content-Security-Policy, the page's
own scripts stay blocked), emulate print media, take a screenshot, print to PDF.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

TIMEOUT = 60.0


def chromium() -> str | None:
    """The Chromium executable, if installed (Debian's package is `chromium`)."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium process and one page in it."""

    def __init__(self, exe: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="coach-chromium-")
        to_child, self._to_chrome = os.pipe()
        self._from_chrome, from_child = os.pipe()

        def fds() -> None:  # in the child: the pipe ends as fds 3 and 4, where Chromium looks
            a = fcntl.fcntl(to_child, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_child, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [exe, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--font-render-hinting=none", f"--user-data-dir={self.profile}", "about:blank"]
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, pass_fds=(3, 4), preexec_fn=fds)
        os.close(to_child)
        os.close(from_child)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)

    # --- the protocol --------------------------------------------------------------------

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_chrome], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buf += chunk
        message, _, self._buf = self._buf.partition(b"\0")
        return dict(json.loads(message))

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its result (events met meanwhile are kept)."""
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result") or {})
            self.events.append(reply)

    def wait_for(self, event: str) -> dict[str, Any]:
        """Wait for an event of the page."""
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == event:
                    return dict(self.events.pop(i))
            self.events.append(self._read())

    # --- what the tests do -----------------------------------------------------------------

    def open(self, path: Path, width: int = 1000, height: int = 1400, media: str = "screen") -> None:
        """Load a local file at a viewport size and media type."""
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)
        self.call("Emulation.setEmulatedMedia", session=True, media=media)
        self.events.clear()
        self.call("Page.navigate", session=True, url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(str(result["exceptionDetails"]))
        return result["result"].get("value")

    def screenshot(self, out: Path, width: int = 1000, height: int = 1400) -> Path:
        """A PNG of the top of the page."""
        shot = self.call("Page.captureScreenshot", session=True, format="png",
                         clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
        out.write_bytes(base64.b64decode(shot["data"]))
        return out

    def pdf(self) -> bytes:
        """The page printed as the page's own CSS asks (its @page size)."""
        return base64.b64decode(self.call("Page.printToPDF", session=True, preferCSSPageSize=True,
                                          printBackground=True)["data"])

    def close(self) -> None:
        """End Chromium and remove its profile."""
        with contextlib.suppress(Exception):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_chrome, self._from_chrome):
            os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)


# What a person relies on, measured in the page: the contrast of every visible piece of text
# (computed colours, WCAG 2 relative luminance, against the first opaque background behind
# it), and the page's structure (one h1, no skipped heading levels, one main landmark, every
# visible text inside a landmark, a language and a title).
CHECKS = r"""
(() => {
  const parse = c => { const m = /rgba?\(([^)]+)\)/.exec(c || ""); if (!m) return null;
    const p = m[1].split(",").map(parseFloat); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = c => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  const behind = el => { const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
    let out = {r: 255, g: 255, b: 255};
    for (const c of layers.reverse()) out = {r: c.r * c.a + out.r * (1 - c.a), g: c.g * c.a + out.g * (1 - c.a),
                                           b: c.b * c.a + out.b * (1 - c.a)};
    return out; };
  const low = [], outside = []; let checked = 0;
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode, el = node.parentElement, text = node.textContent.trim();
    if (!text || !el || el.getClientRects().length === 0) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === "hidden" || parseFloat(cs.opacity) === 0) continue;
    const fg = parse(el instanceof SVGElement ? cs.fill : cs.color), bg = behind(el);
    const [a, b] = [lum(fg), lum(bg)], ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    checked++;
    if (ratio < 4.5) low.push({text: text.slice(0, 60), ratio: Math.round(ratio * 100) / 100, color: cs.color});
    if (!el.closest("header, main, footer, nav, aside")) outside.push(text.slice(0, 60));
  }
  const levels = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map(h => +h.tagName[1]);
  const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1).length + (levels[0] === 1 ? 0 : 1);
  return {checked, low, outside, levels, skips, h1: levels.filter(l => l === 1).length,
          mains: document.querySelectorAll("main").length, lang: document.documentElement.lang,
          title: document.title, scripts: document.scripts.length,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};
})()
"""


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """The size of each page of a PDF Chromium printed, in points (from its MediaBox entries)."""
    import re

    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    return [(float(w), float(h)) for w, h in boxes]
