"""Stored sessions: owner rules and versioned saves (no Flask here)."""
