# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The state of tracker_emulator.py: every resource, the armed faults and the request log; and the
test controls that reach all of them."""

import threading

from tracker_emulator_attachments import Attachments
from tracker_emulator_bulk import SETTINGS as BULK_SETTINGS
from tracker_emulator_bulk import BulkChanges
from tracker_emulator_checklists import SETTINGS as CHECKLIST_SETTINGS
from tracker_emulator_checklists import Checklists
from tracker_emulator_worklogs import SETTINGS as WORKLOG_SETTINGS
from tracker_emulator_worklogs import Worklogs
from tracker_emulator_comments import Comments
from tracker_emulator_issues import Issues
from tracker_emulator_links import both_kinds
from tracker_emulator_paging import Pager
from tracker_emulator_resource import Answer
from tracker_emulator_queues import SETTINGS as QUEUE_SETTINGS
from tracker_emulator_queues import LocalFields, Queues
from tracker_emulator_users import Users
from tracker_emulator_versions import Components, Versions


class Tracker:
    """The emulated Tracker. Requests are served one at a time under ``lock``, so that each is atomic."""

    def __init__(self, config):
        self.config = config
        self.lock = threading.RLock()
        # The settings a test may change while running, as started: a reset restores them.
        self.started_settings = {name: config[name] for name in BULK_SETTINGS + CHECKLIST_SETTINGS + WORKLOG_SETTINGS
                                 + QUEUE_SETTINGS}
        self.reset()

    def reset(self):
        """Back to the configuration: the configured queues, issues, versions and components only, no faults, no log."""
        with self.lock:
            self.config.update(self.started_settings)
            self.faults = []
            self.requests = []
            self.pager = Pager(self.config)
            self.users = Users(self.config)
            self.queues = Queues(self.config, self.users)
            self.local_fields = LocalFields()
            versions, components = Versions(self.config, self.users), Components(self.config, self.users)
            # By path segment (/versions, /components), and by the issue field that names them.
            self.queue_items = {'versions': versions, 'components': components}
            self.issues = Issues(self.config, self.users, {'fixVersions': versions, 'affectedVersions': versions,
                                                           'components': components}, self.queues)
            self.links = both_kinds(self.config, self.issues)
            self.comments = Comments()
            self.checklists = Checklists(self.config, self.users)
            self.worklogs = Worklogs(self.users)
            self.attachments = Attachments()
            self.bulk = BulkChanges(self.config)

    def take_fault(self, method, path):
        """The first armed fault that matches the request, one use of it spent; None when none does."""
        with self.lock:
            for fault in self.faults:
                if fault.get('method', method) == method and (
                        fault.get('path', '') == path if fault.get('exact') else fault.get('path', '') in path):
                    fault['count'] = fault.get('count', 1) - 1
                    if fault['count'] <= 0:
                        self.faults.remove(fault)
                    return fault
        return None

    def log(self, entry):
        with self.lock:
            self.requests.append(entry)


# the test controls

def reset(tracker, request):
    tracker.reset()
    return Answer(200, {'reset': True})


def arm_faults(tracker, request):
    faults = request.body.get('faults', [])
    tracker.faults.extend(faults)
    return Answer(200, {'armed': len(faults)})


def list_requests(tracker, request):
    return Answer(200, list(tracker.requests))
