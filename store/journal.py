"""The append-only journal: one fsynced line per committed change.

Each line is `<crc32 hex> <json>\\n`, the JSON being {"seq": n, "ops": [[table, id, doc|null]]}.
A torn or unterminated last line (a crash mid-append) is ignored on replay;
a damaged line followed by good ones means real corruption and is refused.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import orjson

from .errors import BookCorrupt
from .files import open_private, write_all

Op = tuple[str, int, dict | None]


def encode_entry(seq: int, ops: list[Op]) -> bytes:
    """One journal line for a committed change."""
    body = orjson.dumps({"seq": seq, "ops": ops})
    return b"%08x %s\n" % (zlib.crc32(body), body)


def _decode_line(line: bytes) -> dict | None:
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        return orjson.loads(body)
    except ValueError:
        return None


def read_entries(path: Path) -> tuple[list[dict], int]:
    """Entries of a journal and the byte length of its valid part."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [], 0
    entries, valid_end, position = [], 0, 0
    lines = data.split(b"\n")
    for index, line in enumerate(lines):
        terminated = index < len(lines) - 1
        if not terminated:
            break
        entry = _decode_line(line)
        if entry is None:
            if any(lines[index + 1:-1]) or lines[-1]:
                raise BookCorrupt(f"the journal {path} is damaged in the middle "
                                  f"(line {index + 1})")
            break
        position += len(line) + 1
        entries.append(entry)
        valid_end = position
    return entries, valid_end


class Journal:
    """The open journal file, appended to by the one writer of a book."""

    def __init__(self, path: Path, valid_length: int):
        self.path = path
        self.fd = open_private(path, os.O_RDWR | os.O_CREAT)
        os.ftruncate(self.fd, valid_length)
        os.lseek(self.fd, 0, os.SEEK_END)
        self.entries = 0
        self.size = valid_length

    def append(self, seq: int, ops: list[Op]) -> None:
        """Write one entry and return once it is on disk."""
        line = encode_entry(seq, ops)
        try:
            write_all(self.fd, line)
            os.fsync(self.fd)
        except BaseException:
            self._cut_back()
            raise
        self.entries += 1
        self.size += len(line)

    def _cut_back(self) -> None:
        """Remove a partly written line so the next append starts clean."""
        try:
            os.ftruncate(self.fd, self.size)
            os.lseek(self.fd, self.size, os.SEEK_SET)
        except OSError:
            pass

    def reset(self) -> None:
        """Empty the journal after its entries were folded into the snapshot."""
        os.ftruncate(self.fd, 0)
        os.lseek(self.fd, 0, os.SEEK_SET)
        os.fsync(self.fd)
        self.entries = 0
        self.size = 0

    def close(self) -> None:
        os.close(self.fd)
