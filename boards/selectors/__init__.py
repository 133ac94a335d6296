"""The boards app's selectors, one module per area."""

from .core import board_summary

__all__ = ["board_summary"]
