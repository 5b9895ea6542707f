"""Streamlit chat page (placeholder)."""
