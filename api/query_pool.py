"""A bounded pool of query worker processes, off the event loop, each killable at its limit.

pyoxigraph cannot interrupt a query and a thread cannot be killed, so every query runs in a
worker process. A request waits for an idle worker (that wait counts towards its time
limit), sends the job over a pipe and awaits the reply without blocking the loop. When the
limit is reached the worker is killed — the query really stops — and a fresh one replaces
it in the background.
"""

import asyncio
import logging
import os
import pickle
import subprocess
import sys
from multiprocessing.connection import Connection

from sozialgraph.api.query_worker import Job, Reply

log = logging.getLogger("sozialgraph.api")


class QueryTimedOut(Exception):
    """The query reached its time limit and its worker was stopped."""


class WorkerLost(Exception):
    """A worker died while running a query (e.g. out of memory)."""


class _Worker:
    """A `python -m sozialgraph.api.query_worker` process and the two pipes to it.

    A separate interpreter (not multiprocessing's spawn) so that it never re-imports the
    main module of whatever started the app.
    """

    def __init__(self) -> None:
        job_read, job_write = os.pipe()
        reply_read, reply_write = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sozialgraph.api.query_worker", str(job_read), str(reply_write)],
            pass_fds=(job_read, reply_write),
            stdin=subprocess.DEVNULL,
        )
        os.close(job_read)
        os.close(reply_write)
        self.jobs = Connection(job_write, readable=False)
        self.connection = Connection(reply_read, writable=False)

    async def ask(self, job: Job) -> Reply:
        loop = asyncio.get_running_loop()
        answer: asyncio.Future = loop.create_future()
        descriptor = self.connection.fileno()

        def readable() -> None:
            loop.remove_reader(descriptor)
            if answer.done():
                return
            try:
                # The loop may have made the pipe non-blocking; a large reply arrives in
                # pieces, and the worker is writing it right now, so wait for all of it.
                os.set_blocking(descriptor, True)
                answer.set_result(Reply.from_tuple(pickle.loads(self.connection.recv_bytes())))
            except (EOFError, OSError) as error:
                answer.set_exception(WorkerLost(str(error) or "the worker ended"))
            except Exception as error:  # an unreadable reply is a bug: fail this request
                answer.set_exception(error)

        self.jobs.send_bytes(pickle.dumps(job))
        loop.add_reader(descriptor, readable)
        try:
            return await answer
        finally:
            loop.remove_reader(descriptor)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)
        self.jobs.close()
        self.connection.close()


class QueryPool:
    """`size` worker processes; `run(job, timeout)` answers or raises QueryTimedOut."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._closed = False

    async def start(self) -> None:
        """Start the workers (in threads: spawning a process takes a moment)."""
        loop = asyncio.get_running_loop()
        for worker in await asyncio.gather(
            *(loop.run_in_executor(None, _Worker) for _ in range(self.size))
        ):
            self._all.add(worker)
            self._idle.put_nowait(worker)

    async def run(self, job: Job, timeout: float) -> Reply:
        """Run a job within `timeout` seconds, waiting for a worker included."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        if self._idle.empty():
            try:
                async with asyncio.timeout_at(deadline):
                    worker = await self._idle.get()
            except TimeoutError:
                raise QueryTimedOut(
                    f"no query worker became free within {timeout:g} s: the server is busy"
                ) from None
        else:
            worker = self._idle.get_nowait()
        try:
            async with asyncio.timeout_at(deadline):
                reply = await worker.ask(job)
        except TimeoutError:
            self._replace(worker)
            raise QueryTimedOut(f"the query did not finish within {timeout:g} s") from None
        except BaseException:  # lost worker, or the request was cancelled mid-query
            self._replace(worker)
            raise
        self._idle.put_nowait(worker)
        return reply

    def _replace(self, worker: _Worker) -> None:
        """Kill a busy or broken worker and start another in the background."""
        self._all.discard(worker)
        loop = asyncio.get_running_loop()

        def swap() -> _Worker | None:
            worker.kill()
            return None if self._closed else _Worker()

        def done(future: asyncio.Future) -> None:
            fresh = future.result() if not future.exception() else None
            if fresh is None:
                if future.exception():
                    log.error("could not start a query worker: %s", future.exception())
                return
            if self._closed:
                fresh.kill()
                return
            self._all.add(fresh)
            self._idle.put_nowait(fresh)

        loop.run_in_executor(None, swap).add_done_callback(done)

    async def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        loop = asyncio.get_running_loop()
        workers, self._all = list(self._all), set()
        await asyncio.gather(*(loop.run_in_executor(None, w.kill) for w in workers))
