# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The text and the marker of a run's report: pure functions."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._comments import identified, wanted_comment
from ansible_collections.ytracker.tracker.plugins.plugin_utils._run_report import (
    HIDDEN,
    RunRecord,
    report_marker,
    report_text,
    run_id,
)

STARTED = 1784441889.0  # 2026-07-19 06:18:09 UTC


def counts(ok=0, changed=0, failures=0, unreachable=0, skipped=0):
    return dict(ok=ok, changed=changed, failures=failures, unreachable=unreachable, skipped=skipped, rescued=0,
                ignored=0)


def record(check_mode=False):
    return RunRecord('deploy/site.yml', STARTED, check_mode, run_id(STARTED, 4242))


def test_a_run_that_went_well():
    text = report_text(record(), {'web2': counts(ok=3), 'web1': counts(ok=2, changed=1)}, STARTED + 12.34)

    assert text == '\n'.join([
        '**Ansible run of site.yml: ok**',
        '',
        'Started 2026-07-19 06:18:09 UTC, took 12.3 s. Check mode: no.',
        '',
        '| host | ok | changed | failed | unreachable | skipped |',
        '|---|---|---|---|---|---|',
        '| web1 | 2 | 1 | 0 | 0 | 0 |',
        '| web2 | 3 | 0 | 0 | 0 | 0 |',
    ]) + '\n'


def test_failures_with_their_messages_on_one_line_and_no_log_hidden():
    run = record(check_mode=True)
    run.failed('web1', 'Deploy', 'the disk\nis full', no_log=False)
    run.failed('web2', 'Secret', 'the password is s3cret', no_log=True)
    run.failed('web3', 'Long', 'x' * 1000, no_log=False)

    text = report_text(run, {'web1': counts(failures=1), 'web2': counts(failures=1), 'web3': counts(unreachable=1)},
                       STARTED)

    assert text.startswith('**Ansible run of site.yml: failed**')
    assert 'Check mode: yes.' in text
    assert '- web1: Deploy: the disk is full' in text
    assert '- web2: Secret: %s' % HIDDEN in text and 's3cret' not in text
    assert '- web3: Long: %s...' % ('x' * 297) in text


def test_an_unreachable_host_is_a_failed_run():
    assert report_text(record(), {'web1': counts(unreachable=1)}, STARTED).startswith('**Ansible run of site.yml: failed**')


def test_markers_per_playbook_and_per_run_never_find_each_other():
    update, append = report_marker(record(), 'update'), report_marker(record(), 'append')

    assert update == 'ansible-run-report:site.yml'
    assert append == 'ansible-run-report-20260719T061809Z-4242:site.yml'
    appended = {'id': 1, 'text': wanted_comment('report', append, 'present').text}
    updated = {'id': 2, 'text': wanted_comment('report', update, 'present').text}
    assert identified([appended, updated], wanted_comment('new', update, 'present')) == [updated]
    assert identified([appended, updated], wanted_comment('new', append, 'present')) == [appended]
