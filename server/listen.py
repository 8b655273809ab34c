"""One listening socket per worker process (SO_REUSEPORT), so the kernel spreads connections over the workers.

Sanic 25 binds one socket in its main process and every worker accepts from it. A worker woken for
a new connection accepts the whole queue at once (asyncio and uvloop accept up to the backlog per
wake-up), so one worker takes nearly every keep-alive connection and the others idle (the benchmarks
saw >= 99 % on one worker). With a socket of its own per worker, all bound with SO_REUSEPORT, Linux
hands each new connection to one of them by a hash of its addresses: the load is shared.

Sanic passes the main process's socket to each worker it spawns by pickling it; `WorkerSocket`
pickles into a fresh listening socket opened in the unpickling (worker) process. The main process
keeps only a bound, never listening placeholder, which no connection can reach. The price: when a
worker stops, the connections still queued on its own socket (accepted by the kernel, not yet by the
worker) are reset, where a shared socket would have handed them to another worker.
"""

from __future__ import annotations

import socket
from ipaddress import ip_address

BACKLOG = 100  # Sanic's default


class WorkerSocket(socket.socket):
    """The main process's placeholder for an address: each worker that receives it listens on its own socket."""

    def __reduce__(self) -> tuple:
        host, port = self.getsockname()[:2]
        return (listen, (host, port, BACKLOG))


def _open(host: str, port: int, *, kind: type[socket.socket]) -> socket.socket:
    try:
        family = socket.AF_INET6 if ip_address(host).version == 6 else socket.AF_INET
    except ValueError:  # a host name
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    sock = kind(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def reserve(host: str, port: int) -> WorkerSocket:
    """Bind the address in the main process (a taken port fails here, at start) without listening on it."""
    sock = _open(host, port, kind=WorkerSocket)
    assert isinstance(sock, WorkerSocket)
    return sock


def listen(host: str, port: int, backlog: int = BACKLOG) -> socket.socket:
    """Open this process's own listening socket on the shared address (called when a worker unpickles)."""
    sock = _open(host, port, kind=socket.socket)
    sock.listen(backlog)
    return sock
