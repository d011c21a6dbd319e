# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A task gives the same result in Ansible's process as in a module process; async; the switch."""

import json
import os
import re

import pytest

from conftest import BUILD, REMOTE_LINK as LINK, link_task

INFO = 'ytracker.tracker.tracker_remote_link_info'
ATTACHMENT = 'ytracker.tracker.tracker_attachment'


def without(name):
    return {LINK: dict((key, value) for key, value in BUILD.items() if key != name)}


TOKEN = 'emulator-oauth-token'
# A collection of the tests: ytracker_test.probe.tracker_probe uses warn(), deprecate() and has no
# check mode, through ytracker.tracker's own runner and action plugin.
PROBE_COLLECTIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'collections')
PROBE = 'ytracker_test.probe.tracker_probe'

# name: the task, and what else the case needs: ansible-playbook options, controller environment,
# and an emulator that serves HTTPS (see the https_emulator fixture).
PARITY = {
    'unknown option': dict(task=link_task(bogus='x')),
    'wrong type': dict(task=link_task(retries='many')),
    'missing required': dict(task=without('issue')),
    'mutually exclusive': dict(task=link_task(links=[{'origin': 'com.github', 'key': 'PR-1'}])),
    'check mode create': dict(task=link_task(), options=['--check']),
    'diff': dict(task=link_task(), options=['--diff']),
    'no_log task': dict(task=dict(link_task(), no_log=True)),
    'loop with a bad item': dict(task=dict(link_task(key='{{ item }}'), loop=['build-1', ' ', 'build-3'])),
    'API failure': dict(task=link_task(issue='NOPE-1')),
    # requests raises OSError, which is no RequestException, for a CA bundle that is not there.
    'unexpected exception': dict(task=link_task(api_url='https://127.0.0.1:9', ca_path='/nonexistent/ca.pem')),
    'info': dict(task={INFO: {'issue': 'TEST-1'}}),
    'token ending in a newline': dict(task=link_task(), env={'TRACKER_OAUTH_TOKEN': TOKEN + '\n'}),
    'token outside Latin-1': dict(task=link_task(), env={'TRACKER_OAUTH_TOKEN': TOKEN + u'-\u0442'}),
    'TLS, unknown CA': dict(task=link_task(), https=True),
    'TLS, ca_path': dict(task=link_task(ca_path="{{ lookup('ansible.builtin.env', 'E2E_CA_PATH') }}"), https=True),
    'TLS, validate_certs false': dict(task=link_task(validate_certs=False), https=True),
    'waits reported': dict(task=link_task(), faults=[{'kind': 'rate_limit', 'retry_after': 1, 'count': 1}]),
    'check mode, linked issue missing': dict(
        task={'ytracker.tracker.tracker_issue_link': {'issue': 'TEST-1', 'linked_issue': 'NOPE-2'}},
        options=['--check']),
    'check mode, unknown origin': dict(task=link_task(origin='org.example.ci'), options=['--check']),
    'nothing listening': dict(task=link_task(api_url='http://127.0.0.1:9')),
    'issue fields and status': dict(task={'ytracker.tracker.tracker_issue': {
        'key': 'TEST-2', 'summary': 'Parity', 'priority': 'critical', 'status': 'inProgress'}}, options=['--diff']),
    'issue, bad input': dict(task={'ytracker.tracker.tracker_issue': {'key': 'TEST-2', 'unique': 'release-1'}}),
    'issue info': dict(task={'ytracker.tracker.tracker_issue_info': {'keys': ['TEST-1', 'TEST-2']}}),
    'bulk change': dict(task={'ytracker.tracker.tracker_bulk_change': {
        'keys': ['TEST-1', 'TEST-2'], 'priority': 'critical', 'tags': ['parity'], 'status': 'inProgress'}},
        options=['--diff']),
    'checklist': dict(task={'ytracker.tracker.tracker_checklist': {'issue': 'TEST-1', 'items': [
        {'text': 'DB migrated', 'checked': True}, {'text': 'Canary healthy', 'assignee': 'alice',
                                                   'deadline': '2026-12-05'}]}}, options=['--diff']),
    'checklist, bad input': dict(task={'ytracker.tracker.tracker_checklist': {
        'issue': 'TEST-1', 'items': [{'text': 'a', 'deadline': 'soon'}]}}),
    'worklog': dict(task={'ytracker.tracker.tracker_worklog': {
        'issue': 'TEST-1', 'start': '2026-12-03T22:00:00+03:00', 'duration': 'P5D', 'comment': 'Parity'}},
        options=['--diff']),
    'worklog, bad input': dict(task={'ytracker.tracker.tracker_worklog': {
        'issue': 'TEST-1', 'start': '2026-12-03', 'duration': 'P1Y'}}),
    'version': dict(task={'ytracker.tracker.tracker_version': {
        'queue': 'REL', 'name': '1.2', 'description': 'Parity', 'released': True}}, options=['--diff']),
    'version info': dict(task={'ytracker.tracker.tracker_version_info': {'queue': 'REL', 'released': True}}),
    'component': dict(task={'ytracker.tracker.tracker_component': {
        'queue': 'REL', 'name': 'backend', 'description': 'Parity', 'lead': 'alice', 'assign_auto': True}},
        options=['--diff']),
    'component info': dict(task={'ytracker.tracker.tracker_component_info': {'queue': 'REL', 'name': 'frontend'}}),
    'queue': dict(task={'ytracker.tracker.tracker_queue': {
        'key': 'PAR', 'name': 'Parity', 'lead': 'alice', 'default_type': 'task', 'default_priority': 'normal',
        'issue_types': [{'type': 'task', 'workflow': 'oicn', 'resolutions': ['fixed']}]}}, options=['--diff']),
    'queue, delete without force': dict(task={'ytracker.tracker.tracker_queue': {'key': 'OPS', 'state': 'absent'}}),
    'queue info': dict(task={'ytracker.tracker.tracker_queue_info': {'queue': 'OPS', 'expand': ['team', 'types']}}),
    'queue field': dict(task={'ytracker.tracker.tracker_queue_field': {
        'queue': 'OPS', 'key': 'severity', 'name': {'en': 'Severity'}, 'category': '000000000000000000000002',
        'type': 'select', 'options': ['S1', 'S2']}}, options=['--diff']),
    'attachment': dict(task={ATTACHMENT: {'issue': 'TEST-1', 'src': os.path.abspath(__file__)}}, options=['--diff']),
    'attachment, bad input': dict(task={ATTACHMENT: {'issue': 'TEST-1', 'src': os.path.dirname(__file__)}}),
    'attachment info': dict(task={'ytracker.tracker.tracker_attachment_info': {'issue': 'TEST-1'}}),
    'issue link info': dict(task={'ytracker.tracker.tracker_issue_link_info': {'issue': 'TEST-1'}}),
    'module warns': dict(task={PROBE: {'warn': 'a warning of the module'}}, probe=True),
    'module deprecates': dict(task={PROBE: {'deprecate': 'an option going away'}}, probe=True),
    'module without check mode, in check mode': dict(task={PROBE: {}}, options=['--check'], probe=True),
    'module in diff mode': dict(task={PROBE: {}}, options=['--diff'], probe=True),
}


def comparable(result):
    """The result without what differs between two runs of the same task on any path."""
    if isinstance(result, dict):
        return dict((key, comparable_value(key, value)) for key, value in result.items())
    if isinstance(result, list):
        return [comparable(item) for item in result]
    return result


def comparable_value(key, value):
    # Tracker stamps each link with the time it was made: the two runs happen seconds apart.
    if key in ('createdAt', 'updatedAt'):
        return 'TIME'
    # Tracker names each bulk operation with an id of its own.
    if key == 'operations' and isinstance(value, list):
        return [dict(comparable(operation), id='ID') for operation in value]
    # A traceback names the files it went through: the installed collection in Ansible's process,
    # the unpacked payload in a module's. Its last line, the error itself, must be the same.
    if key == 'exception' and isinstance(value, str):
        return value.startswith('Traceback (most recent call last):'), value.rstrip().splitlines()[-1]
    return comparable(value)


@pytest.mark.parametrize('name', sorted(PARITY))
def test_both_ways_give_the_same_result(playbook, emulator, request, name, collections_path):
    case = PARITY[name]
    target = request.getfixturevalue('https_emulator') if case.get('https') else emulator
    env = dict(getattr(target, 'environment', {}), **case.get('env', {}))
    if case.get('probe'):
        env['ANSIBLE_COLLECTIONS_PATH'] = os.pathsep.join([collections_path, PROBE_COLLECTIONS])
    results = {}
    for execution in ('controller', 'module'):
        target.call('POST', '/_emulator/reset')  # the same links and link ids for both runs
        target.add_link(key='build-0')
        if case.get('faults'):
            target.arm(*case['faults'])
        run = playbook(case['task'], options=case.get('options', []), env=env, execution=execution)
        assert run.result is not None, run.output
        assert TOKEN not in run.output + str(run.results)
        results[execution] = comparable(run.result)

    controller, module = results['controller'], results['module']
    # Key by key first, for a readable failure; then the whole, nested values included.
    assert sorted(controller) == sorted(module)
    for key in module:
        assert (key, controller[key]) == (key, module[key])


def test_results_read_as_a_module_writes_them(playbook, emulator):
    """What the parity table compares is itself right: a few values spelt out."""
    unknown = playbook(link_task(bogus='x')).result
    wrong = playbook(link_task(retries='many')).result
    crash = playbook(PARITY['unexpected exception']['task']).result

    assert unknown['msg'].startswith('Unsupported parameters for (ytracker.tracker.tracker_remote_link) module: bogus.')
    # ansible-core 2.19 names the type without "<class ...>".
    assert re.match(r"argument 'retries' is of type (<class 'str'>|str) and we were unable to convert to int", wrong['msg'])
    assert crash['msg'] == 'OSError: Could not find a suitable TLS CA certificate bundle, invalid path: /nonexistent/ca.pem'


def shown_result(output):
    """The result of the task as -vvv shows it (registered results never hold invocation)."""
    start = re.search(r'^(ok|changed|failed): \[localhost\] => ', output, re.M).end()
    return json.JSONDecoder().raw_decode(output, start)[0]


def test_invocation_is_the_same_both_ways(playbook, emulator):
    invocations = {}
    for execution in ('controller', 'module'):
        emulator.call('POST', '/_emulator/reset')
        # ansible-core 2.21 and later put invocation in results only where the configuration says so.
        run = playbook(link_task(), options=['-vvv'], execution=execution, env={'ANSIBLE_INJECT_INVOCATION': '1'})
        invocations[execution] = shown_result(run.output)['invocation']

    assert invocations['controller'] == invocations['module']
    module_args = invocations['module']['module_args']
    assert module_args['oauth_token'] == 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'
    assert module_args['retries'] == 5 and module_args['key'] == 'build-1'


@pytest.mark.parametrize('module, args', [(LINK, BUILD), (INFO, {'issue': 'TEST-1'})])
def test_async_with_polling(playbook, emulator, module, args):
    run = playbook({module: args, 'async': 30, 'poll': 1}, expect_payload=True)

    assert run.result.get('failed') is not True, run.output
    assert run.result['finished'] == 1
    assert ('link' in run.result) == (module == LINK)


@pytest.mark.parametrize('module, args', [(LINK, BUILD), (INFO, {'issue': 'TEST-1'})])
def test_async_without_polling_then_async_status(playbook, emulator, module, args):
    run = playbook(
        {module: args, 'async': 30, 'poll': 0},
        {'ansible.builtin.async_status': {'jid': '{{ outcome.ansible_job_id }}'},
         'until': 'outcome.finished', 'retries': 30, 'delay': 1},
        expect_payload=True)

    started, finished = run.results
    assert started['started'] == 1 and started['finished'] == 0, run.output
    assert finished.get('failed') is not True, run.output
    assert finished['finished'] == 1
    assert ('link' in finished) == (module == LINK)


@pytest.mark.parametrize('env, play', [
    ({'YTRACKER_TRACKER_IN_PROCESS': '0'}, None),
    ({}, {'vars': {'ytracker_tracker_in_process': False}}),
    # A templated value, and the variable winning over the environment variable.
    ({'YTRACKER_TRACKER_IN_PROCESS': '1'}, {'vars': {'off': 'no', 'ytracker_tracker_in_process': '{{ off }}'}}),
])
def test_the_switch_runs_the_module_as_a_process(playbook, emulator, env, play):
    run = playbook(link_task(), env=env, play=play, expect_payload=True)

    assert run.result['changed'] is True, run.output


@pytest.mark.parametrize('env, play', [
    ({'YTRACKER_TRACKER_IN_PROCESS': '1'}, None),
    ({'YTRACKER_TRACKER_IN_PROCESS': '0'}, {'vars': {'ytracker_tracker_in_process': True}}),
])
def test_the_switch_on_keeps_the_run_in_process(playbook, emulator, env, play):
    run = playbook(link_task(), env=env, play=play, expect_payload=False)

    assert run.result['changed'] is True, run.output


def test_notices_and_check_mode_read_as_a_module_writes_them(playbook, emulator, collections_path):
    """What the parity table compares for the probe module is itself right."""
    env = {'ANSIBLE_COLLECTIONS_PATH': os.pathsep.join([collections_path, PROBE_COLLECTIONS])}

    warned = playbook({PROBE: {'warn': 'a warning of the module'}}, env=env).result
    deprecated = playbook({PROBE: {'deprecate': 'an option going away'}}, env=env).result
    skipped = playbook({PROBE: {}}, env=env, options=['--check']).result

    assert warned['warnings'] == ['a warning of the module']
    assert [entry['msg'] for entry in deprecated['deprecations']] == ['an option going away']
    assert skipped['skipped'] is True
    assert skipped['msg'].endswith('does not support check mode')
