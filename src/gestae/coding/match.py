"""A trigger pattern matched at a token: the unit the coder's stages pass along."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from gestae.coding.patterns import Pattern


@dataclass
class TriggerMatch:
    """A pattern matched at a trigger token, with the tokens it consumed."""

    pattern: Pattern
    head: Token
    tokens: list[Token]
    obj: Token | None = None
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    attributions: list[Token] = field(default_factory=list)
    mode: str | None = None
    cameo_root: str | None = None
    negated: bool = False
    modality: str = "asserted"
    type: str = ""
    rule: str = ""
    verb: Token | None = None  # a verb of the same event this nominal trigger absorbed
    also: list[Token] = field(default_factory=list)  # words of triggers folded into this one
    into: TriggerMatch | None = None  # the trigger this one was folded into
    sent_index: int = 0  # which sentence of the document (0 = the lead)

    def __post_init__(self) -> None:
        self.rule = self.rule or self.pattern.id
        self.mode = self.mode or self.pattern.mode
        self.cameo_root = self.cameo_root or self.pattern.cameo_root
        self.type = self.type or self.pattern.type
