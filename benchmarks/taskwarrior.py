"""Taskwarrior as the reference for `overdue`: the same number of tasks as the book has orders.

Each order becomes a task (open → pending with its due date, delivered or paid → completed,
cancelled → deleted), imported once into a task database cached beside the books.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path

NAMESPACE = uuid.UUID("5f0c2b7e-3c1d-4d1e-9a53-0c0a7e15c523")


def available() -> str | None:
    """The `task` executable, or None when taskwarrior is not installed."""
    return shutil.which("task")


def _stamp(day: str) -> str:
    return day.replace("-", "") + "T090000Z"


def task_of(order: dict) -> dict:
    """The task standing for one stored order document."""
    task = {"uuid": str(uuid.uuid5(NAMESPACE, order["ref"])),
            "description": f"{order['ref']} {order['title']}",
            "entry": _stamp(order["received"]), "due": _stamp(order["due"]),
            "project": f"client{order['client_id']}", "status": "pending"}
    if order["status"] in ("delivered", "paid"):
        task.update(status="completed", end=_stamp(order["delivered"]))
    elif order["status"] == "cancelled":
        task.update(status="deleted", end=_stamp(order["cancelled"]))
    return task


def environment(folder: Path) -> dict[str, str]:
    """Environment pointing taskwarrior at the database in `folder` (no user config)."""
    rc = folder / "taskrc"
    return {**os.environ, "TASKRC": str(rc), "TASKDATA": str(folder / "data")}


def prepare(folder: Path, orders: dict[str, dict]) -> dict[str, str]:
    """A task database in `folder` holding one task per order (built once); its environment."""
    env = environment(folder)
    if (folder / "ready").exists():
        return env
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "data").mkdir(parents=True)
    (folder / "taskrc").write_text(f"data.location={folder / 'data'}\nconfirmation=off\n"
                                   "hooks=off\nverbose=nothing\n")
    tasks = folder / "tasks.json"
    tasks.write_text(json.dumps([task_of(order) for order in orders.values()]))
    subprocess.run([available() or "task", "import", str(tasks)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
    tasks.unlink()
    (folder / "ready").touch()
    return env


def version() -> str:
    """`task --version`, e.g. '2.6.2'."""
    done = subprocess.run([available() or "task", "--version"], capture_output=True, text=True)
    return done.stdout.strip()
