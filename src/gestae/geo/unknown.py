"""Context rules for local names the gazetteer lacks, kept unresolved: a place noun
("the village of Sousan", "Buwa village"), a role ("troops stormed X", "the X Military
Airport"), a lead word of the region ("Kafr Nabuda", "Jabal al-Sayyid"), or a known place
right after ("killed in Adhaim in northern Iraq"). Such local names are often the most
precise place a report gives.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from gestae.geo.entities import (
    body_like,
    inside_other_name,
    owner_like,
    person_words,
    plain_unknown,
)
from gestae.geo.lexicon import context_words, cue_set, lead_words
from gestae.geo.lists import listed_after, listed_before
from gestae.geo.names import (
    NAME_MARKS,
    arabic,
    ayn,
    ends_run,
    is_article,
    is_name_token,
    name_ending_at,
    name_part,
    people_name,
    plain_name,
    run_after,
    run_before,
)
from gestae.geo.normalize import fold
from gestae.geo.roles import (
    after_determiner,
    appositive_place,
    area_name,
    directed_name,
    event_role,
    eventful,
    facility_role,
    names_place_noun,
    taken_from,
    territorial_object,
)
from gestae.nlp import ents_in


def _known_after(doc: Doc, i: int, taken: set[int]) -> bool:
    """A known toponym starts at token ``i`` (past "the"): in "the Amil neighbourhood of
    Baghdad" the name before the noun is the narrower place, while in "the Jaysh Al-Islam
    town of Hawsh" (an unknown name after "of") it is an owner."""
    skip = cue_set("direction_words") | {"the", "of"}
    while i < len(doc) and doc[i].lower_ in skip:
        i += 1  # "the Amil neighbourhood of western Baghdad"
    return i in taken


def cued_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Unknown names that a place noun makes toponyms: "the village of Sousan", "the towns
    of Al-Zorba and Khan Touman", "Buwa village", "the Shaab neighbourhood", "Balata refugee
    camp". Local names like these are often missing from the gazetteer, yet they are the
    most precise place a report gives."""
    of_nouns = cue_set("name_of_nouns")
    before_nouns = cue_set("name_before_nouns")
    parts = cue_set("town_part_nouns")
    found: list[Span] = []

    def keep(span: Span | None) -> int | None:
        """Take the run if it is new and plain; where it ends, or None without a run."""
        if span is None:
            return None
        if not any(t.i in taken for t in span) and plain_name(span):
            found.append(span)
            taken.update(range(span.start, span.end))
        return span.end

    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.lower_ in of_nouns and tok.pos_ == "NOUN" and nxt is not None \
                and nxt.lower_ == "of":
            end = keep(run_after(doc, tok.i + 2))
            while end is not None and end + 1 < len(doc) and doc[end].lower_ in {",", "and"}:
                # "the towns of A, B and C"
                i = end + 2 if doc[end].text == "," and doc[end + 1].lower_ == "and" \
                    else end + 1
                end = keep(run_after(doc, i))
        if tok.lower_ in before_nouns and tok.pos_ == "NOUN" and tok.i > 0:
            j = tok.i
            if doc[j - 1].lower_ == "refugee":
                j -= 1
            run = run_before(doc, j)
            # "the Jaysh Al-Islam town of X" names an owner; "Garubula village of Biu" (no
            # article) and "the Amil neighbourhood of Baghdad" name the place itself
            if nxt is None or nxt.lower_ != "of" or (
                    tok.lower_ in parts and _known_after(doc, tok.i + 2, taken)) or (
                    run is not None and not after_determiner(run)):
                keep(run)
    return found


def role_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Unknown names that their role makes places (kept unresolved when the gazetteer does
    not know them): "troops stormed X", "X, a village in ...", "the island of X", "the X
    railway yard", "the X Military Airport", "the X and Y districts", "X LGA", "a place
    called X", an event's preposition: "the fight for X", "withdrew from X",
    "demonstrated in X" (see :func:`event_role`), a compass word: "in eastern X" (see
    :func:`directed_name`), and a taking from someone: "captured X from the rebels"."""
    words = context_words()
    after_nouns = words["place_nouns_after"] | cue_set("name_before_nouns")
    generic = words["generic_words"] | words["place_modifiers"] | {"force", "international"}
    people = person_words(doc)
    found: list[Span] = []

    def keep(span: Span | None) -> None:
        if span is not None and plain_unknown(span, taken, people) \
                and not (len(span) == 1 and people_name(span.text)):  # "Muslims", "Shi'i"
            found.append(span)
            taken.update(range(span.start, span.end))

    for tok in doc:
        if tok.i in taken:
            continue
        low = tok.lower_
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if is_name_token(tok) and ends_run(doc, tok):
            span = name_ending_at(doc, tok)
            # a role alone does not make one word spaCy calls a people a place ("shooting
            # at Croats", "captured Chinese and Koreans"); an apposition or area word does
            people_word = span is not None and any(
                e.label_ == "NORP" and e.start == span.start and e.end == span.end
                for e in ents_in(span))
            if span is not None and (appositive_place(span) or area_name(span)
                                     or not people_word and (
                                         territorial_object(span, strict=True)
                                         or taken_from(span) or directed_name(span)
                                         or event_role(span) and eventful(span))):
                keep(span)
                continue
        if low in words["place_of_nouns"] and tok.pos_ == "NOUN" and nxt is not None \
                and nxt.lower_ == "of" and tok.i + 2 < len(doc):
            keep(run_after(doc, tok.i + 2))  # "the island of X"
        elif (low in words["naming_words"] or low == "known" and nxt is not None
              and nxt.lower_ == "as") and names_place_noun(tok):
            # "a place called X", "two areas known as X and Y", "villages like X and Y"
            for span in listed_after(doc, tok.i + (2 if low == "known" else 1)):
                keep(span)
        elif low in after_nouns and tok.pos_ in {"NOUN", "PROPN"} and tok.i > 0 \
                and not tok.text[:1].isupper() and (nxt is None or nxt.lower_ != "of"):
            # "the X railway yard"; but in "the Jaysh al-Islam town of Y" the place is Y
            j = tok.i
            while j > tok.i - 2 and doc[j - 1].lower_ in words["place_modifiers"]:
                j -= 1  # "the Tarmiyah pumping station", "the Agatu local council"
            if j > 0:
                for span in listed_before(doc, j, low in words["plural_place_nouns"]):
                    keep(span)  # "the Hanano and Jabal Badro districts"
        elif low in words["generic_words"] and tok.text[:1].isupper() and tok.i > 0 \
                and ends_run(doc, tok):
            name = name_ending_at(doc, doc[tok.i - 1])
            if name is None or not any(t.lower_ not in generic for t in name):
                continue
            run = doc[name.start:tok.i + 1]  # "the X Military Airport"
            role = territorial_object(run, strict=True) or facility_role(run)
            if low in words["facility_generics"] and not role and not arabic(name):
                continue  # "taken to Mercy Memorial Hospital"
            # spaCy calls many such runs persons ("Kodori Gorge"); a person's name may end
            # in "Hill" but never in "Gorge"
            person = low not in words["impersonal_generics"] and not role
            if plain_unknown(name, taken, people) and not inside_other_name(run, person):
                keep(run)
    return found


def lead_word_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Names opened by a toponym word of the region (data/toponym_lead_words.tsv): "Kafr
    Nabuda", "Jabal al-Sayyid", "Tal Maksour", "Birnin Magaji". They are places whatever
    NER calls them, kept unresolved when the gazetteer does not know them."""
    leads = lead_words()
    people = person_words(doc)
    found: list[Span] = []
    for tok in doc[:-1]:
        article = leads.get(tok.text.translate(NAME_MARKS).lower())
        if article is None or tok.i in taken or not is_name_token(tok):
            continue
        first = tok.i - 1 if tok.i > 0 and ayn(doc[tok.i - 1], tok) else tok.i
        if first > 0 and not doc[first].is_sent_start and name_part(doc[first - 1],
                                                                      doc[first]):
            continue  # inside a longer name: "Imran Khan", "Al-Tal Al-Abyad"
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
        nxt = doc[tok.i + 1]
        if is_article(nxt, after) or ayn(nxt, after):
            pass
        elif article or nxt.pos_ != "PROPN":
            continue  # "Khan" opens a place only as "Khan al-..."; "Tell Me"
        span = run_after(doc, first)  # "‘Ayn Al-Fijah" with its ayn
        if span is None or len(span) < 2 or any(t.i in taken for t in span) \
                or fold(span.text) in people or owner_like(span) or not plain_name(span) \
                or inside_other_name(span, person=False):
            continue
        found.append(span)
        taken.update(range(span.start, span.end))
    return found


def _placed_after(doc: Doc, k: int, taken: set[int]) -> bool:
    """What follows a name at token ``k`` places it in or by a known place: "in X in northern
    Iraq", "at X, North Darfur", "in X, 70 kilometres north of Baghdad"."""
    skip = cue_set("direction_words") | {"the"}
    if k + 1 >= len(doc) or doc[k].lower_ not in {"in", ","}:
        return False
    j = k + 1
    if doc[k].text == "," and doc[j].like_num and j + 1 < len(doc) \
            and doc[j + 1].lower_ in context_words()["distance_units"]:
        return True  # "X, 70 kilometres (40 miles) north of Baghdad"
    while j < len(doc) and j < k + 4 and doc[j].lower_ in skip:
        j += 1
    return j in taken


def located_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Unknown names after a bare "in", "at" or "near" that what follows places inside or
    near a known place (see :func:`_placed_after`): "killed in Adhaim in northern Iraq",
    "a bomb went off in Dhuluiya, 70 kilometres north of Baghdad"."""
    people = person_words(doc)
    found: list[Span] = []
    for tok in doc:
        if tok.lower_ not in {"in", "at", "near"} or tok.dep_ != "prep":
            continue
        span = run_after(doc, tok.i + 1)
        if span is None or span.root.head.i != tok.i or span.root.dep_ != "pobj":
            continue
        if plain_unknown(span, taken, people) and not inside_other_name(span) \
                and not after_determiner(span) and not body_like(span) \
                and _placed_after(doc, span.end, taken):
            found.append(span)
            taken.update(range(span.start, span.end))
    return found
