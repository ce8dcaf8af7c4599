"""The kill switch: a worker that removes the guide's service worker and every cache.

A broken service worker is the most common way an offline-capable site stays
broken for its readers: it keeps serving what it saved. Publishing this
worker over every edition's sw.js (same URL, so the browser's next update
check finds it) undoes that: it takes over at once, deletes every cache whose
name starts with "roh-", unregisters itself and tells the open pages, which
then load from the network. It never reloads a page (a reader may be in the
middle of a form). To undo it, publish again: the normal worker returns.

`python -m publishing kill-switch --out public` (or `make kill-switch`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs_plugins.offline.precache import WORKER

#: The no-op worker: no fetch handler, so every request goes to the network.
SCRIPT = """\
// The Risk of Harm Guide's kill switch (publishing/kill_switch.py): this
// worker replaces the offline copy's worker, deletes every cache the guide
// made and unregisters itself. Pages keep working from the network; none is
// reloaded. Publish the guide again to bring the offline copy back.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("roh-")) await caches.delete(name);
    }
    await self.registration.unregister();
    const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    for (const client of open) client.postMessage({ type: "roh-offline-removed" });
  })());
});
"""


class KillSwitchError(Exception):
    """The folder is not a publish (or a build) with a service worker to replace."""


def worker_paths(out: Path) -> list[Path]:
    """Every edition's sw.js in a publish (or the one of a single build), sorted."""
    found = sorted(path for path in out.glob(f"*/{WORKER}"))
    if (out / WORKER).is_file():
        found.insert(0, out / WORKER)
    return found


def write(out: Path) -> list[Path]:
    """Put the kill switch in place of every sw.js under `out`; the paths it wrote."""
    paths = worker_paths(out)
    if not paths:
        raise KillSwitchError(
            f"{out} has no {WORKER} in it or in any folder directly under it: give the "
            "folder a publish was written to (python -m publishing publish --out DIR)")
    for path in paths:
        path.write_text(SCRIPT, encoding="utf-8")
    return paths
