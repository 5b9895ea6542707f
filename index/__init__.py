"""Stores, embeds and searches chunked council documents."""
