"""Carnet's screens: one per section or record."""
