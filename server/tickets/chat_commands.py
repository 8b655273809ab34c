"""Concierge chat commands in the official account (列表, #123, 状态, 计划, 备注, 转交, 结单, 帮助)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime

from server.errors import AppError
from server.models import StaffProfile, Ticket, User
from server.models.enums import PostStatus, Role
from server.tickets import access, assignment, chat, lifecycle, stages

HELP = ("科服保姆命令：\n列表 — 我的在办服务单\n#编号 — 切换当前服务单\n状态 洽谈 — 推进阶段（对接/洽谈/签约/落地）\n"
        "计划 2026-12-01 回访企业 — 设置下一步计划\n备注 内容 — 内部备注\n转交 同事姓名 原因 — 转交服务单\n"
        "结单 原因 — 结束服务单\n其他文字会转发给当前服务单的发布者。")
NO_TICKET = "请先发送「列表」查看服务单，再发送「#编号」选择要回复的服务单。"
STAGES = {name: status for status, name in stages.STATUS_NAMES.items() if status != PostStatus.CLOSED}
SWITCH_RE = re.compile(r"^#\s*(\d{1,9})$")
Command = Callable[[User, StaffProfile, str], Awaitable[str]]


async def handle(*, staff: User, text: str) -> str:
    """Run one chat command (or relay the text to the current ticket's poster); return the reply."""
    profile, _ = await StaffProfile.get_or_create(user=staff, defaults={"region_id": staff.region_id or "510000"})
    if match := SWITCH_RE.match(text):
        return await _switch(staff, profile, match.group(1))
    verb, _, rest = text.partition(" ")
    command = COMMANDS.get(verb)
    try:
        if command is not None:
            return await command(staff, profile, rest.strip())
        return await _relay(staff, profile, text)
    except AppError as exc:
        return exc.message


async def _help(staff: User, profile: StaffProfile, rest: str) -> str:
    return HELP


async def _list(staff: User, profile: StaffProfile, rest: str) -> str:
    mine = await access.list_for_staff(staff=staff, status=None, mine=True, overdue=False, limit=20, cursor=None)
    if not mine:
        return "您当前没有在办的服务单。"
    now = datetime.now(UTC)
    lines = [f"#{t.id} {stages.STATUS_NAMES[t.status]} {(now - t.created_at).days}天 {t.post.title[:16]}"
             for t in mine]
    return "我的在办服务单：\n" + "\n".join(lines)


async def _switch(staff: User, profile: StaffProfile, number: str) -> str:
    try:
        ticket = await access.load_for_staff(staff=staff, ticket_id=int(number))
    except AppError:
        return f"找不到服务单 #{number}，或不在您的负责范围。"
    profile.current_ticket_id = ticket.id
    await profile.save(update_fields=["current_ticket_id"])
    await ticket.fetch_related("post")
    return f"已切换到 #{ticket.id}：{ticket.post.title}（{stages.STATUS_NAMES[ticket.status]}）"


async def _current(profile: StaffProfile) -> int:
    if profile.current_ticket_id is None:
        raise AppError(NO_TICKET)
    return profile.current_ticket_id


async def _status(staff: User, profile: StaffProfile, rest: str) -> str:
    target = STAGES.get(rest)
    if target is None:
        return "请写明阶段，例如「状态 洽谈」（可选：对接、洽谈、签约、落地）。"
    ticket = await lifecycle.advance(ticket_id=await _current(profile), staff=staff, to=target)
    return f"#{ticket.id} 已进入「{rest}」阶段。"


async def _plan(staff: User, profile: StaffProfile, rest: str) -> str:
    day, _, step = rest.partition(" ")
    try:
        due = date.fromisoformat(day)
    except ValueError:
        return "格式：计划 2026-12-01 回访企业"
    ticket = await lifecycle.set_plan(ticket_id=await _current(profile), staff=staff, due=due, step=step)
    return f"#{ticket.id} 计划已记录：{due.isoformat()} {step.strip()}"


async def _note(staff: User, profile: StaffProfile, rest: str) -> str:
    await lifecycle.add_note(ticket_id=await _current(profile), staff=staff, note=rest)
    return "备注已记录（仅工作人员可见）。"


async def _hand_over(staff: User, profile: StaffProfile, rest: str) -> str:
    name, _, reason = rest.partition(" ")
    colleague = await User.get_or_none(name=name, role=Role.STAFF)
    if colleague is None:
        return f"找不到名为「{name}」的科服保姆。格式：转交 同事姓名 原因"
    ticket_id = await _current(profile)
    await assignment.hand_over(ticket_id=ticket_id, staff=staff, to=colleague, note=reason)
    profile.current_ticket_id = None
    await profile.save(update_fields=["current_ticket_id"])
    return f"#{ticket_id} 已转交给 {colleague.name}。"


async def _close(staff: User, profile: StaffProfile, rest: str) -> str:
    ticket = await lifecycle.close(ticket_id=await _current(profile), staff=staff, reason=rest)
    return f"#{ticket.id} 已结单。"


async def _relay(staff: User, profile: StaffProfile, text: str) -> str:
    ticket = await Ticket.get_or_none(id=await _current(profile))
    if ticket is None:
        return NO_TICKET
    await chat.from_concierge(concierge=staff, ticket=ticket, text=text)
    return f"已转发给 #{ticket.id} 的发布者。"


COMMANDS: dict[str, Command] = {"帮助": _help, "列表": _list, "状态": _status, "计划": _plan, "备注": _note,
                                "转交": _hand_over, "结单": _close}
