"""Actors: the knowledge base (data/ files) and the resolver that codes actor mentions."""

from gestae.actors.kb import ActorDataError
from gestae.actors.resolver import ActorResolver

__all__ = ["ActorDataError", "ActorResolver"]
