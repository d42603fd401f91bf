"""What one fix to a playback asks for (read by coach.listening.fix_clause and coach.listening.fixes)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fix:
    """One fix to a playback.

    ``kind``: ``put`` (new words for a part), ``add`` (words added), ``drop`` (a part taken out), ``first``
    (the item ``part`` names put first in its line), ``once`` (a part in its line twice, kept once),
    ``ask`` (a part said to be wrong, with nothing in its place), ``missing`` (words said to have
    been left out), ``keep`` (a part said to be right), ``restate`` (the whole chain said again:
    ``new`` is where it starts, ``chain`` the reasons). ``slot`` is the value a part is named by
    ("goal"); ``part`` the words it is named by ("sleep in"); ``said`` the part as named."""

    kind: str
    slot: str = ""
    part: str = ""
    new: str = ""
    said: str = ""
    chain: tuple[str, ...] = ()

    @property
    def points(self) -> bool:
        """Does it point ("replace that bit with X") rather than name a part?"""
        return not self.slot and not self.part
