"""A small HTTP/1.1 load generator on asyncio streams, with keep-alive connections and a cookie jar per visitor.

It speaks just enough HTTP for our own server (Content-Length and chunked bodies, `Connection: close`) and nothing
else: no TLS, no proxies, no redirects followed. Parsing is kept minimal on purpose: on a 2-core machine every
microsecond the client spends is taken from the server under test.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

# The host the load generator may talk to; anything else is refused before a socket is opened.
LOOPBACK = "127.0.0.1"
REQUEST_TIMEOUT = 30.0
MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 16 * 1024 * 1024


class ProtocolError(Exception):
    """The server's answer was not HTTP/1.1 as we understand it."""


class _NoAnswer(Exception):
    """The connection failed before a single byte of the answer arrived (safe to retry on a fresh one)."""


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    cookies: dict[str, str | None]
    body: bytes
    keep_alive: bool

    @property
    def location(self) -> str:
        """The redirect target as a path (scheme and host of our own server are dropped)."""
        value = self.headers.get("location", "")
        parts = urlsplit(value)
        return parts.path + (f"?{parts.query}" if parts.query else "") if parts.netloc else value

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def _parse_set_cookie(value: str) -> tuple[str, str | None]:
    """Name and value of one Set-Cookie header; None when the server deletes the cookie."""
    first, _, attributes = value.partition(";")
    name, _, cookie_value = first.strip().partition("=")
    lowered = attributes.lower()
    if "max-age=0" in lowered or "expires=thu, 01 jan 1970" in lowered:
        return name, None
    return name, cookie_value.strip().strip('"')


class Connection:
    """One keep-alive TCP connection to the server; reopened transparently when the server closes it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self.opened = 0

    async def _open(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(LOOPBACK, self.port)
        self.opened += 1

    async def close(self) -> None:
        writer, self._reader, self._writer = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError, ConnectionError):
                await writer.wait_closed()

    async def send(self, raw: bytes, *, head_only: bool = False) -> Response:
        """Send one request; a reused connection that the server had already closed is retried once."""
        reused = self._writer is not None
        if not reused:
            await self._open()
        try:
            return await self._exchange(raw, head_only=head_only)
        except _NoAnswer as error:
            await self.close()
            if not reused:
                raise ConnectionError(str(error)) from error
        except (ConnectionError, asyncio.IncompleteReadError, ProtocolError):
            await self.close()
            raise
        # The server closed an idle keep-alive connection before our request reached it: one fresh try.
        await self._open()
        try:
            return await self._exchange(raw, head_only=head_only)
        except _NoAnswer as error:
            await self.close()
            raise ConnectionError(str(error)) from error

    async def _exchange(self, raw: bytes, *, head_only: bool) -> Response:
        assert self._reader is not None and self._writer is not None
        reader = self._reader
        try:
            self._writer.write(raw)
            await self._writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as error:
            if error.partial:
                raise
            raise _NoAnswer("connection closed before any answer") from error
        except ConnectionError as error:
            raise _NoAnswer(f"connection failed before any answer: {error}") from error
        except asyncio.LimitOverrunError as error:
            raise ProtocolError("response headers too long") from error
        if len(head) > MAX_HEADER_BYTES:
            raise ProtocolError("response headers too long")
        lines = head.decode("latin-1").split("\r\n")
        status_line = lines[0].split(" ", 2)
        if len(status_line) < 2 or not status_line[0].startswith("HTTP/1."):
            raise ProtocolError(f"bad status line {lines[0]!r}")
        headers: dict[str, str] = {}
        cookies: dict[str, str | None] = {}
        for line in lines[1:]:
            if not line:
                continue
            name, _, value = line.partition(":")
            name = name.strip().lower()
            value = value.strip()
            if name == "set-cookie":
                cookie_name, cookie_value = _parse_set_cookie(value)
                cookies[cookie_name] = cookie_value
            else:
                headers[name] = value
        try:
            status = int(status_line[1])
            length = int(headers.get("content-length", "-1"))
        except ValueError as error:
            raise ProtocolError(f"unreadable status or Content-Length: {lines[0]!r}") from error
        keep_alive = headers.get("connection", "").lower() != "close" and status_line[0] == "HTTP/1.1"
        body = b""
        if head_only or status in (204, 304) or 100 <= status < 200:
            pass
        elif length >= 0:
            if length > MAX_BODY_BYTES:
                raise ProtocolError(f"body of {length} bytes is too large")
            body = await reader.readexactly(length)
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._read_chunked(reader)
        else:
            body = await self._read_to_end(reader)
            keep_alive = False
        if not keep_alive:
            await self.close()
        return Response(status=status, headers=headers, cookies=cookies, body=body, keep_alive=keep_alive)

    @staticmethod
    async def _read_to_end(reader: asyncio.StreamReader) -> bytes:
        parts: list[bytes] = []
        total = 0
        while chunk := await reader.read(65536):
            total += len(chunk)
            if total > MAX_BODY_BYTES:
                raise ProtocolError("body too large")
            parts.append(chunk)
        return b"".join(parts)

    @staticmethod
    async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
        parts: list[bytes] = []
        total = 0
        while True:
            size_line = await reader.readuntil(b"\r\n")
            try:
                size = int(size_line.split(b";", 1)[0].strip(), 16)
            except ValueError as error:
                raise ProtocolError(f"bad chunk size {size_line!r}") from error
            if size == 0:
                while (await reader.readuntil(b"\r\n")) != b"\r\n":
                    pass
                return b"".join(parts)
            total += size
            if total > MAX_BODY_BYTES:
                raise ProtocolError("chunked body too large")
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)


@dataclass
class Visitor:
    """One simulated browser: a connection, its cookies and scenario state (a CSRF token, a chosen region)."""

    number: int
    connection: Connection
    cookies: dict[str, str] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)
    rng: random.Random = field(default_factory=random.Random)
    accept_language: str = "nl-NL,nl;q=0.9,en;q=0.8"

    @property
    def origin(self) -> str:
        return f"http://{LOOPBACK}:{self.connection.port}"

    def build(self, method: str, path: str, form: dict[str, str] | None = None) -> bytes:
        if not path.startswith("/"):
            raise ValueError(f"only paths on our own server are allowed, not {path!r}")
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {LOOPBACK}:{self.connection.port}",
            "User-Agent: ouderplatform-bench/1",
            "Accept: text/html,application/xhtml+xml,*/*;q=0.8",
            f"Accept-Language: {self.accept_language}",
        ]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{name}={value}" for name, value in self.cookies.items()))
        body = b""
        if form is not None:
            body = urlencode(form).encode()
            lines.append("Content-Type: application/x-www-form-urlencoded")
            lines.append(f"Origin: {self.origin}")
            lines.append(f"Referer: {self.origin}{path}")
        if body or method not in ("GET", "HEAD"):
            lines.append(f"Content-Length: {len(body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body

    async def request(self, method: str, path: str, form: dict[str, str] | None = None) -> Response:
        raw = self.build(method, path, form)
        response = await asyncio.wait_for(
            self.connection.send(raw, head_only=method == "HEAD"), timeout=REQUEST_TIMEOUT
        )
        for name, value in response.cookies.items():
            if value is None:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response

    async def get(self, path: str) -> Response:
        return await self.request("GET", path)

    async def post(self, path: str, form: dict[str, str]) -> Response:
        return await self.request("POST", path, form)


@dataclass
class Outcome:
    """What one timed request returned, as judged by the scenario: None when it is as expected, else why not."""

    response: Response | None
    problem: str | None


@dataclass
class SegmentResult:
    """The numbers of one timed stretch of one scenario at a fixed number of concurrent visitors."""

    requests: int = 0
    errors: int = 0
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)
    problems: Counter[str] = field(default_factory=Counter)
    connections_opened: int = 0
    bytes_received: int = 0
    client_cpu: float = 0.0

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed if self.elapsed > 0 else 0.0


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of unsorted values (0.0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered) - 1e-9)))
    return ordered[rank - 1]


RequestFn = Callable[[Visitor, int], Awaitable[Outcome]]
SetupFn = Callable[[Visitor], Awaitable[None]]


async def run_segment(
    *,
    port: int,
    clients: int,
    duration: float,
    setup: SetupFn | None,
    request: RequestFn,
    max_requests: int,
    seed: int = 0,
    on_start: Callable[[], object] | None = None,
) -> SegmentResult:
    """Let `clients` visitors run `request` back to back for `duration` seconds (closed loop) and collect numbers.

    Setup (log in, fetch a CSRF token) runs before the clock starts; `on_start` is called right when it starts.
    A visitor stops after the deadline or when the segment reached `max_requests`: bounded in time and count.
    """
    visitors = [
        Visitor(number=n, connection=Connection(port), rng=random.Random(seed * 1000 + n)) for n in range(clients)
    ]
    result = SegmentResult()
    budget = [max_requests]
    clock = time.perf_counter

    async def visit(visitor: Visitor, deadline: float) -> None:
        iteration = visitor.number
        while budget[0] > 0 and clock() < deadline:
            budget[0] -= 1
            began = clock()
            try:
                outcome = await request(visitor, iteration)
            except (OSError, asyncio.IncompleteReadError, ProtocolError) as error:
                outcome = Outcome(response=None, problem=f"{type(error).__name__}: {error}"[:200])
                await visitor.connection.close()
            result.latencies.append(clock() - began)
            result.requests += 1
            if outcome.response is not None:
                result.bytes_received += len(outcome.response.body)
            if outcome.problem is not None:
                result.errors += 1
                result.problems[outcome.problem] += 1
            iteration += clients

    try:
        if setup is not None:
            await asyncio.wait_for(asyncio.gather(*(setup(v) for v in visitors)), timeout=REQUEST_TIMEOUT * 2)
        if on_start is not None:
            on_start()
        cpu_before = time.process_time()
        started = clock()
        tasks = [visit(v, started + duration) for v in visitors]
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=duration + REQUEST_TIMEOUT + 5)
        result.elapsed = clock() - started
        result.client_cpu = time.process_time() - cpu_before
    finally:
        result.connections_opened = sum(v.connection.opened for v in visitors)
        for visitor in visitors:
            await visitor.connection.close()
    return result
