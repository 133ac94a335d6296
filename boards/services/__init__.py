"""The boards app's services, one module per area."""

from .core import board_update, meeting_create

__all__ = ["board_update", "meeting_create"]
