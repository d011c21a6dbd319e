# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The in-process run of a module on the controller: same checks, same results, same secrecy, same fallbacks."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from unittest.mock import MagicMock, patch

import pytest

from ansible.module_utils.basic import AnsibleModule
from ansible.plugins.action import ActionBase
from ansible.utils.unsafe_proxy import wrap_var

from ansible_collections.ytracker.tracker.plugins.module_utils import _options, _tracker
from ansible_collections.ytracker.tracker.plugins.modules import tracker_remote_link
from ansible_collections.ytracker.tracker.plugins.plugin_utils import _controller
from ansible_collections.ytracker.tracker.plugins.plugin_utils._controller import (
    ControllerModule,
    ModuleExit,
    TrackerAction,
    module_args,
)
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import CONNECTION, TOKEN
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import module_args as ansible_module_args

NAME = 'ytracker.tracker.tracker_remote_link'
SPEC = _options.tracker_module_spec(tracker_remote_link.ARGUMENT_SPEC)
CHECKS = _options.tracker_module_checks(**tracker_remote_link.MODULE_OPTIONS)
ARGS = dict(CONNECTION, issue='TEST-1', origin='ci.example', key='build-1')


def module(args, **settings):
    return ControllerModule(SPEC, args, name=NAME, **dict(CHECKS, **settings))


def ended(call, *args, **kwargs):
    """The result that ``call`` ends run_module() with."""
    with pytest.raises(ModuleExit) as exited:
        call(*args, **kwargs)
    return exited.value.result


def without(name):
    return dict((key, value) for key, value in ARGS.items() if key != name)


def test_arguments_are_validated_with_defaults_applied():
    made = module(ARGS, check_mode=True, diff=True)

    assert made.params['relationship'] == 'relates'
    assert made.params['api_url'] == 'https://api.tracker.yandex.net'
    assert made.check_mode is True and made._diff is True


@pytest.mark.parametrize('args', [
    ARGS,
    dict(ARGS, bogus='x'),
    dict(ARGS, retries='many'),
    without('issue'),
    dict(ARGS, links=[{'origin': 'com.github', 'key': 'PR-1'}]),
    dict(ARGS, iam_token='t1'),
    dict(ARGS, org_id=None, cloud_org_id='c1'),
    dict(ARGS, state='gone'),
])
def test_results_are_those_ansible_module_writes(args, capsys):
    """AnsibleModule itself, fed the same arguments, is the reference: every key, every message."""
    with ansible_module_args(dict(args, _ansible_module_name=NAME)):
        with pytest.raises(SystemExit):
            AnsibleModule(argument_spec=_options.tracker_module_spec(tracker_remote_link.ARGUMENT_SPEC),
                          **CHECKS).exit_json(echo='token %s' % TOKEN)
    expected = json.loads(capsys.readouterr().out)

    def run():
        module(args).exit_json(echo='token %s' % TOKEN)

    assert ended(run) == expected
    assert TOKEN not in str(expected)


def ansible_module_result(args, checks, use):
    """The result AnsibleModule writes for ``args`` after ``use(module)``."""
    with ansible_module_args(dict(args, _ansible_module_name=NAME)):
        with pytest.raises(SystemExit):
            made = AnsibleModule(argument_spec=SPEC, **checks)
            use(made)
            made.exit_json(changed=False)


@pytest.mark.parametrize('supported', [True, False])
def test_check_mode_is_honoured_as_ansible_module_does(supported, capsys):
    """A module without supports_check_mode is skipped in check mode, with AnsibleModule's words."""
    checks = dict((key, value) for key, value in CHECKS.items() if key != 'supports_check_mode')
    ansible_module_result(dict(ARGS, _ansible_check_mode=True), dict(checks, supports_check_mode=supported),
                          lambda made: None)
    expected = json.loads(capsys.readouterr().out)

    def run():
        made = ControllerModule(SPEC, ARGS, name=NAME, check_mode=True, supports_check_mode=supported, **checks)
        made.exit_json(changed=False)

    assert ended(run) == expected
    assert ('skipped' in expected) is not supported


def test_warn_and_deprecate_land_in_the_result():
    """As AnsibleModule's do; on 2.19 and later its output encodes them, so the parity suite compares results."""
    made = module(ARGS)
    made.warn('Tracker requests were retried 1 times')
    made.deprecate('purge is going away', version='2.0.0', collection_name='ytracker.tracker')

    result = ended(made.exit_json, changed=False)

    assert result['warnings'] == ['Tracker requests were retried 1 times']
    assert result['deprecations'] == [dict(msg='purge is going away', version='2.0.0',
                                           collection_name='ytracker.tracker')]


def test_invocation_masks_secrets_as_ansible_module_does():
    result = ended(module(ARGS, inject_invocation=True).exit_json, changed=True)

    assert result['invocation']['module_args']['oauth_token'] == 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'
    assert result['invocation']['module_args']['issue'] == 'TEST-1'
    assert result['invocation']['module_args']['retries'] == 5


def test_an_unknown_option_names_the_module():
    result = ended(module, dict(ARGS, bogus='x'))

    assert result['failed'] is True
    assert result['msg'].startswith('Unsupported parameters for (%s) module: bogus. Supported parameters include:' % NAME)


def test_results_never_carry_the_token():
    made = module(ARGS)

    exited = ended(made.exit_json, echo='token %s' % TOKEN)
    failed = ended(made.fail_json, msg='bad %s' % TOKEN)

    assert TOKEN not in str(exited) and TOKEN not in str(failed)
    assert failed['msg'] == 'bad ********'


def test_a_token_from_the_environment_is_kept_secret_too(monkeypatch):
    monkeypatch.setenv('TRACKER_IAM_TOKEN', 'env-secret-iam-token')
    made = module(without('oauth_token'))

    result = ended(made.exit_json, msg='env-secret-iam-token')

    assert 'env-secret-iam-token' not in str(result)


def test_a_bool_or_none_result_is_kept_even_if_it_reads_as_a_secret():
    made = module(dict(ARGS, oauth_token='True'))

    result = ended(made.exit_json, changed=True, link=None, echo='True')

    assert result['changed'] is True and result['link'] is None
    assert result['echo'] == 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'


SPEC_WITH_NOTICES = dict(
    name=dict(type='str', aliases=['title']),
    old=dict(type='str', removed_in_version='3.0.0', removed_from_collection='ytracker.tracker'),
    db_password=dict(type='str'),
)
NOTICED = dict(name='a', title='b', old='x', db_password='p')


def test_warnings_and_deprecations_of_the_arguments_reach_the_result():
    made = ControllerModule(SPEC_WITH_NOTICES, NOTICED)

    result = ended(made.exit_json, warnings=['from the module'])

    assert result['warnings'] == ['Both option name and its alias title are set.',
                                  'Module did not set no_log for db_password', 'from the module']
    assert result['deprecations'] == [{'msg': "Param 'old' is deprecated. See the module docs for more information",
                                       'version': '3.0.0', 'collection_name': 'ytracker.tracker'}]


def test_no_log_tasks_get_no_warning_about_secret_looking_options():
    result = ended(ControllerModule(SPEC_WITH_NOTICES, dict(db_password='p'), no_log=True).exit_json)

    assert 'warnings' not in result


def test_a_failure_of_the_arguments_still_carries_their_deprecations():
    result = ended(ControllerModule, SPEC_WITH_NOTICES, dict(NOTICED, bogus=1), name=NAME)

    assert result['failed'] is True and result['msg'].startswith('Unsupported parameters for (%s) module' % NAME)
    assert [notice['version'] for notice in result['deprecations']] == ['3.0.0']


def test_without_notices_the_result_has_no_such_keys():
    result = ended(module(ARGS).exit_json)

    assert 'warnings' not in result and 'deprecations' not in result


def fail_with_tracebacks(made):
    """fail_json with a traceback given, and without one inside an except block."""
    given = ended(made.fail_json, msg='x', exception='given')
    current = {}
    try:
        raise KeyError('in_except')
    except KeyError:
        current = ended(made.fail_json, msg='x')
    return given.get('exception'), current.get('exception') or ''


@pytest.mark.parametrize('verbosity', [0, 3])
def test_a_traceback_as_ansible_module_before_2_19_gives_it(verbosity, monkeypatch):
    # Up to 2.18, the rules of AnsibleModule.fail_json, whatever the version these tests run on.
    monkeypatch.setattr(_controller, '_traceback', None)

    given, current = fail_with_tracebacks(module(ARGS, verbosity=verbosity))

    assert given == 'given'
    assert ('in_except' in current) is (verbosity >= 3)


@pytest.mark.parametrize('enabled', [False, True])
def test_a_traceback_only_where_the_configuration_enables_it(enabled, monkeypatch):
    # From 2.19, the configuration decides; the rules of AnsibleModule.fail_json, on any version.
    monkeypatch.setattr(_controller, '_traceback', MagicMock())
    _controller._traceback.is_traceback_enabled.return_value = enabled
    _controller._traceback.maybe_extract_traceback.side_effect = lambda error, event: 'extracted %r' % error

    given, current = fail_with_tracebacks(module(ARGS, verbosity=3))

    assert given == ('given' if enabled else None)
    assert current == ("extracted KeyError('in_except')" if enabled else '')


class Tagged(str):
    """Stands for the str subclasses of Ansible's templating (AnsibleUnsafeText, tagged strings)."""


def test_task_arguments_reach_the_module_as_plain_types():
    args = module_args({'issue': Tagged('TEST-1'), 'retries': wrap_var('many'), 'links': (wrap_var({'a': 1}),)})

    assert args == {'issue': 'TEST-1', 'retries': 'many', 'links': [{'a': 1}]}
    assert [value.__class__ for value in (args['issue'], args['retries'], args['links'][0])] == [str, str, dict]

    message = ended(module, dict(ARGS, retries=args['retries']))['msg']
    assert message.startswith("argument 'retries' is of type")
    assert 'Tagged' not in message and 'Ansible' not in message


def action(transport='local', become=False, environment=None, async_val=0, **task):
    plugin = TrackerAction.__new__(TrackerAction)
    plugin._connection = MagicMock(transport=transport, has_native_async=False)
    plugin._play_context = MagicMock(become=become)
    plugin._task = MagicMock(environment=environment, async_val=async_val, **task)
    plugin._templar = MagicMock()
    plugin._templar.template.side_effect = lambda value: {'{{ off }}': 'no'}.get(value, value)
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
    assert action(**settings)._runs_on_controller({}) is expected


def test_without_requests_the_module_runs_as_a_process(monkeypatch):
    monkeypatch.setattr(_tracker, 'HAS_REQUESTS', False)

    assert action()._runs_on_controller({}) is False


@pytest.mark.parametrize('environment, task_vars, expected', [
    (None, {}, True),
    ('0', {}, False),
    ('false', {}, False),
    ('1', {}, True),
    ('', {}, True),
    (None, {'ytracker_tracker_in_process': False}, False),
    (None, {'ytracker_tracker_in_process': '{{ off }}'}, False),
    ('0', {'ytracker_tracker_in_process': True}, True),
    ('1', {'ytracker_tracker_in_process': 'false'}, False),
])
def test_the_switch(environment, task_vars, expected, monkeypatch):
    monkeypatch.delenv('YTRACKER_TRACKER_IN_PROCESS', raising=False)
    if environment is not None:
        monkeypatch.setenv('YTRACKER_TRACKER_IN_PROCESS', environment)

    assert action()._runs_on_controller(task_vars) is expected


def in_process(args, **task):
    plugin = action(action=NAME, args=args, check_mode=False, diff=False, no_log=False, **task)
    plugin.MODULE = tracker_remote_link
    return plugin._run_in_process({})


def test_an_unexpected_error_in_process_is_a_one_line_failure(monkeypatch):
    def run_module(module):
        raise OSError('Could not find a suitable TLS CA certificate bundle')

    monkeypatch.setattr(tracker_remote_link, 'run_module', run_module)
    monkeypatch.setattr(_controller, 'invocation_injected', lambda task_vars=None: True)
    result = in_process(ARGS)

    assert result['failed'] is True
    assert result['msg'] == 'OSError: Could not find a suitable TLS CA certificate bundle'
    assert result['invocation']['module_args']['oauth_token'] == 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'


def test_in_process_arguments_are_plain_and_name_the_module():
    unknown = in_process(dict(ARGS, bogus=Tagged('x')))
    wrong = in_process(dict(ARGS, retries=Tagged('many')))

    assert unknown['msg'].startswith('Unsupported parameters for (%s) module: bogus.' % NAME)
    assert wrong['msg'].startswith("argument 'retries' is of type") and 'Tagged' not in wrong['msg']


@pytest.mark.parametrize('async_val, wrap_async, removed', [(0, 0, True), (30, True, False)])
def test_a_module_process_runs_as_the_normal_action_runs_it(async_val, wrap_async, removed):
    plugin = action(transport='ssh', async_val=async_val)
    plugin._connection._shell.tmpdir = '/remote/tmp'
    plugin._execute_module = MagicMock(return_value={'changed': True, 'nested': {'b': 2}})
    plugin._remove_tmp_path = MagicMock()

    with patch.object(ActionBase, 'run', return_value={'nested': {'a': 1}}):
        result = plugin.run(task_vars={'x': 1})

    plugin._execute_module.assert_called_once_with(task_vars={'x': 1}, wrap_async=wrap_async)
    assert result == {'changed': True, 'nested': {'a': 1, 'b': 2}}
    assert plugin._remove_tmp_path.called is removed
    assert TrackerAction._supports_async is True


def test_the_module_ends_the_run_in_process_or_says_so(monkeypatch):
    monkeypatch.setattr(tracker_remote_link, 'run_module', lambda module: None)

    result = in_process(ARGS)

    assert result == {'failed': True, 'msg': '%s ended without a result' % NAME}


def test_ending_is_not_an_exception_a_module_could_catch():
    assert not issubclass(ModuleExit, Exception)
