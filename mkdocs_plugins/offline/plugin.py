"""offline: thin MkDocs hooks around precache.py and worker_script.py.

- on_config: load register.mjs (a module) on every page.
- on_files: ship register.mjs and offline-client.mjs beside the other
  assets/roh modules; add the offline page (fallback.py).
- on_nav: remember the nav, for the titles and order of saved pages.
- on_post_build (last of every plugin, after csp has written the policy):
  hash the files as finally written and write sw.js at the edition root.
"""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from mkdocs_plugins.offline import fallback, write
from mkdocs_plugins.offline.config import OfflineConfig

ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/roh"
MODULES = ("register.mjs", "offline-client.mjs")
log = get_plugin_logger("offline")


class OfflinePlugin(BasePlugin[OfflineConfig]):  # type: ignore[no-untyped-call]
    """Writes each edition's service worker; the work is in precache and worker_script."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        script = ExtraScriptValue(f"{ASSET_DIR}/register.mjs")
        script.type = "module"
        config.extra_javascript.append(script)
        self._nav: Navigation | None = None
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for name in MODULES:
            files.append(File.generated(config, f"{ASSET_DIR}/{name}",
                                        abs_src_path=str(ASSETS / name)))
        files.append(fallback.page_file(config))
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav

    def _pages(self) -> list[tuple[str, str]]:
        """(URL, title) of every page in the nav, in nav order."""
        if self._nav is None:
            return []
        return [(page.url, page.title or page.url) for page in self._nav.pages]

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        try:
            data = write.write_worker(Path(config.site_dir), self.config.exclude, self._pages())
        except ValueError as error:
            raise PluginError(str(error)) from None
        log.debug(f"sw.js: {len(data['files'])} files, {data['bytes']} bytes, "  # type: ignore[arg-type]
                  f"revision {data['revision']}, "
                  f"in {(time.perf_counter() - started) * 1000:.0f} ms")
