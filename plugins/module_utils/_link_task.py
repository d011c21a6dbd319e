# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""The task every link module of the collection runs: read, plan, write the difference, report.

A module says which links it wants and, in a LinkKind, how its kind of link is planned, found,
created and described. run_link_task carries that out alike for every kind: one read of the
issue's links, check mode, the read after creating that settles twins made by runs at the same
moment, deletes that find a link gone already, a failure that still reports what was written,
and the result with its diff. This file is private to the collection (leading underscore): it
may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._links import settle_created
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import exit_task, fail_task, tracker_client
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import OutcomeUnknown, TrackerError


class LinkKind(object):
    """What differs between kinds of link; a module gives its own subclass."""

    # The issue's list of such links, /issues/{issue}/<resource>: 'remotelinks' or 'links'.
    resource = None

    def plan(self, wanted_links, current_links, state, purge):
        """The Plan (see _links.plan_with)."""
        raise NotImplementedError

    def index(self, links):
        """``links`` indexed: an object whose matches(wanted) gives the links a wanted link describes."""
        raise NotImplementedError

    def create(self, client, issue, wanted):
        """Create the link ``wanted`` describes through ``client``; the link as the API answers it.

        OutcomeUnknown (from the client) when the answer was lost: run_link_task reads to know.
        """
        raise NotImplementedError

    def check_creatable(self, client, issue, to_create):
        """In check mode: TrackerError when a real run could not create ``to_create``, as far as a read tells."""

    def describe(self, links, wanted_links):
        """The issue's links, one a line, as the diff shows them."""
        raise NotImplementedError

    def describe_after(self, links, plan, wanted_links):
        """The issue's links once ``plan`` is carried out, one a line."""
        raise NotImplementedError


def run_link_task(module, kind, wanted_links):
    """Make the issue of ``module.params`` end in its ``state`` for ``wanted_links``; exit or fail the module."""
    params = module.params
    issue = params['issue']
    client = tracker_client(module)

    # made: every answer to a create, twins included, so that a failure later still says it wrote.
    made, created, removed = [], [], []
    try:
        current = client.list_links(issue, kind.resource)
        plan = kind.plan(wanted_links, current, params['state'], params['purge'])
        if module.check_mode:
            if plan.to_create:
                kind.check_creatable(client, issue, plan.to_create)
            removed = plan.to_delete
        else:
            if plan.to_create:
                created = create_all(client, kind, issue, plan.to_create, made)
            for link in plan.to_delete:
                # A link that another run deleted meanwhile (404) was not removed by this one.
                if client.delete_link(issue, kind.resource, link['id']):
                    removed.append(link)
    except TrackerError as error:
        # What was written before the failure is written: say so.
        fail_task(module, client, error, changed=bool(made or removed), removed=removed)

    result = dict(changed=bool(plan.to_create or removed), removed=removed)
    if params['links'] is None:
        found = (plan.kept + created) if params['state'] == 'present' else removed
        result['link'] = found[0] if found else None
    else:
        result['links'] = plan.kept + created
    if module._diff:
        result['diff'] = dict(before=kind.describe(current, wanted_links),
                              after=kind.describe_after(current, plan, wanted_links))
    exit_task(module, client, **result)


def create_all(client, kind, issue, to_create, made):
    """Create ``to_create``; the link kept for each, once every create is known to have happened.

    ``made`` gets each answer as it comes, and True for a create whose answer was lost.

    One read after the writes serves two ends. A create whose answer was lost (OutcomeUnknown)
    is looked for there, and posted again only when it is not: never blindly. And runs that made
    the same link at the same moment each find all the copies there: every run keeps the lowest id
    and deletes the rest, so they agree on one link whatever their number.
    """
    answers = [None] * len(to_create)
    pending = list(range(len(to_create)))
    attempt = 0
    while True:
        lost = None
        for number in pending:
            try:
                answers[number] = kind.create(client, issue, to_create[number])
                made.append(answers[number])
            except OutcomeUnknown as unknown:
                lost = unknown
                made.append(True)
        after = kind.index(client.list_links(issue, kind.resource))
        pending = [number for number, answer in enumerate(answers)
                   if answer is None and not after.matches(to_create[number])]
        if not pending:
            break
        if attempt >= client.retries:
            raise TrackerError('%s; the link is not on the issue after %d attempts' % (lost, attempt + 1),
                               status=lost.status)
        client.backoff(attempt, reason='lost answer')
        attempt += 1
    kept, twins = settle_created(to_create, answers, after.matches)
    for twin in twins:
        client.delete_link(issue, kind.resource, twin['id'])
    return kept
