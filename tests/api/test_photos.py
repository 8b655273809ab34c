"""Photos of needs and questions: upload checks, WeChat's asynchronous media check through the callback,
who sees them, and the two stores (a local folder; an S3-compatible server, moto, started here)."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
import time
from urllib.parse import urlsplit

import httpx
import pytest
import segno

from server.app import create_app, start_resources, stop_resources
from server.models import Match, Post, PostPhoto
from server.models.enums import PhotoCheck, Role
from server.services import photos
from server.wechat.sandbox_media import event_xml
from tests.api.test_callback import post_plain
from tests.factories import create_post, login_as


def png(text: str = "李子树叶片发黄", *, marker: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    segno.make(text).save(buffer, kind="png", scale=3)
    return buffer.getvalue() + marker  # bytes after IEND: still a PNG, and what the sandbox looks at


def upload(client, headers, post_id: int, data: bytes, *, name: str = "leaf.png"):
    return client.post(f"/api/v1/posts/{post_id}/photos", files={"file": (name, data, "image/png")}, headers=headers)


async def check_of(sandbox, photo_id: int) -> dict:
    trace_id = (await PostPhoto.get(id=photo_id)).trace_id
    [check] = (await sandbox.get("/_sandbox/media-checks", params={"trace_id": trace_id})).json()["checks"]
    return check


async def verdict(client, settings, check: dict, suggest: str) -> None:
    """WeChat pushes the verdict to the callback (the mini-program's message push, same URL and token)."""
    response = await post_plain(client, settings, event_xml(check, suggest=suggest, label=100))
    assert response.status_code == 200


async def test_a_photo_is_stored_checked_and_shown_to_the_poster_while_pending(client, settings, sandbox):
    headers, user = await login_as(client, "photo-farmer")
    post = await create_post(client, headers)
    answer = await upload(client, headers, post["id"], png())
    assert answer.status_code == 201, answer.text
    photo = answer.json()["photo"]
    assert photo["check"] == "pending"
    check = await check_of(sandbox, photo["id"])
    assert check["openid"] == user.mp_openid
    # The link WeChat was given serves the very bytes (a signed link into the local folder).
    served = await client.get(urlsplit(check["media_url"])._replace(scheme="", netloc="").geturl())
    assert served.status_code == 200 and served.content == png() and served.headers["content-type"] == "image/png"
    listed = (await client.get(f"/api/v1/posts/{post['id']}/photos", headers=headers)).json()["photos"]
    assert [(p["id"], p["check"]) for p in listed] == [(photo["id"], "pending")] and listed[0]["url"]
    key = (await PostPhoto.get(id=photo["id"])).storage_key
    assert await photos.storage_for(settings).get(key) == png()  # in the local photo folder


async def test_a_risky_verdict_hides_the_photo_a_passed_one_shows_it_to_the_matched_scientist(client, settings,
                                                                                            sandbox):
    headers, farmer = await login_as(client, "photo-owner")
    post = await create_post(client, headers)
    good = (await upload(client, headers, post["id"], png("好照片"))).json()["photo"]
    bad = (await upload(client, headers, post["id"], png("坏照片"))).json()["photo"]
    await verdict(client, settings, await check_of(sandbox, good["id"]), "pass")
    await verdict(client, settings, await check_of(sandbox, bad["id"]), "risky")

    scientist_headers, scientist = await login_as(client, "photo-expert", Role.SCIENTIST)
    offer = await create_post(client, scientist_headers, kind="offer", title="果树病害诊断技术服务",
                              body="多年从事果树病虫害诊断与防治，可上门查看并给出方案。")
    await Match.create(demand_id=post["id"], supply_post_id=offer["id"], origin_post_id=post["id"], score=1.0,
                       method="fusion", rank=1)
    seen = (await client.get(f"/api/v1/posts/{post['id']}/photos", headers=scientist_headers)).json()["photos"]
    assert [p["id"] for p in seen] == [good["id"]]
    image = await client.get(urlsplit(seen[0]["url"])._replace(scheme="", netloc="").geturl())
    assert image.content == png("好照片")
    mine = (await client.get(f"/api/v1/posts/{post['id']}/photos", headers=headers)).json()["photos"]
    assert [(p["id"], p["check"], p["url"] is None) for p in mine] == [(good["id"], "pass", False),
                                                                       (bad["id"], "risky", True)]


async def test_the_concierge_sees_passed_photos_and_a_stranger_none(client, settings, sandbox):
    headers, _ = await login_as(client, "photo-poster")
    post = await create_post(client, headers)
    photo = (await upload(client, headers, post["id"], png())).json()["photo"]
    await verdict(client, settings, await check_of(sandbox, photo["id"]), "pass")
    staff, _ = await login_as(client, "photo-staff", Role.STAFF, region_id=(await Post.get(id=post["id"])).region_id)
    assert [p["id"] for p in (await client.get(f"/api/v1/posts/{post['id']}/photos", headers=staff)).json()["photos"]] \
        == [photo["id"]]
    stranger, _ = await login_as(client, "photo-stranger")
    assert (await client.get(f"/api/v1/posts/{post['id']}/photos", headers=stranger)).status_code == 404
    assert (await upload(client, stranger, post["id"], png())).status_code == 404  # only the poster adds photos


@pytest.mark.parametrize(("data", "status", "message"), [
    (b"GIF89a not allowed", 422, "只支持 JPG、PNG、WEBP 格式的照片"),
    (b"%PDF-1.4 pretending", 422, "只支持 JPG、PNG、WEBP 格式的照片"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * (2 * 1024 * 1024), 413, "照片不能超过 2 MB，请压缩后再传"),
])
async def test_uploads_are_checked_by_what_they_are(client, data, status, message):
    headers, _ = await login_as(client, "photo-bad")
    post = await create_post(client, headers)
    answer = await upload(client, headers, post["id"], data)
    assert answer.status_code == status
    assert answer.json()["error"] == {"code": answer.json()["error"]["code"], "message": message, "field": "file"}
    assert not await PostPhoto.filter(post_id=post["id"]).exists()


async def test_at_most_three_photos_and_only_on_needs_and_questions(client):
    headers, _ = await login_as(client, "photo-many")
    post = await create_post(client, headers)
    for _ in range(3):
        assert (await upload(client, headers, post["id"], png())).status_code == 201
    fourth = await upload(client, headers, post["id"], png())
    assert fourth.status_code == 422 and fourth.json()["error"]["message"] == "每条最多 3 张照片"
    missing = await client.post(f"/api/v1/posts/{post['id']}/photos", data={"x": "1"}, headers=headers)
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "file"
    scientist, _ = await login_as(client, "photo-offer", Role.SCIENTIST)
    offer = await create_post(client, scientist, kind="offer", title="果树病害诊断技术服务",
                              body="多年从事果树病虫害诊断与防治，可上门查看并给出方案。")
    refused = await upload(client, scientist, offer["id"], png())
    assert refused.status_code == 422 and refused.json()["error"]["message"] == "只有科技需求和科普问题可以附照片"


async def test_a_forged_or_expired_link_serves_nothing(client, settings):
    headers, _ = await login_as(client, "photo-link")
    post = await create_post(client, headers)
    photo = (await upload(client, headers, post["id"], png())).json()["photo"]
    path = urlsplit(photo["url"])
    assert (await client.get(path.path, params={"exp": int(time.time()) + 60, "sig": "0" * 32})).status_code == 404
    stale = await photos.photo_url(await PostPhoto.get(id=photo["id"]), settings=settings,
                                   ttl=photos.timedelta(seconds=-1))
    assert (await client.get(urlsplit(stale)._replace(scheme="", netloc="").geturl())).status_code == 404


async def test_without_the_check_the_photo_stays_with_the_poster(client, sandbox):
    headers, _ = await login_as(client, "photo-down")
    post = await create_post(client, headers)
    await sandbox.post("/_sandbox/faults", json={"endpoint": "wxa/media_check_async", "errcode": -1})
    photo = (await upload(client, headers, post["id"], png())).json()["photo"]
    row = await PostPhoto.get(id=photo["id"])
    assert row.verdict == PhotoCheck.PENDING and row.trace_id is None and row.check_error


# ---- S3-compatible storage against a real server ----------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    """A real S3-compatible server (moto's, from PyPI) for this module; waited on by polling its port."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(url, timeout=1)
            break
        except httpx.HTTPError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("the S3-compatible test server (moto) did not start")
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


async def test_with_an_s3_bucket_photos_go_there_and_are_shown_by_presigned_links(settings, redis, s3_endpoint,
                                                                                  sandbox):
    s3 = settings.with_(s3_endpoint=s3_endpoint, s3_bucket="kjy-photos", s3_access_key="test", s3_secret_key="test")
    app = create_app(s3, name="kjy_s3")
    await start_resources(app, redis=redis)
    app.asgi = True
    await app._startup()
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://kjy.test") as client:
            headers, _ = await login_as(client, "photo-s3")
            post = await create_post(client, headers)
            photo = (await upload(client, headers, post["id"], png("桶里的照片"))).json()["photo"]
            assert photo["url"].startswith(f"{s3_endpoint}/kjy-photos/posts/{post['id']}/")
            assert "X-Amz-Signature=" in photo["url"]
            async with httpx.AsyncClient() as outside:  # straight from the bucket, as <image> and WeChat do
                fetched = await outside.get(photo["url"])
            assert fetched.status_code == 200 and fetched.content == png("桶里的照片")
            check = await check_of(sandbox, photo["id"])
            assert check["media_url"].startswith(f"{s3_endpoint}/kjy-photos/")
    finally:
        await stop_resources(app)
