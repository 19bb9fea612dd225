"""Duplicate fingerprints for articles: exact (content hash, normalised URL) and near
(MinHash over word shingles, with LSH band keys for finding candidates in a store).

An article met twice (the same file ingested again, the same story re-encoded or re-wrapped)
has the same ``content_hash``; the same page reached through a tracking link has the same
``normalise_url``. The same wire story on several sites, each with its own headline, byline
and closing paragraph, has MinHash signatures whose estimated Jaccard similarity is at least
``NEAR_DUPLICATE`` (0.8).

Everything here is deterministic across processes and machines: the hash family is derived
from blake2b with a fixed seed, never from Python's randomised ``hash()``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

#: Estimated Jaccard similarity (of word 5-shingles) at or above which two articles are
#: near-duplicates: the same story with a different headline, byline or last paragraph.
NEAR_DUPLICATE = 0.8
#: Seed of the MinHash hash family. Changing it changes every stored signature.
MINHASH_SEED = "gestae-minhash-1"
#: The prime modulus of the hash family (largest prime below 2**32).
_PRIME = np.uint64(4294967291)
_MAX_HASH = 4294967295

# Apostrophes inside words vanish ("Iraq's" = "Iraqs"); everything else that is not a
# letter or digit separates words.
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ`´](?=\w)")
_WORD = re.compile(r"[^\W_]+")
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def words(text: str) -> list[str]:
    """The words of ``text`` as fingerprints see them: NFKC, lower case, no punctuation."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return _WORD.findall(_APOSTROPHES.sub("", folded))


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the text's words, so case, spacing, line wrapping, punctuation and
    Unicode compatibility forms (ligatures, full-width letters) do not change it."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _tracking_params() -> tuple[frozenset[str], tuple[str, ...]]:
    """Tracking parameter names and prefixes (``data/tracking_params.txt``)."""
    text = resources.files("gestae.ingest").joinpath("data", "tracking_params.txt")
    exact: set[str] = set()
    prefixes: list[str] = []
    for line in text.read_text("utf-8").splitlines():
        name = line.strip().lower()
        if not name or name.startswith("#"):
            continue
        if name.endswith("*"):
            prefixes.append(name[:-1])
        else:
            exact.add(name)
    return frozenset(exact), tuple(prefixes)


def _is_tracking(name: str) -> bool:
    exact, prefixes = _tracking_params()
    low = name.lower()
    return low in exact or low.startswith(prefixes)


def normalise_url(url: str | None) -> str | None:
    """A key for "the same page": http and https alike (keys are written https), host
    lower-cased, ``www.`` and default ports dropped, fragment and tracking parameters
    (utm_*, fbclid, ...) removed, the remaining parameters sorted, no trailing slash.
    None for an empty or non-web URL."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    if host.startswith("www."):
        host = host[4:]
    if port is not None and str(port) != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    return urlunsplit(("https", host, path, urlencode(query), ""))


def _hash32(value: str) -> int:
    """A stable 32-bit hash of a string."""
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=4).digest(), "big")


@lru_cache(maxsize=8)
def _hash_family(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """Coefficients (a, b) of ``num_perm`` hash functions h(x) = (a*x + b) mod p.

    a < 2**31 and x < 2**32 keep a*x + b below 2**64: exact in uint64, no overflow.
    """
    a = np.empty(num_perm, dtype=np.uint64)
    b = np.empty(num_perm, dtype=np.uint64)
    for i in range(num_perm):
        digest = hashlib.blake2b(f"{MINHASH_SEED}:{i}".encode(), digest_size=8).digest()
        a[i] = (int.from_bytes(digest[:4], "big") % (2**31 - 1)) + 1
        b[i] = int.from_bytes(digest[4:], "big")
    return a, b


def shingles(text: str, shingle: int = 5) -> set[str]:
    """The text's word n-grams (a text shorter than ``shingle`` words is one shingle)."""
    tokens = words(text)
    if len(tokens) <= shingle:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + shingle]) for i in range(len(tokens) - shingle + 1)}


def minhash(text: str, num_perm: int = 64, shingle: int = 5) -> list[int]:
    """The MinHash signature of the text's word ``shingle``-grams: ``num_perm`` 32-bit ints.

    Two signatures agree in a position with probability equal to the Jaccard similarity of
    the two shingle sets. A text without words gets the all-maximum signature.
    """
    if num_perm < 1 or shingle < 1:
        raise ValueError("num_perm and shingle must be positive")
    grams = shingles(text, shingle)
    if not grams:
        return [_MAX_HASH] * num_perm
    x = np.fromiter((_hash32(g) for g in grams), dtype=np.uint64, count=len(grams))
    a, b = _hash_family(num_perm)
    hashed = (a[:, None] * x[None, :] + b[:, None]) % _PRIME
    return [int(v) for v in hashed.min(axis=1)]


def lsh_bands(signature: Sequence[int], bands: int = 16) -> list[str]:
    """Band keys of a signature: two articles sharing any key are near-duplicate candidates.

    With 64 values in 16 bands of 4, a pair at Jaccard 0.8 shares a band with probability
    above 0.999, a pair at 0.3 with about 0.12; confirm candidates with ``jaccard_estimate``.
    Keys look like ``"03:9f2c..."`` (band number, then a hash of its rows).
    """
    if bands < 1 or len(signature) % bands:
        raise ValueError(f"a signature of {len(signature)} values cannot be cut in {bands} bands")
    rows = len(signature) // bands
    keys: list[str] = []
    for band in range(bands):
        chunk = signature[band * rows : (band + 1) * rows]
        data = b"".join(int(v).to_bytes(8, "big") for v in chunk)
        keys.append(f"{band:02d}:{hashlib.blake2b(data, digest_size=8).hexdigest()}")
    return keys


def jaccard_estimate(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two texts from their signatures (share of equal
    positions); both must come from the same ``num_perm``."""
    if len(a) != len(b):
        raise ValueError(f"signatures differ in length ({len(a)} and {len(b)})")
    if not a:
        return 0.0
    return float(np.count_nonzero(np.asarray(a) == np.asarray(b))) / len(a)


def is_near_duplicate(a: Sequence[int], b: Sequence[int]) -> bool:
    """Do two signatures belong to near-duplicate texts (estimate >= ``NEAR_DUPLICATE``)?"""
    return jaccard_estimate(a, b) >= NEAR_DUPLICATE
