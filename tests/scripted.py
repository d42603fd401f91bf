"""One whole conversation through the default flow, answer by answer, for tests that need a
finished session (the words are unusual on purpose, so a test can look for them in files)."""

WHOLE_CONVERSATION = [
    "yes",
    "Lead the quokkaplatform team in five years",
    "My manager's job because she shapes the roadmap",
    "Not the sales director, far too much travel",
    "Planning, hiring and roadmaps",
    "I've watched her do it up close",
    "Because building things with people matters",
    "Because I love solving the hardest problems",
    "yes",
    "Learning, mostly",
    "no",
    "Sourdough baking and mountain hiking!",
    "A long walk in the hills",
    "Systems thinking",
    "Platform work",
    "Fine with that",
    "yes",
    "Lead one small project",
]
