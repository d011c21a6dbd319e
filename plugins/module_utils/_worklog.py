# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic about an issue's records of time spent: which one a task means, and what has to change.

This file is private to the collection (leading underscore): it may change without notice. It
does no I/O: every function is a plain function of its arguments and is tested as such.

A record is identified by its start, as an instant, and its author, the token's user: two people
who log the same window each have their own. Durations are compared as Tracker normalises them
(_times.py), so a record whose duration only looks different (P5D and P1W) is never edited. A
record's start cannot be edited (the reference's PATCH takes duration and comment only).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._common import Plan, id_order
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import same_text, user_ids
from ansible_collections.ytracker.tracker.plugins.module_utils._times import (
    answered_duration,
    answered_moment,
    iso_duration,
    parse_duration,
    parse_moment,
    sent_moment,
)

# What a task asks for: the start (an instant in UTC), the duration (seconds of business time;
# None with state=absent) and the comment (None: left as it is).
WantedRecord = namedtuple('WantedRecord', ['start', 'duration', 'comment'])
# One write the plan asks for: the record's start, the body sent, and the record as it will be.
Change = namedtuple('Change', ['start', 'body', 'after'])


def wanted_record(start, duration, comment, state):
    """The WantedRecord of a task's options; ValueError for what cannot be one."""
    if start is None or not str(start).strip():
        raise ValueError('start must not be empty: it identifies the record of time spent')
    moment = parse_moment('start', start)
    if state == 'present' and (duration is None or not str(duration).strip()):
        raise ValueError('duration is required with state=present, such as PT1H30M or 1h30m')
    seconds = parse_duration('duration', duration) if duration is not None and state == 'present' else None
    return WantedRecord(moment, seconds, comment)


def starts_at(record, moment):
    return answered_moment(record.get('start')) == moment


def by_author(record, author_ids):
    """Whether the token's user (``author_ids``: its ids) wrote ``record``."""
    return bool(user_ids(record.get('createdBy')) & author_ids)


def starting(records, moment):
    return [record for record in records if starts_at(record, moment)]


def identified(records, wanted, author_ids):
    """The records the task means: those of its start, written by the token's user, in the API's order."""
    return [record for record in starting(records, wanted.start) if by_author(record, author_ids)]


def plan_worklog(wanted, records, state, author_ids):
    """The Plan that makes the issue hold, or not hold, the task's record.

    present: nothing when the record of the start (the lowest id, when there are twins) has the
    duration and the comment; else one PATCH with the duration, which the reference requires, and
    the comment; a record only when there is none. absent: delete every record the task means.
    """
    found = identified(records, wanted, author_ids)
    if state == 'absent':
        return Plan(to_create=[], to_update=[], to_delete=found, kept=[])
    if not found:
        body = {'start': sent_moment(wanted.start), 'duration': iso_duration(wanted.duration)}
        if wanted.comment is not None:
            body['comment'] = wanted.comment
        return Plan(to_create=[Change(wanted.start, body, body)], to_update=[], to_delete=[], kept=[])
    record = min(found, key=id_order)
    comment_differs = wanted.comment is not None and not same_text(wanted.comment, record.get('comment'))
    if answered_duration(record.get('duration')) == wanted.duration and not comment_differs:
        return Plan(to_create=[], to_update=[], to_delete=[], kept=[record])
    body = {'duration': iso_duration(wanted.duration)}
    if comment_differs:
        body['comment'] = wanted.comment
    return Plan(to_create=[], to_update=[(record, Change(wanted.start, body, dict(record, **body)))], to_delete=[],
                kept=[])


def describe_record(record):
    """One diff line: '2026-12-03T07:30:00Z PT1H30M: maintenance window'."""
    moment = answered_moment(record.get('start'))
    seconds = answered_duration(record.get('duration'))
    line = '%s %s' % (moment.strftime('%Y-%m-%dT%H:%M:%SZ') if moment else record.get('start'),
                      iso_duration(seconds) if seconds else record.get('duration'))
    comment = ' '.join(str(record.get('comment') or '').split())
    return line + (': ' + comment if comment else '')
