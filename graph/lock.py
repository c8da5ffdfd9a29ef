"""The writer lock of an embedded store: one writing process at a time, named when busy."""

import fcntl
import json
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from sozialgraph.graph.store import StoreLocked

LOCK_FILE = "write.lock"


def _describe(holder: dict) -> str:
    since = time.strftime("%H:%M:%S", time.localtime(holder.get("since", 0)))
    return f"process {holder.get('pid', '?')} ({holder.get('command', '?')}) since {since}"


@contextmanager
def write_lock(folder: Path):
    """Hold the folder's write lock, or raise StoreLocked naming who holds it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILE
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the block
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            try:
                holder = json.loads(handle.read() or "{}")
            except json.JSONDecodeError:
                holder = {}
            raise StoreLocked(
                f"the store {folder} is being written by {_describe(holder)}; "
                "wait until it has finished (reading commands work meanwhile)"
            ) from None
        handle.seek(0)
        handle.truncate()
        command = " ".join([Path(sys.argv[0]).name, *sys.argv[1:]])[:200]
        handle.write(json.dumps({"pid": os.getpid(), "command": command, "since": time.time()}))
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the lock
