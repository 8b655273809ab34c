"""Serve a floor app the way `python -m server serve` serves ours: WORKERS processes, each on its own socket.

    python -m benchmarks.serve_floor benchmarks.floor_callback:app --port 8001 --workers 2

Like the service (server/cli.py), several workers each listen on an SO_REUSEPORT socket of their own
(server/listen.py), so a floor and the service share their load over the workers the same way.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sanic import Sanic  # noqa: E402
from sanic.worker.loader import AppLoader  # noqa: E402

from server import listen  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", help="module:app, e.g. benchmarks.floor_callback:app")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    loader = AppLoader(module_input=args.app)
    app = loader.load()
    sock = listen.reserve(args.host, args.port) if args.workers > 1 else None
    app.prepare(host=args.host, port=args.port, sock=sock, workers=args.workers,
                single_process=args.workers == 1, access_log=False, motd=False)
    Sanic.serve(primary=app, app_loader=loader)


if __name__ == "__main__":
    main()
