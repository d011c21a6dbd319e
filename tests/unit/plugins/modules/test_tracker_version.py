# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_version, scenario by scenario: the exact requests sent and the result."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from responses import matchers

from ansible_collections.ytracker.tracker.plugins.modules.tracker_version import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    API,
    CONNECTION,
    module_runner,
    requests_sent,
)

LIST = API + '/queues/REL/versions'
VERSIONS = API + '/versions/'
run = module_runner(main, queue='REL', name='2.0', **CONNECTION)


def version(version_id, name='2.0', number=1, **fields):
    return dict(dict(self='%s/versions/%s' % (API, version_id), id=version_id, version=number,
                     queue={'key': 'REL'}, name=name, released=False, archived=False), **fields)


def test_creates_a_missing_version_then_reads_once(api):
    api.get(LIST, json=[version(1, '1.2')])
    api.post(VERSIONS, json=version(2, description='d'),
             match=[matchers.json_params_matcher({'queue': 'REL', 'name': '2.0', 'description': 'd'})])
    api.get(LIST, json=[version(1, '1.2'), version(2, description='d')])

    result, failed = run(description='d', diff=True)

    assert not failed and result['changed'] is True and result['version']['id'] == 2
    assert result['diff'] == {'before': '', 'after': 'name: 2.0\ndescription: d\nreleased: false\narchived: false\n'}
    assert requests_sent(api, query=False) == [('GET', LIST), ('POST', VERSIONS), ('GET', LIST)]


def test_a_right_version_costs_one_read(api):
    api.get(LIST, json=[version(2, description='d')])

    result, failed = run(description='d')

    assert not failed and result['changed'] is False and result['version']['id'] == 2
    assert requests_sent(api, query=False) == [('GET', LIST)]


def test_fields_are_edited_in_one_patch_naming_the_version_read(api):
    api.get(LIST, json=[version(2, number=4, description='old')])
    api.patch(API + '/versions/2', json=version(2, number=5, description='new', dueDate='2026-07-01'),
              match=[matchers.json_params_matcher({'description': 'new', 'dueDate': '2026-07-01'}),
                     matchers.header_matcher({'If-Match': '"4"'})])

    result, failed = run(description='new', due_date='2026-07-01')

    assert not failed and result['changed'] is True and result['version']['version'] == 5
    assert requests_sent(api, query=False) == [('GET', LIST), ('PATCH', API + '/versions/2')]


def test_a_stale_edit_is_read_and_planned_again(api):
    api.get(LIST, json=[version(2, number=4, description='old')])
    api.patch(API + '/versions/2', status=409, json={'errorMessages': ['changed'], 'statusCode': 409})
    api.get(LIST, json=[version(2, number=5, description='old')])
    api.patch(API + '/versions/2', json=version(2, number=6, description='new'),
              match=[matchers.header_matcher({'If-Match': '"5"'})])

    result, failed = run(description='new')

    assert not failed and result['version']['version'] == 6


def test_release_falls_back_to_a_patch_and_archive_has_no_body(api):
    api.get(LIST, json=[version(2)])
    api.post(API + '/versions/2/_release', status=404, json={'errorMessages': ['Resource not found.']})
    api.patch(API + '/versions/2', json=version(2, number=2, released=True),
              match=[matchers.json_params_matcher({'released': True})])
    api.post(API + '/versions/2/_archive', json=version(2, number=3, released=True, archived=True),
             match=[matchers.header_matcher({'If-Match': '"2"'})])

    result, failed = run(released=True, archived=True)

    assert not failed and result['changed'] is True and result['version']['archived'] is True
    assert api.calls[3].request.body is None
    assert requests_sent(api, query=False) == [
        ('GET', LIST), ('POST', API + '/versions/2/_release'), ('PATCH', API + '/versions/2'),
        ('POST', API + '/versions/2/_archive')]


def test_a_release_tracker_takes_no_way_fails_in_one_line(api):
    api.get(LIST, json=[version(2)])
    api.post(API + '/versions/2/_release', status=404, json={'errorMessages': ['Resource not found.']})
    api.patch(API + '/versions/2', status=400, json={'errorMessages': ['Field released cannot be set.']})

    result, failed = run(released=True)

    assert failed and result['changed'] is False
    assert result['msg'].startswith('cannot set released on version 2.0 (id 2) of queue REL: Tracker took neither')
    assert 'Resource not found.' in result['msg'] and 'Field released cannot be set.' in result['msg']
    assert '\n' not in result['msg']
    # Versions are never deleted: the result has no removed list, as it has none when the task succeeds.
    assert 'removed' not in result


def test_no_way_back_fails_after_the_read_and_before_any_write(api):
    api.get(LIST, json=[version(2, released=True)])

    result, failed = run(released=False)

    assert failed and 'no way to undo' in result['msg']
    assert requests_sent(api, query=False) == [('GET', LIST)]


def test_bad_input_fails_before_any_request(api):
    result, failed = run(due_date='2026-13-01')
    assert failed and result['msg'] == "due_date must be a date as YYYY-MM-DD, like 2026-07-01, got '2026-13-01'"
    result, failed = run(state='absent')
    assert failed and 'archive it instead' in result['msg']
    assert requests_sent(api, query=False) == []


def test_check_mode_predicts_and_never_writes(api):
    api.get(LIST, json=[version(2, description='old')])

    result, failed = run(check_mode=True, diff=True, description='new')

    assert not failed and result['changed'] is True
    assert result['diff']['after'] == 'name: 2.0\ndescription: new\nreleased: false\narchived: false\n'
    assert requests_sent(api, query=False) == [('GET', LIST)]


def test_twins_are_kept_the_lowest_id_managed_with_a_warning(api, capsys):
    api.get(LIST, json=[])
    api.post(VERSIONS, json=version(7))
    api.get(LIST, json=[version(5), version(7)])

    result, failed = run()

    assert not failed and result['version']['id'] == 5
    assert requests_sent(api, query=False) == [('GET', LIST), ('POST', VERSIONS), ('GET', LIST)]
    # In the result, or (when an earlier test of this process has printed Ansible's warnings) on stderr.
    warned = result.get('warnings', []) + [capsys.readouterr().err]
    assert any('lowest id (5) and leaves the others (7)' in warning for warning in warned)


def test_a_create_refused_as_a_twin_finds_the_other_runs_version(api):
    api.get(LIST, json=[])
    api.post(VERSIONS, status=409, json={'errorMessages': ['The queue REL has a version named 2.0 already.']})
    api.get(LIST, json=[version(5)])

    result, failed = run()

    assert not failed and result['version']['id'] == 5


def test_a_version_found_after_a_lost_create_answer_gets_its_status_still(api, sleeps):
    # The create took effect but its answer was lost (502): the read finds the version, which the
    # create's answer would have been released from; it is released now, not by the next run.
    api.get(LIST, json=[])
    api.post(VERSIONS, status=502, body='Bad Gateway')
    api.get(LIST, json=[version(2)])
    api.post(API + '/versions/2/_release', json=version(2, number=2, released=True),
             match=[matchers.header_matcher({'If-Match': '"1"'})])

    result, failed = run(released=True, diff=True)

    assert not failed, result
    assert result['changed'] is True and result['version']['released'] is True
    assert result['diff']['after'] == 'name: 2.0\nreleased: true\narchived: false\n'
    assert requests_sent(api, query=False) == [('GET', LIST), ('POST', VERSIONS), ('GET', LIST),
                                               ('POST', API + '/versions/2/_release')]


def test_a_create_refused_as_taken_and_not_found_yet_is_sent_again_and_said_so(api, sleeps, capsys):
    api.get(LIST, json=[])
    api.post(VERSIONS, status=409, json={'errorMessages': ['The queue REL has a version named 2.0 already.']})
    api.get(LIST, json=[])
    api.post(VERSIONS, json=version(2))
    api.get(LIST, json=[version(2)])

    result, failed = run()

    assert not failed and result['changed'] is True and result['version']['id'] == 2
    # In the result, or (when an earlier test of this process has printed Ansible's warnings) on stderr.
    warned = ' '.join(result.get('warnings', []) + [capsys.readouterr().err])
    assert 'Tracker requests were retried 1 times (HTTP 409 x1)' in warned and 'lost answer' not in warned


def test_a_create_refused_as_taken_that_never_shows_wrote_nothing(api, sleeps):
    api.get(LIST, json=[])
    for attempt in range(3):
        api.post(VERSIONS, status=409, json={'errorMessages': ['The queue REL has a version named 2.0 already.']})
        api.get(LIST, json=[])

    result, failed = run(retries=2)

    assert failed and result['changed'] is False, requests_sent(api)
    assert 'the version is not on the queue after 3 attempts' in result['msg'] and result['status'] == 409, result['msg']


def test_an_empty_description_clears_it(api):
    api.get(LIST, json=[version(2, description='old')])
    api.patch(API + '/versions/2', json=version(2, number=2, description=''),
              match=[matchers.json_params_matcher({'description': ''})])

    result, failed = run(description='')

    assert not failed and result['changed'] is True
