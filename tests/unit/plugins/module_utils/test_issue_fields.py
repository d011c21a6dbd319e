# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Planning an issue's fields: what a task wants, what differs, what is sent, the diff."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._common import as_lines
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_fields import (
    WantedIssue,
    create_body,
    describe,
    describe_after,
    items_named,
    items_shown,
    items_to_read,
    plan_fields,
    users_to_resolve,
)

API = 'https://api.tracker.yandex.net/v3'
ALICE = '1120000000016876'
BOB = '1120000000049224'
# The ids the users API gives for each login (see user_ids).
USERS = {'alice': set([ALICE, 'alice', '1130000000016876']), 'bob': set([BOB, 'bob']),
         'login:12345': set(['1120000000077777', '12345'])}


def params(**given):
    options = dict((name, None) for name in (
        'key', 'unique', 'queue', 'summary', 'description', 'type', 'priority', 'assignee', 'parent', 'tags',
        'followers', 'fix_versions', 'affected_versions', 'components', 'fields', 'status', 'resolution',
        'transition_fields'))
    options.update(purge_tags=False, purge_followers=False, purge_fix_versions=False, purge_affected_versions=False,
                   purge_components=False)
    options.update(given)
    if options['key'] is None and options['unique'] is None:
        options['key'] = 'TEST-1'
    return options


def wanted(**given):
    return WantedIssue(params(**given))


def user(uid, display='Someone'):
    return {'self': '%s/users/%s' % (API, uid), 'id': uid, 'display': display}


def typed(kind, item_id, key):
    return {'self': '%s/%s/%s' % (API, kind, item_id), 'id': item_id, 'key': key, 'display': key.title()}


ISSUE = {
    'key': 'TEST-1', 'id': '593cd211ef7e8a332414f2a7', 'version': 7, 'summary': 'Release 1.2',
    'description': 'Notes\n', 'type': typed('issuetypes', '2', 'task'), 'priority': typed('priorities', '3', 'normal'),
    'status': typed('statuses', '1', 'open'), 'assignee': user(ALICE, 'Alice Smith'),
    'followers': [user(ALICE, 'Alice Smith'), user('1120000000051337', 'Carol White')],
    'tags': ['release', 'backend'], 'parent': {'self': API + '/issues/REL-2', 'id': '5f0c', 'key': 'REL-2',
                                               'display': 'Parent'},
    'storyPoints': 3.0,
}


@pytest.mark.parametrize('given', [
    dict(summary='Release 1.2'), dict(summary=' Release 1.2 '), dict(description='Notes'), dict(type='TASK'),
    dict(type='2'), dict(priority='normal'), dict(assignee='alice'), dict(assignee=ALICE), dict(parent='rel-2'),
    dict(parent='5f0c'), dict(tags=['backend']), dict(tags=['backend', 'release'], purge_tags=True),
    dict(followers=['alice']), dict(followers=['alice', '1120000000051337'], purge_followers=True),
    dict(fields={'storyPoints': 3}),
])
def test_a_field_already_right_sends_nothing(given):
    assert plan_fields(wanted(**given), ISSUE, USERS) == {}


@pytest.mark.parametrize('given, body', [
    (dict(summary='Release 1.3'), {'summary': 'Release 1.3'}),
    (dict(description=''), {'description': None}),
    (dict(type='bug'), {'type': 'bug'}),
    (dict(priority='4'), {'priority': {'id': '4'}}),
    (dict(assignee='bob'), {'assignee': 'bob'}),
    (dict(assignee=BOB), {'assignee': int(BOB)}),
    (dict(assignee='login:12345'), {'assignee': 1120000000077777}),
    (dict(assignee=''), {'assignee': None}),
    (dict(parent='rel-3'), {'parent': {'key': 'REL-3'}}),
    (dict(parent=''), {'parent': None}),
    (dict(tags=['release', 'v1.2', 'v1.2']), {'tags': {'add': ['v1.2']}}),
    (dict(tags=['release'], purge_tags=True), {'tags': {'set': ['release']}}),
    (dict(tags=[], purge_tags=True), {'tags': []}),
    (dict(followers=['alice', 'bob']), {'followers': {'add': ['bob']}}),
    (dict(followers=['bob'], purge_followers=True), {'followers': {'set': ['bob']}}),
    (dict(fields={'storyPoints': 5, 'sprint': None}), {'storyPoints': 5}),
])
def test_only_the_fields_that_differ_are_sent_in_the_form_the_reference_takes(given, body):
    assert plan_fields(wanted(**given), ISSUE, USERS) == body


def test_a_field_the_task_does_not_name_is_never_looked_at():
    assert plan_fields(wanted(summary='Release 1.2'), {'summary': 'Release 1.2'}, {}) == {}


def test_logins_are_looked_up_only_when_comparing_needs_it():
    empty = dict(ISSUE, assignee=None, followers=[])

    assert users_to_resolve(wanted(assignee='alice', followers=['bob']), ISSUE) == ['alice', 'bob']
    assert users_to_resolve(wanted(assignee=ALICE, followers=[ALICE]), ISSUE) == []
    assert users_to_resolve(wanted(assignee='alice', followers=['bob']), empty) == []
    assert users_to_resolve(wanted(assignee='login:12345'), empty) == ['login:12345']
    assert users_to_resolve(wanted(assignee='alice'), None) == []


def test_an_unresolved_login_compared_with_an_empty_field_differs():
    empty = dict(ISSUE, assignee=None, followers=[])

    assert plan_fields(wanted(assignee='alice', followers=['bob']), empty, {}) == {
        'assignee': 'alice', 'followers': {'add': ['bob']}}


def test_the_create_body_carries_every_named_field_not_empty():
    task = wanted(key=None, unique='release-1.2', queue='REL', summary='Release 1.2', description='', type='bug',
                  assignee='alice', tags=['a'], followers=['bob', BOB], fields={'storyPoints': 3})

    assert create_body(task, {}) == {
        'queue': 'REL', 'unique': 'release-1.2', 'summary': 'Release 1.2', 'type': 'bug', 'assignee': 'alice',
        'tags': ['a'], 'followers': ['bob', int(BOB)], 'storyPoints': 3}


def test_the_transition_body_carries_the_resolution_and_the_transition_fields():
    task = wanted(status='resolved', resolution='fixed', transition_fields={'comment': 'Done'})

    assert task.transition_body() == {'comment': 'Done', 'resolution': 'fixed'}


@pytest.mark.parametrize('given, message', [
    (dict(key='TEST 1'), "key must be an issue key like QUEUE-123 or an issue id, got 'TEST 1'"),
    (dict(key=None, unique='  '), 'unique must not be empty'),
    (dict(key=None, unique='x', queue='R E L'), "queue must be a queue key like OPS or a queue id, got 'R E L'"),
    (dict(summary=''), 'summary must not be empty'),
    (dict(type=' '), 'type must not be empty'),
    (dict(parent='REL 2'), "parent must be an issue key like QUEUE-123 or an issue id, got 'REL 2'"),
    (dict(tags=['a', '']), 'tags must not hold empty entries'),
    (dict(purge_followers=True), 'purge_followers needs followers'),
    (dict(status=' '), 'status must not be empty'),
    (dict(resolution='fixed'), 'resolution and transition_fields go with status'),
    (dict(transition_fields={'comment': 'x'}), 'resolution and transition_fields go with status'),
    (dict(status='closed', resolution=''), 'resolution must not be empty'),
    (dict(fields={'priority': 'x'}), 'fields.priority: use the priority option'),
    (dict(fields={'queue': 'OPS'}), 'fields.queue: the queue option is where a new issue is created'),
    (dict(fields={'version': 3}), 'fields.version: Tracker sets it'),
])
def test_bad_input_is_refused_in_one_line(given, message):
    with pytest.raises(ValueError) as refused:
        wanted(**given)

    assert str(refused.value).startswith(message)


def test_the_diff_shows_the_named_fields_and_the_status_one_a_line():
    task = wanted(summary='Release 1.3', description='Notes', assignee='alice', tags=['v1.3'],
                  followers=['bob'], fields={'storyPoints': 5}, status='closed')
    body = plan_fields(task, ISSUE, USERS)

    assert as_lines(describe(task, ISSUE, USERS)) == (
        'summary: Release 1.2\ndescription: "Notes\\n"\nassignee: alice\ntags: backend, release\n'
        'followers: Alice Smith, Carol White\nstoryPoints: 3\nstatus: open\n')
    assert as_lines(describe_after(task, ISSUE, USERS, body, 'closed')) == (
        'summary: Release 1.3\ndescription: "Notes\\n"\nassignee: alice\ntags: backend, release, v1.3\n'
        'followers: Alice Smith, Carol White, bob\nstoryPoints: 5\nstatus: closed\n')


def test_the_diff_of_a_new_issue_starts_empty():
    task = wanted(key=None, unique='u', queue='REL', summary='Release', tags=['b', 'a'], status='inProgress')

    assert as_lines(describe(task, None, {})) == ''
    assert as_lines(describe_after(task, None, {}, plan_fields(task, {}, {}), 'inProgress')) == (
        'summary: Release\ntags: a, b\nstatus: inProgress\n')


def test_a_list_field_shows_the_same_way_before_and_after_and_sorted():
    task = wanted(fields={'services': ['web', 'api']})
    issue = dict(ISSUE, services=[{'id': '2', 'display': 'db'}, {'id': '1', 'display': 'api'}])

    assert as_lines(describe(task, issue, USERS)) == 'services: ["api", "db"]\n'
    assert as_lines(describe_after(task, issue, USERS, plan_fields(task, issue, USERS))) == 'services: ["api", "web"]\n'


def test_whitespace_around_the_status_is_no_part_of_it():
    assert wanted(status=' closed ').status == 'closed'


# versions and components

def version(version_id, name):
    """A version as the queue's list answers it: the id a number."""
    return {'self': '%s/versions/%d' % (API, version_id), 'id': version_id, 'version': 1, 'name': name,
            'queue': {'key': 'REL'}}


def shown_version(version_id, name):
    """A version as an issue answers it: the id a string."""
    return {'self': '%s/versions/%s' % (API, version_id), 'id': str(version_id), 'display': name}


VERSIONS = (version(4, '1.1'), version(5, '1.2'), version(9, '2.0'))


def resolved(task, issue=None, versions=VERSIONS, components=()):
    """The names of a task as IssueTask resolves them: from the issue first, then from the queue's lists."""
    names = dict(items_shown(task, issue))
    lists = {'versions': list(versions), 'components': list(components)}
    for kind in items_to_read(task, names):
        names.update(items_named(task, kind, lists[kind], 'REL', names))
    return names


def to_read(issue, **given):
    task = wanted(**given)
    return items_to_read(task, items_shown(task, issue))


def test_a_name_the_issue_shows_needs_no_read_of_the_queue():
    issue = dict(ISSUE, fixVersions=[shown_version(5, '1.2')], components=[shown_version(7, 'backend')])

    assert to_read(issue, fix_versions=['1.2'], components=['backend']) == []
    # An id the issue shows is read all the same: a name comes first, and a version may be named '5'.
    assert to_read(issue, fix_versions=['5']) == ['versions']
    assert to_read(issue, components=['7']) == ['components']
    assert to_read(issue, fix_versions=['1.2', '2.0']) == ['versions']
    assert to_read(issue, components=['frontend']) == ['components']
    # One queue's versions: what fixVersions shows of 1.2 is its id in affectedVersions too.
    assert to_read(issue, affected_versions=['1.2']) == ['versions']
    assert to_read(issue, fix_versions=['1.2'], affected_versions=['1.2']) == []
    assert to_read(None, fix_versions=['1.2'], components=['backend']) == ['components', 'versions']
    assert to_read(issue, fix_versions=[], components=[], purge_components=True) == []
    assert to_read(issue, summary='x') == []


@pytest.mark.parametrize('current, given, body', [
    ([], dict(fix_versions=['1.2']), {'fixVersions': {'add': [5]}}),
    ([], dict(fix_versions=['5']), {'fixVersions': {'add': [5]}}),
    ([shown_version(5, '1.2')], dict(fix_versions=['1.2']), {}),
    ([shown_version(5, '1.2')], dict(fix_versions=['5']), {}),
    ([shown_version(5, '1.2')], dict(fix_versions=['1.2', '2.0']), {'fixVersions': {'add': [9]}}),
    ([shown_version(5, '1.2'), shown_version(4, '1.1')], dict(fix_versions=['1.2'], purge_fix_versions=True),
     {'fixVersions': {'set': [5]}}),
    ([shown_version(5, '1.2')], dict(fix_versions=['5', '1.2'], purge_fix_versions=True), {}),
    ([shown_version(5, '1.2')], dict(fix_versions=[], purge_fix_versions=True), {'fixVersions': []}),
    ([], dict(fix_versions=[], purge_fix_versions=True), {}),
    ([], dict(fix_versions=[' 1.2 ', '5']), {'fixVersions': {'add': [5]}}),
])
def test_versions_are_compared_by_id_as_text_and_sent_as_number_ids(current, given, body):
    issue = dict(ISSUE, fixVersions=current)
    task = wanted(**given)

    assert plan_fields(task, issue, resolved(task, issue)) == body


def test_affected_versions_and_components_are_planned_alike():
    components = [version(7, 'backend'), version(8, 'frontend')]
    issue = dict(ISSUE, affectedVersions=[shown_version(4, '1.1')], components=[shown_version(8, 'frontend')])
    task = wanted(affected_versions=['1.2'], purge_affected_versions=True, components=['backend'])

    assert plan_fields(task, issue, resolved(task, issue, components=components)) == {
        'affectedVersions': {'set': [5]}, 'components': {'add': [7]}}


def test_of_two_versions_of_one_name_the_lowest_id_and_a_name_before_an_id():
    twins = [version(12, '3.0'), version(11, '3.0'), version(3, '12')]
    task = wanted(fix_versions=['3.0', '12'])

    assert plan_fields(task, dict(ISSUE, fixVersions=[]), resolved(task, versions=twins)) == {
        'fixVersions': {'add': [11, 3]}}


def test_the_create_body_sends_the_ids():
    task = wanted(key=None, unique='u', queue='REL', summary='Release', fix_versions=['1.2', '4'],
                  affected_versions=[], components=['backend'])
    names = resolved(task, components=[version(7, 'backend')])

    assert create_body(task, names) == {'queue': 'REL', 'unique': 'u', 'summary': 'Release', 'fixVersions': [5, 4],
                                        'components': [7]}


def test_a_name_the_queue_does_not_have_is_refused_listing_the_names_it_has():
    with pytest.raises(ValueError) as refused:
        resolved(wanted(fix_versions=['1.2', '9.9']))

    assert str(refused.value) == "fix_versions: queue REL has no version '9.9'; it has: 1.1, 1.2, 2.0"


def test_the_names_listed_are_cut_after_ten():
    many = [version(number, 'v%02d' % number) for number in range(1, 14)] + [version(20, 'v01')]

    with pytest.raises(ValueError) as refused:
        resolved(wanted(components=['api']), components=many)

    assert str(refused.value) == (
        "components: queue REL has no component 'api'; it has: v01, v02, v03, v04, v05, v06, v07, v08, v09, v10"
        " and 3 more")


def test_a_queue_without_any_says_so():
    with pytest.raises(ValueError) as refused:
        resolved(wanted(affected_versions=['1.0']), versions=[])

    assert str(refused.value) == "affected_versions: queue REL has no version '1.0'; it has: none"


def test_the_diff_shows_versions_by_name_sorted():
    issue = dict(ISSUE, fixVersions=[shown_version(9, '2.0')])
    task = wanted(fix_versions=['5', '1.1'], components=['backend'], purge_components=True)
    names = resolved(task, issue, components=[version(7, 'backend')])
    body = plan_fields(task, issue, names)

    assert as_lines(describe(task, issue, names)) == 'fix_versions: 2.0\ncomponents: \n'
    assert as_lines(describe_after(task, issue, names, body)) == 'fix_versions: 1.1, 1.2, 2.0\ncomponents: backend\n'


@pytest.mark.parametrize('given, message', [
    (dict(purge_fix_versions=True), 'purge_fix_versions needs fix_versions: the list to keep'),
    (dict(purge_components=True), 'purge_components needs components'),
    (dict(affected_versions=['1.2', ' ']), 'affected_versions must not hold empty entries'),
    (dict(fields={'fixVersions': [4]}), 'fields.fixVersions: use the fix_versions option'),
    (dict(fields={'components': ['backend']}), 'fields.components: use the components option'),
])
def test_bad_versions_and_components_are_refused_in_one_line(given, message):
    with pytest.raises(ValueError) as refused:
        wanted(**given)

    assert str(refused.value).startswith(message)
