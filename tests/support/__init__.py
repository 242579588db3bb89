"""Helpers for browser tests (Playwright, axe-core) and the session-wide HTML validation plugin."""
