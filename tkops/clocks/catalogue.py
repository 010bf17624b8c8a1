"""The clocks' sentences for the team, in English and Chinese, in the format of :data:`tkops.messages.CATALOGUE`
(code -> {"en": ..., "zh": ...} with named placeholders), ready to be merged into it.

Codes: ``clock.<clock>`` names a clock; ``clock.state.<state>`` a state; ``clock.<clock>.<state>`` is the sentence
for one clock in one state (what to do); ``clock.kpi.*`` the KPI labels; ``clock.sla.*`` the SLA and Holidays
sheets' errors.
"""

from __future__ import annotations

from tkops.errors import ConfigError
from tkops.message_lookup import fill, sentence

CATALOGUE: dict[str, dict[str, str]] = {
    # --- clock names and states -----------------------------------------------------------------------------------
    "clock.review": {"en": "Review", "zh": "审单"},
    "clock.print": {"en": "Print and pick", "zh": "打单拣货"},
    "clock.pack": {"en": "QC and pack", "zh": "质检打包"},
    "clock.dispatch": {"en": "Dispatch", "zh": "发货"},
    "clock.auto_cancel": {"en": "Auto-cancel", "zh": "自动取消"},
    "clock.deliver": {"en": "Deliver by", "zh": "送达时效"},
    "clock.cancel_request": {"en": "Cancellation requests", "zh": "取消申请"},
    "clock.state.ok": {"en": "ok", "zh": "正常"},
    "clock.state.due_soon": {"en": "due soon", "zh": "即将到期"},
    "clock.state.late": {"en": "late", "zh": "已超时"},
    "clock.state.done": {"en": "done", "zh": "已完成"},
    # --- one sentence per clock and state ---------------------------------------------------------------------------
    "clock.review.ok": {"en": "review by {due}", "zh": "请在 {due} 前审单"},
    "clock.review.due_soon": {"en": "review due at {due} ({hours} h left)", "zh": "审单将于 {due} 到期（剩 {hours} 小时）"},
    "clock.review.late": {"en": "review was due at {due} ({hours} h late)", "zh": "审单已于 {due} 到期（超时 {hours} 小时）"},
    "clock.review.done": {"en": "reviewed", "zh": "已审单"},
    "clock.print.ok": {"en": "print and pick by {due}", "zh": "请在 {due} 前打单拣货"},
    "clock.print.due_soon": {"en": "print and pick due at {due} ({hours} h left)",
                             "zh": "打单拣货将于 {due} 到期（剩 {hours} 小时）"},
    "clock.print.late": {"en": "print and pick was due at {due} ({hours} h late)",
                         "zh": "打单拣货已于 {due} 到期（超时 {hours} 小时）"},
    "clock.print.done": {"en": "picked", "zh": "已拣货"},
    "clock.pack.ok": {"en": "QC and pack by {due}", "zh": "请在 {due} 前质检打包"},
    "clock.pack.due_soon": {"en": "packing due at {due} ({hours} h left)", "zh": "打包将于 {due} 到期（剩 {hours} 小时）"},
    "clock.pack.late": {"en": "packing was due at {due} ({hours} h late)", "zh": "打包已于 {due} 到期（超时 {hours} 小时）"},
    "clock.pack.done": {"en": "packed", "zh": "已打包"},
    "clock.dispatch.ok": {"en": "dispatch by {due}", "zh": "请在 {due} 前发货"},
    "clock.dispatch.due_soon": {
        "en": "dispatch deadline {due} ({hours} h left): ship and upload tracking now",
        "zh": "发货截止 {due}（剩 {hours} 小时）：请立即发货并上传单号"},
    "clock.dispatch.late": {
        "en": "dispatch deadline {due} passed {hours} h ago: this order counts as late dispatch",
        "zh": "发货截止 {due} 已过 {hours} 小时：该订单将计入延迟发货率"},
    "clock.dispatch.done": {"en": "dispatched", "zh": "已发货"},
    "clock.auto_cancel.ok": {"en": "auto-cancelled at {due} without tracking", "zh": "若无单号将于 {due} 自动取消"},
    "clock.auto_cancel.due_soon": {
        "en": "TikTok cancels this order at {due} ({hours} h left) unless it has tracking",
        "zh": "除非上传单号，TikTok 将于 {due} 自动取消此订单（剩 {hours} 小时）"},
    "clock.auto_cancel.late": {
        "en": "auto-cancel time {due} passed {hours} h ago: check whether TikTok cancelled the order",
        "zh": "自动取消时间 {due} 已过 {hours} 小时：请检查订单是否已被 TikTok 取消"},
    "clock.auto_cancel.done": {"en": "safe from auto-cancel", "zh": "不会被自动取消"},
    "clock.deliver.ok": {"en": "deliver by {due}", "zh": "请在 {due} 前送达"},
    "clock.deliver.due_soon": {"en": "deliver-by {due} ({hours} h left): check the parcel is moving",
                               "zh": "送达截止 {due}（剩 {hours} 小时）：请确认包裹在运输中"},
    "clock.deliver.late": {"en": "deliver-by {due} passed {hours} h ago: this order counts as not delivered on time",
                           "zh": "送达截止 {due} 已过 {hours} 小时：该订单将计入未按时送达"},
    "clock.deliver.done": {"en": "delivered", "zh": "已送达"},
    "clock.cancel_request.ok": {"en": "answer the cancellation request by {due}", "zh": "请在 {due} 前处理取消申请"},
    "clock.cancel_request.due_soon": {
        "en": "answer the cancellation request by {due} ({hours} h left), or TikTok settles it",
        "zh": "请在 {due} 前处理取消申请（剩 {hours} 小时），否则由 TikTok 自动处理"},
    "clock.cancel_request.late": {
        "en": "the cancellation request was due at {due} ({hours} h ago): check whether TikTok cancelled the order",
        "zh": "取消申请已于 {due} 到期（{hours} 小时前）：请检查订单是否已被 TikTok 取消"},
    "clock.cancel_request.done": {"en": "cancellation request answered", "zh": "已处理取消申请"},
    # --- Home sheet and watch -------------------------------------------------------------------------------------
    "clock.counts": {"en": "{clock}: {late} late, {due_soon} due soon, {ok} ok",
                     "zh": "{clock}：超时 {late}，即将到期 {due_soon}，正常 {ok}"},
    "clock.unscanned": {
        "en": "order {order_id}: tracking {tracking_id} uploaded {hours} h ago and still not scanned by the "
              "carrier (status {status}): ask {carrier} to collect it",
        "zh": "订单 {order_id}：单号 {tracking_id} 已上传 {hours} 小时，承运商仍未扫描（状态：{status}）：请联系"
              "{carrier} 揽收"},
    "clock.unscanned_none": {"en": "No uploaded tracking is waiting for a carrier scan.",
                             "zh": "没有等待承运商扫描的已上传单号。"},
    "clock.unscanned_count": {
        "en": "Uploaded but not scanned by the carrier: {n} (orders on the Unscanned sheet)",
        "zh": "已上传但承运商未扫描：{n} 个订单（见 Unscanned 工作表）"},
    "clock.all": {"en": "Orders", "zh": "订单"},
    "clock.no_market": {
        "en": "{n} order lines have no market (no Country, no Market on the Settings sheet): their dispatch, "
              "auto-cancel and deliver-by times are not shown. Set Market on the Settings sheet.",
        "zh": "{n} 个订单行无法确定站点（无 Country，Settings 工作表也未填 Market）：不显示其发货、自动取消和送达时间。"
              "请在 Settings 工作表填写 Market。"},
    "clock.sla_upgraded": {
        "en": "SLA sheet brought up to date: {changes} (earlier tkops defaults that promised more time than TikTok "
              "gives; docs/sla.md says why)",
        "zh": "SLA 工作表已更新：{changes}（旧版 tkops 的默认值比 TikTok 给的时间更宽松；原因见 docs/sla.md）"},
    "clock.sla_added": {"en": "new settings {names}", "zh": "新增设置 {names}"},
    "clock.all_ok": {"en": "No order is late or due soon ({ok} on time, {done} done).",
                     "zh": "没有超时或即将到期的订单（正常 {ok}，已完成 {done}）。"},
    # --- KPIs -------------------------------------------------------------------------------------------------------
    "clock.kpi.title": {"en": "KPIs of the orders paid from {start} up to {end} (not included):",
                        "zh": "KPI（付款时间 {start} 起至 {end} 前）："},
    "clock.kpi.orders": {"en": "Paid orders", "zh": "已付款订单"},
    "clock.kpi.reviewed": {"en": "Orders with a review time", "zh": "有审单时间的订单"},
    "clock.kpi.reviewed_on_time": {"en": "Reviewed within {hours} h of payment", "zh": "付款后 {hours} 小时内审单"},
    "clock.kpi.review_missed": {"en": "Never reviewed, review overdue (missed)", "zh": "逾期未审单（计为未按时）"},
    "clock.kpi.review_share": {"en": "Share reviewed on time", "zh": "按时审单比例"},
    "clock.kpi.to_dispatch": {"en": "Orders due for dispatch", "zh": "应发货订单"},
    "clock.kpi.dispatched": {"en": "Orders dispatched", "zh": "已发货订单"},
    "clock.kpi.dispatched_on_time": {"en": "Dispatched within the deadline", "zh": "在截止时间内发货"},
    "clock.kpi.dispatch_share": {"en": "Share dispatched on time", "zh": "按时发货比例"},
    "clock.kpi.late_dispatched": {"en": "Dispatched late", "zh": "延迟发货"},
    "clock.kpi.late_open": {"en": "Past the deadline, not yet dispatched", "zh": "已过截止时间仍未发货"},
    "clock.kpi.ldr": {"en": "Estimated late-dispatch rate (LDR)", "zh": "预估延迟发货率（LDR）"},
    "clock.kpi.cancelled": {"en": "Cancelled before dispatch", "zh": "发货前取消"},
    "clock.kpi.sep": {"en": ", ", "zh": "，"},
    "clock.kpi.excluded.review": {"en": "Left out of the review share: {n} ({why})",
                                  "zh": "未计入按时审单比例：{n}（{why}）"},
    "clock.kpi.excluded.dispatch": {"en": "Left out of the dispatch share: {n} ({why})",
                                    "zh": "未计入按时发货比例：{n}（{why}）"},
    "clock.kpi.excluded.review.untimed": {"en": "{n} reviewed without a Reviewed At time",
                                          "zh": "{n} 个已审单但无审单时间"},
    "clock.kpi.excluded.review.not_due": {"en": "{n} not reviewed, review not due yet", "zh": "{n} 个未审单且未到期"},
    "clock.kpi.excluded.review.cancelled": {"en": "{n} cancelled before the review was due",
                                            "zh": "{n} 个在审单到期前取消"},
    "clock.kpi.excluded.review.fbt": {"en": "{n} fulfilled by TikTok", "zh": "{n} 个由 TikTok 履约"},
    "clock.kpi.excluded.dispatch.untimed": {"en": "{n} dispatched without an RTS or Shipped Time",
                                            "zh": "{n} 个已发货但无 RTS 或发货时间"},
    "clock.kpi.excluded.dispatch.not_due": {"en": "{n} not dispatched, deadline not passed yet",
                                            "zh": "{n} 个未发货且未过截止时间"},
    "clock.kpi.excluded.dispatch.cancelled": {"en": "{n} cancelled before dispatch", "zh": "{n} 个发货前取消"},
    "clock.kpi.excluded.dispatch.fbt": {"en": "{n} fulfilled by TikTok, not dispatched yet",
                                        "zh": "{n} 个由 TikTok 履约且尚未发货"},
    # --- SLA and Holidays sheets ------------------------------------------------------------------------------------
    "clock.sla.bad_market": {
        "en": "SLA sheet, row {row}: \"{value}\" is not a market. Use a market code ({known}) or * for all.",
        "zh": "SLA 工作表第 {row} 行：“{value}”不是站点。请填写站点代码（{known}）或 *（全部站点）。"},
    "clock.sla.bad_setting": {
        "en": "SLA sheet, row {row}: \"{value}\" is not an SLA setting. Known settings: {known}.",
        "zh": "SLA 工作表第 {row} 行：“{value}”不是时效设置。已知设置：{known}。"},
    "clock.sla.bad_value": {
        "en": "SLA sheet, row {row}, {market} / {setting}: \"{value}\" is not valid (expected {hint}).",
        "zh": "SLA 工作表第 {row} 行，{market} / {setting}：“{value}”无效（应为 {hint}）。"},
    "clock.sla.bad_holiday": {
        "en": "Holidays sheet, row {row}: {problem}",
        "zh": "Holidays 工作表第 {row} 行：{problem}"},
}

#: Hints and problems used inside the sheet errors (both languages, looked up by key).
HINTS: dict[str, dict[str, str]] = {
    "hours": {"en": "a number of hours such as 2", "zh": "小时数，例如 2"},
    "hours_off": {"en": "a number of hours such as 24, or off", "zh": "小时数，例如 24，或 off"},
    "yesno": {"en": "yes or no", "zh": "yes 或 no"},
    "order_time": {"en": "created or paid", "zh": "created 或 paid"},
    "day_zero": {"en": "order date or next business day", "zh": "order date 或 next business day"},
    "days": {"en": "a whole number of business days such as 2, or off", "zh": "工作日天数（整数，例如 2），或 off"},
    "window": {"en": "a share such as 25% or a number of hours such as 4h", "zh": "比例（例如 25%）或小时数（例如 4h）"},
    "evidence": {"en": "tracking (tracking uploaded) or scan (carrier scan, In Transit)",
                 "zh": "tracking（已上传单号）或 scan（承运商已扫描，运输中）"},
    "time": {"en": "a time of day such as 23:59 or 23:59:59", "zh": "时刻，例如 23:59 或 23:59:59"},
    "zone": {"en": "an IANA time zone such as America/Los_Angeles or a fixed offset such as UTC-8 (several "
                   "separated by ;), or blank",
             "zh": "IANA 时区，例如 America/Los_Angeles，或固定时差，例如 UTC-8（多个用 ; 分隔），或留空"},
    "calendar": {"en": "a country code of the holidays calendar such as US or GB-ENG, or none",
                 "zh": "节假日日历的国家代码，例如 US 或 GB-ENG，或 none"},
    "weekdays": {"en": "working days such as Mon-Fri or Mon-Sat", "zh": "工作日，例如 Mon-Fri 或 Mon-Sat"},
    "holiday_market": {"en": "\"{value}\" is not a market code ({known}) or *",
                       "zh": "“{value}”不是站点代码（{known}）或 *"},
    "holiday_date": {"en": "\"{value}\" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-27",
                     "zh": "“{value}”不是日期；请写成 YYYY-MM-DD，例如 2026-11-27"},
    "holiday_off": {"en": "Day Off \"{value}\" must be yes or no", "zh": "Day Off“{value}”只能是 yes 或 no"},
}


def explain(code: str, lang: str = "en", **params) -> str:
    """The sentence ``code`` in ``lang`` (en or zh; anything else falls back to en), filled with ``params``."""
    template = sentence(CATALOGUE.get(code) or HINTS.get(code), code, lang)
    if template is None:
        return code
    return fill(template, {k: _show(v) for k, v in params.items()}, code)


def state_key(state: str) -> str:
    """The catalogue suffix of a state value ("due soon" -> "due_soon")."""
    return state.replace(" ", "_")


def _show(value) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.1f}"
    return str(value)


class SlaConfigError(ConfigError):
    """An SLA or Holidays sheet problem; renders from this catalogue (also before it is merged into the main one).

    ``hint`` and ``problem`` parameters that are keys of :data:`HINTS` are translated too.
    """

    def render(self, lang: str = "en") -> str:
        if self.code not in CATALOGUE:
            return super().render(lang)
        params = dict(self.params)
        for key in ("hint", "problem"):
            if params.get(key) in HINTS:
                params[key] = explain(params[key], lang, **params)
        return explain(self.code, lang, **params)
