"""Event arguments and the actor stage (actors/arguments.py): a pronoun argument
is its antecedent's whole phrase ("called President X of Turkey and urged him"), and a
proper name the NER missed may open with "the" ("the Art Loss Register")."""

from __future__ import annotations

import pytest
from argument_actors import argument, read, span_of

from gestae.actors import ActorResolver
from gestae.pipeline import Pipeline


@pytest.mark.parametrize(("text", "pronoun", "phrase"), [
    ("Biden called President Recep Tayyip Erdogan of Turkey on Monday and urged him to "
     "show restraint.", "him", "President Recep Tayyip Erdogan of Turkey"),
    ("Police arrested Saudi Crown Prince Mohammed bin Salman and questioned him.", "him",
     "Saudi Crown Prince Mohammed bin Salman"),
])
def test_pronoun_is_its_antecedents_whole_phrase(resolver: ActorResolver, text: str,
                                                 pronoun: str, phrase: str) -> None:
    read(resolver, text)
    ante = resolver.arguments.antecedent(text, *span_of(text, pronoun))
    assert ante is not None
    assert (text[ante.start:ante.end], ante.text) == (phrase, phrase)


def test_pronoun_antecedent_keeps_its_coding(resolver: ActorResolver) -> None:
    text = "The Taliban said on Sunday that it would free the prisoners."
    read(resolver, text)
    ante = resolver.arguments.antecedent(text, *span_of(text, "it"))
    assert ante is not None and ante.text == "The Taliban"


@pytest.mark.parametrize(("text", "phrase", "name"), [
    ("The museum returned the painting to the Art Loss Register on Friday.",
     "the Art Loss Register", "Art Loss Register"),
    ("Police raided the Blue Lotus Collective on Friday.", "the Blue Lotus Collective",
     "Blue Lotus Collective"),
])
def test_name_after_an_article_is_an_actor(pipeline: Pipeline, text: str, phrase: str,
                                           name: str) -> None:
    actor = argument(pipeline, text, phrase)
    assert actor is not None
    assert (actor.text, actor.name) == (phrase, name)


@pytest.mark.parametrize(("text", "phrase"), [
    ("The army shelled the Nile on Friday.", "the Nile"),  # a single name after "the"
    ("Officials inspected the old bridge on Friday.", "the old bridge"),  # not a name
])
def test_article_before_one_word_or_common_nouns_is_no_name(pipeline: Pipeline, text: str,
                                                            phrase: str) -> None:
    resolver = pipeline.actors
    read(resolver, text)
    assert resolver.arguments.name_actor(text, *span_of(text, phrase)) is None
