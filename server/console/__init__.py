"""The operator console (/console): server-rendered pages for staff and admins.

Password hashing lives in `server.services.passwords` (no Sanic), so the CLI and the demo loader use it too.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
