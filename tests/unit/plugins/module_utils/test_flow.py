# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one flow of every resource, on a resource made up for the test: names with a value."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._common import Plan
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import (
    Resource,
    ResourceTask,
    converge,
    create_once,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import OutcomeUnknown, TrackerError


class Client(object):
    """What the flow uses of a TrackerClient: its retry budget and its backoff."""

    def __init__(self, retries=2):
        self.retries = retries
        self.waits = []

    def backoff(self, attempt, reason, **dummy):
        self.waits.append((attempt, reason))


class ByName(object):
    def __init__(self, current):
        self.current = current

    def matches(self, wanted):
        return [item for item in self.current if item['name'] == wanted['name']]


class Names(Resource):
    """Objects {'id', 'name', 'value'} identified by name, kept in a list that stands for Tracker."""

    noun = 'name'
    place = 'the list'

    def __init__(self, stored, lose=0, conflicts=0):
        self.stored = stored
        self.lose = lose            # creates whose answer is lost (made all the same)
        self.conflicts = conflicts  # updates refused as stale before one goes through
        self.sent = []

    def read(self, client):
        self.sent.append('read')
        return [dict(item) for item in self.stored]

    def plan(self, wanted, current):
        by_name = dict((item['name'], item) for item in current)
        to_create = [one for one in wanted if one['name'] not in by_name]
        to_update = [(by_name[one['name']], one) for one in wanted
                     if one['name'] in by_name and by_name[one['name']]['value'] != one['value']]
        kept = [by_name[one['name']] for one in wanted
                if one['name'] in by_name and by_name[one['name']]['value'] == one['value']]
        return Plan(to_create=to_create, to_update=to_update, to_delete=[], kept=kept)

    def index(self, current):
        return ByName(current)

    def create(self, client, wanted):
        self.sent.append('create ' + wanted['name'])
        made = dict(wanted, id=len(self.stored) + 1)
        self.stored.append(made)
        if self.lose:
            self.lose -= 1
            raise OutcomeUnknown('POST /names: no answer')
        return made

    def update(self, client, current, wanted):
        self.sent.append('update ' + current['name'])
        if self.conflicts:
            self.conflicts -= 1
            raise TrackerError('PATCH /names: HTTP 409', status=409)
        for item in self.stored:
            if item['id'] == current['id']:
                item['value'] = wanted['value']
        return dict(current, value=wanted['value'])

    def delete(self, client, current):
        self.sent.append('delete %s' % current['id'])
        self.stored[:] = [item for item in self.stored if item['id'] != current['id']]
        return True

    def describe(self, current):
        return '%s: %s' % (current['name'], current['value'])

    def describe_wanted(self, wanted):
        return '%s: %s' % (wanted['name'], wanted['value'])

    def result(self, task):
        return dict(names=task.plan.kept + task.created + task.updated)


def run(resource, wanted, check_mode=False, retries=2):
    task = ResourceTask(Client(retries), resource, wanted, check_mode)
    task.run()
    return task


def test_one_read_when_nothing_changes():
    resource = Names([{'id': 1, 'name': 'a', 'value': 1}])

    task = run(resource, [{'name': 'a', 'value': 1}])

    assert resource.sent == ['read'] and task.changed is False
    assert task.diff() == {'before': 'a: 1\n', 'after': 'a: 1\n'}


def test_creates_and_updates_are_sent_and_the_read_after_settles_them():
    resource = Names([{'id': 1, 'name': 'a', 'value': 1}])

    task = run(resource, [{'name': 'a', 'value': 2}, {'name': 'b', 'value': 3}])

    assert resource.sent == ['read', 'update a', 'create b', 'read']
    assert task.changed is True
    assert task.result()['names'] == [{'id': 2, 'name': 'b', 'value': 3}, {'id': 1, 'name': 'a', 'value': 2}]
    assert task.diff() == {'before': 'a: 1\n', 'after': 'a: 2\nb: 3\n'}


def test_check_mode_reads_and_predicts_and_never_writes():
    resource = Names([{'id': 1, 'name': 'a', 'value': 1}])

    task = run(resource, [{'name': 'a', 'value': 2}, {'name': 'b', 'value': 3}], check_mode=True)

    assert resource.sent == ['read'] and task.changed is True
    assert task.diff() == {'before': 'a: 1\n', 'after': 'a: 2\nb: 3\n'}


def test_a_lost_create_is_found_by_reading_and_not_sent_again():
    resource = Names([], lose=1)

    task = run(resource, [{'name': 'a', 'value': 1}])

    assert resource.sent == ['read', 'create a', 'read']
    assert task.created == [{'id': 1, 'name': 'a', 'value': 1}] and len(resource.stored) == 1


def test_a_stale_update_is_read_and_planned_again():
    resource = Names([{'id': 1, 'name': 'a', 'value': 1}], conflicts=1)

    task = run(resource, [{'name': 'a', 'value': 2}])

    assert resource.sent == ['read', 'update a', 'read', 'update a']
    assert task.changed is True and resource.stored[0]['value'] == 2


def test_a_failure_half_way_says_what_was_written():
    resource = Names([{'id': 1, 'name': 'a', 'value': 1}], conflicts=10)

    task = ResourceTask(Client(retries=1), resource, [{'name': 'a', 'value': 2}, {'name': 'b', 'value': 1}], False)
    with pytest.raises(TrackerError):
        task.run()

    assert task.failure() == {'changed': False, 'removed': []}


def test_create_once_counts_a_conflict_of_the_first_attempt_as_made_by_another_run():
    def create(dummy):
        raise TrackerError('POST /issues/: HTTP 409', status=409)

    answers, found, taken = create_once(Client(), ['x'], create, lambda: (lambda dummy: ['found']),
                                        missing='x is missing', conflicts=(409,), always_read=False)

    assert answers == [None] and taken == {0} and found('x') == ['found']


def test_create_once_gives_up_within_one_budget_saying_what_is_missing():
    client = Client(retries=2)

    def create(dummy):
        raise OutcomeUnknown('POST /x: no answer', status=503)

    with pytest.raises(TrackerError) as error:
        create_once(client, ['x'], create, lambda: (lambda dummy: []), missing='the x is not there')

    assert str(error.value) == 'POST /x: no answer; the x is not there after 3 attempts'
    assert error.value.status == 503 and client.waits == [(0, 'lost answer'), (1, 'lost answer')]


def test_converge_gives_up_on_a_conflict_that_never_ends_with_the_conflict():
    reads = []

    def apply_once():
        raise TrackerError('PATCH: HTTP 412', status=412)

    with pytest.raises(TrackerError) as error:
        converge(Client(retries=2), apply_once, lambda: reads.append(1))

    assert error.value.status == 412 and reads == [1, 1]


def test_a_change_made_before_a_conflict_still_counts_once_planned_again():
    resource = Names([{'id': 1, 'name': 'a', 'value': 1}, {'id': 2, 'name': 'b', 'value': 1}])
    edit = resource.update

    def update(client, current, wanted):
        if current['name'] == 'b':
            # Someone else sets b to the wanted value just before: this edit is stale.
            resource.stored[1]['value'] = 2
            raise TrackerError('PATCH /names/2: HTTP 409', status=409)
        return edit(client, current, wanted)

    resource.update = update
    task = run(resource, [{'name': 'a', 'value': 2}, {'name': 'b', 'value': 2}])

    # Planned again, nothing is left to do; a was changed by this run all the same.
    assert task.plan.to_update == [] and task.changed is True
