"""Language identification, so non-English articles are counted and skipped rather than
coded into garbage by an English pipeline.

py3langid (a naive Bayes model over byte n-grams, offline, ~0.5 s to load) does the work.
Its probabilities are normalised (softmax calibrated on the text's length), so a confidence
means the same on a headline and on a long article. Two habits of news text need care:

- ALL-CAPS wire copy: the model learnt from mixed-case text, so the text is lower-cased first.
- Headlines and one-line items carry few n-grams and are often mistaken for a neighbour
  language; a short text therefore counts as English unless it is *clearly* something else.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

#: Only the first characters are classified: language does not change mid-article, and the
#: model's cost grows with the length.
MAX_CHARS = 2000
#: Below this many characters a text is "short": English unless clearly another language.
SHORT_TEXT = 40
#: Probability another language must reach for a short text to count as not English.
CLEAR_OTHER = 0.9
#: Default probability of English above which ``is_english`` accepts a text.
ENGLISH_THRESHOLD = 0.5
#: Share of letters outside the Latin script above which a short text is clearly not English.
NON_LATIN_SHARE = 0.5
#: Code returned for a text with nothing to classify.
UNDETERMINED = "und"


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Model labels folded into an ISO 639-1 code (``data/language_codes.tsv``)."""
    text = resources.files("gestae.ingest").joinpath("data", "language_codes.tsv")
    table: dict[str, str] = {}
    lines = [ln for ln in text.read_text("utf-8").splitlines() if ln.strip()]
    for line in lines:
        if line.startswith("#") or line.startswith("label\t"):
            continue
        label, _, code = line.partition("\t")
        table[label.strip()] = code.strip()
    return table


@lru_cache(maxsize=1)
def identifier() -> Any:
    """The py3langid identifier with normalised probabilities, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _prepare(text: str) -> str:
    """The part of ``text`` that is classified: its start, lower-cased."""
    return text[:MAX_CHARS].lower()


def language_probabilities(text: str) -> dict[str, float]:
    """Every language's probability for ``text`` (aliases merged), highest first."""
    sample = _prepare(text)
    if not any(ch.isalpha() for ch in sample):
        return {}
    aliases = _aliases()
    merged: dict[str, float] = {}
    for label, score in identifier().rank(sample):
        code = aliases.get(label, label)
        merged[code] = merged.get(code, 0.0) + float(score)
    return dict(sorted(merged.items(), key=lambda item: item[1], reverse=True))


def _top(probs: dict[str, float]) -> tuple[str, float]:
    if not probs:
        return UNDETERMINED, 0.0
    code, prob = next(iter(probs.items()))
    return code, min(1.0, max(0.0, prob))


def detect_language(text: str) -> tuple[str, float]:
    """The most likely language of ``text`` (ISO 639-1 where one exists) and its probability
    in 0..1; ``("und", 0.0)`` for a text without letters."""
    return _top(language_probabilities(text.strip()))


def identify(text: str, threshold: float = ENGLISH_THRESHOLD) -> tuple[str, float, bool]:
    """``detect_language`` and ``is_english`` from one run of the classifier."""
    stripped = text.strip()
    probs = language_probabilities(stripped)
    return (*_top(probs), _english(stripped, probs, threshold))


def _non_latin_share(text: str) -> float:
    """Share of letters written in a script other than Latin (Arabic, Cyrillic, CJK ...)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    # Basic Latin to Latin Extended-B, IPA, and Latin Extended Additional.
    other = sum(1 for ch in letters if ord(ch) > 0x2AF and not 0x1E00 <= ord(ch) <= 0x1EFF)
    return other / len(letters)


def is_english(text: str, threshold: float = ENGLISH_THRESHOLD) -> bool:
    """Should ``text`` go through the English pipeline?

    A long text is English when English is the most likely language or has at least
    ``threshold`` probability. A short text (a headline, under ``SHORT_TEXT`` characters) is
    English unless it is mostly in another script or another language is near certain.
    A text without letters is let through: there is nothing to reject it on.
    """
    stripped = text.strip()
    return _english(stripped, language_probabilities(stripped), threshold)


def _english(stripped: str, probs: dict[str, float], threshold: float) -> bool:
    if not probs:
        return True
    top, top_prob = next(iter(probs.items()))
    english = probs.get("en", 0.0)
    if len(stripped) < SHORT_TEXT:
        if _non_latin_share(stripped) > NON_LATIN_SHARE:
            return False
        return top == "en" or top_prob < CLEAR_OTHER
    return top == "en" or english >= threshold
