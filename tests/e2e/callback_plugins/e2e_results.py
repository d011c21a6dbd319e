# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A callback of the end-to-end tests: what each task registered, one JSON line per task and host."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = '''
name: e2e_results
type: aggregate
short_description: Write what each task of an end-to-end test registered
description:
  - For each task named C(Task <number>) that ran on a host, a JSON line in O(results_file) with the keys
    C(task) (the number), C(host) (its name) and C(result), what the task registered as C(outcome), as the
    C(to_json) filter writes it.
  - The result a callback is given is not that variable (its C(failed) and C(skipped) are left out, its
    C(invocation) and internal keys kept, a C(no_log) result is censored), so the callback reads the
    variable itself, once Ansible has registered it, at the next event.
requirements:
  - enabled through ANSIBLE_CALLBACKS_ENABLED
options:
  results_file:
    description: The file the lines are appended to.
    required: true
    env:
      - name: E2E_RESULTS_FILE
'''

import json
import re

from ansible.plugins.callback import CallbackBase
from ansible.plugins.filter.core import to_json

TASK_NAME = re.compile(r'^Task (\d+)$')
REGISTER = 'outcome'


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'e2e_results'
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self._pending = []  # (task number, host name, task) whose variable is not registered yet

    def _write_pending(self):
        """Ansible registers a result after the callbacks of its event: write those of the events before."""
        if not self._pending:
            return
        with open(self.get_option('results_file'), 'a') as results:
            for number, host, task in self._pending:
                facts = task._variable_manager._nonpersistent_fact_cache.get(host, {})
                if REGISTER in facts:
                    line = {'task': number, 'host': host, 'result': json.loads(to_json(facts[REGISTER]))}
                else:
                    line = {'task': number, 'host': host, 'error': 'no registered result'}
                results.write(json.dumps(line) + '\n')
        self._pending = []

    def _ran(self, result):
        self._write_pending()
        task = getattr(result, 'task', None) or result._task
        host = getattr(result, 'host', None) or result._host
        number = TASK_NAME.match(task.name or '')
        if number:
            self._pending.append((int(number.group(1)), host.get_name(), task))

    def v2_runner_on_ok(self, result, **kwargs):
        self._ran(result)

    def v2_runner_on_failed(self, result, ignore_errors=False, **kwargs):
        self._ran(result)

    def v2_runner_on_skipped(self, result, **kwargs):
        self._ran(result)

    def v2_runner_on_unreachable(self, result, **kwargs):
        self._ran(result)

    # The events that come after a registration, and before the next task registers under the same name.
    def v2_playbook_on_task_start(self, task, is_conditional):
        self._write_pending()

    def v2_playbook_on_handler_task_start(self, task):
        self._write_pending()

    def v2_playbook_on_play_start(self, play):
        self._write_pending()

    def v2_playbook_on_no_hosts_remaining(self):
        self._write_pending()

    def v2_playbook_on_stats(self, stats):
        self._write_pending()
