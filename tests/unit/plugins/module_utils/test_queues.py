# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The pure plan of a queue: what a task wants of it, compared as the API answers a queue."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._queues import (
    IssueType,
    WantedQueue,
    create_body,
    describe,
    describe_wanted,
    edits,
    expand_reads,
    lead_to_resolve,
    merged,
    missing_for_create,
    plan_queue,
    wanted_queue,
)

ALICE = '1120000000016876'
API = 'https://api.tracker.yandex.net/v3'


def params(**overrides):
    return dict(dict(key='ops', name=None, description=None, lead=None, default_type=None, default_priority=None,
                     issue_types=None, restore=False, force=False, state='present'), **overrides)


def ref(kind, item_id, key, display):
    return {'self': '%s/%s/%s' % (API, kind, item_id), 'id': item_id, 'key': key, 'display': display}


def queue(**overrides):
    found = {
        'self': API + '/queues/OPS', 'id': '12', 'key': 'OPS', 'version': 2, 'name': 'Operations',
        'lead': {'self': API + '/users/' + ALICE, 'id': ALICE, 'display': 'Alice Smith'},
        'defaultType': ref('issuetypes', '2', 'task', 'Task'),
        'defaultPriority': ref('priorities', '3', 'normal', 'Normal'),
        'issueTypesConfig': [
            {'issueType': ref('issuetypes', '2', 'task', 'Task'),
             'workflow': {'self': API + '/workflows/oicn', 'id': 'oicn', 'display': 'Basic'},
             'resolutions': [ref('resolutions', '1', 'fixed', 'Fixed'), ref('resolutions', '2', 'wontFix', "Won't fix")]},
        ],
    }
    found.update(overrides)
    return found


FULL = dict(name='Operations', lead='alice', default_type='task', default_priority='normal',
            issue_types=[dict(type='task', workflow='oicn', resolutions=['wontFix', 'fixed'])])


def test_the_wanted_queue_holds_only_what_is_given_its_key_upper_case():
    wanted = wanted_queue(params(key=' ops ', lead=' alice ', description=''))
    assert wanted == WantedQueue('OPS', {'description': ''}, 'alice', None)
    full = wanted_queue(params(**FULL))
    assert full.issue_types == (IssueType('task', 'oicn', ('wontFix', 'fixed')),)
    assert missing_for_create(full) == []
    assert missing_for_create(wanted) == ['name', 'default_type', 'default_priority', 'issue_types']


@pytest.mark.parametrize('overrides, message', [
    (dict(key='OPS-1'), "key must be a queue key of Latin letters like OPS, got 'OPS-1'"),
    (dict(key=' '), "key must be a queue key of Latin letters like OPS, got ''"),
    (dict(state='absent'), 'state=absent deletes queue OPS and every issue in it: set force=true to confirm'),
    (dict(name='two\nlines'), 'name must be one line, not empty'),
    (dict(lead='alice bob'), "lead must be a key, id or login without spaces, got 'alice bob'"),
    (dict(issue_types=[]), 'issue_types must list at least one issue type'),
    (dict(issue_types=[dict(type='task', workflow='oicn'), dict(type='Task', workflow='dev')]),
     'issue_types lists the type Task twice'),
    (dict(issue_types=[dict(type='task', workflow='')]),
     "issue_types[0].workflow must be a key, id or login without spaces, got ''"),
    (dict(default_type='bug', issue_types=[dict(type='task', workflow='oicn')]),
     'default_type bug must be one of the types issue_types lists'),
])
def test_bad_input_is_refused_in_one_line(overrides, message):
    with pytest.raises(ValueError) as info:
        wanted_queue(params(**overrides))
    assert str(info.value) == message


def test_a_missing_queue_is_created_with_the_body_of_create_queue():
    wanted = wanted_queue(params(description='Ops', **FULL))
    plan = plan_queue(wanted, [], {}, 'present')
    assert plan.to_create == [wanted] and not plan.to_update and not plan.kept
    assert create_body(wanted) == {
        # create-queue.md documents no description: the edit after the create sets it.
        'key': 'OPS', 'name': 'Operations', 'lead': 'alice', 'defaultType': 'task',
        'defaultPriority': 'normal',
        'issueTypesConfig': [{'issueType': 'task', 'workflow': 'oicn', 'resolutions': ['wontFix', 'fixed']}]}


def test_a_queue_as_the_api_answers_it_is_right_by_key_uid_and_resolutions_as_a_set():
    wanted = wanted_queue(params(**FULL))
    users = {'alice': set([ALICE, 'alice'])}
    assert lead_to_resolve(wanted, [queue()]) == 'alice'
    assert edits(queue(), wanted, users) == ({}, None)
    plan = plan_queue(wanted, [queue()], users, 'present')
    assert plan.kept == [queue()] and not plan.to_update
    # The example of create-queue.md names the lead by login: no lookup then.
    by_login = queue(lead={'self': API + '/users/' + ALICE, 'id': 'alice', 'display': 'Alice Smith'})
    assert lead_to_resolve(wanted, [by_login]) is None
    assert edits(by_login, wanted, {}) == ({}, None)


def test_what_differs_is_edited_and_issue_types_are_sent_whole():
    wanted = wanted_queue(params(name='Ops', lead='bob', default_priority='critical', issue_types=[
        dict(type='task', workflow='dev', resolutions=['fixed']), dict(type='bug', workflow='dev')]))
    users = {'bob': set(['1120000000049224', 'bob'])}
    fields, types = edits(queue(), wanted, users)
    assert fields == {'name': 'Ops', 'lead': 'bob', 'defaultPriority': 'critical'}
    assert types == [{'issueType': 'task', 'workflow': 'dev', 'resolutions': ['fixed']},
                     {'issueType': 'bug', 'workflow': 'dev', 'resolutions': []}]
    plan = plan_queue(wanted, [queue()], users, 'present')
    (current, after), = plan.to_update
    assert current == queue()
    assert describe(queue(), wanted, users) == (
        'key: OPS\nname: Operations\nlead: %s\ndefault_type: task\ndefault_priority: normal\n'
        'issue_type: task workflow=oicn resolutions=fixed,wontFix' % ALICE)
    assert describe_wanted(after) == (
        'key: OPS\nname: Ops\nlead: bob\ndefault_type: task\ndefault_priority: critical\n'
        'issue_type: task workflow=dev resolutions=fixed\nissue_type: bug workflow=dev resolutions=')


def test_types_the_task_does_not_list_are_kept_in_the_edit():
    other = {'issueType': ref('issuetypes', '1', 'bug', 'Bug'), 'workflow': {'id': 'dev', 'display': 'Dev'},
             'resolutions': [ref('resolutions', '3', 'duplicate', 'Duplicate')]}
    current = queue(issueTypesConfig=queue()['issueTypesConfig'] + [other])
    wanted = wanted_queue(params(issue_types=[dict(type='2', workflow='dev', resolutions=['1'])]))
    assert edits(current, wanted, {})[1] == [{'issueType': '2', 'workflow': 'dev', 'resolutions': ['1']},
                                             {'issueType': 'bug', 'workflow': 'dev', 'resolutions': ['duplicate']}]


def test_absent_deletes_the_queue_read_and_nothing_when_gone():
    wanted = wanted_queue(params(state='absent', force=True))
    assert plan_queue(wanted, [queue()], {}, 'absent').to_delete == [queue()]
    assert plan_queue(wanted, [], {}, 'absent') == ([], [], [], [])


@pytest.mark.parametrize('expand, reads', [
    (None, [None]),
    ([], [None]),
    (['versions'], ['versions']),
    (['team', 'versions', 'team'], ['team', 'versions']),
    (['versions', 'all', 'team'], ['all']),
])
def test_each_read_expands_one_value_as_get_queue_describes_it(expand, reads):
    assert expand_reads(expand) == reads


def test_the_reads_of_a_queue_are_merged_the_later_over_the_earlier():
    first = {'key': 'PAY', 'version': 3, 'teamUsers': [{'id': ALICE}]}
    second = {'key': 'PAY', 'version': 4, 'versions': [{'id': '4', 'display': '1.0'}]}
    assert merged([first, second]) == {'key': 'PAY', 'version': 4, 'teamUsers': [{'id': ALICE}],
                                       'versions': [{'id': '4', 'display': '1.0'}]}
    assert merged([first]) == first and merged([first]) is not first


def test_a_resolution_listed_twice_counts_once():
    given = dict(FULL)
    given['issue_types'] = [{'type': 'task', 'workflow': 'oicn', 'resolutions': ['fixed', 'fixed', 'wontFix']}]
    assert wanted_queue(params(**given)).issue_types[0].resolutions == ('fixed', 'wontFix')
