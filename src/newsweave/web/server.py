"""Serving the web app with uvicorn, under the rule for writes beyond this machine.

On a loopback address (127.0.0.1, localhost) no token is needed, and the app answers only
requests whose Host header names this machine (so a web page cannot reach it through DNS
rebinding). On any other address `serve` refuses to start without a token, and every POST must
carry it.

With `workers` > 1 the listening socket is bound once and shared by that many forked
processes, each with its own app; they share nothing but the database (WAL lets them all read
while one writes), which is why the app may keep no story state in memory.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket

from fastapi import FastAPI
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsweave.errors import InputError
from newsweave.settings import Settings
from newsweave.store import Store
from newsweave.web.app import create_app
from newsweave.web.security import is_loopback

LOOPBACK_HOSTS = ["127.0.0.1", "localhost"]


def serve(
    db_path: str,
    settings: Settings | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    workers: int = 1,
    access_log: bool = False,
) -> None:
    """Serve the database at `db_path` on host:port until interrupted.

    Access logs are off by default: one line per request costs a busy server more than the
    request itself; startup and errors are still logged.
    """
    import uvicorn

    check_exposure(host, token)
    settings = settings or Settings()
    if workers <= 1:
        app = web_app(db_path, settings, host, token)
        uvicorn.run(app, host=host, port=port, access_log=access_log, server_header=False)
        return
    Store(db_path, settings.store.busy_timeout_ms).close()  # migrate once, before forking
    config = uvicorn.Config("unused:app", host=host, port=port)
    listener = config.bind_socket()
    fork = multiprocessing.get_context("fork")
    processes = [
        fork.Process(
            target=_worker, args=(db_path, settings, host, port, token, listener, access_log)
        )
        for _ in range(workers)
    ]
    for process in processes:
        process.start()

    def stop(signum: int, frame: object) -> None:
        for process in processes:
            process.terminate()  # SIGTERM: uvicorn finishes the requests under way, then exits

    signal.signal(signal.SIGTERM, stop)
    try:
        for process in processes:
            process.join()
    except KeyboardInterrupt:  # the workers got the signal too and are shutting down
        for process in processes:
            process.join(timeout=10)
    finally:
        listener.close()


def web_app(db_path: str, settings: Settings, host: str, token: str | None) -> FastAPI:
    """The app as served on `host`: with the Host-header check when it is a loopback name."""
    app = create_app(db_path, settings, token)
    if is_loopback(host) and ":" not in host:  # the middleware cannot parse IPv6 Host headers
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_HOSTS)
    return app


def _worker(
    db_path: str,
    settings: Settings,
    host: str,
    port: int,
    token: str | None,
    listener: socket.socket,
    access_log: bool,
) -> None:
    import uvicorn

    app = web_app(db_path, settings, host, token)  # after the fork: its own connections
    config = uvicorn.Config(app, host=host, port=port, access_log=access_log, server_header=False)
    uvicorn.Server(config).run(sockets=[listener])


def check_exposure(host: str, token: str | None) -> None:
    """Refuse to listen beyond loopback without a token: anyone could add articles."""
    if not token and not is_loopback(host):
        raise InputError(
            f"serving on {host} lets other machines add articles; give a token "
            "(POST requests then need `Authorization: Bearer TOKEN`), or serve on 127.0.0.1"
        )
