"""Who may act on which region: admins everywhere; staff their service region and what lies within it.

The one rule behind every staff route of the API, the console and the official-account chat: a staff
member's region is their StaffProfile region (or, without a profile, their own region).
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.queryset import QuerySet

from server.models import StaffProfile, User
from server.models.enums import Role
from server.services import regions


@dataclass(frozen=True)
class Reach:
    everything: bool = False
    region: str | None = None  # the staff region; None with everything=False reaches nothing

    def covers(self, code: str | None) -> bool:
        """Return True when region `code` lies within this reach."""
        if self.everything:
            return True
        return bool(self.region and code and regions.is_within(code, self.region))

    def narrow(self, query: QuerySet, *, field: str = "region_id") -> QuerySet:
        """Narrow a queryset to rows whose region lies within this reach."""
        if self.everything:
            return query
        if not self.region:
            return query.filter(**{f"{field}__isnull": True}).filter(**{f"{field}__isnull": False})
        return regions.filter_within(query, self.region, field=field)


EVERYTHING = Reach(everything=True)
NOWHERE = Reach()


async def reach_of(user: User) -> Reach:
    """Return the regions a user may act on as staff (nothing for citizens, scientists, organisations)."""
    if user.role == Role.ADMIN:
        return EVERYTHING
    if user.role != Role.STAFF:
        return NOWHERE
    profile = await StaffProfile.get_or_none(user_id=user.id)
    code = profile.region_id if profile is not None else user.region_id
    return Reach(region=code) if code else NOWHERE
