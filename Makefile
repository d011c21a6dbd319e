# make test: every check of the collection, in its own virtual environments.
# make demo: the example playbook against the Tracker emulator.
# make bench: the collection against hand-written ansible.builtin.uri tasks.

PYTHON ?= python3.11
VENV := .venv
BIN := $(abspath $(VENV)/bin)
# ansible-test needs the collection at .../ansible_collections/<namespace>/<name>: each check
# gets a copy of its own there, so that no check rebuilds the tree under another.
COLLECTION := ansible_collections/ytracker/tracker
CORE_SERIES := 2.16 2.17 2.18 2.19
# The playbooks run on the oldest and the newest series.
E2E_SERIES := 2.16 2.19
PYTEST_WORKERS ?= 2

export ANSIBLE_NOCOLOR := 1

.PHONY: test units sanity integration lint docs-lint changelog-lint importer demo bench clean

test: units sanity integration lint docs-lint changelog-lint importer demo
	@echo "make test: all checks passed"

$(VENV)/.installed: requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

.venvs/core-%/.installed: requirements/ansible-core-%.txt
	$(PYTHON) -m venv .venvs/core-$*
	.venvs/core-$*/bin/pip install --quiet --disable-pip-version-check -r $<
	hacking/seed-get-pip.sh .venvs/core-$*
	touch $@

# ansible-test of each ansible-core series that meta/runtime.yml admits.
sanity: $(addprefix sanity-,$(CORE_SERIES))
units: $(addprefix units-,$(CORE_SERIES))

# (Pattern rules cannot be .PHONY; FORCE makes them run every time.)
sanity-%: FORCE .venvs/core-%/.installed
	hacking/collection-tree.sh build/sanity-$*/$(COLLECTION)
	cd build/sanity-$*/$(COLLECTION) && PATH=$(abspath .venvs/core-$*/bin):$$PATH ansible-test sanity --venv --python 3.11 --color no

units-%: FORCE .venvs/core-%/.installed
	hacking/collection-tree.sh build/units-$*/$(COLLECTION)
	cd build/units-$*/$(COLLECTION) && PATH=$(abspath .venvs/core-$*/bin):$$PATH ansible-test units --venv --python 3.11 --color no

integration: $(addprefix integration-,$(E2E_SERIES))

.venvs/e2e-%/.installed: requirements/ansible-core-%.txt requirements/e2e.txt
	$(PYTHON) -m venv .venvs/e2e-$*
	.venvs/e2e-$*/bin/pip install --quiet --disable-pip-version-check -r $< -r requirements/e2e.txt
	touch $@

integration-%: FORCE .venvs/e2e-%/.installed
	.venvs/e2e-$*/bin/python -m pytest -p no:cacheprovider -n $(PYTEST_WORKERS) tests/e2e

# --offline installs nothing, so the playbooks find the collection in a copy of its own.
lint: $(VENV)/.installed
	hacking/collection-tree.sh build/lint/$(COLLECTION)
	PATH=$(BIN):$$PATH ANSIBLE_COLLECTIONS_PATH=$(abspath build/lint) \
		$(BIN)/ansible-lint --offline --profile production --strict

docs-lint: $(VENV)/.installed
	hacking/collection-tree.sh build/docs/$(COLLECTION)
	cd build/docs && PATH=$(BIN):$$PATH ANSIBLE_COLLECTIONS_PATH=$(abspath build/docs) \
		$(BIN)/antsibull-docs lint-collection-docs --plugin-docs --validate-collection-refs all $(COLLECTION)

changelog-lint: $(VENV)/.installed
	$(BIN)/antsibull-changelog lint
	$(BIN)/antsibull-changelog lint-changelog-yaml changelogs/changelog.yaml

# The built tarball: Galaxy's importer, and what ansible-builder reads of it for an
# execution environment (the modules need requests).
importer: $(VENV)/.installed
	rm -rf build/dist && mkdir -p build/dist
	$(BIN)/ansible-galaxy collection build --output-path build/dist .
	PATH=$(BIN):$$PATH hacking/galaxy-import.sh build/dist/ytracker-tracker-*.tar.gz
	$(BIN)/ansible-galaxy collection install --force -p build/dist/ee build/dist/ytracker-tracker-*.tar.gz >/dev/null 2>&1
	$(BIN)/ansible-builder introspect --sanitize build/dist/ee | tee build/dist/ee-dependencies.txt
	grep -q "^- 'requests>=" build/dist/ee-dependencies.txt

demo: $(VENV)/.installed
	PATH=$(BIN):$$PATH hacking/demo.sh

bench: $(VENV)/.installed
	PATH=$(BIN):$$PATH $(BIN)/python hacking/bench.py

FORCE:

# Pattern-built stamps are intermediate files to make, which deletes them after a run: keep
# them, so that the next run reuses the virtual environments.
.PRECIOUS: .venvs/core-%/.installed .venvs/e2e-%/.installed

clean:
	rm -rf build tests/output
