"""Reusable widgets of the Carnet TUI."""
