"""The review as one printable HTML page: Jinja2 with autoescape, and a policy that allows only our CSS.

Every field of a bundle is treated as hostile, even the ones a valid bundle only ever fills
with numbers or dates: all of them pass through autoescape (after control characters are
removed), none is ever marked safe. The Content-Security-Policy forbids scripts, images,
fonts, frames, forms and a <base>, and allows exactly the one stylesheet below, by its hash.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import jinja2
from markupsafe import Markup

from coach.terminal import printable

CSS = """
body{font:15px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif;line-height:1.2}
h1{font-size:1.5rem;border-bottom:2px solid #333}h2{font-size:1.2rem;margin-top:2rem}
.meta,.withheld,.note{color:#555;font-size:.9rem}
.withheld{font-style:italic;border-left:3px solid #bbb;padding-left:.5rem}
.turn{margin:.3rem 0}.turn .who{font-weight:bold;font-family:Helvetica,Arial,sans-serif}
.coach .who{color:#345}
.phase{font-family:Helvetica,Arial,sans-serif;text-transform:uppercase;font-size:.75rem;color:#777;margin-top:1rem}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}
section.session{break-before:page}section.session:first-of-type{break-before:auto}
@media print{body{margin:0;max-width:none}a{color:inherit}}
"""
_CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
CSP = (
    f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; script-src 'none'; img-src 'none'; "
    "form-action 'none'; base-uri 'none'; frame-src 'none'; navigate-to 'none'"
)


def _turns(ns: Any) -> str:
    ns = [str(n) for n in ns] if isinstance(ns, list) and ns else ["?"]
    return f"turn {ns[0]}" if len(ns) == 1 else f"turns {ns[0]}-{ns[-1]}"


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("coach.share", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.ChainableUndefined,
    finalize=lambda v: v if isinstance(v, Markup) or not isinstance(v, str) else printable(v, " "),
)
_ENV.filters["day"] = lambda ts: str(ts)[:10]
_ENV.filters["minute"] = lambda ts: str(ts)[:16].replace("T", " ")
_ENV.filters["turns"] = _turns


def review_page(bundles: list[dict[str, Any]], mentees: list[dict[str, Any]], labels: Any) -> str:
    """The whole review as one self-contained page."""
    title = "coach review: " + (", ".join(str(m["name"]) for m in mentees) or "no bundles")
    return _ENV.get_template("review.html.j2").render(
        bundles=bundles, mentees=mentees, labels=labels, title=title, csp=Markup(CSP), css=Markup(CSS)
    )


def search_page(lines: list[str]) -> str:
    """Search results as one page."""
    page = _ENV.get_template("search.html.j2")
    return page.render(lines=lines, title="coach search", csp=Markup(CSP), css=Markup(CSS))
