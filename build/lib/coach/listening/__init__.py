"""Reading what the mentee said (lexicon, rules, signals) and saying their words back."""
