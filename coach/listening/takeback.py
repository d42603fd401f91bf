"""The words people use to take back what they just said: "no wait", "actually no", "scratch that".

One vocabulary, read in the shapes each reader needs: a goal said again after it ("a deputy head? or
actually no, X"), a drive named then withdrawn ("autonomy... no wait, not that"), a correction's first
go dropped ("well no, actually its more Y"), a whole message that only takes back ("scratch that").
"""

from __future__ import annotations

__all__ = ["TAKE_BACK", "TAKE_BACK_ONLY"]

# "no wait", "nope, actually", "wait no", "actually no", "no, scratch that", "scrap that", "forget that",
# "on second thoughts": what was said just before is not meant (lowercase; compile with re.I where needed).
TAKE_BACK = (r"(?:(?:no+|nope)[,.]?\s+(?:wait|actually)|wait[,.]?\s+no|actually[,.]?\s+no|"
             r"(?:no[,.]?\s+)?(?:scratch|scrap|forget) that|on second thoughts?)")
# A whole message that only takes back: "don't", "never mind", "forget it", "scratch that", "not that".
TAKE_BACK_ONLY = (r"(?:don'?t|dont|do not|never ?mind|nvm|forget (?:it|that)|ignore (?:that|it)|scratch that|"
                  r"scrap that|not that)")
