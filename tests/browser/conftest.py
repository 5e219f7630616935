"""Real-browser fixtures: JupyterLab or Voilà on localhost, driven by Debian's chromium through Playwright.

Everything is skipped cleanly when ``/usr/bin/chromium`` or the ``playwright`` module is
absent. Servers run from this venv with throw-away Jupyter config/data/runtime and
settings folders (the venv's ``share/jupyter`` stays on the path, so the widget manager
labextension is found), and are killed in teardown. Screenshots go to
``<repo>/test-artifacts/screenshots/`` (ignored by git).
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
START_TIMEOUT = 90  # seconds for a server to answer


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def sync_playwright():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (apt-get install chromium)")
    module = pytest.importorskip("playwright.sync_api", reason="the playwright module is absent")
    return module.sync_playwright


@pytest.fixture(scope="session")
def browser(sync_playwright):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def overflowing(page):
    """A check: elements inside a selector whose right edge passes the widget's own (horizontal overflow)."""
    def check(selector: str) -> list[str]:
        return page.evaluate(
            """(sel) => { const root = document.querySelector(sel); const edge = root.getBoundingClientRect().right;
            const bad = []; root.querySelectorAll('*').forEach(e => { const b = e.getBoundingClientRect();
              if (b.width > 0 && b.right > edge + 2) bad.push(`${e.tagName}.${e.className} +${Math.round(b.right - edge)}px`);
            }); return bad.slice(0, 8); }""", selector)
    return check


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _jupyter_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("config", "data", "runtime"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env.update(JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTER_PLATFORM_DIRS="1",
               IPYTHONDIR=str(home / "ipython"),
               PYTHONPATH=str(REPO) + os.pathsep + env.get("PYTHONPATH", ""))
    env.pop("JUPYTER_PATH", None)
    return env


def _write_lab_settings(settings: Path) -> None:
    """No news popup, no autosave, and every cell kept in the DOM (no windowing) so all widgets can be found."""
    files = {
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                           "checkForUpdates": False},
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        # Never write the executed notebooks (with outputs) back into the repo.
        "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    }
    for rel, payload in files.items():
        path = settings / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(payload), encoding="utf-8")


def _answers(url: str | None, port: int) -> bool:
    try:
        if url is None:  # a bare connect: Voilà would run the notebook on any page request
            with socket.create_connection(("127.0.0.1", port), timeout=2):
                return True
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def _wait_until_up(proc: subprocess.Popen, url: str | None, log: Path, port: int = 0) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        if _answers(url, port):
            return
        time.sleep(0.5)
    pytest.fail(f"server did not answer {url} in {START_TIMEOUT}s:\n{log.read_text(errors='replace')[-3000:]}")


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server we started (its own process group, so its kernels go too)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def lab_url(sync_playwright, tmp_path_factory):
    """A JupyterLab on a free localhost port, serving the repo, without token; yields its base URL.

    Its kernels write notebook outputs and answer sheets into temporary folders, never the repo.
    """
    home = tmp_path_factory.mktemp("jupyter-lab")
    settings, workspaces = home / "settings", home / "workspaces"
    _write_lab_settings(settings)
    workspaces.mkdir()
    port = free_port()
    log = home / "lab.log"
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--port", str(port),
           "--ServerApp.ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=",
           "--ServerApp.disable_check_xsrf=True", "--notebook-dir", str(REPO),
           f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={workspaces}",
           "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=",
           "--ServerApp.port_retries=0"]
    env = {**_jupyter_env(home), "WHO_SAID_WHAT_OUTPUT": str(home / "outputs"),
           "WHO_SAID_WHAT_ANSWERS": str(home / "answers")}
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(proc, f"{base}/api/status", log)
        yield base
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def voila_answers(tmp_path_factory) -> Path:
    """The folder the Voilà classroom saves answer sheets to (never the repo's class-answers/)."""
    return tmp_path_factory.mktemp("class-answers")


def _voila(notebook: str, home: Path, answers: Path, extra: list[str] = ()):
    """Start Voilà on `notebook` from the top of the kit (so the kit's voila.py applies); yield (url, process)."""
    port = free_port()
    log = home / "voila.log"
    cmd = [sys.executable, "-m", "voila", notebook, "--no-browser", "--port", str(port),
           "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", *extra]
    env = {**_jupyter_env(home), "WHO_SAID_WHAT_ANSWERS": str(answers)}
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(proc, None, log, port)
        yield base, proc
    finally:
        _stop(proc)


#: Culling as voila.py sets it, but in seconds, so a test can watch closed pages lose their kernels.
FAST_CULLING = ["--MappingKernelManager.cull_idle_timeout=6", "--MappingKernelManager.cull_interval=2"]


@pytest.fixture(scope="session")
def voila_server(sync_playwright, tmp_path_factory, voila_answers):
    """Voilà serving the students' notebooks/04-classroom.ipynb; yields (url, server process)."""
    yield from _voila("notebooks/04-classroom.ipynb", tmp_path_factory.mktemp("voila"), voila_answers, FAST_CULLING)


@pytest.fixture(scope="session")
def voila_url(voila_server):
    return voila_server[0]


@pytest.fixture(scope="session")
def teacher_url(sync_playwright, tmp_path_factory, voila_answers):
    """A second Voilà, the teacher's, serving notebooks/06-class-results.ipynb on the same answers folder."""
    for base, _ in _voila("notebooks/06-class-results.ipynb", tmp_path_factory.mktemp("voila-teacher"),
                          voila_answers):
        yield base


def kernels_of(proc: subprocess.Popen) -> int:
    """How many kernels the server process runs (its ipykernel children)."""
    import psutil

    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    count = 0
    for child in children:
        try:
            count += "ipykernel" in " ".join(child.cmdline())
        except psutil.Error:
            pass
    return count


@pytest.fixture(scope="session")
def count_kernels():
    """:func:`kernels_of`, for tests (test modules here are not a package)."""
    return kernels_of
