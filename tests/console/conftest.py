"""Console fixtures: people with console passwords, a small region data set, a live server, a browser."""

from __future__ import annotations

import asyncio
import functools
import os
import re
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from tortoise.transactions import in_transaction

from server.models import Post, StaffProfile, Ticket, User
from server.models.enums import PostKind, Role
from server.services import passwords
from server.settings import Settings
from server.tickets import lifecycle
from tests.conftest import ROOT, _wait_http, free_port

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
HAS_CHROMIUM = Path(CHROMIUM).exists()
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
ADMIN_PASSWORD = "admin-pass-2026"
STAFF_PASSWORD = "staff-pass-2026"


@functools.cache
def hashed(password: str) -> str:
    """Hash a test password once per session (scrypt is deliberately slow)."""
    return passwords.hash_password(password)


async def make_console_user(role: Role, *, name: str, region: str, password: str | None = None,
                            profile: bool = True, openid: str | None = None) -> User:
    """Create a staff or admin user (with a StaffProfile for staff) and, optionally, a console password."""
    user = await User.create(role=role, name=name, region_id=region, mp_openid=openid or f"sandbox-{name}",
                             password_hash=hashed(password) if password else "")
    if role == Role.STAFF and profile:
        await StaffProfile.create(user=user, region_id=region, capacity=50)
    return user


async def make_post(kind: PostKind, *, region: str, title: str, author: User) -> Post:
    """Create a published post; needs and questions get their ticket (and a concierge) like real ones."""
    async with in_transaction():
        post = await Post.create(kind=kind, title=title, body=f"{title}：测试用的正文内容。", region_id=region,
                                 author=author)
        if kind != PostKind.OFFER:
            await lifecycle.open_ticket(post=post)
    return post


@dataclass
class World:
    admin: User
    supervisor: User  # staff of 成都市 (510100)
    jinjiang: User    # concierge of 锦江区 (510104)
    yibin: User       # concierge of 宜宾市 (511500)
    chengdu_tickets: list[Ticket]
    yibin_tickets: list[Ticket]


async def build_world() -> World:
    """Create two cities' worth of people, posts and tickets (5 posts in 成都, 2 in 宜宾)."""
    admin = await make_console_user(Role.ADMIN, name="周管理", region="510000", password=ADMIN_PASSWORD,
                                    openid="sandbox-console-admin")
    supervisor = await make_console_user(Role.STAFF, name="李主管", region="510100", password=STAFF_PASSWORD,
                                         openid="sandbox-console-chengdu")
    jinjiang = await make_console_user(Role.STAFF, name="王锦江", region="510104")
    yibin = await make_console_user(Role.STAFF, name="陈宜宾", region="511500")
    org = await User.create(role=Role.ORGANISATION, name="测试企业", region_id="510104", mp_openid="sandbox-org")
    citizen = await User.create(role=Role.CITIZEN, name="测试群众", region_id="510107", mp_openid="sandbox-cit")
    scientist = await User.create(role=Role.SCIENTIST, name="测试专家", region_id="510104", mp_openid="sandbox-sci")
    chengdu = [await make_post(PostKind.NEED, region="510104", title=f"锦江区技术需求{i}", author=org)
               for i in range(3)]
    chengdu.append(await make_post(PostKind.QUESTION, region="510107", title="武侯区科普问题", author=citizen))
    await make_post(PostKind.OFFER, region="510104", title="锦江区专家服务", author=scientist)
    yibin_posts = [await make_post(PostKind.NEED, region="511529", title=f"屏山县技术需求{i}", author=org)
                   for i in range(2)]
    return World(admin=admin, supervisor=supervisor, jinjiang=jinjiang, yibin=yibin,
                 chengdu_tickets=[await Ticket.get(post_id=p.id) for p in chengdu],
                 yibin_tickets=[await Ticket.get(post_id=p.id) for p in yibin_posts])


@pytest_asyncio.fixture
async def world(settings: Settings, redis) -> World:
    return await build_world()


CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
META_RE = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


async def sign_in(client: httpx.AsyncClient, account: str, password: str) -> httpx.Response:
    """Fill the sign-in form over HTTP (token included) and return the answer to the POST."""
    form = await client.get("/console/login")
    token = CSRF_RE.search(form.text).group(1)
    return await client.post("/console/login", data={"account": account, "password": password, "csrf_token": token})


async def session_csrf(client: httpx.AsyncClient) -> str:
    """Return the signed-in session's CSRF token, read from a page's meta tag."""
    page = await client.get("/console/tickets")
    return META_RE.search(page.text).group(1)


def _spawn(env: dict[str, str], log: Path) -> subprocess.Popen:
    with open(log, "wb") as out:
        return subprocess.Popen([sys.executable, "-m", "tests.console.live_app"], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT)


@pytest_asyncio.fixture(scope="session")
async def live_server(settings: Settings, redis, sandbox_url: str, tmp_path_factory: pytest.TempPathFactory
                      ) -> AsyncIterator[str]:
    """Serve the real app (one process) on a free port against the test database and store."""
    port = free_port()
    env = {**os.environ, "APP_ENV": "test", "HOST": "127.0.0.1", "PORT": str(port), "WORKERS": "1",
           "DATABASE_URL": settings.database_url, "WECHAT_API_BASE": sandbox_url, "SECRET_KEY": settings.secret_key,
           "INLINE_WORKERS": "0", "MODEL_DIR": settings.model_dir, "PYTHONUNBUFFERED": "1",
           "PYTHONFAULTHANDLER": "1"}
    env.pop("REDIS_URL", None)
    if settings.redis_url:
        env["REDIS_URL"] = settings.redis_url
    log = tmp_path_factory.mktemp("live") / "server.log"
    proc = _spawn(env, log)
    url = f"http://127.0.0.1:{port}"
    try:
        await asyncio.to_thread(_wait_http, f"{url}/console/login", timeout=60.0, proc=proc)
    except RuntimeError as exc:
        proc.send_signal(signal.SIGABRT)  # faulthandler prints where it was stuck
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
        raise RuntimeError(f"console server failed ({exc}):\n" + log.read_text(errors="replace")[:4000]) from None
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest_asyncio.fixture(scope="session")
async def browser():
    """Debian's Chromium driven by Playwright; a missing Chromium fails the run (scripts/test.sh installs it)."""
    if not HAS_CHROMIUM:
        pytest.fail(f"Chromium not found at {CHROMIUM}: run ./scripts/test.sh (installs Debian's chromium) "
                    "or `apt-get install chromium`", pytrace=False)
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        instance = await pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                            args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield instance
        await instance.close()


@pytest_asyncio.fixture
async def page(browser, live_server: str) -> AsyncIterator:
    """A fresh browser context (own cookies) on the live server, laptop-sized."""
    context = await browser.new_context(base_url=live_server, viewport={"width": 1366, "height": 900},
                                        locale="zh-CN", accept_downloads=True)
    tab = await context.new_page()
    yield tab
    await context.close()


async def browser_sign_in(page, account: str, password: str, *, next_path: str = "") -> None:
    """Sign in through the real form in the browser and wait for the console's top bar."""
    await page.goto("/console/login" + (f"?next={next_path}" if next_path else ""))
    await page.fill("input[name=account]", account)
    await page.fill("input[name=password]", password)
    await page.click("#login-submit")
    await page.wait_for_selector("header.topbar")


def screenshot_path(name: str) -> Path:
    """Return where a screenshot goes (artifacts/screenshots/, git-ignored), creating the folder."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name
