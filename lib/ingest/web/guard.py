"""Which addresses the collector may fetch: a server-side request feature must not become a
way into the host's own network.

Only http and https; the host name is resolved and every address it resolves to must be a public
one (not private, loopback, link-local, multicast, reserved or unspecified). The fetcher checks
every redirect hop too, so a public page cannot redirect into the private network. Loopback is
allowed only when asked for explicitly (tests serve fixture sites on 127.0.0.1; a user on their
own machine may ask for it on the command line). A host may also trust exact host:port pairs
(`trusted`, e.g. an intranet news source): a URL naming one of them is not checked against the
address table; every other URL, and every redirect away from a trusted pair, still is.

Known limit: the address is checked, then requests resolves the name again to connect; a name
whose DNS answer changes between the two (DNS rebinding) is not caught here.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https")
Resolver = Callable[[str, int], list[str]]  # (host, port) -> IP addresses as text
HostPort = tuple[str, int]  # ("127.0.0.1", 8080), ("intranet.example", 80): host in lower case, IPv6 unbracketed


class BlockedAddress(ValueError):
    """A URL the collector refuses to fetch, with the reason in words."""


def resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


@dataclass(frozen=True)
class AddressGuard:
    allow_loopback: bool = False
    resolver: Resolver = resolve
    trusted: frozenset[HostPort] = frozenset()  # exact (host, port) pairs fetched whatever they resolve to

    def check(self, url: str) -> None:
        """Raise BlockedAddress unless `url` is http(s) and its host resolves only to addresses
        we may fetch."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            raise BlockedAddress(f"only http and https addresses are fetched, not {parts.scheme or 'no scheme'!r}")
        host = parts.hostname
        if not host:
            raise BlockedAddress("the address names no host")
        try:
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        except ValueError as error:
            raise BlockedAddress(f"bad port: {error}") from error
        if (host.lower(), port) in self.trusted:
            return  # the host named this exact pair: its address is theirs to vouch for
        try:
            addresses = self.resolver(host, port)
        except (OSError, UnicodeError) as error:
            raise BlockedAddress(f"the host {host!r} does not resolve ({error})") from error
        if not addresses:
            raise BlockedAddress(f"the host {host!r} resolves to no address")
        for address in addresses:
            problem = self.address_problem(address)
            if problem:
                raise BlockedAddress(f"{host} resolves to {address}, {problem}")

    def address_problem(self, address: str) -> str:
        """Why an IP address may not be fetched, or '' if it may."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 scope (%eth0) is not part of it
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
        if ip.is_loopback:
            return "" if self.allow_loopback else "a loopback address (this machine)"
        for kind, flag in (
            ("a private address", ip.is_private),
            ("a link-local address", ip.is_link_local),
            ("a multicast address", ip.is_multicast),
            ("a reserved address", ip.is_reserved),
            ("the unspecified address", ip.is_unspecified),
        ):
            if flag:
                return kind
        if not ip.is_global:  # shared address space (100.64/10) and other non-public ranges
            return "not a public address"
        return ""
