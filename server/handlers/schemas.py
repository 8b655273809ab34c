"""Request and response shapes at the HTTP edge (validation and the OpenAPI document)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from server.models.enums import OfferType, PostKind, PostStatus, Role

# The shared bases live with the commands, so every body and every command cleans and fails alike.
from server.services.commands.base import CleanText as CleanText
from server.services.commands.base import Id as Id
from server.services.commands.base import Strict as Strict

# ---- requests ---------------------------------------------------------------------------------

class LoginIn(Strict):
    code: str = Field(description="wx.login() 返回的 code")
    scene: str | None = Field(default=None, description="小程序码 scene（已 decodeURIComponent）")


class ProfileIn(Strict):
    role: Role | None = Field(default=None, description="citizen / organisation / scientist")
    name: str | None = None
    organisation: str | None = None
    title: str | None = None
    discipline: str | None = None
    region_code: str | None = None
    interests: list[str] | None = Field(default=None, max_length=50)


class WithdrawIn(Strict):
    reason: str | None = None


class PostListQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    mine: bool = False
    kind: PostKind | None = None
    status: PostStatus | None = None
    region_code: str | None = None
    cursor: Id | None = None
    limit: int = 20


class GrantRoleIn(Strict):
    role: Role


class CampaignIn(Strict):
    region_code: str
    staff_id: Id | None = None
    note: str = ""


class ReviewIn(Strict):
    approve: bool
    note: str = ""


class PageQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    cursor: Id | None = None
    limit: int = Field(default=20, ge=1, le=100)
    role: Role | None = None


# ---- responses (documentation) ----------------------------------------------------------------

class ErrorBody(BaseModel):
    code: str = Field(description="稳定的错误代码，如 validation_failed")
    message: str = Field(description="给用户看的中文说明")
    field: str | None = Field(description="出错的字段；与字段无关时为 null")
    incident: str | None = Field(default=None, description="服务器端错误的事件号（400 数据被拒、5xx）")


class ErrorOut(BaseModel):
    error: ErrorBody


class UserOut(BaseModel):
    id: int
    role: Role
    name: str
    organisation: str
    title: str
    discipline: str
    region_code: str | None
    interests: list[str]
    campaign_id: int | None
    follows_official_account: bool
    created_at: str | None
    last_seen_at: str | None


class UserEnvelope(BaseModel):
    user: UserOut


class LoginOut(BaseModel):
    token: str
    expires_in: int
    created: bool
    user: UserOut


class PostOut(BaseModel):
    id: int
    kind: PostKind
    offer_type: OfferType | None
    title: str
    body: str
    tags: list[str]
    region_code: str
    region_name: str | None
    status: PostStatus
    author_id: int
    campaign_id: int | None
    created_at: str
    updated_at: str
    expires_at: str | None
    review_state: str | None = Field(default=None, description="作者和工作人员可见")


class PostEnvelope(BaseModel):
    post: PostOut


class PostPage(BaseModel):
    posts: list[PostOut]
    next_cursor: int | None


class RegionOut(BaseModel):
    code: str
    name: str
    level: str
    parent_code: str | None


class RegionList(BaseModel):
    regions: list[RegionOut]


class CampaignOut(BaseModel):
    id: int
    scene: str
    region_code: str
    staff_id: int | None
    note: str
    created_at: str


class CampaignEnvelope(BaseModel):
    campaign: CampaignOut


class CampaignPage(BaseModel):
    campaigns: list[CampaignOut]
    next_cursor: int | None


class UserPage(BaseModel):
    users: list[UserOut]
    next_cursor: int | None


class DecisionIn(Strict):
    decision: Literal["accept", "decline"]
    reason: str | None = None


class MatchOut(BaseModel):
    id: int
    score: float
    rank: int
    method: str
    keywords: list[str]
    status: str
    can_decide: bool
    decision: str | None
    demand_post_id: int
    supply_post_id: int | None
    supply_article_id: int | None
    post: dict | None = None
    article: dict | None = None
    relevance: float | None = None  # calibrated, 0-1
    explanation: str = ""
    matched_offer: dict | None = None  # which of the scientist's offers matched
    decided_by: Literal["demand", "supply", "staff"] | None = None  # whose decision `decision` is
    my_decision: str | None = None  # the viewer's own decision (accepted / declined), else null


class MatchList(BaseModel):
    matches: list[MatchOut]


class MatchEnvelope(BaseModel):
    match: MatchOut


class BindCodeOut(BaseModel):
    code: str
    expires_in: int
    qr_image: str | None = Field(None, description="公众号带参二维码图片地址：扫码关注即完成绑定（无法生成时为 null）")


class StaffInviteIn(Strict):
    name: str
    region_code: str


class StaffInviteOut(BaseModel):
    user: UserOut
    code: str
    expires_in: int


class AdvanceIn(Strict):
    to: PostStatus
    note: str = ""


class PlanIn(Strict):
    due: str = Field(description="YYYY-MM-DD")
    step: str


class NoteIn(Strict):
    note: str


class HandoverIn(Strict):
    to_user_id: Id
    note: str


class CloseIn(Strict):
    reason: str


class RatingIn(Strict):
    rating: int
    comment: str = ""


class TicketQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    status: PostStatus | None = None
    mine: bool = False
    overdue: bool = False
    no_expert: bool = False  # only tickets whose automatic matching found nobody (未找到合适专家)
    cursor: Id | None = None
    limit: int = Field(default=20, ge=1, le=100)


class TicketOut(BaseModel):
    id: int
    post_id: int
    status: PostStatus
    concierge: dict | None
    plan_step: str | None = None
    plan_due: str | None = None
    rating: int | None
    match_state: str = ""
    match_state_text: str = ""
    timeline: list[dict] | None = None


class TicketEnvelope(BaseModel):
    ticket: TicketOut


class TicketList(BaseModel):
    tickets: list[TicketOut]
    next_cursor: int | None


class MessageIn(Strict):
    text: str


class MessageOut(BaseModel):
    id: int
    sender: str
    msg_type: str
    text: str
    delivery: str
    at: str


class MessageList(BaseModel):
    messages: list[MessageOut]


class MessageEnvelope(BaseModel):
    message: MessageOut


class SubscriptionResultsIn(Strict):
    results: dict[str, str] = Field(description="wx.requestSubscribeMessage 的结果：{模板ID: accept|reject|ban|filter}")


class SubscriptionOut(BaseModel):
    template_id: str
    kind: str
    remaining: int


class SubscriptionList(BaseModel):
    subscriptions: list[SubscriptionOut]


class InboundMessageOut(BaseModel):
    id: int
    dedup_key: str
    openid: str
    kind: str
    event: str | None
    attempts: int
    last_error: str
    received_at: str
    next_attempt_at: str | None = Field(description="下次自动重试时间；为空表示已停止重试，需人工处理")


class InboundMessageList(BaseModel):
    messages: list[InboundMessageOut]


class ProgressStageOut(BaseModel):
    status: PostStatus
    label: str  # 已发布 / 已匹配 / 已对接 / 洽谈中 / 已签约 / 已落地
    reached: bool
    current: bool
    at: str | None  # when the ticket entered the stage; null when not reached or skipped


class ProgressOut(BaseModel):
    post_id: int
    status: PostStatus
    status_text: str
    stages: list[ProgressStageOut]
    close_reason: str | None
    concierge: dict | None  # {"id", "name"} of the 科服保姆
    next_step: dict | None  # {"step", "due"}: the concierge's next planned step
    match_state: str  # "" 匹配中, "matched", "no_expert" (未找到合适专家: the concierge searches by hand)
    match_state_text: str
    events: list[dict]  # the ticket's public timeline: kind, from, to, note, at


class ProgressEnvelope(BaseModel):
    progress: ProgressOut


class PhotoOut(BaseModel):
    id: int
    check: str = Field(description="微信内容安全检查：pending 审核中 / pass 通过 / review 待人工 / risky 不展示")
    url: str | None = Field(description="短期有效的图片地址（1 小时）；未通过检查的照片为 null，仅发帖人可见其记录")


class PhotoEnvelope(BaseModel):
    photo: PhotoOut


class PhotoList(BaseModel):
    photos: list[PhotoOut]


class PhotoFileQuery(BaseModel):
    exp: int = Field(ge=0, le=2**40, description="链接到期时间（Unix 秒）")
    sig: str = Field(min_length=1, max_length=64, pattern=r"^[0-9a-f]+$", description="链接签名")
