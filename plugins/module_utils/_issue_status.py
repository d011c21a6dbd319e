# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure choice of the transition that takes an issue to a status.

A status changes only through a transition, and a transition's id is not the status it leads to:
``resolve`` leads to ``resolved``. The issue's transitions (GET .../transitions) are those available
from its current status, each with ``to``, the status object it leads to. This file is private to
the collection (leading underscore): it may change without notice. It does no I/O.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import object_matches, shown


def status_reached(wanted_status, status):
    """Whether the answered status object is ``wanted_status`` (a status key, compared ignoring case, or id)."""
    return status is not None and object_matches(wanted_status, status)


def choose_transition(transitions, wanted_status):
    """The first transition, in the API's order, that leads to ``wanted_status``; None when none does."""
    for transition in transitions:
        if isinstance(transition, dict) and status_reached(wanted_status, transition.get('to')):
            return transition
    return None


def reachable(transitions):
    """The statuses the transitions lead to, sorted, each once."""
    return sorted(set(shown(transition.get('to')) for transition in transitions if isinstance(transition, dict)))


def unreachable(issue_key, current_status, wanted_status, transitions):
    """Why no transition is run: one line naming the current status and those reachable from it."""
    statuses = reachable(transitions)
    return ('%s is in status %r and no transition leads from there to %r; reachable from %r: %s'
            % (issue_key, shown(current_status), wanted_status, shown(current_status),
               ', '.join(statuses) if statuses else 'none (the workflow has no transition from it)'))
