# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Where Tracker keeps each resource, and what its answers look like.

The paths (relative to the API version's root), the hints that make an error message say what to
fix, and the reads every module shares. The client (_tracker.py) knows HTTP and nothing of these;
the planners know these shapes and nothing of HTTP. A new resource adds its paths here. This file
is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._common import one_object
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError, quote_segment


def path(*segments):
    """/<segment>/<segment>...: each one path segment, so that no slash or query gets through."""
    return ''.join('/' + quote_segment(segment) for segment in segments)


# Issues

ISSUES = '/issues/'
SEARCH = '/issues/_search'


def issue_path(issue, *parts):
    """/issues/<issue>[/<part>...]."""
    return path('issues', issue, *parts)


def issue_hints(issue):
    return {404: 'check that issue %r exists and that the token can see it' % issue}


def queue_hints(queue):
    return {404: 'check that queue %r exists and that the token can see it' % queue}


def an_issue(answer, where):
    """The issue of an answer (bare, or in a list of one, as the reference's examples print it);
    TrackerError when it holds none."""
    found = one_object(answer)
    if found is None:
        raise TrackerError('%s: the answer is not an issue: %s' % (where, type(answer).__name__))
    return found


def read_issue(client, issue):
    """The issue as the API answers it; TrackerError (404, with a hint) when it does not exist or
    cannot be seen."""
    where = issue_path(issue)
    return an_issue(client.request_json('GET', where, hints=issue_hints(issue)), 'GET %s' % where)


def transitions_path(issue):
    return issue_path(issue, 'transitions')


def execute_path(issue, transition_id):
    return issue_path(issue, 'transitions', transition_id, '_execute')


# An issue's links, of either kind: 'remotelinks' (to objects of other applications) and 'links'
# (to other issues). Both are listed, created and deleted alike.

def links_path(issue, kind):
    return issue_path(issue, kind)


def link_path(issue, kind, link_id):
    return issue_path(issue, kind, link_id)


def applications(client):
    """The ids of the organisation's external applications: the origins links can be made with."""
    return set(str(application.get('id')) for application in client.get_all('/applications'))


# An issue's comments: the API pages them by the id of the last one seen, with a Link header.

def comments_path(issue):
    return issue_path(issue, 'comments')


def comment_path(issue, comment):
    return issue_path(issue, 'comments', comment.get('id') or comment.get('longId'))


# An issue's checklist: the items under /issues/<issue>/checklistItems, each at .../<item id>.

def checklist_path(issue, item=None):
    return issue_path(issue, 'checklistItems', *([item['id']] if item is not None else []))


# An issue's records of time spent: listed at /issues/<issue>/worklog, each at .../<record id>.

def worklog_path(issue, record=None):
    return issue_path(issue, 'worklog', *([record['id']] if record is not None else []))


# An issue's attachments: the list (not paged, as far as the reference says) holds the files of
# the issue and of its comments; a file is downloaded at .../<id>/<file name> and deleted at .../<id>/.

def attachments_path(issue):
    return issue_path(issue, 'attachments')


def attachment_path(issue, attachment):
    # The trailing slash, as the reference writes the delete.
    return issue_path(issue, 'attachments', attachment.get('id')) + '/'


def attachment_content_path(issue, attachment):
    return issue_path(issue, 'attachments', attachment.get('id'), attachment.get('name'))


# Users

def user_path(name):
    return path('users', name)


def user_hints(name):
    return {404: 'no user %r in the organisation: name users by login or uid' % name}


def read_myself(client):
    """The token's user (GET /myself), as the users API answers it."""
    return one_object(client.request_json('GET', '/myself'))


def read_user(client, name):
    """The user of a login or uid (GET /users/<name>); a 404 fails with the users' hint."""
    return one_object(client.request_json('GET', user_path(name), hints=user_hints(name)))


# A queue's versions: created at /versions/ with the queue in the body, listed under the queue
# (paged), and each at /versions/<id>, with its actions (_archive, _release) under it.

VERSIONS = '/versions/'


def queue_versions_path(queue):
    return path('queues', queue, 'versions')


def queue_versions(client, queue):
    """The versions of ``queue`` (its key or id), every page; a 404 fails with the queue's hint."""
    return client.get_all(queue_versions_path(queue), hints=queue_hints(queue))


def version_path(version, *parts):
    return path('versions', version.get('id'), *parts)


# Components: created at /components with the queue in the body, each at /components/<id>. The
# only documented list, GET /components, holds every component of the organisation, each with
# its queue: a task reads it once and keeps those of its queue (queue_components).

COMPONENTS = '/components'


def component_path(component, *parts):
    return path('components', component.get('id'), *parts)


# Queues: created at /queues/, each at /queues/<key> (read with ?expand=, edited, deleted), a
# deleted one restored at /queues/<key>/_restore; its local fields under /queues/<key>/localFields.

QUEUES = '/queues/'


def queue_path(queue, *parts):
    return path('queues', queue, *parts)


def queue_restore_path(queue):
    return queue_path(queue, '_restore')


def local_fields_path(queue, key=None):
    return queue_path(queue, 'localFields', *([key] if key is not None else []))


def read_queue(client, queue):
    """The queue (GET /queues/<queue>); a 404 fails with the queue's hint."""
    return one_object(client.request_json('GET', queue_path(queue), hints=queue_hints(queue)))


def queue_components(client, queue):
    """The components of ``queue`` (its key or id), from one read of the organisation's (every page)."""
    return [component for component in client.get_all(COMPONENTS)
            if isinstance(component, dict) and in_queue(component, queue)]


def in_queue(item, queue):
    """Whether a version or component answers ``queue``, a key or an id, as its queue."""
    found = item.get('queue')
    if isinstance(found, dict):
        return queue in (found.get('key'), str(found.get('id')))
    return str(found) == queue


def queue_key_of(item):
    """The key of the queue a version or component answers, whether an object or a plain key."""
    queue = item.get('queue')
    if isinstance(queue, dict):
        return queue.get('key')
    return queue


# Bulk changes: created by a POST, carried out in the background, read until done.

BULK_UPDATE = '/bulkchange/_update'
BULK_TRANSITION = '/bulkchange/_transition'


def bulk_path(operation):
    return path('bulkchange', operation)
