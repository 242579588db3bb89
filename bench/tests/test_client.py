"""The load generator against a tiny scripted HTTP server: run with `.venv/bin/pytest bench/tests -p no:django -q`.

Not part of the main suite (pyproject's testpaths is tests/); these take well under a second.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from bench.client import Connection, Outcome, Visitor, percentile, run_segment
from bench.scenarios import Scenario

Handler = Callable[[bytes, int], bytes]


def ok(body: bytes = b"ok", extra: str = "") -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n{extra}\r\n".encode() + body


async def serve(handler: Handler, check: Callable[[int], Awaitable[None]]) -> list[bytes]:
    """Answer each request on a connection with handler(request, number); the handler's bytes may end in a close."""
    seen: list[bytes] = []

    async def on_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                break
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            request = head + (await reader.readexactly(length) if length else b"")
            seen.append(request)
            answer = handler(request, len(seen))
            writer.write(answer.removesuffix(b"<close>"))
            await writer.drain()
            if answer.endswith(b"<close>") or b"Connection: close" in answer:
                break
        writer.close()

    server = await asyncio.start_server(on_connection, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await check(port)
    return seen


def test_it_keeps_one_connection_for_many_requests() -> None:
    async def check(port: int) -> None:
        visitor = Visitor(number=0, connection=Connection(port))
        for _ in range(5):
            assert (await visitor.get("/")).status == 200
        assert visitor.connection.opened == 1
        await visitor.connection.close()

    assert len(asyncio.run(serve(lambda request, n: ok(), check))) == 5


def test_it_reconnects_after_connection_close() -> None:
    async def check(port: int) -> None:
        visitor = Visitor(number=0, connection=Connection(port))
        for _ in range(3):
            assert (await visitor.get("/")).body == b"ok"
        assert visitor.connection.opened == 3

    asyncio.run(serve(lambda request, n: ok(extra="Connection: close\r\n"), check))


def test_it_retries_once_when_the_server_dropped_an_idle_connection() -> None:
    async def check(port: int) -> None:
        visitor = Visitor(number=0, connection=Connection(port))
        assert (await visitor.get("/")).status == 200
        assert (await visitor.get("/")).status == 200
        assert visitor.connection.opened == 2

    # The first answer keeps the connection open as far as the client can tell, then the server closes it.
    asyncio.run(serve(lambda request, n: ok() + b"<close>" if n == 1 else ok(), check))


def test_it_reads_chunked_bodies_and_keeps_cookies() -> None:
    chunked = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nSet-Cookie: csrftoken=abc; Path=/; SameSite=Lax\r\n\r\n"
        b"3\r\nfoo\r\n4\r\nbar!\r\n0\r\n\r\n"
    )
    expired = ok(extra='Set-Cookie: csrftoken=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/\r\n')

    async def check(port: int) -> None:
        visitor = Visitor(number=0, connection=Connection(port))
        response = await visitor.get("/")
        assert response.body == b"foobar!"
        assert visitor.cookies == {"csrftoken": "abc"}
        await visitor.get("/")
        assert visitor.cookies == {}
        await visitor.connection.close()

    seen = asyncio.run(serve(lambda request, n: chunked if n == 1 else expired, check))
    assert b"Cookie: csrftoken=abc" in seen[1]


def test_a_scenario_counts_wrong_statuses_and_redirects_as_errors() -> None:
    answers = [
        b"HTTP/1.1 302 Found\r\nLocation: /regio/\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1/elders/\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n",
    ]
    scenario = Scenario(
        name="post",
        path="/p/",
        method="POST",
        form=lambda v, i: {"q": "1"},
        expect_status=(302,),
        expect_location="/regio/",
    )

    async def check(port: int) -> None:
        visitor = Visitor(number=0, connection=Connection(port))
        visitor.state["csrf"] = "token"
        outcomes: list[Outcome] = [await scenario.run(visitor, i) for i in range(3)]
        assert [o.problem for o in outcomes] == [None, "unexpected redirect 302 to /elders/", "status 403"]
        await visitor.connection.close()

    seen = asyncio.run(serve(lambda request, n: answers[n - 1], check))
    assert seen[0].endswith(b"csrfmiddlewaretoken=token&q=1")


def test_a_segment_is_bounded_in_count_and_reports_errors() -> None:
    async def check(port: int) -> None:
        scenario = Scenario(name="s", path="/")
        result = await run_segment(
            port=port, clients=4, duration=5.0, setup=None, request=scenario.run, max_requests=40
        )
        assert result.requests == 40
        assert result.errors == 20
        assert result.problems == {"status 500": 20}
        assert result.connections_opened == 4
        assert result.elapsed < 5.0

    error = b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"
    asyncio.run(serve(lambda request, n: ok() if n % 2 else error, check))


def test_percentile_uses_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.95) == 95.0
    assert percentile([], 0.5) == 0.0
