"""QR-code campaigns: scene -> region and referring staff; every arrival and post keeps the trail."""

from __future__ import annotations

import logging
import re
import secrets
import string

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.functions import Count

from server.errors import NotFound, UpstreamUnavailable, ValidationFailed
from server.models import Campaign, Post, User
from server.models.enums import Role
from server.services import regions
from server.wechat.client import WeChatClient
from server.wechat.errors import WeChatError

log = logging.getLogger(__name__)

# getwxacodeunlimit: scene is <= 32 visible chars from this set (WECHAT.md §5.2).
SCENE_RE = re.compile(r"^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$")
SCENE_ALPHABET = string.ascii_lowercase + string.digits
ENTRY_PAGE = "pages/entry/index"


def is_valid_scene(scene: str) -> bool:
    """Return True when a scene fits WeChat's rules for mini-program codes."""
    return bool(SCENE_RE.match(scene))


def check_scene(scene: str | None, *, field: str = "scene") -> str | None:
    """Return a valid scene (or None), raising a field error for a malformed one."""
    if scene is None or scene == "":
        return None
    if not isinstance(scene, str) or not is_valid_scene(scene):
        raise ValidationFailed("二维码参数无效（最多 32 个字母、数字或符号）", field=field)
    return scene


async def find_by_scene(scene: str | None) -> Campaign | None:
    """Return the campaign a scene belongs to, if any."""
    if not scene:
        return None
    return await Campaign.get_or_none(scene=scene)


async def record_user_arrival(*, user: User, scene: str) -> Campaign | None:
    """Remember the first campaign a person arrived through."""
    scene = check_scene(scene) or ""
    campaign = await find_by_scene(scene)
    if user.source_scene is None:
        user.source_scene = scene
        user.campaign_id = campaign.id if campaign else None
        await user.save(update_fields=["source_scene", "campaign_id", "updated_at"])
    if campaign is not None and campaign.region_id and user.region_id is None:
        # The code's region becomes the person's default region (theirs to change on the profile page).
        user.region_id = campaign.region_id
        await user.save(update_fields=["region_id", "updated_at"])
    return campaign


async def create_campaign(*, admin: User, region_code: str, staff_id: int | None, note: str) -> Campaign:
    """Create a campaign with a fresh short scene."""
    region = await regions.get_platform_region(region_code)
    staff = None
    if staff_id is not None:
        staff = await User.get_or_none(id=staff_id, role__in=[Role.STAFF, Role.ADMIN])
        if staff is None:
            raise ValidationFailed("推荐人必须是工作人员", field="staff_id")
    if len(note) > 200:
        raise ValidationFailed("备注不能超过 200 个字", field="note")
    for _attempt in range(5):
        scene = "c" + "".join(secrets.choice(SCENE_ALPHABET) for _ in range(9))
        try:
            return await Campaign.create(scene=scene, region=region, staff=staff, note=note.strip(),
                                         created_by=admin)
        except IntegrityError:
            continue
    raise UpstreamUnavailable("生成二维码参数失败，请重试")


async def list_campaigns(*, limit: int, cursor: int | None) -> list[Campaign]:
    """Return campaigns newest first (keyset pagination)."""
    query = Campaign.all().order_by("-id").limit(limit)
    if cursor:
        query = query.filter(id__lt=cursor)
    return await query.prefetch_related("region", "staff")


async def campaign_qrcode(*, campaign_id: int, wechat: WeChatClient) -> bytes:
    """Return the mini-program code image (PNG) that opens the entry page with the scene."""
    campaign = await Campaign.get_or_none(id=campaign_id)
    if campaign is None:
        raise NotFound("campaign")
    try:
        return await wechat.get_unlimited_qrcode(scene=campaign.scene, page=ENTRY_PAGE, check_path=False)
    except WeChatError as exc:
        log.warning("getwxacodeunlimit failed: %s %s", exc.errcode, exc.errmsg)
        raise UpstreamUnavailable("生成小程序码失败，请稍后再试") from exc


async def funnel(campaign_ids: list[int]) -> dict[int, dict[str, int]]:
    """Per campaign: people who first arrived by its code, of them those who filled a profile, and their posts."""
    if not campaign_ids:
        return {}
    arrived = await (User.filter(campaign_id__in=campaign_ids).group_by("campaign_id")
                     .annotate(n=Count("id")).values("campaign_id", "n"))
    registered = await (User.filter(campaign_id__in=campaign_ids).filter(Q(name__not="") | Q(role__not=Role.CITIZEN))
                        .group_by("campaign_id").annotate(n=Count("id")).values("campaign_id", "n"))
    posts = await (Post.filter(campaign_id__in=campaign_ids).group_by("campaign_id")
                   .annotate(n=Count("id")).values("campaign_id", "n"))
    out = {cid: {"arrived": 0, "registered": 0, "posts": 0} for cid in campaign_ids}
    for key, rows in (("arrived", arrived), ("registered", registered), ("posts", posts)):
        for row in rows:
            out[row["campaign_id"]][key] = row["n"]
    return out
