"""Console sign-in, sessions, CSRF and role/region authorisation, over plain HTTP (ASGI)."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx

from server.console import auth
from server.models import Ticket, TicketEvent, User
from server.models.enums import Role
from server.services import passwords
from tests.conftest import ROOT
from tests.console.conftest import (
    ADMIN_PASSWORD,
    CSRF_RE,
    STAFF_PASSWORD,
    hashed,
    make_console_user,
    session_csrf,
    sign_in,
)

GENERIC = "账号或密码错误，或该账号无权使用控制台"
PAGES = ["/console/", "/console/tickets", "/console/tickets/1", "/console/export/children.csv",
         "/console/accounts", "/console/emergencies", "/console/outreach"]


def test_password_hash_round_trip() -> None:
    stored = passwords.hash_password("correct horse battery")
    assert stored.startswith("scrypt$") and "correct" not in stored
    assert passwords.verify_password("correct horse battery", stored)
    assert not passwords.verify_password("correct horse batterz", stored)
    assert passwords.hash_password("correct horse battery") != stored  # per-user salt


async def test_pages_redirect_to_login_without_session(client) -> None:
    for path in PAGES:
        response = await client.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/console/login?next="), path


async def test_api_answers_401_without_session(client) -> None:
    response = await client.get("/console/api/overview")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "console_login_required"


async def test_sign_in_sets_a_strict_session_cookie(client, world) -> None:
    response = await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    assert response.status_code == 303 and response.headers["location"] == "/console/"
    cookie = next(h for h in response.headers.get_list("set-cookie") if h.startswith(f"{auth.COOKIE}="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/console" in cookie
    assert "Secure" not in cookie  # test env; production sets it (below)
    assert len(client.cookies[auth.COOKIE]) >= 40


async def test_session_cookie_is_secure_outside_dev_and_test(app) -> None:
    class FakeRequest:
        pass

    request = FakeRequest()
    request.app = app
    assert not auth.is_secure_cookie(request)
    app.ctx.settings = app.ctx.settings.with_(env="prod")
    assert auth.is_secure_cookie(request)


async def test_sign_in_by_user_id_works(client, world) -> None:
    response = await sign_in(client, str(world.supervisor.id), STAFF_PASSWORD)
    assert response.status_code == 303
    assert (await client.get("/console/tickets")).status_code == 200


async def test_every_failed_sign_in_gets_the_same_generic_error(client, world) -> None:
    await User.create(role=Role.CITIZEN, name="群众", mp_openid="sandbox-citizen-pw",
                      password_hash=hashed("citizen-pass-1"))
    cases = {
        "wrong_password": ("sandbox-console-admin", "not-the-password"),
        "unknown_account": ("sandbox-nobody", ADMIN_PASSWORD),
        "citizen": ("sandbox-citizen-pw", "citizen-pass-1"),
        "staff_without_password": ("sandbox-王锦江", "anything-at-all"),
        "empty": ("sandbox-console-admin", ""),
    }
    for case, (account, password) in cases.items():
        response = await sign_in(client, account, password)
        assert response.status_code == 401, case
        assert GENERIC in response.text, case
        assert auth.COOKIE not in client.cookies, case


async def test_repeated_failures_lock_the_account_from_that_address(client, world) -> None:
    for _ in range(auth.FAIL_LIMIT):
        assert (await sign_in(client, "sandbox-console-admin", "wrong-password")).status_code == 401
    response = await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    assert response.status_code == 429
    assert "登录失败次数过多" in response.text
    assert auth.COOKIE not in client.cookies


async def test_sign_in_form_without_its_token_is_refused(client, world) -> None:
    await client.get("/console/login")
    response = await client.post("/console/login", data={"account": "sandbox-console-admin",
                                                         "password": ADMIN_PASSWORD})
    assert response.status_code == 403
    assert auth.COOKIE not in client.cookies


async def test_post_without_csrf_token_is_refused(client, world) -> None:
    await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    ticket = world.chengdu_tickets[0]
    data = {"to": str(world.supervisor.id), "note": "换人跟进"}
    refused = await client.post(f"/console/tickets/{ticket.id}/reassign", data=data)
    assert refused.status_code == 403
    wrong = await client.post(f"/console/tickets/{ticket.id}/reassign", data={**data, "csrf_token": "forged"})
    assert wrong.status_code == 403
    assert (await client.post("/console/logout")).status_code == 403
    assert (await Ticket.get(id=ticket.id)).concierge_id == world.jinjiang.id
    assert (await client.get("/console/tickets")).status_code == 200  # still signed in


async def test_csrf_token_in_header_is_accepted(client, world) -> None:
    await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    token = await session_csrf(client)
    ticket = world.chengdu_tickets[0]
    response = await client.post(f"/console/tickets/{ticket.id}/reassign", headers={"X-CSRF-Token": token},
                                 data={"to": str(world.supervisor.id), "note": "主管接手"})
    assert response.status_code == 303
    assert (await Ticket.get(id=ticket.id)).concierge_id == world.supervisor.id


async def test_logout_ends_the_session(client, world, redis) -> None:
    await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    sid = client.cookies[auth.COOKIE]
    token = await session_csrf(client)
    response = await client.post("/console/logout", data={"csrf_token": token})
    assert response.status_code == 303 and response.headers["location"] == "/console/login"
    assert await redis.get(auth.SESSION_KEY.format(sid=sid)) is None
    client.cookies.set(auth.COOKIE, sid, path="/console")  # replaying the old cookie does not help
    assert (await client.get("/console/tickets")).status_code == 303


async def test_revoked_role_ends_the_session(client, world) -> None:
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    await User.filter(id=world.supervisor.id).update(role=Role.SCIENTIST)
    assert (await client.get("/console/tickets")).status_code == 303


async def test_staff_cannot_open_admin_only_pages(client, world) -> None:
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    response = await client.get("/console/accounts")
    assert response.status_code == 403
    assert "无权访问" in response.text
    client.cookies.clear()
    assert (await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)).status_code == 303
    assert "李主管" in (await client.get("/console/accounts")).text


async def test_staff_cannot_see_another_regions_data(client, world) -> None:
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    for path in ["/console/?region=511500", "/console/?region=510000", "/console/tickets?region=511529",
                 "/console/export/children.csv?region=511500"]:
        response = await client.get(path)
        assert response.status_code == 403, path
        assert "无权查看该地区的数据" in response.text, path


async def test_staff_dashboard_defaults_to_their_region_and_exports_it(client, world) -> None:
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    page = await client.get("/console/")
    assert page.status_code == 200 and 'data-code="510100"' in page.text
    exported = await client.get("/console/export/children.csv?region=510104")
    assert exported.status_code == 200
    assert exported.headers["content-disposition"].startswith('attachment; filename="kejiyun-children-510104-')
    assert exported.content.startswith(b"\xef\xbb\xbf")
    assert (await client.get("/console/export/secrets.csv")).status_code == 404


async def test_staff_cannot_open_or_reassign_another_regions_ticket(client, world) -> None:
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    ticket = world.yibin_tickets[0]
    assert (await client.get(f"/console/tickets/{ticket.id}")).status_code == 403
    token = await session_csrf(client)
    response = await client.post(f"/console/tickets/{ticket.id}/reassign",
                                 data={"csrf_token": token, "to": str(world.supervisor.id), "note": "抢单"})
    assert response.status_code == 403
    assert (await Ticket.get(id=ticket.id)).concierge_id == world.yibin.id


async def test_staff_api_is_limited_to_their_region(client, world) -> None:
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    assert (await client.get("/console/api/overview?region=511500")).status_code == 403


async def test_staff_board_lists_only_their_regions_tickets(client, world) -> None:
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    html = (await client.get("/console/tickets")).text
    for ticket in world.chengdu_tickets:
        assert f'id="ticket-{ticket.id}"' in html
    for ticket in world.yibin_tickets:
        assert f'id="ticket-{ticket.id}"' not in html


async def test_reassign_needs_a_note(client, world) -> None:
    await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    token = await session_csrf(client)
    ticket = world.chengdu_tickets[0]
    response = await client.post(f"/console/tickets/{ticket.id}/reassign",
                                 data={"csrf_token": token, "to": str(world.supervisor.id), "note": "  "})
    assert response.status_code == 422
    assert "改派请填写说明" in response.text
    assert not await TicketEvent.filter(ticket_id=ticket.id, kind="handover").exists()


async def test_login_page_does_not_redirect_off_site(client, world) -> None:
    form = await client.get("/console/login?next=//evil.example/x")
    token = CSRF_RE.search(form.text).group(1)
    response = await client.post("/console/login", data={"account": "sandbox-console-admin", "password": ADMIN_PASSWORD,
                                                         "csrf_token": token, "next": "//evil.example/x"})
    assert response.headers["location"] == "/console/"


def _console_password(settings, who: str, *, password: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": settings.database_url, "APP_ENV": "test", "NEW_CONSOLE_PW": password}
    return subprocess.run([sys.executable, "-m", "server", "console-password", who, "--password-env", "NEW_CONSOLE_PW"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


async def test_cli_sets_a_staff_password_and_refuses_citizens(settings, client, world) -> None:
    done = _console_password(settings, "sandbox-王锦江", password="jinjiang-pass-1")
    assert done.returncode == 0, done.stderr
    assert (await sign_in(client, "sandbox-王锦江", "jinjiang-pass-1")).status_code == 303
    citizen = await User.get(mp_openid="sandbox-cit")
    refused = _console_password(settings, str(citizen.id), password="citizen-pass-1")
    assert refused.returncode == 1 and "只有工作人员和管理员" in refused.stderr
    assert (await User.get(id=citizen.id)).password_hash == ""
    weak = _console_password(settings, "sandbox-王锦江", password="short")
    assert weak.returncode == 1


async def test_staff_without_a_region_gets_a_clear_refusal(client, world) -> None:
    await make_console_user(Role.STAFF, name="无地区", region="510000", password=STAFF_PASSWORD, profile=False,
                            openid="sandbox-noregion")
    await User.filter(mp_openid="sandbox-noregion").update(region_id=None)
    await sign_in(client, "sandbox-noregion", STAFF_PASSWORD)
    response = await client.get("/console/tickets")
    assert response.status_code == 403
    assert "尚未为您设置服务地区" in response.text


async def test_changing_ones_password_ends_every_other_session(app, client, world) -> None:
    other = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://kjy.test")
    async with other:
        assert (await sign_in(other, "sandbox-console-admin", ADMIN_PASSWORD)).status_code == 303
        assert (await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)).status_code == 303
        old_sid = client.cookies[auth.COOKIE]
        form = await client.get("/console/password")
        token = CSRF_RE.search(form.text).group(1)
        new = "brand-new-pass-2026"
        cases = [({"current_password": "wrong-password-1", "new_password": new, "confirm_password": new},
                  "当前密码不正确"),
                 ({"current_password": ADMIN_PASSWORD, "new_password": new, "confirm_password": new + "x"},
                  "两次输入的新密码不一致"),
                 ({"current_password": ADMIN_PASSWORD, "new_password": "short", "confirm_password": "short"},
                  "密码至少 10 位"),
                 ({"current_password": ADMIN_PASSWORD, "new_password": ADMIN_PASSWORD,
                   "confirm_password": ADMIN_PASSWORD}, "新密码不能与当前密码相同")]
        for fields, message in cases:
            refused = await client.post("/console/password", data={**fields, "csrf_token": token})
            assert refused.status_code == 422 and message in refused.text
        forged = await client.post("/console/password", data={"current_password": ADMIN_PASSWORD,
                                                               "new_password": new, "confirm_password": new})
        assert forged.status_code == 403
        assert (await client.get("/console/")).status_code == 200  # nothing changed so far
        done = await client.post("/console/password", data={"current_password": ADMIN_PASSWORD, "new_password": new,
                                                             "confirm_password": new, "csrf_token": token})
        assert done.status_code == 200 and "密码已修改" in done.text
        assert client.cookies[auth.COOKIE] != old_sid  # this browser goes on with a fresh session
        assert (await client.get("/console/")).status_code == 200
        assert (await other.get("/console/")).status_code == 303  # the other device is signed out
    client.cookies.clear()
    assert (await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)).status_code == 401
    assert (await sign_in(client, "sandbox-console-admin", new)).status_code == 303


async def test_guessing_the_current_password_is_locked_out(client, world) -> None:
    await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    token = CSRF_RE.search((await client.get("/console/password")).text).group(1)
    guess = {"new_password": "brand-new-pass-2026", "confirm_password": "brand-new-pass-2026", "csrf_token": token}
    for i in range(auth.FAIL_LIMIT):
        answer = await client.post("/console/password", data={**guess, "current_password": f"guess-number-{i}"})
        assert answer.status_code == 422
    locked = await client.post("/console/password", data={**guess, "current_password": ADMIN_PASSWORD})
    assert locked.status_code == 429
    assert (await User.get(mp_openid="sandbox-console-admin")).password_hash == world.admin.password_hash


async def test_cli_grant_role_finds_people_by_id_or_openid(settings, world) -> None:
    env = {**os.environ, "DATABASE_URL": settings.database_url, "APP_ENV": "test"}

    def grant(who: str, role: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "server", "grant-role", who, role], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60)

    citizen = await User.get(mp_openid="sandbox-cit")
    assert grant("sandbox-nobody", "admin").returncode == 1
    assert grant(str(citizen.id), "emperor").returncode == 2  # argparse: not a role
    done = grant(" sandbox-cit ", "staff")
    assert done.returncode == 0 and f"user {citizen.id} is now staff" in done.stdout, done.stderr
    assert (await User.get(id=citizen.id)).role == Role.STAFF
    assert grant(str(citizen.id), "citizen").returncode == 0
    assert (await User.get(id=citizen.id)).role == Role.CITIZEN
