"""`python -m server [serve|sandbox|migrate|seed|dev|grant-role|...]`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from server.models.enums import Role
from server.settings import load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m server", description="科技云 backend")
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="serve the HTTP API (default)")
    serve.add_argument("--no-migrate", action="store_true", help="do not apply migrations first")
    box = sub.add_parser("sandbox", help="serve the WeChat sandbox on SANDBOX_PORT")
    box.add_argument("--port", type=int, default=None)
    box.add_argument("--host", default="127.0.0.1")
    sub.add_parser("migrate", help="apply database migrations and load regions")
    seed = sub.add_parser("seed", help="load demo data (idempotent)")
    seed.add_argument("--quiet", action="store_true")
    sub.add_parser("dev", help="migrate, seed, start the sandbox and serve, in one process")
    sub.add_parser("worker", help="run job workers (matching; pushes) until stopped")
    sub.add_parser("scheduler", help="run the schedule (retrain, expiry, rebuild); one per deployment")
    train = sub.add_parser("train", help="train and gate the Doc2Vec model (posts, articles, background corpus)")
    train.add_argument("--extra", help="an extra corpus, JSONL lines {\"id\", \"text\"}")
    train.add_argument("--seed", type=int, default=None)
    train.add_argument("--quiet", action="store_true", help="no progress bar")
    train.add_argument("--no-background", action="store_true",
                       help="leave out the shipped background corpus (small test runs; the gate may refuse)")
    fill = sub.add_parser("backfill", help="embed posts and articles that lack a sentence vector (resumable)")
    fill.add_argument("--limit", type=int, default=None, help="stop after this many documents")
    fill.add_argument("--quiet", action="store_true", help="no progress bar")
    imp = sub.add_parser("import-articles", help="import science articles from JSONL (idempotent by id)")
    imp.add_argument("path")
    grant = sub.add_parser("grant-role", help="give a user a role (staff/admin), by openid or id")
    grant.add_argument("who", help="user id or openid")
    grant.add_argument("role", choices=[role.value for role in Role])
    pw = sub.add_parser("console-password", help="set a staff/admin user's console password (stdin or --password-env)")
    pw.add_argument("who", help="user id or openid")
    pw.add_argument("--password-env", metavar="VAR", help="read the password from this environment variable")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one sub-command."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in ("sanic.root", "sanic.error", "sanic.access", "sanic.server"):
        logging.getLogger(name).propagate = False  # Sanic has its own handlers: no doubled lines
    logging.getLogger("httpx").setLevel(logging.WARNING)
    args = _parser().parse_args(argv)
    settings = load_settings()
    from server.push import templates

    templates.configure(settings)
    command = args.command or "serve"
    from server import cli

    if command == "serve":
        return cli.serve(settings, migrate_first=not getattr(args, "no_migrate", False))
    if command == "sandbox":
        return cli.sandbox(settings, host=args.host, port=args.port or settings.sandbox_port)
    if command == "dev":
        return cli.dev(settings)
    if command == "migrate":
        return asyncio.run(cli.migrate(settings))
    if command == "seed":
        return asyncio.run(cli.seed(settings, quiet=args.quiet))
    if command == "worker":
        return asyncio.run(cli.worker(settings))
    if command == "scheduler":
        return asyncio.run(cli.scheduler(settings))
    if command == "train":
        return asyncio.run(cli.train(settings, extra=args.extra, seed=args.seed, quiet=args.quiet,
                                   background=not args.no_background))
    if command == "backfill":
        return asyncio.run(cli.backfill(settings, limit=args.limit, quiet=args.quiet))
    if command == "import-articles":
        return asyncio.run(cli.import_articles(settings, path=args.path))
    if command == "grant-role":
        return asyncio.run(cli.grant_role(settings, who=args.who, role=args.role))
    if command == "console-password":
        return asyncio.run(cli.console_password(settings, who=args.who, password_env=args.password_env))
    return 2


if __name__ == "__main__":
    sys.exit(main())
