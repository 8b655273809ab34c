"""Run the app for the browser tests in one process (no worker manager): `python -m tests.console.live_app`."""

from __future__ import annotations

from server.cli import app_factory
from server.settings import load_settings


def main() -> None:
    """Serve the real app on HOST:PORT from the environment, single process."""
    settings = load_settings()
    app = app_factory()
    app.run(host=settings.host, port=settings.port, single_process=True, access_log=False, motd=False)


if __name__ == "__main__":
    main()
