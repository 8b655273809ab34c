"""CSV export of one dashboard section, with Chinese headers (encode as utf-8-sig for Excel)."""

from __future__ import annotations

import csv
import io

from server.errors import ValidationFailed
from server.models.enums import PostKind

from .definitions import KIND_NAMES

CSV_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "funnel": [("类型", "kind"), ("类型名称", "kind_label"), ("阶段", "stage"), ("阶段名称", "label"),
               ("数量", "count")],
    "rates": [("指标", "key"), ("指标名称", "label"), ("定义", "definition"), ("分子", "numerator"),
              ("分母", "denominator"), ("比率", "value")],
    "workload": [("保姆编号", "concierge_id"), ("姓名", "name"), ("地区代码", "region_code"),
                 ("地区名称", "region_name"), ("在办服务单", "open_tickets"), ("接单上限", "capacity"),
                 ("暂停接单", "away"),
                 ("逾期计划", "overdue_plans"), ("首次响应中位数（分钟）", "first_response_minutes_median")],
    "stage_ageing": [("阶段", "stage"), ("阶段名称", "label"), ("数量", "count"), ("超过7天", "over_7_days")],
    "push": [("推送类型", "kind"), ("待发送", "pending"), ("已发送", "sent"), ("失败", "failed"),
             ("无法送达", "unreachable"), ("已取消", "cancelled")],
    "weekly": [("周起始日", "week_start"), ("新发布", "posts"), ("对接", "contacted"), ("落地", "landed"),
               ("推送成功", "pushes_sent")],
    "children": [("地区代码", "code"), ("地区名称", "name"), ("用户数", "users"), ("单位数", "organisations"),
                 ("科技工作者数", "scientists"), ("发布数", "posts"), ("在办服务单", "open_tickets"),
                 ("科技服务获取率", "acquisition_rate"), ("科技服务供给率", "supply_rate")],
}


def _records(data: dict, section: str) -> list[dict]:
    """Return a section's rows as flat dicts (the funnel and the rates are nested in the overview)."""
    if section == "funnel":
        return [{"kind": kind, "kind_label": KIND_NAMES[PostKind(kind)], **stage}
                for kind, stages in data["funnel"].items() for stage in stages]
    if section == "rates":
        return [{"key": key, **rate} for key, rate in data["rates"].items()]
    return data[section]


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "是" if value else "否"
    return "" if value is None else value


def overview_csv(data: dict, section: str) -> str:
    """Return one section of an overview as CSV text with Chinese headers (encode as utf-8-sig for Excel)."""
    if section not in CSV_COLUMNS:
        raise ValidationFailed("不支持导出该栏目", field="section")
    columns = CSV_COLUMNS[section]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([header for header, _ in columns])
    writer.writerows([_cell(row[key]) for _, key in columns] for row in _records(data, section))
    return out.getvalue()
