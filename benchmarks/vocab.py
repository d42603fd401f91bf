"""Words the benchmarks build their varied, seeded sentences from."""

VOCAB = (
    "team", "lead", "build", "product", "people", "growth", "learn", "money", "freedom", "design", "data",
    "customers", "quiet", "family", "travel", "code", "music", "garden", "writing", "research", "teach",
    "mentor", "craft", "impact", "decide", "trust", "hard", "problems", "meetings", "roadmap", "planning",
    "ship", "users", "feedback", "salary", "promotion", "senior", "staff", "manager", "director", "studio",
    "startup", "bank", "remote", "hours", "weekend", "energy", "bored", "curious", "proud", "recognised",
    "useful", "fair", "honest", "calm", "messy", "tangled", "simple",
)
