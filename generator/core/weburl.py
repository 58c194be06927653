"""Web addresses a record gives (a source's `url`): parsed, refused or written one way.

An address is untrusted text that ends up in an `href`, in Markdown and in the open data. It
is read with the standard library's parser (urllib.parse.urlsplit), accepted only when it is
an http(s) address of a host, and written by `href` alone: every character that RFC 3986 does
not allow in an address (spaces, quotes, `<`, `>`, `|`, `\\`, non-ASCII…) percent-encoded as
UTF-8, and an international host name in its ASCII (IDNA) form. What `href` returns holds only
the URI characters of RFC 3986 and no `<`, `>`, `"`, space or `|`, so it can stand inside a
Markdown link `(<…>)`, a table cell and an HTML attribute; the HTML writer still escapes `&`.
"""
from __future__ import annotations

import string
import unicodedata
from urllib.parse import SplitResult, quote, urlsplit

__all__ = ["MAX_URL", "UrlError", "parse_web_url", "href"]

MAX_URL = 2048  # what browsers, servers and sitemaps handle everywhere

# RFC 3986: unreserved, gen-delims and sub-delims; "%" is kept only before two hex digits
# ("[" and "]" belong to a host only: elsewhere they are encoded too)
_URI_CHARS = frozenset(string.ascii_letters + string.digits + "-._~" + ":/?#@" + "!$&'()*+,;=")
_HEX = frozenset(string.hexdigits)
_HOST_CHARS = frozenset(string.ascii_lowercase + string.digits + "-._")  # "_": some real subdomains


class UrlError(ValueError):
    """Why an address cannot be published; the message is for `register check`."""


def _bad_character(value: str) -> str | None:
    """Why a character cannot stand in an address, or None when none is such."""
    for char in value:
        category = unicodedata.category(char)
        if char.isspace() or category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"):
            name = unicodedata.name(char, "") or "a control character"
            return (f"the address contains {name.lower()} (U+{ord(char):04X}); an address has no "
                    "spaces, line breaks or invisible characters (write a space as %20)")
        if char == "\\":  # browsers read it as "/": the link would go elsewhere than it shows
            return "the address contains a backslash (\\); write / or %5C"
    return None


def _ascii_host(host: str) -> str:
    """The host as DNS knows it: IDNA for an international name ("bộ.vn" → "xn--b-…")."""
    if host.startswith("["):
        return host  # an IPv6 literal, checked by urlsplit
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise UrlError(f"the host name {host!r} is not a valid domain name") from None
    labels = ascii_host.rstrip(".").split(".")
    if not all(labels) or not set(ascii_host) <= _HOST_CHARS or any(
            label.startswith("-") or label.endswith("-") or len(label) > 63 for label in labels):
        raise UrlError(f"the host name {host!r} is not a valid domain name")
    return ascii_host


def parse_web_url(value: str) -> SplitResult:
    """`value` parsed, or UrlError saying why it is not a web address that can be linked:
    http or https, a host, no user name or password, no whitespace or invisible character."""
    if len(value) > MAX_URL:
        raise UrlError(f"the address is {len(value):,} characters long; the limit is {MAX_URL:,}")
    bad = _bad_character(value)
    if bad is not None:
        raise UrlError(bad)
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as exc:
        raise UrlError(f"not a web address: {exc}") from None
    if parts.scheme not in ("http", "https") or not value[len(parts.scheme):].startswith("://"):
        raise UrlError("a source url must start with https:// or http://")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise UrlError("the address holds a user name or password (…@): give the public address")
    host, _ = _host_port(parts.netloc)
    if not host:
        raise UrlError("the address has no host name (https://<host>/…)")
    _ascii_host(host)
    return parts


def _host_port(netloc: str) -> tuple[str, str]:
    """("host", ":port") of a netloc without user information (urlsplit checked the port)."""
    if netloc.startswith("["):
        end = netloc.index("]") + 1
        return netloc[:end], netloc[end:]
    host, colon, port = netloc.partition(":")
    return host, colon + port


def _encode(part: str) -> str:
    """Percent-encode what RFC 3986 does not allow, keeping every escape already written."""
    out = []
    for i, char in enumerate(part):
        if char == "%":
            out.append("%" if part[i + 1:i + 2] in _HEX and part[i + 2:i + 3] in _HEX and
                       len(part[i + 1:i + 3]) == 2 else "%25")
        elif char in _URI_CHARS:
            out.append(char)
        else:
            out.append(quote(char, safe=""))
    return "".join(out)


def href(value: str) -> str:
    """The address as it is written into a page: parsed (UrlError if it cannot be), the host
    in ASCII, everything else percent-encoded where RFC 3986 asks for it. The same value gives
    the same text, so a page is byte-identical from build to build."""
    parts = parse_web_url(value)
    host, port = _host_port(parts.netloc)
    netloc = _ascii_host(host) + port
    rest = value[len(parts.scheme) + 3 + len(parts.netloc):]
    return f"{parts.scheme}://{netloc}{_encode(rest)}"
