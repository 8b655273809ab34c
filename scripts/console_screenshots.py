#!/usr/bin/env python3
"""Screenshots of the console on the seeded demo, for the README: docs/screenshots/*.png.

    .venv/bin/python scripts/console_screenshots.py             # starts `python -m server dev` on scratch ports
    .venv/bin/python scripts/console_screenshots.py --url http://127.0.0.1:8000   # or uses a running demo

Takes the province and a city dashboard, a ticket page and the emergency page, each at 1440×900 (laptop)
and 390×844 (phone), signed in as the demo admin. Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH)
and Playwright for Python (in requirements-dev.txt).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZES = {"laptop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
ADMIN = ("sandbox-sckx-admin", "demo-admin-2026")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_demo(workdir: Path) -> tuple[subprocess.Popen, str]:
    """Run `python -m server dev` (migrate, seed, sandbox, serve) on a scratch SQLite file and free ports."""
    port, box = _free_port(), _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite://{workdir}/demo.sqlite3", "MODEL_DIR": str(workdir / "models"),
           "PORT": str(port), "SANDBOX_PORT": str(box), "APP_ENV": "dev"}
    for name in ("REDIS_URL", "WECHAT_API_BASE"):
        env.pop(name, None)
    log = open(workdir / "server.log", "wb")  # noqa: SIM115 - lives as long as the server
    proc = subprocess.Popen([sys.executable, "-m", "server", "dev"], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the demo server stopped; see {workdir / 'server.log'}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise SystemExit(f"the demo server did not come up in 300 s; see {workdir / 'server.log'}")


async def _first_link(page, selector: str) -> str:
    href = await page.get_attribute(selector, "href")
    if not href:
        raise SystemExit(f"nothing to show at {selector} on {page.url}")
    return href


async def shoot(url: str) -> list[Path]:
    """Sign in as the demo admin and save every page at every size."""
    from playwright.async_api import async_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                                           headless=True, args=["--no-sandbox", "--disable-dev-shm-usage"])
        for size, viewport in SIZES.items():
            context = await browser.new_context(base_url=url, viewport=viewport, locale="zh-CN",
                                                timezone_id="Asia/Shanghai", is_mobile=size == "phone",
                                                has_touch=size == "phone", device_scale_factor=1)
            page = await context.new_page()
            await page.goto("/console/login")
            await page.fill("input[name=account]", ADMIN[0])
            await page.fill("input[name=password]", ADMIN[1])
            await page.click("#login-submit")
            await page.wait_for_selector("header.topbar")
            await page.goto("/console/tickets?stage=negotiating")
            ticket = await _first_link(page, "#ticket-board tbody a")
            await page.goto("/console/emergencies")
            emergency = await _first_link(page, "#emergency-list tbody a")
            for name, path in [("dashboard-province", "/console/"), ("dashboard-city", "/console/?region=511500"),
                               ("ticket", ticket), ("emergency", emergency)]:
                await page.goto(path)
                await page.wait_for_load_state("networkidle")
                if name.startswith("dashboard"):
                    await page.wait_for_function("document.documentElement.dataset.charts !== undefined")
                    await page.wait_for_timeout(800)  # ECharts' entry animation
                target = OUT / f"{name}-{size}.png"
                await page.screenshot(path=str(target), full_page=True)
                saved.append(target)
            await context.close()
        await browser.close()
    return saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running, seeded demo (default: start one on scratch ports)")
    args = parser.parse_args()
    proc = None
    with tempfile.TemporaryDirectory(prefix="kjy-shots-") as tmp:
        url = args.url
        if not url:
            proc, url = start_demo(Path(tmp))
        try:
            for path in asyncio.run(shoot(url)):
                print(path.relative_to(ROOT))
        finally:
            if proc is not None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
