"""What every ``gestae`` command shares: the bad-input exit and loading the pipeline."""

from __future__ import annotations

import os
from typing import Any

import click

EXIT_BAD_INPUT = 2


class BadInput(click.ClickException):
    """A bad command or input file: one line on stderr, exit code 2, no traceback."""

    exit_code = EXIT_BAD_INPUT

    def show(self, file: Any = None) -> None:
        click.echo(f"gestae: error: {self.format_message()}", err=True)


def check_files(**options: tuple[str, ...]) -> None:
    """Fail early, naming the option, when a user data file does not exist."""
    for option, files in options.items():
        for path in files:
            if not os.path.isfile(path):
                raise BadInput(f"--{option.replace('_', '-')} {path}: no such file")


def load_pipeline(actor_files: tuple[str, ...], batch_size: int,
                  trigger_files: tuple[str, ...] = (), acled_files: tuple[str, ...] = ()) -> Any:
    """The pipeline with the user's data files; their errors become one-line messages."""
    from gestae.nlp import ModelNotInstalled

    try:
        from gestae.pipeline import Pipeline

        return Pipeline(actor_files=actor_files, trigger_files=trigger_files,
                        acled_files=acled_files, batch_size=batch_size)
    except ModelNotInstalled as exc:
        raise click.ClickException(str(exc)) from None
    except (OSError, ValueError) as exc:  # unreadable or malformed actor files
        raise BadInput(str(exc)) from None
