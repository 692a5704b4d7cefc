"""The address guard: every spelling of a non-public address is refused (issue 12, Bad input).

No network: resolvers are stand-ins; IP literals never reach a resolver.
"""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.evidence.capture.guard import (
    AddressRefusedError,
    Refusal,
    check_url,
    is_public,
    parse_ipv4,
)


def no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"an IP literal must not be resolved: {host}")


def resolves_to(*addresses: str):
    return lambda host, port: list(addresses)


def refused(url: str, **kwargs) -> AddressRefusedError:
    kwargs.setdefault("resolve", no_dns)
    with pytest.raises(AddressRefusedError) as info:
        check_url(url, **kwargs)
    return info.value


LOOPBACK_SPELLINGS = [
    "http://127.0.0.1/",
    "http://2130706433/",  # decimal
    "http://0177.0.0.1/",  # octal
    "http://0177.0000.0000.0001/",
    "http://017700000001/",  # octal, one part
    "http://0x7f.0.0.1/",  # hexadecimal
    "http://0x7f000001/",
    "http://0x7F.1/",
    "http://127.1/",  # two parts
    "http://127.0.1/",  # three parts
    "http://127.0.0.1./",  # trailing dot
    "http://[::1]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped IPv6
    "http://[::ffff:7f00:1]/",
    "http://[64:ff9b::7f00:1]/",  # NAT64
    "http://[2002:7f00:1::]/",  # 6to4
    "https://127.0.0.1:8443/x?y=1",
]

OTHER_NON_PUBLIC = [
    "http://0.0.0.0/",  # unspecified
    "http://0/",
    "http://[::]/",
    "http://10.0.0.1/",  # private
    "http://012.0.0.1/",  # octal 10.0.0.1
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://3232235777/",  # decimal 192.168.1.1
    "http://169.254.169.254/latest/meta-data/",  # link-local (cloud metadata)
    "http://[fe80::1]/",
    "http://[fe80::1%25eth0]/",
    "http://100.64.0.1/",  # shared address space
    "http://224.0.0.1/",  # multicast
    "http://[ff02::1]/",
    "http://240.0.0.1/",  # reserved
    "http://255.255.255.255/",
    "http://192.0.2.1/",  # documentation
    "http://[2001:db8::1]/",
    "http://[fc00::1]/",  # unique local
    "http://[fec0::1]/",  # site-local
    "http://[::ffff:10.0.0.1]/",
    "http://[::ffff:169.254.169.254]/",
]


@pytest.mark.parametrize("url", LOOPBACK_SPELLINGS + OTHER_NON_PUBLIC)
def test_non_public_address_is_refused_in_every_spelling(url):
    error = refused(url)
    assert error.reason is Refusal.NOT_PUBLIC
    assert error.address


def test_decimal_and_octal_spellings_mean_what_browsers_read():
    assert str(parse_ipv4("2130706433")) == "127.0.0.1"
    assert str(parse_ipv4("0177.0.0.1")) == "127.0.0.1"
    assert str(parse_ipv4("0x7f.1")) == "127.0.0.1"
    assert str(parse_ipv4("10.1")) == "10.0.0.1"
    assert parse_ipv4("example.org") is None
    assert parse_ipv4("1.2.3.example") is None


@pytest.mark.parametrize(
    "url",
    ["http://1.2.3.4.5/", "http://256.1.1.1/", "http://08.1.1.1/", "http://1.2.3.256/"],
)
def test_a_number_that_is_no_ipv4_address_is_malformed(url):
    assert refused(url).reason is Refusal.MALFORMED


def test_hostname_resolving_to_a_private_address_is_refused():
    error = refused("https://intranet.example/", resolve=resolves_to("10.1.2.3"))
    assert error.reason is Refusal.NOT_PUBLIC
    assert error.address == "10.1.2.3"


def test_hostname_with_one_private_answer_among_public_ones_is_refused():
    resolve = resolves_to("93.184.216.34", "::1")
    assert (
        refused("https://mixed.example/", resolve=resolve).reason is Refusal.NOT_PUBLIC
    )


def test_localhost_is_refused_whatever_its_case():
    resolve = resolves_to("127.0.0.1")
    assert refused("http://LocalHost./", resolve=resolve).reason is Refusal.NOT_PUBLIC


def test_unresolvable_host_is_refused():
    assert refused("https://nx.example/", resolve=resolves_to()).reason is (
        Refusal.UNRESOLVED
    )


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/", Refusal.SCHEME),
        ("file:///etc/passwd", Refusal.SCHEME),
        ("gopher://127.0.0.1/", Refusal.SCHEME),
        ("javascript:alert(1)", Refusal.SCHEME),
        ("http:///nohost", Refusal.MALFORMED),
        ("http://example.org:99999/", Refusal.MALFORMED),
        ("http://example.org:0/", Refusal.MALFORMED),
        ("http://user:pw@93.184.216.34/", Refusal.CREDENTIALS),
        ("http://93.184.216.34@127.0.0.1/", Refusal.CREDENTIALS),
    ],
)
def test_other_bad_urls(url, reason):
    assert refused(url).reason is reason


def test_public_address_passes_and_is_the_one_to_connect_to():
    target = check_url(
        "https://www.example.org/post/1?x=2", resolve=resolves_to("93.184.216.34")
    )
    assert str(target.address) == "93.184.216.34"
    assert target.host == "www.example.org"
    assert target.port == 443
    assert target.path == "/post/1?x=2"
    assert target.host_header == "www.example.org"


def test_resolver_is_asked_once_and_its_first_answer_is_pinned():
    calls = []

    def resolve(host, port):
        calls.append(host)
        return ["93.184.216.34", "93.184.216.35"]

    target = check_url("http://news.example:8080/", resolve=resolve)
    assert calls == ["news.example"]
    assert str(target.address) == "93.184.216.34"
    assert target.host_header == "news.example:8080"


def test_allowed_host_may_be_private_but_only_that_host():
    target = check_url(
        "http://127.0.0.1:8000/", allowed_hosts=["127.0.0.1"], resolve=no_dns
    )
    assert str(target.address) == "127.0.0.1"
    # the same address under another spelling is the same host
    check_url("http://2130706433:8000/", allowed_hosts=["127.0.0.1"], resolve=no_dns)
    # another name for it is not allowed
    error = refused(
        "http://localhost:8000/",
        allowed_hosts=["127.0.0.1"],
        resolve=resolves_to("127.0.0.1"),
    )
    assert error.reason is Refusal.NOT_PUBLIC


def test_allowed_name_is_normalised():
    check_url(
        "http://Archive.Intern./",
        allowed_hosts=["archive.intern"],
        resolve=resolves_to("10.0.0.5"),
    )


# Property-based: every IPv4 address, in every spelling the WHATWG parser accepts, is judged
# the same as its canonical form, and every non-public one is refused.

ipv4 = st.integers(min_value=0, max_value=2**32 - 1).map(ipaddress.IPv4Address)


def _spell(value: int, parts: int, style: str) -> str:
    widths = {1: [32], 2: [8, 24], 3: [8, 8, 16], 4: [8, 8, 8, 8]}[parts]
    numbers, shift = [], 32
    for width in widths:
        shift -= width
        numbers.append((value >> shift) & ((1 << width) - 1))
    fmt = {"dec": str, "oct": lambda n: "0" + format(n, "o"), "hex": hex}[style]
    return ".".join(fmt(n) for n in numbers)


@given(
    address=ipv4,
    parts=st.integers(1, 4),
    style=st.sampled_from(["dec", "oct", "hex"]),
)
def test_every_ipv4_spelling_is_judged_as_its_address(address, parts, style):
    spelled = _spell(int(address), parts, style)
    assert parse_ipv4(spelled) == address
    url = f"http://{spelled}/"
    if is_public(address):
        assert check_url(url, resolve=no_dns).address == address
    else:
        assert refused(url).reason is Refusal.NOT_PUBLIC


@given(address=ipv4)
def test_ipv4_mapped_ipv6_is_judged_as_the_ipv4_address(address):
    mapped = ipaddress.IPv6Address(f"::ffff:{address}")
    assert is_public(mapped) is False  # ::ffff:0:0/96 is never a public route
    if not is_public(address):
        assert refused(f"http://[{mapped}]/").reason is Refusal.NOT_PUBLIC


@given(address=st.ip_addresses())
def test_names_resolving_to_any_address_are_judged_by_it(address):
    resolve = resolves_to(str(address))
    if is_public(address):
        assert check_url("https://site.example/", resolve=resolve).address == address
    else:
        assert refused("https://site.example/", resolve=resolve).reason is (
            Refusal.NOT_PUBLIC
        )


@given(address=st.ip_addresses())
def test_a_public_address_is_no_special_range(address):
    if is_public(address):
        assert not (
            address.is_loopback
            or address.is_private
            or address.is_link_local
            or address.is_multicast
            or address.is_reserved
            or address.is_unspecified
        )


@given(url=st.text(max_size=60))
def test_arbitrary_text_is_refused_or_checked_never_crashes(url):
    try:
        target = check_url(url, resolve=resolves_to("93.184.216.34"))
    except AddressRefusedError:
        return
    assert is_public(target.address)
