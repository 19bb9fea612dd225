"""Duplicate fingerprints: exact content hash, URL keys, MinHash near-duplicates."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gestae.ingest.fingerprint import (
    NEAR_DUPLICATE,
    content_hash,
    is_near_duplicate,
    jaccard_estimate,
    lsh_bands,
    minhash,
    normalise_url,
)

BODY = """The governor of the northern province said on Tuesday that at least twelve people were
killed when armed men attacked a village market shortly after dawn, setting fire to stalls and
shooting at traders who tried to flee. Local officials said the attackers arrived on motorcycles
and spent nearly two hours in the village before soldiers from a nearby base reached the area.
A hospital director in the provincial capital said nineteen wounded people had been admitted,
four of them in critical condition, and that the death toll could rise in the coming days.
Residents said the market had been attacked once before, in March, and that many families had
already left for the capital. The army said it had launched an operation to track the gunmen
and had arrested three suspects at a checkpoint on the road to the border. No group has claimed
responsibility for the attack, but the region has seen a rise in violence by armed groups that
raid villages for cattle and demand payments from farmers. The president condemned the killings
in a statement and ordered extra troops to the province, promising that those responsible would
be found and punished. Aid agencies said more than two thousand people had fled the area since
the start of the year and warned that the planting season could be lost if the fighting goes on.
Community leaders called on the government to rebuild the market and to station police in the
village permanently, saying residents no longer trusted the promises made after the first raid."""

SITE_A = ("Gunmen kill 12 in village market raid\nBy Staff Reporter, Wire Service\n\n" + BODY
          + "\nThe province borders two countries and has long been a transit route for traders.")
SITE_B = ("Twelve dead as attackers torch market\nFrom our correspondent\n\n" + BODY
          + "\nRead more: how the crisis has unfolded over the past year, in our full timeline.")

OTHER_STORY = """Soldiers clashed with armed men near a village in the northern province on
Tuesday, the army said, in fighting that left at least five attackers dead. A military spokesman
said troops had been sent to the area after reports that the group was preparing to raid a
market. Residents said they heard gunfire for several hours and that some families fled toward
the capital. The governor said security would be reinforced along the road to the border and
that a curfew would be imposed in three districts. Aid agencies said they were ready to help
people who had left their homes, but that access to the area remained difficult because of the
rains. The president praised the soldiers and promised more equipment for units in the north,
where armed groups have raided villages for cattle and demanded payments from farmers. Community
leaders welcomed the operation but said villagers needed permanent protection, not brief visits
by troops who leave after a few days."""


def test_content_hash_ignores_case_spacing_wrapping_and_punctuation() -> None:
    original = "Police said: “Twelve people were killed.”\nThe army’s units arrived."
    rewrapped = "POLICE SAID   twelve people\r\nwere killed -- the army's units arrived"
    assert content_hash(original) == content_hash(rewrapped)
    assert content_hash("ﬁre ｆｉｒｅ") == content_hash("fire fire")  # NFKC forms
    assert content_hash(original) != content_hash(original.replace("Twelve", "Eleven"))
    assert len(content_hash("")) == 64


@pytest.mark.parametrize(("url", "expected"), [
    ("HTTPS://WWW.Example.COM/News/Story/?utm_source=tw&utm_medium=social#top",
     "https://example.com/News/Story"),
    ("http://example.com:80/a?b=2&a=1&fbclid=xyz", "https://example.com/a?a=1&b=2"),
    ("https://news.example.org:8443/x/", "https://news.example.org:8443/x"),
    ("https://example.com/", "https://example.com"),
    ("https://example.com/item?id=42&gclid=1", "https://example.com/item?id=42"),
])
def test_normalise_url(url: str, expected: str) -> None:
    assert normalise_url(url) == expected


@pytest.mark.parametrize("url", [None, "", "   ", "mailto:desk@example.com", "not a url",
                                 "ftp://example.com/file", "http://[broken"])
def test_normalise_url_refuses_non_web_urls(url: str | None) -> None:
    assert normalise_url(url) is None


def test_same_wire_story_on_two_sites_is_a_near_duplicate() -> None:
    a, b = minhash(SITE_A), minhash(SITE_B)
    assert jaccard_estimate(a, b) >= NEAR_DUPLICATE
    assert is_near_duplicate(a, b)
    assert set(lsh_bands(a)) & set(lsh_bands(b))


def test_different_stories_on_the_same_topic_are_not_near_duplicates() -> None:
    a, c = minhash(SITE_A), minhash(OTHER_STORY)
    assert jaccard_estimate(a, c) < 0.3
    assert not is_near_duplicate(a, c)


def test_minhash_shape_and_determinism() -> None:
    sig = minhash(BODY, num_perm=32)
    assert len(sig) == 32
    assert all(0 <= v < 2**32 for v in sig)
    assert sig == minhash(BODY.upper(), num_perm=32)
    assert minhash("") == minhash("   ")
    assert jaccard_estimate(minhash(BODY), minhash(BODY)) == 1.0


def test_minhash_is_the_same_in_another_process() -> None:
    code = ("from gestae.ingest.fingerprint import minhash; "
            f"print(minhash({BODY[:300]!r}, num_perm=8))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"PYTHONHASHSEED": "12345"})
    assert out.stdout.strip() == str(minhash(BODY[:300], num_perm=8))


def test_lsh_bands_and_jaccard_checks() -> None:
    sig = minhash(BODY)
    keys = lsh_bands(sig, bands=16)
    assert len(keys) == 16 and len(set(keys)) == 16
    assert keys[3].startswith("03:")
    with pytest.raises(ValueError):
        lsh_bands(sig, bands=7)
    with pytest.raises(ValueError):
        jaccard_estimate(sig, sig[:10])
