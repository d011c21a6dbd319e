# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The "Yandex Tracker" credential type of extensions/awx/credential_type, as AWX takes it.

AWX checks a custom credential type when it is saved (its input and injector fields) and renders
the injectors for every job that uses a credential of that type. Both are done here the way AWX
does them:

* saving: the inputs' fields have an ``id`` (a shell-like name, unique, not ``tower``) and a
  ``label``, and no keys but those AWX knows; ``choices``, ``multiline``, ``format`` and ``secret``
  only on strings; ``required`` names fields. The injectors have only ``env``, ``extra_vars`` and
  ``file``; no variable of ``env`` starts with ``ANSIBLE_`` or is one AWX reserves; and every
  template renders in a sandboxed Jinja environment with ``StrictUndefined`` over every field set
  to ``EXAMPLE``, so a template that names no field of the inputs is refused.
* a job: the credential's inputs that are set (empty strings are left out, booleans default to
  false) are the namespace, and every template renders in a sandboxed Jinja environment with the
  default ``Undefined``: a field left empty renders as an empty string, and its variable is still
  set.

The rendered environment, and nothing else of TRACKER_*, then runs a playbook against the emulator,
with each kind of token. examples/awx_credential_type.yml, run against a stand-in of
awx.awx.credential_type, hands it the inputs and injectors as the files hold them.
"""

import json
import os
import re
import subprocess
import sys

import pytest
import yaml
from jinja2 import StrictUndefined, meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
DEFINITION = os.path.join(ROOT, 'extensions', 'awx', 'credential_type')
CONNECTION_OPTIONS = os.path.join(ROOT, 'plugins', 'module_utils', '_options.py')

# What AWX knows of a field of a credential type's inputs.
FIELD_KEYS = {'id', 'label', 'type', 'help_text', 'secret', 'multiline', 'format', 'choices', 'default',
              'ask_at_runtime'}
STRING_ONLY_KEYS = ('choices', 'multiline', 'format', 'secret')
NAME = re.compile(r'^[a-zA-Z_]+[a-zA-Z0-9_]*$')
# Variables that AWX sets for a job itself, and refuses in an injector.
AWX_RESERVED_ENV = {
    'VIRTUAL_ENV', 'PATH', 'PYTHONPATH', 'JOB_ID', 'INVENTORY_ID', 'INVENTORY_SOURCE_ID', 'INVENTORY_UPDATE_ID',
    'AD_HOC_COMMAND_ID', 'REST_API_URL', 'REST_API_TOKEN', 'MAX_EVENT_RES', 'CALLBACK_QUEUE', 'CALLBACK_CONNECTION',
    'CACHE', 'JOB_CALLBACK_DEBUG', 'INVENTORY_HOSTVARS', 'AWX_HOST', 'PROJECT_REVISION', 'SUPERVISOR_CONFIG_PATH',
}

# The emulator's own credentials (tools/tracker_emulator.py).
CREDENTIALS = {
    'oauth-token-and-org-id': ({'oauth_token': 'emulator-oauth-token', 'org_id': 'emulator-org'},
                               'OAuth', 'X-Org-ID'),
    'iam-token-and-cloud-org-id': ({'iam_token': 'emulator-iam-token', 'cloud_org_id': 'emulator-cloud-org'},
                                   'Bearer', 'X-Cloud-Org-ID'),
    'oauth-token-and-cloud-org-id': ({'oauth_token': 'emulator-oauth-token', 'cloud_org_id': 'emulator-cloud-org'},
                                     'OAuth', 'X-Cloud-Org-ID'),
}


def load(name):
    with open(os.path.join(DEFINITION, name)) as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope='module')
def inputs():
    return load('inputs.yml')


@pytest.fixture(scope='module')
def injectors():
    return load('injectors.yml')


def connection_options():
    """The modules' connection options: {option: (environment variable, no_log)}, from their argument spec."""
    with open(CONNECTION_OPTIONS) as handle:
        source = handle.read()
    start = source.index('def tracker_argument_spec():')
    spec = source[start:source.index('\n\n\n', start)]
    options = {}
    for option, arguments in re.findall(r'^\s+(\w+)=dict\((.*)\),?$', spec, re.M):
        variable = re.search(r"fallback=\(env_fallback, \['(\w+)'\]\)", arguments)
        if variable:
            options[option] = (variable.group(1), 'no_log=True' in arguments)
    return options


def awx_save_problems(inputs, injectors):
    """Why AWX would refuse to save a credential type with these inputs and injectors."""
    problems = []
    if set(inputs) - {'fields', 'required'}:
        problems.append('inputs: unknown keys %s' % sorted(set(inputs) - {'fields', 'required'}))
    ids = []
    for field in inputs.get('fields', []):
        if not isinstance(field.get('id'), str) or not NAME.match(field['id']) or field['id'] == 'tower':
            problems.append('field id %r' % field.get('id'))
        if not isinstance(field.get('label'), str):
            problems.append('field %r: no label' % field.get('id'))
        if set(field) - FIELD_KEYS:
            problems.append('field %r: unknown keys %s' % (field.get('id'), sorted(set(field) - FIELD_KEYS)))
        if field.get('type', 'string') not in ('string', 'boolean'):
            problems.append('field %r: type %r' % (field['id'], field['type']))
        for key in STRING_ONLY_KEYS:
            if key in field and field.get('type', 'string') != 'string':
                problems.append('field %r: %s on a %s' % (field['id'], key, field['type']))
        for key in ('secret', 'multiline', 'ask_at_runtime'):
            if key in field and not isinstance(field[key], bool):
                problems.append('field %r: %s is not a boolean' % (field['id'], key))
        if not isinstance(field.get('help_text', ''), str):
            problems.append('field %r: help_text is not a string' % field['id'])
        ids.append(field.get('id'))
    if len(set(ids)) != len(ids):
        problems.append('field ids are not unique: %s' % ids)
    for required in inputs.get('required', []):
        if required not in ids:
            problems.append('required names no field: %r' % required)

    if set(injectors) - {'env', 'extra_vars', 'file'}:
        problems.append('injectors: unknown keys %s' % sorted(set(injectors) - {'env', 'extra_vars', 'file'}))
    for variable in injectors.get('env', {}):
        if not NAME.match(variable) or variable.startswith('ANSIBLE_') or variable in AWX_RESERVED_ENV:
            problems.append('env: %s is refused' % variable)
    namespace = dict((field_id, 'EXAMPLE') for field_id in ids)
    strict = ImmutableSandboxedEnvironment(undefined=StrictUndefined)
    for kind in ('env', 'extra_vars', 'file'):
        for key, template in injectors.get(kind, {}).items():
            if not isinstance(template, str):
                problems.append('%s.%s: not a string' % (kind, key))
                continue
            try:
                strict.from_string(template).render(namespace)
            except Exception as error:  # what AWX reports: an undefined field, a syntax error, unsafe code
                problems.append('%s.%s: %s' % (kind, key, error))
    return problems


def awx_job_environment(inputs, injectors, credential):
    """The environment variables AWX gives a job that uses a credential with these inputs."""
    namespace = {}
    for field in inputs['fields']:
        value = credential.get(field['id'])
        if field.get('type', 'string') == 'boolean':
            namespace[field['id']] = bool(value)
        elif value:
            namespace[field['id']] = value
    sandbox = ImmutableSandboxedEnvironment()
    return dict((variable, sandbox.from_string(template).render(**namespace))
                for variable, template in injectors.get('env', {}).items())


def test_awx_would_save_it(inputs, injectors):
    assert awx_save_problems(inputs, injectors) == []


def test_the_rules_are_those_awx_applies():
    """The checks above refuse what AWX refuses."""
    fields = {'fields': [{'id': 'token', 'label': 'Token', 'secret': True}]}
    assert awx_save_problems(fields, {'env': {'TOKEN': '{{ token }}'}}) == []
    assert awx_save_problems(fields, {'env': {'TOKEN': '{{ tokn }}'}})
    assert awx_save_problems(fields, {'env': {'ANSIBLE_CONFIG': '{{ token }}'}})
    assert awx_save_problems(fields, {'env': {'PATH': '{{ token }}'}})
    assert awx_save_problems(fields, {'env': {'TOKEN': '{{ token.__class__ }}'}})
    assert awx_save_problems(fields, {'env': {'TOKEN': '{{ token '}})
    assert awx_save_problems(fields, {'environment': {}})
    assert awx_save_problems({'fields': [{'id': 'on', 'label': 'On', 'type': 'boolean', 'secret': True}]}, {})
    assert awx_save_problems({'fields': [{'id': 'a b', 'label': 'A'}]}, {})
    assert awx_save_problems({'fields': [{'id': 'a', 'label': 'A', 'placeholder': 'x'}]}, {})
    assert awx_save_problems({'fields': [{'id': 'a', 'label': 'A'}], 'required': ['b']}, {})


def test_it_injects_exactly_the_variables_the_modules_read(inputs, injectors):
    options = connection_options()
    assert set(options) == {'api_url', 'oauth_token', 'iam_token', 'org_id', 'cloud_org_id'}
    assert list(injectors) == ['env']
    assert sorted(injectors['env']) == sorted(variable for variable, dummy in options.values())


def test_each_variable_is_the_field_of_its_option(inputs, injectors):
    """TRACKER_OAUTH_TOKEN is the field oauth_token as it is, and so on; each field feeds one variable."""
    ids = [field['id'] for field in inputs['fields']]
    sandbox = ImmutableSandboxedEnvironment()
    for option, (variable, dummy) in connection_options().items():
        template = injectors['env'][variable]
        assert meta.find_undeclared_variables(sandbox.parse(template)) == {option}, variable
        assert option in ids
        assert sandbox.from_string(template).render({option: 'value'}) == 'value'
    assert sorted(ids) == sorted(connection_options())


def test_secrets_are_secret(inputs):
    """A field that feeds a no_log option is secret, so AWX encrypts it and masks it in job output."""
    secret_options = set(option for option, (dummy, no_log) in connection_options().items() if no_log)
    assert secret_options == {'oauth_token', 'iam_token'}
    for field in inputs['fields']:
        assert field.get('secret', False) is (field['id'] in secret_options), field['id']


def test_a_field_left_empty_still_sets_its_variable_to_an_empty_string(inputs, injectors):
    environment = awx_job_environment(inputs, injectors, {'oauth_token': 'y0_token', 'org_id': '1234567',
                                                          'iam_token': ''})
    assert environment == {'TRACKER_API_URL': '', 'TRACKER_OAUTH_TOKEN': 'y0_token', 'TRACKER_IAM_TOKEN': '',
                           'TRACKER_ORG_ID': '1234567', 'TRACKER_CLOUD_ORG_ID': ''}


@pytest.mark.parametrize('kind', sorted(CREDENTIALS))
def test_a_job_with_the_credential_authenticates(playbook, emulator, execution, inputs, injectors, kind):
    credential, scheme, header = CREDENTIALS[kind]
    environment = awx_job_environment(inputs, injectors, dict(credential, api_url=emulator.url))
    # The variables of the fields left empty are there, empty, as AWX sets them.
    assert sorted(variable for variable, value in environment.items() if value == '') == sorted(
        connection_options()[option][0] for option in ('oauth_token', 'iam_token', 'org_id', 'cloud_org_id')
        if option not in credential)

    run = playbook({'ytracker.tracker.tracker_remote_link_info': {'issue': 'TEST-1'}},
                   env=environment, emulator_env=False, execution=execution)

    assert run.rc == 0, run.output
    assert run.result['failed'] is False, run.result
    assert [(entry['auth_scheme'], entry['org_header'], entry['status']) for entry in emulator.request_log()] == [
        (scheme, header, 200)]
    for secret in ('emulator-oauth-token', 'emulator-iam-token'):
        assert secret not in run.output


# A stand-in for awx.awx.credential_type: its options as awx.awx documents them; it records what it
# was given instead of calling a controller.
CREDENTIAL_TYPE_STAND_IN = '''#!/usr/bin/python
import json
import os

from ansible.module_utils.basic import AnsibleModule


def main():
    module = AnsibleModule(argument_spec=dict(
        name=dict(required=True),
        new_name=dict(),
        description=dict(),
        kind=dict(choices=['ssh', 'vault', 'net', 'scm', 'cloud', 'insights']),
        inputs=dict(type='dict'),
        injectors=dict(type='dict'),
        state=dict(choices=['present', 'absent', 'exists'], default='present'),
    ))
    with open(os.environ['CREDENTIAL_TYPE_RECORD'], 'w') as handle:
        json.dump(module.params, handle)
    module.exit_json(changed=True)


main()
'''


def test_the_example_playbook_registers_the_definition_as_it_is(tmp_path, inputs, injectors):
    modules = tmp_path / 'collections' / 'ansible_collections' / 'awx' / 'awx' / 'plugins' / 'modules'
    modules.mkdir(parents=True)
    (modules / 'credential_type.py').write_text(CREDENTIAL_TYPE_STAND_IN)
    record = tmp_path / 'record.json'
    environment = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(tmp_path / 'collections'), ANSIBLE_NOCOLOR='1',
                       ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_LOCALHOST_WARNING='0',
                       ANSIBLE_INVENTORY_UNPARSED_WARNING='0', CREDENTIAL_TYPE_RECORD=str(record))

    process = subprocess.run([os.path.join(os.path.dirname(sys.executable), 'ansible-playbook'), '-i', 'localhost,',
                              os.path.join(ROOT, 'examples', 'awx_credential_type.yml')],
                             env=environment, capture_output=True, text=True, timeout=120, check=False)

    assert process.returncode == 0, process.stdout + process.stderr
    given = json.loads(record.read_text())
    assert given['name'] == 'Yandex Tracker' and given['kind'] == 'cloud' and given['state'] == 'present'
    assert given['inputs'] == inputs
    assert given['injectors'] == injectors
