"""The one exception type the command line turns into a clean message."""
from __future__ import annotations


class InputError(Exception):
    """Bad input: names the file and the reason, never shown as a traceback."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
