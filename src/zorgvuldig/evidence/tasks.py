"""Background jobs of the evidence app (huey discovers this module)."""

from .capture.jobs import capture_task

__all__ = ["capture_task"]
