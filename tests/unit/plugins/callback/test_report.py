# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The callback ytracker.tracker.report: the run's report, posted or edited by tracker_comment's flow."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from unittest.mock import MagicMock, patch

import pytest

from ansible.executor.stats import AggregateStats
from ansible.plugins.loader import callback_loader

from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import API, TOKEN

COMMENTS = API + '/issues/REL-42/comments'
MARKER = 'ansible-run-report:site.yml'


@pytest.fixture
def callback(monkeypatch):
    monkeypatch.setenv('TRACKER_OAUTH_TOKEN', TOKEN)
    monkeypatch.setenv('TRACKER_ORG_ID', '7654321')
    plugin = callback_loader.get('ytracker.tracker.report')
    assert plugin is not None
    plugin.set_options()
    plugin._display = MagicMock()
    return plugin


def play(variables):
    """A play whose variable manager holds ``variables``."""
    manager = MagicMock()
    manager.get_vars.return_value = variables
    manager._loader = None
    found = MagicMock()
    found.get_variable_manager.return_value = manager
    return found


def result(host, task_name, msg, no_log=False, result_no_log=False):
    task = MagicMock(no_log=no_log)
    task.get_name.return_value = task_name
    outcome = MagicMock(_task=task, _result={'msg': msg, '_ansible_no_log': result_no_log})
    outcome._host.get_name.return_value = host
    return outcome


def run(callback, variables, failures=(), hosts=('web1',)):
    callback.v2_playbook_on_start(MagicMock(_file_name='/srv/deploy/site.yml'))
    callback.v2_playbook_on_play_start(play(variables))
    stats = AggregateStats()
    for host in hosts:
        stats.increment('ok', host)
    for outcome in failures:
        stats.increment('failures', outcome._host.get_name())
        callback.v2_runner_on_failed(outcome)
    callback.v2_playbook_on_stats(stats)


def warnings(callback):
    return [call[0][0] for call in callback._display.warning.call_args_list]


def posted_text(api):
    return json.loads(api.calls[1].request.body)['text']


def test_the_report_is_posted_with_the_marker_and_no_log_hidden(callback, api):
    api.get(COMMENTS, json=[])
    api.post(COMMENTS, status=201, json={'id': 1, 'text': 'x'})
    api.get(COMMENTS, json=[{'id': 1, 'text': 'x\n\n' + MARKER}])

    run(callback, {'tracker_report_issue': 'rel-42'}, failures=[
        result('web1', 'Deploy', 'the disk is full'),
        result('web1', 'Set the password', 'password s3cret refused', no_log=True),
        result('web1', 'Loop', 'item s3cret', result_no_log=True),
    ])

    text = posted_text(api)
    assert text.endswith('\n\n' + MARKER)
    assert '**Ansible run of site.yml: failed**' in text
    assert '| web1 | 1 | 0 | 3 | 0 | 0 |' in text
    assert '- web1: Deploy: the disk is full' in text
    assert '- web1: Set the password: the output has been hidden due to no_log' in text
    assert '- web1: Loop: the output has been hidden due to no_log' in text
    assert 's3cret' not in text
    assert warnings(callback) == []


def test_a_second_run_edits_the_report_in_place(callback, api):
    api.get(COMMENTS, json=[{'id': 7, 'version': 1, 'text': 'an older report\n\n' + MARKER}])
    api.patch(COMMENTS + '/7', json={'id': 7, 'version': 2, 'text': 'new'})

    run(callback, {'tracker_report_issue': 'REL-42'})

    assert [call.request.method for call in api.calls] == ['GET', 'PATCH']
    assert warnings(callback) == []


def test_append_posts_a_report_of_its_own(callback, api):
    api.get(COMMENTS, json=[{'id': 7, 'text': 'an older report\n\n' + MARKER}])
    api.post(COMMENTS, status=201, json={'id': 8, 'text': 'x'})
    api.get(COMMENTS, json=[{'id': 7, 'text': 'old\n\n' + MARKER}, {'id': 8, 'text': 'x'}])

    run(callback, {'tracker_report_issue': 'REL-42', 'tracker_report_mode': 'append'})

    assert [call.request.method for call in api.calls] == ['GET', 'POST', 'GET']
    last_line = posted_text(api).splitlines()[-1]
    assert last_line.startswith('ansible-run-report-') and last_line.endswith(':site.yml') and last_line != MARKER


def test_no_issue_no_request(callback, no_api):
    run(callback, {})

    assert warnings(callback) == []


def test_a_failure_to_report_is_one_warning_without_the_token(callback, api):
    api.get(COMMENTS, status=401, json={'errorMessages': ['Not authorized ' + TOKEN], 'statusCode': 401})

    run(callback, {'tracker_report_issue': 'REL-42'})

    said = warnings(callback)
    assert len(said) == 1
    assert said[0].startswith('ytracker.tracker.report: could not report to REL-42: GET /v3/issues/REL-42/comments:'
                              ' HTTP 401 Unauthorized')
    assert TOKEN not in said[0]


def test_a_bad_issue_is_one_warning_before_any_request(callback, no_api):
    run(callback, {'tracker_report_issue': 'not an issue'})

    assert warnings(callback) == ["ytracker.tracker.report: could not report to not an issue: issue must be an issue"
                                  " key like QUEUE-123 or an issue id, got 'not an issue'"]


def test_an_unexpected_error_is_a_warning_too(callback, no_api):
    with patch('ansible_collections.ytracker.tracker.plugins.callback.report.report_text',
               side_effect=RuntimeError('boom')):
        run(callback, {'tracker_report_issue': 'REL-42'})

    assert warnings(callback) == ['ytracker.tracker.report: could not report to REL-42: RuntimeError: boom']


def test_the_connection_from_the_play_variables(callback, api, monkeypatch):
    monkeypatch.delenv('TRACKER_OAUTH_TOKEN')
    api.get('https://tracker.example/v3/issues/REL-42/comments', json=[{'id': 7, 'text': 'x\n\n' + MARKER}])
    api.patch('https://tracker.example/v3/issues/REL-42/comments/7', json={'id': 7, 'text': 'y'})

    run(callback, {'tracker_report_issue': 'REL-42', 'tracker_api_url': 'https://tracker.example',
                   'tracker_oauth_token': 'from-a-variable'})

    assert api.calls[0].request.headers['Authorization'] == 'OAuth from-a-variable'
