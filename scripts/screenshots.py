"""Screenshots of the mini-program's pages (HTML written by miniprogram/scripts/screens) with Chromium.

    python scripts/screenshots.py leaf OUT.png          draw the demo photo (a yellowing plum leaf)
    python scripts/screenshots.py shoot HTML_DIR OUT_DIR  one PNG per page: a 375×812 viewport at 2x
                                                          (and the whole page for the long ones)

Uses Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through Playwright, never its downloads.
"""

from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path

from playwright.async_api import async_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
VIEWPORT = {"width": 375, "height": 812}
FULL_PAGE = {"post", "publish", "me"}  # long pages: also the whole page, as <name>-full.png
LEAF = """<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<rect width="600" height="600" fill="#6b8e4e"/><rect y="420" width="600" height="180" fill="#5a4632"/>
<path d="M300 60 C470 120 520 330 300 540 C80 330 130 120 300 60Z" fill="#c9c23a" stroke="#7d7a1e" stroke-width="6"/>
<path d="M300 70 L300 540" stroke="#8a8424" stroke-width="8"/>
<g fill="#8c6b1f" opacity="0.8"><circle cx="240" cy="220" r="26"/><circle cx="360" cy="300" r="34"/>
<circle cx="250" cy="380" r="22"/><circle cx="350" cy="170" r="18"/></g>
<path d="M300 200 L200 150 M300 300 L180 260 M300 400 L210 380 M300 200 L400 150 M300 300 L420 260 M300 400 L390 380"
 stroke="#8a8424" stroke-width="5"/></svg>"""


async def _browser(pw):
    return await pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-dev-shm-usage", "--allow-file-access-from-files"])


async def draw_leaf(out: Path) -> None:
    async with async_playwright() as pw:
        browser = await _browser(pw)
        page = await browser.new_page(viewport={"width": 600, "height": 600})
        await page.set_content(f"<body style='margin:0'>{LEAF}</body>")
        await page.screenshot(path=str(out))
        await browser.close()


async def shoot(pages: list[Path], out_dir: Path) -> list[Path]:
    written = []
    async with async_playwright() as pw:
        browser = await _browser(pw)
        context = await browser.new_context(viewport=VIEWPORT, device_scale_factor=2)
        for html in pages:
            page = await context.new_page()
            await page.goto(html.resolve().as_uri(), wait_until="networkidle")
            target = out_dir / f"{html.stem}.png"
            await page.screenshot(path=str(target))
            written.append(target)
            if html.stem in FULL_PAGE:
                whole = out_dir / f"{html.stem}-full.png"
                await page.screenshot(path=str(whole), full_page=True)
                written.append(whole)
            await page.close()
        await browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("leaf").add_argument("out", type=Path)
    shoot_args = sub.add_parser("shoot")
    shoot_args.add_argument("html_dir", type=Path)
    shoot_args.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    if args.command == "leaf":
        asyncio.run(draw_leaf(args.out))
    else:
        args.out_dir.mkdir(parents=True, exist_ok=True)
        for path in asyncio.run(shoot(sorted(args.html_dir.glob("*.html")), args.out_dir)):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
