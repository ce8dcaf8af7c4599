"""The browser tests serve the built site with publishing.serve, as `make serve` does.

So every browser test sees the real deploy headers (the Content-Security-Policy
as a header with frame-ancestors, nosniff, the types module scripts and wasm
need). A folder that is not a built guide (no page carries a policy) is
refused: serve a stand-in for another website with a plain http.server.
"""

from __future__ import annotations

from publishing.serve import free_port, serve

__all__ = ["free_port", "serve"]
