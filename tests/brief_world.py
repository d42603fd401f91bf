"""Two conversations of one mentee, shared with a mentor: the material of the brief tests."""

from __future__ import annotations

FIRST = [
    "yes",
    "Lead the platform team and shape how we build things",
    "My manager's job, because she has a say in the roadmap",
    "Not the sales director, far too much travel",
    "Planning, hiring and arguing about roadmaps",
    "I've watched her do it up close",
    "Because I want to make a difference to how the product turns out",
    "No, it's more about building something that lasts",  # a correction at the ladder (turn 22)
    "Because I love solving the hardest problems",
    "yes",
    "a mix, but mostly impact",  # not a clear choice: impact is still checked with the others
    "Money, honestly, and learning I guess",  # the shrug keeps learning a check of its own
    "yes",
    "yes",
    "yes",
    "Sourdough baking and mountain hiking!",
    "A long walk in the hills with friends",
    "Untangling messy systems",
    "Platform work that the whole company leans on",
    "I'd be fine with that",
    "Sounds like me",
    "yes",
    "Lead one small cross-team project",
]
SECOND = [  # the same mentee, back: recap, how the experiment went, a re-ask at the playback
    "Mostly, but something has shifted",
    "I care less about the title now",
    "It went well: I ran the migration project and enjoyed the people side most",
    "yes",
    "no",
    "Teach platform engineering to new teams",
    "The staff engineer role, because she mentors everyone",  # last time's pick asked about: a new one
    "Pairing, reviewing designs, writing guides",
    "From the outside mostly",
    "Because helping people grow matters to me",
    "Hmm, let me see",  # neither a yes nor a no: re-asked
    "yes",
    "Not really. Meaning now, and being recognised for it",  # last time's drives: what drives them now
    "Partly. These days it's climbing more than anything",  # last time's passions: what has changed
    "yes, still explaining hard things simply",  # last time's strengths: still true
    "Onboarding new engineers",
    "Fine",
    "Yes that's me",
    "yes",
    "Run one workshop for new starters",
]
# Turn numbers in FIRST the tests point at.
RUNG, CORRECTION = 20, 22
