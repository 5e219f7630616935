"""Every notebook runs top to bottom on the shipped data, and follows DESIGN §5's shape.

Executed headless with nbclient: a cell that errors fails the test.
"""
from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_shape(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "starts with a title"
    assert "question" in first.source.lower() or "?" in first.source, "states the question it answers"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    for cell in code:
        assert not cell.get("outputs") and cell.get("execution_count") is None, "outputs are never committed"
        tree = ast.parse(cell.source)
        assert not any(isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda)) for n in ast.walk(tree)), \
            "notebooks define no functions"
        assert len(tree.body) <= 3, f"thin cells (one or two calls): {cell.source[:60]!r}"
    assert any("from analysis" in c.source or "import analysis" in c.source for c in code)


REPO = NOTEBOOK_DIR.parent


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def _draws(source: str) -> bool:
    """A cell that calls a plot function draws a chart (widgets draw their own, into widget images)."""
    return "plots.plot_" in source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, tmp_path, monkeypatch):
    from nbclient import NotebookClient

    # The kernel inherits this: notebooks write into a temporary folder, never into report/.
    monkeypatch.setenv("WHO_SAID_WHAT_OUTPUT", str(tmp_path / "outputs"))
    monkeypatch.setenv("WHO_SAID_WHAT_ANSWERS", str(tmp_path / "answers"))
    before = {name: _files(REPO / name) for name in ("report", "notebook-outputs", "class-answers")}
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    # Every plot cell shows its figure (issue 12, point 1: only the first chart of a kernel used to appear).
    for n, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and _draws(cell.source):
            images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
            assert len(images) == 1, f"cell {n} draws a chart but shows {len(images)} images: {cell.source[:60]!r}"
    after = {name: _files(REPO / name) for name in before}
    assert after == before, "a notebook wrote into the repository (report/, notebook-outputs/ or class-answers/)"


def test_charts_after_the_first_are_shown(tmp_path):
    """Two charts in one kernel: both appear (the first used to switch the inline backend off)."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from analysis import load, plots\nevents = load.read_events()"),
        nbformat.v4.new_code_cell("plots.plot_rounds(events);"),
        nbformat.v4.new_code_cell("plots.plot_rounds(events);")])
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert [sum("image/png" in o.get("data", {}) for o in c.outputs) for c in nb.cells[1:]] == [1, 1]


def test_notebook_02_has_three_chart_cells():
    """The check above would fail on a notebook that draws without showing (a chart cell must exist in 02)."""
    nb = nbformat.read(NOTEBOOK_DIR / "02-denials-and-accusations-over-time.ipynb", as_version=4)
    assert sum(_draws(c.source) for c in nb.cells if c.cell_type == "code") == 3


def test_notebook_05_ends_with_a_chart():
    nb = nbformat.read(NOTEBOOK_DIR / "05-bring-your-own-corpus.ipynb", as_version=4)
    assert _draws(nb.cells[-1].source)


def test_a_failing_cell_fails(tmp_path):
    """The executor really stops on an error (so the test above can fail)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0")])
    with pytest.raises(CellExecutionError):
        NotebookClient(nb, timeout=60, kernel_name="python3").execute()
