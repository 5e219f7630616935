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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path):
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors


def test_a_failing_cell_fails(tmp_path):
    """The executor really stops on an error (so the test above can fail)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0")])
    with pytest.raises(CellExecutionError):
        NotebookClient(nb, timeout=60, kernel_name="python3").execute()
