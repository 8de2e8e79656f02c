"""The run's one request pool: at most ``size`` requests in flight, a free slot going to the earliest work.

Every document's topics draw from the same pool, so it stays full across document boundaries; waiting
requests are served by ``work_order`` (input, topic), then by arrival, so earlier inputs finish first and
can be written while later ones are still being generated.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class RequestPool:
    """Slots for requests in flight; ``slot(order)`` waits for one, lowest ``order`` first."""

    def __init__(self, size: int):
        self.size = size
        self.in_flight = 0
        self._waiting: list[tuple[tuple[int, int], int, asyncio.Future[None]]] = []
        self._arrival = itertools.count()

    @property
    def waiting(self) -> int:
        """Requests queued for a slot."""
        return sum(1 for *_, fut in self._waiting if not fut.done())

    @asynccontextmanager
    async def slot(self, order: tuple[int, int]) -> AsyncIterator[None]:
        await self._acquire(order)
        try:
            yield
        finally:
            self._release()

    async def _acquire(self, order: tuple[int, int]) -> None:
        if self.in_flight < self.size and not self.waiting:
            self.in_flight += 1
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (order, next(self._arrival), fut))
        try:
            await fut
        except asyncio.CancelledError:
            if fut.done() and not fut.cancelled():  # the slot was granted just before the cancellation
                self._release()
            raise

    def _release(self) -> None:
        self.in_flight -= 1
        while self._waiting and self.in_flight < self.size:
            *_, fut = heapq.heappop(self._waiting)
            if fut.done():  # its waiter was cancelled
                continue
            self.in_flight += 1
            fut.set_result(None)
