"""pyproject.toml, environment.yml, the Makefile and CI agree with each other."""
from __future__ import annotations

import ast
import re
import subprocess
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _pins(specs):
    out = {}
    for spec in specs:
        name, _, version = spec.partition("==")
        out[name.strip().lower().replace("_", "-")] = version.strip()
    return out


def test_environment_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    runtime = _pins(project["dependencies"])
    env_text = (REPO / "environment.yml").read_text()
    conda = {}
    for line in env_text.splitlines():
        m = re.match(r"^\s{2}- ([A-Za-z0-9_.-]+)=([^=\s]+)\s*$", line)
        if m and m.group(1) != "python":
            conda[m.group(1).lower().replace("_", "-")] = m.group(2)
    assert conda == runtime
    assert "python=3.11" in env_text and "-e .[dev]" in env_text


def test_runtime_dependencies_are_pinned():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    for spec in project["dependencies"] + [s for specs in extras.values() for s in specs]:
        assert "==" in spec or spec.startswith(f"{project['name']}["), f"unpinned: {spec}"
    names = set(_pins(project["dependencies"]))
    assert {"jupyterlab", "pandas", "matplotlib", "ipywidgets", "nltk", "vadersentiment"} <= names


def test_makefile_targets():
    dry = subprocess.run(["make", "-n", "report", "test", "lab"], cwd=REPO, capture_output=True, text=True)
    assert dry.returncode == 0, dry.stderr
    assert "-m analysis report" in dry.stdout and "-m pytest" in dry.stdout and "jupyter lab" in dry.stdout


def test_ci_calls_make_test_and_installs_chromium():
    ci = (REPO / ".ci" / "run").read_text()
    assert "make test" in ci and "chromium" in ci


def test_packaged_data_is_declared():
    data = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["analysis"]
    assert "lexicons/*.csv" in data and "style/*.mplstyle" in data
    # Every template folder is in the wheel: a template left out would only fail when a page is drawn.
    folders = {p.parent.relative_to(REPO / "analysis").as_posix() for p in (REPO / "analysis" / "templates").rglob("*.html")}
    assert folders and all(f"{folder}/*.html" in data for folder in folders), folders


def test_no_nltk_download_anywhere():
    # Calls only: a comment or docstring may say why the kit never downloads.
    for path in (REPO / "analysis").rglob("*.py"):
        tree = ast.parse(path.read_text())
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                 and n.func.attr == "download"]
        assert not calls, path
