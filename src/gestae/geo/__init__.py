"""Places: gazetteer, toponym recognition, resolution and event location."""

from gestae.geo.geocoder import Geocoder

__all__ = ["Geocoder"]
