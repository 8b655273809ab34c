"""Callback crypto and parsing with WeChat's official vectors (WECHAT.md §7) and hostile input."""

from __future__ import annotations

import pytest
import xmltodict
from wechatpy.crypto import WeChatCrypto

from server.wechat.callback import (
    SUCCESS,
    CallbackConfig,
    CallbackError,
    encrypt_for_test,
    open_message,
    reply_text,
    sign,
    verify_url,
)

KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
SAMPLE_ENCRYPT = ("hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHF"
                  "VAFmOD2L"
                  "dJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6u"
                  "x5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJ"
                  "pXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCz"
                  "pu9GhglF2PE=")
SAMPLE = CallbackConfig(token="spamtest", appid="wx2c2769f8efd9abc2", aes_key=KEY)
SAMPLE_QUERY = {"signature": "16120ec1b8dbb870f510d87ce6bc2463eae6ca1a", "timestamp": "1409735669",
                "nonce": "1320562132", "msg_signature": "5d197aaffba7e9b25a30732f161a50dee96bd5fa",
                "encrypt_type": "aes"}
SAMPLE_BODY = ("<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>"
               f"<Encrypt><![CDATA[{SAMPLE_ENCRYPT}]]></Encrypt></xml>").encode()
PLAIN = CallbackConfig(token="AAAAA", appid="wxplain")
NOW = 1_714_037_059


def plain_query(timestamp: int = NOW, nonce: str = "486452656") -> dict[str, str]:
    return {"signature": sign("AAAAA", str(timestamp), nonce), "timestamp": str(timestamp), "nonce": nonce}


def xml(fields: str) -> bytes:
    return (f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName>"
            f"<CreateTime>{NOW}</CreateTime>{fields}</xml>").encode()


def test_official_url_verification_vector():
    assert sign("AAAAA", "1714036504", "1514711492") == "f464b24fc39322e44b38aa78f5edd27bd1441696"
    echoed = verify_url(PLAIN, signature="f464b24fc39322e44b38aa78f5edd27bd1441696", timestamp="1714036504",
                        nonce="1514711492", echostr="4375120948345356249", now=1714036504)
    assert echoed == "4375120948345356249"


def test_url_verification_is_plaintext_even_in_safe_mode():
    query = {"signature": SAMPLE_QUERY["signature"], "timestamp": "1409735669", "nonce": "1320562132"}
    assert verify_url(SAMPLE, **query, echostr="hello", now=1409735669) == "hello"


def test_official_plain_post_signature_vector():
    assert sign("AAAAA", "1714037059", "486452656") == "899cf89e464efb63f54ddac96b0a0a235f53aa78"


def test_official_safe_mode_sample_decrypts():
    message = open_message(SAMPLE, query=SAMPLE_QUERY, body=SAMPLE_BODY, now=1409735669)
    assert (message.kind, message.content, message.openid) == ("text", "abcdteT", "oyORnuP8q7ou2gfYjqLzSIWZf0rs")
    assert message.msg_id == 6054768590064713728
    assert message.dedup_key == "msg:6054768590064713728"


def test_decrypt_uses_msg_signature_not_signature():
    confused = {**SAMPLE_QUERY, "msg_signature": SAMPLE_QUERY["signature"]}
    with pytest.raises(CallbackError) as caught:
        open_message(SAMPLE, query=confused, body=SAMPLE_BODY, now=1409735669)
    assert caught.value.status == 403


def test_official_deterministic_encrypt_vector():
    crypto = WeChatCrypto("any", KEY, "wxb11529c136998cb6")
    from wechatpy.crypto import PrpCrypto

    class Fixed(PrpCrypto):
        def get_random_string(self):
            return "aaaabbbbccccdddd"

    encrypted = Fixed(crypto.key).encrypt("我是中文abcd123", "wxb11529c136998cb6")
    assert encrypted.decode() == ("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZG"
                                  "MhkP72vVOfg==")


def test_wechatpy_fixed_decrypt_vector():
    config = CallbackConfig(token="123456", appid="wx49f0ab532d5d035a",
                            aes_key="kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR")
    encrypt = ("RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDX"
               "zF6Bv283dGymz"
               "xh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P"
               "4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdsh"
               "oQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdC"
               "RxthuL0=")
    body = f"<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    query = {"signature": sign("123456", "1411525903", "461056294"), "timestamp": "1411525903", "nonce": "461056294",
             "msg_signature": "74d92dfeb87ba7c714f89d98870ae5eb62dff26d"}
    message = open_message(config, query=query, body=body.encode(), now=1411525903)
    assert (message.openid, message.content, message.msg_id) == ("messense", "test", 4363689963896700987)


def test_bad_and_stale_signatures_are_403():
    for query in ({**plain_query(), "signature": "0" * 40}, plain_query(timestamp=NOW - 3600), {}):
        with pytest.raises(CallbackError) as caught:
            open_message(PLAIN, query=query, body=xml("<MsgType>text</MsgType><MsgId>1</MsgId>"), now=NOW)
        assert caught.value.status == 403


def test_wrong_appid_wrong_key_and_tampering():
    with pytest.raises(CallbackError) as wrong_app:
        open_message(CallbackConfig(token="spamtest", appid="wxother", aes_key=KEY), query=SAMPLE_QUERY,
                     body=SAMPLE_BODY, now=1409735669)
    other_key = "B" * 43
    with pytest.raises(CallbackError) as wrong_key:
        open_message(CallbackConfig(token="spamtest", appid="wx2c2769f8efd9abc2", aes_key=other_key),
                     query=SAMPLE_QUERY, body=SAMPLE_BODY, now=1409735669)
    tampered = SAMPLE_BODY.replace(b"hyzAe4", b"hyzAe5")
    with pytest.raises(CallbackError) as tampered_error:
        open_message(SAMPLE, query=SAMPLE_QUERY, body=tampered, now=1409735669)
    assert wrong_app.value.status == 400 and wrong_key.value.status == 400 and tampered_error.value.status == 403


@pytest.mark.parametrize("body", [
    b"<xml><MsgType>text",
    b"not xml at all",
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><xml>&lol2;</xml>',
    b'<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>',
    xml("<Content>no type</Content>"),
    b"<xml></xml>",
    b"<other><MsgType>text</MsgType></other>",
])
def test_malformed_and_entity_laden_xml_is_400(body):
    with pytest.raises(CallbackError) as caught:
        open_message(PLAIN, query=plain_query(), body=body, now=NOW)
    assert caught.value.status == 400


def test_oversize_body_is_413():
    with pytest.raises(CallbackError) as caught:
        open_message(PLAIN, query=plain_query(), body=b"<xml>" + b"a" * 70_000 + b"</xml>", now=NOW)
    assert caught.value.status == 413


def test_safe_mode_without_encrypt_is_400():
    config = CallbackConfig(token="AAAAA", appid="wxplain", aes_key=KEY)
    with pytest.raises(CallbackError) as caught:
        open_message(config, query=plain_query(), body=xml("<MsgType>text</MsgType>"), now=NOW)
    assert caught.value.status == 400


@pytest.mark.parametrize(("fields", "event", "scene", "key"), [
    ("<MsgType>event</MsgType><Event>subscribe</Event><EventKey></EventKey>", "subscribe", None, ""),
    ("<MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_c123</EventKey>", "subscribe", "c123",
     "qrscene_c123"),
    ("<MsgType>event</MsgType><Event>SCAN</Event><EventKey>c123</EventKey>", "scan", "c123", "c123"),
    ("<MsgType>event</MsgType><Event>unsubscribe</Event>", "unsubscribe", None, ""),
    ("<MsgType>event</MsgType><Event>CLICK</Event><EventKey>MY_TICKETS</EventKey>", "click", None, "MY_TICKETS"),
    ("<MsgType>event</MsgType><Event>VIEW</Event><EventKey>https://x</EventKey>", "view", None, "https://x"),
])
def test_events_parse(fields, event, scene, key):
    message = open_message(PLAIN, query=plain_query(), body=xml(fields), now=NOW)
    assert (message.kind, message.event, message.scene, message.event_key) == ("event", event, scene, key)
    assert message.dedup_key == f"evt:oUser:{NOW}"


@pytest.mark.parametrize("status", ["success", "failed:user block", "failed: system failed"])
def test_template_receipts_keep_msgid_and_status(status):
    body = xml(f"<MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event><MsgID>200163836</MsgID>"
               f"<Status><![CDATA[{status}]]></Status>")
    message = open_message(PLAIN, query=plain_query(), body=body, now=NOW)
    assert (message.event, message.receipt_msg_id, message.receipt_status) == ("templatesendjobfinish", 200163836,
                                                                              status)
    assert message.dedup_key == "receipt:200163836"


def test_messages_parse():
    text = open_message(PLAIN, query=plain_query(), body=xml("<MsgType>text</MsgType><Content>列表</Content>"
                                                            "<MsgId>42</MsgId>"), now=NOW)
    image = open_message(PLAIN, query=plain_query(), body=xml("<MsgType>image</MsgType><MediaId>m1</MediaId>"
                                                             "<MsgId>43</MsgId>"), now=NOW)
    voice = open_message(PLAIN, query=plain_query(), body=xml("<MsgType>voice</MsgType><MediaId>v1</MediaId>"
                                                             "<Format>amr</Format><MsgId>44</MsgId>"), now=NOW)
    video = open_message(PLAIN, query=plain_query(), body=xml("<MsgType>video</MsgType><MsgId>45</MsgId>"), now=NOW)
    assert (text.kind, text.content, text.dedup_key) == ("text", "列表", "msg:42")
    assert (image.kind, image.media_id) == ("image", "m1")
    assert (voice.kind, voice.media_id, voice.format) == ("voice", "v1", "amr")
    assert video.kind == "other"


def test_safe_mode_round_trip_and_encrypted_reply():
    config = CallbackConfig(token="tok", appid="wxsafe", aes_key=KEY)
    inner = xml("<MsgType>text</MsgType><Content>帮助</Content><MsgId>7</MsgId>").decode()
    body, msg_signature = encrypt_for_test(config, xml=inner, nonce="n1", timestamp=str(NOW))
    query = {"signature": sign("tok", str(NOW), "n1"), "timestamp": str(NOW), "nonce": "n1",
             "msg_signature": msg_signature, "encrypt_type": "aes"}
    message = open_message(config, query=query, body=body, now=NOW)
    assert message.content == "帮助"
    reply = reply_text(config, message=message, content="可用命令：列表", nonce="n1", timestamp=NOW)
    envelope = xmltodict.parse(reply)["xml"]
    assert envelope["Nonce"] == "n1"
    assert envelope["MsgSignature"] == sign("tok", str(NOW), "n1", envelope["Encrypt"])
    plain = WeChatCrypto("tok", KEY, "wxsafe").decrypt_message(reply, envelope["MsgSignature"], str(NOW), "n1")
    assert "可用命令：列表" in plain and "oUser" in plain


def test_plain_reply_and_success():
    message = open_message(PLAIN, query=plain_query(), body=xml("<MsgType>text</MsgType><MsgId>9</MsgId>"), now=NOW)
    reply = reply_text(PLAIN, message=message, content="你好", nonce="x")
    assert "<Content><![CDATA[你好]]></Content>" in reply and "<ToUserName><![CDATA[oUser]]>" in reply
    assert SUCCESS == "success"
