"""Shared fixtures for the cross-app tests."""
