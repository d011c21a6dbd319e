# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Run a module's task so that even an unexpected error ends it with one line.

Shared by the modules' main() and by the action plugin that runs them on the controller, so both
ways report the same. This file is private to the collection (leading underscore): it may change
without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import traceback

from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import mask, module_secrets, redact


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
