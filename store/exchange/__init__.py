"""Data in and out of a book: exports, imports, backups, privacy; free of any UI."""
