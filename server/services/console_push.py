"""What the console's push pages need to draw their forms: the region tree and article choices."""

from __future__ import annotations

from server.models import Article, Region
from server.models.enums import RegionLevel
from server.services import regions


async def region_tree(root: str = "510000") -> dict:
    """The province with its cities, each with its counties (for the region pickers)."""
    prefix = regions.prefix_of(root)
    rows = await Region.filter(code__startswith=prefix).order_by("code").values("code", "name", "level",
                                                                               "parent_code")
    top = next((r for r in rows if r["code"] == root), {"code": root, "name": root})
    cities = {r["code"]: {**r, "children": []} for r in rows if r["level"] == RegionLevel.CITY}
    for row in rows:
        if row["level"] == RegionLevel.COUNTY and row["parent_code"] in cities:
            cities[row["parent_code"]]["children"].append(row)
    return {"code": top["code"], "name": top["name"], "children": list(cities.values())}


async def article_choices(*, limit: int = 200) -> list[Article]:
    """Articles to link, emergency resources first, newest first within each group."""
    found = await Article.all().order_by("-id").limit(limit)
    return sorted(found, key=lambda a: (not a.emergency_topics, -a.id))


async def region_names(codes: list[str]) -> dict[str, str]:
    """Names for region codes."""
    return dict(await Region.filter(code__in=codes).values_list("code", "name"))
