"""Use cases: the rules of posts, matching, sessions, campaigns and the rest."""
