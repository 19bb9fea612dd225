"""The packaged YAML data files load, and no key is given twice (YAML would silently keep
only the last, so a second list of the same name would replace the first)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "gestae"
FILES = sorted(PACKAGE.rglob("data/*.yaml"))


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping with a repeated key."""


def _no_repeats(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[object] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} given twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_repeats)


def test_there_are_data_files() -> None:
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_key_twice(path: Path) -> None:
    with path.open(encoding="utf-8") as handle:
        yaml.load(handle, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass


def test_the_check_catches_a_repeat(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("words: [a]\nother: [b]\nwords: [c]\n", encoding="utf-8")
    with pytest.raises(yaml.constructor.ConstructorError, match="given twice"):
        yaml.load(bad.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506
