"""Readers and scorers for public gold data: ``gestae eval DATASET PATH``."""

from gestae.evaluate.base import REGISTRY, Report, register

__all__ = ["REGISTRY", "Report", "register", "load_all"]


def load_all() -> None:
    """Import every data set module so that it registers its runner."""
    from importlib import import_module
    from pkgutil import iter_modules

    import gestae.evaluate as package

    for info in iter_modules(package.__path__):
        if info.name not in ("base",):
            import_module(f"gestae.evaluate.{info.name}")
