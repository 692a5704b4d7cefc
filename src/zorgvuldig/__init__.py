"""Zorgvuldig: careful handling of public servants' expression online."""

__version__ = "0.1.0"
