# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Choosing the transition that leads to a status."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._issue_status import (
    choose_transition,
    reachable,
    status_reached,
    unreachable,
)

API = 'https://api.tracker.yandex.net/v3'


def status(key, status_id):
    return {'self': '%s/statuses/%s' % (API, status_id), 'id': status_id, 'key': key, 'display': key.title()}


def transition(transition_id, key, status_id):
    return {'id': transition_id, 'self': API + '/issues/TEST-1/transitions/' + transition_id,
            'display': transition_id.title(), 'to': status(key, status_id)}


FROM_OPEN = [transition('start_progress', 'inProgress', '2'), transition('resolve', 'resolved', '3'),
             transition('close', 'closed', '4')]


def test_the_status_key_is_compared_ignoring_case_and_the_id_as_it_is():
    assert status_reached('inprogress', status('inProgress', '2'))
    assert status_reached('2', status('inProgress', '2'))
    assert not status_reached('open', status('inProgress', '2'))
    assert not status_reached('open', None)


def test_the_transition_is_chosen_by_where_it_leads_not_by_its_id():
    assert choose_transition(FROM_OPEN, 'resolved')['id'] == 'resolve'
    assert choose_transition(FROM_OPEN, 'RESOLVED')['id'] == 'resolve'
    assert choose_transition(FROM_OPEN, 'resolve') is None
    assert choose_transition(FROM_OPEN, 'open') is None


def test_of_two_transitions_to_one_status_the_first_in_the_api_order_runs():
    transitions = [transition('close_as_duplicate', 'closed', '4'), transition('close', 'closed', '4')]

    assert choose_transition(transitions, 'closed')['id'] == 'close_as_duplicate'


def test_out_of_reach_names_the_current_status_and_where_it_can_go():
    assert reachable(FROM_OPEN + [transition('close2', 'closed', '4')]) == ['closed', 'inProgress', 'resolved']
    assert unreachable('TEST-1', status('open', '1'), 'reopened', FROM_OPEN) == (
        "TEST-1 is in status 'open' and no transition leads from there to 'reopened';"
        " reachable from 'open': closed, inProgress, resolved")
    assert unreachable('TEST-1', status('closed', '4'), 'open', []).endswith(
        "reachable from 'closed': none (the workflow has no transition from it)")
