"""The packing-slip run's sentences for the team, in English and Chinese, in the format of
:data:`tkops.messages.CATALOGUE` (code -> {"en": ..., "zh": ...} with named placeholders), ready to be merged into it.
"""

from __future__ import annotations

from tkops.message_lookup import fill, sentence

CATALOGUE: dict[str, dict[str, str]] = {
    "slips.done": {"en": "{slips} {slips|packing slip|packing slips} for {orders} {orders|order|orders} ({scope}), "
                         "in pick order.",
                   "zh": "已生成 {slips} 张装箱单，共 {orders} 个订单（{scope}），按拣货顺序排列。"},
    "slips.scope.wave": {"en": "wave {waves}", "zh": "第 {waves} 波"},
    "slips.scope.waves": {"en": "waves {waves}", "zh": "第 {waves} 波"},
    "slips.scope.released": {"en": "released orders: no pick wave yet", "zh": "已放行订单：尚未分波"},
    "slips.scope.orders": {"en": "the orders asked for", "zh": "指定的订单"},
    "slips.file.html": {"en": "  Slips (HTML): {path}", "zh": "  装箱单（HTML）：{path}"},
    "slips.file.pdf": {"en": "  Slips (PDF): {path}", "zh": "  装箱单（PDF）：{path}"},
    "slips.file.checklist": {"en": "  Packing checklist: {path}", "zh": "  打包核对单：{path}"},
    "slips.none.waves": {
        "en": "Nothing to print: no order in {scope} is waiting to be packed (not Packed, not cancelled).",
        "zh": "没有需要打印的装箱单：{scope}中没有待打包的订单（未标记 Packed、未取消）。"},
    "slips.none.released": {
        "en": "Nothing to print: no order is in a pick wave or released (Review Status Ready) without being "
              "Packed. Make the pick list first, or mark orders Ready on the Orders sheet.",
        "zh": "没有需要打印的装箱单：没有已分波或已放行（审核状态 Ready）且未打包的订单。请先生成拣货单，或在 Orders 表中把订单标为 Ready。"},
    "slips.none.orders": {"en": "Nothing to print: none of the orders asked for can get a slip.",
                          "zh": "没有需要打印的装箱单：指定的订单都无法生成装箱单。"},
    "slips.held": {
        "en": "No slip, take out of the pile: {orders} (in a pick wave, but Review Status is Hold).",
        "zh": "未生成装箱单，请从拣货堆中取出：{orders}（已分波，但审核状态为 Hold）。"},
    "slips.missing": {"en": "No slip for {orders}: not on the Orders sheet, or cancelled.",
                      "zh": "以下订单未生成装箱单：{orders}（不在 Orders 表中，或已取消）。"},
}


def label(code: str, lang: str = "en", **params) -> str:
    """The text of ``code`` in ``lang`` (en or zh; anything else is English), filled with ``params``."""
    text = sentence(CATALOGUE.get(code), code, lang)
    if text is None:
        return code
    return fill(text, params, code) if params else text
