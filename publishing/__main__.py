"""`python -m publishing freeze <edition>`, `python -m publishing publish --out public/`
and `python -m publishing kill-switch --out public/`.

Both print a plain message and exit 1 when they refuse (no traceback): an
author's mistake is something to fix, not a crash.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from mkdocs_plugins.editions_data import find_root
from publishing import address, kill_switch
from publishing.build import BuildError
from publishing.freeze import FreezeError, freeze, next_steps
from publishing.publish import PublishError, publish
from publishing.root_pages import RootPageError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m publishing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    frozen = commands.add_parser("freeze", help="freeze the current edition into versions/")
    frozen.add_argument("edition", help='the current edition\'s number, e.g. "4.36"')
    out = commands.add_parser("publish", help="build every published edition into one folder")
    out.add_argument("--out", type=Path, default=Path("public"), help="the folder to publish into")
    out.add_argument("--local", action="store_true",
                     help=f"publish for reading on this computer ({address.LOCAL} unless "
                          f"{address.ENV} says otherwise); QR codes then lead here only")
    killed = commands.add_parser(
        "kill-switch", help="replace every edition's service worker in a publish with one "
                            "that removes the offline copy (publish again to undo)")
    killed.add_argument("--out", type=Path, default=Path("public"),
                        help="the folder the guide was published into")
    return parser


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    try:
        root = find_root(Path.cwd())
        if arguments.command == "freeze":
            freeze(root, arguments.edition)
            print(next_steps(root, arguments.edition))
            return 0
        if arguments.command == "kill-switch":
            written = kill_switch.write(arguments.out.resolve())
            print(f"Kill switch written to {len(written)} service workers: "
                  f"{', '.join(str(p) for p in written)}. Readers' browsers remove the offline "
                  "copy at their next visit; publish again to undo.")
            return 0
        value = os.environ.get(address.ENV)
        if arguments.local and not value:
            value = address.LOCAL
        root_url = address.site_root(value, local=arguments.local)
        started = time.monotonic()
        report = publish(root, arguments.out.resolve(), root_url)
        builds = ", ".join(f"{e} in {s:.1f} s" for e, s in report.seconds.items())
        print(f"Published editions {', '.join(report.editions)} for {root_url} into "
              f"{report.out}/ in {time.monotonic() - started:.1f} s ({builds}; "
              f"{_size(report.out) / 1e6:.1f} MB).")
        if arguments.local:
            print(f"Local publish: its QR codes and cards lead to {root_url}, this computer only.")
        return 0
    except (address.AddressError, kill_switch.KillSwitchError, FreezeError, PublishError,
            BuildError, RootPageError, MkDocsException) as error:
        print(f"{arguments.command}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
