"""Profiles and roles: self-service for citizens, organisations and scientists; staff/admin by an admin."""

from __future__ import annotations

from typing import Any

from server import inputs
from server.errors import Forbidden, NotFound, ValidationFailed
from server.models import User
from server.models.enums import Role
from server.services import regions, text

SELF_CHOSEN_ROLES = {Role.CITIZEN, Role.ORGANISATION, Role.SCIENTIST}
TEXT_LIMITS = {"name": 32, "organisation": 64, "title": 32, "discipline": 32}
MAX_INTERESTS, MAX_INTEREST_LEN = 10, 12
ROLE_NAMES = {Role.CITIZEN: "群众", Role.ORGANISATION: "企事业单位", Role.SCIENTIST: "科技工作者",
              Role.STAFF: "科服保姆", Role.ADMIN: "管理员"}


def _clean_text(changes: dict[str, Any]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for field, limit in TEXT_LIMITS.items():
        if field not in changes or changes[field] is None:
            continue
        value = str(changes[field]).strip()
        if len(value) > limit:
            raise ValidationFailed(f"不能超过 {limit} 个字", field=field)
        cleaned[field] = value
    return cleaned


def _clean_interests(raw: list[str]) -> list[str]:
    return text.clean_labels(raw, field="interests", label="兴趣", max_items=MAX_INTERESTS, max_len=MAX_INTEREST_LEN)


def _check_role_rules(user: User) -> None:
    if user.role == Role.SCIENTIST:
        if not user.discipline:
            raise ValidationFailed("科技工作者请填写学科/专业领域", field="discipline")
        if not user.organisation:
            raise ValidationFailed("科技工作者请填写所在单位", field="organisation")
    if user.role == Role.ORGANISATION and not user.organisation:
        raise ValidationFailed("企事业单位请填写单位名称", field="organisation")


async def update_profile(*, user: User, changes: dict[str, Any]) -> User:
    """Apply a person's own profile changes, enforcing the role rules."""
    for field, value in _clean_text(changes).items():
        setattr(user, field, value)
    if changes.get("interests") is not None:
        user.interests = _clean_interests(changes["interests"])
    if changes.get("region_code") is not None:
        user.region = await regions.get_platform_region(changes["region_code"])
    if changes.get("role") is not None:
        role = Role(changes["role"])
        if role != user.role and (role not in SELF_CHOSEN_ROLES or user.role not in SELF_CHOSEN_ROLES):
            raise Forbidden("工作人员和管理员身份只能由管理员授予", field="role")
        user.role = role
    _check_role_rules(user)
    await user.save()
    return user


async def grant_role(*, admin: User | None, user_id: int, role: Role) -> User:
    """Give a user any role (admins only; admin=None means the command line)."""
    if admin is not None and admin.role != Role.ADMIN:
        raise Forbidden()
    user = await User.get_or_none(id=user_id)
    if user is None:
        raise NotFound("user")
    if admin is not None and admin.id == user.id and role != Role.ADMIN:
        raise ValidationFailed("不能撤销自己的管理员身份", field="role")
    user.role = role
    await user.save(update_fields=["role", "updated_at"])
    return user


async def find_user(who: str) -> User | None:
    """Find a user by numeric id, mini-program openid or official-account openid (CLI and console sign-in)."""
    who = normalise_account(who)
    if who is None:
        return None
    if who.isdigit():
        user_id = inputs.as_id(who)
        return await User.get_or_none(id=user_id) if user_id is not None else None
    return await User.get_or_none(mp_openid=who) or await User.get_or_none(oa_openid=who)


def normalise_account(who: str) -> str | None:
    """Return the one spelling of an entered account (trimmed, printable), or None when it names nobody.

    Only ASCII digits are an id (`٤`, `４`, `²` are not); leading zeros do not make another account.
    """
    who = who.strip()
    if not who or len(who) > 64 or not who.isprintable() or " " in who:
        return None
    if who.isdigit():
        return (who.lstrip("0") or "0") if who.isascii() else None
    return who


async def list_users(*, role: Role | None, limit: int, cursor: int | None) -> list[User]:
    """Return users newest first, optionally by role (admin view)."""
    query = User.all().order_by("-id").limit(limit)
    if role is not None:
        query = query.filter(role=role)
    if cursor:
        query = query.filter(id__lt=cursor)
    return await query
