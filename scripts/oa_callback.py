#!/usr/bin/env python3
"""Sign and send one official-account callback, as WeChat would (plain or, with WECHAT_OA_AES_KEY, safe mode).

    .venv/bin/python scripts/oa_callback.py text sandbox-oa-yibin-orchard "专家什么时候能来？"
    .venv/bin/python scripts/oa_callback.py text sandbox-oa-staff-yibin "列表"
    .venv/bin/python scripts/oa_callback.py subscribe sandbox-oa-newcomer --scene c123abc456
    .venv/bin/python scripts/oa_callback.py text sandbox-oa-newcomer "绑定 123456"

Token, appid and AES key come from the same settings the server reads (WECHAT_OA_TOKEN ... or the
sandbox defaults); --url defaults to http://127.0.0.1:$PORT/wechat/callback. Prints the status and the
answer (a passive reply is decrypted in safe mode).
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server.settings import load_settings  # noqa: E402
from server.wechat.callback import CallbackConfig, encrypt_for_test, sign  # noqa: E402


def message_xml(*, appid: str, openid: str, kind: str, text: str, scene: str) -> str:
    """The XML WeChat posts for a text message or a subscribe/scan event."""
    now = int(time.time())
    head = (f"<ToUserName><![CDATA[{appid}]]></ToUserName><FromUserName><![CDATA[{escape(openid)}]]></FromUserName>"
            f"<CreateTime>{now}</CreateTime>")
    if kind == "text":
        msg_id = secrets.randbelow(10**15) + 10**15
        return (f"<xml>{head}<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content>"
                f"<MsgId>{msg_id}</MsgId></xml>")
    key = f"qrscene_{scene}" if kind == "subscribe" and scene else scene
    return (f"<xml>{head}<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{kind}]]></Event>"
            f"<EventKey><![CDATA[{key}]]></EventKey></xml>")


def send(*, url: str, config: CallbackConfig, xml: str) -> httpx.Response:
    """POST the message signed (and encrypted when an AES key is set) the way WeChat does."""
    timestamp, nonce = str(int(time.time())), secrets.token_hex(8)
    params = {"timestamp": timestamp, "nonce": nonce, "signature": sign(config.token, timestamp, nonce),
              "openid": "-"}
    body = xml.encode()
    if config.aes_key:
        body, msg_signature = encrypt_for_test(config, xml=xml, nonce=nonce, timestamp=timestamp)
        params.update(encrypt_type="aes", msg_signature=msg_signature)
    return httpx.post(url, params=params, content=body, headers={"content-type": "text/xml"}, timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["text", "subscribe", "scan", "unsubscribe"])
    parser.add_argument("openid", help="the sender's official-account openid, e.g. sandbox-oa-yibin-orchard")
    parser.add_argument("text", nargs="?", default="", help="the message text (kind text)")
    parser.add_argument("--scene", default="", help="a campaign's scene for subscribe/scan")
    parser.add_argument("--url", default=f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/wechat/callback")
    args = parser.parse_args()
    if args.kind == "text" and not args.text:
        parser.error("text needs the message text")
    settings = load_settings()
    config = CallbackConfig(token=settings.oa_token, appid=settings.oa_appid, aes_key=settings.oa_aes_key)
    answer = send(url=args.url, config=config, xml=message_xml(appid=settings.oa_appid, openid=args.openid,
                                                               kind=args.kind, text=args.text, scene=args.scene))
    print(answer.status_code, answer.text)
    return 0 if answer.status_code == 200 else 1


if __name__ == "__main__":
    sys.exit(main())
