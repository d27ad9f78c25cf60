"""The append-only journal: one fsynced line per committed change.

Each line is `<crc32 hex> <json>\\n`. The first line names the snapshot the journal
extends, {"extends": id, "journal": id}; then each change is {"seq": n, "ops":
[[table, id, doc|null]]}, seq following the snapshot's one by one. A torn,
unterminated last line (a crash mid-append) is ignored on replay; a complete line
that fails its checksum or is not a well-formed entry means damage and is refused.
Journals written before the first line existed are read as extending any snapshot.
"""

from __future__ import annotations

import fcntl
import os
import zlib
from pathlib import Path

from .errors import BookCorrupt, BookLocked
from .files import open_private, write_all
from .i18n import _

Op = tuple[str, int, dict | None]


def new_id() -> str:
    """A random identity for a snapshot or a journal."""
    return os.urandom(8).hex()


def _line(document: dict) -> bytes:
    import orjson

    body = orjson.dumps(document)
    return b"%08x %s\n" % (zlib.crc32(body), body)


def encode_entry(seq: int, ops: list[Op]) -> bytes:
    """One journal line for a committed change."""
    return _line({"seq": seq, "ops": ops})


def encode_header(extends: str | None, journal_id: str) -> bytes:
    """The journal's first line: the snapshot it extends and its own identity."""
    return _line({"extends": extends, "journal": journal_id})


def _decode_line(line: bytes) -> dict | None:
    if len(line) < 10 or line[8:9] != b" ":
        return None
    import orjson

    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        return orjson.loads(body)
    except ValueError:
        return None


def _is_op(op) -> bool:
    return (isinstance(op, list) and len(op) == 3 and isinstance(op[0], str)
            and type(op[1]) is int and (op[2] is None or isinstance(op[2], dict)))


def _is_entry(entry) -> bool:
    return (isinstance(entry, dict) and type(entry.get("seq")) is int
            and isinstance(entry.get("ops"), list) and all(_is_op(op) for op in entry["ops"]))


def _is_header(entry) -> bool:
    return (isinstance(entry, dict) and set(entry) == {"extends", "journal"}
            and isinstance(entry["journal"], str)
            and (entry["extends"] is None or isinstance(entry["extends"], str)))


class JournalContents:
    """What a journal file holds: its first line (if any), its entries, its valid length."""

    def __init__(self, header: dict | None = None, entries: list[dict] | None = None,
                 valid_length: int = 0):
        self.header = header
        self.entries = [] if entries is None else entries
        self.valid_length = valid_length

    @property
    def journal_id(self) -> str | None:
        return self.header["journal"] if self.header else None

    @property
    def extends(self) -> str | None:
        return self.header["extends"] if self.header else None


def parse(data: bytes, path: Path) -> JournalContents:
    """Read a journal's bytes; a torn last line is left out, any other damage refused."""
    contents = JournalContents()
    lines = data.split(b"\n")
    position = 0
    for index, line in enumerate(lines[:-1]):
        entry = _decode_line(line)
        if index == 0 and _is_header(entry):
            contents.header = entry
        elif not _is_entry(entry):
            if index == len(lines) - 2 and not lines[-1]:
                damage = _("the journal {path} is damaged (last line)").format(path=path)
            else:
                damage = _("the journal {path} is damaged (line {line})").format(
                    path=path, line=index + 1)
            raise BookCorrupt(damage)
        else:
            contents.entries.append(entry)
        position += len(line) + 1
        contents.valid_length = position
    return contents


def read_journal(path: Path) -> JournalContents:
    """The journal at `path` (empty if there is none)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return JournalContents()
    return parse(data, path)


def read_entries(path: Path) -> tuple[list[dict], int]:
    """Entries of a journal and the byte length of its valid part."""
    contents = read_journal(path)
    return contents.entries, contents.valid_length


class Journal:
    """The open journal file, appended to by the one writer of a book and locked by it."""

    def __init__(self, path: Path):
        self.path = path
        self.fd = open_private(path, os.O_RDWR | os.O_CREAT)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise BookLocked(_("this book is already open in another Carnet (its journal is in "
                               "use); close it first to change it (reading it still "
                               "works)")) from None
        self.entries = 0
        self.size = 0
        self.extends: str | None = None
        self.id = new_id()

    def resume(self, valid_length: int, extends: str | None, journal_id: str | None) -> None:
        """Continue after what was read: a torn last line is cut off."""
        os.ftruncate(self.fd, valid_length)
        os.lseek(self.fd, 0, os.SEEK_END)
        self.size = valid_length
        self.extends = extends
        self.id = journal_id if valid_length and journal_id else new_id()

    def append(self, seq: int, ops: list[Op]) -> os.stat_result:
        """Write one entry and return once it is on disk; returns the file's stamps."""
        line = encode_entry(seq, ops)
        if not self.size:
            line = encode_header(self.extends, self.id) + line
        try:
            write_all(self.fd, line)
            os.fsync(self.fd)
        except BaseException:
            self._cut_back()
            raise
        self.entries += 1
        self.size += len(line)
        return os.fstat(self.fd)

    def _cut_back(self) -> None:
        """Remove a partly written line so the next append starts clean."""
        try:
            os.ftruncate(self.fd, self.size)
            os.lseek(self.fd, self.size, os.SEEK_SET)
        except OSError:
            pass

    def reset(self, extends: str) -> os.stat_result:
        """Empty the journal after its entries were folded into snapshot `extends`."""
        os.ftruncate(self.fd, 0)
        os.lseek(self.fd, 0, os.SEEK_SET)
        os.fsync(self.fd)
        self.entries = 0
        self.size = 0
        self.extends = extends
        self.id = new_id()
        return os.fstat(self.fd)

    def stamps(self) -> os.stat_result:
        return os.fstat(self.fd)

    def close(self) -> None:
        os.close(self.fd)
