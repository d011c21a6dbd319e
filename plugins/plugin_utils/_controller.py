# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Run a module of the collection inside Ansible's own process when it would run on the controller.

A module that talks to an HTTP API spends most of its time starting: a new Python, the AnsiballZ
payload, AnsibleModule and requests, for every task and every loop item. When the task runs on
the controller through the local connection anyway, the action plugin calls the module's
``run_module()`` in the worker process instead. Users must not tell the two apart but by speed:
ControllerModule does what AnsibleModule does with the arguments and the result (messages,
``invocation``, warnings, deprecations, no_log). Anything else (another connection, become, a task
``environment``, async, no requests for Ansible's Python, an ansible-core series outside
IN_PROCESS_SERIES, or the switch turned off) executes the module as usual.

Each module has an action plugin of its own in plugins/action/, two lines that name the module,
because meta/runtime.yml cannot route every module to one shared action plugin cleanly on
ansible-core 2.16 to 2.21. An action redirect (``plugin_routing: action: <module>: redirect:``, as
network collections did) makes the shared plugin the resolved action of every task, so
``module_defaults`` given for one module reach them all: a default for tracker_issue's ``queue``
fails every tracker_comment task with "Unsupported parameters" (ansible/ansible#77059). A module's
``action_plugin`` routing keeps ``module_defaults`` right, but the shared plugin must still carry
the name of one of the modules to pass ansible-test's action-plugin-docs ("action plugin has no
matching module to provide documentation"; the collection has no ignore files), ansible-doc drops
its "corresponding action plugin" note for the other modules, and up to 2.18 a task's
``resolved_action``, which callbacks and AWX job events show, names that plugin, not the module.

This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import sys
import traceback

from ansible import constants as C
from ansible.module_utils.basic import PASSWORD_MATCH
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.module_utils.errors import UnsupportedError
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.plugins.action import ActionBase
from ansible.release import __version__ as ANSIBLE_VERSION
from ansible.utils.display import Display
from ansible.utils.vars import merge_hash

from ansible_collections.ytracker.tracker.plugins.module_utils import _options, _runner, _tracker

# How ansible-core encodes a module's arguments into its payload, and the module decodes them:
# keyword arguments of json.dumps and of json.loads.
try:  # ansible-core 2.19 and later
    from ansible.module_utils.common.json import Direction, get_module_decoder, get_module_encoder
    PAYLOAD_JSON = (dict(cls=get_module_encoder('legacy', Direction.CONTROLLER_TO_MODULE)),
                    dict(cls=get_module_decoder('legacy', Direction.CONTROLLER_TO_MODULE)))
except ImportError:  # ansible-core 2.16 to 2.18
    from ansible.module_utils.common.json import AnsibleJSONEncoder
    PAYLOAD_JSON = (dict(cls=AnsibleJSONEncoder, vault_to_text=True), {})
try:  # ansible-core 2.19 and later: the configuration decides which results carry a traceback
    from ansible.module_utils._internal import _traceback
except ImportError:
    _traceback = None

# Turn the in-process run off: the variable, when set, wins over the environment variable.
SWITCH_VARIABLE = 'ytracker_tracker_in_process'
SWITCH_ENVIRONMENT = 'YTRACKER_TRACKER_IN_PROCESS'

# The ansible-core series the in-process run is proven on: the parity tests (tests/e2e/test_parity.py)
# run on the oldest and the newest of them, and units and sanity on each (make check-series holds the
# Makefile to this list). On any other series a task runs as a module process.
IN_PROCESS_SERIES = ('2.16', '2.17', '2.18', '2.19', '2.20', '2.21')


def core_series():
    """The series of the running ansible-core, such as '2.21'."""
    return '.'.join(ANSIBLE_VERSION.split('.')[:2])


def invocation_injected(task_vars=None):
    """Whether AnsibleModule puts ``invocation`` in a result: always up to ansible-core 2.20; from
    2.21 on, where the configuration INJECT_INVOCATION says so (off by default)."""
    if 'INJECT_INVOCATION' not in C.config.get_configuration_definitions():
        return True
    return boolean(C.config.get_config_value('INJECT_INVOCATION', variables=task_vars or {}), strict=False)


def module_args(args):
    """The task's arguments as a module process gets them: plain JSON types, vaulted values decrypted.

    So type checks and their messages name str, int, bool, list and dict, not Ansible's own types.
    """
    dumping, loading = PAYLOAD_JSON
    return json.loads(json.dumps(args, **dumping), **loading)


def deprecation(msg, version=None, date=None, collection_name=None):
    """A deprecation as a module's result lists it (module_utils.common.warnings.deprecate)."""
    if date is not None:
        return dict(msg=msg, date=date, collection_name=collection_name)
    return dict(msg=msg, version=version, collection_name=collection_name)


class ModuleExit(BaseException):
    """How ControllerModule.exit_json and fail_json end run_module().

    Like SystemExit for a module process, it is no Exception: an ``except Exception`` in the
    module's code does not catch it.
    """

    def __init__(self, result):
        super(ModuleExit, self).__init__('module exited')
        self.result = result


class ControllerModule(object):
    """The part of AnsibleModule that the collection's modules use, for a run in this process.

    The contract: a module's ``run_module(module)`` uses nothing of ``module`` but

    - ``params``: the validated options, connection options included;
    - ``check_mode`` and ``_diff``: whether the task runs in check mode, in diff mode;
    - ``exit_json(**result)`` and ``fail_json(msg, **result)``: end the task; neither returns;
    - ``warn(warning)`` and ``deprecate(msg, version=None, date=None, collection_name=None)``: notices
      that land in the result's ``warnings`` and ``deprecations``, as AnsibleModule puts them.

    Everything else of AnsibleModule is out of reach here, and a unit test runs every module with a
    stand-in that refuses anything else, so a module that starts using more fails there first.

    ``name`` is the module's name as AnsibleModule puts it in messages, ``verbosity`` Ansible's.
    """

    def __init__(self, argument_spec, args, name='', check_mode=False, diff=False, no_log=False, verbosity=0,
                 supports_check_mode=False, inject_invocation=None, **checks):
        validation = ArgumentSpecValidator(argument_spec, **checks).validate(args)
        self.params = dict(args)
        self.params.update(validation.validated_parameters)
        self.no_log_values = validation._no_log_values
        self.check_mode = check_mode
        self._diff = diff
        self._verbosity = verbosity
        self._inject_invocation = invocation_injected() if inject_invocation is None else inject_invocation
        # What AnsibleModule's validator passes to warn() and deprecate().
        self._warnings = ['Both option {option} and its alias {alias} are set.'.format(**w) for w in validation._warnings]
        self._deprecations = [deprecation(**d) for d in validation._deprecations]
        if validation.error_messages:
            msg = validation.errors.msg
            if isinstance(validation.errors[0], UnsupportedError):
                msg = 'Unsupported parameters for (%s) module: %s' % (name, msg)
            self.fail_json(msg=msg)
        if not no_log:
            # AnsibleModule._log_invocation warns of secret-looking options without no_log.
            for param in self.params:
                no_log_setting = argument_spec.get(validation._aliases.get(param, param), {}).get('no_log')
                if no_log_setting is None and PASSWORD_MATCH.search(param):
                    self._warnings.append('Module did not set no_log for %s' % param)
        if check_mode and not supports_check_mode:
            # AnsibleModule's words and result for a module that cannot run in check mode.
            self.exit_json(skipped=True, msg='remote module (%s) does not support check mode' % name)

    def warn(self, warning):
        """AnsibleModule.warn: the text goes to the result's warnings."""
        self._warnings.append(warning)

    def deprecate(self, msg, version=None, date=None, collection_name=None):
        """AnsibleModule.deprecate: an entry of the result's deprecations."""
        self._deprecations.append(deprecation(msg, version=version, date=date, collection_name=collection_name))

    def exit_json(self, **result):
        self._end(result)

    def fail_json(self, msg, **result):
        result.update(failed=True, msg=msg)
        details = self._traceback(result.pop('exception', None))
        if details:
            result['exception'] = details
        self._end(result)

    def _traceback(self, given):
        """The traceback AnsibleModule.fail_json would put in the result, if any."""
        current = sys.exc_info()[1]
        if _traceback is None:  # up to 2.18: a given one, or the current one at -vvv
            if given is None and current is not None and self._verbosity >= 3:
                return ''.join(traceback.format_tb(current.__traceback__))
            return given
        if not _traceback.is_traceback_enabled(_traceback.TracebackEvent.ERROR):
            return None
        if given is None and current is not None:
            return _traceback.maybe_extract_traceback(current, _traceback.TracebackEvent.ERROR)
        return given

    def _end(self, result):
        """Raise the result as AnsibleModule._return_formatted makes it."""
        if self._inject_invocation:
            result.setdefault('invocation', {'module_args': self.params})
        else:
            result.pop('invocation', None)
        for key, recorded in (('warnings', self._warnings), ('deprecations', self._deprecations)):
            if recorded:
                result[key] = recorded + list(result.get(key) or [])
        # remove_values() would turn a bool or None equal to a secret into a string: keep them.
        kept = dict((key, value) for key, value in result.items() if value is None or isinstance(value, bool))
        result = remove_values(result, self.no_log_values)
        result.update(kept)
        raise ModuleExit(result)


class TrackerAction(ActionBase):
    """The action plugin of a module whose file defines ARGUMENT_SPEC, MODULE_OPTIONS and run_module()."""

    MODULE = None  # the module's Python module, set by each action plugin

    _supports_async = True

    def run(self, tmp=None, task_vars=None):
        result = super(TrackerAction, self).run(tmp, task_vars)
        del tmp
        task_vars = task_vars or {}
        if self._runs_on_controller(task_vars):
            result.update(self._run_in_process(task_vars))
            return result
        # As ansible.builtin.normal runs a module.
        wrap_async = self._task.async_val and not self._connection.has_native_async
        result = merge_hash(result, self._execute_module(task_vars=task_vars, wrap_async=wrap_async))
        if not wrap_async:
            self._remove_tmp_path(self._connection._shell.tmpdir)
        return result

    def _run_in_process(self, task_vars):
        # AnsibleModule's no_log: the task's, or no logging on the target at all.
        no_log = self._task.no_log or C.config.get_config_value('DEFAULT_NO_TARGET_SYSLOG', variables=task_vars)
        spec = _options.tracker_module_spec(self.MODULE.ARGUMENT_SPEC)
        checks = _options.tracker_module_checks(**self.MODULE.MODULE_OPTIONS)
        try:
            module = ControllerModule(spec, module_args(self._task.args), name=self._task.action,
                                      check_mode=self._task.check_mode, diff=self._task.diff,
                                      no_log=no_log, verbosity=Display().verbosity,
                                      inject_invocation=invocation_injected(task_vars), **checks)
            _runner.run_task(module, self.MODULE.run_module)
        except ModuleExit as ended:
            return ended.result
        # run_module() ends with exit_json or fail_json: returning is a bug in it.
        return dict(failed=True, msg='%s ended without a result' % self._task.action)

    def _runs_on_controller(self, task_vars):
        return (_tracker.HAS_REQUESTS
                and core_series() in IN_PROCESS_SERIES
                and self._in_process_allowed(task_vars)
                and getattr(self._connection, 'transport', None) in ('local', 'ansible.builtin.local')
                and not self._play_context.become
                # The task's environment keyword reaches a module's process, not this one.
                and not any(self._task.environment or [])
                and not self._task.async_val)

    def _in_process_allowed(self, task_vars):
        """The switch: the variable if set, else the controller's environment variable; on by default."""
        setting = task_vars.get(SWITCH_VARIABLE)
        if setting is None:
            setting = os.environ.get(SWITCH_ENVIRONMENT) or True
        else:
            setting = self._templar.template(setting)
        return boolean(setting, strict=False)
