# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure parsing and comparing of the times and durations Tracker takes and answers.

Tracker writes moments as ``YYYY-MM-DDThh:mm:ss.sss±hhmm`` and answers them in UTC, whatever
zone they were sent in (a worklog's ``start`` sent at +0500 comes back at +0000), so moments are
compared as instants, never as text. Durations are ISO 8601 (``PT1H30M``) counted in business
time: a week is 5 days and a day 8 hours, so ``P5D`` comes back as ``P1W`` and ``PT520M`` as
``P1DT40M``; they are compared as seconds of that calendar. This file is private to the
collection (leading underscore): it may change without notice. It does no I/O.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
from datetime import datetime, timedelta, timezone

MOMENT = re.compile(
    r'^(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})'
    r'(?:[T ](?P<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?)'
    r'\s*(?P<zone>Z|[+-][0-9]{2}:?[0-9]{2})?)?$', re.IGNORECASE)
# Business time, as Tracker counts durations.
MINUTE = 60
HOUR = 60 * MINUTE
DAY = 8 * HOUR
WEEK = 5 * DAY
ISO_DURATION = re.compile(
    r'^P(?:(?P<years>[0-9]+)Y)?(?:(?P<months>[0-9]+)M)?(?:(?P<weeks>[0-9]+)W)?(?:(?P<days>[0-9]+)D)?'
    r'(?:T(?:(?P<hours>[0-9]+)H)?(?:(?P<minutes>[0-9]+)M)?(?:(?P<seconds>[0-9]+(?:[.,][0-9]+)?)S)?)?$',
    re.IGNORECASE)
# As playbooks write durations: 1h30m, 90m, 2d 4h, 1w.
SHORT_DURATION = re.compile(r'([0-9]+(?:\.[0-9]+)?)\s*(w|d|h|m|s)', re.IGNORECASE)
SHORT_UNITS = {'w': WEEK, 'd': DAY, 'h': HOUR, 'm': MINUTE, 's': 1}
DURATION_PARTS = (('W', WEEK), ('D', DAY), ('H', HOUR), ('M', MINUTE), ('S', 1))


def parse_moment(option, value):
    """``value`` (2026-12-03, 2026-12-03T10:30, ...T10:30:00.000+0300, ...Z) as an instant in UTC.

    Without a zone it is taken as UTC, without a time as midnight. ValueError names ``option``.
    """
    found = MOMENT.match(str(value).strip())
    if not found:
        raise ValueError('%s must be a date or a moment such as 2026-12-03 or 2026-12-03T10:30:00+03:00, got %r'
                         % (option, value))
    text = found.group('date') + 'T' + (found.group('time') or '00:00')
    if len(text) == 16:
        text += ':00'
    seconds, dummy, fraction = text.replace(',', '.').partition('.')
    try:
        moment = datetime.strptime(seconds, '%Y-%m-%dT%H:%M:%S')
    except ValueError:
        raise ValueError('%s is no real date or time: %r' % (option, value))
    moment += timedelta(microseconds=int((fraction + '000000')[:6]) if fraction else 0)
    return moment.replace(tzinfo=zone(found.group('zone'))).astimezone(timezone.utc)


def zone(text):
    if not text or text.upper() == 'Z':
        return timezone.utc
    sign = -1 if text[0] == '-' else 1
    digits = text[1:].replace(':', '')
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def answered_moment(value):
    """A moment as Tracker answers it, as an instant; None when it is none or not a moment."""
    if value in (None, ''):
        return None
    try:
        return parse_moment('answer', value)
    except ValueError:
        return None


def sent_moment(moment):
    """An instant as Tracker's bodies take it: 2026-12-03T07:30:00.000+0000."""
    return moment.strftime('%Y-%m-%dT%H:%M:%S.') + '%03d+0000' % (moment.microsecond // 1000)


def parse_duration(option, value):
    """A duration (PT1H30M, P1W, 1h30m, 90m, 2d 4h) as seconds of business time; ValueError names ``option``.

    Years and months have no length in Tracker's business calendar: only zeros of them are taken.
    """
    text = str(value).strip()
    iso = ISO_DURATION.match(text)
    if iso and text.upper() not in ('P', 'PT') and not text.upper().endswith('T'):
        parts = iso.groupdict()
        if int(parts['years'] or 0) or int(parts['months'] or 0):
            raise ValueError('%s: durations in years or months have no length in business time, got %r: give weeks,'
                             ' days, hours or minutes' % (option, value))
        seconds = sum(float((parts[name] or '0').replace(',', '.')) * length for name, length in (
            ('weeks', WEEK), ('days', DAY), ('hours', HOUR), ('minutes', MINUTE), ('seconds', 1)))
        return checked_seconds(option, value, seconds)
    pieces = SHORT_DURATION.findall(text)
    if pieces and not SHORT_DURATION.sub('', text).strip():
        return checked_seconds(option, value, sum(float(number) * SHORT_UNITS[unit.lower()]
                                                  for number, unit in pieces))
    raise ValueError('%s must be a duration such as PT1H30M (ISO 8601) or 1h30m, got %r' % (option, value))


def checked_seconds(option, value, seconds):
    if seconds <= 0:
        raise ValueError('%s must be longer than nothing, got %r' % (option, value))
    return int(round(seconds))


def answered_duration(value):
    """A duration as Tracker answers it, as seconds; None when it is none or not a duration."""
    try:
        return parse_duration('answer', value)
    except (ValueError, TypeError):
        return None


def iso_duration(seconds):
    """Seconds of business time as Tracker writes them: P1WT20M, P1DT40M, PT1H30M."""
    days, time = '', ''
    for letter, length in DURATION_PARTS:
        count, seconds = divmod(seconds, length)
        if count and length >= DAY:
            days += '%d%s' % (count, letter)
        elif count:
            time += '%d%s' % (count, letter)
    return 'P' + days + ('T' + time if time else '')
