"""Web addresses a record gives (a source's `url`): parsed, validated, and written in one safe
form that every output (page, JSON, CSV, feed, JSON-LD) takes as it is.

A record is a contributor's text. An address written into a page's Markdown as it was typed
could open a raw HTML block (a newline), leave its link (a parenthesis) or cut a table cell (a
bar). So an address is parsed with the standard library, refused when it is not an http(s)
address of a host, and re-written percent-encoded: what remains holds no character that
Markdown, HTML, a table cell or a CSV cell gives a meaning to, save `&` (HTML-escaped by every
writer of HTML) and the RFC 3986 delimiters of its parts.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

MAX_ADDRESS = 2_000  # what browsers and servers reliably take

# kept as they are in each part (RFC 3986 unreserved, sub-delims but ( ) ' and *, ":" "@" "/"
# "?"); "%" is kept only as the start of an escape (below), everything else is percent-encoded
_PATH_SAFE = "-._~!$&+,;=:@/"
_QUERY_SAFE = _PATH_SAFE + "?"
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_HOST = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?")


def _encode(part: str, safe: str) -> str:
    """Percent-encode `part`, keeping its existing escapes (%2F stays %2F, a lone % is %25)."""
    return quote(_BAD_ESCAPE.sub("%25", part), safe=safe + "%")


def web_address(raw: str) -> tuple[str | None, str | None]:
    """(the address in its safe written form, None), or (None, why it is refused)."""
    if len(raw) > MAX_ADDRESS:
        return None, f"a source url is longer than {MAX_ADDRESS} characters"
    if any(ch.isspace() or ord(ch) < 0x20 or 0x7f <= ord(ch) < 0xa0 for ch in raw):
        return None, "a source url must not hold spaces, line breaks or control characters"
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        return None, f"a source url that cannot be read as an address ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return None, "a source url must start with https:// or http://"
    if parts.username is not None or parts.password is not None:
        return None, "a source url must not carry a user name or password (user@host)"
    host = parts.hostname or ""
    try:
        ascii_host = host.encode("idna").decode("ascii").lower() if host else ""
    except UnicodeError:
        return None, f"the host of a source url, {host!r}, is not a valid domain name"
    if not ascii_host or not (_HOST.fullmatch(ascii_host) or _is_ip(ascii_host)):
        return None, "a source url must name a host, as in https://chinhphu.vn/…"
    netloc = ascii_host if ":" not in ascii_host else f"[{ascii_host}]"
    if port is not None:
        netloc += f":{port}"
    return urlunsplit((parts.scheme.lower(), netloc, _encode(parts.path, _PATH_SAFE),
                       _encode(parts.query, _QUERY_SAFE), _encode(parts.fragment, _QUERY_SAFE))), None


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
