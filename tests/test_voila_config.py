"""The Voilà settings teachers get with the kit (issue 12 point 8): kernels culled, no CDN."""
from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = REPO / "share" / "jupyter" / "voila" / "templates" / "who-said-what"


def test_voila_json_culls_kernels_of_closed_pages():
    config = json.loads((REPO / "voila.json").read_text(encoding="utf-8"))
    culling = config["MappingKernelManager"]
    assert 0 < culling["cull_idle_timeout"] <= 3600 and 0 < culling["cull_interval"] <= culling["cull_idle_timeout"]
    assert culling["cull_connected"] is False  # an open page keeps its kernel
    assert config["Voila"]["ip"] == "127.0.0.1"  # the teacher opens it up to a network on purpose


def test_voila_template_fetches_nothing():
    config = json.loads((REPO / "voila.json").read_text(encoding="utf-8"))
    assert config["VoilaConfiguration"]["template"] == TEMPLATE.name
    page = (TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    assert not re.search(r"""(href|src)=["']https?://""", page)
    assert json.loads((TEMPLATE / "conf.json").read_text())["base_template"] == "lab"


def test_make_installs_the_template():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "share/jupyter/voila/templates/who-said-what" in makefile and "cp $(VOILA_TEMPLATE)/*" in makefile
