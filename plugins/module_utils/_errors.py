# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""The errors of the Tracker client, apart so that _paging.py and _tracker.py both raise them.

Import them from _tracker.py, which is the client's one entry. This file is private to the
collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class TrackerError(Exception):
    """A failure to report to the user as it is: one line, no traceback."""

    # Whether an earlier attempt of the same request may have taken effect (it got a 5xx, or no
    # answer at all) before the answer that this error reports: a DELETE's 404 is then its own work.
    after_lost_attempt = False

    def __init__(self, message, status=None):
        super(TrackerError, self).__init__(message)
        self.status = status


class OutcomeUnknown(TrackerError):
    """A write that may or may not have taken effect."""
