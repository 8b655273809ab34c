"""Console accounts: who may sign in, password checks and changes, and the region each one sees."""

from __future__ import annotations

import asyncio
import hashlib
import secrets

from server.errors import Forbidden, ValidationFailed
from server.models import Region, User
from server.models.enums import Role
from server.services import passwords, reach, regions, users

CONSOLE_ROLES = (Role.STAFF, Role.ADMIN)
PROVINCE = "510000"  # the platform's own province: an admin's home view


async def find_account(who: str) -> tuple[User | None, str]:
    """Return the user an entered account names and the key its failed sign-ins count under.

    Every spelling of one account (`4`, `04`, its openid) shares the key of the resolved user, so a
    lock-out cannot be stepped around; spellings that name nobody share one key per normalised text.
    """
    user = await users.find_user(who)
    if user is not None:
        return user, f"user:{user.id}"
    return None, f"unknown:{users.normalise_account(who) or '-'}"


async def authenticate(*, user: User | None, password: str) -> User | None:
    """Return the staff or admin user if the password is theirs, or None (same cost either way)."""
    stored = user.password_hash if user is not None and user.password_hash else passwords.DUMMY_HASH
    matches = await asyncio.to_thread(passwords.verify_password, password[: passwords.MAX_LENGTH], stored)
    if user is None or not matches or user.role not in CONSOLE_ROLES or not user.password_hash:
        return None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = await asyncio.to_thread(passwords.hash_password, password)
        await user.save(update_fields=["password_hash", "updated_at"])
    return user


async def set_password(*, user: User, password: str) -> User:
    """Set a staff or admin user's console password; refuse other roles and weak passwords."""
    if user.role not in CONSOLE_ROLES:
        raise Forbidden("只有工作人员和管理员可以设置控制台密码", code="not_console_role")
    reason = passwords.check_strength(password)
    if reason:
        raise ValidationFailed(reason, field="password")
    user.password_hash = await asyncio.to_thread(passwords.hash_password, password)
    await user.save(update_fields=["password_hash", "updated_at"])
    return user


def temporary_password() -> str:
    """Return a fresh random password an admin hands over once (the person changes it after signing in)."""
    return secrets.token_urlsafe(9)  # 12 characters


async def reset_password(*, user_id: int) -> tuple[User, str]:
    """Give a staff or admin account a new random console password; return it (shown once)."""
    user = await User.get_or_none(id=user_id)
    if user is None:
        raise ValidationFailed("账号不存在", field="user")
    password = temporary_password()
    await set_password(user=user, password=password)
    return user, password


async def change_password(*, user: User, current: str, new: str, confirm: str) -> User:
    """Change one's own console password: the current one must match, the new one be strong and new."""
    if not await asyncio.to_thread(passwords.verify_password, current[: passwords.MAX_LENGTH], user.password_hash):
        raise ValidationFailed("当前密码不正确", field="current_password")
    if new != confirm:
        raise ValidationFailed("两次输入的新密码不一致", field="confirm_password")
    if new == current:
        raise ValidationFailed("新密码不能与当前密码相同", field="new_password")
    return await set_password(user=user, password=new)


def password_stamp(user: User) -> str:
    """A short digest of the stored hash: sessions carry it, so a changed password ends every old session."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


async def home_region(user: User) -> str | None:
    """Return the region a console user may see: None (everything) for admins, else the staff region."""
    if user.role == Role.ADMIN:
        return None
    code = (await reach.reach_of(user)).region
    if code is None:
        raise Forbidden("尚未为您设置服务地区，请联系管理员", code="no_region")
    return code


def check_region(scope: str | None, code: str) -> None:
    """Raise Forbidden unless region `code` lies within the viewer's scope."""
    if scope is not None and not regions.is_within(code, scope):
        raise Forbidden("无权查看该地区的数据", code="region_forbidden")


async def resolve_region(*, scope: str | None, requested: str | None) -> Region:
    """Return the region to show: the requested one (when allowed) or the viewer's home region."""
    code = regions.normalise_code(requested) if requested else (scope or PROVINCE)
    if code is None:
        raise ValidationFailed("地区代码格式不正确", field="region")
    check_region(scope, code)
    return await regions.get_region(code, field="region")
