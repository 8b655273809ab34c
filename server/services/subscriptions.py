"""Subscribe-message grants reported by the mini-program (wx.requestSubscribeMessage results)."""

from __future__ import annotations

from tortoise.expressions import F

from server.errors import ValidationFailed
from server.models import SubscribeQuota, User
from server.push.templates import load_templates

RESULTS = {"accept", "reject", "ban", "filter"}


def mp_template_ids() -> dict[str, str]:
    """Return mini-program subscribe template id -> message kind."""
    return {t.template_ids["mp_subscribe"]: t.kind for t in load_templates().values()
            if "mp_subscribe" in t.channels}


async def record_results(*, user: User, results: dict[str, str]) -> dict[str, int]:
    """Count each accepted one-time grant (1 accept = 1 send); return the balances touched."""
    known = mp_template_ids()
    if not results or len(results) > 3:
        raise ValidationFailed("一次最多上报 3 个模板的订阅结果", field="results")
    for template_id, result in results.items():
        if template_id not in known:
            raise ValidationFailed(f"未知的订阅消息模板：{template_id}", field="results")
        if result not in RESULTS:
            raise ValidationFailed(f"订阅结果无效：{result}", field="results")
    balances = {}
    for template_id, result in results.items():
        quota, _ = await SubscribeQuota.get_or_create(user=user, template_id=template_id)
        if result == "accept":
            await SubscribeQuota.filter(id=quota.id).update(remaining=F("remaining") + 1)
        balances[template_id] = (await SubscribeQuota.get(id=quota.id)).remaining
    return balances


async def list_for(user: User) -> list[dict]:
    """Return the user's balance per mini-program template."""
    known = mp_template_ids()
    have = {q.template_id: q.remaining for q in await SubscribeQuota.filter(user_id=user.id)}
    return [{"template_id": tid, "kind": kind, "remaining": have.get(tid, 0)} for tid, kind in known.items()]
