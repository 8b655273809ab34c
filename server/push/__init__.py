"""Pushes: message templates, the outbox dispatcher, throttles and delivery records."""
