"""GB/T 2260 regions: loading, lookup and the code hierarchy ("within")."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from tortoise.queryset import QuerySet

from server.errors import ValidationFailed
from server.models import Region
from server.models.enums import RegionLevel

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "regions"
CODE_RE = re.compile(r"^[0-9]{2}([0-9]{2})?([0-9]{2})?$")  # ASCII only: \d also matches ٤ and ４
# The platform serves one province (四川省): posts, profiles and campaigns lie within it.
PLATFORM_PROVINCE, PLATFORM_PROVINCE_NAME = "510000", "四川省"


def normalise_code(raw: str | int | None) -> str | None:
    """Return a 6-digit code for 2-, 4- or 6-digit input, or None if it is not a code."""
    if raw is None:
        return None
    text = str(raw).strip()
    if not CODE_RE.match(text):
        return None
    return text.ljust(6, "0")


def level_of(code: str) -> RegionLevel:
    """Return the level a 6-digit code names (province 510000, city 510100, county 510104)."""
    if code.endswith("0000"):
        return RegionLevel.PROVINCE
    if code.endswith("00"):
        return RegionLevel.CITY
    return RegionLevel.COUNTY


def prefix_of(code: str) -> str:
    """Return the prefix every code within this region starts with."""
    level = level_of(code)
    return {RegionLevel.PROVINCE: code[:2], RegionLevel.CITY: code[:4]}.get(level, code)


def is_within(code: str, ancestor: str) -> bool:
    """Return True when region `code` lies within (or is) `ancestor`."""
    return code.startswith(prefix_of(ancestor))


def parents_of(code: str) -> list[str]:
    """Return the codes of the province and city containing `code`, nearest last."""
    level = level_of(code)
    if level == RegionLevel.PROVINCE:
        return []
    if level == RegionLevel.CITY:
        return [code[:2] + "0000"]
    return [code[:2] + "0000", code[:4] + "00"]


def filter_within(query: QuerySet, code: str, *, field: str = "region_id") -> QuerySet:
    """Narrow a queryset to rows whose region lies within `code`."""
    if level_of(code) == RegionLevel.COUNTY:
        return query.filter(**{field: code})
    return query.filter(**{f"{field}__startswith": prefix_of(code)})


def _read_rows() -> list[Region]:
    rows: dict[str, Region] = {}
    with open(DATA_DIR / "provinces.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code = rec["code"].ljust(6, "0")
            rows[code] = Region(code=code, name=rec["name"], level=RegionLevel.PROVINCE, parent_code=None)
    with open(DATA_DIR / "cities.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code = rec["code"].ljust(6, "0")
            parent = rec["provinceCode"].ljust(6, "0")
            rows[code] = Region(code=code, name=rec["name"], level=RegionLevel.CITY, parent_code=parent)
    with open(DATA_DIR / "areas.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code = rec["code"]
            parent = rec["cityCode"].ljust(6, "0")
            rows[code] = Region(code=code, name=rec["name"], level=RegionLevel.COUNTY, parent_code=parent)
    return list(rows.values())


async def load_regions() -> int:
    """Load the bundled GB/T 2260 data if the table is empty; return the number of regions."""
    existing = await Region.all().count()
    if existing:
        return existing
    rows = _read_rows()
    await Region.bulk_create(rows, batch_size=500)
    return len(rows)


# Regions are reference data, loaded once (load_regions) and never changed while serving: each process
# keeps the ones it has read, so validating a post's region costs no statement after the first time.
_known: dict[str, Region] = {}


async def get_region(code: str | None, *, field: str = "region_code") -> Region:
    """Return the region for a code, or raise a validation error naming the field."""
    normal = normalise_code(code)
    region = _known.get(normal) if normal else None
    if region is None and normal:
        region = await Region.get_or_none(code=normal)
        if region is not None:
            _known[normal] = region
    if region is None:
        raise ValidationFailed("地区代码不存在，请重新选择地区", field=field)
    return region


async def get_platform_region(code: str | None, *, field: str = "region_code") -> Region:
    """Return the region for a code within the platform's province, or raise a validation error naming the field."""
    region = await get_region(code, field=field)
    if not is_within(region.code, PLATFORM_PROVINCE):
        raise ValidationFailed(f"本平台只服务{PLATFORM_PROVINCE_NAME}，请选择{PLATFORM_PROVINCE_NAME}内的地区",
                               field=field)
    return region


async def list_children(parent: str | None) -> list[Region]:
    """Return the provinces (no parent) or the direct children of a region, by code."""
    if parent is None:
        return await Region.filter(level=RegionLevel.PROVINCE).order_by("code")
    region = await get_region(parent, field="parent")
    return await Region.filter(parent_code=region.code).order_by("code")


async def region_path(code: str) -> list[Region]:
    """Return the province, city and county a code belongs to, broadest first."""
    codes = [*parents_of(code), code]
    found = {r.code: r for r in await Region.filter(code__in=codes)}
    return [found[c] for c in codes if c in found]


async def region_options(scope: str | None) -> list[tuple[str, str]]:
    """Return (code, label) for every region within the scope, each city followed by its counties."""
    root = scope or PLATFORM_PROVINCE
    rows = await Region.filter(code__startswith=prefix_of(root)).order_by("code").values("code", "name", "level")
    indent = {RegionLevel.PROVINCE: "", RegionLevel.CITY: "　", RegionLevel.COUNTY: "　　"}
    return [(r["code"], indent.get(r["level"], "") + r["name"]) for r in rows]
