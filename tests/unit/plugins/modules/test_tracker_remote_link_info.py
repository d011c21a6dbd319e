# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_remote_link_info: reads every page, filters, never writes."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.modules.tracker_remote_link_info import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    CONNECTION,
    LINKS,
    api_link,
    run_module,
)

CURRENT = [api_link(1, key='build-1'), api_link(2, origin='vcs.example', key='PR-1'), api_link(3, key='build-2')]


@pytest.mark.parametrize('filters, expected', [
    ({}, [1, 2, 3]),
    ({'origin': 'ci.example'}, [1, 3]),
    ({'key': 'PR-1'}, [2]),
    ({'origin': 'ci.example', 'key': 'PR-1'}, []),
])
def test_lists_every_page_and_filters(api, filters, expected):
    api.get(LINKS, json=CURRENT[:2], headers={'Link': '<%s?page=2&perPage=2>; rel="next"' % LINKS})
    api.get(LINKS + '?page=2&perPage=2', json=CURRENT[2:])

    result, failed = run_module(main, issue='TEST-1', **dict(CONNECTION, **filters))

    assert not failed
    assert result['changed'] is False
    assert [link['id'] for link in result['links']] == expected
    assert [call.request.method for call in api.calls] == ['GET', 'GET']


def test_check_mode_reads_the_same(api):
    api.get(LINKS, json=CURRENT)

    result, failed = run_module(main, check_mode=True, issue='TEST-1', **CONNECTION)

    assert not failed and len(result['links']) == 3


def test_an_unknown_issue_fails_with_the_api_message(api):
    api.get(LINKS, status=404, json={'errors': {}, 'errorMessages': ['Issue does not exist.'], 'statusCode': 404})

    result, failed = run_module(main, issue='TEST-1', **CONNECTION)

    assert failed
    assert result['msg'].startswith('GET /v3/issues/TEST-1/remotelinks: HTTP 404 Not Found: Issue does not exist.')
    assert result['status'] == 404


@pytest.mark.parametrize('issue', ['', '..'])
def test_a_bad_issue_fails_before_any_request(no_api, issue):
    result, failed = run_module(main, issue=issue, **CONNECTION)

    assert failed and 'issue must' in result['msg']
