# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""An unexpected error ends a task with one line; exit_json and fail_json pass through."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task


class Failed(BaseException):
    pass


class Module(object):
    """Ends as AnsibleModule does: by raising something that is not an Exception."""

    def __init__(self, **params):
        self.params = dict(dict(oauth_token=None, iam_token=None), **params)

    def fail_json(self, **result):
        raise Failed(result)

    def exit_json(self, **result):
        raise SystemExit(result)


def test_an_unexpected_error_fails_with_one_line_and_the_traceback_apart():
    def run_module(module):
        raise ValueError('Invalid IPv6 URL\nsecond line')

    with pytest.raises(Failed) as failed:
        run_task(Module(), run_module)

    result = failed.value.args[0]
    assert result['msg'] == 'ValueError: Invalid IPv6 URL second line'
    assert result['exception'].startswith('Traceback (most recent call last):')
    assert result['exception'].rstrip().endswith('ValueError: Invalid IPv6 URL\nsecond line')


def test_the_module_own_ending_passes_through():
    def run_module(module):
        module.exit_json(changed=True)

    with pytest.raises(SystemExit) as exited:
        run_task(Module(), run_module)

    assert exited.value.args[0] == {'changed': True}


def test_the_module_gets_the_module():
    seen = []
    module = Module()

    run_task(module, seen.append)

    assert seen == [module]


def test_a_token_in_an_unexpected_error_is_masked_in_every_form():
    token = u'y0_secret-\u0442\u043e\u043a\u0435\u043d\n'

    def run_module(module):
        raise ValueError('Invalid header value %r, or %s' % (u'OAuth ' + token, token))

    with pytest.raises(Failed) as failed:
        run_task(Module(oauth_token=token), run_module)

    result = failed.value.args[0]
    assert result['msg'] == "ValueError: Invalid header value 'OAuth ********', or ********"
    for text in (result['msg'], result['exception']):
        assert 'y0_secret' not in text
