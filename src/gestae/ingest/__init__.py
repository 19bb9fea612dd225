"""Input handling: reading text, HTML and JSON Lines articles, checking dates, and
normalising text for the parser with an exact offset map back to the original."""

from gestae.ingest.dates import check_date
from gestae.ingest.errors import InputError
from gestae.ingest.jsonl import iter_jsonl, parse_record
from gestae.ingest.normalize import NormalizedText, normalize
from gestae.ingest.readers import (
    MAX_ARTICLE_BYTES,
    article_from_path,
    decode_text,
    detect_format,
    html_to_text,
    read_text_file,
)
from gestae.ingest.truecase import is_all_caps, truecase

__all__ = [
    "MAX_ARTICLE_BYTES",
    "InputError",
    "NormalizedText",
    "article_from_path",
    "check_date",
    "decode_text",
    "detect_format",
    "html_to_text",
    "is_all_caps",
    "iter_jsonl",
    "normalize",
    "parse_record",
    "read_text_file",
    "truecase",
]
