# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The in-process run of a module on the controller: same checks, same secrecy, same fallbacks."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest.mock import MagicMock

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils import _tracker
from ansible_collections.ytracker.tracker.plugins.modules import tracker_remote_link
from ansible_collections.ytracker.tracker.plugins.plugin_utils._controller import (
    ControllerModule,
    ModuleExit,
    TrackerAction,
)
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import CONNECTION, TOKEN

SPEC = _tracker.tracker_module_spec(tracker_remote_link.ARGUMENT_SPEC)
CHECKS = _tracker.tracker_module_checks(**tracker_remote_link.MODULE_OPTIONS)
ARGS = dict(CONNECTION, issue='TEST-1', origin='ci.example', key='build-1')


def module(args, check_mode=False, diff=False):
    return ControllerModule(args, check_mode, diff, SPEC, **CHECKS)


def test_arguments_are_validated_with_defaults_applied():
    made = module(ARGS, check_mode=True, diff=True)

    assert made.params['relationship'] == 'relates'
    assert made.params['api_url'] == 'https://api.tracker.yandex.net'
    assert made.check_mode is True and made._diff is True


@pytest.mark.parametrize('args, message', [
    (dict(ARGS, iam_token='t1'), 'parameters are mutually exclusive: oauth_token|iam_token'),
    (dict(ARGS, oauth_token=None), 'one of the following is required: oauth_token, iam_token'),
    (dict(ARGS, state='gone'), 'value of state must be one of: present, absent'),
    (dict(ARGS, colour='blue'), 'colour'),
])
def test_bad_arguments_fail_like_ansible_module(args, message):
    args = dict((name, value) for name, value in args.items() if value is not None)
    with pytest.raises(ModuleExit) as ended:
        module(args)

    assert ended.value.result['failed'] is True
    assert message in ended.value.result['msg']


def test_results_never_carry_the_token():
    made = module(ARGS)

    with pytest.raises(ModuleExit) as exited:
        made.exit_json(echo='token %s' % TOKEN)
    with pytest.raises(ModuleExit) as failed:
        made.fail_json(msg='bad %s' % TOKEN, exception='Traceback ...')

    assert TOKEN not in str(exited.value.result) and TOKEN not in str(failed.value.result)
    assert exited.value.result['changed'] is False
    assert 'exception' not in failed.value.result


def test_a_token_from_the_environment_is_kept_secret_too(monkeypatch):
    monkeypatch.setenv('TRACKER_IAM_TOKEN', 'env-secret-iam-token')
    made = module(dict((name, value) for name, value in ARGS.items() if name != 'oauth_token'))

    with pytest.raises(ModuleExit) as exited:
        made.exit_json(msg='env-secret-iam-token')

    assert 'env-secret-iam-token' not in str(exited.value.result)


def action(transport='local', become=False, environment=None, async_val=0):
    plugin = TrackerAction.__new__(TrackerAction)
    plugin._connection = MagicMock(transport=transport)
    plugin._play_context = MagicMock(become=become)
    plugin._task = MagicMock(environment=environment, async_val=async_val)
    return plugin


@pytest.mark.parametrize('settings, expected', [
    ({}, True),
    ({'environment': [{}]}, True),
    ({'transport': 'ansible.builtin.local'}, True),
    ({'transport': 'ssh'}, False),
    ({'become': True}, False),
    ({'environment': [{'HTTPS_PROXY': 'http://proxy:3128'}]}, False),
    ({'async_val': 30}, False),
])
def test_which_tasks_run_in_ansible_own_process(settings, expected):
    assert action(**settings)._runs_on_controller() is expected


def test_without_requests_the_module_runs_as_a_process(monkeypatch):
    monkeypatch.setattr(_tracker, 'HAS_REQUESTS', False)

    assert action()._runs_on_controller() is False
