"""One blueprint per resource: parse, authorise, call one service function, serialise."""
