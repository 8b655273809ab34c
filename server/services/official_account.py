"""What the official account does with each message and event: follow, bind, relay, reply."""

from __future__ import annotations

import logging
import re
import secrets
import unicodedata
from datetime import UTC, datetime

from redis.asyncio import Redis
from tortoise.transactions import in_transaction

from server import redis_keys as keys
from server.errors import ValidationFailed
from server.models import StaffProfile, User
from server.models.enums import Role
from server.push import dispatch, windows
from server.services import campaigns, photos, regions
from server.tickets import chat, chat_commands
from server.wechat.callback import InboundMessage as Inbound
from server.wechat.client import WeChatClient
from server.wechat.errors import WeChatError

log = logging.getLogger(__name__)

BIND_RE = re.compile(r"^绑定\s*(\d{6})$")
BIND_SCENE_RE = re.compile(r"^bind_(\d{6})$")  # the scene of a binding QR code (bind_qr_ticket)
WELCOME = ("欢迎关注四川科协！在小程序里发布您的科技需求或科普问题，科服保姆会全程跟进。"
           "已在小程序登录的用户，可发送「绑定 六位数字」关联账号。")
BOUND = "绑定成功！之后您的需求进展和科服保姆的回复会在这里通知您。"
STAFF_BOUND = "绑定成功，{name}！您已是科服保姆，发送「帮助」查看可用命令。"
BAD_CODE = "绑定码无效或已过期，请在小程序「我的」页面重新获取。"
RECEIVED = "已收到您的消息，我们会尽快处理。"
RELAYED = "已转达给您的科服保姆，回复会在这里通知您。"
UNSUPPORTED = "暂不支持此类消息，请发送文字、图片或语音。"


def normalise_text(text: str) -> str:
    """Fold full-width characters and spaces so chat commands are forgiving."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def is_plain(message: Inbound) -> bool:
    """Whether only the sender decides what a message does: a text, image or voice that is no bind command."""
    if message.kind == "text":
        return not BIND_RE.match(normalise_text(message.content))
    return message.kind in ("image", "voice")


async def handle(*, message: Inbound, store: Redis) -> str | None:
    """Act on one stored message (services.inbound runs it once); return a passive reply text, or None."""
    await _note_window(message)
    return await _dispatch(message, store=store)


async def _note_window(message: Inbound) -> None:
    """Keep the customer-service window of the sender current (WECHAT.md §2)."""
    if message.kind in ("text", "image", "voice", "other"):
        await windows.opened(openid=message.openid, kind="message")
    elif message.event in ("subscribe", "scan", "click"):
        await windows.opened(openid=message.openid, kind="event")


async def _dispatch(message: Inbound, *, store: Redis) -> str | None:
    if message.kind == "event":
        if message.event in ("subscribe", "scan"):
            bind_scene = BIND_SCENE_RE.match(message.scene or "")
            await follow(openid=message.openid, scene=None if bind_scene else message.scene)
            if bind_scene:  # scanned the binding code the mini-program showed: the code comes with the scan
                return await bind(openid=message.openid, code=bind_scene.group(1), store=store)
            return WELCOME if message.event == "subscribe" else None
        if message.event == "unsubscribe":
            await User.filter(oa_openid=message.openid).update(follows_oa=False)
        if message.event == "wxa_media_check" and message.trace_id:
            await photos.record_check(trace_id=message.trace_id, suggest=message.check_suggest or "review")
        if message.event == "templatesendjobfinish" and message.receipt_msg_id is not None:
            await dispatch.record_receipt(msgid=message.receipt_msg_id, status=message.receipt_status or "")
        return None
    if message.kind not in ("text", "image", "voice"):
        return UNSUPPORTED
    text = normalise_text(message.content)
    if message.kind == "text" and (match := BIND_RE.match(text)):
        return await bind(openid=message.openid, code=match.group(1), store=store)
    sender = await chat.sender_with_open_ticket(oa_openid=message.openid)
    if sender is not None and sender.role == Role.STAFF and message.kind == "text":
        return await chat_commands.handle(staff=sender, text=text)
    if sender is None or sender.open_ticket_id is None:
        return RECEIVED
    await chat.from_poster_to(poster=sender, ticket_id=sender.open_ticket_id, post_id=sender.open_ticket_post_id,
                              concierge_id=sender.open_ticket_concierge_id, text=text, msg_type=message.kind,
                              media_id=message.media_id, source="official_account")
    return RELAYED


async def follow(*, openid: str, scene: str | None) -> User:
    """Record that an openid follows the account (creating its user), with the campaign it came by."""
    now = datetime.now(UTC)
    user = await User.get_or_none(oa_openid=openid)
    if user is None:
        user = await User.create(oa_openid=openid, follows_oa=True, oa_followed_at=now)
    else:
        user.follows_oa, user.oa_followed_at = True, now
        await user.save(update_fields=["follows_oa", "oa_followed_at", "updated_at"])
    if scene and campaigns.is_valid_scene(scene):
        await campaigns.record_user_arrival(user=user, scene=scene)
    return user


async def issue_bind_code(*, user: User, store: Redis) -> str:
    """Return a fresh one-time code the person sends to the account to link it to this user."""
    return await _new_code(store, value=f"user:{user.id}", ttl=keys.BIND_CODE_TTL)


async def bind_qr_ticket(*, code: str, oa: WeChatClient) -> str | None:
    """Return the ticket of a temporary account QR code whose scan binds with this code, or None.

    WeChat lets no page pre-fill a message to an account; a parametric code carries the bind code in
    its scene instead, and the subscribe/scan event brings it back (no typing). Without it (WeChat
    down, or an unverified account that may not create codes) the person sends 「绑定 123456」.
    """
    try:
        return await oa.create_temp_qrcode(scene=f"bind_{code}", expire_seconds=keys.BIND_CODE_TTL)
    except WeChatError as exc:  # WeChatUnavailable included
        log.warning("binding QR code not created: %s", exc)
        return None


async def issue_staff_invite(*, name: str, region_code: str, store: Redis) -> tuple[User, str]:
    """Create a concierge account for a colleague and the code that binds their WeChat to it."""
    name = name.strip()
    if not 1 <= len(name) <= 32:
        raise ValidationFailed("请填写 1 到 32 个字的姓名", field="name")
    region = await regions.get_region(region_code)
    async with in_transaction():
        staff = await User.create(role=Role.STAFF, name=name, region=region)
        await StaffProfile.create(user=staff, region=region)
    return staff, await _new_code(store, value=f"user:{staff.id}", ttl=keys.STAFF_INVITE_TTL)


async def _new_code(store: Redis, *, value: str, ttl: int) -> str:
    for _attempt in range(10):
        code = f"{secrets.randbelow(1_000_000):06d}"
        if await store.set(keys.key(keys.BIND_CODE, code=code), value, nx=True, ex=ttl):
            return code
    raise ValidationFailed("生成绑定码失败，请稍后重试", code="code_unavailable")


async def bind(*, openid: str, code: str, store: Redis) -> str:
    """Link the sender's official-account openid to the user a code names; return the reply."""
    value = await store.getdel(keys.key(keys.BIND_CODE, code=code))
    if not value or not value.startswith("user:"):
        return BAD_CODE
    target = await User.get_or_none(id=int(value.removeprefix("user:")))
    if target is None:
        return BAD_CODE
    async with in_transaction():
        previous = await User.get_or_none(oa_openid=openid)
        if previous is not None and previous.id != target.id:
            previous.oa_openid = None  # the follower-only row gives its openid to the real account
            await previous.save(update_fields=["oa_openid", "updated_at"])
        target.oa_openid, target.follows_oa = openid, True
        target.oa_followed_at = target.oa_followed_at or datetime.now(UTC)
        await target.save(update_fields=["oa_openid", "follows_oa", "oa_followed_at", "updated_at"])
    log.info("bound official-account openid to user %s", target.id)
    return STAFF_BOUND.format(name=target.name) if target.role == Role.STAFF else BOUND
