"""Background jobs of the procedure (huey). Run the worker with ``zorgvuldig run_huey``."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .reminders import send_daily_digest, send_reminders


@db_periodic_task(crontab(hour="6", minute="30"))
def daily_reminders() -> dict[str, int]:
    """Every morning (06:30 UTC): deadline reminders, escalations and the daily digest.

    Safe to run more than once a day: every mail is recorded and sent once.
    """
    return {"reminders": send_reminders(), "digests": send_daily_digest()}
