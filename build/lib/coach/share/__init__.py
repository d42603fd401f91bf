"""Sharing with a mentor: keys, sealed bundles, consent and its log, review, retention."""
