# make test: every check of the collection, in its own virtual environments.
# make demo: the example playbook against the Tracker emulator.
# make bench: the collection against hand-written ansible.builtin.uri tasks (build/bench/tables.rst);
# make bench-docs: those tables into docs/docsite/rst/scale.rst.

PYTHON ?= python3.11
# A Python 3.12 for the series that need it: found by hacking/find-python.sh (python3.12 on PATH,
# then pyenv's versions) unless named here.
PYTHON312 ?=
VENV := .venv
BIN := $(abspath $(VENV)/bin)
# ansible-test needs the collection at .../ansible_collections/<namespace>/<name>: each check
# gets a copy of its own there, so that no check rebuilds the tree under another.
COLLECTION := ansible_collections/ytracker/tracker
CORE_SERIES := 2.16 2.17 2.18 2.19 2.20 2.21
# Series whose ansible-core needs Python 3.12; the others run on Python 3.11.
PY312_SERIES := 2.20 2.21
# The playbooks run on the oldest and the newest series: all of them on the newest, the parity
# tests (in Ansible's process and as a module process, the same results) on the others. Tasks run in
# Ansible's process on these series and those between them only: IN_PROCESS_SERIES in
# plugins/plugin_utils/_controller.py, which make check-series holds to this list.
E2E_SERIES := 2.16 2.21
PYTEST_WORKERS ?= 2
# make test runs this many checks at a time, each printing its output when it ends.
TEST_JOBS ?= 2

export ANSIBLE_NOCOLOR := 1

.PHONY: test check-series units units-onepass sanity integration lint docs-lint changelog-lint importer ee docs demo bench bench-docs clean

# The checks of make test, the longest first (the end-to-end tests of the newest series), so that
# the others fill the time beside it. The sanity tests of the series run one after another (see
# sanity-%).
TEST_CHECKS := integration-$(lastword $(E2E_SERIES)) sanity units integration lint docs-lint changelog-lint \
	importer ee docs demo

test: check-series
	$(MAKE) --no-print-directory --jobs=$(TEST_JOBS) --output-sync=target SANITY_IN_TURN=1 $(TEST_CHECKS)
	@echo "make test: all checks passed"

$(VENV)/.installed: requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

# The Python version of a series, and the command that finds that Python or says what to install.
python-version = $(if $(filter $(1),$(PY312_SERIES)),3.12,3.11)
find-python = hacking/find-python.sh $(if $(filter $(1),$(PY312_SERIES)),3.12 PYTHON312 $(PYTHON312),3.11 PYTHON $(PYTHON))

# One virtual environment per series: its ansible-test runs units and sanity, its ansible-playbook
# and pytest the end-to-end tests.
.venvs/core-%/.ready: requirements/ansible-core-%.txt requirements/e2e.txt
	python=$$($(call find-python,$*)) && $$python -m venv .venvs/core-$*
	.venvs/core-$*/bin/pip install --quiet --disable-pip-version-check -r $< -r requirements/e2e.txt
	touch $@

# ansible-test of each ansible-core series that meta/runtime.yml admits.
sanity: $(addprefix sanity-,$(CORE_SERIES))
units: $(addprefix units-,$(CORE_SERIES)) units-onepass

# ansible-test keeps the virtual environments of sanity tests in ~/.ansible/test/venv, shared by
# every series and checkout: one sanity run at a time makes them, under a lock. In make test, the
# sanity of each series waits for that of the series before, so that make runs other checks
# beside it rather than a sanity run that waits for the lock.
sanity-after = $(if $(word 2,$(1)),$(eval sanity-$(word 2,$(1)): | sanity-$(word 1,$(1)))$(call sanity-after,$(wordlist 2,$(words $(1)),$(1))))
ifdef SANITY_IN_TURN
$(call sanity-after,$(CORE_SERIES))
endif

# (Pattern rules cannot be .PHONY; FORCE makes them run every time.)
sanity-%: FORCE .venvs/core-%/.ready
	hacking/seed-get-pip.sh .venvs/core-$*
	hacking/collection-tree.sh build/sanity-$*/$(COLLECTION)
	cd build/sanity-$*/$(COLLECTION) && PATH=$(abspath .venvs/core-$*/bin):$$PATH \
		flock $$HOME/.ansible/test/sanity.lock ansible-test sanity --venv --python $(call python-version,$*) --color no

units-%: FORCE .venvs/core-%/.ready
	hacking/seed-get-pip.sh .venvs/core-$*
	hacking/collection-tree.sh build/units-$*/$(COLLECTION)
	cd build/units-$*/$(COLLECTION) && PATH=$(abspath .venvs/core-$*/bin):$$PATH ansible-test units --venv --python $(call python-version,$*) --color no

# The unit tests of the newest series in one pytest process, as an editor runs them, in the order of
# the files and then in reverse (--reverse, tests/unit/conftest.py): ansible-test units runs each test
# in a process of its own, and would not tell a test that leans on what another left behind. The
# environment is the one ansible-test gives the tests, with tests/unit/requirements.txt beside it.
ONEPASS_SERIES := $(lastword $(CORE_SERIES))
ONEPASS := build/onepass
ONEPASS_PYTHON := $(abspath .venvs/core-$(ONEPASS_SERIES)/bin/python)

$(ONEPASS)-deps/.installed: tests/unit/requirements.txt .venvs/core-$(ONEPASS_SERIES)/.ready
	rm -rf $(ONEPASS)-deps
	$(ONEPASS_PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps --target $(ONEPASS)-deps -r $<
	touch $@

units-onepass: FORCE .venvs/core-$(ONEPASS_SERIES)/.ready $(ONEPASS)-deps/.installed
	hacking/collection-tree.sh $(ONEPASS)/$(COLLECTION)
	ansible_test=$$($(ONEPASS_PYTHON) -c 'import ansible_test, os; print(os.path.dirname(ansible_test.__file__))') && \
	minimum=$$($(ONEPASS_PYTHON) -c 'from ansible_test._internal.constants import CONTROLLER_MIN_PYTHON_VERSION; print(CONTROLLER_MIN_PYTHON_VERSION)') && \
	cd $(ONEPASS)/$(COLLECTION) && for order in '' --reverse; do \
		PYTHONPATH=$(abspath $(ONEPASS)):$(abspath $(ONEPASS)-deps):$$ansible_test/_util/target/pytest/plugins \
		PYTEST_PLUGINS=ansible_pytest_collections ANSIBLE_COLLECTIONS_PATH=$(abspath $(ONEPASS)) \
		ANSIBLE_CONTROLLER_MIN_PYTHON_VERSION=$$minimum \
		$(ONEPASS_PYTHON) -m pytest -p no:cacheprovider -p no:randomly -c $$ansible_test/_data/pytest/config/default.ini \
			--rootdir . --confcutdir . --strict-markers -q tests/unit $$order || exit 1; \
	done

check-series:
	$(PYTHON) hacking/check-series.py --core $(CORE_SERIES) --e2e $(E2E_SERIES)

integration: $(addprefix integration-,$(E2E_SERIES))

# The series of E2E_SERIES but the newest run the parity tests (test_parity.py, and those of other
# files named ..._both_ways_...); any other series runs them all.
e2e-tests = $(if $(filter $(1),$(filter-out $(lastword $(E2E_SERIES)),$(E2E_SERIES))),tests/e2e -k 'test_parity or both_ways',tests/e2e)

integration-%: FORCE .venvs/core-%/.ready
	.venvs/core-$*/bin/python -m pytest -p no:cacheprovider -n $(PYTEST_WORKERS) $(call e2e-tests,$*)

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

# The build context of an execution environment, without a container engine: ansible-builder
# create on examples/execution-environment.yml with the collection's tarball beside it, then a
# check that the image would hold the collection and requests.
ee: $(VENV)/.installed
	rm -rf build/ee && mkdir -p build/ee
	$(BIN)/ansible-galaxy collection build --output-path build/ee .
	cp examples/execution-environment.yml build/ee/
	$(BIN)/ansible-builder create --file build/ee/execution-environment.yml --context build/ee/context \
		--output-filename Containerfile
	PATH=$(BIN):$$PATH $(BIN)/python hacking/check-ee.py build/ee/context examples/execution-environment.yml galaxy.yml

# The documentation site, build/docsite/build/html/index.html: antsibull-docs and Sphinx with
# warnings as errors, then a check of its pages and links.
$(VENV)/.docs-installed: $(VENV)/.installed requirements/docs.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/docs.txt
	touch $@

docs: $(VENV)/.docs-installed
	PATH=$(BIN):$$PATH hacking/build-docs.sh build/docsite

# make demo and make bench need ansible-core and requests only: a small environment of their own.
DEMO_VENV := .venvs/demo
$(DEMO_VENV)/.installed: requirements/demo.txt
	$(PYTHON) -m venv $(DEMO_VENV)
	$(DEMO_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements/demo.txt
	touch $@

demo: $(DEMO_VENV)/.installed
	PATH=$(abspath $(DEMO_VENV)/bin):$$PATH hacking/demo.sh

# make bench writes its tables to build/bench/tables.rst, and nothing else; make bench-docs copies
# the last of them into docs/docsite/rst/scale.rst.
bench: $(DEMO_VENV)/.installed
	PATH=$(abspath $(DEMO_VENV)/bin):$$PATH $(DEMO_VENV)/bin/python hacking/bench.py

bench-docs:
	$(PYTHON) hacking/bench.py --docs

FORCE:

# Pattern-built stamps are intermediate files to make, which deletes them after a run: keep
# them, so that the next run reuses the virtual environments.
.PRECIOUS: .venvs/core-%/.ready

clean:
	rm -rf build tests/output
