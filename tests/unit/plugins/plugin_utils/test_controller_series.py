# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The in-process run only on the ansible-core series it is proven on; a newer one runs a module process."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
from unittest.mock import MagicMock

import pytest
import yaml

from ansible_collections.ytracker.tracker.plugins.module_utils import _tracker
from ansible_collections.ytracker.tracker.plugins.plugin_utils import _controller
from ansible_collections.ytracker.tracker.plugins.plugin_utils._controller import IN_PROCESS_SERIES, TrackerAction

RUNTIME = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'meta', 'runtime.yml')


def series_key(series):
    return tuple(int(part) for part in series.split('.'))


def following(series):
    major, minor = series_key(series)
    return '%d.%d' % (major, minor + 1)


NEWEST = max(IN_PROCESS_SERIES, key=series_key)
OLDEST = min(IN_PROCESS_SERIES, key=series_key)


@pytest.fixture
def local_task(monkeypatch):
    """A task that runs in Ansible's process on a proven series: local connection, no become, the switch on."""
    monkeypatch.delenv(_controller.SWITCH_ENVIRONMENT, raising=False)
    monkeypatch.setattr(_tracker, 'HAS_REQUESTS', True)
    plugin = TrackerAction.__new__(TrackerAction)
    plugin._connection = MagicMock(transport='local', has_native_async=False)
    plugin._play_context = MagicMock(become=False)
    plugin._task = MagicMock(environment=None, async_val=0)
    plugin._templar = MagicMock()
    return plugin


def on_version(monkeypatch, version):
    monkeypatch.setattr(_controller, 'ANSIBLE_VERSION', version)


@pytest.mark.parametrize('series', IN_PROCESS_SERIES)
def test_each_proven_series_runs_in_process(local_task, monkeypatch, series):
    on_version(monkeypatch, series + '.3')

    assert local_task._runs_on_controller({}) is True


@pytest.mark.parametrize('version', [
    following(NEWEST) + '.0',
    following(NEWEST) + '.0rc1',
    following(NEWEST) + '.0.dev0',
    following(following(NEWEST)) + '.1',
    '3.0.0',
])
def test_a_newer_series_runs_a_module_process(local_task, monkeypatch, version):
    on_version(monkeypatch, version)

    assert local_task._runs_on_controller({}) is False


def test_an_older_series_runs_a_module_process(local_task, monkeypatch):
    major, minor = series_key(OLDEST)
    on_version(monkeypatch, '%d.%d.13' % (major, minor - 1))

    assert local_task._runs_on_controller({}) is False


@pytest.mark.parametrize('version, series', [('2.21.5', '2.21'), ('2.20.0rc1', '2.20'), ('2.9.27', '2.9')])
def test_the_series_of_a_version(monkeypatch, version, series):
    on_version(monkeypatch, version)

    assert _controller.core_series() == series


def test_the_running_ansible_core_decides(local_task):
    from ansible.release import __version__

    assert local_task._runs_on_controller({}) is (_controller.core_series() in IN_PROCESS_SERIES)
    assert _controller.core_series() == '.'.join(__version__.split('.')[:2])


def test_the_series_are_consecutive_from_the_oldest_the_collection_admits():
    """No gap in the list, and nothing before meta/runtime.yml's requires_ansible."""
    with open(RUNTIME) as handle:
        requires = yaml.safe_load(handle)['requires_ansible']
    admitted = '.'.join(requires.lstrip('>=').split('.')[:2])
    ordered = sorted(IN_PROCESS_SERIES, key=series_key)

    assert list(IN_PROCESS_SERIES) == ordered
    assert series_key(OLDEST) >= series_key(admitted)
    assert [following(series) for series in ordered[:-1]] == ordered[1:]
