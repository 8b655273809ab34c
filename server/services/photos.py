"""Photos of a need or question: upload (owner only, at most 3), WeChat's asynchronous media check,
and who may see them (the poster, matched scientists, staff reaching the region) through short-lived links.

A photo is shown to others only once WeChat's mediaCheckAsync said `pass`; its verdict arrives later
through the callback (`record_check`). Until then the poster alone sees it, marked 审核中.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from server.errors import NotFound, PayloadTooLarge, ValidationFailed
from server.models import Match, Post, PostPhoto, User
from server.models.enums import MatchStatus, PhotoCheck, PostKind
from server.services import reach
from server.services.storage import new_key, storage_for
from server.settings import Settings
from server.wechat.client import WeChatClient
from server.wechat.errors import WeChatError

log = logging.getLogger(__name__)

MAX_PHOTOS = 3
MAX_BYTES = 2 * 1024 * 1024  # wx.chooseMedia's compressed photos are far smaller
TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
VIEW_TTL = timedelta(hours=1)  # a shown photo's link
CHECK_TTL = timedelta(hours=24)  # the link WeChat fetches to check it
CHECK_SCENE = 3  # mediaCheckAsync scene: 论坛 (posts others read)


def sniff(data: bytes) -> str | None:
    """Return the image type the bytes really are (jpeg, png, webp), or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


async def add_photo(*, user: User, post_id: int, data: bytes | None, settings: Settings,
                    mp: WeChatClient) -> PostPhoto:
    """Store a photo on the user's own need or question and ask WeChat to check it."""
    post = await Post.get_or_none(id=post_id, author_id=user.id)
    if post is None:
        raise NotFound("post")  # same answer for absent and not yours
    if post.kind not in (PostKind.NEED, PostKind.QUESTION):
        raise ValidationFailed("只有科技需求和科普问题可以附照片", field="file")
    kind = _checked_type(data)
    if await PostPhoto.filter(post_id=post.id).count() >= MAX_PHOTOS:
        raise ValidationFailed(f"每条最多 {MAX_PHOTOS} 张照片", field="file", code="too_many_photos")
    key = new_key(post_id=post.id, extension=kind)
    await storage_for(settings).put(key, data, content_type=TYPES[kind])
    photo = await PostPhoto.create(post=post, uploader=user, storage_key=key, content_type=TYPES[kind],
                                   size=len(data))
    await _ask_check(photo, user=user, settings=settings, mp=mp)
    return photo


def _checked_type(data: bytes | None) -> str:
    if not data:
        raise ValidationFailed("请选择要上传的照片", field="file")
    if len(data) > MAX_BYTES:
        raise PayloadTooLarge(f"照片不能超过 {MAX_BYTES // (1024 * 1024)} MB，请压缩后再传", field="file")
    kind = sniff(data)
    if kind is None:
        raise ValidationFailed("只支持 JPG、PNG、WEBP 格式的照片", field="file", code="unsupported_type")
    return kind


async def _ask_check(photo: PostPhoto, *, user: User, settings: Settings, mp: WeChatClient) -> None:
    """Ask mediaCheckAsync for a verdict; a refusal or outage leaves the photo pending (hidden) with why."""
    url = await photo_url(photo, settings=settings, ttl=CHECK_TTL)
    try:
        photo.trace_id = await mp.media_check_async(media_url=url, openid=user.mp_openid or "", scene=CHECK_SCENE)
    except WeChatError as exc:
        log.warning("media check not asked for photo %s: %s", photo.id, exc)
        photo.check_error = str(exc)[:128]
    await photo.save(update_fields=["trace_id", "check_error"])


async def record_check(*, trace_id: str, suggest: str) -> bool:
    """Record WeChat's verdict on a photo (the wxa_media_check event); return whether a photo matched."""
    verdict = PhotoCheck(suggest) if suggest in {"pass", "review", "risky"} else PhotoCheck.REVIEW
    updated = await PostPhoto.filter(trace_id=trace_id).update(verdict=verdict, checked_at=datetime.now(UTC))
    if not updated:
        log.warning("media check result for an unknown trace_id %s", trace_id)
    return bool(updated)


async def photos_for(*, viewer: User, post_id: int, settings: Settings) -> list[dict]:
    """Return the post's photos the viewer may see: the poster all (with their check), others passed ones."""
    post = await Post.get_or_none(id=post_id)
    if post is None or not await _may_see(viewer, post):
        raise NotFound("post")
    mine = post.author_id == viewer.id
    photos = await PostPhoto.filter(post_id=post.id).order_by("id")
    shown = []
    for photo in photos:
        if photo.verdict == PhotoCheck.PASS or (mine and photo.verdict == PhotoCheck.PENDING):
            shown.append({"id": photo.id, "check": str(photo.verdict),
                          "url": await photo_url(photo, settings=settings, ttl=VIEW_TTL)})
        elif mine:  # the poster learns a photo was held back, without it
            shown.append({"id": photo.id, "check": str(photo.verdict), "url": None})
    return shown


async def passed_urls(*, post_id: int, settings: Settings) -> list[str]:
    """Return links to a post's photos that passed the check (the console's ticket page; its caller
    has already checked the staff member's region)."""
    photos = await PostPhoto.filter(post_id=post_id, verdict=PhotoCheck.PASS).order_by("id")
    return [await photo_url(photo, settings=settings, ttl=VIEW_TTL) for photo in photos]


async def _may_see(viewer: User, post: Post) -> bool:
    if post.author_id == viewer.id or (await reach.reach_of(viewer)).covers(post.region_id):
        return True
    live = Match.filter(demand_id=post.id).exclude(status=MatchStatus.DECLINED)
    return await live.filter(Q(supply_post__author_id=viewer.id)).exists()


async def photo_url(photo: PostPhoto, *, settings: Settings, ttl: timedelta) -> str:
    """Return a link that shows the photo for `ttl`: the bucket's presigned URL, or the app's signed one."""
    presigned = await storage_for(settings).presigned_url(photo.storage_key, expires=ttl)
    if presigned:
        return presigned
    expires = int(time.time() + ttl.total_seconds())
    return f"{settings.base_url}/files/photos/{photo.id}?exp={expires}&sig={_sign(settings, photo.id, expires)}"


def _sign(settings: Settings, photo_id: int, expires: int) -> str:
    message = f"photo:{photo_id}:{expires}".encode()
    return hmac.new(settings.secret_key.encode(), message, hashlib.sha256).hexdigest()[:32]


async def read_signed(*, photo_id: int, expires: int, sig: str, settings: Settings) -> tuple[bytes, str]:
    """Return (bytes, content type) of a photo for a valid, unexpired signed link."""
    if expires < time.time() or not hmac.compare_digest(sig, _sign(settings, photo_id, expires)):
        raise NotFound("photo")
    photo = await PostPhoto.get_or_none(id=photo_id)
    data = await storage_for(settings).get(photo.storage_key) if photo else None
    if photo is None or data is None:
        raise NotFound("photo")
    return data, photo.content_type
