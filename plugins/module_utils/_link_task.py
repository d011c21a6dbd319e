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
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerClient, TrackerError


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
        """Create the link ``wanted`` describes through ``client``; the link as the API answers it."""
        raise NotImplementedError

    def describe(self, links, wanted_links):
        """The issue's links, one a line, as the diff shows them."""
        raise NotImplementedError

    def describe_after(self, links, plan, wanted_links):
        """The issue's links once ``plan`` is carried out, one a line."""
        raise NotImplementedError

    def found_in(self, links, wanted):
        """The first of ``links`` that ``wanted`` describes, or None: what a create whose answer was lost made."""
        found = self.index(links).matches(wanted)
        return found[0] if found else None


def run_link_task(module, kind, wanted_links):
    """Make the issue of ``module.params`` end in its ``state`` for ``wanted_links``; exit or fail the module."""
    params = module.params
    issue = params['issue']
    client = TrackerClient(module)

    created, removed = [], []
    try:
        current = client.list_links(issue, kind.resource)
        plan = kind.plan(wanted_links, current, params['state'], params['purge'])
        if module.check_mode:
            removed = plan.to_delete
        else:
            for wanted in plan.to_create:
                created.append(kind.create(client, issue, wanted))
            if created:
                # Other runs may have made the same links at the same moment: keep one of each.
                after = kind.index(client.list_links(issue, kind.resource))
                created, twins = settle_created(plan.to_create, created, after.matches)
                for twin in twins:
                    client.delete_link(issue, kind.resource, twin['id'])
            for link in plan.to_delete:
                # A link that another run deleted meanwhile (404) was not removed by this one.
                if client.delete_link(issue, kind.resource, link['id']):
                    removed.append(link)
    except TrackerError as error:
        # What was written before the failure is written: say so.
        module.fail_json(msg=str(error), status=error.status, changed=bool(created or removed), removed=removed)

    result = dict(changed=bool(plan.to_create or removed), removed=removed)
    if params['links'] is None:
        found = (plan.kept + created) if params['state'] == 'present' else removed
        result['link'] = found[0] if found else None
    else:
        result['links'] = plan.kept + created
    if module._diff:
        result['diff'] = dict(before=kind.describe(current, wanted_links),
                              after=kind.describe_after(current, plan, wanted_links))
    module.exit_json(**result)
