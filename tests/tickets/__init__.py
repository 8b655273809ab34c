"""Tests of server/tickets: lifecycle, assignment, follow-up, chat, console queries, stats."""
