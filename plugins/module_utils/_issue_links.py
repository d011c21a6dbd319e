# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic about links between Tracker issues: checking, matching, describing and planning.

This file is private to the collection (leading underscore): it may change
without notice. It does no I/O, so every function here is a plain function of
its arguments and is tested as such.

A link between two issues shows on both, with the same type.id and opposite
directions. A wanted link is seen from the issue the task names, so it is
found whichever of the two issues it was made on: "A depends on B" is the link
someone made as "B is dependent by A".

Matching is by identity: the issue's links are indexed once by (linked issue,
type.id), so a task costs time in proportion to its links and the issue's,
never to their product.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._common import unique
from ansible_collections.ytracker.tracker.plugins.module_utils._links import (
    RELATIONSHIPS,
    checked_relationship,
    link_type,
    plan_with,
    relationship_name,
    type_fits,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue


# What a task asks for: a link from the task's issue to ``issue`` (a key or an
# id, as given), of a documented relationship name in normal form.
WantedIssueLink = namedtuple('WantedIssueLink', ['issue', 'relationship'])


def check_linked_issue(issue, linked_issue, where=''):
    """The linked issue as check_issue gives it; ValueError for one that names no issue, or the
    task's issue itself."""
    linked_issue = check_issue(linked_issue, '%slinked_issue' % where)
    if linked_issue == check_issue(issue):
        raise ValueError('%slinked_issue must be another issue than issue %s: an issue is not linked to itself'
                         % (where, issue))
    return linked_issue


def wanted_issue_link(issue, linked_issue, relationship, where=''):
    """The WantedIssueLink of one item of a task, or ValueError saying what is wrong with it."""
    return WantedIssueLink(check_linked_issue(issue, linked_issue, where), checked_relationship(relationship, where))


def expected_type(wanted):
    """The LinkType that the wanted link shows on the task's issue."""
    return RELATIONSHIPS[wanted.relationship]


def linked_names(link):
    """The names of the other issue of an API link object, upper case: its key and its id."""
    target = link.get('object') or {}
    names = []
    for name in (target.get('key'), target.get('id')):
        if name is not None and name != '' and str(name).upper() not in names:
            names.append(str(name).upper())
    return names


def linked_key(link):
    """The other issue as a diff names it: its key, else its id."""
    target = link.get('object') or {}
    return target.get('key') or target.get('id')


class IssueLinkIndex(object):
    """The issue's links by (other issue, type.id), under both the other issue's key and its id."""

    def __init__(self, links):
        self.by_identity = {}
        for link in links:
            found = link_type(link)
            for name in linked_names(link):
                self.by_identity.setdefault((name, found.type_id), []).append((link, found))

    def matches(self, wanted):
        """The links that ``wanted`` describes, in the API's order."""
        expected = expected_type(wanted)
        candidates = self.by_identity.get((wanted.issue.upper(), expected.type_id), [])
        return [link for link, found in candidates if type_fits(found, expected)]


def plan_issue_links(wanted_links, current_links, state='present', purge=False):
    """The plan for links between issues: with ``purge``, the other links of
    the wanted links' types (type.id, either direction) go; links of other
    types are never touched."""
    wanted_links = unique(wanted_links, lambda wanted: (wanted.issue.upper(), expected_type(wanted)))
    type_ids = set(expected_type(wanted).type_id for wanted in wanted_links)

    def of_a_named_type(link):
        return link_type(link).type_id in type_ids

    return plan_with(IssueLinkIndex(current_links), wanted_links, current_links, state,
                     of_a_named_type if purge else None)


def describe_issue_link(link):
    """'relationship: OTHER-1' for an API link object, the relationship as seen from the issue."""
    return '%s: %s' % (relationship_name(link_type(link)), linked_key(link))


def describe_wanted_issue_link(wanted):
    """'relationship: OTHER-1' for a WantedIssueLink."""
    return '%s: %s' % (wanted.relationship, wanted.issue)
