"""Signed but hostile callbacks are refused at the parsing edge with a 4xx, never a 500 (issue 13 item 8)."""

from __future__ import annotations

import base64
import os

import pytest

from server.wechat.callback import CallbackConfig, CallbackError, open_message, sign

KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
PLAIN = CallbackConfig(token="AAAAA", appid="wxplain")
SAFE = CallbackConfig(token="AAAAA", appid="wxsafe", aes_key=KEY)
NOW = 1_714_037_059


def plain_query(nonce: str = "n1") -> dict[str, str]:
    return {"signature": sign("AAAAA", str(NOW), nonce), "timestamp": str(NOW), "nonce": nonce}


def message(fields: str, *, openid: str = "oUser") -> bytes:
    return (f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{NOW}</CreateTime>{fields}</xml>").encode()


def refused(config: CallbackConfig, query: dict[str, str], body: bytes) -> CallbackError:
    with pytest.raises(CallbackError) as caught:
        open_message(config, query=query, body=body, now=NOW)
    assert 400 <= caught.value.status < 500
    return caught.value


def test_an_overlong_openid_is_refused():
    refused(PLAIN, plain_query(), message("<MsgType>text</MsgType><Content>hi</Content><MsgId>1</MsgId>",
                                          openid="o" * 300))


def test_an_overlong_media_id_is_refused():
    refused(PLAIN, plain_query(), message(f"<MsgType>image</MsgType><MediaId>{'m' * 500}</MediaId><MsgId>2</MsgId>"))


@pytest.mark.parametrize("msg_id", ["9" * 30, "-5", "0"])
def test_a_msg_id_outside_bigint_is_refused(msg_id):
    refused(PLAIN, plain_query(), message(f"<MsgType>text</MsgType><Content>hi</Content><MsgId>{msg_id}</MsgId>"))


def test_a_receipt_msg_id_outside_bigint_is_refused():
    fields = f"<MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event><MsgID>{'9' * 30}</MsgID>"
    refused(PLAIN, plain_query(), message(fields))


def test_deeply_nested_xml_is_refused():
    nested = "<a>" * 3000 + "x" + "</a>" * 3000
    refused(PLAIN, plain_query(), message(f"<MsgType>text</MsgType><Content>hi</Content>{nested}"))


@pytest.mark.parametrize("size", [16, 32, 48])
def test_a_short_encrypt_in_safe_mode_is_refused(size):
    encrypt = base64.b64encode(os.urandom(size)).decode()
    query = {**plain_query(), "msg_signature": sign("AAAAA", str(NOW), "n1", encrypt), "encrypt_type": "aes"}
    body = f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    refused(SAFE, query, body.encode())


def test_invisible_characters_are_dropped_from_content():
    body = message("<MsgType>text</MsgType><Content>你\u200b好\u202e\u2066</Content><MsgId>3</MsgId>")
    assert open_message(PLAIN, query=plain_query(), body=body, now=NOW).content == "你好"


def test_control_characters_xml_forbids_are_refused():
    refused(PLAIN, plain_query(), message("<MsgType>text</MsgType><Content>hi\x1b\x07</Content><MsgId>4</MsgId>"))
