"""Word lists behind the guard: function words, framing words, synonyms, numbers."""

from __future__ import annotations


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOPWORDS = _wordset("""
a about above after again against all also am an and any anyone anything are as at be because
been before being below between both but by can could did do does doing done down during each
either else even ever every few for from further get gets getting go going got had has have
having he her here hers herself him himself his how i i'd i'll i'm i've if in into is it it's its
itself just let let's like likely me might mine more most much must my myself no nor not now of
off on once one only or other our ours out over own perhaps quite rather really right same
say see shall she should so some something such than that that's the their theirs them
themselves then there there's these they this those though through to too under until up upon
us very was we were what what's whatever when where whether which while who whom whose why will
with within would yes yet you you'd you'll you're you've your yours yourself yourselves
'd 'll 're 's 've may shall within around still maybe think thing things way kind sort bit
""")

# Words a rephrasing may bring in without changing what is asked: framing, not topic.
GENERIC = _wordset("""
matter matters mattered important importance mean means meaning meant feel feels felt find
found tell describe explain share put word words sentence answer question ask asking
imagine picture see envision envisage think thought consider considering sense truly
actually honestly exactly especially mostly most part parts aspect aspects side reason
reasons main core deep deeper deeply underneath beneath behind root heart drive drives driving
draw draws drawn appeal appeals attract attracts pull pulls keep keeps give gives gave bring
brings take takes make makes made look looks looking seem seems life own self
personally time times moment day days today currently present future now later next year
years month months week weeks new different differently change changes kind sort type
like love enjoy want wants wanted wish hope hoping prefer care cares caring value values
happen happens happening happy glad able possible possibly else another other others more
less whole overall general fully simply plain plainly one first ever always often sometimes
place places point points
""")

# Groups of words that count as the same content word when checking what was kept.
SYNONYMS: tuple[frozenset[str], ...] = tuple(_wordset(g) for g in (
    "important matter significant meaningful mean valuable value essential",
    "job role position post career",
    "want like wish hope prefer desire fancy",
    "doing do work working",
    "good strong skilled great strength strengths talent talents best skill skills",
    "talk chat discuss speak conversation",
    "hours ages long forever",
    "spend use fill pass",
    "picture imagine envision envisage see",
    "think reckon believe guess suppose",
    "involve involves entail entails include includes look like",
    "experiment test trial try",
    "small little tiny",
    "overlap meet intersect combine come together",
    "love enjoy passion passionate",
    "organisation organization company employer workplace business firm",
    "somewhere elsewhere else",
    "sit feel",
    "change alter adjust",
    "free spare open",
    "underneath beneath behind deeper below root",
    "give bring offer",
    "need needs require",
    "happily gladly",
    "heading going direction",
    "people colleagues others",
))

NUMBER_WORDS = _wordset("""
two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand million billion half dozen twice second third fourth fifth
""")

WH_WORDS = _wordset("what what's which who whose whom where when why how")
