"""The written shape of place names: capitalised words with the marks of transliterated
names ("Ma’an", "al-Najaf", "‘Ibta"), and the runs of such words before or after a token.

Shared by every recogniser that looks for names the gazetteer or NER may lack.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from gestae.geo.lexicon import context_words, cue_set, demonyms, stoplist
from gestae.geo.normalize import ARTICLES, fold

# Entity labels that never contain a place name.
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                       "NORP"})
MAX_TOKENS = 4
# Marks inside transliterated names ("Ma’an", "Sa'sa", "Al-Raqqa"); an ayn may lead ("‘Ibta").
NAME_MARKS = str.maketrans("", "", "'\u2019\u2018\u02bf\u02be-")
LEADING_MARKS = "\u2018\u02bf'"
# An ayn the tokeniser splits off a name ("‘", "Ibta" for "‘Ibta"); the ASCII apostrophe,
# which also opens quotations, is not one.
AYN_MARKS = frozenset({"\u2018", "\u02bf"})
# spaCy labels for numbers, which the small model puts on odd town names now and then ("the
# town of Sirmeen" as CARDINAL): a capitalised word that is no number word keeps its name.
NUMBER_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def is_name_token(tok: Token) -> bool:
    """A capitalised word, also with the apostrophes and hyphens of transliterated names
    ("Ma’an", "Al-‘Alqamiyah", "‘Ibta")."""
    text = tok.text.lstrip(LEADING_MARKS)
    if not text[:1].isupper():
        return False
    if tok.is_alpha:
        return True
    core = text.translate(NAME_MARKS)
    return len(core) >= 2 and core.isalpha() and text[-1] not in "-'\u2019"


def ayn(tok: Token, nxt: Token | None) -> bool:
    """An ayn split off the name it opens: "‘" glued to "Ibta" or "Eiss" ("Al-‘Eiss")."""
    return tok.text in AYN_MARKS and not tok.whitespace_ and nxt is not None \
        and is_name_token(nxt) and nxt.text[:1] in "AEIOU"


def is_article(tok: Token, nxt: Token | None) -> bool:
    """"al" in "al-Najaf" (tokenised as al, -, Najaf)."""
    return tok.lower_ in ARTICLES and nxt is not None and nxt.text in {"-", "\u2010"}


def is_name_like(tok: Token) -> bool:
    """A capitalised word or an abbreviation with periods ("U.S.", "St.")."""
    text = tok.text
    return text[:1].isupper() and (tok.is_alpha or text.replace(".", "").isalpha())


def name_run(doc: Doc, i: int, upper: bool = False) -> int:
    """End of the run of name words from token ``i`` (all capitals when ``upper``)."""
    end = i
    while end < len(doc) and end - i < MAX_TOKENS and is_name_like(doc[end]) \
            and (not upper or doc[end].text.isupper()):
        end += 1
    return end


def name_part(tok: Token, nxt: Token | None) -> bool:
    """A word of a local name: capitalised, or an article or hyphen joining its parts."""
    if is_name_token(tok) or is_article(tok, nxt) or ayn(tok, nxt):
        return True
    return tok.text in {"-", "\u2010"} and nxt is not None and (
        is_name_token(nxt) or nxt.text in AYN_MARKS)


def plain_name(span: Span) -> bool:
    """A run that can be a local name: not a demonym, date, number or stoplisted word."""
    second = span[1] if len(span) > 1 else None
    if not span or not is_name_token(span[0]) and not is_article(span[0], second) \
            and not ayn(span[0], second):
        return False
    if fold(span.text) in stoplist() or len(span.text) < 3:
        return False
    if any(t.ent_type_ in NOT_NAMES and not (t.ent_type_ == "NORP" and t.pos_ == "PROPN")
           and not (t.ent_type_ in NUMBER_LABELS and t.is_alpha and not t.like_num)
           for t in span):
        return False  # a proper noun taken for a people may be a village: "Akida village"
    words = [fold(t.text) for t in span if is_name_token(t) and t.lower_ != "the"]
    directions = cue_set("direction_words")
    if all(w in directions or w in demonyms() for w in words):
        return False
    return not any(w in demonyms() for w in words[:1])


def run_after(doc: Doc, i: int) -> Span | None:
    """The name run starting at token ``i`` (at most MAX_TOKENS + 2 tokens)."""
    end = i
    while end < len(doc) and end - i < MAX_TOKENS + 2 and name_part(
            doc[end], doc[end + 1] if end + 1 < len(doc) else None):
        end += 1
    while end > i and doc[end - 1].text in {"-", "\u2010"}:
        end -= 1
    return doc[i:end] if end > i else None


def run_before(doc: Doc, j: int) -> Span | None:
    """The name run ending just before token ``j``."""
    start = j
    while start > 0 and j - start < MAX_TOKENS + 2 and name_part(
            doc[start - 1], doc[start] if start < len(doc) else None):
        start -= 1
    while start < j and not (is_name_token(doc[start]) or is_article(
            doc[start], doc[start + 1] if start + 1 < len(doc) else None) or ayn(
            doc[start], doc[start + 1] if start + 1 < len(doc) else None)):
        start += 1
    return doc[start:j] if start < j else None


def name_ending_at(doc: Doc, tok: Token) -> Span | None:
    """The name run whose last word is ``tok`` ("Umm Sharshouh" for Sharshouh)."""
    if not is_name_token(tok):
        return None
    span = run_before(doc, tok.i + 1)
    while span is not None and len(span) > 1 and (span[0].lower_ == "the" or len(span) > 2
                                                  and people_name(span[0].text)):
        span = span[1:]  # "the Kurdish Sheikh Maqsoud (Quarter)": the name after "Kurdish"
    return span


def ends_run(doc: Doc, tok: Token) -> bool:
    """The name run ends at ``tok``: no name word follows, or a weekday ("Goma Thursday")."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is None or not name_part(nxt, None) \
        or nxt.lower_ in context_words()["time_names"]


def arabic(span: Span) -> bool:
    """A name with an Arabic article ("al-Yarmouk", "Al-Rasoul")."""
    return any(is_article(t, t.nbor() if t.i + 1 < len(t.doc) else None) for t in span)


def people_name(word: str) -> bool:
    """A demonym or the word of a faith or people, also in the plural ("Muslims", "Shi'i",
    "Turkoman"): such words are capitalised like names but name no place."""
    folded = fold(word)
    groups = context_words()["group_words"]
    return folded in demonyms() or folded in groups or folded.endswith("s") and (
        folded[:-1] in groups or folded[:-1] in demonyms())
