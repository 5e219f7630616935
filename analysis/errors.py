"""The one exception type the command line turns into a clean message, and the strict switch."""
from __future__ import annotations

import os

STRICT_ENV = "WHO_SAID_WHAT_STRICT"


def strict() -> bool:
    """True under the test suite (``WHO_SAID_WHAT_STRICT=1``): a rule that raises is a bug to
    see, not a candidate to skip. A user's run leaves it unset and never stops on one rule."""
    return os.environ.get(STRICT_ENV) == "1"


class InputError(Exception):
    """Bad input: names the file and the reason, never shown as a traceback."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class OutputError(InputError):
    """The output cannot be written (unwritable or foreign --out, disk full, another run busy).

    Printed like an input error (one line naming the file, exit status 2); it is the
    only kind of problem that stops a run, since bad inputs become rejects.
    """
