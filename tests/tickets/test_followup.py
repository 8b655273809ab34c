"""The concierge follow-up schedule, each job run on a controlled clock: reassign, remind, escalate, flag, digest."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from apscheduler.triggers.cron import CronTrigger

from server import jobs
from server.models import PushRequest, StaffProfile, Ticket, TicketEvent, User
from server.models.enums import PostStatus, Role
from server.push.templates import load_templates, render
from server.tickets import followup
from tests.factories import create_post, login_as, make_user

NOW = datetime(2031, 3, 10, 2, 0, tzinfo=UTC)  # 10:00 Beijing, a Monday
TODAY = date(2031, 3, 10)


async def make_staff(name: str, region: str = "511500", **profile) -> User:
    user = await make_user(Role.STAFF, name=name, region_id=region, oa_openid=f"o-{name}", follows_oa=True)
    await StaffProfile.create(user=user, region_id=region, **profile)
    return user


async def make_supervisor(name: str = "主管") -> User:
    """A staff member with no concierge profile: supervises, never takes tickets."""
    return await make_user(Role.STAFF, name=name, region_id="511500", oa_openid=f"o-{name}", follows_oa=True)


async def open_ticket(client, name: str = "poster", **changes) -> Ticket:
    headers, _ = await login_as(client, name)
    post = await create_post(client, headers, title=f"{name}的李子园土壤改良需求")
    ticket = await Ticket.get(post_id=post["id"])
    if changes:
        await Ticket.filter(id=ticket.id).update(**changes)
    return await Ticket.get(id=ticket.id)


def renders(push: PushRequest) -> dict:
    template = load_templates()["followup_reminder"]
    return render(template, channel="oa_template", data=push.data, touser="o1", mp_appid="wxmp", now=NOW)["data"]


# ---- reassignment ------------------------------------------------------------------------------

async def test_uncontacted_ticket_goes_to_another_concierge_and_the_supervisor_is_told(client):
    supervisor = await make_supervisor()
    first = await make_staff("甲保姆", supervisor=supervisor)
    second = await make_staff("乙保姆")
    ticket = await open_ticket(client, assigned_at=NOW - timedelta(hours=25))
    assert ticket.concierge_id == first.id
    assert await followup.reassign_uncontacted(NOW) == 1
    moved = await Ticket.get(id=ticket.id)
    assert moved.concierge_id == second.id and moved.assigned_at == NOW
    event = await TicketEvent.get(ticket_id=ticket.id, kind="reassigned")
    assert "甲保姆" in event.note and "乙保姆" in event.note
    told = await PushRequest.get(kind="followup_reminder", cause=f"reassigned:{ticket.id}:1", user_id=supervisor.id)
    assert renders(told)["thing2"]["value"].startswith("甲保姆超时未联系")
    assert await PushRequest.exists(kind="followup_reminder", user_id=second.id, cause__startswith="ticket-assigned")
    assert await followup.reassign_uncontacted(NOW) == 0
    assert await followup.reassign_uncontacted(NOW + timedelta(minutes=15)) == 0
    assert await TicketEvent.filter(ticket_id=ticket.id, kind="reassigned").count() == 1


async def test_contacted_recent_and_closed_tickets_stay(client):
    await make_staff("甲保姆")
    await make_staff("乙保姆")
    recent = await open_ticket(client, "recent", assigned_at=NOW - timedelta(hours=23))
    contacted = await open_ticket(client, "contacted", assigned_at=NOW - timedelta(days=3), status="contacted",
                                  first_contact_at=NOW - timedelta(days=2))
    closed = await open_ticket(client, "closed", assigned_at=NOW - timedelta(days=3), status="closed")
    assert await followup.reassign_uncontacted(NOW) == 0
    for ticket in (recent, contacted, closed):
        assert (await Ticket.get(id=ticket.id)).concierge_id == ticket.concierge_id
    assert not await TicketEvent.exists(kind="reassigned")


async def test_with_nobody_else_free_the_supervisor_is_told_once(client):
    supervisor = await make_supervisor()
    only = await make_staff("独苗保姆", supervisor=supervisor)
    ticket = await open_ticket(client, assigned_at=NOW - timedelta(hours=30))
    assert await followup.reassign_uncontacted(NOW) == 0
    assert await followup.reassign_uncontacted(NOW + timedelta(minutes=15)) == 0
    assert (await Ticket.get(id=ticket.id)).concierge_id == only.id
    told = await PushRequest.filter(user_id=supervisor.id, cause__startswith="unassignable:")
    assert len(told) == 1 and "无人可改派" in renders(told[0])["thing2"]["value"]


# ---- overdue plans -----------------------------------------------------------------------------

async def test_an_overdue_plan_is_reminded_once(client):
    concierge = await make_staff("甲保姆", supervisor=await make_supervisor())
    ticket = await open_ticket(client, plan_due=TODAY - timedelta(days=1), plan_step="回访企业确认检测结果")
    assert await followup.remind_overdue(NOW) == (1, 0)
    push = await PushRequest.get(cause=f"overdue:{ticket.id}:{TODAY - timedelta(days=1)}")
    assert push.user_id == concierge.id and push.due_at == NOW
    data = renders(push)
    assert data["character_string1"]["value"] == f"#{ticket.id}"
    assert data["thing2"]["value"].startswith("计划已逾期：回访企业")
    assert data["time3"]["value"] == "2031年3月10日 10:00"
    assert await followup.remind_overdue(NOW) == (0, 0)
    assert await followup.remind_overdue(NOW + timedelta(hours=5)) == (0, 0)
    assert await TicketEvent.filter(ticket_id=ticket.id, kind="reminded").count() == 1


async def test_plans_due_today_and_finished_tickets_are_not_reminded(client):
    await make_staff("甲保姆")
    await open_ticket(client, "today", plan_due=TODAY, plan_step="今天回访")
    await open_ticket(client, "landed", plan_due=TODAY - timedelta(days=5), plan_step="x", status="landed")
    await open_ticket(client, "closed", plan_due=TODAY - timedelta(days=5), plan_step="x", status="closed")
    await open_ticket(client, "noplan")
    assert await followup.remind_overdue(NOW) == (0, 0)
    assert not await PushRequest.exists(cause__startswith="overdue:")


async def test_an_unheeded_reminder_escalates_to_the_supervisor_a_day_later(client):
    supervisor = await make_supervisor("李主管")
    await make_staff("甲保姆", supervisor=supervisor)
    due = TODAY - timedelta(days=1)
    ticket = await open_ticket(client, plan_due=due, plan_step="回访企业")
    assert await followup.remind_overdue(NOW) == (1, 0)
    assert await followup.remind_overdue(NOW + timedelta(hours=23)) == (0, 0)
    assert await followup.remind_overdue(NOW + timedelta(days=1, minutes=1)) == (0, 1)
    escalation = await PushRequest.get(cause=f"escalated:{ticket.id}:{due}")
    assert escalation.user_id == supervisor.id
    assert renders(escalation)["thing2"]["value"] == "甲保姆的计划逾期未处理"
    assert await followup.remind_overdue(NOW + timedelta(days=2)) == (0, 0)
    assert await TicketEvent.filter(ticket_id=ticket.id, kind="escalated").count() == 1


async def test_a_new_plan_date_gets_its_own_reminder_and_escalation(client):
    supervisor = await make_supervisor()
    await make_staff("甲保姆", supervisor=supervisor)
    ticket = await open_ticket(client, plan_due=TODAY - timedelta(days=1), plan_step="回访")
    await followup.remind_overdue(NOW)
    await Ticket.filter(id=ticket.id).update(plan_due=TODAY + timedelta(days=1))
    assert await followup.remind_overdue(NOW + timedelta(days=1, hours=1)) == (0, 0)  # the new plan is not due
    assert await followup.remind_overdue(NOW + timedelta(days=2, hours=1)) == (1, 0)
    assert await followup.remind_overdue(NOW + timedelta(days=3, hours=2)) == (0, 1)
    assert await PushRequest.filter(user_id=supervisor.id, cause__startswith="escalated:").count() == 1


async def test_without_a_supervisor_an_admin_gets_the_escalation(client):
    admin = await make_user(Role.ADMIN, name="管理员")
    await make_staff("甲保姆")
    ticket = await open_ticket(client, plan_due=TODAY - timedelta(days=2), plan_step="回访")
    await followup.remind_overdue(NOW - timedelta(days=1))
    assert await followup.remind_overdue(NOW) == (0, 1)
    assert (await PushRequest.get(cause__startswith=f"escalated:{ticket.id}:")).user_id == admin.id


# ---- stuck stages ------------------------------------------------------------------------------

async def test_tickets_stuck_in_a_stage_are_flagged_once_per_stage(client):
    await make_staff("甲保姆")
    stuck = await open_ticket(client, "stuck", stage_since=NOW - timedelta(days=3))
    fresh = await open_ticket(client, "fresh", stage_since=NOW - timedelta(days=1))
    talking = await open_ticket(client, "talking", status="contacted", stage_since=NOW - timedelta(days=6))
    assert await followup.flag_stuck(NOW) == 1
    flag = await TicketEvent.get(kind="flagged")
    assert flag.ticket_id == stuck.id and flag.to_status == "published" and "「发布」阶段已停留 3 天" in flag.note
    assert await followup.flag_stuck(NOW + timedelta(hours=1)) == 0
    await Ticket.filter(id=stuck.id).update(status="contacted", stage_since=NOW - timedelta(days=8))
    assert await followup.flag_stuck(NOW + timedelta(hours=2)) == 1  # a new stage, a new flag
    sooner = {PostStatus.CONTACTED: timedelta(days=5)}
    assert await followup.flag_stuck(NOW + timedelta(hours=3), thresholds=sooner) == 1
    flagged = set(await TicketEvent.filter(kind="flagged").values_list("ticket_id", flat=True))
    assert flagged == {stuck.id, talking.id} and fresh.id not in flagged


# ---- the morning digest ------------------------------------------------------------------------

async def test_the_digest_counts_plans_due_today_and_overdue_once_a_day(client):
    busy = await make_staff("甲保姆", capacity=3)
    idle = await make_staff("乙保姆", capacity=1)
    old = await open_ticket(client, "old", plan_due=TODAY - timedelta(days=3), plan_step="回访")
    await open_ticket(client, "today", plan_due=TODAY, plan_step="电话")
    await open_ticket(client, "later", plan_due=TODAY + timedelta(days=2), plan_step="以后")
    await Ticket.all().update(concierge_id=busy.id)
    assert await followup.daily_digest(NOW - timedelta(hours=1, minutes=30)) == 1
    digest = await PushRequest.get(user_id=busy.id, cause=f"digest:{TODAY}")
    assert digest.data["due_today"] == 1 and digest.data["overdue"] == 1 and digest.data["ticket_id"] == old.id
    assert renders(digest)["thing2"]["value"] == "今日到期1单，已逾期1单"
    assert await followup.daily_digest(NOW) == 0
    assert not await PushRequest.exists(user_id=idle.id, cause__startswith="digest:")
    assert await followup.daily_digest(NOW + timedelta(days=1)) == 1  # next day: overdue 2


# ---- the schedule ------------------------------------------------------------------------------

def test_the_schedule_runs_the_follow_up_jobs():
    table = {job_id: trigger for job_id, trigger, _ in jobs.SCHEDULE}
    assert table["reassign-uncontacted"] == {"trigger": "interval", "minutes": 15}
    assert table["remind-overdue"] == {"trigger": "interval", "minutes": 30}
    assert table["flag-stuck"] == {"trigger": "interval", "hours": 1}
    cron = {k: v for k, v in table["daily-digest"].items() if k != "trigger"}
    fire = CronTrigger(**cron).get_next_fire_time(None, NOW)
    assert fire.astimezone(UTC) == datetime(2031, 3, 11, 0, 30, tzinfo=UTC)  # 08:30 Beijing


async def test_the_scheduled_wrappers_run_on_the_wall_clock(settings, redis):
    for job in (jobs.reassign_uncontacted, jobs.remind_overdue, jobs.flag_stuck, jobs.daily_digest):
        await job(settings, redis)
    assert await PushRequest.all().count() == 0
