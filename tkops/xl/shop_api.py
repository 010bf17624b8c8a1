"""The buttons of teams with their own TikTok Shop API app: pull orders, upload tracking, push stock. Each says what
to use instead when the Settings sheet names no API App Key (most teams have none)."""

from __future__ import annotations

from tkops.book.live import LiveBook
from tkops.errors import ConfigError
from tkops.messages import render
from tkops.settings import Settings
from tkops.xl.press import press


def pull(book=None) -> None:
    """Button "Pull from TikTok": the same as ``tkops pull``; without an API app it says to import exports."""
    from tkops.jobs.pull import run_pull

    def job(book, live: LiveBook, settings: Settings) -> list[str]:
        _needs_app(settings, "button.needs_api_app", "task_pull")
        return run_pull(live, settings).lines(settings.lang)

    press(book, "task_pull", job)


def upload_tracking(book=None) -> None:
    """Button "Upload tracking": the same as ``tkops push-tracking``; without an API app it says to use Ship."""
    from tkops.jobs.push import run_push_tracking

    def job(book, live: LiveBook, settings: Settings) -> list[str]:
        _needs_app(settings, "button.needs_api_app_ship", "task_push")
        return run_push_tracking(live, settings).lines(settings.lang)

    press(book, "task_push", job)


def push_stock(book=None) -> None:
    """Button "Push stock": the same as ``tkops push-stock``: each Inventory SKU's available quantity sent to TikTok
    Shop and the results written on the StockPush sheet; without an API app it says how stock is kept in Seller
    Center instead."""
    from tkops.jobs.push_stock import run_push_stock

    def job(book, live: LiveBook, settings: Settings) -> list[str]:
        _needs_app(settings, "button.needs_api_app_stock", "task_push_stock")
        return run_push_stock(live, settings).lines(settings.lang)

    press(book, "task_push_stock", job)


def _needs_app(settings: Settings, message: str, task: str) -> None:
    if not settings.api_app_key.strip():
        raise ConfigError(message, task=render(task, settings.lang))
