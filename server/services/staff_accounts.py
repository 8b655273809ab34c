"""Concierge accounts managed by an admin: invite, set away, disable and restore.

Disabling takes the staff role away (every guard — console sign-in, assignment, the chat commands, reach —
keys on the role), clears the console password and hands the person's open tickets to colleagues; the
StaffProfile stays, so the history keeps its names and the account can be restored.
"""

from __future__ import annotations

from dataclasses import dataclass

from redis.asyncio import Redis
from tortoise.transactions import in_transaction

from server.errors import NotFound, ValidationFailed
from server.models import StaffProfile, Ticket, TicketEvent, User
from server.models.enums import Role
from server.services import official_account, regions
from server.tickets import assignment, stages

MAX_CAPACITY = 500


@dataclass
class StaffRow:
    profile: StaffProfile
    open_tickets: int

    @property
    def disabled(self) -> bool:
        return self.profile.user.role != Role.STAFF


def check_capacity(raw: str | int | None) -> int:
    """Return a capacity between 1 and MAX_CAPACITY, or raise a field error."""
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= MAX_CAPACITY:
        raise ValidationFailed(f"接单上限应为 1 到 {MAX_CAPACITY} 之间的整数", field="capacity")
    return value


async def _supervisor(supervisor_id: int | None, *, region_code: str) -> User | None:
    if supervisor_id is None:
        return None
    boss = await User.get_or_none(id=supervisor_id, role__in=[Role.STAFF, Role.ADMIN])
    if boss is None:
        raise ValidationFailed("主管必须是工作人员或管理员", field="supervisor")
    if boss.role == Role.STAFF:
        profile = await StaffProfile.get_or_none(user_id=boss.id)
        if profile is None or not regions.is_within(region_code, profile.region_id):
            raise ValidationFailed("主管的服务地区应包含该科服保姆的地区", field="supervisor")
    return boss


async def invite_concierge(*, name: str, region_code: str | None, capacity: int, supervisor_id: int | None,
                           store: Redis) -> tuple[User, str]:
    """Create a concierge with region, capacity and supervisor; return them and their WeChat binding code."""
    code = regions.normalise_code(region_code) if region_code else None
    if code is None:
        raise ValidationFailed("请选择服务地区", field="region")
    await regions.get_platform_region(code, field="region")
    boss = await _supervisor(supervisor_id, region_code=code)
    staff, bind_code = await official_account.issue_staff_invite(name=name, region_code=code, store=store)
    await StaffProfile.filter(user_id=staff.id).update(capacity=capacity, supervisor_id=boss.id if boss else None)
    return staff, bind_code


async def _profile(user_id: int) -> StaffProfile:
    profile = await StaffProfile.get_or_none(user_id=user_id).prefetch_related("user")
    if profile is None:
        raise NotFound("staff")
    return profile


async def set_away(*, user_id: int, away: bool) -> StaffProfile:
    """Mark a concierge away (no new tickets) or back."""
    profile = await _profile(user_id)
    profile.away = away
    await profile.save(update_fields=["away"])
    return profile


async def set_capacity(*, user_id: int, capacity: int) -> StaffProfile:
    """Change how many open tickets a concierge takes at most."""
    profile = await _profile(user_id)
    profile.capacity = capacity
    await profile.save(update_fields=["capacity"])
    return profile


async def disable(*, admin: User, user_id: int, note: str = "") -> int:
    """Disable a concierge account and reassign their open tickets; return how many found a colleague."""
    profile = await _profile(user_id)
    person = profile.user
    if person.role != Role.STAFF:
        raise ValidationFailed("该账号已停用", field="user")
    async with in_transaction():
        person.role, person.password_hash = Role.CITIZEN, ""
        await person.save(update_fields=["role", "password_hash", "updated_at"])
        profile.away = True
        await profile.save(update_fields=["away"])
        moved = 0
        reason = f"科服保姆 {person.name} 的账号已停用" + (f"：{note}" if note else "")
        for ticket in await Ticket.filter(concierge_id=person.id, status__in=stages.OPEN):
            if await assignment.assign(ticket=ticket, exclude={person.id}, actor=admin, note=f"{reason}，改派"):
                moved += 1
                continue
            ticket.concierge_id = None
            await ticket.save(update_fields=["concierge_id", "updated_at"])
            await TicketEvent.create(ticket=ticket, actor=admin, kind="assigned", note=f"{reason}，暂无同事可接")
    return moved


async def restore(*, user_id: int) -> StaffProfile:
    """Give a disabled concierge the staff role back (still away until set otherwise; no password yet)."""
    profile = await _profile(user_id)
    if profile.user.role == Role.STAFF:
        raise ValidationFailed("该账号没有停用", field="user")
    if profile.user.role == Role.ADMIN:
        raise ValidationFailed("管理员账号不能这样恢复", field="user")
    profile.user.role = Role.STAFF
    await profile.user.save(update_fields=["role", "updated_at"])
    return profile


async def list_concierges() -> list[StaffRow]:
    """Return every concierge profile (disabled ones too) with their open ticket count, by region."""
    profiles = await StaffProfile.all().order_by("region_id", "user_id").prefetch_related("user", "region",
                                                                                        "supervisor")
    loads = await assignment.open_loads([p.user_id for p in profiles])
    return [StaffRow(profile=p, open_tickets=loads.get(p.user_id, 0)) for p in profiles]
