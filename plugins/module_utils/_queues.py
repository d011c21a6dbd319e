# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic about a queue itself: what a task wants of it, and what has to change.

This file is private to the collection (leading underscore): it may change without notice. It
does no I/O: every function is a plain function of its arguments and is tested as such.

A queue is identified by its key. A task names its lead by login or uid, its default type and
priority, issue types, workflows and resolutions by key or id; Tracker answers objects
(``{"self", "id", "key", "display"}``) and the lead as a user whose id is the uid (or, in the
example of create-queue.md, the login): each is compared as the API answers it
(_issue_values.object_matches, _components.same_lead). The issue types a task lists are made
what it says; those it does not list are left as they are.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._common import Plan, same_value, unique
from ansible_collections.ytracker.tracker.plugins.module_utils._components import lead_to_look_up, same_lead, shown_lead
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import object_matches, same_text

# A queue key as Tracker takes one for a new queue: Latin letters.
KEY = re.compile(r'^[A-Za-z]+$')
# The options of the task that are the queue's plain fields, by the API's names.
FIELDS = (('name', 'name'), ('description', 'description'), ('default_type', 'defaultType'),
          ('default_priority', 'defaultPriority'))
# What creating a queue needs (create-queue.md's required fields besides the key), by option.
CREATION = ('name', 'lead', 'default_type', 'default_priority', 'issue_types')
OPTION_OF = dict((field, option) for option, field in FIELDS)
OPTION_OF.update(lead='lead', issueTypesConfig='issue_types')

# What a task asks for: the key, the plain fields it sets ({API name: value}, only those given),
# the lead (a login or uid; None to leave it), and the issue types it lists (a tuple of IssueType,
# None when it lists none).
WantedQueue = namedtuple('WantedQueue', ['key', 'fields', 'lead', 'issue_types'])
IssueType = namedtuple('IssueType', ['type', 'workflow', 'resolutions'])


def check_key(key):
    """The queue key, trimmed and upper-cased; ValueError for anything that is no key of a queue."""
    key = (key or '').strip()
    if not KEY.match(key):
        raise ValueError('key must be a queue key of Latin letters like OPS, got %r' % key)
    return key.upper()


def one_word(value, option):
    """A name of Tracker's (a login, a type key, a workflow id), trimmed; ValueError when it cannot be one."""
    value = (value or '').strip()
    if not value or any(space in value for space in ' \t\r\n'):
        raise ValueError('%s must be a key, id or login without spaces, got %r' % (option, value))
    return value


def wanted_issue_types(items):
    """The IssueTypes of the task's issue_types; ValueError for one that names none, or one listed twice."""
    found, seen = [], set()
    for number, item in enumerate(items):
        where = 'issue_types[%d]' % number
        kind = one_word(item.get('type'), where + '.type')
        if kind.lower() in seen:
            raise ValueError('issue_types lists the type %s twice' % kind)
        seen.add(kind.lower())
        # Tracker keeps a resolution once: so is it compared.
        resolutions = tuple(unique([one_word(value, where + '.resolutions') for value in item.get('resolutions') or []],
                                   same_value))
        found.append(IssueType(kind, one_word(item.get('workflow'), where + '.workflow'), resolutions))
    return tuple(found)


def wanted_queue(params):
    """The WantedQueue of a task's options; ValueError says what is wrong, before any request."""
    key = check_key(params['key'])
    if params.get('state') == 'absent':
        if not params.get('force'):
            raise ValueError('state=absent deletes queue %s and every issue in it: set force=true to confirm' % key)
        return WantedQueue(key, {}, None, None)
    fields = {}
    for option, field in FIELDS:
        value = params.get(option)
        if value is None:
            continue
        if option == 'name':
            value = value.strip()
            if not value or '\n' in value or '\r' in value:
                raise ValueError('name must be one line, not empty')
        elif option != 'description':
            value = one_word(value, option)
        fields[field] = value
    lead = None if params.get('lead') is None else one_word(params['lead'], 'lead')
    issue_types = None
    if params.get('issue_types') is not None:
        issue_types = wanted_issue_types(params['issue_types'])
        if not issue_types:
            raise ValueError('issue_types must list at least one issue type')
        default = fields.get('defaultType')
        if default is not None and default.lower() not in [item.type.lower() for item in issue_types]:
            raise ValueError('default_type %s must be one of the types issue_types lists' % default)
    return WantedQueue(key, fields, lead, issue_types)


def missing_for_create(wanted):
    """The options a queue that does not exist yet needs to be created, in the order of CREATION."""
    given = dict((OPTION_OF[field], True) for field in wanted.fields)
    given.update(lead=wanted.lead is not None, issue_types=wanted.issue_types is not None)
    return [option for option in CREATION if not given.get(option)]


def create_body(wanted):
    """The body of POST /queues/: the key, the fields, the lead and the issue types' settings."""
    # create-queue.md documents these fields alone: the description is set by the edit after it.
    fields = dict((field, value) for field, value in wanted.fields.items() if field != 'description')
    return dict(fields, key=wanted.key, lead=wanted.lead, issueTypesConfig=[type_body(item) for item in wanted.issue_types])


def type_body(item):
    return {'issueType': item.type, 'workflow': item.workflow, 'resolutions': list(item.resolutions)}


# Comparing with the queue as the API answers it

def named(found):
    """How an answered object (a type, a workflow, a resolution) is named when the task does not name it."""
    if not isinstance(found, dict):
        return '' if found is None else str(found)
    return str(found.get('key') or found.get('id') or found.get('display') or '')


def shown(found, name):
    """An answered object by the task's ``name`` when that is what it is, else by its key or id."""
    if name is not None and object_matches(name, found):
        return name
    return named(found)


def type_config(queue, kind):
    """The queue's settings of the issue type ``kind`` (a key or id), or None."""
    for item in queue.get('issueTypesConfig') or []:
        if isinstance(item, dict) and object_matches(kind, item.get('issueType')):
            return item
    return None


def same_resolutions(wanted, found):
    found = list(found or [])
    return len(found) == len(wanted) and all(any(object_matches(name, item) for item in found) for name in wanted)


def same_type(queue, item):
    """Whether the queue's settings of ``item.type`` are those of ``item``."""
    config = type_config(queue, item.type)
    return bool(config) and object_matches(item.workflow, config.get('workflow')) and same_resolutions(
        item.resolutions, config.get('resolutions'))


def types_after(queue, issue_types):
    """Every issue type of the queue once ``issue_types`` are set: the queue's, each named as the task names it
    when it lists it, then those it lists that the queue lacks."""
    listed = list(issue_types or ())
    after = []
    for config in queue.get('issueTypesConfig') or []:
        if not isinstance(config, dict):
            continue
        mine = [item for item in listed if object_matches(item.type, config.get('issueType'))]
        if mine:
            after.append(mine[0])
            listed.remove(mine[0])
        else:
            after.append(IssueType(named(config.get('issueType')), named(config.get('workflow')),
                                   tuple(named(value) for value in config.get('resolutions') or [])))
    return after + listed


def edits(current, wanted, users):
    """What PATCH /queues/<key> sends to give ``current`` what ``wanted`` sets: (fields, issue types).

    ``fields`` is the body of the plain fields that differ ({} when none); the issue types are the
    whole issueTypesConfig to send (every type of the queue, those the task lists as it says), or
    None when each type listed is set already.
    """
    body = {}
    for field, value in sorted(wanted.fields.items()):
        if field in ('defaultType', 'defaultPriority'):
            if not object_matches(value, current.get(field)):
                body[field] = value
        elif not same_text(value, current.get(field)):
            body[field] = value
    if wanted.lead is not None and not same_lead(current, wanted.lead, users):
        body['lead'] = wanted.lead
    types = None
    if wanted.issue_types is not None and not all(same_type(current, item) for item in wanted.issue_types):
        types = [type_body(item) for item in types_after(current, wanted.issue_types)]
    return body, types


def lead_to_resolve(wanted, queues):
    """The lead's name to look up before comparing ``wanted`` with the queue, or None (see _components)."""
    return lead_to_look_up(queues[0] if queues else None, wanted.lead)


def after(current, wanted, users):
    """The WantedQueue as ``current`` will be once ``wanted`` is carried out: every field it has."""
    fields = {}
    for dummy, field in FIELDS:
        value = wanted.fields.get(field)
        if value is None and current.get(field) is not None:
            value = named(current[field]) if isinstance(current[field], dict) else current[field]
        if value is not None:
            fields[field] = value
    lead = wanted.lead if wanted.lead is not None else shown_lead(current, None, users)
    return WantedQueue(wanted.key, fields, lead, tuple(types_after(current, wanted.issue_types)))


def plan_queue(wanted, queues, users, state):
    """The Plan that makes the queue what ``wanted`` says; ``queues`` holds it when it exists (the one read).

    state=absent: delete it, if there. present: create it when missing, else update it (planned as
    the whole queue it will be, see after) when it differs, else keep it.
    """
    if state == 'absent':
        return Plan(to_create=[], to_update=[], to_delete=list(queues), kept=[])
    if not queues:
        return Plan(to_create=[wanted], to_update=[], to_delete=[], kept=[])
    current = queues[0]
    fields, types = edits(current, wanted, users)
    if fields or types:
        return Plan(to_create=[], to_update=[(current, after(current, wanted, users))], to_delete=[], kept=[])
    return Plan(to_create=[], to_update=[], to_delete=[], kept=[current])


def refused_options(fields):
    """The options of the task that a refused edit of ``fields`` (API names) set, for its message."""
    return ', '.join(OPTION_OF.get(field, field) for field in fields)


# The diff

def lines(wanted):
    """The diff's lines of a queue (a WantedQueue, named as the task names it), a 'name: value' line per field."""
    found = ['key: %s' % wanted.key]
    for option, field in FIELDS:
        if wanted.fields.get(field) is not None:
            found.append('%s: %s' % (option, wanted.fields[field]))
        if option == 'description' and wanted.lead:
            found.append('lead: %s' % wanted.lead)
    for item in wanted.issue_types or ():
        found.append('issue_type: %s workflow=%s resolutions=%s' % (item.type, item.workflow,
                                                                    ','.join(item.resolutions)))
    return '\n'.join(found)


def describe(current, wanted, users):
    """An answered queue as the diff shows it: each object by the task's name for it when that is what it is."""
    fields = {}
    for dummy, field in FIELDS:
        value = current.get(field)
        if isinstance(value, dict):
            value = shown(value, wanted.fields.get(field))
        if value is not None:
            fields[field] = value
    types = []
    for config in current.get('issueTypesConfig') or []:
        if not isinstance(config, dict):
            continue
        mine = [item for item in wanted.issue_types or () if object_matches(item.type, config.get('issueType'))]
        item = mine[0] if mine else IssueType(None, None, ())
        resolutions = [shown(value, next((name for name in item.resolutions if object_matches(name, value)), None))
                       for value in config.get('resolutions') or []]
        types.append(IssueType(shown(config.get('issueType'), item.type), shown(config.get('workflow'), item.workflow),
                               tuple(resolutions)))
    lead = shown_lead(current, wanted.lead, users)
    return lines(WantedQueue(str(current.get('key') or wanted.key), fields, lead, tuple(types)))


def describe_wanted(wanted):
    """The same for a WantedQueue, as it will be once created or updated."""
    return lines(wanted)


# Reading a queue with what get-queue.md's expand adds (tracker_queue_info)

# The values of expand that get-queue.md lists.
EXPANDS = ('all', 'projects', 'components', 'versions', 'types', 'team', 'workflows', 'fields', 'issueTypesConfig')


def expand_reads(expand):
    """The expand of each read of the queue a task's ``expand`` takes: get-queue.md describes one value.

    None for one plain read when the task expands nothing; ``all`` alone when listed, as it holds
    every other; otherwise one read per value, in the task's order, each value once.
    """
    values = unique(expand or (), same_value)
    if not values:
        return [None]
    if 'all' in values:
        return ['all']
    return values


def merged(answers):
    """One queue from the answers of its reads: each answer's fields over those of the reads before it."""
    queue = {}
    for answer in answers:
        queue.update(answer)
    return queue
