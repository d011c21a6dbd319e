# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Records of time spent for tracker_emulator.py, as new-worklog.md, issue-worklog.md,
patch-worklog.md and delete-worklog.md describe them.

A record has a number id, counting up. Its start is answered in UTC (+0000) whatever zone it was
sent in, and its duration as Tracker normalises it, in business time (a week of 5 days, a day of 8
hours): P5D comes back as P1W, PT520M as P1DT40M. An edit takes duration (required, 422 without)
and comment only; a start in it is refused (400). Nothing makes a start unique: two adds of one
start make two records.

Its author is shown as the reference's examples show it, {"self": ".../users/<uid>", "id":
"<login>", "display"}; worklog_author "uid" shows the uid as the id, as other objects name users.
"""

import itertools
import re
from datetime import datetime, timedelta, timezone

from tracker_emulator_resource import Answer, Problem, now
from tracker_emulator_users import TOKEN_USER

DEFAULTS = {'worklog_author': 'login'}
SETTINGS = tuple(DEFAULTS)
AUTHOR_SHAPES = ('login', 'uid')
# A record's first version, as the reference's example shows one; each edit counts it up.
FIRST_VERSION = 1402121720882
MINUTE, HOUR = 60, 3600
DAY, WEEK = 8 * HOUR, 40 * HOUR
DURATION = re.compile(r'^P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?'
                      r'(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?$')
MOMENT = re.compile(r'^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.([0-9]{1,3}))?([+-][0-9]{4}|Z)$')


class Worklogs:
    """Every issue's records of time spent: {key: [records]}."""

    def __init__(self, users):
        self.users = users
        self.by_issue = {}
        self.ids = itertools.count(1)

    def of(self, key):
        return self.by_issue.setdefault(key, [])

    def add(self, key, body, author=TOKEN_USER):
        if not isinstance(body, dict):
            raise Problem(422, 'Request body must be a JSON object.')
        missing = {name: 'Required field.' for name in ('start', 'duration') if not body.get(name)}
        if missing:
            raise Problem(422, 'Validation failed.', missing)
        stamp = now()
        record = {'id': next(self.ids), 'version': FIRST_VERSION, 'start': moment(body['start']),
                  'duration': duration(body['duration']), 'comment': comment(body), 'author': author,
                  'editor': author, 'created': stamp, 'updated': stamp}
        self.of(key).append(record)
        return record

    def find(self, key, record_id):
        for record in self.of(key):
            if str(record['id']) == record_id:
                return record
        raise Problem(404, 'Worklog does not exist.')

    def view(self, api, issue, record, author_shape):
        return {
            'self': '%s/issues/%s/worklog/%d' % (api, issue['key'], record['id']),
            'id': record['id'],
            'version': record['version'],
            'issue': {'self': '%s/issues/%s' % (api, issue['key']), 'id': issue['id'], 'key': issue['key'],
                      'display': issue['summary']},
            'comment': record['comment'],
            'createdBy': self.user_view(api, record['author'], author_shape),
            'updatedBy': self.user_view(api, record['editor'], author_shape),
            'createdAt': record['created'],
            'updatedAt': record['updated'],
            'start': record['start'],
            'duration': record['duration'],
        }

    def user_view(self, api, uid, shape):
        user = self.users.find(uid)
        shown = user['login'] if shape == 'login' else str(user['uid'])
        return {'self': '%s/users/%s' % (api, user['uid']), 'id': shown, 'display': user['display']}


def comment(body):
    value = body.get('comment', '')
    if not isinstance(value, str):
        raise Problem(400, 'comment must be a string.', {'comment': 'Invalid value.'})
    return value


def moment(value):
    """A start as the API stores and answers it: in UTC, YYYY-MM-DDThh:mm:ss.sss+0000; Problem 400 otherwise."""
    found = MOMENT.match(value) if isinstance(value, str) else None
    if not found:
        raise Problem(400, 'start must be given as YYYY-MM-DDThh:mm:ss.sss+hhmm.', {'start': 'Invalid value.'})
    zone = found.group(3)
    offset = timedelta(0) if zone == 'Z' else (1 if zone[0] == '+' else -1) * timedelta(
        hours=int(zone[1:3]), minutes=int(zone[3:]))
    try:
        local = datetime.strptime(found.group(1), '%Y-%m-%dT%H:%M:%S')
    except ValueError:
        raise Problem(400, 'start is not a real moment.', {'start': 'Invalid value.'})
    instant = (local - offset).replace(tzinfo=timezone.utc)
    return instant.strftime('%Y-%m-%dT%H:%M:%S.') + '%03d+0000' % int((found.group(2) or '0').ljust(3, '0'))


def duration(value):
    """A duration as Tracker answers it, in business weeks, days, hours, minutes and seconds; Problem 400."""
    found = DURATION.match(value) if isinstance(value, str) else None
    if not found or value in ('P', 'PT') or value.endswith('T'):
        raise Problem(400, 'duration must be an ISO 8601 duration such as PT1H30M.', {'duration': 'Invalid value.'})
    years, months, weeks, days, hours, minutes, seconds = (int(part or 0) for part in found.groups())
    if years or months:
        raise Problem(400, 'duration in years or months is not supported.', {'duration': 'Invalid value.'})
    left = weeks * WEEK + days * DAY + hours * HOUR + minutes * MINUTE + seconds
    if left <= 0:
        raise Problem(400, 'duration must be longer than nothing.', {'duration': 'Invalid value.'})
    days_part, time_part = '', ''
    for letter, length in (('W', WEEK), ('D', DAY), ('H', HOUR), ('M', MINUTE), ('S', 1)):
        count, left = divmod(left, length)
        if count and length >= DAY:
            days_part += '%d%s' % (count, letter)
        elif count:
            time_part += '%d%s' % (count, letter)
    return 'P' + days_part + ('T' + time_part if time_part else '')


def answer(tracker, request, status, record):
    return Answer(status, tracker.worklogs.view(request.api, request.issue, record, tracker.config['worklog_author']))


# HTTP

def list_records(tracker, request):
    issue = request.issue
    shape = tracker.config['worklog_author']
    return Answer(200, [tracker.worklogs.view(request.api, issue, record, shape)
                        for record in tracker.worklogs.of(issue['key'])])


def add_record(tracker, request):
    return answer(tracker, request, 201, tracker.worklogs.add(request.issue['key'], request.body))


def edit_record(tracker, request):
    record = tracker.worklogs.find(request.issue['key'], request.params['record'])
    body = request.body
    if 'start' in body:
        raise Problem(400, 'Field start cannot be changed.', {'start': 'Read-only field.'})
    if not body.get('duration'):
        raise Problem(422, 'Validation failed.', {'duration': 'Required field.'})
    record.update(duration=duration(body['duration']), editor=TOKEN_USER, updated=now(),
                  version=record['version'] + 1)
    if 'comment' in body:
        record['comment'] = comment(body)
    return answer(tracker, request, 200, record)


def delete_record(tracker, request):
    key = request.issue['key']
    tracker.worklogs.of(key).remove(tracker.worklogs.find(key, request.params['record']))
    return Answer(204)


def seed_records(tracker, request):
    """Add records without a request each, also by another user: {"issue": "TEST-1", "records":
    [{"start", "duration", "comment", "author": a login or uid}]}."""
    key = tracker.issues.find(request.body.get('issue', ''))['key']
    added = []
    for one in request.body.get('records', []):
        author = tracker.users.find(one.get('author', TOKEN_USER))['uid']
        added.append(tracker.worklogs.add(key, one, author)['id'])
    return Answer(200, {'added': len(added), 'ids': added})
