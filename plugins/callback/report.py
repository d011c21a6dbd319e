# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: report
type: notification
short_description: Report each playbook run in a comment of a Yandex Tracker issue
version_added: 1.0.0
description:
  - At the end of a playbook, makes sure the issue O(issue) has one comment that reports the run, in Tracker's
    markup - the playbook's file name, when it ran and how long, per host the counts of the recap (ok, changed,
    failed, unreachable, skipped), the tasks that failed with their messages, and whether it was a check mode run.
  - The comment is found by a marker, its last line, as M(ytracker.tracker.tracker_comment) finds its comment, and
    made by the same flow (one read of the comments, a post or an edit, a lost answer settled by reading). With
    O(mode=update) the marker comes from the playbook's file name, so every run of the playbook edits the same
    comment; with O(mode=append) each run posts a comment of its own.
  - A task with C(no_log) shows in the report as failed, never with its message or values; tokens never appear.
  - Never changes the outcome of the run. When the report cannot be made (Tracker unreachable, the issue missing,
    a wrong token), one warning says so at the end, and the exit code of C(ansible-playbook) is that of the play.
  - With no O(issue), it does nothing and sends no request.
  - Enable it with C(callbacks_enabled = ytracker.tracker.report) in the C([defaults]) section of C(ansible.cfg),
    or C(ANSIBLE_CALLBACKS_ENABLED=ytracker.tracker.report) in the environment.
author:
  - ytracker.tracker contributors (@ytracker)
requirements:
  - enabled in C(callbacks_enabled)
extends_documentation_fragment:
  - ytracker.tracker.connection
  - ytracker.tracker.connection.plugins
options:
  issue:
    description:
      - Key (V(QUEUE-123)) or ID of the issue the run is reported to. Nothing is reported without it.
      - Per run, an extra variable gives it, C(-e tracker_report_issue=REL-42).
    type: str
    env:
      - name: TRACKER_REPORT_ISSUE
    ini:
      - section: callback_ytracker.tracker.report
        key: issue
    vars:
      - name: tracker_report_issue
  mode:
    description:
      - V(update) keeps one report per playbook on the issue, edited in place by each run (its marker is
        C(ansible-run-report:<playbook file name>)).
      - V(append) posts a new report for each run (its marker is C(ansible-run-report-<start>-<process id>:<playbook
        file name>)).
    type: str
    choices: [update, append]
    default: update
    env:
      - name: TRACKER_REPORT_MODE
    ini:
      - section: callback_ytracker.tracker.report
        key: mode
    vars:
      - name: tracker_report_mode
  api_url:
    ini:
      - section: callback_ytracker.tracker.report
        key: api_url
  api_version:
    ini:
      - section: callback_ytracker.tracker.report
        key: api_version
  oauth_token:
    ini:
      - section: callback_ytracker.tracker.report
        key: oauth_token
  iam_token:
    ini:
      - section: callback_ytracker.tracker.report
        key: iam_token
  org_id:
    ini:
      - section: callback_ytracker.tracker.report
        key: org_id
  cloud_org_id:
    ini:
      - section: callback_ytracker.tracker.report
        key: cloud_org_id
  validate_certs:
    ini:
      - section: callback_ytracker.tracker.report
        key: validate_certs
  ca_path:
    ini:
      - section: callback_ytracker.tracker.report
        key: ca_path
  timeout:
    ini:
      - section: callback_ytracker.tracker.report
        key: timeout
  retries:
    ini:
      - section: callback_ytracker.tracker.report
        key: retries
notes:
  - The connection options are read, as for the lookups, from C(ansible.cfg), the E(TRACKER_*) environment variables,
    and the variables C(tracker_oauth_token), C(tracker_org_id), ... of the play (extra variables included), as they
    are when each play starts.
  - The report is sent once per playbook, at its end, after every play of it.
seealso:
  - module: ytracker.tracker.tracker_comment
"""

EXAMPLES = r"""
# ansible.cfg
# [defaults]
# callbacks_enabled = ytracker.tracker.report
#
# [callback_ytracker.tracker.report]
# issue = REL-42
# mode = update
#
# The connection from the environment, as for the modules:
#   TRACKER_OAUTH_TOKEN=y0_... TRACKER_ORG_ID=1234567 ansible-playbook site.yml
# Or another issue for one run:
#   ansible-playbook site.yml -e tracker_report_issue=REL-43
"""

import os
import time

from ansible import constants as C
from ansible import context
from ansible.plugins.callback import CallbackBase
from ansible.template import Templar

from ansible_collections.ytracker.tracker.plugins.module_utils._comment_task import IssueComments
from ansible_collections.ytracker.tracker.plugins.module_utils._comments import wanted_comment
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import ResourceTask
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue, module_secrets, redact
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError
from ansible_collections.ytracker.tracker.plugins.plugin_utils._connection import plugin_options, tracker_client
from ansible_collections.ytracker.tracker.plugins.plugin_utils._run_report import (
    RunRecord,
    report_marker,
    report_text,
    run_id,
)

NAME = 'ytracker.tracker.report'


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'notification'
    CALLBACK_NAME = NAME
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self.record = None
        self.variables = None   # the plugin's variables as the last play that set any gave them
        self.problem = None     # why the variables could not be read, said at the end

    # What the run does.

    def v2_playbook_on_start(self, playbook):
        started = time.time()
        self.record = RunRecord(getattr(playbook, '_file_name', None), started,
                                bool((context.CLIARGS or {}).get('check')), run_id(started, os.getpid()))

    def v2_playbook_on_play_start(self, play):
        # Extra variables (-e tracker_report_issue=...) and the play's own: a callback is given no
        # variables, so it reads them from the play's variable manager, templated as tasks see them.
        try:
            found = self.play_variables(play)
        except Exception as error:  # a variable that does not template must not stop the play
            self.problem = 'the variables of play %r: %s' % (play.get_name(), error)
            return
        if found:
            self.variables = found

    def play_variables(self, play):
        manager = play.get_variable_manager()
        if manager is None:
            return {}
        every = manager.get_vars(play=play)
        names = [name for name in self.plugin_variables() if name in every]
        if not names:
            return {}
        templar = Templar(loader=manager._loader, variables=every)
        return dict((name, templar.template(every[name])) for name in names)

    def plugin_variables(self):
        return C.config.get_plugin_vars('callback', self._load_name)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        if ignore_errors or self.record is None:
            return
        task = result._task
        no_log = bool(task.no_log or result._result.get('_ansible_no_log'))
        self.record.failed(result._host.get_name(), task.get_name(), result._result.get('msg'), no_log)

    def v2_runner_on_unreachable(self, result):
        if self.record is None:
            return
        task = result._task
        no_log = bool(task.no_log or result._result.get('_ansible_no_log'))
        self.record.failed(result._host.get_name(), task.get_name(), 'unreachable: %s' % result._result.get('msg'),
                           no_log)

    # The report.

    def v2_playbook_on_stats(self, stats):
        record, self.record = self.record, None
        ended = time.time()
        issue = None
        secrets = []
        try:
            self.set_options(var_options=self.variables)
            issue = self.get_option('issue')
            secrets = module_secrets(plugin_options(self))
            if self.problem:
                raise ValueError(self.problem)
            if not issue or record is None:
                return
            counts = dict((host, stats.summarize(host)) for host in sorted(stats.processed))
            text = report_text(record, counts, ended)
            self.report(check_issue(issue), text, report_marker(record, self.get_option('mode')))
        except (TrackerError, ValueError) as error:
            self.could_not(issue, error, secrets)
        except Exception as error:  # the report must never change the outcome of the run
            self.could_not(issue, '%s: %s' % (type(error).__name__, error), secrets)

    def report(self, issue, text, marker):
        """Make sure the issue has the report, by tracker_comment's flow; TrackerError when it cannot."""
        client = tracker_client(self)
        params = dict(issue=issue, state='present', summonees=None, add_to_followers=False)
        task = ResourceTask(client, IssueComments(params), wanted_comment(text, marker, 'present'), check_mode=False)
        try:
            task.run()
        finally:
            if client.waits_summary():
                self._display.warning('%s: %s' % (NAME, client.waits_summary()))

    def could_not(self, issue, error, secrets):
        self._display.warning(redact('%s: could not report to %s: %s' % (NAME, issue or 'the issue', error), secrets))
