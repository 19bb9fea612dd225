"""RSS 2.0, RSS 1.0/RDF and Atom feed files as articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from gestae.ingest.errors import InputError
from gestae.ingest.feeds import is_feed, iter_feed, parse_feed_date, read_feed

RSS2 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Northern Courier</title>
  <link>https://courier.example/</link>
  <item>
    <title>Market attacked in the north</title>
    <link>https://courier.example/market</link>
    <atom:link rel="self" href="https://courier.example/feed"/>
    <guid isPermaLink="false">courier-101</guid>
    <pubDate>Mon, 27 Jan 2020 23:30:00 -0500</pubDate>
    <description>Gunmen attacked a market.</description>
    <content:encoded><![CDATA[<p>Gunmen attacked a market on Monday, killing
      twelve people.</p><p>The army sent troops.</p>]]></content:encoded>
  </item>
  <item>
    <title>Arrests in the capital</title>
    <link>https://courier.example/arrests</link>
    <dc:date>2020-01-28T08:00:00+03:00</dc:date>
    <description>Police arrested 40 protesters outside parliament.</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>https://courier.example/gallery</link>
    <description><![CDATA[<img src="a.jpg"/>]]></description>
  </item>
  <item>
    <title>Undated brief</title>
    <pubDate>sometime last week</pubDate>
    <description>Talks between the two parties &amp;amp; their allies resumed.</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Border Monitor</title>
  <entry>
    <title>Shelling reported</title>
    <id>tag:monitor.example,2020:1</id>
    <link rel="alternate" href="https://monitor.example/1"/>
    <published>2020-02-03T10:00:00Z</published>
    <updated>2020-02-05T10:00:00Z</updated>
    <summary>Shelling hit two villages.</summary>
    <content type="html">&lt;p&gt;Shelling hit two villages near the border overnight,
      officials said.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Inline XHTML</title>
    <link href="https://monitor.example/2"/>
    <updated>2020-02-06</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Troops withdrew
      from the town.</p></div></content>
  </entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://wire.example/">
    <title>Old Wire</title>
  </channel>
  <item rdf:about="https://wire.example/a">
    <title>Ceasefire agreed</title>
    <link>https://wire.example/a</link>
    <dc:date>1999-05-04</dc:date>
    <description>The two sides agreed a ceasefire.</description>
  </item>
</rdf:RDF>
"""


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_rss2_items_become_articles(tmp_path: Path) -> None:
    feed = read_feed(_write(tmp_path, "courier.rss", RSS2))
    assert feed.title == "Northern Courier"
    assert feed.skipped == 1  # the photo gallery has no body text
    first, second, third = feed.articles
    assert first.id == "courier-101"
    assert first.url == "https://courier.example/market"
    assert first.date == "2020-01-27"  # the publisher's own day, not UTC
    assert first.source == "Northern Courier"
    assert first.title == "Market attacked in the north"
    assert first.html is not None and "twelve people" in first.html  # fullest body wins
    assert first.text is None
    assert second.text == "Police arrested 40 protesters outside parliament."
    assert second.html is None
    assert second.date == "2020-01-28"
    assert second.id == "https://courier.example/arrests"  # no guid: the link
    assert third.date is None  # unparseable, not an error
    assert third.id == "courier#4"  # neither guid nor link: file stem and item number
    assert third.html is not None  # double-escaped entity counts as markup


def test_atom_entries(tmp_path: Path) -> None:
    articles = list(iter_feed(_write(tmp_path, "monitor.atom", ATOM)))
    assert [a.id for a in articles] == ["tag:monitor.example,2020:1", "https://monitor.example/2"]
    first, second = articles
    assert first.source == "Border Monitor"
    assert first.date == "2020-02-03"  # published before updated
    assert first.html is not None and first.html.startswith("<p>Shelling hit two villages")
    assert second.date == "2020-02-06"
    assert second.html is not None and "Troops withdrew" in second.html
    assert second.url == "https://monitor.example/2"


def test_rss1_rdf_items(tmp_path: Path) -> None:
    (article,) = iter_feed(_write(tmp_path, "wire.xml", RDF))
    assert article.id == "https://wire.example/a"
    assert article.date == "1999-05-04"
    assert article.text == "The two sides agreed a ceasefire."
    assert article.source == "Old Wire"


def test_broken_xml_raises_before_any_article(tmp_path: Path) -> None:
    broken = RSS2.replace("</item>\n  <item>\n    <title>Arrests", "\n  <item>\n    <title>Arrests")
    path = _write(tmp_path, "broken.rss", broken)
    items = iter_feed(path)
    with pytest.raises(InputError) as info:
        next(items)
    message = str(info.value)
    assert message.startswith(f"{path}: not a well-formed RSS/Atom feed: ")
    assert "(line " in message


def test_well_formed_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = _write(tmp_path, "sitemap.xml", "<urlset><url><loc>x</loc></url></urlset>")
    assert not is_feed(path)
    with pytest.raises(InputError, match="not an RSS/Atom feed"):
        read_feed(path)


def test_is_feed_sniffs_the_root_element(tmp_path: Path) -> None:
    assert is_feed(_write(tmp_path, "a.xml", RSS2))
    assert is_feed(_write(tmp_path, "b.xml", ATOM))
    assert is_feed(_write(tmp_path, "c.xml", RDF))
    assert is_feed(_write(tmp_path, "d.xml", "<!-- note -->\n<rss><channel/></rss>"))
    assert not is_feed(_write(tmp_path, "e.xml", "<html><body>hi</body></html>"))
    assert not is_feed(tmp_path / "missing.xml")


def test_missing_and_oversize_feeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_feed(tmp_path / "nope.rss")
    path = _write(tmp_path, "big.rss", RSS2)
    monkeypatch.setattr("gestae.ingest.readers.MAX_ARTICLE_BYTES", 100)
    with pytest.raises(InputError, match="feed is .* over the"):
        read_feed(path)


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = _write(tmp_path, "secret.txt", "TOP SECRET")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
           "<rss><channel><title>t</title><item><description>a &x; b</description>"
           "</item></channel></rss>")
    articles = list(iter_feed(_write(tmp_path, "xxe.rss", xxe)))
    assert not any("TOP SECRET" in (a.text or a.html or "") for a in articles)


@pytest.mark.parametrize(("value", "expected"), [
    ("Tue, 28 Jan 2020 01:00:00 GMT", "2020-01-28"),
    ("28 Jan 2020", "2020-01-28"),
    ("2020-01-28T23:59:59-08:00", "2020-01-28"),
    ("2020-01-28", "2020-01-28"),
    ("Mon, 31 Feb 2020 10:00:00 GMT", None),
    ("yesterday", None),
    ("", None),
    (None, None),
])
def test_parse_feed_date(value: str | None, expected: str | None) -> None:
    assert parse_feed_date(value) == expected
