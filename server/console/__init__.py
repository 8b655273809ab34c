"""The operator console (/console): server-rendered pages for staff and admins.

Kept free of imports so that `server.console.passwords` can be used without loading Sanic.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
