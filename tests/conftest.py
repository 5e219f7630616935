"""Shared fixtures: paths to the repo, the shipped article and the (optional) dev data."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# a rule that raises fails the test that ran it (and the command-line runs the tests start)
os.environ["WHO_SAID_WHAT_STRICT"] = "1"

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ARTICLE_MD = REPO / "data" / "articles" / "000_69a36e7ce07eb426.md"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def article() -> dict:
    """The shipped article as an `articles` row."""
    from analysis.load import read_article

    return read_article(ARTICLE_MD)


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    """../shared/dev, or skip when this machine has no dev data."""
    path = SHARED / "dev"
    if not path.is_dir():
        pytest.skip("../shared/dev is absent on this machine")
    return path
