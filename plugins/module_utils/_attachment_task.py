# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""An issue's attachments as a Resource of the one flow (_flow.py), for tracker_attachment.

The plan is _attachments.plan_attachment's. Each read of the list also compares, by streaming
them, the entries of the task's name and size that it has not compared yet: the plan then knows
which ones hold the file's content. An upload whose answer is lost is settled by that read
(create_once); uploads of several runs at once, by the read after them (each run keeps the lowest
id). This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils import _attachments
from ansible_collections.ytracker.tracker.plugins.module_utils._common import one_object
from ansible_collections.ytracker.tracker.plugins.module_utils._errors import TrackerError
from ansible_collections.ytracker.tracker.plugins.module_utils._files import MultipartFile, same_content
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import Resource
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import (
    attachment_content_path,
    attachment_path,
    attachments_path,
    issue_hints,
)

# The multipart field of the file: undocumented; the official Python client sends this one.
FIELD = 'file'


def compare(client, issue, attachment, src):
    """Whether the attachment holds exactly the file ``src``, streamed until the first difference;
    None when it is gone since the list was read (another run, settling twins, deleted it)."""
    chunks = client.stream(attachment_content_path(issue, attachment))
    try:
        return same_content(chunks, src)
    except TrackerError as error:
        if error.status == 404:
            return None
        raise
    finally:
        chunks.close()


class Identical(object):
    """The attachments a wanted one describes, as the flow's index asks: those of its content."""

    def __init__(self, attachments, same):
        self.attachments = attachments
        self.same = same

    def matches(self, wanted):
        return _attachments.identical(self.attachments, wanted, self.same)


class IssueAttachments(Resource):
    """The attachments of the task's issue; the task wants one of a name and content (a WantedAttachment), or none."""

    noun = 'attachment'
    place = 'the issue'

    def __init__(self, params, wanted):
        self.issue = params['issue']
        self.state = params['state']
        self.replace = params['replace']
        self.wanted = wanted
        self.hints = issue_hints(self.issue)
        # Whether each entry compared (by id) holds the file's content: each is downloaded once a run.
        self.same = {}

    def read(self, client):
        found = client.get_all(attachments_path(self.issue), hints=self.hints)
        if self.state != 'present' or not self.replace:
            return found
        gone = set()
        for attachment in _attachments.to_compare(found, self.wanted):
            key = _attachments.attachment_id(attachment)
            if key not in self.same:
                same = compare(client, self.issue, attachment, self.wanted.src)
                if same is None:
                    gone.add(key)
                else:
                    self.same[key] = same
        # What is gone is neither kept nor deleted: the plan goes on with the others.
        return [attachment for attachment in found if _attachments.attachment_id(attachment) not in gone]

    def plan(self, wanted, current):
        return _attachments.plan_attachment(wanted, current, self.state, self.replace, self.same)

    def index(self, current):
        return Identical(current, self.same)

    def create(self, client, wanted):
        # The name goes as the filename parameter too, as the reference has it: the part's own
        # filename is not said to be the one Tracker keeps.
        body = MultipartFile(wanted.src, wanted.name, field=FIELD)
        answer = one_object(client.create(attachments_path(self.issue) + '/', None, params={'filename': wanted.name},
                                          hints=self.hints, data=body))
        if answer is not None and answer.get('id') is not None:
            # What this run uploaded needs no download to be known.
            self.same[_attachments.attachment_id(answer)] = True
        return answer

    def delete(self, client, current):
        return client.delete(attachment_path(self.issue, current), hints={
            404: 'attachment %s is no longer on issue %s' % (_attachments.attachment_id(current), self.issue)})

    def shown(self, current, plan):
        # The attachments of the task's name: not every file of the issue.
        return _attachments.named(current, self.wanted.name)

    def describe(self, current):
        return _attachments.describe(current)

    def describe_wanted(self, wanted):
        return _attachments.describe_wanted(wanted)

    def result(self, task):
        plan = task.plan
        if self.state == 'absent':
            return dict(attachment=None, removed=task.removed)
        found = task.created or plan.kept
        return dict(attachment=found[0] if found else None, removed=task.removed)
