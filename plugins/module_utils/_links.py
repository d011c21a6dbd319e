# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic about Tracker external links: matching, describing and planning.

This file is private to the collection (leading underscore): it may change
without notice. It does no I/O, so every function here is a plain function of
its arguments and is tested as such.

Matching is by identity: the current links are indexed once by object key, so
a task costs time in proportion to its links and the issue's, never to their
product. plan_with serves every kind of link.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._common import Plan, decoded, last_segment, unique


DEFAULT_RELATIONSHIP = 'relates'

# What Tracker answers for a relationship: a link type (type.id) and, where the
# name says which end the issue is, a direction (None: either).
LinkType = namedtuple('LinkType', ['type_id', 'direction'])

# The relationship names of the reference's "Linking issues" page, and the
# type.id and direction Tracker answers for each on the issue the link was made
# on (outward: that issue is the main one); the other issue sees the opposite
# direction. The reference's answers print relates (in either direction) and
# subtask; the other type ids are those public clients of the API read. The
# external-link pages document RELATES alone; other names are matched through
# this table too, and a name not in it by type.id alone.
RELATIONSHIPS = {
    'relates': LinkType('relates', None),
    'depends on': LinkType('depends', 'outward'),
    'is dependent by': LinkType('depends', 'inward'),
    'is subtask for': LinkType('subtask', 'inward'),
    'is parent task for': LinkType('subtask', 'outward'),
    'duplicates': LinkType('duplicates', 'outward'),
    'is duplicated by': LinkType('duplicates', 'inward'),
    'is epic of': LinkType('epic', 'outward'),
    'has epic': LinkType('epic', 'inward'),
}
RELATIONSHIP_NAMES = dict((link_type, name) for name, link_type in RELATIONSHIPS.items())

# What a task asks for: one link, identified by these three fields.
WantedLink = namedtuple('WantedLink', ['origin', 'key', 'relationship'])


def normal_relationship(name):
    """A relationship name as this module compares it: lower case, single spaces; the default when
    not given (None; an empty name is refused by checked_relationship)."""
    return ' '.join((DEFAULT_RELATIONSHIP if name is None else name).lower().split())


def wanted_link(origin, key, relationship=None):
    """Return a WantedLink; the relationship is lower case, as the API answers it."""
    return WantedLink(origin, key, normal_relationship(relationship))


def documented_names():
    """The relationship names of the reference, as a message lists them."""
    return ', '.join(sorted(RELATIONSHIPS))


def checked_relationship(name, where=''):
    """The relationship in normal form, when the reference documents it."""
    if (name or '').strip():
        relationship = normal_relationship(name)
        if relationship in RELATIONSHIPS:
            return relationship
    raise ValueError('%srelationship must be one of the names the Tracker reference documents (%s), got %r'
                     % (where, documented_names(), name))


def wanted_type(wanted):
    """The LinkType that the wanted link's relationship yields."""
    return RELATIONSHIPS.get(wanted.relationship) or LinkType(wanted.relationship, None)


def link_type(link):
    """The LinkType of an API link object: type.id in lower case, and its direction."""
    type_id = str((link.get('type') or {}).get('id') or '').lower()
    direction = link.get('direction')
    return LinkType(type_id, str(direction).lower() if direction else None)


def relationship_name(found):
    """The documented name of a LinkType, or its type.id where no name fits."""
    return (RELATIONSHIP_NAMES.get(found) or RELATIONSHIP_NAMES.get(LinkType(found.type_id, None))
            or found.type_id)


def object_application(url):
    """The application in a link object's own address, .../applications/<origin>/objects/<id>; or None."""
    url = str(url or '')
    start = url.find('/applications/') + len('/applications/')
    end = url.find('/', start)
    if start < len('/applications/') or end <= start or not url.startswith('/objects', end):
        return None
    return decoded(url[start:end])


def named_origins(link):
    """Every name of the link's application that Tracker's answers carry, most telling first, maybe twice.

    The reference shows both: an application whose id is the origin string, and
    (in the example of "Adding an external link") one with a numeric id and
    self, where the origin appears only in object.self. A generator, so that a
    test for one origin stops at the first place that names it.
    """
    target = link.get('object') or {}
    application = target.get('application') or {}
    for name in (object_application(target.get('self')), application.get('id'),
                 last_segment(application.get('self'))):
        if name is not None and name != '':
            yield str(name)


def link_origins(link):
    """The names of the link's application (see named_origins), without repeats."""
    origins = []
    for name in named_origins(link):
        if name not in origins:
            origins.append(name)
    return origins


def link_origin(link, known=()):
    """The name to show for the link's application: one of ``known`` when it is one, else the most telling."""
    origins = link_origins(link)
    for origin in origins:
        if origin in known:
            return origin
    return origins[0] if origins else None


def link_key(link):
    return (link.get('object') or {}).get('key')


def type_fits(found, wanted):
    return found.type_id == wanted.type_id and (wanted.direction is None or found.direction in (None, wanted.direction))


class LinkIndex(object):
    """The current links by object key: a wanted link is looked up by its key, then checked.

    Keys are what tells links apart; the few links that share one are checked
    for their application and type.
    """

    def __init__(self, links):
        self.by_key = {}
        for link in links:
            self.by_key.setdefault(link_key(link), []).append(link)

    def matches(self, wanted):
        """The links that ``wanted`` describes, in the API's order."""
        expected = wanted_type(wanted)
        return [link for link in self.by_key.get(wanted.key, ())
                if type_fits(link_type(link), expected) and wanted.origin in named_origins(link)]


def describe_link(link, origins=()):
    """'origin:key (relationship)' for an API link object, naming the origin as ``origins`` do."""
    return '%s:%s (%s)' % (link_origin(link, origins), link_key(link), relationship_name(link_type(link)))


def describe_wanted(wanted):
    """'origin:key (relationship)' for a WantedLink."""
    return '%s:%s (%s)' % (wanted.origin, wanted.key, relationship_name(wanted_type(wanted)))


def plan_with(index, wanted_links, current_links, state, purgeable=None):
    """What has to change so that the issue ends in ``state``, whatever the kind of link.

    ``index.matches(wanted)`` finds the current links a wanted link describes.
    present: create each wanted link that no current link matches; existing
    duplicates are left alone. With ``purgeable`` (purge), also delete the
    current links that no wanted link matches and ``purgeable(link)`` admits.
    absent: delete every current link that matches a wanted link, duplicates
    included.
    """
    matched = set()
    to_create = []
    for wanted in wanted_links:
        found = index.matches(wanted)
        if not found:
            to_create.append(wanted)
        matched.update(id(link) for link in found)

    kept = [link for link in current_links if id(link) in matched]
    if state == 'absent':
        return Plan(to_create=[], to_update=[], to_delete=kept, kept=[])
    to_delete = []
    if purgeable is not None:
        to_delete = [link for link in current_links if id(link) not in matched and purgeable(link)]
    return Plan(to_create=to_create, to_update=[], to_delete=to_delete, kept=kept)


def plan_changes(wanted_links, current_links, state='present', purge=False):
    """The plan for external links: with ``purge``, the other links of the
    wanted origins go; links of other applications are never touched."""
    wanted_links = unique(wanted_links, lambda wanted: (wanted.origin, wanted.key, wanted_type(wanted)))
    origins = set(wanted.origin for wanted in wanted_links)

    def of_a_named_origin(link):
        return bool(origins.intersection(link_origins(link)))

    return plan_with(LinkIndex(current_links), wanted_links, current_links, state,
                     of_a_named_origin if purge else None)
