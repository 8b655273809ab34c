"""Regions: /api/v1/regions (the picker's province -> city -> county tree)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from server.handlers.common import authenticated, json
from server.handlers.docs import json_content
from server.handlers.schemas import RegionList
from server.handlers.serializers import region_json
from server.services import regions

bp = Blueprint("regions", url_prefix="/api/v1/regions")


@bp.get("")
@openapi.definition(summary="地区列表：不带 parent 返回省份，带 parent 返回下一级", secured="token",
                    response=json_content(RegionList))
@openapi.parameter("parent", str)
@authenticated()
async def list_regions(request: Request) -> HTTPResponse:
    """Return provinces, or the children of `parent`."""
    children = await regions.list_children(request.args.get("parent") or None)
    return json({"regions": [region_json(r) for r in children]})


@bp.get("/<code:str>")
@openapi.definition(summary="一个地区及其上级（省、市、县）", secured="token",
                    response=json_content(RegionList))
@authenticated()
async def get_region(request: Request, code: str) -> HTTPResponse:
    """Return a region's path from its province down."""
    region = await regions.get_region(code, field="code")
    return json({"regions": [region_json(r) for r in await regions.region_path(region.code)]})
