# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The issues' workflow for tracker_emulator.py, as get-transitions.md and new-transition.md describe it.

Its transition ids are not status keys: open -start_progress-> inProgress -stop_progress-> open;
open and inProgress -resolve-> resolved (resolution required); open -close-> closed (resolution
required); resolved -close-> closed; resolved and closed -reopen-> open.
"""

from tracker_emulator_catalogues import catalogue_view
from tracker_emulator_resource import Answer, Problem

# status: [(transition id, display, to, needs a resolution)]
WORKFLOW = {
    'open': [('start_progress', 'Start progress', 'inProgress', False), ('resolve', 'Resolve', 'resolved', True),
             ('close', 'Close', 'closed', True)],
    'inProgress': [('stop_progress', 'Stop progress', 'open', False), ('resolve', 'Resolve', 'resolved', True)],
    'resolved': [('reopen', 'Reopen', 'open', False), ('close', 'Close', 'closed', False)],
    'closed': [('reopen', 'Reopen', 'open', False)],
}
KNOWN = {transition[0] for transitions in WORKFLOW.values() for transition in transitions}


def transitions(api, record):
    """The transitions from the issue's status, as GET .../transitions answers them."""
    return [{'id': transition_id, 'self': '%s/issues/%s/transitions/%s' % (api, record['key'], transition_id),
             'display': display, 'to': catalogue_view(api, 'status', to)}
            for transition_id, display, to, dummy in WORKFLOW[record['status']]]


def execute(issues, record, transition_id, body):
    """Run a transition from the issue's status with ``body``; Problem when the API would refuse it."""
    if record['version'] >= issues.config['version_limit']:
        raise Problem(423, 'Editing is disabled: the issue has reached the maximum version.')
    if transition_id not in KNOWN:
        raise Problem(404, 'Transition does not exist: %s' % transition_id)
    offered = [one for one in WORKFLOW[record['status']] if one[0] == transition_id]
    if not offered:
        raise Problem(409, 'Transition %s is not available from status %s.' % (transition_id, record['status']))
    body = dict(body) if isinstance(body, dict) else {}
    dummy, dummy, to, needs_resolution = offered[0]
    body.pop('comment', None)  # a comment goes to the issue's comments, which a transition does not write
    if needs_resolution and body.get('resolution') is None:
        raise Problem(422, 'Resolution is required for this transition.', {'resolution': 'Required field.'})
    values = issues.changes(record, body, creating=False, behind=True)
    values.update(status=to, previousStatus=record['status'])
    if to == 'open':
        values['resolution'] = None
    issues.touch(record, values)


def list_transitions(tracker, request):
    return Answer(200, transitions(request.api, request.issue))


def execute_transition(tracker, request):
    """Run one: the answer is the transitions from the new status, with a screen and no display."""
    issues = tracker.issues
    issues.note_write(request)
    issues.apply_concurrent_edit(request.issue, request)
    execute(issues, request.issue, request.params['transition'], request.body)
    answer = transitions(request.api, request.issue)
    for transition in answer:
        transition.pop('display')
        transition['screen'] = {'self': '%s/screens/%s' % (request.api, transition['id']), 'id': transition['id']}
    return Answer(200, answer)
