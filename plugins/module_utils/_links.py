# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic about Tracker external links: matching, describing and planning.

This file is private to the collection (leading underscore): it may change
without notice. It does no I/O, so every function here is a plain function of
its arguments and is tested as such.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple


DEFAULT_RELATIONSHIP = 'relates'

# What a task asks for: one link, identified by these three fields.
WantedLink = namedtuple('WantedLink', ['origin', 'key', 'relationship'])

# What has to happen to the issue: links to create (WantedLink), links to
# delete and links already right (API link objects).
Plan = namedtuple('Plan', ['to_create', 'to_delete', 'kept'])


def wanted_link(origin, key, relationship=None):
    """Return a WantedLink; the relationship is lower case, as the API answers it."""
    return WantedLink(origin, key, (relationship or DEFAULT_RELATIONSHIP).lower())


def link_origin(link):
    return ((link.get('object') or {}).get('application') or {}).get('id')


def link_key(link):
    return (link.get('object') or {}).get('key')


def link_relationship(link):
    return ((link.get('type') or {}).get('id') or '').lower()


def link_matches(link, wanted):
    """Whether an API link object is the link that ``wanted`` describes."""
    return (link_origin(link) == wanted.origin
            and link_key(link) == wanted.key
            and link_relationship(link) == wanted.relationship)


def find_link(links, wanted):
    """The first of ``links`` that matches ``wanted``, or None."""
    for link in links:
        if link_matches(link, wanted):
            return link
    return None


def describe_link(link):
    """'origin:key (relationship)' for an API link object."""
    return '%s:%s (%s)' % (link_origin(link), link_key(link), link_relationship(link))


def describe_wanted(wanted):
    """'origin:key (relationship)' for a WantedLink."""
    return '%s:%s (%s)' % wanted


def unique(wanted_links):
    """The wanted links without repeats, in their first order."""
    seen = set()
    result = []
    for wanted in wanted_links:
        if wanted not in seen:
            seen.add(wanted)
            result.append(wanted)
    return result


def plan_changes(wanted_links, current_links, state='present', purge=False):
    """Decide what has to change so that the issue ends in ``state``.

    present: create each wanted link that no current link matches; existing
    duplicates are left alone. With ``purge``, also delete the current links
    of the wanted origins that no wanted link matches: links of other
    applications are never touched.
    absent: delete every current link that matches a wanted link, duplicates
    included.
    """
    wanted_links = unique(wanted_links)

    def is_wanted(link):
        return any(link_matches(link, wanted) for wanted in wanted_links)

    kept = [link for link in current_links if is_wanted(link)]
    if state == 'absent':
        return Plan(to_create=[], to_delete=kept, kept=[])

    to_create = [wanted for wanted in wanted_links if find_link(current_links, wanted) is None]
    to_delete = []
    if purge:
        origins = set(wanted.origin for wanted in wanted_links)
        to_delete = [link for link in current_links
                     if link_origin(link) in origins and not is_wanted(link)]
    return Plan(to_create=to_create, to_delete=to_delete, kept=kept)


def as_lines(descriptions):
    """Sorted descriptions, one a line: the text Ansible's diff display compares."""
    return ''.join(line + '\n' for line in sorted(descriptions))


def describe_after(current_links, plan):
    """The issue's links once ``plan`` is carried out, one a line."""
    deleted = set(id(link) for link in plan.to_delete)
    remaining = [describe_link(link) for link in current_links if id(link) not in deleted]
    return as_lines(remaining + [describe_wanted(wanted) for wanted in plan.to_create])


def describe_all(links):
    """The issue's links, one a line."""
    return as_lines(describe_link(link) for link in links)
