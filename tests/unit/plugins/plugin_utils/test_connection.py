# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A plugin's TrackerClient: from its own options, as a module's is from its arguments."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import pytest

from ansible.errors import AnsibleLookupError
from ansible.plugins.loader import lookup_loader
from ansible.utils.unsafe_proxy import wrap_var

from ansible_collections.ytracker.tracker.plugins.module_utils import _options, _tracker
from ansible_collections.ytracker.tracker.plugins.plugin_utils import _connection
from ansible_collections.ytracker.tracker.plugins.plugin_utils._controller import ControllerModule, ModuleExit
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import API, CONNECTION, TOKEN

NAMES = tuple(_options.tracker_argument_spec())
PROBE = os.path.join(os.path.dirname(__file__), 'lookup_plugins')


class FakePlugin(object):
    """A plugin as tracker_client sees it: get_option() of every connection option, None when not set.

    Ansible hands over an empty environment variable as an empty string: so does this plugin for ''.
    """

    def __init__(self, **options):
        self.options = options

    def get_option(self, name):
        if name not in NAMES:
            raise KeyError(name)
        return self.options.get(name)


class Undocumented(FakePlugin):
    """A plugin whose documentation lacks the connection options."""

    def get_option(self, name):
        raise KeyError(name)


def module_client(args):
    """What a module does with the same arguments: its params, or its failure, as a TrackerClient or a message."""
    try:
        module = ControllerModule(_options.tracker_module_spec({}), args, name='probe', **_options.tracker_module_checks())
    except ModuleExit as exited:
        return exited.result['msg']
    try:
        return _tracker.TrackerClient(module.params)
    except _tracker.TrackerError as error:
        return str(error)


def plugin_client(options):
    try:
        return _connection.tracker_client(FakePlugin(**options))
    except _tracker.TrackerError as error:
        return str(error)


def test_a_client_from_the_plugin_options_with_the_module_defaults(monkeypatch):
    for name in ('REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE'):
        monkeypatch.delenv(name, raising=False)
    client = _connection.tracker_client(FakePlugin(**CONNECTION))

    assert client.base_url == API
    assert client.timeout == 30 and client.retries == 5
    assert client.verify is True
    assert client.session.headers['Authorization'] == 'OAuth ' + TOKEN
    assert client.session.headers['X-Org-ID'] == '7654321'


def test_the_params_are_those_a_module_gets():
    params = _connection.connection_params(FakePlugin(iam_token=' iam ', cloud_org_id='c1', timeout=5, api_version='v2'))

    module = ControllerModule(_options.tracker_module_spec({}), dict(iam_token=' iam ', cloud_org_id='c1', timeout=5,
                                                                     api_version='v2'),
                              **_options.tracker_module_checks())
    assert params == module.params
    assert sorted(params) == sorted(NAMES)


def test_an_empty_option_counts_as_unset_and_takes_the_default():
    client = _connection.tracker_client(FakePlugin(api_url='', oauth_token='', iam_token='iam', org_id='',
                                                   cloud_org_id='c1', ca_path=''))

    assert client.base_url == API
    assert client.session.headers['Authorization'] == 'Bearer iam'
    assert client.session.headers['X-Cloud-Org-ID'] == 'c1'
    assert 'X-Org-ID' not in client.session.headers
    assert client.ca_path is None


def test_an_empty_environment_variable_counts_as_unset_as_for_a_module(monkeypatch):
    # The plugin got '' for oauth_token from the empty TRACKER_OAUTH_TOKEN; the module finds it empty too.
    monkeypatch.setenv('TRACKER_OAUTH_TOKEN', '')
    monkeypatch.setenv('TRACKER_IAM_TOKEN', 'env-iam')
    monkeypatch.setenv('TRACKER_ORG_ID', '42')

    client = _connection.tracker_client(FakePlugin(oauth_token='', org_id='42'))

    assert client.session.headers['Authorization'] == 'Bearer env-iam'
    assert module_client({}).session.headers == client.session.headers


@pytest.mark.parametrize('options', [
    pytest.param({}, id='nothing'),
    pytest.param(dict(org_id='1'), id='no token'),
    pytest.param(dict(oauth_token=TOKEN), id='no organization'),
    pytest.param(dict(CONNECTION, iam_token='iam'), id='two tokens'),
    pytest.param(dict(CONNECTION, cloud_org_id='c1'), id='two organizations'),
    pytest.param(dict(CONNECTION, api_url='ftp://example.com'), id='not http'),
    pytest.param(dict(CONNECTION, api_url='https://api.tracker.yandex.net/v3'), id='version in url'),
    pytest.param(dict(CONNECTION, api_version='v4'), id='unknown version'),
    pytest.param(dict(CONNECTION, timeout=0), id='no timeout'),
    pytest.param(dict(CONNECTION, timeout='soon'), id='timeout not a number'),
    pytest.param(dict(CONNECTION, retries=-1), id='negative retries'),
    pytest.param(dict(CONNECTION, org_id=' '), id='blank organization'),
    pytest.param(dict(CONNECTION, oauth_token='y0 SECRET'), id='whitespace in the token'),
])
def test_unusable_options_fail_with_the_module_messages(options):
    message = plugin_client(options)

    assert isinstance(message, str)
    assert message == module_client(options)


def test_the_failure_never_shows_the_token():
    message = plugin_client(dict(CONNECTION, oauth_token='y0 SECRET-with-space'))

    assert 'SECRET' not in message
    assert 'oauth_token must hold only visible Latin-1 characters' in message


def test_the_secrets_are_masked_as_a_module_masks_them():
    options = dict(CONNECTION)
    options['oauth_token'] = ' %s\n' % TOKEN
    client = _connection.tracker_client(FakePlugin(**options))

    assert client.secrets == _options.module_secrets(dict(oauth_token=' %s\n' % TOKEN))
    assert _options.redact('token %s here' % TOKEN, client.secrets) == 'token ******** here'


def test_plugin_values_reach_the_client_as_plain_strings():
    plugin = FakePlugin(oauth_token=wrap_var(TOKEN), org_id=wrap_var('7654321'))

    params = _connection.connection_params(plugin)
    client = _connection.tracker_client(plugin)

    assert params['oauth_token'].__class__ is str and params['org_id'].__class__ is str
    assert client.session.headers['Authorization'] == 'OAuth ' + TOKEN


def test_a_plugin_without_the_options_is_told_which_fragments_to_extend():
    with pytest.raises(_tracker.TrackerError) as failed:
        _connection.tracker_client(Undocumented())

    assert str(failed.value) == ('the plugin has no option api_url: its documentation must extend'
                                 ' ytracker.tracker.connection and ytracker.tracker.connection.plugins')


@pytest.fixture
def probe():
    """A real lookup whose documentation extends the connection fragments, loaded as Ansible loads one."""
    lookup_loader.add_directory(PROBE)
    plugin = lookup_loader.get('tracker_probe')
    assert plugin is not None
    return plugin


def test_a_lookup_finds_the_options_in_its_arguments(probe, api):
    api.get(API + '/myself', json={'login': 'robot'})

    assert probe.run([], variables={}, **CONNECTION) == [{'login': 'robot'}]
    assert api.calls[0].request.headers['Authorization'] == 'OAuth ' + TOKEN
    assert api.calls[0].request.headers['X-Org-ID'] == '7654321'


def test_a_lookup_finds_the_options_in_variables_and_the_environment(probe, api, monkeypatch):
    monkeypatch.setenv('TRACKER_OAUTH_TOKEN', '')
    monkeypatch.setenv('TRACKER_IAM_TOKEN', 'env-iam')
    monkeypatch.setenv('TRACKER_API_URL', '')
    api.get('https://tracker.example/v2/myself', json={'login': 'robot'})

    variables = dict(tracker_cloud_org_id='c1', tracker_api_url='https://tracker.example', tracker_api_version='v2',
                     tracker_timeout='5', tracker_validate_certs='no')

    assert probe.run([], variables=variables) == [{'login': 'robot'}]
    assert api.calls[0].request.headers['Authorization'] == 'Bearer env-iam'
    assert api.calls[0].request.headers['X-Cloud-Org-ID'] == 'c1'
    assert probe.get_option('timeout') == 5.0 and probe.get_option('validate_certs') is False


def test_an_empty_environment_variable_of_a_lookup_takes_the_default(probe, api, monkeypatch):
    monkeypatch.setenv('TRACKER_API_URL', '')
    monkeypatch.setenv('TRACKER_ORG_ID', '')
    api.get(API + '/myself', json={'login': 'robot'})

    assert probe.run([], variables={}, oauth_token=TOKEN, cloud_org_id='c1') == [{'login': 'robot'}]
    assert 'X-Org-ID' not in api.calls[0].request.headers


def test_a_lookup_fails_with_the_module_message(probe, no_api):
    with pytest.raises(AnsibleLookupError) as failed:
        probe.run([], variables={}, org_id='1')

    assert str(failed.value) == module_client(dict(org_id='1'))
    assert 'one of oauth_token and iam_token is required' in str(failed.value)
