"""Console pages for the platform's content and reach: the review queue, QR campaigns and articles.

The review queue is for staff (their region) and admins; campaigns and articles are admins' work.
"""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw, redirect

from server import inputs
from server.errors import AppError, ValidationFailed
from server.models import Article, User
from server.models.enums import PostKind, Role
from server.services import articles, campaigns, console_push, posts, regions, review

from . import auth
from .push_views import TYPES
from .render import render

bp = Blueprint("console_ops", url_prefix="/console")
KIND_NAMES = {PostKind.NEED: "科技所需", PostKind.QUESTION: "科普所需", PostKind.OFFER: "科技所能"}
MAX_UPLOAD = 5 * 1024 * 1024
REVIEW_DONE = {"approved": "已通过，内容已公开", "rejected": "已驳回，作者会看到原因"}


def _form(request: Request, name: str) -> str:
    return inputs.clean_text((request.form.get(name) if request.form else None) or "").strip()


# ---- review queue --------------------------------------------------------------------------------

async def _review_page(request: Request, *, status: int = 200, error: str = "", failed: int = 0) -> HTTPResponse:
    held = await review.held_posts(reviewer=request.ctx.console.user)
    done = REVIEW_DONE.get(request.args.get("done", ""), "")
    return render("review.html", request, status=status, active="review", held=held, kind_names=KIND_NAMES,
                  error=error, failed=failed, done=done)


@bp.get("/review")
@auth.page()
async def review_queue(request: Request) -> HTTPResponse:
    """Posts held for a person's review within the viewer's region."""
    return await _review_page(request)


@bp.post("/review/<post_id:int>")
@auth.page()
async def review_decide(request: Request, post_id: int) -> HTTPResponse:
    """Approve or reject a held post; a rejection needs a note for the author."""
    decision, note = _form(request, "decision"), _form(request, "note")
    try:
        if decision not in ("approve", "reject"):
            raise ValidationFailed("请选择通过或驳回", field="decision")
        if decision == "reject" and not note:
            raise ValidationFailed("驳回请填写原因（作者可见）", field="note")
        if len(note) > 200:
            raise ValidationFailed("说明不能超过 200 个字", field="note")
        await posts.review_post(admin=request.ctx.console.user, post_id=post_id, approve=decision == "approve",
                                note=note, store=request.app.ctx.redis)
    except AppError as exc:
        if exc.status == 404:
            raise
        return await _review_page(request, status=exc.status, error=exc.message, failed=post_id)
    return redirect(f"/console/review?done={'approved' if decision == 'approve' else 'rejected'}", status=303)


# ---- QR campaigns --------------------------------------------------------------------------------

async def _campaigns_page(request: Request, *, status: int = 200, error: str = "") -> HTTPResponse:
    found = await campaigns.list_campaigns(limit=100, cursor=None)
    return render("campaigns.html", request, status=status, active="campaigns", campaigns=found, error=error,
                  figures=await campaigns.funnel([c.id for c in found]),
                  region_options=await regions.region_options(None),
                  staff=await User.filter(role__in=[Role.STAFF, Role.ADMIN]).order_by("role", "id"),
                  form=request.form if request.method == "POST" else None,
                  created=inputs.as_id(request.args.get("created") or ""))


@bp.get("/campaigns")
@auth.page(Role.ADMIN)
async def campaigns_page(request: Request) -> HTTPResponse:
    """QR campaigns with their scans → people → posts, and the form to make one."""
    return await _campaigns_page(request)


@bp.post("/campaigns")
@auth.page(Role.ADMIN)
async def campaign_create(request: Request) -> HTTPResponse:
    """Create a campaign for a region (and a referring colleague)."""
    try:
        region = _form(request, "region")
        if not region:
            raise ValidationFailed("请选择推广地区", field="region")
        created = await campaigns.create_campaign(
            admin=request.ctx.console.user, region_code=region, note=_form(request, "note"),
            staff_id=inputs.optional_id(_form(request, "staff") or None, field="staff"))
    except AppError as exc:
        return await _campaigns_page(request, status=exc.status, error=exc.message)
    return redirect(f"/console/campaigns?created={created.id}#campaign-{created.id}", status=303)


@bp.get("/campaigns/<campaign_id:int>/qrcode.png")
@auth.page(Role.ADMIN)
async def campaign_png(request: Request, campaign_id: int) -> HTTPResponse:
    """Download the campaign's mini-program code (PNG)."""
    image = await campaigns.campaign_qrcode(campaign_id=campaign_id, wechat=request.app.ctx.wechat.mp)
    return raw(image, content_type="image/png",
               headers={"content-disposition": f'attachment; filename="kejiyun-campaign-{campaign_id}.png"'})


# ---- articles ------------------------------------------------------------------------------------

async def _articles_page(request: Request, *, status: int = 200, error: str = "", done: str = "") -> HTTPResponse:
    latest = await Article.all().order_by("-id").limit(100)
    names = await console_push.region_names(sorted({a.region_scope for a in latest}))
    return render("articles.html", request, status=status, active="articles", articles=latest, names=names,
                  error=error, done=done, types=TYPES, type_labels=dict(TYPES),
                  region_options=await regions.region_options(None),
                  form=request.form if request.method == "POST" else None, total=await Article.all().count())


@bp.get("/articles")
@auth.page(Role.ADMIN)
async def articles_page(request: Request) -> HTTPResponse:
    """The article store: the newest, an import form and a form to add one."""
    return await _articles_page(request)


@bp.post("/articles/import")
@auth.page(Role.ADMIN)
async def articles_import(request: Request) -> HTTPResponse:
    """Import a JSONL file of articles (idempotent by id); nothing is written if any line is wrong."""
    upload = request.files.get("file") if request.files else None
    try:
        if upload is None or not upload.body:
            raise ValidationFailed("请选择一个 JSONL 文件", field="file")
        if len(upload.body) > MAX_UPLOAD:
            raise ValidationFailed("文件不能超过 5 MB", field="file")
        try:
            text = upload.body.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationFailed("文件应为 UTF-8 编码", field="file") from exc
        counts = await articles.import_rows(articles.parse_jsonl(text))
    except AppError as exc:
        return await _articles_page(request, status=exc.status, error=exc.message)
    return await _articles_page(request, done=f"导入完成：新增 {counts['created']} 篇，更新 {counts['updated']} 篇")


@bp.post("/articles")
@auth.page(Role.ADMIN)
async def article_add(request: Request) -> HTTPResponse:
    """Add one article with its topics, emergency topics and region."""
    try:
        article = await articles.add_article(
            title=_form(request, "title"), summary=_form(request, "summary"), body=_form(request, "body"),
            url=_form(request, "url"), topics=_form(request, "topics"),
            emergency_topics=[v for v in (request.form.getlist("emergency_topics") or []) if v in dict(TYPES)],
            region_scope=_form(request, "region_scope") or "510000", source=_form(request, "source"))
    except AppError as exc:
        return await _articles_page(request, status=exc.status, error=exc.message)
    return redirect(f"/console/articles?added={article.id}#article-{article.id}", status=303)
