"""Accounts: officers and leads, their passwords and sign-in throttling (no Flask here)."""
