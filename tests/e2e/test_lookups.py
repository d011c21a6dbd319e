# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The lookups ytracker.tracker.issue and ytracker.tracker.issues in real playbooks, against the emulator.

Lookups run in Ansible's own process only: there is no module process to compare with.
"""

import json

from conftest import OAUTH_TOKEN


def debug(msg, **task):
    return dict({'ansible.builtin.debug': {'msg': msg}}, **task)


def test_when_with_the_issue_lookup_one_get_per_evaluation(playbook, emulator):
    run = playbook(
        debug('open', when="lookup('ytracker.tracker.issue', 'test-1').status.key == 'open'"),
        debug('closed', when="lookup('ytracker.tracker.issue', 'TEST-1').status.key == 'closed'"),
    )

    assert run.rc == 0, run.output
    assert run.results[0]['msg'] == 'open'
    assert run.results[1].get('skipped') is True
    assert emulator.requests() == ['GET /v3/issues/TEST-1', 'GET /v3/issues/TEST-1']


def test_a_loop_over_query_of_both_lookups_in_order(playbook, emulator):
    run = playbook(
        debug('{{ item.key }}: {{ item.summary }}', loop="{{ query('ytracker.tracker.issue', 'TEST-2', 'TEST-1') }}"),
        debug('{{ item }}', loop="{{ query('ytracker.tracker.issues', queue='TEST', fields=['key']) }}"),
        debug('{{ item.key }}', loop="{{ query('ytracker.tracker.issues', query='Queue: TEST', limit=2) }}"),
    )

    assert run.rc == 0, run.output
    assert [item['msg'] for item in run.results[0]['results']] == ['TEST-2: Issue TEST-2', 'TEST-1: Issue TEST-1']
    assert [item['msg'] for item in run.results[1]['results']] == [{'key': 'TEST-%d' % n} for n in (1, 2, 3)]
    assert [item['msg'] for item in run.results[2]['results']] == ['TEST-1', 'TEST-2']
    assert emulator.requests() == ['GET /v3/issues/TEST-2', 'GET /v3/issues/TEST-1', 'POST /v3/issues/_search',
                                   'POST /v3/issues/_search']


def test_a_missing_issue_fails_in_one_line_or_is_null(playbook, emulator):
    run = playbook(
        debug("{{ lookup('ytracker.tracker.issue', 'NOPE-1') }}"),
        debug("{{ query('ytracker.tracker.issue', 'NOPE-1', 'TEST-1', on_missing='warn') | map('type_debug') }}"),
        debug("{{ lookup('ytracker.tracker.issue', 'NOPE-1', errors='ignore') is none }}"),
    )

    message = ("GET /v3/issues/NOPE-1: HTTP 404 Not Found: Issue does not exist. (check that issue 'NOPE-1' exists and"
               " that the token can see it)")
    assert run.results[0]['failed'] is True and message in run.results[0]['msg']
    assert 'Traceback' not in run.output
    assert run.results[1]['msg'] == ['NoneType', 'dict']
    # ansible-core up to 2.18 wraps warnings at 80 columns.
    assert '[WARNING]: ytracker.tracker.issue: ' + message in ' '.join(run.output.split())
    assert run.results[2]['msg'] is True


def test_the_connection_from_the_lookup_keywords_and_variables(playbook, emulator):
    run = playbook(
        debug("{{ lookup('ytracker.tracker.issue', 'TEST-1', api_url=url, oauth_token=token, org_id='emulator-org')"
              ".key }}", vars={'url': emulator.url, 'token': OAUTH_TOKEN}),
        debug("{{ lookup('ytracker.tracker.issue', 'TEST-1').key }}",
              vars={'tracker_api_url': emulator.url, 'tracker_oauth_token': OAUTH_TOKEN,
                    'tracker_org_id': 'emulator-org'}),
        emulator_env=False)

    assert run.rc == 0, run.output
    assert run.results[0]['msg'] == 'TEST-1' and run.results[1]['msg'] == 'TEST-1'


def test_the_token_never_shows_at_any_verbosity(playbook, emulator):
    emulator.arm({'kind': 'error', 'status': 500, 'method': 'GET', 'count': 10},
                 {'kind': 'error', 'status': 500, 'method': 'POST', 'count': 10})

    run = playbook(
        debug("{{ lookup('ytracker.tracker.issue', 'TEST-1', retries=1) }}"),
        debug("{{ lookup('ytracker.tracker.issue', 'TEST-1', oauth_token=bad) }}", vars={'bad': 'y0 ' + OAUTH_TOKEN}),
        debug("{{ query('ytracker.tracker.issues', queue='TEST', retries=0) }}"),
        options=['-vvvv'])

    assert run.results[0]['failed'] is True and 'HTTP 500' in run.results[0]['msg']
    assert run.results[1]['msg'].count('oauth_token must hold only visible Latin-1 characters') >= 1
    assert run.results[2]['failed'] is True and 'POST /v3/issues/_search?perPage=50: HTTP 500' in run.results[2]['msg']
    assert OAUTH_TOKEN not in run.output and OAUTH_TOKEN not in json.dumps(run.results)
