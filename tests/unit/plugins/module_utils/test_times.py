# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Moments and durations as Tracker takes and answers them."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._times import (
    answered_duration,
    answered_moment,
    iso_duration,
    parse_duration,
    parse_moment,
    sent_moment,
)


@pytest.mark.parametrize('value, sent', [
    ('2026-12-03', '2026-12-03T00:00:00.000+0000'),
    ('2026-12-03T10:30', '2026-12-03T10:30:00.000+0000'),
    ('2026-12-03 10:30:15Z', '2026-12-03T10:30:15.000+0000'),
    ('2021-09-21T15:30:00.000+0500', '2021-09-21T10:30:00.000+0000'),
    ('2026-12-03T01:00:00.250-02:30', '2026-12-03T03:30:00.250+0000'),
    ('2026-12-31T23:30:00+00:00', '2026-12-31T23:30:00.000+0000'),
])
def test_moments_are_instants_in_utc(value, sent):
    assert sent_moment(parse_moment('start', value)) == sent


def test_an_answered_moment_equals_the_sent_one_in_another_zone():
    assert answered_moment('2021-09-21T10:30:00.000+0000') == parse_moment('start', '2021-09-21T15:30:00+05:00')
    assert answered_moment(None) is None and answered_moment('soon') is None


@pytest.mark.parametrize('value, message', [
    ('tomorrow', 'start must be a date or a moment'),
    ('2026-13-01', 'start is no real date or time'),
    ('2026-12-03T25:00', 'start is no real date or time'),
    ('03.12.2026', 'start must be a date or a moment'),
])
def test_what_is_no_moment_is_refused(value, message):
    with pytest.raises(ValueError, match=message):
        parse_moment('start', value)


@pytest.mark.parametrize('value, seconds', [
    ('PT1H30M', 5400),
    ('1h30m', 5400),
    ('90m', 5400),
    ('1h 30m', 5400),
    ('P5D', 5 * 8 * 3600),
    ('P1W', 5 * 8 * 3600),
    ('1w', 5 * 8 * 3600),
    ('PT520M', 520 * 60),
    ('P1DT40M', 520 * 60),
    ('P0Y0M30DT2H10M25S', 30 * 8 * 3600 + 2 * 3600 + 10 * 60 + 25),
    ('pt45m', 2700),
    ('1.5h', 5400),
])
def test_durations_are_counted_in_business_time(value, seconds):
    assert parse_duration('duration', value) == seconds


@pytest.mark.parametrize('seconds, written', [
    (5 * 8 * 3600, 'P1W'),
    (5 * 8 * 3600 + 20 * 60, 'P1WT20M'),
    (520 * 60, 'P1DT40M'),
    (5400, 'PT1H30M'),
    (6 * 5 * 8 * 3600, 'P6W'),
    (61, 'PT1M1S'),
])
def test_durations_are_written_as_tracker_normalises_them(seconds, written):
    assert iso_duration(seconds) == written
    assert answered_duration(written) == seconds


@pytest.mark.parametrize('value, message', [
    ('P1M', 'years or months have no length'),
    ('P1Y', 'years or months have no length'),
    ('PT0M', 'longer than nothing'),
    ('0h', 'longer than nothing'),
    ('P', 'must be a duration'),
    ('PT', 'must be a duration'),
    ('1 hour', 'must be a duration'),
    ('1h30', 'must be a duration'),
    ('', 'must be a duration'),
])
def test_what_is_no_duration_is_refused(value, message):
    with pytest.raises(ValueError, match=message):
        parse_duration('duration', value)
    assert answered_duration(value) is None
