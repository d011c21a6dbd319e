# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Start and end a module's task alike on both ways it runs.

Shared by the modules' main() and by the action plugin that runs them on the controller, so both
ways report the same: an unexpected error ends the task with one line, unusable connection options
fail it before any request, and a task that had to wait for Tracker says so. This file is private
to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import traceback

from ansible_collections.ytracker.tracker.plugins.module_utils._options import mask, module_secrets, redact
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerClient, TrackerError


def run_task(module, run_module):
    """Call ``run_module(module)``; an exception it does not expect fails the task.

    The message is one line, "<ExceptionType>: <text>"; the traceback goes under ``exception``,
    which Ansible shows only at -vvv. Both have every form of a token masked, as the client's
    own messages do. exit_json and fail_json end the task with an exception that is not an
    Exception (SystemExit, or the controller's own), so they pass through.
    """
    try:
        run_module(module)
    except Exception as error:
        secrets = module_secrets(module.params)
        module.fail_json(msg=redact('%s: %s' % (type(error).__name__, error), secrets),
                         exception=mask(traceback.format_exc(), secrets))


def tracker_client(module):
    """The module's TrackerClient; options it cannot use fail the task, before any request."""
    try:
        return TrackerClient(module.params)
    except TrackerError as error:
        module.fail_json(msg=str(error))


def report_waits(module, client):
    """One warning when the client had to repeat requests (rate limits, retries), none otherwise."""
    summary = client.waits_summary()
    if summary:
        module.warn(summary)


def exit_task(module, client, **result):
    """End the task with ``result``."""
    report_waits(module, client)
    module.exit_json(**result)


def fail_task(module, client, error, **result):
    """Fail the task with a TrackerError's message and status; ``result`` says what was done before."""
    report_waits(module, client)
    module.fail_json(msg=str(error), status=error.status, **result)


def run_read(module, read):
    """An info module's task: ``read(client)`` gives the result's fields; nothing is changed.

    A TrackerError fails the task with its message and status, as a resource task's does.
    """
    client = tracker_client(module)
    try:
        result = read(client)
    except TrackerError as error:
        fail_task(module, client, error)
    exit_task(module, client, changed=False, **result)
