# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The lookup ytracker.tracker.issue: one GET per key, in order; a missing issue as on_missing says."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest.mock import patch

import pytest

from ansible.errors import AnsibleLookupError
from ansible.plugins.loader import lookup_loader

from ansible_collections.ytracker.tracker.plugins.plugin_utils import _lookup
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import API, CONNECTION, TOKEN

MISSING = {'errors': {}, 'errorMessages': ['Issue does not exist.'], 'statusCode': 404}


@pytest.fixture
def lookup():
    plugin = lookup_loader.get('ytracker.tracker.issue')
    assert plugin is not None
    return plugin


@pytest.fixture
def warnings():
    with patch.object(_lookup.display, 'warning') as warning:
        yield warning


def issue(key):
    return {'key': key, 'id': key.lower(), 'summary': 'Issue %s' % key}


def test_each_key_one_get_in_order(lookup, api):
    api.get(API + '/issues/REL-42', json=issue('REL-42'))
    api.get(API + '/issues/OPS-3', json=[issue('OPS-3')])  # a list of one, as some examples print it

    found = lookup.run(['rel-42', ' OPS-3 '], variables={}, **CONNECTION)

    assert [item['key'] for item in found] == ['REL-42', 'OPS-3']
    assert len(api.calls) == 2
    assert api.calls[0].request.headers['Authorization'] == 'OAuth ' + TOKEN


def test_a_missing_issue_fails_in_one_line(lookup, api):
    api.get(API + '/issues/NOPE-1', status=404, json=MISSING)

    with pytest.raises(AnsibleLookupError) as failed:
        lookup.run(['NOPE-1'], variables={}, **CONNECTION)

    assert str(failed.value) == ("GET /v3/issues/NOPE-1: HTTP 404 Not Found: Issue does not exist. (check that issue"
                                 " 'NOPE-1' exists and that the token can see it)")


@pytest.mark.parametrize('on_missing, warned', [('warn', 1), ('ignore', 0)])
def test_on_missing_gives_none_in_its_place(lookup, api, warnings, on_missing, warned):
    api.get(API + '/issues/NOPE-1', status=404, json=MISSING)
    api.get(API + '/issues/REL-42', json=issue('REL-42'))

    found = lookup.run(['NOPE-1', 'REL-42'], variables={}, on_missing=on_missing, **CONNECTION)

    assert found[0] is None and found[1]['key'] == 'REL-42'
    assert warnings.call_count == warned
    if warned:
        assert warnings.call_args[0][0].startswith('ytracker.tracker.issue: GET /v3/issues/NOPE-1: HTTP 404')


def test_on_missing_lets_no_other_failure_pass(lookup, api):
    api.get(API + '/issues/REL-42', status=401, json={'errorMessages': ['Not authorized.'], 'statusCode': 401})

    with pytest.raises(AnsibleLookupError) as failed:
        lookup.run(['REL-42'], variables={}, on_missing='ignore', **CONNECTION)

    assert 'HTTP 401 Unauthorized' in str(failed.value)


@pytest.mark.parametrize('terms, message', [
    ([], 'name at least one issue, like QUEUE-123'),
    (['REL-1', ' '], 'each term must not be empty: give an issue key like QUEUE-123 or an issue id'),
    (['../x'], "each term must be an issue key like QUEUE-123 or an issue id, got '../x'"),
])
def test_bad_keys_fail_before_any_request(lookup, no_api, terms, message):
    with pytest.raises(AnsibleLookupError) as failed:
        lookup.run(terms, variables={}, **CONNECTION)

    assert str(failed.value) == message


def test_the_connection_from_variables_and_the_token_never_shown(lookup, api):
    api.get('https://tracker.example/v3/issues/REL-42', status=500, json={'errorMessages': ['Down ' + TOKEN]})
    variables = dict(tracker_api_url='https://tracker.example', tracker_oauth_token=TOKEN, tracker_org_id='1',
                     tracker_retries=0)

    with pytest.raises(AnsibleLookupError) as failed:
        lookup.run(['REL-42'], variables=variables)

    assert 'HTTP 500' in str(failed.value) and TOKEN not in str(failed.value)
    assert api.calls[0].request.headers['X-Org-ID'] == '1'


def test_a_token_that_cannot_be_a_header_is_never_shown(lookup, no_api):
    with pytest.raises(AnsibleLookupError) as failed:
        lookup.run(['REL-42'], variables={}, oauth_token='y0 ' + TOKEN, org_id='1')

    assert str(failed.value).startswith('oauth_token must hold only visible Latin-1 characters')
    assert TOKEN not in str(failed.value)


def test_retries_are_said_in_one_warning(lookup, api, warnings):
    api.get(API + '/issues/REL-42', status=429, headers={'Retry-After': '1'}, json={})
    api.get(API + '/issues/REL-42', json=issue('REL-42'))

    found = lookup.run(['REL-42'], variables={}, **CONNECTION)

    assert found[0]['key'] == 'REL-42'
    assert warnings.call_args_list[-1][0][0] == ('ytracker.tracker.issue: Tracker requests were retried 1 times'
                                                 ' (HTTP 429 x1), waiting 1.0 s in all')
