# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""One rule in every module: an issue a task names must exist, and is named by a key or an id."""

import pytest

# Every module, naming an issue that does not exist where it names one.
NAMING_A_MISSING_ISSUE = [
    ('tracker_remote_link', {'issue': 'nope-1', 'origin': 'ru.yandex.teamcity', 'key': 'build-1'}),
    ('tracker_remote_link_info', {'issue': 'nope-1'}),
    ('tracker_issue_link', {'issue': 'nope-1', 'linked_issue': 'TEST-2'}),
    ('tracker_issue_link_info', {'issue': 'nope-1'}),
    ('tracker_comment', {'issue': 'nope-1', 'text': 'Deployed'}),
    ('tracker_issue', {'key': 'nope-1', 'summary': 'Release'}),
    ('tracker_issue_info', {'key': 'nope-1'}),
]


def tasks(arguments):
    return [{'ytracker.tracker.' + name: args} for name, args in arguments]


def test_a_missing_issue_fails_every_module_alike_on_both_paths(playbook, emulator, execution):
    run = playbook(*tasks(NAMING_A_MISSING_ISSUE), execution=execution)

    for (name, dummy), result in zip(NAMING_A_MISSING_ISSUE, run.results):
        assert result['failed'] is True and result['changed'] is False, (name, result)
        assert result['status'] == 404, (name, result)
        assert result['msg'].startswith('GET /v3/issues/NOPE-1'), (name, result['msg'])
        assert result['msg'].endswith("(check that issue 'NOPE-1' exists and that the token can see it)"), name
    assert emulator.requests() == ['GET /v3/issues/NOPE-1/remotelinks', 'GET /v3/issues/NOPE-1/remotelinks',
                                   'GET /v3/issues/NOPE-1/links', 'GET /v3/issues/NOPE-1/links',
                                   'GET /v3/issues/NOPE-1/comments', 'GET /v3/issues/NOPE-1',
                                   'GET /v3/issues/NOPE-1']


def test_a_search_answers_the_issues_it_finds(playbook, emulator, execution):
    run = playbook({'ytracker.tracker.tracker_issue_info': {'keys': ['NOPE-1', 'TEST-1']}}, execution=execution)

    assert run.result['failed'] is False
    assert [issue['key'] for issue in run.result['issues']] == ['TEST-1']


@pytest.mark.parametrize('issue', ['OPS 1', '../TEST-1', 'TEST-1?x=1'])
def test_a_value_that_is_no_key_or_id_is_refused_by_every_module_before_any_request(
        playbook, emulator, issue, execution):
    arguments = [(name, dict(args, **{'key' if name in ('tracker_issue', 'tracker_issue_info') else 'issue': issue}))
                 for name, args in NAMING_A_MISSING_ISSUE]
    run = playbook(*tasks(arguments), execution=execution)

    for (name, dummy), result in zip(arguments, run.results):
        option = 'key' if name in ('tracker_issue', 'tracker_issue_info') else 'issue'
        assert result['failed'] is True, (name, result)
        assert result['msg'] == '%s must be an issue key like QUEUE-123 or an issue id, got %r' % (option, issue), name
    assert emulator.requests() == []


@pytest.mark.parametrize('name, args', [
    ('tracker_remote_link', {'issue': 'TEST-1', 'links': [{'origin': 'ru.yandex.teamcity', 'key': 'build-1',
                                                           'relationship': ''}]}),
    ('tracker_issue_link', {'issue': 'TEST-1', 'links': [{'linked_issue': 'TEST-2', 'relationship': ''}]}),
    ('tracker_remote_link', {'issue': 'TEST-1', 'origin': 'ru.yandex.teamcity', 'key': 'build-1',
                             'relationship': ' '}),
    ('tracker_issue_link', {'issue': 'TEST-1', 'linked_issue': 'TEST-2', 'relationship': ' '}),
])
def test_an_empty_relationship_is_refused_by_every_link_module(playbook, emulator, name, args):
    run = playbook({'ytracker.tracker.' + name: args})

    assert run.result['failed'] is True
    assert 'relationship must be one of the names the Tracker reference documents' in run.result['msg']
    assert emulator.requests() == []
