# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Run a module of the collection inside Ansible's own process when it would run on the controller.

A module that talks to an HTTP API spends most of its time starting: a new Python, the AnsiballZ
payload, AnsibleModule and requests, for every task and every loop item. When the task runs on
the controller through the local connection anyway, the action plugin calls the module's
``run_module()`` in the worker process instead, with the same argument checks, check mode, diff
and no_log handling as AnsibleModule. Anything else (another connection, become, a task
``environment``, async, no requests for Ansible's Python) executes the module as usual.

This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.plugins.action import ActionBase

from ansible_collections.ytracker.tracker.plugins.module_utils import _tracker


class ModuleExit(Exception):
    """How ControllerModule.exit_json and fail_json end run_module()."""

    def __init__(self, result):
        super(ModuleExit, self).__init__('module exited')
        self.result = result


class ControllerModule(object):
    """The part of AnsibleModule that the collection's modules use, for a run in this process."""

    def __init__(self, args, check_mode, diff, argument_spec, **checks):
        checks.pop('supports_check_mode', None)
        validation = ArgumentSpecValidator(argument_spec, **checks).validate(args)
        self.no_log_values = validation._no_log_values
        self.params = validation.validated_parameters
        self.check_mode = check_mode
        self._diff = diff
        if validation.error_messages:
            self.fail_json(msg=validation.errors.msg)

    def exit_json(self, **result):
        result.setdefault('changed', False)
        raise ModuleExit(remove_values(result, self.no_log_values))

    def fail_json(self, msg, **result):
        result.update(failed=True, msg=msg)
        result.pop('exception', None)
        raise ModuleExit(remove_values(result, self.no_log_values))


class TrackerAction(ActionBase):
    """The action plugin of a module whose file defines ARGUMENT_SPEC, MODULE_OPTIONS and run_module()."""

    MODULE = None  # the module's Python module, set by each action plugin

    def run(self, tmp=None, task_vars=None):
        result = super(TrackerAction, self).run(tmp, task_vars)
        del tmp
        if not self._runs_on_controller():
            result.update(self._execute_module(module_args=self._task.args, task_vars=task_vars))
            return result
        spec = _tracker.tracker_module_spec(self.MODULE.ARGUMENT_SPEC)
        checks = _tracker.tracker_module_checks(**self.MODULE.MODULE_OPTIONS)
        try:
            module = ControllerModule(dict(self._task.args), self._task.check_mode, self._task.diff, spec, **checks)
            self.MODULE.run_module(module)
        except ModuleExit as ended:
            result.update(ended.result)
        return result

    def _runs_on_controller(self):
        return (_tracker.HAS_REQUESTS
                and getattr(self._connection, 'transport', None) in ('local', 'ansible.builtin.local')
                and not self._play_context.become
                # The task's environment keyword reaches a module's process, not this one.
                and not any(self._task.environment or [])
                and not self._task.async_val)
