"""Saying a flow's question in other words: frames, the rewording cache, model backends."""
