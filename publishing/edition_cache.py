"""Frozen editions' built output, kept under `.cache/editions/<key>/` between publishes.

A frozen edition's words never change, but every publish rebuilds it with
today's platform. Its output is a function of what its build reads, so the
key is the sha256 of exactly that, found by reading the code and checked by
recording every file a frozen build opens (an audit hook on `open` and
directory listings; tests/build/test_edition_cache.py repeats the check):

- its own folder `versions/<edition>/` (docs, data, mkdocs.yml; not `.cache/`);
- `editions.yml` and the root `mkdocs.yml` it INHERITs, `pyproject.toml` (our
  plugins' entry points) and the lock files;
- the platform code the build imports: `mkdocs_plugins/`, `tools/` (the archive,
  the forms) and `publishing/build.py`; the theme overrides (`custom_dir`);
- the Pyodide files the build hashes into the boot manifest, and their version;
- the Python that runs the build and every installed distribution's version
  (MkDocs, Material, Markdown extensions, Jinja, segno…);
- the environment the build is given (ROH_*, SOURCE_DATE_EPOCH, TZ);
- what it reads of the other published editions: the editions plugin reads the
  front matter of every edition's pages (uid, number, title, review dates), the
  list of their Markdown files and their `_data/retired-sections.yml`, and the
  old edition's banner, canonical link and section map come from that. Page
  bodies of other editions are not read, so a one-page change to the current
  edition's text leaves every frozen edition's key alone.

An entry is written into a temporary folder and renamed into place, with a
manifest of every file's size and sha256 written last; an entry whose files do
not match its manifest (a partial copy, a truncated or edited file) is removed
and rebuilt. Only the newest entry of each edition is kept.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import mkdocs_plugins
import tools
from mkdocs_plugins.editions.retired import FILE as RETIRED_FILE
from mkdocs_plugins.editions.sources import page_files
from mkdocs_plugins.editions_data import FILE_NAME as EDITIONS_FILE
from mkdocs_plugins.editions_data import Edition
from mkdocs_plugins.tool_forms.assets import PYODIDE_FILES
from mkdocs_plugins.tool_forms.config import ToolFormsConfig
from publishing import build

#: Bump when the entry layout or the key's recipe changes.
FORMAT = "1"
FOLDER = Path(".cache") / "editions"
MANIFEST = "manifest.json"
SITE = "site"
#: Files beside editions.yml that pin what the build runs.
LOCK_FILES = ("pyproject.toml", "requirements.lock", "requirements-properdocs.lock",
              "package.json", "package-lock.json")
#: Never part of a key: caches the build itself writes, bytecode.
_SKIPPED_PARTS = {".cache", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
_ENV_PREFIXES = ("ROH_",)
_ENV_NAMES = ("SOURCE_DATE_EPOCH", "TZ")
_PYODIDE_FILES = (*PYODIDE_FILES, "package.json", "pyodide-lock.json")


class _AnyTagLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Reads mkdocs.yml's own tags (!ENV, !relative) as plain values."""


def _any_tag(loader: Any, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)


_AnyTagLoader.add_multi_constructor("!", _any_tag)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _files(folder: Path) -> list[Path]:
    """Every file under `folder`, sorted, without caches and bytecode."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not _SKIPPED_PARTS & set(p.relative_to(folder).parts)
                  and p.suffix != ".pyc")


def _tree(label: str, folder: Path) -> Iterable[tuple[str, str]]:
    for path in _files(folder):
        yield f"{label}/{path.relative_to(folder).as_posix()}", _sha(path.read_bytes())


def _file(label: str, path: Path) -> tuple[str, str]:
    return label, _sha(path.read_bytes()) if path.is_file() else "missing"


def front_matter_block(text: str) -> str:
    """The front matter as the editions plugin reads it ("" when there is none)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return ""
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[: index + 1])
    return ""  # never closed: the plugin reads no front matter either


def _other_edition(edition: Edition) -> Iterable[tuple[str, str]]:
    """What a build reads of another published edition: page list, front matter, retirements."""
    docs = Path(edition.config_dir or ".") / "docs"
    label = f"edition {edition.edition}"
    for src_uri in page_files(docs):
        block = front_matter_block((docs / src_uri).read_text("utf-8"))
        yield f"{label}: {src_uri} front matter", _sha(block.encode("utf-8"))
    yield _file(f"{label}: {RETIRED_FILE}", docs / RETIRED_FILE)


def _config_chain(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml with its INHERIT parents merged as MkDocs merges them (child wins)."""
    data = yaml.load(config_file.read_text("utf-8"), Loader=_AnyTagLoader) or {}
    parent = data.pop("INHERIT", None)
    if not parent:
        return dict(data)
    merged = _config_chain((config_file.parent / str(parent)).resolve())
    for name, value in data.items():
        if isinstance(value, dict) and isinstance(merged.get(name), dict):
            merged[name] = {**merged[name], **value}
        else:
            merged[name] = value
    return merged


def _pyodide_dir(config: Mapping[str, Any]) -> str:
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "tool_forms" in entry:
            options = entry["tool_forms"] or {}
            if "pyodide_dir" in options:
                return str(options["pyodide_dir"])
    default = ToolFormsConfig().pyodide_dir
    return str(default)


def platform_dirs(root: Path, edition: Edition) -> tuple[Path, Path]:
    """(theme overrides, Pyodide folder) as this edition's mkdocs.yml names them."""
    config_dir = Path(edition.config_dir or root)
    config = _config_chain(config_dir / "mkdocs.yml")
    theme = config.get("theme") or {}
    custom = theme.get("custom_dir", "overrides") if isinstance(theme, dict) else "overrides"
    # MkDocs resolves custom_dir against the edition's own file; tool_forms
    # resolves pyodide_dir against the repository root (tool_forms.platform_root).
    return (config_dir / str(custom)).resolve(), (root / _pyodide_dir(config)).resolve()


def _distributions() -> str:
    names = sorted(f"{d.metadata['Name']}=={d.version}"
                   for d in importlib.metadata.distributions() if d.metadata["Name"])
    return "\n".join(names)


def build_environment(env: Mapping[str, str]) -> dict[str, str]:
    """The part of a build's environment that can change its output."""
    return {k: v for k, v in sorted(env.items())
            if k.startswith(_ENV_PREFIXES) or k in _ENV_NAMES}


class Keys:
    """Cache keys for the frozen editions of one publish.

    The platform's share of a key (code, theme, Pyodide, installed packages)
    is read once per publish, not once per edition: a publish runs on one
    checkout, and a later publish makes a new Keys.
    """

    def __init__(self, root: Path, published: list[Edition]) -> None:
        self._root = root
        self._published = published
        self._platform: dict[tuple[Path, Path], list[tuple[str, str]]] = {}

    def _shared(self, overrides: Path, pyodide: Path) -> list[tuple[str, str]]:
        if (overrides, pyodide) not in self._platform:
            root = self._root
            inputs = [_file(EDITIONS_FILE, root / EDITIONS_FILE),
                      _file("mkdocs.yml", root / "mkdocs.yml"),
                      *(_file(name, root / name) for name in LOCK_FILES),
                      *_tree("mkdocs_plugins", Path(mkdocs_plugins.__file__).parent),
                      *_tree("tools", Path(tools.__file__).parent),
                      _file("publishing/build.py", Path(build.__file__)),
                      *_tree("overrides", overrides),
                      *(_file(f"pyodide/{name}", pyodide / name) for name in _PYODIDE_FILES),
                      ("python", _sha(sys.version.encode())),
                      ("distributions", _sha(_distributions().encode()))]
            self._platform[(overrides, pyodide)] = inputs
        return self._platform[(overrides, pyodide)]

    def inputs(self, edition: Edition, env: Mapping[str, str]) -> list[tuple[str, str]]:
        """Every input of `edition`'s build as (what, sha256), in a fixed order."""
        assert edition.config_dir is not None, "only published editions are built"
        overrides, pyodide = platform_dirs(self._root, edition)
        inputs: list[tuple[str, str]] = [("format", FORMAT), ("edition", edition.edition)]
        inputs += _tree(f"versions/{edition.edition}", Path(edition.config_dir))
        inputs += self._shared(overrides, pyodide)
        inputs.append(("environment", _sha(json.dumps(build_environment(env)).encode())))
        for other in self._published:
            if other.edition != edition.edition:
                inputs += _other_edition(other)
        return inputs

    def key(self, edition: Edition, env: Mapping[str, str]) -> str:
        return cache_key(self.inputs(edition, env))


def cache_key(inputs: list[tuple[str, str]]) -> str:
    return _sha("".join(f"{what}\0{digest}\n" for what, digest in inputs).encode())


def frozen_epoch(root: Path, edition: Edition) -> int:
    """SOURCE_DATE_EPOCH for a frozen edition: when its own inputs last changed.

    The last commit that touched its folder or the platform (not the newest
    commit of the repository, which any change to the current edition moves),
    so the sitemap's dates, and with them the cache key, stay put while only
    the current edition is edited. Outside git: the newest of those files' times.
    """
    assert edition.config_dir is not None
    paths = [Path(edition.config_dir), root / EDITIONS_FILE, root / "mkdocs.yml",
             *(root / name for name in LOCK_FILES), Path(mkdocs_plugins.__file__).parent,
             Path(tools.__file__).parent, Path(build.__file__), *platform_dirs(root, edition)]
    inside = [str(p) for p in paths if p.exists() and p.resolve().is_relative_to(root.resolve())]
    done = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct", "--", *inside],
                          capture_output=True, text=True)
    if done.returncode == 0 and done.stdout.strip().isdigit():
        return int(done.stdout.strip())
    files = [f for p in paths for f in ([p] if p.is_file() else _files(p))]
    return max(int(f.stat().st_mtime) for f in files)


@dataclass(frozen=True)
class EditionCache:
    """The cache folder of one repository: `<root>/.cache/editions/`."""

    folder: Path

    def _entry(self, key: str) -> Path:
        return self.folder / key

    def restore(self, key: str, target: Path, previous: Path | None = None) -> bool:
        """Put the entry for `key` at `target`; False (and the entry removed) if it is unsound.

        When `previous` (the same edition in the publish being replaced) holds
        exactly the entry's files, it is moved to `target` instead: no file is
        written, and the old publish has that much less to delete. The caller
        moves it back if the publish fails (publish.py).
        """
        entry = self._entry(key)
        files = _manifest_files(entry)
        if files is None or not _matches(entry / SITE, files):
            shutil.rmtree(entry, ignore_errors=True)
            return False
        if previous is not None and previous.is_dir() and _matches(previous, files):
            previous.rename(target)
        else:
            _link_tree(entry / SITE, target)
        return True

    def store(self, key: str, edition: str, built: Path) -> None:
        """Keep a copy of `built` as the entry for `key`, atomically; drop older entries."""
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f".{key}.{os.getpid()}.tmp"
        shutil.rmtree(temporary, ignore_errors=True)
        shutil.copytree(built, temporary / SITE)
        files = {p.relative_to(temporary / SITE).as_posix(): [p.stat().st_size,
                                                              _sha(p.read_bytes())]
                 for p in sorted((temporary / SITE).rglob("*")) if p.is_file()}
        # The manifest is written last: an entry without one was never finished.
        (temporary / MANIFEST).write_text(
            json.dumps({"edition": edition, "files": files}, sort_keys=True), "utf-8")
        entry = self._entry(key)
        shutil.rmtree(entry, ignore_errors=True)
        try:
            temporary.rename(entry)
        except OSError:  # another publish stored the same key meanwhile: keep theirs
            shutil.rmtree(temporary, ignore_errors=True)
            return
        for other in self.folder.iterdir():
            if other != entry and other.is_dir() and _edition_of(other) == edition:
                shutil.rmtree(other, ignore_errors=True)


def _link_tree(source: Path, target: Path) -> None:
    """`target` as a copy of `source` made of hard links (a real copy across devices).

    A later publish that finds an entry edited through such a link sees its
    sha256 no longer match, drops it and rebuilds.
    """
    for folder, _, names in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                os.link(Path(folder) / name, here / name)
            except OSError:
                shutil.copy2(Path(folder) / name, here / name)


def _edition_of(entry: Path) -> str | None:
    try:
        return str(json.loads((entry / MANIFEST).read_text("utf-8"))["edition"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _manifest_files(entry: Path) -> dict[str, list[int | str]] | None:
    """The entry's manifest (file -> [size, sha256]), or None if it has none or it is unreadable."""
    try:
        files = json.loads((entry / MANIFEST).read_text("utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return files if isinstance(files, dict) else None


def _matches(site: Path, files: dict[str, list[int | str]]) -> bool:
    """Every file the manifest lists is in `site` with its size and sha256, and no other."""
    if not site.is_dir():
        return False
    present = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    if set(present) != set(files):
        return False
    for name, path in present.items():
        size, digest = files[name]
        if path.stat().st_size != size or _sha(path.read_bytes()) != digest:
            return False
    return True
