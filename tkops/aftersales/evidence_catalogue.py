"""The dispute evidence pack's sentences and labels, in English and Chinese, in the format of
:data:`tkops.messages.CATALOGUE` (code -> {"en": ..., "zh": ...} with named placeholders), ready to be merged into
it; and :class:`EvidenceError`, which renders from here until then.
"""

from __future__ import annotations

from tkops.errors import DataError
from tkops.message_lookup import fill, sentence

CATALOGUE: dict[str, dict[str, str]] = {
    # --- errors -----------------------------------------------------------------------------------------------------
    "evidence.no_root": {
        "en": "The evidence folder {root} does not exist. Create it, with one folder per case named after the Case "
              "ID (e.g. \"{example}\"), or set Evidence Folder on the Settings sheet (or pass --folder).",
        "zh": "证据文件夹 {root} 不存在。请创建该文件夹，并在其中为每个案例建一个以 Case ID 命名的子文件夹（例如"
              "“{example}”），或在 Settings 工作表中设置 Evidence Folder（或使用 --folder）。"},
    "evidence.no_folder": {
        "en": "No evidence folder for case {case}: expected {folder}. Create a folder named after the Case ID in "
              "{root} (more words may follow the ID, e.g. \"{case} wrong colour\"), put the chat screenshots, "
              "tracking proof and photos in it, and run again.",
        "zh": "案例 {case} 没有证据文件夹：应为 {folder}。请在 {root} 中新建以 Case ID 命名的文件夹（ID 后可加说明，例如"
              "“{case} 颜色不对”），放入聊天截图、物流证明和照片，然后重试。"},
    "evidence.linked_folder": {
        "en": "The evidence folder of case {case} ({folder}) is a link to another place. tkops packs only files that "
              "really are in the case's folder: move the files into a normal folder there and run again.",
        "zh": "案例 {case} 的证据文件夹（{folder}）是指向别处的链接。tkops 只打包确实位于案例文件夹中的文件：请把文件移到该处的普通文件夹中，然后重试。"},
    "evidence.ambiguous_folder": {
        "en": "Several folders in {root} belong to case {case}: {folders}. Move the files into one of them and "
              "delete the others, then run again.",
        "zh": "{root} 中有多个文件夹属于案例 {case}：{folders}。请把文件合并到其中一个文件夹并删除其余的，然后重试。"},
    "evidence.bad_case_id": {
        "en": "\"{case}\" cannot be a Case ID for a folder name (letters, digits, - and _ only). Check the Case ID.",
        "zh": "“{case}”不能作为文件夹名的 Case ID（只能包含字母、数字、- 和 _）。请检查 Case ID。"},
    "evidence.no_sheet": {
        "en": "{book} has no AfterSales sheet, so case {case} cannot be found. Import the Return/Refund export first.",
        "zh": "{book} 没有 AfterSales 工作表，无法找到案例 {case}。请先导入退货/退款导出文件。"},
    "evidence.no_case": {
        "en": "Case {case} is not on the AfterSales sheet of {book} (column \"Case ID\"). Check the ID, or import "
              "the latest Return/Refund export.",
        "zh": "{book} 的 AfterSales 工作表（“Case ID”列）中没有案例 {case}。请检查 ID，或导入最新的退货/退款导出文件。"},
    "evidence.unreadable": {
        "en": "{file} cannot be read ({detail}). Close it if another program has it open, and run again; nothing "
              "was written.",
        "zh": "无法读取 {file}（{detail}）。如果其他程序正打开该文件，请关闭后重试；未写入任何文件。"},
    "evidence.write_failed": {
        "en": "The evidence pack could not be written to {folder} ({detail}). Nothing was left there; free some "
              "space or choose another folder with --out, and run again.",
        "zh": "无法在 {folder} 中写入证据包（{detail}）。未留下任何文件；请腾出空间或用 --out 选择其他文件夹，然后重试。"},
    # --- the run's summary --------------------------------------------------------------------------------------------
    "evidence.done": {"en": "Evidence pack for case {case}: {files} {files|file|files} from {folder}.",
                      "zh": "案例 {case} 的证据包：来自 {folder} 的 {files} 个文件。"},
    "evidence.file.zip": {"en": "  Archive: {path}", "zh": "  压缩包：{path}"},
    "evidence.file.pdf": {"en": "  Index (PDF): {path}", "zh": "  索引（PDF）：{path}"},
    "evidence.missing": {"en": "Still missing (required): {items}", "zh": "仍缺少（必需）：{items}"},
    "evidence.complete": {"en": "Every required item has a file.", "zh": "所有必需项都已有文件。"},
    "evidence.unmatched": {
        "en": "{n} {n|file matches|files match} no checklist item by name; put a keyword in {n|its|their} name "
              "(see the index).",
        "zh": "{n} 个文件的名称未对应任何清单项；请在文件名中加入关键词（见索引）。"},
    "evidence.skipped": {"en": "Left out (lock, temporary or hidden files): {files}",
                         "zh": "已跳过（锁定、临时或隐藏文件）：{files}"},
    "evidence.deadline": {"en": "Appeal by {when} ({days} {days|day|days} after Opened; check it in Seller Center).",
                          "zh": "申诉截止：{when}（开启后 {days} 天；请在 Seller Center 核实）。"},
    "evidence.deadline_passed": {"en": "The appeal deadline {when} has passed; check Seller Center before appealing.",
                                 "zh": "申诉截止时间 {when} 已过；申诉前请在 Seller Center 核实。"},
    "evidence.no_opened": {"en": "No Opened date: the appeal deadline is unknown.",
                           "zh": "没有开启时间（Opened），无法计算申诉截止时间。"},
    # --- the index (HTML and PDF) ---------------------------------------------------------------------------------
    "evidence.t.title": {"en": "Evidence pack: case {case}", "zh": "证据包：案例 {case}"},
    "evidence.t.order": {"en": "Order ID", "zh": "订单号"},
    "evidence.t.case_type": {"en": "Case type", "zh": "案例类型"},
    "evidence.t.reason": {"en": "Reason", "zh": "原因"},
    "evidence.t.skus": {"en": "Seller SKU", "zh": "商家 SKU"},
    "evidence.t.opened": {"en": "Opened", "zh": "开启时间"},
    "evidence.t.due": {"en": "Platform acts on its own", "zh": "平台自动处理时间"},
    "evidence.t.appeal": {"en": "Appeal deadline", "zh": "申诉截止"},
    "evidence.t.appeal_note": {
        "en": "Opened + {days} {days|day|days} (Settings: Appeal Days), counted from Opened to be safe; Seller "
              "Center shows the real deadline.",
        "zh": "开启时间 + {days} 天（Settings：Appeal Days），为稳妥起见从开启时间起算；实际截止时间以 Seller Center 为准。"},
    "evidence.t.folder": {"en": "Folder", "zh": "文件夹"},
    "evidence.t.made": {"en": "Made", "zh": "生成时间"},
    "evidence.t.checklist": {"en": "Checklist", "zh": "证据清单"},
    "evidence.t.item": {"en": "Item", "zh": "项目"},
    "evidence.t.why": {"en": "Why", "zh": "原因"},
    "evidence.t.required": {"en": "required", "zh": "必需"},
    "evidence.t.optional": {"en": "optional", "zh": "可选"},
    "evidence.t.covered": {"en": "covered", "zh": "已有"},
    "evidence.t.missing": {"en": "MISSING", "zh": "缺少"},
    "evidence.t.not_yet": {"en": "none yet", "zh": "暂无"},
    "evidence.t.name_with": {"en": "name files with: {words}", "zh": "文件名可包含：{words}"},
    "evidence.t.files": {"en": "Files ({n}, {size})", "zh": "文件（{n} 个，{size}）"},
    "evidence.t.file": {"en": "File", "zh": "文件"},
    "evidence.t.size": {"en": "Size", "zh": "大小"},
    "evidence.t.kind": {"en": "Type", "zh": "类型"},
    "evidence.t.modified": {"en": "Modified", "zh": "修改时间"},
    "evidence.t.covers": {"en": "Probably covers", "zh": "可能对应"},
    "evidence.t.no_item": {"en": "no item (rename with a keyword)", "zh": "无对应项（请在文件名中加关键词）"},
    "evidence.t.no_files": {"en": "The folder holds no files yet.", "zh": "文件夹中还没有文件。"},
    "evidence.t.skipped": {"en": "Left out (lock, temporary or hidden files)", "zh": "已跳过（锁定、临时或隐藏文件）"},
    "evidence.t.hash_note": {
        "en": "SHA-256 fingerprints show the files were not changed after this pack was made.",
        "zh": "SHA-256 指纹可证明文件在生成证据包后未被修改。"},
}


def label(code: str, lang: str = "en", **params) -> str:
    """The text of ``code`` in ``lang`` (en or zh; anything else is English), filled with ``params``."""
    text = sentence(CATALOGUE.get(code), code, lang)
    if text is None:
        return code
    return fill(text, {k: str(v) for k, v in params.items()}, code) if params else text


class EvidenceError(DataError):
    """A problem making an evidence pack (no folder, no case, an unreadable file, a failed write)."""

    def render(self, lang: str = "en") -> str:
        if self.code in CATALOGUE:
            return label(self.code, lang, **self.params)
        return super().render(lang)
