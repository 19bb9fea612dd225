"""Event coding: trigger patterns -> PLOVER events, with CAMEO and ACLED mappings."""

from gestae.coding.coder import EventCoder
from gestae.coding.ontology import (
    EVENT_TYPES,
    acled_types,
    cameo_root,
    contexts,
    future_as,
    intensity,
    modes,
    quad_class,
    requires_recipient,
)

__all__ = [
    "EVENT_TYPES",
    "EventCoder",
    "acled_types",
    "cameo_root",
    "contexts",
    "future_as",
    "intensity",
    "modes",
    "quad_class",
    "requires_recipient",
]
