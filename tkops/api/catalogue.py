"""The Open API client's sentences for the team, in English and Chinese, in the format of
:data:`tkops.messages.CATALOGUE` (code -> {"en": ..., "zh": ...} with named placeholders).

Every API error names the call (``{path}``, never its query string), the API's code and message, and what to do.
"""

from __future__ import annotations

from typing import Any

from tkops.message_lookup import fill, sentence

_API = _API_ZH = "{api}"  # the API's own code, message and request id, filled in by render() when known
#: How the API's code, message and request id read, per language (request id only when TikTok sent one).
_DETAIL = {"en": (" (TikTok code {api_code}: {api_message}", "; request {request_id}", ")"),
           "zh": ("（TikTok 错误码 {api_code}：{api_message}", "；请求 {request_id}", "）")}

CATALOGUE: dict[str, dict[str, str]] = {
    "api.error": {
        "en": "TikTok Shop refused {path}" + _API + ". Check the request and try again; if it persists, send the "
              "request id to TikTok Partner support.",
        "zh": "TikTok Shop 拒绝了 {path}" + _API_ZH + "。请检查后重试；如持续出现，请把请求编号发给 TikTok 开发者支持。"},
    "api.invalid_sign": {
        "en": "TikTok Shop rejected the signature of {path}" + _API + ": the app secret does not belong to the API "
              "App Key in Settings. Copy the app secret again from Partner Center (App & Service > your app) into "
              "the keyring or TKOPS_APP_SECRET, and check API App Key.",
        "zh": "TikTok Shop 拒绝了 {path} 的签名" + _API_ZH + "：App Secret 与 Settings 中的 API App Key 不匹配。请从 Partner "
              "Center（应用与服务 > 你的应用）重新复制 App Secret 到系统钥匙串或环境变量 TKOPS_APP_SECRET，并检查 API App Key。"},
    "api.missing_scope": {
        "en": "The app is not allowed to call {path}" + _API + ". In Partner Center, add the missing permission "
              "(scope) to the app, then authorise the shop again so the new token carries it.",
        "zh": "该应用无权调用 {path}" + _API_ZH + "。请在 Partner Center 为应用添加缺少的权限（scope），然后重新授权店铺，使新令牌包含该权限。"},
    "api.missing_shop_cipher": {
        "en": "{path} needs the shop (shop_cipher) but none was sent" + _API + ". Set API Shop in Settings to the "
              "shop's name as TikTok shows it.",
        "zh": "{path} 需要店铺参数（shop_cipher），但未发送" + _API_ZH + "。请在 Settings 中把 API Shop 设为 TikTok 显示的店铺名称。"},
    "api.token_shop_mismatch": {
        "en": "The access token does not belong to this shop or app" + _API + ". Check API App Key and API Shop in "
              "Settings, or authorise the shop again.",
        "zh": "访问令牌不属于该店铺或应用" + _API_ZH + "。请检查 Settings 中的 API App Key 和 API Shop，或重新授权店铺。"},
    "api.request_rejected": {
        "en": "TikTok Shop rejected {path}" + _API + ". Check API App Key and API Shop in Settings; if the message is "
              "about the access token, authorise the shop again.",
        "zh": "TikTok Shop 拒绝了 {path}" + _API_ZH + "。请检查 Settings 中的 API App Key 和 API Shop；如提示与访问令牌有关，请重新授权店铺。"},
    "api.clock_skew": {
        "en": "TikTok Shop rejected the time of {path}" + _API + ": requests must be stamped within 5 minutes of "
              "TikTok's clock. Set this computer's clock to the correct time (automatic time on), then try again.",
        "zh": "TikTok Shop 拒绝了 {path} 的时间戳" + _API_ZH + "：请求时间须与 TikTok 时钟相差 5 分钟以内。请校准本机时间（开启自动设置时间）后重试。"},
    "api.ip_not_allowed": {
        "en": "This computer's IP address is not on the app's allow-list" + _API + ". Add it in Partner Center "
              "(app settings > IP allow-list), or run tkops from an allowed computer.",
        "zh": "本机 IP 地址不在应用的白名单中" + _API_ZH + "。请在 Partner Center（应用设置 > IP 白名单）中添加，或在允许的电脑上运行。"},
    "api.invalid_version": {
        "en": "TikTok Shop no longer serves {path}" + _API + ". Update tkops.",
        "zh": "TikTok Shop 已不再提供 {path}" + _API_ZH + "。请更新 tkops。"},
    "api.token_expired": {
        "en": "The access token is still refused as expired after renewing it" + _API + ". Authorise the shop again "
              "(Partner Center > authorisation link) and run the API setup.",
        "zh": "访问令牌续期后仍被判定为过期" + _API_ZH + "。请重新授权店铺（Partner Center 授权链接）并重新运行 API 设置。"},
    "api.rate_limited": {
        "en": "TikTok Shop kept answering \"too many requests\" for {path} after {retries} "
              "{retries|retry|retries}" + _API + ". Wait a "
              "few minutes and run again (other tools using the same app share the limit).",
        "zh": "重试 {retries} 次后，TikTok Shop 仍对 {path} 返回“请求过多”" + _API_ZH + "。请等几分钟再运行（使用同一应用的其他工具共享该限额）。"},
    "api.server_busy": {
        "en": "TikTok Shop was busy or failed for {path} after {retries} {retries|retry|retries} (HTTP "
              "{http_status})" + _API + ". Run again later; nothing was written.",
        "zh": "重试 {retries} 次后，TikTok Shop 处理 {path} 时仍繁忙或出错（HTTP {http_status}）" + _API_ZH + "。请稍后再运行；未写入任何内容。"},
    "api.timeout": {
        "en": "TikTok Shop did not answer {path} within {seconds} {seconds|second|seconds}, {retries} "
              "{retries|retry|retries}. Check the internet connection (or proxy) and run again; nothing was written.",
        "zh": "TikTok Shop 在 {seconds} 秒内未响应 {path}，已重试 {retries} 次。请检查网络连接（或代理）后重新运行；未写入任何内容。"},
    "api.unreachable": {
        "en": "Cannot reach TikTok Shop for {path} ({detail}) after {retries} {retries|retry|retries}. Check the "
              "internet connection, proxy or firewall, and run again.",
        "zh": "重试 {retries} 次后仍无法连接 TikTok Shop（{path}，{detail}）。请检查网络、代理或防火墙后重新运行。"},
    "api.outcome_unknown": {
        "en": "The connection broke during {path} ({detail}, limit {seconds} s) after TikTok Shop may have received "
              "it, so it was not sent again. Check the order in Seller Center (or pull the orders again) before "
              "uploading it again.",
        "zh": "{path} 执行中连接中断（{detail}，时限 {seconds} 秒），TikTok Shop 可能已收到该请求，因此未重发。请先在 "
              "Seller Center 查看该订单（或重新拉取订单），再决定是否重新上传。"},
    "api.bad_response": {
        "en": "TikTok Shop answered {path} with something that is not an API answer (HTTP {http_status}). A proxy or "
              "firewall may be in the way; run again later.",
        "zh": "TikTok Shop 对 {path} 的响应不是有效的 API 结果（HTTP {http_status}）。可能被代理或防火墙拦截；请稍后重试。"},
    "api.token_refused": {
        "en": "TikTok's authorisation server refused the token request" + _API + ". Authorise the shop again: open "
              "the app's authorisation link, and use the new code within 30 minutes (a code works once).",
        "zh": "TikTok 授权服务器拒绝了令牌请求" + _API_ZH + "。请重新授权店铺：打开应用的授权链接，并在 30 分钟内使用新的授权码（授权码只能使用一次）。"},
    "api.reauthorize": {
        "en": "The shop's authorisation for app key {app_key} has expired or was never completed ({reason}). Open the "
              "app's authorisation link, then run the API setup with the new code.",
        "zh": "应用 {app_key} 对店铺的授权已过期或未完成（{reason}）。请打开应用的授权链接，并用新的授权码重新运行 API 设置。"},
    "api.shop_not_found": {
        "en": "API Shop \"{shop}\" does not name exactly one of the shops this token may use: {shops}. Set API Shop "
              "in Settings to one of these names or codes (or authorise that shop).",
        "zh": "API Shop“{shop}”没有唯一对应该令牌可用的店铺：{shops}。请在 Settings 中把 API Shop 设为其中一个名称或代码（或授权该店铺）。"},
    "api.paging_loop": {
        "en": "TikTok Shop returned the same page again for {path}; stopped to avoid an endless loop. Run again "
              "later; nothing was written.",
        "zh": "TikTok Shop 对 {path} 重复返回同一页；为避免死循环已停止。请稍后再运行；未写入任何内容。"},
    "api.fulfilment": {
        "en": "TikTok Shop refused the shipment" + _API + ". Check the order in Seller Center.",
        "zh": "TikTok Shop 拒绝了发货" + _API_ZH + "。请在 Seller Center 查看该订单。"},
    "api.invalid_tracking": {
        "en": "TikTok Shop refused the tracking number for this carrier" + _API + ". Check the number on the label "
              "and the Shipping Provider; correct the row and upload again.",
        "zh": "TikTok Shop 认为该物流单号与承运商不符" + _API_ZH + "。请核对面单上的单号和承运商（Shipping Provider），更正后重新上传。"},
    "api.duplicate_tracking": {
        "en": "TikTok Shop says this tracking number is already used" + _API + ". Each package needs its own number: "
              "check for a copy-paste slip, correct the row and upload again.",
        "zh": "TikTok Shop 提示该物流单号已被使用" + _API_ZH + "。每个包裹须有自己的单号：请检查是否复制粘贴错误，更正后重新上传。"},
    "api.already_shipped": {
        "en": "The package is already shipped" + _API + ". Nothing to upload; to fix a wrong number, use the tracking "
              "update in Seller Center.",
        "zh": "该包裹已发货" + _API_ZH + "。无需上传；如单号有误，请在 Seller Center 修改物流信息。"},
    "api.order_cancelled": {
        "en": "The order is cancelled" + _API + ". Do not ship it; take the parcel back from the outgoing shelf.",
        "zh": "该订单已取消" + _API_ZH + "。请勿发货，把包裹从待发区取回。"},
    "api.after_sale_pending": {
        "en": "The package has an open after-sales request" + _API + ". Handle the request in Seller Center first.",
        "zh": "该包裹有未处理的售后申请" + _API_ZH + "。请先在 Seller Center 处理该申请。"},
    "api.tracking_update_limit": {
        "en": "The tracking number can no longer be changed" + _API + ". Contact TikTok Shop seller support.",
        "zh": "该物流单号已不能再修改" + _API_ZH + "。请联系 TikTok Shop 卖家支持。"},
    "api.secret_missing": {
        "en": "The {kind} for app key {app_key}, shop \"{shop}\" is not set. Run the API setup (it keeps secrets in "
              "the system keyring), or set the environment variable {variable}.",
        "zh": "未设置应用 {app_key}、店铺“{shop}”的 {kind}。请运行 API 设置（密钥保存在系统钥匙串中），或设置环境变量 {variable}。"},
    "api.keyring_unavailable": {
        "en": "No system keyring is available on this computer ({detail}). Set the environment variables "
              "{variables} instead.",
        "zh": "本机没有可用的系统钥匙串（{detail}）。请改为设置环境变量 {variables}。"},
    "api.keyring_cannot_store": {
        "en": "No system keyring is available on this computer ({detail}), so tkops cannot keep the tokens; the "
              "authorisation code was not used. Run the API setup on a computer with a keyring (Windows Credential "
              "Manager, macOS Keychain, Secret Service), or set the environment variables {variables}.",
        "zh": "本机没有可用的系统钥匙串（{detail}），tkops 无法保存令牌；授权码尚未使用。请在有钥匙串的电脑上（Windows 凭据"
              "管理器、macOS 钥匙串、Secret Service）运行 API 设置，或设置环境变量 {variables}。"},
    "api.tokens_not_kept": {
        "en": "The renewed tokens could not be saved ({detail}); they are used for this run only. Update "
              "{variables} or set up a system keyring.",
        "zh": "续期后的令牌无法保存（{detail}），仅在本次运行中使用。请更新 {variables}，或配置系统钥匙串。"},
    # --- tracking upload through the API (tkops.jobs.push) ------------------------------------------------------
    "api.push.accepted": {"en": "accepted {when}", "zh": "已接受 {when}"},
    "api.push.already_there": {
        "en": "accepted {when} (TikTok Shop already had this tracking number)",
        "zh": "已接受 {when}（TikTok Shop 上已有该物流单号）"},
    "api.push.no_provider": {
        "en": "not sent: TikTok Shop offers no shipping provider \"{provider}\" for this order's delivery option. "
              "Use one of: {names} (or a Carriers sheet name with the same courier codes as one of them).",
        "zh": "未发送：该订单的配送方式下，TikTok Shop 没有名为“{provider}”的承运商。请使用其中之一：{names}（或在 Carriers 表中使用与其承运商代码相同的名称）。"},
    "api.push.no_order": {
        "en": "not sent: TikTok Shop did not return this order (another shop's order, or not paid yet?). Check "
              "API Shop in Settings and the order in Seller Center.",
        "zh": "未发送：TikTok Shop 未返回该订单（属于其他店铺或尚未付款？）。请检查 Settings 中的 API Shop 并在 Seller Center 查看该订单。"},
    "api.push.no_option": {
        "en": "not sent: TikTok Shop gave no delivery option for this order, so its shipping providers are unknown. "
              "Upload it with the Seller Center file (tkops ship).",
        "zh": "未发送：TikTok Shop 未给出该订单的配送方式，无法确定承运商。请用 Seller Center 上传文件（tkops ship）上传。"},
    "api.push.no_items": {
        "en": "not sent: TikTok Shop's order has none of these rows' SKU IDs. Check the SKU ID on the rows, or upload "
              "it with the Seller Center file (tkops ship).",
        "zh": "未发送：TikTok Shop 的该订单中没有这些行的 SKU ID。请核对 SKU ID，或用 Seller Center 上传文件（tkops ship）上传。"},
    "api.push.split_market": {
        "en": "not sent: these lines are only part of a package, and the API ships part of an order only in US, UK, "
              "ES, IE, IT, DE, FR and JP (this order: {market}). Upload it with the Seller Center file (tkops ship).",
        "zh": "未发送：这些行只是包裹的一部分，而 API 仅在 US、UK、ES、IE、IT、DE、FR、JP 支持部分发货（该订单：{market}）。"
              "请用 Seller Center 上传文件（tkops ship）上传。"},
    "api.push.summary": {
        "en": "Tracking upload: {accepted} line(s) accepted, {refused} refused, {unmatched} with an unknown shipping "
              "provider, {unknown} with an unknown outcome, {held} held back by the checks.",
        "zh": "物流单号上传：{accepted} 行已接受，{refused} 行被拒，{unmatched} 行承运商无法匹配，{unknown} 行结果未知，{held} 行未通过检查。"},
    "api.push.stopped": {
        "en": "Stopped before the end: {reason} The results so far are saved; run again to upload the rest.",
        "zh": "未全部完成即停止：{reason} 已保存目前的结果；请再次运行以上传其余部分。"},
    "api.push.documents": {
        "en": "Shipping documents: {saved} PDF(s) saved in {folder}.",
        "zh": "面单/装箱单：已保存 {saved} 个 PDF 到 {folder}。"},
    "api.push.document_failed": {
        "en": "Order {order}, package {package}: {document} not saved: {reason}",
        "zh": "订单 {order}，包裹 {package}：{document} 未保存：{reason}"},
    "api.push.not_pdf": {
        "en": "TikTok Shop's file is not a PDF; download it in Seller Center.",
        "zh": "TikTok Shop 返回的文件不是 PDF；请在 Seller Center 下载。"},
    "api.push.no_url": {
        "en": "TikTok Shop gave no document link (is the package shipped with TikTok Shipping?).",
        "zh": "TikTok Shop 未给出文件链接（该包裹是否使用 TikTok Shipping 发货？）。"},
    "api.pull.no_app_key": {
        "en": "Setting \"API App Key\" is empty: pulling from TikTok Shop needs the App Key of your TikTok Shop API "
              "app (Partner Center > App & Service). Fill it in on the Settings sheet, run the API setup once, and "
              "pull again.",
        "zh": "设置“API App Key”为空：从 TikTok Shop 拉取需要 TikTok Shop API 应用的 App Key（Partner Center > 应用与服务）。"
              "请在 Settings 表中填写，完成一次 API 设置后重新拉取。"},
    "api.pull.bad_days": {
        "en": "Cannot pull the last {days} {days|day|days}: give a whole number of days, 1 or more.",
        "zh": "无法拉取最近 {days} 天：天数须为 1 或以上的整数。"},
    "api.pull.window": {
        "en": "Pulled from TikTok Shop: changes from {since} to {until} ({zone}).",
        "zh": "已从 TikTok Shop 拉取：{since} 至 {until}（{zone}）之间的变动。"},
    "api.pull.orders": {
        "en": "Orders: {orders} updated {orders|order|orders}, {lines} {lines|line|lines}: {new} new, {updated} "
              "updated, {unchanged} unchanged.",
        "zh": "订单：{orders} 个有变动的订单，{lines} 行：新增 {new}，更新 {updated}，未变 {unchanged}。"},
    "api.pull.cases": {
        "en": "After-sales: {returns} {returns|return|returns} and {cancellations} "
              "{cancellations|cancellation|cancellations}: {new} new {new|case|cases}, {updated} updated.",
        "zh": "售后：{returns} 个退货退款、{cancellations} 个取消：新增 {new} 个案例，更新 {updated} 个。"},
}


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def api_detail(lang: str, params: dict[str, Any]) -> str:
    """" (TikTok code …: message; request …)" in ``lang`` from an error's params, or "" without an API code."""
    if params.get("api_code") in (None, ""):
        return ""
    head, request, tail = _DETAIL.get(lang, _DETAIL["en"])
    text = head + (request if params.get("request_id") else "") + tail
    return fill(text, _Blank(params), "api.detail")


def render(code: str, lang: str = "en", **params: Any) -> str:
    """The sentence ``code`` in ``lang`` (en or zh; else en), filled in; unknown codes go to tkops.messages."""
    entry = CATALOGUE.get(code)
    if entry is None:
        from tkops.messages import render as render_message

        return render_message(code, lang, **params)
    template = sentence(entry, code, lang)
    values = _Blank({k: "" if v is None else v for k, v in params.items()})
    values["api"] = api_detail(lang if lang in _DETAIL else "en", values)
    return fill(template, values, code)
