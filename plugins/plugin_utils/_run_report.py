# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The report of a playbook run that the callback ytracker.tracker.report posts: pure functions.

What the callback saw (a RunRecord) becomes the comment's text and its marker; nothing here sends
a request. The comment is then made what the text says by tracker_comment's flow (_comment_task,
_flow), so that the marker finds the report of an earlier run. This file is private to the
collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import time
from collections import namedtuple

# What a failed task's report says of a task whose output no_log hides.
HIDDEN = 'the output has been hidden due to no_log'
# The longest message of a failed task that the report quotes.
MESSAGE_LIMIT = 300
MARKER_PREFIX = 'ansible-run-report'

# One task that failed on one host: its name, and its message (HIDDEN under no_log).
Failure = namedtuple('Failure', ['host', 'task', 'message'])
# A host's counts, as Ansible's recap gives them (AggregateStats.summarize).
COUNTS = ('ok', 'changed', 'failures', 'unreachable', 'skipped')
COUNT_TITLES = ('ok', 'changed', 'failed', 'unreachable', 'skipped')


class RunRecord(object):
    """What a report needs of a run, as the callback's events fill it in."""

    def __init__(self, playbook, started, check_mode, run_id):
        self.playbook = playbook      # the playbook's file name as given to ansible-playbook
        self.started = started        # seconds since the epoch
        self.check_mode = check_mode
        self.run_id = run_id          # what tells this run from others of the same playbook
        self.failures = []            # Failure, in the order they came

    def failed(self, host, task, message, no_log):
        """Record a failure; under no_log only that it happened."""
        self.failures.append(Failure(host, task, HIDDEN if no_log else one_line(message)))


def one_line(message):
    """A failed task's message on one line, at most MESSAGE_LIMIT characters."""
    text = ' '.join(str(message if message is not None else 'no message').split())
    return text if len(text) <= MESSAGE_LIMIT else text[:MESSAGE_LIMIT - 3] + '...'


def run_id(started, pid):
    """An id of one run: when it started, to the second, and the process that ran it."""
    return '%s-%d' % (time.strftime('%Y%m%dT%H%M%SZ', time.gmtime(started)), pid)


def playbook_name(path):
    return os.path.basename(path or '') or 'playbook'


def report_marker(record, mode):
    """The marker of the run's comment: one per playbook (update), or one per run (append).

    The per-run one does not contain the per-playbook one as a whole (the marker rule of
    _comments.marker_pattern), so an update never edits a report appended by another run.
    """
    name = playbook_name(record.playbook)
    if mode == 'append':
        return '%s-%s:%s' % (MARKER_PREFIX, record.run_id, name)
    return '%s:%s' % (MARKER_PREFIX, name)


def report_text(record, counts, ended):
    """The comment's text: ``counts`` maps each host to its AggregateStats.summarize(), ``ended`` is
    when the run ended (seconds since the epoch)."""
    failed = record.failures or any(counts[host]['failures'] or counts[host]['unreachable'] for host in counts)
    lines = [
        '**Ansible run of %s: %s**' % (playbook_name(record.playbook), 'failed' if failed else 'ok'),
        '',
        'Started %s, took %.1f s. Check mode: %s.' % (
            time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime(record.started)), max(ended - record.started, 0.0),
            'yes' if record.check_mode else 'no'),
        '',
        '| host | %s |' % ' | '.join(COUNT_TITLES),
        '|' + '---|' * (len(COUNTS) + 1),
    ]
    for host in sorted(counts):
        lines.append('| %s | %s |' % (host, ' | '.join(str(counts[host].get(name, 0)) for name in COUNTS)))
    if not counts:
        lines.append('| (no hosts) |' + ' |' * len(COUNTS))
    if record.failures:
        lines += ['', 'Failed tasks:', '']
        lines += ['- %s: %s: %s' % (failure.host, failure.task, failure.message) for failure in record.failures]
    return '\n'.join(lines) + '\n'
