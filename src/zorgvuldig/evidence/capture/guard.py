"""The address guard for outgoing fetches: only public internet addresses, checked after DNS
resolution and again at every redirect.

Pure Python (no Django), so the media watch can share it. Shapes:

- :func:`check_url` takes a URL string, the administrator's allowed hosts and a resolver
  ``(host, port) -> [address text, ...]`` and returns a :class:`Target`: the URL's parts plus
  the one IP address that was checked. The caller connects to ``Target.address`` and to
  nothing else, so a second DNS answer (DNS rebinding) cannot switch the connection to
  another machine.
- A refusal raises :class:`AddressRefusedError` with a :class:`Refusal` code; the caller words it.

Host spellings follow the WHATWG URL standard's host parser (https://url.spec.whatwg.org/
#host-parsing), which browsers use and which matches ``inet_aton``: a host whose last label
is a number is an IPv4 address, in one to four parts, each decimal, octal (leading ``0``) or
hexadecimal (``0x``): ``2130706433``, ``0177.0.0.1``, ``0x7f.1`` and ``127.1`` are all
127.0.0.1. We parse them ourselves rather than trusting a resolver to, and IPv6 addresses
that embed an IPv4 one (IPv4-mapped ``::ffff:a.b.c.d``, NAT64 ``64:ff9b::/96``, 6to4
``2002::/16``, Teredo) are judged by the embedded address as well.
"""

from __future__ import annotations

import enum
import ipaddress
import socket
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: ``(host, port) -> addresses as text``; the default asks the system (getaddrinfo).
Resolver = Callable[[str, int], Sequence[str]]

SCHEMES = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class Refusal(enum.StrEnum):
    """Why an address is refused; the caller turns the code into a sentence."""

    SCHEME = "scheme"  # not http or https
    MALFORMED = "malformed"  # no host, a bad port, or a number that is no IPv4 address
    CREDENTIALS = "credentials"  # user:password@ in the URL
    UNRESOLVED = "unresolved"  # DNS gave no address
    NOT_PUBLIC = "not_public"  # loopback, private, link-local, multicast, reserved …


class AddressRefusedError(Exception):
    """An address the guard will not let a fetch reach.

    Attributes: ``reason`` (:class:`Refusal`), ``url`` (as given), ``address`` (the
    offending IP as text, when there is one).
    """

    def __init__(self, reason: Refusal, url: str, address: str = "") -> None:
        super().__init__(
            f"{reason.value}: {url}" + (f" ({address})" if address else "")
        )
        self.reason = reason
        self.url = url
        self.address = address


@dataclass(frozen=True)
class Target:
    """A checked URL: where to connect (``address``, ``port``) and what to ask for."""

    url: str
    scheme: str
    host: str  # normalised: lower case, no trailing dot, IDNA; an IP in canonical form
    port: int
    path: str  # path and query, at least "/"
    address: IPAddress

    @property
    def host_header(self) -> str:
        """The Host header: the host, with the port when it is not the scheme's own."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == SCHEMES[self.scheme] else f"{host}:{self.port}"


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (TCP)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


def is_public(address: IPAddress) -> bool:
    """Whether ``address`` is a public internet address that a capture may reach.

    Refused: loopback, private (RFC 1918, unique-local), shared (100.64/10), link-local,
    multicast, reserved, unspecified, site-local, documentation and benchmark ranges
    (Python's ``is_global`` from the IANA special-purpose registries), and any IPv6 address
    whose embedded IPv4 address is one of those.
    """
    if (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    ):
        return False
    if isinstance(address, ipaddress.IPv6Address):
        if address.is_site_local:
            return False
        embedded = [address.ipv4_mapped, address.sixtofour]
        if address.teredo:
            embedded.extend(address.teredo)
        if address in _NAT64:
            embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        return all(is_public(inner) for inner in embedded if inner is not None)
    return True


def parse_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a host spells, by the WHATWG rules; ``None`` when its last label is
    not a number (then it is a name).

    Raises:
        ValueError: the last label is a number but the whole is no IPv4 address
            (``1.2.3.4.5``, ``999.1.1.1``, ``08.1.1.1``).
    """
    labels = host.split(".")
    if labels and labels[-1] == "" and len(labels) > 1:
        labels = labels[:-1]
    if not labels or not _is_number(labels[-1]):
        return None
    if len(labels) > 4:
        raise ValueError(host)
    numbers = [_number(label) for label in labels]
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        raise ValueError(host)
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def _is_number(label: str) -> bool:
    lower = label.lower()
    if lower.startswith("0x"):
        return all(c in "0123456789abcdef" for c in lower[2:])
    return lower != "" and lower.isascii() and lower.isdigit()


def _number(label: str) -> int:
    lower = label.lower()
    if lower.startswith("0x"):
        return int(lower[2:] or "0", 16)
    if len(lower) > 1 and lower.startswith("0"):
        return int(lower, 8)  # ValueError on 08, 09
    return int(lower)


def normalise_host(host: str) -> tuple[str, IPAddress | None]:
    """``(host text, IP address or None)``: lower case, without a trailing dot, IDNA for
    names; an IP literal (any IPv4 spelling, IPv6 with or without zone) in canonical form.

    Raises:
        ValueError: empty, or a numeric host that is no IPv4 address.
    """
    host = host.strip().lower()
    if not host:
        raise ValueError("empty host")
    if ":" in host:  # IPv6; urlsplit has taken off the brackets
        address = ipaddress.IPv6Address(host.split("%", 1)[0])
        return str(address), address
    ipv4 = parse_ipv4(host)
    if ipv4 is not None:
        return str(ipv4), ipv4
    name = host.rstrip(".")
    if not name:
        raise ValueError("empty host")
    if not name.isascii():
        name = name.encode("idna").decode("ascii")
    return name, None


def check_url(
    url: str,
    *,
    allowed_hosts: Collection[str] = (),
    resolve: Resolver = system_resolver,
) -> Target:
    """Check ``url`` and choose the address to connect to.

    Args:
        url: an absolute http(s) URL as the user typed it or a ``Location`` header gave it.
        allowed_hosts: hosts an administrator lets captures reach even when they are not
            public (normalised as :func:`normalise_host` does; ``127.0.0.1`` also allows
            ``2130706433``).
        resolve: the resolver; asked once, and every answer must be public.

    Returns:
        The :class:`Target`, whose ``address`` is the first address the resolver gave.

    Raises:
        AddressRefusedError: with the :class:`Refusal` that applies.
    """
    try:
        parts = urlsplit(url.strip())
        port_given = parts.port
    except ValueError:
        raise AddressRefusedError(Refusal.MALFORMED, url) from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise AddressRefusedError(Refusal.SCHEME, url)
    if parts.username is not None or parts.password is not None:
        raise AddressRefusedError(Refusal.CREDENTIALS, url)
    try:
        host, literal = normalise_host(parts.hostname or "")
    except (ValueError, UnicodeError):
        raise AddressRefusedError(Refusal.MALFORMED, url) from None
    port = port_given if port_given is not None else SCHEMES[scheme]
    if port == 0:
        raise AddressRefusedError(Refusal.MALFORMED, url)
    allowed = {_allowed_form(h) for h in allowed_hosts}
    if literal is not None:
        addresses: list[IPAddress] = [literal]
    else:
        addresses = []
        for text in resolve(host, port):
            try:
                addresses.append(ipaddress.ip_address(text.split("%", 1)[0]))
            except ValueError:
                continue
        if not addresses:
            raise AddressRefusedError(Refusal.UNRESOLVED, url)
    if host not in allowed:
        for address in addresses:
            if not is_public(address):
                raise AddressRefusedError(Refusal.NOT_PUBLIC, url, str(address))
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Target(
        url=url.strip(),
        scheme=scheme,
        host=host,
        port=port,
        path=path,
        address=addresses[0],
    )


def _allowed_form(host: str) -> str:
    try:
        return normalise_host(host.strip("[]"))[0]
    except (ValueError, UnicodeError):
        return host.strip().lower()
