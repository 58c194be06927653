"""The date deadlines are judged against: stated, so that a build can be reproduced."""
from __future__ import annotations

import os
from datetime import date, datetime, timezone, timedelta

SITE_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")


def resolve_as_of(configured: str | None = None) -> date:
    """The configured date, else REGISTER_AS_OF, else SOURCE_DATE_EPOCH's day, else today (UTC+7)."""
    value = configured or os.environ.get("REGISTER_AS_OF")
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"as-of date {value!r} is not a date such as 2020-12-31") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), SITE_TZ).date()
    return datetime.now(SITE_TZ).date()
