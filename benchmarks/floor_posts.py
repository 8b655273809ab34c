"""POST /api/v1/posts' floor: the guaranteed work of creating a need by hand, with bare Sanic.

Check the bearer token's HMAC and read (and slide) its session in Redis, read the author, validate
the body (pydantic, the same limits), ask the WeChat sandbox's msgSecCheck (httpx, an access token
fetched once per worker), then in one transaction INSERT the post, its ticket and the ticket's
"opened" event (asyncpg; the same tables and indexes as the service), and after the commit XADD
the index event and the match job. What the service does on top (region and campaign checks,
idempotency, picking a concierge, serialising the whole post) is ours to justify. Served like the
service: `python -m sanic benchmarks.floor_posts:app --workers N` with FLOOR_DATABASE_URL,
FLOOR_REDIS_URL, FLOOR_SECRET_KEY, FLOOR_WECHAT_API_BASE, FLOOR_MP_APPID, FLOOR_MP_SECRET set.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
from pydantic import BaseModel, Field, ValidationError
from redis.asyncio import Redis
from sanic import Request, Sanic
from sanic.response import HTTPResponse
from sanic.response import json as json_response

app = Sanic("floor_posts")
SESSION = "kjy:auth:session:{token_id}"
SESSION_TTL = 7 * 24 * 3600


class NewNeed(BaseModel):
    kind: str = Field(pattern="^(need|question|offer)$")
    title: str = Field(min_length=4, max_length=40)
    body: str = Field(min_length=10, max_length=2000)
    tags: list[str] = Field(default_factory=list, max_length=5)
    region_code: str = Field(pattern=r"^\d{6}$")


@app.before_server_start
async def connect(app: Sanic) -> None:
    app.ctx.pool = await asyncpg.create_pool(os.environ["FLOOR_DATABASE_URL"].replace("postgres://", "postgresql://"),
                                             min_size=2, max_size=10)
    app.ctx.redis = Redis.from_url(os.environ["FLOOR_REDIS_URL"], decode_responses=True)
    app.ctx.secret = os.environ["FLOOR_SECRET_KEY"].encode()
    app.ctx.http = httpx.AsyncClient(base_url=os.environ["FLOOR_WECHAT_API_BASE"], timeout=5)
    token = await app.ctx.http.post("/cgi-bin/stable_token", json={  # the service's token stays valid
        "grant_type": "client_credential", "appid": os.environ["FLOOR_MP_APPID"],
        "secret": os.environ["FLOOR_MP_SECRET"]})
    app.ctx.access_token = token.json()["access_token"]


@app.after_server_stop
async def disconnect(app: Sanic) -> None:
    await app.ctx.pool.close()
    await app.ctx.redis.aclose()
    await app.ctx.http.aclose()


def _token_id(secret: bytes, token: str) -> str | None:
    token_id, _, signature = token.partition(".")
    expected = base64.urlsafe_b64encode(hmac.new(secret, token_id.encode(), hashlib.sha256).digest()[:18])
    return token_id if hmac.compare_digest(signature.encode(), expected.rstrip(b"=")) else None


@app.post("/api/v1/posts")
async def create(request: Request) -> HTTPResponse:
    ctx = request.app.ctx
    token_id = _token_id(ctx.secret, (request.headers.get("authorization") or "").removeprefix("Bearer "))
    raw = await ctx.redis.getex(SESSION.format(token_id=token_id), ex=SESSION_TTL) if token_id else None
    if raw is None:
        return json_response({"error": {"code": "invalid_token"}}, status=401)
    try:
        need = NewNeed.model_validate_json(request.body)
    except ValidationError as exc:
        return json_response({"error": {"code": "invalid", "detail": str(exc)[:200]}}, status=422)
    async with ctx.pool.acquire() as conn:
        author = await conn.fetchrow("SELECT id, role, mp_openid FROM users WHERE id = $1", json.loads(raw)["uid"])
        checked = await ctx.http.post("/wxa/msg_sec_check", params={"access_token": ctx.access_token}, json={
            "content": f"{need.title}\n{need.body}", "version": 2, "scene": 3, "openid": author["mp_openid"],
            "title": need.title})
        review = "passed" if checked.json().get("result", {}).get("suggest") == "pass" else "pending"
        now = datetime.now(UTC)
        async with conn.transaction():
            post_id = await conn.fetchval(
                "INSERT INTO posts (kind, title, body, tags, region_id, author_id, status, close_reason, review_state, "
                "review_note, created_at, updated_at, expires_at, review_attempts) VALUES ($1, $2, $3, $4, $5, $6, "
                "'published', '', $7, '', $8, $8, $9, 0) RETURNING id",
                need.kind, need.title, need.body, json.dumps(need.tags, ensure_ascii=False), need.region_code,
                author["id"], review, now, now + timedelta(days=180))
            ticket_id = await conn.fetchval(
                "INSERT INTO tickets (post_id, poster_id, region_id, status, match_state, plan_step, close_reason, "
                "rating_comment, stage_since, created_at, updated_at) VALUES ($1, $2, $3, 'published', '', '', '', '', "
                "$4, $4, $4) RETURNING id", post_id, author["id"], need.region_code, now)
            await conn.execute("INSERT INTO ticket_events (ticket_id, kind, to_status, note, internal, created_at) "
                               "VALUES ($1, 'opened', 'published', '', false, $2)", ticket_id, now)
    await ctx.redis.xadd("kjy:match:index-events", {"op": "upsert", "doc": f"post:{post_id}"}, maxlen=100_000,
                         approximate=True)
    await ctx.redis.xadd("kjy:match:jobs", {"post_id": str(post_id)}, maxlen=100_000, approximate=True)
    return json_response({"post": {"id": post_id, "kind": need.kind, "title": need.title, "body": need.body,
                                   "tags": need.tags, "region_code": need.region_code, "review_state": review,
                                   "status": "published"}}, status=201,
                         headers={"X-DB-Statements": "4", "X-Worker": str(os.getpid())})
