# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_issue_info through ansible-playbook, against the emulator."""

import pytest

MODULE = 'ytracker.tracker.tracker_issue_info'
SEARCH = 'POST /v3/issues/_search'


def info(**args):
    return {MODULE: args}


def keys(result):
    return [issue['key'] for issue in result['issues']]


@pytest.mark.parametrize('paging', ['link-header', 'total-pages'])
def test_every_page_of_a_search_is_read(playbook, start_emulator, paging, execution):
    emulator = start_emulator(*(['--no-link-header'] if paging == 'total-pages' else []))
    emulator.call('POST', '/_emulator/issues', {'queue': 'BULK', 'count': 120})

    run = playbook(info(queue='BULK'), info(filter={'queue': 'BULK'}, order='-key', limit=60),
                   env={'TRACKER_API_URL': emulator.url}, execution=execution)

    everything, limited = run.results
    assert everything['changed'] is False, run.output
    assert keys(everything) == ['BULK-%d' % number for number in range(1, 121)]
    assert keys(limited) == ['BULK-%d' % number for number in range(120, 60, -1)]
    assert emulator.requests() == [SEARCH] * 5


def test_one_issue_keys_filter_and_query(playbook, emulator, execution):
    emulator.api('POST', '/issues/', {'queue': 'REL', 'summary': 'B release', 'unique': 'release-2',
                                      'assignee': 'alice', 'tags': ['release']})
    emulator.api('POST', '/issues/', {'queue': 'REL', 'summary': 'A release', 'unique': 'release-1'})

    run = playbook(info(key='rel-1'), info(key='REL-9'), info(keys=['REL-1', 'REL-2']),
                   info(filter={'unique': 'release-2'}), info(query='Queue: REL Tags: release'),
                   info(query='Queue: REL "Sort by": Summary DESC'), execution=execution)

    one, missing, by_keys, by_filter, by_query, sorted_query = run.results
    assert keys(one) == ['REL-1'], run.output
    assert missing['failed'] is True and missing['status'] == 404  # an issue a task names must exist
    assert keys(by_keys) == ['REL-2', 'REL-1']  # sorted by summary, as the reference says
    assert keys(by_filter) == ['REL-1']
    assert by_filter['issues'][0]['assignee']['display'] == 'Alice Smith'
    assert keys(by_query) == ['REL-1']
    assert keys(sorted_query) == ['REL-1', 'REL-2']


def test_bad_input_fails_before_any_request(playbook, emulator, execution):
    run = playbook(info(queue='REL', order='-key'), info(queue='REL', query='Queue: REL'), execution=execution)

    order, both = run.results
    assert order['failed'] is True and order['msg'].startswith('order works with filter only')
    assert both['failed'] is True and 'mutually exclusive' in both['msg']
    assert emulator.request_log() == []
