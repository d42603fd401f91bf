"""The brief as one printable HTML page: Jinja2 with autoescape, and a policy that allows only our CSS.

Every field of a bundle is treated as hostile, even the ones a valid bundle only ever fills
with numbers or dates: all of them pass through autoescape (after control characters are
removed), none is ever marked safe. The Content-Security-Policy forbids scripts, images,
fonts, frames, forms and a <base>, and allows exactly the one stylesheet below, by its hash.
The chart is inline SVG drawn from numbers computed here; its words are escaped like the rest.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import jinja2
from markupsafe import Markup

from coach.terminal import printable

# Colours are chosen for at least 4.5:1 against white (WCAG AA); the browser tests measure them.
CSS = """
:root{color-scheme:light}
body{font:16px/1.5 Georgia,"DejaVu Serif",serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;
background:#fff;overflow-wrap:anywhere}
h1,h2,h3,h4,h5,dt,th,caption,.tag,.who,.n{font-family:Helvetica,Arial,"DejaVu Sans",sans-serif}
h1{font-size:1.6rem;margin:0 0 .5rem;border-bottom:2px solid #333}
h2{font-size:1.35rem;margin:2rem 0 .5rem}
h3{font-size:1.15rem;margin:2rem 0 .2rem;border-top:1px solid #bbb;padding-top:1rem}
h4{font-size:1rem;margin:1.4rem 0 .4rem}
h5{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:#4a4a4a;margin:1.1rem 0 .3rem}
.meta{color:#4d4d4d;font-size:.9rem}
ul.bundles{padding-left:1.2rem;margin:.3rem 0}
dl.words{display:grid;grid-template-columns:11rem minmax(0,1fr);gap:.55rem 1rem;margin:.5rem 0}
dl.words dt{font-weight:bold;font-size:.85rem;padding-top:.15rem}
dl.words dd{margin:0}
dd ul{margin:0;padding-left:1.1rem}
ol.chain{list-style:none;padding:0;margin:.2rem 0}
ol.chain li{border-left:3px solid #1f4e79;padding:.1rem .5rem}
ol.chain li+li::before{content:"\\2193";display:block;color:#4d4d4d;font-size:.8rem}
ol.chain li.bedrock{border-left-color:#7a4b00;font-weight:bold}
.tag{display:inline-block;min-width:4.8rem;font-size:.75rem;text-transform:uppercase;color:#4a4a4a;font-weight:normal}
.withheld{font-style:italic;color:#4d4d4d;border-left:3px solid #8c8c8c;padding-left:.5rem}
ol.turns{list-style:none;padding:0;margin:0}
.turn{display:grid;grid-template-columns:2.4rem 6rem minmax(0,1fr);gap:.5rem;margin:.3rem 0}
.turn .n{color:#4d4d4d;text-align:right;font-size:.8rem;padding-top:.15rem}
.turn .who{font-weight:bold;font-size:.9rem}
.turn.coach .who{color:#1f3f5f}
.turn.mentee .text{border-left:3px solid #1f4e79;padding-left:.45rem}
.turn.quiet{font-size:.85rem;font-style:italic;color:#545454}
.turn.quiet .who{font-weight:normal}
li.turn.withheld{border:0;padding:0}
.turn.withheld .text{grid-column:2 / 4;font-style:italic;color:#4d4d4d}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.3rem .4rem;text-align:left;vertical-align:top}
caption{text-align:left;padding:.2rem 0}
tbody th{white-space:nowrap;font-weight:normal}table{overflow-wrap:break-word}
figure{margin:1rem 0}
svg.chart{max-width:100%;height:auto}
svg .axis{font:12px Helvetica,Arial,"DejaVu Sans",sans-serif;fill:#333}
svg .rule{stroke:#d0d0d0}
svg .on{fill:#1f4e79}
svg .off{fill:#fff;stroke:#767676}
.margin{display:none}
footer{margin-top:3rem;border-top:1px solid #bbb}
@page{size:A4;margin:16mm 14mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt}article.session{break-before:page}
.margin{display:block;border:1px solid #8c8c8c;min-height:40mm;padding:.3rem;color:#4d4d4d;font-size:.8rem}
.turn,tr,ol.chain li{break-inside:avoid}h3,h4,h5{break-after:avoid}}
"""
_CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
CSP = (
    f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; script-src 'none'; img-src 'none'; "
    "form-action 'none'; base-uri 'none'; frame-src 'none'; navigate-to 'none'"
)

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("coach.share", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.ChainableUndefined,
    finalize=lambda v: v if isinstance(v, Markup) or not isinstance(v, str) else printable(v, " "),
)


def brief_page(view: dict[str, Any], *, own: bool = False) -> str:
    """A brief (from :func:`coach.share.brief.brief`) as one self-contained page.

    ``own``: the mentee's own copy of their conversations (no mentor notes, "you" for "they")."""
    names = ", ".join(str(m["name"]) for m in view["mentees"]) or "no bundles"
    if own:
        heading = "Your conversations" if sum(len(m["sessions"]) for m in view["mentees"]) > 1 else "Your conversation"
        intro = "Your own copy, nothing withheld. It stays on this computer unless you send it to someone."
        footer = "Made by coach show on this computer. This page loads nothing from anywhere else."
    else:
        heading = f"Brief for your one-to-one with {names}"
        intro = (f"In their own words first, then the conversation as shared. Times are this computer's local time. "
                 f"Your notes stay in your own database and are never sent to {names}.")
        footer = ("Made by coach review on this computer from bundles shared with you. "
                  "This page loads nothing from anywhere else.")
    return _ENV.get_template("brief.html.j2").render(
        bundles=view["bundles"], mentees=view["mentees"], own=own, heading=heading, intro=intro,
        footer=footer, title=heading, csp=Markup(CSP), css=Markup(CSS),
    )


def search_page(lines: list[str]) -> str:
    """Search results as one page."""
    page = _ENV.get_template("search.html.j2")
    return page.render(lines=lines, title="coach search", csp=Markup(CSP), css=Markup(CSS))
