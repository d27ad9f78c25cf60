"""Real processes against one book: kill -9 at random moments, or replace its files meanwhile.

    python -m tests.storage_harness crash DIR TRIALS SEED
    python -m tests.storage_harness race DIR ROUNDS SEED

Each prints one JSON object of figures. Writers are forked children writing through the
store; each acknowledged write is reported on a pipe before the next one starts.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sys
import time
from datetime import date, datetime
from pathlib import Path

import store.storage
from store import conflicts
from store.book import Book
from store.clients import add_client
from store.errors import BookChanged, BookConflict, BookError
from store.journal import new_id
from store.migrations import SCHEMA_VERSION
from store.relations import log_interaction
from store.snapshot import encode
from store.storage import BookFiles

SMALL_FOLD = 3000
"""Fold every fifteen writes or so, so that kills land inside folds too."""
BOOK_TRIALS = 50
"""Then a new book: one growing all along would make each trial slower than the last."""
KILL_POINTS = ("before-swap", "after-swap", "after-reset", "torn-append", "base-linked")


def _say(out: int, line: str) -> None:
    os.write(out, line.encode() + b"\n")


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _arm(point: str, after: int) -> None:
    """Make the child kill itself at `point`, the `after`-th time it passes there."""
    calls = [0]

    def due() -> bool:
        calls[0] += 1
        return calls[0] >= after

    if point in ("before-swap", "after-swap"):
        real = store.storage.replace_if_unchanged

        def swap(*args):
            if point == "before-swap" and due():
                _die()
            done = real(*args)
            if point == "after-swap" and due():
                _die()
            return done
        store.storage.replace_if_unchanged = swap
    elif point == "after-reset":
        real_drop = conflicts.drop_base
        conflicts.drop_base = lambda *a: _die() if due() else real_drop(*a)
    elif point == "base-linked":
        real_keep = conflicts.keep_base
        conflicts.keep_base = lambda *a: (real_keep(*a), due() and _die())
    elif point == "torn-append":
        import store.journal as journal
        real_write = journal.write_all

        def write_all(fd, data):
            if due():
                real_write(fd, data[:len(data) // 2])
                _die()
            real_write(fd, data)
        journal.write_all = write_all


def _writer(data: Path, start: int, out: int, point: str | None, after: int,
            stop: Path | None = None) -> None:
    """Write notes forever, reporting each acknowledged one, and fold markers."""
    real_compact = BookFiles.compact

    def compact(self):
        _say(out, "F")
        real_compact(self)
        _say(out, "f")
    BookFiles.compact = compact
    if point:
        _arm(point, after)
    book = Book(data)
    client = book.clients()[0]
    try:
        for i in range(start, start + 1_000_000):
            if stop is not None and stop.exists():
                break
            log_interaction(book, client.id, "note", f"write {i}", datetime(2026, 1, 1, 9))
            _say(out, f"A {i}")
    except BookChanged:
        _say(out, "C")
    try:
        book.close()
    except BookChanged:
        _say(out, "c")


def _fork(target, *args) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            target(*args[:1], args[1], write_end, *args[2:])
        finally:
            os._exit(0)
    os.close(write_end)
    return pid, read_end


class Lines:
    """Lines from a child's pipe, with a timeout."""

    def __init__(self, fd: int):
        self.fd, self.buffer, self.seen = fd, b"", []

    def next(self, timeout: float = 5.0) -> str | None:
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([self.fd], [], [], timeout)
            chunk = os.read(self.fd, 65536) if ready else b""
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        self.seen.append(line.decode())
        return self.seen[-1]

    def drain(self) -> None:
        while self.next(timeout=5.0) is not None:
            pass
        os.close(self.fd)


def _notes(book: Book) -> set[int]:
    return {int(doc["text"].split()[1]) for doc in book.rows("interactions").values()}


def _new_book(data: Path) -> None:
    with Book(data) as book:
        add_client(book, date(2026, 1, 1), last_name="Writer")


def crash(root: Path, trials: int, seed: int) -> dict:
    """Kill writers at random moments, forced points inside folds included; check each reopening."""
    store.storage.COMPACT_AT_BYTES = SMALL_FOLD
    rng = random.Random(seed)
    figures = {"trials": 0, "kills_inside_a_fold": 0, "forced_kill_points": 0, "acknowledged": 0,
               "corrupt": 0, "lost": 0, "errors": []}
    for first in range(0, trials, BOOK_TRIALS):
        data = root / f"book{first // BOOK_TRIALS}"
        _new_book(data)
        if not _kill_writers(data, range(first, min(first + BOOK_TRIALS, trials)), rng, figures):
            break
    return figures


def _kill_writers(data: Path, trials: range, rng: random.Random, figures: dict) -> bool:
    """The trials of `crash` on one book, counted in `figures`; False once the book is corrupt."""
    acknowledged: set[int] = set()
    for trial in trials:
        roll = rng.random()
        point = rng.choice(KILL_POINTS) if roll < 0.2 else None
        pid, fd = _fork(_writer, data, trial * 10_000, point, rng.randint(1, 3))
        lines = Lines(fd)
        if point is None and roll < 0.45:
            while (line := lines.next()) not in (None, "F"):
                pass
            time.sleep(rng.random() * 0.002)
        elif point is None:
            for _ in range(rng.randint(1, 25)):
                if lines.next() is None:
                    break
            time.sleep(rng.random() * 0.004)
        else:
            figures["forced_kill_points"] += 1
        if point is None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        os.waitpid(pid, 0)
        lines.drain()
        acknowledged |= {int(line[2:]) for line in lines.seen if line.startswith("A ")}
        markers = [line for line in lines.seen if line in ("F", "f")]
        figures["kills_inside_a_fold"] += bool(markers) and markers[-1] == "F"
        figures["trials"] += 1
        try:
            with Book(data, read_only=True) as reader:
                seen = _notes(reader)
            with Book(data) as writer:
                seen &= _notes(writer)
        except BookError as exc:
            figures["corrupt"] += 1
            figures["errors"].append(f"trial {trial}: {exc}")
            break
        missing = acknowledged - seen
        if missing:
            figures["lost"] += len(missing)
            figures["errors"].append(f"trial {trial}: lost {sorted(missing)[:5]}")
            acknowledged -= missing
    figures["acknowledged"] += len(acknowledged)
    return not figures["corrupt"]


def _foreign(round_: int, size: int | None = None) -> bytes:
    """Another machine's version of the book, optionally padded to `size` bytes."""
    tables = {"clients": {"1": {"last_name": f"Elsewhere {round_}"}}}
    data = encode(tables, 500 + round_, SCHEMA_VERSION, new_id(), None)
    return data + b" " * (size - len(data)) if size else data


def _replace(path: Path, data: bytes) -> None:
    """What a sync tool does: write a temporary file, rename it over the book."""
    tmp = path.with_name(".syncthing.book.json.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _edit_in_place(path: Path, size: int, round_: int) -> bytes:
    """Rewrite the file in place, same size, its modification time put back."""
    st = os.stat(path)
    data = _foreign(round_, size)
    with open(path, "r+b") as file:
        file.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    return data


def race(root: Path, rounds: int, seed: int) -> dict:
    """A writer writes continuously while book.json is replaced (or edited in place) under it."""
    rng = random.Random(seed)
    figures = {"replacements": 0, "in_place_edits": 0, "detected": 0, "overwritten": 0,
               "both_versions_kept": 0, "acknowledged": 0, "lost": 0, "errors": []}
    for round_ in range(rounds):
        data, stop = root / f"book{round_}", root / f"stop{round_}"
        _new_book(data)
        in_place = round_ % 4 == 3
        size = (data / "book.json").stat().st_size
        pid, fd = _fork(_writer, data, 0, None, 0, stop)
        lines = Lines(fd)
        for _ in range(rng.randint(1, 20)):
            lines.next()
        time.sleep(rng.random() * 0.003)
        if in_place:
            foreign = _edit_in_place(data / "book.json", size, round_)
            figures["in_place_edits"] += 1
        else:
            foreign = _foreign(round_)
            _replace(data / "book.json", foreign)
            figures["replacements"] += 1
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline and "C" not in lines.seen:
            lines.next(timeout=0.05)
        stop.touch()
        os.waitpid(pid, 0)
        lines.drain()
        intact = (data / "book.json").read_bytes() == foreign
        figures["overwritten"] += not intact
        figures["detected"] += intact and "C" in lines.seen
        acked = {int(line[2:]) for line in lines.seen if line.startswith("A ")}
        figures["acknowledged"] += len(acked)
        try:
            Book(data).close()
            figures["errors"].append(f"round {round_}: reopened without a conflict")
        except BookConflict:
            kept = list((data / "backups").glob(conflicts.CONFLICT + "*"))
            found = kept and (kept[0] / conflicts.FOUND).read_bytes() == foreign
            if found and not in_place:
                rebuilt = kept[0] / conflicts.FROM_JOURNAL
                notes = {int(d["text"].split()[1]) for d in json.loads(
                    rebuilt.read_bytes())["tables"].get("interactions", {}).values()}
                figures["lost"] += len(acked - notes)
            figures["both_versions_kept"] += bool(found)
        except BookError as exc:
            figures["errors"].append(f"round {round_}: {exc}")
    return figures


def main(argv: list[str]) -> int:
    mode, root, count, seed = argv[0], Path(argv[1]), int(argv[2]), int(argv[3])
    started = time.monotonic()
    figures = (crash if mode == "crash" else race)(root, count, seed)
    figures["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
