"""The callback driven exactly as WeChat does: signed, and in safe mode encrypted with wechatpy."""

from __future__ import annotations

import asyncio
import time

import pytest
import xmltodict
from wechatpy.crypto import WeChatCrypto

from server.app import create_app, start_resources, stop_resources
from server.models import Campaign, InboundMessage, User
from server.settings import SANDBOX_OA_APPID
from server.wechat.callback import encrypt_for_test, sign
from tests.factories import auth, login, login_as

AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


def signed(token: str, nonce: str = "n1") -> dict[str, str]:
    now = str(int(time.time()))
    return {"signature": sign(token, now, nonce), "timestamp": now, "nonce": nonce}


def xml(openid: str, fields: str, *, created: int | None = None) -> str:
    created = created or int(time.time())
    return (f"<xml><ToUserName><![CDATA[gh_kjy]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{created}</CreateTime>{fields}</xml>")


async def post_plain(client, settings, body: str, **query):
    return await client.post("/wechat/callback", params={**signed(settings.oa_token), **query}, content=body.encode())


async def test_url_verification_echoes(client, settings):
    response = await client.get("/wechat/callback", params={**signed(settings.oa_token), "echostr": "1234567"})
    assert response.status_code == 200 and response.text == "1234567"


async def test_bad_signature_is_403(client, settings):
    bad = {**signed(settings.oa_token), "signature": "0" * 40}
    assert (await client.get("/wechat/callback", params={**bad, "echostr": "x"})).status_code == 403
    response = await client.post("/wechat/callback", params=bad, content=xml("o1", "<MsgType>text</MsgType>").encode())
    assert response.status_code == 403
    assert await InboundMessage.all().count() == 0


@pytest.mark.parametrize("body", [b"<xml><MsgType>", b"\x00\x01garbage",
                                  b'<!DOCTYPE x [<!ENTITY a "b">]><xml><Content>&a;</Content></xml>',
                                  b"<xml>" + b"x" * 80_000 + b"</xml>"])
async def test_malformed_oversize_and_entity_xml_are_4xx(client, settings, body):
    response = await client.post("/wechat/callback", params=signed(settings.oa_token), content=body)
    assert 400 <= response.status_code < 500


async def test_replayed_message_is_processed_once(client, settings):
    body = xml("o-replay", "<MsgType>text</MsgType><Content>你好</Content><MsgId>99001</MsgId>")
    answers = await asyncio.gather(*(post_plain(client, settings, body) for _ in range(3)))
    assert all(a.status_code == 200 for a in answers)
    assert sum("已收到" in a.text for a in answers) == 1
    assert await InboundMessage.filter(dedup_key="msg:99001").count() == 1


async def test_subscribe_with_scene_records_the_campaign(client, settings):
    headers, admin = await login_as(client, "oa-admin", "admin")
    campaign = (await client.post("/api/v1/admin/campaigns", json={"region_code": "511500"},
                                  headers=headers)).json()["campaign"]
    body = xml("o-new", f"<MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_{campaign['scene']}"
                        "</EventKey>")
    response = await post_plain(client, settings, body)
    assert "欢迎关注" in response.text
    follower = await User.get(oa_openid="o-new")
    assert follower.follows_oa and follower.campaign_id == campaign["id"]
    assert await Campaign.filter(id=campaign["id"]).exists()
    await post_plain(client, settings, xml("o-new", "<MsgType>event</MsgType><Event>unsubscribe</Event>",
                                           created=int(time.time()) + 1))
    assert not (await User.get(oa_openid="o-new")).follows_oa


async def test_binding_links_the_official_account_to_the_mini_program_user(client, settings):
    data = await login(client, "binder")
    await post_plain(client, settings, xml("o-binder", "<MsgType>event</MsgType><Event>subscribe</Event>"))
    code = (await client.post("/api/v1/me/bind-code", headers=auth(data["token"]))).json()["code"]
    full_width = "绑定　" + code.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    response = await post_plain(client, settings, xml("o-binder", f"<MsgType>text</MsgType><Content>{full_width}"
                                                                  "</Content><MsgId>77</MsgId>"))
    assert "绑定成功" in response.text
    user = await User.get(id=data["user"]["id"])
    assert user.oa_openid == "o-binder" and user.follows_oa
    me = (await client.get("/api/v1/me", headers=auth(data["token"]))).json()["user"]
    assert me["follows_official_account"] is True
    again = await post_plain(client, settings, xml("o-other", f"<MsgType>text</MsgType><Content>绑定 {code}</Content>"
                                                              "<MsgId>78</MsgId>"))
    assert "无效或已过期" in again.text


async def test_staff_bind_their_wechat_with_an_invite(client, settings):
    headers, _ = await login_as(client, "inviter", "admin")
    invite = await client.post("/api/v1/admin/staff-invites", json={"name": "王科服", "region_code": "511500"},
                               headers=headers)
    assert invite.status_code == 201
    body = invite.json()
    response = await post_plain(client, settings, xml("o-staff", f"<MsgType>text</MsgType><Content>绑定 {body['code']}"
                                                                 "</Content><MsgId>80</MsgId>"))
    assert "王科服" in response.text and "科服保姆" in response.text
    staff = await User.get(id=body["user"]["id"])
    assert staff.role == "staff" and staff.oa_openid == "o-staff" and staff.region_id == "511500"


async def test_safe_mode_end_to_end(settings, redis):
    import httpx

    from server.wechat.callback import CallbackConfig

    safe = settings.with_(oa_aes_key=AES_KEY)
    app = create_app(safe, name="kjy_safe")
    await start_resources(app, redis=redis)
    app.asgi = True
    await app._startup()
    config = CallbackConfig(token=safe.oa_token, appid=SANDBOX_OA_APPID, aes_key=AES_KEY)
    now, nonce = str(int(time.time())), "safe-nonce"
    inner = xml("o-safe", "<MsgType>text</MsgType><Content>你好</Content><MsgId>5150</MsgId>")
    body, msg_signature = encrypt_for_test(config, xml=inner, nonce=nonce, timestamp=now)
    query = {"signature": sign(safe.oa_token, now, nonce), "timestamp": now, "nonce": nonce,
             "msg_signature": msg_signature, "encrypt_type": "aes", "openid": "o-safe"}
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://safe") as c:
            answer = await c.post("/wechat/callback", params=query, content=body)
            wrong = await c.post("/wechat/callback", params={**query, "msg_signature": "0" * 40}, content=body)
    finally:
        await stop_resources(app)
    assert answer.status_code == 200 and wrong.status_code == 403
    envelope = xmltodict.parse(answer.text)["xml"]
    plain = WeChatCrypto(safe.oa_token, AES_KEY, SANDBOX_OA_APPID).decrypt_message(
        answer.text, envelope["MsgSignature"], envelope["TimeStamp"], nonce)
    assert "已收到" in plain and "o-safe" in plain


async def test_receipt_events_are_stored(client, settings):
    body = xml(settings.oa_appid, "<MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event>"
                                  "<MsgID>200163836</MsgID><Status><![CDATA[failed:user block]]></Status>")
    response = await post_plain(client, settings, body)
    assert response.text == "success"
    row = await InboundMessage.get(dedup_key="receipt:200163836")
    assert row.payload["Status"] == "failed:user block"


async def test_scanning_the_binding_qr_code_binds_without_typing(client, settings, sandbox):
    data = await login(client, "qr-binder")
    answer = (await client.post("/api/v1/me/bind-code", headers=auth(data["token"]))).json()
    assert answer["qr_image"].startswith(f"{settings.api_base}/cgi-bin/showqrcode?ticket=")
    image = await sandbox.get(answer["qr_image"].removeprefix(settings.api_base))
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    # A new follower scans it: WeChat's subscribe event carries qrscene_<scene>.
    body = xml("o-qr", f"<MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_bind_{answer['code']}"
                       "</EventKey><Ticket>t</Ticket>")
    response = await post_plain(client, settings, body)
    assert "绑定成功" in response.text
    user = await User.get(id=data["user"]["id"])
    assert user.oa_openid == "o-qr" and user.follows_oa and user.campaign_id is None


async def test_a_follower_scanning_an_old_binding_code_is_told_it_expired(client, settings):
    body = xml("o-late", "<MsgType>event</MsgType><Event>SCAN</Event><EventKey>bind_123456</EventKey>")
    assert "无效或已过期" in (await post_plain(client, settings, body)).text


async def test_without_a_qr_code_the_bind_code_still_comes(client, sandbox):
    data = await login(client, "qr-down")
    await sandbox.post("/_sandbox/faults", json={"endpoint": "cgi-bin/qrcode/create", "errcode": 48001})
    answer = (await client.post("/api/v1/me/bind-code", headers=auth(data["token"]))).json()
    assert answer["qr_image"] is None and len(answer["code"]) == 6
