# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The examples run from a checkout, the ways the README and the getting started guide show.

From a clone, Ansible resolves ``ytracker.tracker.*`` only once the checkout is installed as a
collection: ``ansible-galaxy collection install .`` into the default collections path, or into a
directory of one's own that ANSIBLE_COLLECTIONS_PATH names. Each way runs every example playbook
that needs no other collection twice against the emulator, from the checkout's root: the second
run changes nothing.
"""

import glob
import os
import re
import subprocess
import sys

import pytest
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
BIN = os.path.dirname(sys.executable)
OAUTH_TOKEN = 'emulator-oauth-token'
# Keys of a task that hold more tasks.
BLOCKS = ('block', 'rescue', 'always')
# What of the environment could make Ansible find the collection elsewhere, or point the tasks elsewhere.
CLEARED = ('ANSIBLE_COLLECTIONS_PATH', 'ANSIBLE_COLLECTIONS_PATHS', 'ANSIBLE_CONFIG', 'TRACKER_IAM_TOKEN',
           'TRACKER_CLOUD_ORG_ID', 'YTRACKER_TRACKER_IN_PROCESS')


def modules_of(tasks):
    for task in tasks or []:
        for key, value in task.items():
            if key in BLOCKS:
                yield from modules_of(value)
            elif key.count('.') == 2:
                yield key


def runnable_examples():
    """The playbooks of examples/ that need no collection but this one and ansible.builtin."""
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, 'examples', '*.yml'))):
        with open(path) as handle:
            document = yaml.safe_load(handle)
        if not isinstance(document, list) or not all(isinstance(play, dict) and 'hosts' in play for play in document):
            continue  # not a playbook: an execution environment's definition, say
        modules = set(module for play in document for section in ('pre_tasks', 'tasks', 'post_tasks', 'handlers')
                      for module in modules_of(play.get(section)))
        if modules and all(module.startswith(('ytracker.tracker.', 'ansible.builtin.')) for module in modules):
            found.append('examples/' + os.path.basename(path))
    return found


EXAMPLES = runnable_examples()


def test_the_examples_include_the_one_the_readme_shows():
    assert 'examples/link_build.yml' in EXAMPLES


@pytest.fixture(params=['default collections path', 'ANSIBLE_COLLECTIONS_PATH'])
def checkout(request, tmp_path, emulator):
    """Run a command from the checkout's root as a user would, with TRACKER_* pointing at the emulator.

    The home directory is one of the test's own, so that no collection installed before is found.
    """
    environment = dict(os.environ, HOME=str(tmp_path / 'home'), PATH=BIN + os.pathsep + os.environ['PATH'],
                       ANSIBLE_NOCOLOR='1', ANSIBLE_LOCALHOST_WARNING='0', ANSIBLE_INVENTORY_UNPARSED_WARNING='0',
                       TRACKER_API_URL=emulator.url, TRACKER_OAUTH_TOKEN=OAUTH_TOKEN, TRACKER_ORG_ID='emulator-org')
    for name in CLEARED:
        environment.pop(name, None)
    if request.param == 'ANSIBLE_COLLECTIONS_PATH':
        environment['ANSIBLE_COLLECTIONS_PATH'] = str(tmp_path / 'collections')

    def run(*command):
        process = subprocess.run(list(command), cwd=ROOT, env=environment, capture_output=True, text=True,
                                 timeout=300, check=False)
        output = process.stdout + process.stderr
        assert OAUTH_TOKEN not in output
        return process.returncode, output

    return run


def changed(output):
    counts = re.findall(r'^localhost\s*:.*\bchanged=(\d+)', output, re.MULTILINE)
    assert len(counts) == 1, output
    return int(counts[0])


@pytest.mark.parametrize('example', EXAMPLES)
def test_an_example_runs_from_the_checkout_once_it_is_installed(checkout, example):
    rc, output = checkout('ansible-playbook', example)
    assert rc != 0
    # A play with a module_defaults group of the collection stops there, before its tasks.
    assert ("couldn't resolve module/action 'ytracker.tracker." in output
            or 'could not resolve the module_defaults group ytracker.tracker.tracker' in output), output

    rc, output = checkout('ansible-galaxy', 'collection', 'install', '--force', '.')
    assert rc == 0, output
    assert 'ytracker.tracker' in output and 'was installed successfully' in output, output

    rc, first = checkout('ansible-playbook', example)
    assert rc == 0, first
    rc, second = checkout('ansible-playbook', example)
    assert rc == 0, second
    assert changed(first) > 0
    assert changed(second) == 0, second
