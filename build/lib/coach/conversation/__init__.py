"""A conversation: the flow's machine driving one stored session, turn by turn."""
