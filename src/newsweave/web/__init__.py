"""The web edge: an HTTP API and server-rendered pages over a newsweave database.

    create_app(db_path, settings, token) → FastAPI     serve(db_path, settings, host, port, token)

Routes, security rules and how to run it: docs/web.md.
"""

from newsweave.web.app import create_app
from newsweave.web.server import serve

__all__ = ["create_app", "serve"]
