# Two commands do all the set-up: `make report` and `make test`. `make lab` opens the notebooks.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
OUT    ?= report
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: report test lab clean lock

LOCK   := requirements.lock
VOILA_TEMPLATE := share/jupyter/voila/templates/who-said-what

# Every package at the version the tests passed with (the lock), the kit itself editable.
$(STAMP): pyproject.toml $(LOCK) $(wildcard $(VOILA_TEMPLATE)/*)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r $(LOCK) -e '.[dev]'
	mkdir -p $(VENV)/share/jupyter/lab/settings
	printf '%s\n' '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' \
		> $(VENV)/share/jupyter/lab/settings/overrides.json
	# The classroom apps' Voilà template (no fonts from a CDN), where Voilà looks for it; voila.json selects it.
	mkdir -p $(VENV)/$(VOILA_TEMPLATE)
	cp $(VOILA_TEMPLATE)/* $(VENV)/$(VOILA_TEMPLATE)/
	touch $(STAMP)

# The kit's bytecode, written once: where PYTHONDONTWRITEBYTECODE is set (as on this machine)
# Python would otherwise compile every module again on each run (a fifth of a second of
# `statements`). Cheap when up to date; a source edited later is compiled again here.
COMPILED := $(PY) -m compileall -q analysis

report: $(STAMP)
	$(COMPILED)
	$(PY) -m analysis report --out $(OUT)

test: $(STAMP)
	$(COMPILED)
	$(PY) -m pytest

lab: $(STAMP)
	$(COMPILED)
	$(VENV)/bin/jupyter lab $(ROOT_FLAG) notebooks/

# Rewrite the lock from the current environment (after changing a pin and passing the tests).
lock: $(STAMP)
	{ sed -n '1,3p' $(LOCK); $(PY) -m pip freeze --exclude-editable; } > $(LOCK).new && mv $(LOCK).new $(LOCK)

clean:
	rm -rf $(OUT) .pytest_cache test-artifacts
