# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic about a queue's components: which one a task means, and what has to change.

This file is private to the collection (leading underscore): it may change without notice. It
does no I/O: every function is a plain function of its arguments and is tested as such.

A component is identified within its queue by its name, trimmed. Its description, lead and
assignAuto are edited in one PATCH. A task names the lead by login or uid, while Tracker answers
it as a user object whose id is the uid: a login is compared through the ids the users API gives
for it (``users``: {name: ids}), looked up only when the lead shown is not already named by it.
No page documents a way to delete a component.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._common import Plan
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import user_ids
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import (
    Named,
    check_name,
    field_edits,
    fields_after,
    item_name,
)

# The options of the task that are the component's plain fields, by the API's names.
FIELDS = (('description', 'description'), ('assign_auto', 'assignAuto'))

# What a task asks for: the name (trimmed), the plain fields it sets ({API name: value}, only
# those given), and the lead: a login or uid, '' for none, None to leave it as it is.
WantedComponent = namedtuple('WantedComponent', ['name', 'fields', 'lead'])


def wanted_component(params):
    """The WantedComponent of a task's options; ValueError says what is wrong, before any request."""
    if params.get('state') == 'absent':
        raise ValueError('state=absent: Tracker offers no way to delete a component through its API;'
                         ' remove it in Tracker itself')
    name = check_name(params['name'], 'component')
    fields = dict((field, params[option]) for option, field in FIELDS if params.get(option) is not None)
    lead = params.get('lead')
    if lead is not None:
        lead = lead.strip()
        if any(space in lead for space in ' \t\r\n'):
            raise ValueError('lead must be a login or a uid, got %r' % lead)
    return WantedComponent(name, fields, lead)


def lead_ids(component):
    """Every id of the user a component answers as its lead; empty when it has none."""
    return user_ids(component.get('lead') or None)


def lead_to_resolve(wanted, components):
    """The lead's name to look up before comparing ``wanted`` with the queue's ``components``, or None.

    None when the task leaves the lead alone or clears it, when there is no component to compare
    with, or when the lead shown is none (it differs anyway) or already named by it.
    """
    found = Named(components).matches(wanted)
    return lead_to_look_up(found[0] if found else None, wanted.lead)


def lead_to_look_up(item, lead):
    """``lead`` (a name of the task) when comparing it with the lead ``item`` answers needs the users API, else None.

    None when there is no lead or no item, or when the item shows no lead (it differs anyway) or
    one that ``lead`` already names.
    """
    if not lead or item is None:
        return None
    shown = lead_ids(item)
    if not shown or lead in shown:
        return None
    return lead


def same_lead(component, lead, users):
    """Whether ``component``'s lead is ``lead`` (a name of the task, '' for none), by the ids ``users`` gives."""
    shown = lead_ids(component)
    if lead == '':
        return not shown
    return bool(shown) and (lead in shown or bool(shown & users.get(lead, set())))


def edits(current, wanted, users):
    """The body of the PATCH that gives ``current`` what ``wanted`` sets; {} when nothing differs.

    A lead cleared is sent as null.
    """
    body = field_edits(current, wanted.fields)
    if wanted.lead is not None and not same_lead(current, wanted.lead, users):
        body['lead'] = wanted.lead or None
    return body


def shown_lead(component, lead, users):
    """The lead of ``component`` as the diff names it: by the task's ``lead`` when that is who it is, else by its id."""
    found = component.get('lead')
    if not found:
        return ''
    if lead and same_lead(component, lead, users):
        return lead
    if isinstance(found, dict):
        return str(found.get('id') or found.get('display') or '')
    return str(found)


def after(current, wanted, users):
    """The WantedComponent as ``current`` will be once ``wanted`` is carried out: every field it has."""
    fields = fields_after(current, [field for dummy, field in FIELDS], wanted.fields)
    lead = shown_lead(current, wanted.lead, users) if wanted.lead is None else wanted.lead
    return WantedComponent(wanted.name, fields, lead)


def plan_component(wanted, components, users):
    """The Plan that gives the queue the component ``wanted`` describes.

    None of that name: create it. Several (twins made by runs at the same moment, where Tracker
    takes them): the one with the lowest id is the task's; the others are left alone. Its fields
    differ: update it, planned as the whole component it will be (see after); else kept.
    """
    found = Named(components).matches(wanted)
    if not found:
        return Plan(to_create=[wanted], to_update=[], to_delete=[], kept=[])
    current = found[0]
    if edits(current, wanted, users):
        return Plan(to_create=[], to_update=[(current, after(current, wanted, users))], to_delete=[], kept=[])
    return Plan(to_create=[], to_update=[], to_delete=[], kept=[current])


def lines(name, description, lead, assign_auto):
    """The diff's lines of a component, a 'name: value' line per field it has."""
    found = ['name: %s' % name]
    if description is not None:
        found.append('description: %s' % description)
    if lead:
        found.append('lead: %s' % lead)
    found.append('assign_auto: %s' % ('true' if assign_auto is True else 'false'))
    return '\n'.join(found)


def describe(component, lead, users):
    """An answered component as the diff shows it; its lead by the task's name ``lead`` when that is who it is."""
    return lines(item_name(component), component.get('description'), shown_lead(component, lead, users),
                 component.get('assignAuto'))


def describe_wanted(wanted):
    """The same for a WantedComponent, as it will be once created or updated."""
    return lines(wanted.name, wanted.fields.get('description'), wanted.lead, wanted.fields.get('assignAuto'))


def create_body(queue, wanted):
    """The body of POST /components: the queue, the name, the fields, and the lead when the task names one."""
    body = dict(wanted.fields, queue=queue, name=wanted.name)
    if wanted.lead:
        body['lead'] = wanted.lead
    return body
