"""Turns a question into a cited, time-aware answer."""
