"""Background jobs of the evidence app (huey discovers this module)."""

from .capture.jobs import capture_task
from .timestamping import timestamp_task

__all__ = ["capture_task", "timestamp_task"]
