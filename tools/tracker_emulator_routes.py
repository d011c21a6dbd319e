# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every request tracker_emulator.py serves: (method, path) -> the function that answers it.

A path's {name} is one segment, given to the function in request.params (unquoted); {issue} is
also found for it (request.issue: 403 or 404 otherwise). API paths follow /v2 or /v3.

What a route reads of the body (body=...): OBJECT, a JSON object (422 otherwise); ANY, any JSON
or none; OPTIONS, a JSON object or none, meaning {}; EMPTY, nothing (400 otherwise); None, the
body is not read; RAW, the body's bytes as they came (a file upload). creates=True: the route
makes something, which the create faults play on.
"""

import collections
import re
from urllib.parse import unquote

import tracker_emulator_attachments as attachments
import tracker_emulator_bulk as bulk
import tracker_emulator_checklists as checklists
import tracker_emulator_comments as comments
import tracker_emulator_issues as issues
import tracker_emulator_links as links
import tracker_emulator_queues as queues
import tracker_emulator_search as search
import tracker_emulator_state as state
import tracker_emulator_users as users
import tracker_emulator_versions as versions
import tracker_emulator_workflow as workflow
import tracker_emulator_worklogs as worklogs
from tracker_emulator_resource import Problem

OBJECT, ANY, OPTIONS, EMPTY, RAW = 'object', 'any', 'options', 'empty', 'raw'
Route = collections.namedtuple('Route', 'method pattern serve body creates')
SEGMENT = re.compile(r'\{(\w+)\}')
API_PATH = re.compile(r'^/(v2|v3)(/.*)$')
CONTROL_PREFIX = '/_emulator'
LINKS = '/issues/{issue}/(?P<kind>remotelinks|links)'
QUEUE_ITEMS = '/(?P<kind>versions|components)'
CHECKLIST = '/issues/{issue}/checklistItems'
WORKLOG = '/issues/{issue}/worklog'


def route(method, path, serve, body=None, creates=False):
    return Route(method, re.compile('^%s$' % SEGMENT.sub(r'(?P<\1>[^/]+)', path)), serve, body, creates)


API_ROUTES = [
    route('GET', LINKS, links.list_links),
    route('POST', LINKS, links.create_link, OBJECT, creates=True),
    route('DELETE', LINKS + '/{link}', links.delete_link),
    route('GET', '/applications', links.list_applications),
    route('GET', '/issues/{issue}/comments', comments.list_comments),
    route('POST', '/issues/{issue}/comments', comments.post_comment, OBJECT, creates=True),
    route('PATCH', '/issues/{issue}/comments/{comment}', comments.edit_comment, OBJECT),
    route('DELETE', '/issues/{issue}/comments/{comment}', comments.delete_comment),
    route('GET', CHECKLIST, checklists.list_items),
    route('POST', CHECKLIST, checklists.add_item, ANY, creates=True),
    route('PATCH', CHECKLIST, checklists.edit_checklist, ANY),
    route('DELETE', CHECKLIST, checklists.delete_checklist),
    route('PATCH', CHECKLIST + '/{item}', checklists.edit_item, ANY),
    route('DELETE', CHECKLIST + '/{item}', checklists.delete_item),
    route('GET', WORKLOG, worklogs.list_records),
    route('POST', WORKLOG, worklogs.add_record, OBJECT, creates=True),
    route('PATCH', WORKLOG + '/{record}', worklogs.edit_record, OBJECT),
    route('DELETE', WORKLOG + '/{record}', worklogs.delete_record),
    route('GET', '/issues/{issue}/attachments/?', attachments.list_attachments),
    route('POST', '/issues/{issue}/attachments/?', attachments.upload_attachment, RAW, creates=True),
    route('GET', '/issues/{issue}/attachments/{attachment}/{filename}', attachments.download_attachment),
    route('DELETE', '/issues/{issue}/attachments/{attachment}/?', attachments.delete_attachment),
    route('POST', '/issues/_search', search.search_issues, ANY),
    route('POST', '/issues/?', issues.create_issue, OBJECT, creates=True),
    route('GET', '/issues/{issue}', issues.get_issue),
    route('PATCH', '/issues/{issue}', issues.edit_issue, OBJECT),
    route('GET', '/issues/{issue}/transitions', workflow.list_transitions),
    route('POST', '/issues/{issue}/transitions/{transition}/_execute', workflow.execute_transition, ANY),
    route('GET', '/users/{user}', users.get_user),
    route('GET', '/myself', users.get_user),
    route('POST', QUEUE_ITEMS + '/?', versions.create_queue_item, OBJECT, creates=True),
    route('GET', QUEUE_ITEMS + '/{item}', versions.get_queue_item),
    route('PATCH', QUEUE_ITEMS + '/{item}', versions.edit_queue_item, OBJECT),
    route('POST', '/queues/?', queues.create_queue, OBJECT, creates=True),
    route('GET', '/queues/{queue}', queues.get_queue),
    route('PATCH', '/queues/{queue}', queues.edit_queue, OBJECT),
    route('DELETE', '/queues/{queue}', queues.delete_queue),
    route('POST', '/queues/{queue}/_restore', queues.restore_queue, OPTIONS),
    route('GET', '/queues/{queue}/localFields', queues.list_fields),
    route('POST', '/queues/{queue}/localFields', queues.create_field, OBJECT, creates=True),
    route('GET', '/queues/{queue}/localFields/{field}', queues.get_field),
    route('PATCH', '/queues/{queue}/localFields/{field}', queues.edit_field, OBJECT),
    route('GET', '/queues/{queue}/versions', versions.list_queue_versions),
    route('GET', '/components/?', versions.list_components),
    route('POST', '/versions/{item}/(?P<action>_archive|_release)', versions.act_on_version, EMPTY),
    route('POST', '/bulkchange/_update', bulk.bulk_update, OBJECT, creates=True),
    route('POST', '/bulkchange/_transition', bulk.bulk_transition, OBJECT, creates=True),
    route('GET', '/bulkchange/{operation}', bulk.get_bulk_change),
]

CONTROL_ROUTES = [
    route('POST', '/reset', state.reset),
    route('POST', '/faults', state.arm_faults, OPTIONS),
    route('GET', '/requests', state.list_requests),
    route('POST', '/links', links.seed_links, OPTIONS),
    route('POST', '/comments', comments.seed_comments, OPTIONS),
    route('POST', '/checklists', checklists.seed_items, OPTIONS),
    route('POST', '/worklogs', worklogs.seed_records, OPTIONS),
    route('POST', '/attachments', attachments.seed_attachments, OPTIONS),
    route('GET', '/issues', issues.list_writes),
    route('POST', '/issues', issues.add_issues, OPTIONS),
    route('POST', '/issues/{issue}', issues.edit_behind, OPTIONS),
    route('POST', QUEUE_ITEMS, versions.seed_queue_items, OPTIONS),
    route('GET', '/bulkchanges', bulk.list_bulk_changes),
]


def is_control(path):
    return path.startswith(CONTROL_PREFIX + '/')


def find_route(request):
    """The route of a request, its path's parameters and API version set on it; Problem 404 or 405."""
    if is_control(request.path):
        table, path, unknown = CONTROL_ROUTES, request.path[len(CONTROL_PREFIX):], 'Unknown control endpoint.'
    else:
        api_path = API_PATH.match(request.path)
        if not api_path:
            raise Problem(404, 'Resource not found.')
        request.api_version, path = api_path.groups()
        table, unknown = API_ROUTES, 'Resource not found.'
    request.api = '%s/%s' % (request.base_url, request.api_version)
    path_known = False
    for candidate in table:
        match = candidate.pattern.match(path)
        if match and candidate.method == request.method:
            request.params = {name: unquote(value) for name, value in match.groupdict().items()}
            return candidate
        path_known = path_known or bool(match)
    if path_known:
        raise Problem(405, 'Method not allowed.')
    raise Problem(404, unknown)
