"""The official account's callback: signatures, safe-mode crypto, parsing and passive replies.

Pure functions (no I/O) over wechatpy's crypto and parser (WECHAT.md §1, §7, §8.3). Everything an
attacker controls is bounded and every parse/crypto failure becomes a CallbackError with a 4xx
status: 403 for signatures, 400 for garbage, 413 for oversize. Never a 500.
https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
"""

from __future__ import annotations

import binascii
import hashlib
import hmac
import re
import struct
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from xml.parsers.expat import ExpatError

import xmltodict
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.replies import TextReply

from server import inputs

SUCCESS = "success"  # the no-reply answer; never encrypted
_DANGEROUS = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# struct.error: wechatpy unpacks the plaintext's length from a block that a short Encrypt lacks.
_CRYPTO_ERRORS = (ExpatError, ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error,
                  AssertionError, IndexError, struct.error)
MAX_DEPTH = 6  # <xml> and WeChat's deepest event (SendPicsInfo > PicList > item > PicMd5Sum) fit; more is hostile
# Longest value each stored field may carry (openids are 28 characters; columns are the bound).
MAX_LENGTHS = {"FromUserName": 64, "ToUserName": 64, "MediaId": 128, "Format": 16, "EventKey": 128,
               "Status": 64, "Recognition": 2048, "Content": 4096}


class CallbackError(Exception):
    """A request WeChat (or an attacker) sent that we refuse; status is always 4xx."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class CallbackConfig:
    token: str
    appid: str
    aes_key: str | None = None
    max_body: int = 64 * 1024
    max_skew: int = 300


@dataclass(frozen=True)
class InboundMessage:
    """One message or event from the official account, normalised."""

    kind: str  # text | image | voice | event | other
    openid: str
    to: str
    create_time: int
    event: str | None = None  # lower case: subscribe, unsubscribe, scan, click, templatesendjobfinish ...
    msg_id: int | None = None
    content: str = ""
    media_id: str = ""
    format: str = ""
    recognition: str = ""
    event_key: str = ""
    scene: str | None = None
    receipt_msg_id: int | None = None
    receipt_status: str | None = None
    trace_id: str | None = None  # wxa_media_check: which mediaCheckAsync this verdict answers
    check_suggest: str | None = None  # wxa_media_check: result.suggest (pass / review / risky)
    raw: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def dedup_key(self) -> str:
        """Return the key WeChat's retries share (MsgId; FromUserName+CreateTime for events)."""
        if self.receipt_msg_id is not None:
            return f"receipt:{self.receipt_msg_id}"
        if self.trace_id:
            return f"media:{self.trace_id}"
        if self.msg_id:
            return f"msg:{self.msg_id}"
        return f"evt:{self.openid}:{self.create_time}"


def sign(token: str, *parts: str) -> str:
    """Return WeChat's SHA-1 signature over the token and parts, sorted and joined."""
    return hashlib.sha1("".join(sorted([token, *parts])).encode()).hexdigest()  # noqa: S324 - WeChat's scheme


def _check_timestamp(timestamp: str, *, max_skew: int, now: float | None) -> None:
    try:
        moment = int(timestamp)
    except (TypeError, ValueError):
        raise CallbackError(403, "bad timestamp") from None
    if abs((now if now is not None else time.time()) - moment) > max_skew:
        raise CallbackError(403, "stale timestamp")


def _check_signature(config: CallbackConfig, *, signature: str, timestamp: str, nonce: str,
                     now: float | None) -> None:
    _check_timestamp(timestamp, max_skew=config.max_skew, now=now)
    if not hmac.compare_digest(sign(config.token, timestamp, nonce), signature or ""):
        raise CallbackError(403, "bad signature")


def verify_url(config: CallbackConfig, *, signature: str, timestamp: str, nonce: str, echostr: str,
               now: float | None = None) -> str:
    """Answer the GET URL verification: plaintext in every mode (WECHAT.md §1.2)."""
    _check_signature(config, signature=signature, timestamp=timestamp, nonce=nonce, now=now)
    return echostr


def _crypto(config: CallbackConfig) -> WeChatCrypto:
    if not config.aes_key:
        raise CallbackError(400, "encrypted message but no EncodingAESKey configured")
    try:
        return _crypto_for(config.token, config.aes_key, config.appid)
    except _CRYPTO_ERRORS as exc:
        raise CallbackError(400, f"bad EncodingAESKey: {type(exc).__name__}") from exc


@lru_cache(maxsize=8)
def _crypto_for(token: str, aes_key: str, appid: str) -> WeChatCrypto:
    """One WeChatCrypto per key, not two per callback (it decodes the key when built; it keeps no state)."""
    return WeChatCrypto(token, aes_key, appid)


def _parse(xml: bytes | str) -> dict[str, Any]:
    try:
        data = xmltodict.parse(xml)
    except _CRYPTO_ERRORS as exc:
        raise CallbackError(400, f"malformed XML: {type(exc).__name__}") from exc
    root = data.get("xml") if isinstance(data, dict) else None
    if not isinstance(root, dict):
        raise CallbackError(400, "no <xml> root")
    if _depth(root) > MAX_DEPTH:
        raise CallbackError(400, "XML nested too deeply")
    return root


def _depth(root: dict[str, Any]) -> int:
    """Return how deeply the parsed elements nest (iteratively: hostile XML may nest thousands deep)."""
    deepest, stack = 1, [(root, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
        if deepest > MAX_DEPTH:
            break
    return deepest


def _decrypt(config: CallbackConfig, fields: dict[str, Any], query: Mapping[str, str]) -> bytes:
    crypto = _crypto(config)
    try:
        plain = crypto.decrypt_message({"Encrypt": fields["Encrypt"]}, query.get("msg_signature", ""),
                                       query.get("timestamp", ""), query.get("nonce", ""))
    except InvalidSignatureException as exc:
        raise CallbackError(403, "bad msg_signature") from exc
    except InvalidAppIdException as exc:
        raise CallbackError(400, "message for another appid") from exc
    except _CRYPTO_ERRORS as exc:
        raise CallbackError(400, f"undecryptable: {type(exc).__name__}") from exc
    plain = plain.encode() if isinstance(plain, str) else plain
    if _DANGEROUS.search(plain):
        raise CallbackError(400, "DOCTYPE/ENTITY in decrypted XML")
    return plain


def open_message(config: CallbackConfig, *, query: Mapping[str, str], body: bytes,
                 now: float | None = None) -> InboundMessage:
    """Verify, decrypt (safe mode) and parse a callback POST."""
    if len(body) > config.max_body:
        raise CallbackError(413, "body too large")
    if _DANGEROUS.search(body):
        raise CallbackError(400, "DOCTYPE/ENTITY in XML")
    _check_signature(config, signature=query.get("signature", ""), timestamp=query.get("timestamp", ""),
                     nonce=query.get("nonce", ""), now=now)
    fields = _parse(body)
    encrypted = "Encrypt" in fields
    if config.aes_key or query.get("encrypt_type") == "aes":
        if not encrypted:
            raise CallbackError(400, "safe mode needs an <Encrypt> element")
        fields = _parse(_decrypt(config, fields, query))
    elif encrypted and "MsgType" not in fields:
        raise CallbackError(400, "encrypted message but no EncodingAESKey configured")
    return normalise(fields)


def _int(value: Any, *, maximum: int = inputs.MAX_BIGINT) -> int | None:
    """Return an ASCII-digit number in 1..maximum, None when absent; refuse anything else."""
    if value is None or value == "":
        return None
    number = inputs.as_id(value, maximum=maximum) if isinstance(value, str) else None
    if number is None:
        raise CallbackError(400, "number out of range")
    return number


def _check_lengths(fields: dict[str, Any]) -> None:
    for name, limit in MAX_LENGTHS.items():
        value = fields.get(name)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            raise CallbackError(400, f"{name} too long or not text")
    if not inputs.is_plain_token(fields.get("FromUserName"), max_len=MAX_LENGTHS["FromUserName"]):
        raise CallbackError(400, "FromUserName is not an openid")


def normalise(fields: dict[str, Any]) -> InboundMessage:
    """Turn parsed XML fields into an InboundMessage (raises CallbackError when essentials lack or overflow)."""
    msg_type = str(fields.get("MsgType") or "").lower()
    openid, create_time = fields.get("FromUserName"), _int(fields.get("CreateTime"), maximum=inputs.MAX_ID * 2)
    if not msg_type or not openid or create_time is None:
        raise CallbackError(400, "MsgType, FromUserName and CreateTime are required")
    _check_lengths(fields)
    base = {"openid": str(openid), "to": str(fields.get("ToUserName") or ""), "create_time": create_time,
            "raw": dict(fields)}
    if msg_type == "event":
        return _event(fields, base)
    kind = msg_type if msg_type in ("text", "image", "voice") else "other"
    return InboundMessage(kind=kind, msg_id=_int(fields.get("MsgId")),
                          content=inputs.clean_text(str(fields.get("Content") or "")),
                          media_id=str(fields.get("MediaId") or ""), format=str(fields.get("Format") or ""),
                          recognition=str(fields.get("Recognition") or ""), **base)


def _event(fields: dict[str, Any], base: dict[str, Any]) -> InboundMessage:
    event = str(fields.get("Event") or "").lower()
    key = str(fields.get("EventKey") or "")
    scene = None
    if event == "subscribe" and key.startswith("qrscene_"):
        scene = key.removeprefix("qrscene_")  # new follower through a parametric code
    elif event == "scan":
        scene = key  # an existing follower scanned: the bare scene
    if event == "templatesendjobfinish":
        return InboundMessage(kind="event", event=event, receipt_msg_id=_int(fields.get("MsgID")),
                              receipt_status=str(fields.get("Status") or ""), **base)
    if event == "wxa_media_check":  # mediaCheckAsync's verdict (the mini-program's message push)
        result = fields.get("result") if isinstance(fields.get("result"), dict) else {}
        trace_id = str(fields.get("trace_id") or "")
        if not inputs.is_plain_token(trace_id, max_len=64):
            raise CallbackError(400, "trace_id is missing or malformed")
        return InboundMessage(kind="event", event=event, trace_id=trace_id,
                              check_suggest=str(result.get("suggest") or "review").lower()[:16], **base)
    known = {"subscribe", "unsubscribe", "scan", "click", "view", "templatesendjobfinish"}
    return InboundMessage(kind="event", event=event if event in known else "other", event_key=key, scene=scene,
                          **base)


def reply_text(config: CallbackConfig, *, message: InboundMessage, content: str, nonce: str,
               timestamp: int | None = None) -> str:
    """Build a passive text reply; in safe mode the encrypted envelope with the request's nonce."""
    reply = TextReply(source=message.to, target=message.openid, content=content)
    xml = reply.render()
    if not config.aes_key:
        return xml
    stamp = str(timestamp or int(time.time()))
    return _crypto(config).encrypt_message(xml, nonce, stamp)


def encrypt_for_test(config: CallbackConfig, *, xml: str, nonce: str, timestamp: str) -> tuple[bytes, str]:
    """Build what WeChat sends in safe mode: (body, msg_signature). For tests and benchmarks."""
    envelope = _parse(_crypto(config).encrypt_message(xml, nonce, timestamp))
    encrypt = envelope["Encrypt"]
    body = f"<xml><ToUserName><![CDATA[{config.appid}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    return body.encode(), sign(config.token, timestamp, nonce, encrypt)
