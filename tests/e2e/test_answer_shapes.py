# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The main scenarios against every answer the reference allows: both link shapes, both paging styles."""

import re

import pytest

LINKS = '/v3/issues/TEST-1/remotelinks'
TEAMCITY = 'ru.yandex.teamcity'


def origin_and_key(link):
    """The link as the test wrote it: the origin is in object.self in every shape."""
    origin = re.search(r'/applications/([^/]+)/objects/', link['object']['self']).group(1)
    return '%s:%s' % (origin, link['object']['key'])


def keys(links):
    return sorted(origin_and_key(link) for link in links)


def link(key, **args):
    return {'ytracker.tracker.tracker_remote_link': dict({'issue': 'TEST-1', 'origin': TEAMCITY, 'key': key}, **args)}


@pytest.mark.parametrize('paging', ['link-header', 'total-pages'])
@pytest.mark.parametrize('shape', ['origin', 'reference'])
def test_every_scenario_acts_on_exactly_the_named_links(playbook, start_emulator, shape, paging, execution):
    arguments = ['--page-size', '2', '--link-shape', shape]
    if paging == 'total-pages':
        arguments.append('--no-link-header')
    emulator = start_emulator(*arguments)
    for key in ('build-1', 'build-2', 'build-2', 'build-3'):
        emulator.add_link(key=key)
    emulator.add_link(origin='com.github', key='PR-1')
    emulator.add_link(key='build-4')  # on the third page
    if shape == 'reference':
        assert emulator.links()[0]['object']['application']['id'].isdigit()
    # The first create is made, then answered 500: only reading can tell it was made.
    emulator.arm({'kind': 'create_then_500', 'method': 'POST'})
    emulator.forget()
    info = 'ytracker.tracker.tracker_remote_link_info'

    run = playbook(
        link('build-9', api_url=emulator.url),
        link('build-9', api_url=emulator.url),
        link('build-4', api_url=emulator.url),
        link('build-2', api_url=emulator.url, state='absent'),
        {info: {'issue': 'TEST-1', 'api_url': emulator.url, 'origin': TEAMCITY}},
        {'ytracker.tracker.tracker_remote_link': {'issue': 'TEST-1', 'api_url': emulator.url, 'purge': True,
                                                  'links': [{'origin': TEAMCITY, 'key': 'build-1'}]}},
        options=['--diff'], execution=execution)

    created, again, beyond_first_page, absent, listed, purged = run.results
    assert run.rc == 0, run.output
    assert created['changed'] is True and origin_and_key(created['link']) == TEAMCITY + ':build-9'
    assert again['changed'] is False and again['link']['id'] == created['link']['id']
    assert beyond_first_page['changed'] is False
    assert keys(absent['removed']) == [TEAMCITY + ':build-2'] * 2
    assert keys(listed['links']) == [TEAMCITY + ':' + key for key in ('build-1', 'build-3', 'build-4', 'build-9')]
    assert keys(purged['removed']) == [TEAMCITY + ':' + key for key in ('build-3', 'build-4', 'build-9')]
    # The diff names the application as the task does, in either shape.
    assert purged['diff']['after'] == 'com.github:PR-1 (relates)\nru.yandex.teamcity:build-1 (relates)\n'
    assert [entry for entry in emulator.requests() if entry.startswith('POST')] == ['POST ' + LINKS]
    assert keys(emulator.links()) == ['com.github:PR-1', TEAMCITY + ':build-1']
    first_read = [entry['query'] for entry in emulator.request_log() if entry['method'] == 'GET'][:3]
    if paging == 'total-pages':
        assert first_read == ['', 'page=2', 'page=3']
    else:
        assert first_read == ['', 'page=2&perPage=2', 'page=3&perPage=2']
