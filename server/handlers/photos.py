"""Photos of needs and questions: POST/GET /api/v1/posts/{id}/photos, and the signed file links /files/photos/{id}."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from server.handlers.common import authenticated, json, query_model
from server.handlers.docs import json_content, query_parameters
from server.handlers.schemas import ErrorOut, PhotoEnvelope, PhotoFileQuery, PhotoList
from server.services import photos

bp = Blueprint("photos", url_prefix="/api/v1")
# A file, not an API call: no session (<image> and WeChat cannot send one), a signed link instead.
files = Blueprint("photo_files", url_prefix="/files")
UPLOAD = {"multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
    "file": {"type": "string", "format": "binary", "description": "照片（JPG/PNG/WEBP，至多 2 MB）"}}}}}


@bp.post("/posts/<post_id:int>/photos")
@openapi.definition(summary="给自己的科技需求或科普问题加照片（至多 3 张，微信内容安全检查通过后才对他人展示）",
                    secured="token", body=UPLOAD,
                    response=[openapi.definitions.Response(json_content(PhotoEnvelope), status=201),
                              openapi.definitions.Response(json_content(ErrorOut), status=422),
                              openapi.definitions.Response(json_content(ErrorOut), status=413),
                              openapi.definitions.Response(json_content(ErrorOut), status=404)])
@authenticated()
async def upload(request: Request, post_id: int) -> HTTPResponse:
    """Add a photo to the caller's own need or question."""
    file = request.files.get("file") if request.files else None
    ctx = request.app.ctx
    photo = await photos.add_photo(user=request.ctx.user, post_id=post_id, data=file.body if file else None,
                                   settings=ctx.settings, mp=ctx.wechat.mp)
    url = await photos.photo_url(photo, settings=ctx.settings, ttl=photos.VIEW_TTL)
    return json({"photo": {"id": photo.id, "check": str(photo.verdict), "url": url}}, status=201)


@bp.get("/posts/<post_id:int>/photos")
@openapi.definition(summary="帖子的照片：发帖人、匹配到的专家和负责的科服保姆可见", secured="token",
                    response=[openapi.definitions.Response(json_content(PhotoList), status=200),
                              openapi.definitions.Response(json_content(ErrorOut), status=404)])
@authenticated()
async def list_photos(request: Request, post_id: int) -> HTTPResponse:
    """List the post's photos the caller may see."""
    found = await photos.photos_for(viewer=request.ctx.user, post_id=post_id, settings=request.app.ctx.settings)
    return json({"photos": found})


@files.get("/photos/<photo_id:int>")
@openapi.definition(summary="照片文件（签名链接，由照片列表给出；本地存储时使用）",
                    response=[openapi.definitions.Response({"image/*": {"schema": {"type": "string",
                                                                                    "format": "binary"}}}),
                              openapi.definitions.Response(json_content(ErrorOut), status=404)])
@query_parameters(PhotoFileQuery)
async def photo_file(request: Request, photo_id: int) -> HTTPResponse:
    """Serve a photo for a valid signed link (no session: <image> cannot send one)."""
    q = query_model(request, PhotoFileQuery)
    data, content_type = await photos.read_signed(photo_id=photo_id, expires=q.exp, sig=q.sig,
                                                  settings=request.app.ctx.settings)
    return raw(data, content_type=content_type, headers={"Cache-Control": "private, max-age=600"})
