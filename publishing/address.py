"""The address the guide is published at, checked before anything is built.

Every QR code, trainer card and canonical link carries this address, so a
publish made without it (or for the local test server) would print codes that
lead nowhere once the site is on its real host. `--local` is the one exception:
`make serve` publishes for http://127.0.0.1:8000/ on purpose.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs_plugins.guide_pages.this_edition import is_local_address

ENV = "ROH_SITE_URL"
LOCAL = "http://127.0.0.1:8000/"
_WHY = ("QR codes, trainer cards and canonical links carry this address, so it must be "
        "where readers will find the guide")


class AddressError(Exception):
    """The site address is missing or unusable; the message says what to do."""


def site_root(value: str | None, *, local: bool = False) -> str:
    """The checked address of the whole site, ending with "/".

    `local`: a publish for reading on this computer, where a loopback address
    is the point (the codes then lead to this computer only).
    """
    if not value or not value.strip():
        raise AddressError(
            f"{ENV} is not set. Set it to the address the guide will be published at, "
            f"for example {ENV}=https://guide.example.org/ make publish. {_WHY}."
        )
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddressError(
            f"{ENV} must be an http or https address such as https://guide.example.org/, "
            f"not {value!r}."
        )
    if parts.query or parts.fragment:
        raise AddressError(f"{ENV} must not have a query or fragment: {value!r}.")
    # The same test the build uses to warn that its QR codes are local.
    if is_local_address(value) and not local:
        raise AddressError(
            f"{ENV} is {value}, an address on this computer only. {_WHY}: set it to the "
            "address the guide will be published at. (To read the guide here, use "
            "make serve.)"
        )
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"
