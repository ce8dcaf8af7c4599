"""`python -m publishing publish`: every published edition into one plain folder.

The Docusaurus / sphinx-multiversion model rather than mike's: every publish
rebuilds every edition with today's platform (so a banner can name an old
edition's successor and a fix to the policy or the tools reaches every
edition), then lays the result out as mike would, so Material's version
selector works: /<edition>/, /latest/ (a real copy), /versions.json. mike
itself is not used: it commits each version once to a gh-pages branch and
never rebuilds it, and its root redirect page is an inline script that the
site's policy forbids.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import tools
from mkdocs_plugins.editions_data import Edition, current_edition, load_editions
from mkdocs_plugins.tool_forms import assets
from publishing import build, manifest, root_pages
from publishing.build import build_edition
from publishing.edition_cache import FOLDER as CACHE_FOLDER
from publishing.edition_cache import EditionCache, Keys, frozen_epoch, platform_dirs

SHARED = "_assets"
#: The Version history page of an edition (docs/version-history.md).
HISTORY = "version-history/"
#: The A–Z index page of an edition (docs/a-z-index.md).
INDEX = "a-z-index/"
#: The marker that says a folder is an earlier publish, safe to replace.
MARKER = manifest.NAME


class PublishError(Exception):
    """The publish cannot go on; the message says why and what to do."""


@dataclass
class Report:
    """What a publish made, for the author and for tests."""

    out: Path
    editions: list[str]
    seconds: dict[str, float] = field(default_factory=dict)
    #: The frozen editions copied from the cache rather than built.
    cached: list[str] = field(default_factory=list)


def source_date_epoch(root: Path) -> int:
    """One fixed time for the whole publish: the last commit's, else the newest source's.

    MkDocs dates the sitemap (and its gzip header) with it, so publishing the
    same sources twice gives the same bytes.
    """
    done = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                          capture_output=True, text=True)
    if done.returncode == 0 and done.stdout.strip().isdigit():
        return int(done.stdout.strip())
    sources = [root / "editions.yml", root / "mkdocs.yml", *(root / "docs").rglob("*"),
               *(root / "versions").rglob("*")]
    return max(int(p.stat().st_mtime) for p in sources if p.is_file())


def _check_replaceable(out: Path) -> None:
    """Refuse to replace anything but an earlier publish (or an empty folder)."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise PublishError(
            f"{out} is not empty and is not an earlier publish (it has no {MARKER}): "
            "choose an empty or new folder"
        )


def _staging(out: Path) -> Path:
    """A fresh folder beside `out` to publish into; it replaces `out` only when complete."""
    staging = out.parent / f".{out.name}.publishing"
    if staging.exists():
        shutil.rmtree(staging)  # what an interrupted publish left
    staging.mkdir(parents=True)
    return staging


def _move_back(staging: Path, out: Path, cached: list[str]) -> None:
    """Return the folders a failed publish took from the previous one (edition_cache.restore)."""
    for edition in cached:
        moved, home = staging / edition, out / edition
        if moved.is_dir() and out.is_dir() and not home.exists():
            moved.rename(home)


def _replace(out: Path, staging: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    staging.rename(out)


def _write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def _pyodide(root: Path, current: Edition) -> assets.Pyodide:
    """The Pyodide the main mkdocs.yml's tool_forms plugin names.

    Read from the YAML as MkDocs merges it (edition_cache.platform_dirs), not
    with load_config, which imported every plugin again (half a second).
    """
    return assets.find_pyodide(platform_dirs(root, current)[1])


def _same_bytes(path: Path, source: Path | bytes) -> bool:
    if not path.is_file():
        return False
    if isinstance(source, bytes):
        return path.stat().st_size == len(source) and path.read_bytes() == source
    return filecmp.cmp(path, source, shallow=False)


def _shared_runtime(root: Path, out: Path, current: Edition, previous: Path) -> None:
    """Pyodide and the tools archive, once for every edition (tool_forms.assets).

    A file the previous publish (`previous`, about to be replaced) already has
    with the same bytes is hard-linked from it rather than written again: most
    publishes change neither, and 13.5 MB written per publish was most of a
    republish's cost beyond the one build. The old folder is deleted after the
    swap, so nothing stays shared.
    """
    pyodide = _pyodide(root, current)
    archive = assets.tools_archive(Path(tools.__file__).parent)
    for name, source in assets.runtime_files(pyodide, archive).items():
        target = out / SHARED / name
        target.parent.mkdir(parents=True, exist_ok=True)
        earlier = previous / SHARED / name
        if _same_bytes(earlier, source):
            try:
                os.link(earlier, target)
                continue
            except OSError:
                pass  # another device: write it
        if isinstance(source, bytes):
            _write(target, source)
        else:
            shutil.copyfile(source, target)


def _check_shared(out: Path, editions: list[Edition]) -> None:
    for edition in editions:
        copies = sorted((out / edition.edition).rglob("pyodide.asm.wasm"))
        if copies:
            raise PublishError(
                f"Edition {edition.edition} carries its own Pyodide ({copies[0]}): its "
                "mkdocs.yml must use the tool_forms plugin that reads ROH_SHARED_ASSETS"
            )


def _root_pages(out: Path, root_url: str, published: list[Edition]) -> None:
    current = current_edition(published)
    latest = out / root_pages.LATEST
    policy = root_pages.policy_of((latest / "index.html").read_text("utf-8"),
                                  f"{root_pages.LATEST}/index.html")
    _write(out / "versions.json", root_pages.versions_json(published))
    _write(out / "index.html", root_pages.index_page(policy, current))
    static = {}
    for name in ("forward.js", "root.css"):
        data = (root_pages.STATIC / name).read_bytes()
        static[name] = f"{SHARED}/root/{root_pages.hashed_name(name, data)}"
        _write(out / static[name], data)
    reserved = sorted({e.edition for e in published} | {root_pages.LATEST, SHARED, "404.html"})
    _write(out / "404.html", root_pages.not_found_page(
        policy, site_path=urlsplit(root_url).path, current=current, reserved=reserved,
        sections=root_pages.load_sections(latest), script=static["forward.js"],
        stylesheet=static["root.css"],
        history=HISTORY if (latest / HISTORY / "index.html").is_file() else None,
        index=INDEX if (latest / INDEX / "index.html").is_file() else None))
    for page in sorted((latest / root_pages.ROUTES).glob("*/index.html")):
        number = page.parent.name
        _write(out / root_pages.ROUTES / number / "index.html",
               root_pages.route_page(page.read_text("utf-8"), number))
    # The sitemap lists the current edition only (superseded ones are noindex).
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        if (latest / name).is_file():
            shutil.copyfile(latest / name, out / name)
    _write(out / "robots.txt", root_pages.robots_txt(root_url))


def _frozen(root: Path, edition: Edition, keys: Keys, site: Path, previous: Path,
            root_url: str, cache: EditionCache, restore: bool, log: bool) -> bool:
    """Build a frozen edition (and keep it in the cache), or copy it from the cache.

    True if it came from the cache. The epoch is the edition's own, cached or
    not, so a cached copy and a fresh build are the same bytes.
    """
    epoch = frozen_epoch(root, edition)
    env = build.environment(root_url, edition.edition, epoch)
    key = keys.key(edition, env)
    if restore and cache.restore(key, site / edition.edition, previous / edition.edition):
        if log:
            print(f"Edition {edition.label} from the cache", flush=True)
        return True
    if log:
        print(f"Building edition {edition.label}", flush=True)
    build_edition(edition, site, root_url, epoch)
    cache.store(key, edition.edition, site / edition.edition)
    return False


def publish(root: Path, out: Path, root_url: str, *, log: bool = True,
            use_cache: bool = True) -> Report:
    """Build every published edition of the repository at `root` into `out`.

    The current edition is always built; a frozen one comes from
    `.cache/editions/` when nothing its build reads has changed
    (edition_cache). With `use_cache` False every edition is built (and the
    cache refilled).
    """
    editions = load_editions(root)
    published = [e for e in editions if e.published]
    _check_replaceable(out)
    report = Report(out, [e.edition for e in published])
    epoch = source_date_epoch(root)
    cache = EditionCache(root / CACHE_FOLDER)
    keys = Keys(root, published)
    # Built beside `out` and swapped in when complete: a failed publish leaves
    # the previous one in place, never half a site.
    site = _staging(out)
    try:
        for edition in published:
            started = time.monotonic()
            if not edition.current:
                if _frozen(root, edition, keys, site, out, root_url, cache, use_cache, log):
                    report.cached.append(edition.edition)
            else:
                if log:
                    print(f"Building edition {edition.label}", flush=True)
                build_edition(edition, site, root_url, epoch)
            report.seconds[edition.edition] = time.monotonic() - started
        _check_shared(site, published)
        _shared_runtime(root, site, current_edition(published), out)
        shutil.copytree(site / current_edition(published).edition, site / root_pages.LATEST)
        _root_pages(site, root_url, published)
        manifest.write(site)
    except BaseException:
        _move_back(site, out, report.cached)
        shutil.rmtree(site, ignore_errors=True)
        raise
    _replace(out, site)
    return report
