# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every module's run_module(module) keeps to the contract written on ControllerModule.

It may use of ``module`` only params, check_mode, _diff, exit_json, fail_json, warn and deprecate:
on the controller, ControllerModule stands in for AnsibleModule and has nothing else. Each module
of plugins/modules, found by importing the package, so a new module is covered without a word
here, runs with a stand-in that refuses anything else, against an API that answers everything
with an empty list, an empty object or errors, in and out of check mode, in diff mode.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import json
import pkgutil
import re

import pytest
import responses

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.ytracker.tracker.plugins.module_utils import _options, _runner
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import CONNECTION

PACKAGE = 'ansible_collections.ytracker.tracker.plugins.modules'

# What ControllerModule's docstring allows run_module(module) to use.
CONTRACT = ('params', 'check_mode', '_diff', 'exit_json', 'fail_json', 'warn', 'deprecate')

# A value of each type for the options a module's spec marks required.
SAMPLES = {'str': 'TEST-1', 'int': 1, 'float': 1.0, 'bool': False, 'list': ['TEST-2'], 'dict': {}, 'raw': 'TEST-1',
           'path': '/tmp'}

# For each module, the arguments of its tasks beyond the required options (those come from the spec):
# at least one set, enough to pass its argument checks and reach its requests. A new module needs
# an entry: the test names the module that has none.
ARGUMENTS = {
    'tracker_attachment': [dict(src=__file__), dict(name='build.log', state='absent'),
                           dict(src=__file__, name='report.py', replace=False)],
    'tracker_attachment_info': [dict(), dict(name='build.log', dest='/tmp', checksum='sha1:' + '0' * 40, mode='0600')],
    'tracker_bulk_change': [dict(queue='TEST', status='closed', resolution='fixed'),
                            dict(keys=['TEST-1', 'TEST-2'], tags=['release'], priority='critical', wait=False)],
    'tracker_checklist': [dict(items=[dict(text='DB migrated', checked=True, assignee='alice', deadline='2026-12-05')]),
                          dict(items=[dict(text='Announced')], purge=True), dict(state='absent')],
    'tracker_comment': [dict(text='Build 42 passed.'), dict(marker='build-42', state='absent')],
    'tracker_component': [dict(queue='REL', name='backend', description='d', lead='alice', assign_auto=True),
                          dict(queue='REL', name='frontend', lead='')],
    'tracker_component_info': [dict(queue='REL'), dict(queue='REL', name='backend')],
    'tracker_issue': [dict(key='TEST-1', summary='A summary', status='closed'),
                      dict(unique='release-42', queue='TEST', summary='A summary')],
    'tracker_issue_info': [dict(key='TEST-1'), dict(queue='TEST', limit=3)],
    'tracker_issue_link': [dict(linked_issue='TEST-2', relationship='depends on'),
                           dict(links=[dict(linked_issue='TEST-2')], state='absent')],
    'tracker_issue_link_info': [dict(), dict(linked_issue='TEST-2', relationship='depends on')],
    'tracker_queue': [dict(key='OPS', name='Operations', lead='alice', default_type='task', default_priority='normal',
                           issue_types=[dict(type='task', workflow='oicn', resolutions=['fixed'])]),
                      dict(key='OPS', lead='bob', restore=True), dict(key='OPS', state='absent', force=True)],
    'tracker_queue_field': [dict(queue='OPS', key='severity', name=dict(en='Severity', ru='Severity'),
                                 category='000000000000000000000002', type='select', options=['S1', 'S2']),
                            dict(queue='OPS', key='customer', description='d', readonly=True, order=3)],
    'tracker_queue_info': [dict(queue='OPS'), dict(queue='OPS', expand=['team', 'versions']),
                           dict(queue='OPS', expand=['all'])],
    'tracker_remote_link': [dict(origin='ci.example', key='build-1'),
                            dict(links=[dict(origin='ci.example', key='build-1')], purge=True)],
    'tracker_remote_link_info': [dict(), dict(origin='ci.example', key='build-1')],
    'tracker_worklog': [dict(start='2026-12-03T22:00:00+03:00', duration='1h30m', comment='window'),
                        dict(start='2026-12-03', state='absent')],
    'tracker_version': [dict(queue='REL', name='2.0', description='d'),
                        dict(queue='REL', name='1.1', released=True, archived=True)],
    'tracker_version_info': [dict(queue='REL'), dict(queue='REL', name='1.1', released=True, archived=False)],
}

# How the API answers every request: GETs with an empty list, or with an empty object (writes
# with an empty object either way); or refuses each one, rate-limited, until the client gives up.
ANSWERS = ('list', 'object', 'rate-limited')


def module_names():
    """The modules of plugins/modules, found through the package as Python finds them."""
    package = importlib.import_module(PACKAGE)
    return sorted(name for dummy, name, is_package in pkgutil.iter_modules(package.__path__) if not is_package)


class Ended(BaseException):
    """How the stand-in's exit_json and fail_json end run_module(), as ControllerModule's do: no Exception."""

    def __init__(self, how, result):
        super(Ended, self).__init__(how)
        self.how = how
        self.result = result


class Record(object):
    """What a run did with the stand-in: the attributes refused, the warnings and deprecations."""

    def __init__(self):
        self.refused = []
        self.warnings = []
        self.deprecations = []


class ContractModule(object):
    """A module with exactly the seven attributes of the contract.

    Anything else read or set is refused with an AssertionError naming it, and recorded, so a
    module that catches the error still fails the test. The record is out of the module's reach:
    the test reads it with record().
    """

    def __init__(self, params, check_mode, diff):
        for name, value in (('params', params), ('check_mode', check_mode), ('_diff', diff), ('_record', Record())):
            object.__setattr__(self, name, value)

    def __getattribute__(self, name):
        if name in CONTRACT or (name.startswith('__') and name.endswith('__')):
            return object.__getattribute__(self, name)
        return self.__getattr__(name)

    def __getattr__(self, name):
        record(self).refused.append(name)
        raise AssertionError('run_module used module.%s, which the contract of ControllerModule does not offer'
                             % name)

    def __setattr__(self, name, value):
        record(self).refused.append(name)
        raise AssertionError('run_module set module.%s; the contract of ControllerModule offers only %s'
                             % (name, ', '.join(CONTRACT)))

    # The same signatures as ControllerModule's.

    def warn(self, warning):
        assert isinstance(warning, str), warning
        record(self).warnings.append(warning)

    def deprecate(self, msg, version=None, date=None, collection_name=None):
        record(self).deprecations.append(dict(msg=msg, version=version, date=date, collection_name=collection_name))

    def exit_json(self, **result):
        raise Ended('exit_json', result)

    def fail_json(self, msg, **result):
        raise Ended('fail_json', dict(result, msg=msg, failed=True))


def record(stand_in):
    """The Record of a stand-in, read past its refusals."""
    return object.__getattribute__(stand_in, '_record')


def test_the_stand_in_offers_exactly_the_contract():
    module = ContractModule({}, False, False)

    assert [name for name in CONTRACT if hasattr(module, name)] == list(CONTRACT)
    for use in (lambda: module.boolean, lambda: module.params_foo, lambda: module.fail_on_missing_params,
                lambda: module.no_log_values, lambda: module._record, lambda: getattr(module, 'run_command', None)):
        with pytest.raises(AssertionError):
            use()
    with pytest.raises(AssertionError):
        module.params = {}
    assert record(module).refused == ['boolean', 'params_foo', 'fail_on_missing_params', 'no_log_values', '_record',
                                      'run_command', 'params']


def test_a_module_that_uses_more_is_caught_even_when_it_catches_the_refusal():
    def run_module(module):
        try:
            module.boolean('yes')
        except Exception:
            pass
        module.exit_json(changed=False)

    stand_in = ContractModule({}, False, False)
    with pytest.raises(Ended):
        _runner.run_task(stand_in, run_module)

    assert record(stand_in).refused == ['boolean']


def test_every_module_has_arguments_here():
    names = module_names()

    assert 'tracker_issue_link' in names and 'tracker_remote_link_info' in names
    missing = [name for name in names if not ARGUMENTS.get(name)]
    assert not missing, 'add the arguments of a task of %s to ARGUMENTS' % ', '.join(missing)
    assert sorted(ARGUMENTS) == names, 'ARGUMENTS names modules that are gone: %s' % (set(ARGUMENTS) - set(names))


def params_of(module, arguments):
    """The module's params as AnsibleModule validates them: the required options with a sample each,
    ``arguments``, the connection, defaults; pytest.fail when they do not pass the module's checks."""
    spec = _options.tracker_module_spec(module.ARGUMENT_SPEC)
    args = dict((name, SAMPLES[option.get('type', 'str')]) for name, option in spec.items() if option.get('required'))
    args.update(CONNECTION, retries=1)
    args.update(arguments)
    checks = _options.tracker_module_checks(**module.MODULE_OPTIONS)
    checks.pop('supports_check_mode', None)
    validation = ArgumentSpecValidator(spec, **checks).validate(args)
    if validation.error_messages:
        pytest.fail('the arguments of %s in ARGUMENTS are not valid: %s'
                    % (module.__name__, '; '.join(validation.error_messages)))
    return validation.validated_parameters


def answering(mock, answer):
    """Answer every request ``mock`` gets as ``answer`` says."""
    def reply(request):
        if answer == 'rate-limited':
            return 429, {'Retry-After': '1'}, json.dumps({'errorMessages': ['Too many requests.']})
        if request.method == 'DELETE':
            return 204, {}, ''
        if request.method == 'GET' and answer == 'list':
            return 200, {}, '[]'
        return 200 if request.method != 'POST' else 201, {}, '{}'

    for method in (responses.GET, responses.POST, responses.PATCH, responses.PUT, responses.DELETE):
        mock.add_callback(method, re.compile(r'.*'), callback=reply, content_type='application/json')


def run(name, arguments, check_mode, answer):
    """Run the module's run_module as both execution paths do, through _runner.run_task, with the stand-in."""
    module = importlib.import_module('%s.%s' % (PACKAGE, name))
    if check_mode and not module.MODULE_OPTIONS.get('supports_check_mode'):
        pytest.skip('%s does not support check mode' % name)
    stand_in = ContractModule(params_of(module, arguments), check_mode=check_mode, diff=True)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        answering(mock, answer)
        with pytest.raises(Ended) as ended:
            _runner.run_task(stand_in, module.run_module)
        sent = len(mock.calls)
    return stand_in, ended.value, sent


@pytest.mark.parametrize('answer', ANSWERS)
@pytest.mark.parametrize('check_mode', [False, True], ids=['run', 'check'])
@pytest.mark.parametrize('name', module_names())
def test_run_module_uses_nothing_but_the_contract(name, check_mode, answer):
    for arguments in ARGUMENTS.get(name) or pytest.fail('add the arguments of a task of %s to ARGUMENTS' % name):
        stand_in, ended, sent = run(name, arguments, check_mode, answer)

        # Anything else used fails here, even when the module caught the AssertionError.
        assert record(stand_in).refused == [], ended.result.get('msg')
        assert ended.how in ('exit_json', 'fail_json')
        # The arguments passed the module's own checks: the run reached the API.
        assert sent >= 1, ended.result
        # What ends the task goes back to Ansible as JSON.
        json.dumps(ended.result)
        if answer == 'rate-limited':
            # Tracker refused every request: the task fails, and says it waited.
            assert ended.how == 'fail_json' and sent >= 1, ended.result
            assert record(stand_in).warnings[0].startswith('Tracker requests were retried'), record(stand_in).warnings
