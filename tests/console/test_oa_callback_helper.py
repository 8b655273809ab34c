"""scripts/oa_callback.py signs and sends one official-account callback the live server accepts (README tour)."""

from __future__ import annotations

import asyncio
import subprocess
import sys

from server.models import InboundMessage, User
from server.models.enums import Role
from tests.conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/oa_callback.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)


async def test_the_helper_sends_a_signed_text_the_server_stores_and_answers(live_server: str, settings) -> None:
    await User.create(role=Role.ORGANISATION, name="帮助脚本测试", oa_openid="sandbox-oa-helper", follows_oa=True)
    done = await asyncio.to_thread(_run, "text", "sandbox-oa-helper", "专家什么时候能来？",
                                   "--url", f"{live_server}/wechat/callback")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("200 ")
    stored = await InboundMessage.filter(openid="sandbox-oa-helper").first()
    assert stored is not None and stored.handled_at is not None


async def test_a_bad_token_is_refused(live_server: str, settings, monkeypatch) -> None:
    monkeypatch.setenv("WECHAT_OA_TOKEN", "not-the-servers-token")
    done = await asyncio.to_thread(_run, "text", "sandbox-oa-helper", "你好", "--url", f"{live_server}/wechat/callback")
    assert done.returncode == 1 and done.stdout.startswith("403")
