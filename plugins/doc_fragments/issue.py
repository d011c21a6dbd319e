# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    """The issue a task is about, for the modules that take one (_options.check_issue reads it).

    A module that says more of it gives its own ``description`` of O(issue), which wins over this one.
    """

    DOCUMENTATION = r'''
options:
  issue:
    description:
      - Key (V(QUEUE-123)) or ID of the issue. Surrounding whitespace is dropped and a key is upper-cased
        (V(rel-42) is V(REL-42)); anything else is refused before any request.
      - The issue must exist. One that does not, or that the token cannot see, fails the task (HTTP 404).
    type: str
    required: true
'''

    # The fields and the status a task wants an issue to have: tracker_issue's, and tracker_bulk_change's for
    # every issue it finds (_issue_fields.FIELD_SPEC is their argument spec).
    FIELDS = r'''
options:
  summary:
    description:
      - The issue's name. Must not be empty.
      - Compared ignoring the whitespace around it.
    type: str
  description:
    description:
      - The issue's description. V('') clears it.
      - Compared ignoring line endings and the whitespace around it.
    type: str
  type:
    description:
      - Key (V(bug), V(task)) or ID of the issue type. Keys are compared ignoring case.
    type: str
  priority:
    description:
      - Key (V(critical), V(normal)) or ID of the priority. Keys are compared ignoring case.
    type: str
  assignee:
    description:
      - Login or uid of the assignee; a login made only of digits is written V(login:12345). V('') unassigns.
      - Tracker names users by uid only, so a login is looked up in the users API when comparing needs it,
        once per task.
    type: str
  parent:
    description:
      - Key or ID of the parent issue. V('') removes the parent.
    type: str
  tags:
    description:
      - Tags the issue must have. Missing ones are added; other tags are kept, unless O(purge_tags=true).
    type: list
    elements: str
  purge_tags:
    description:
      - Make the issue's tags exactly O(tags). With O(tags=[]), removes every tag.
    type: bool
    default: false
  followers:
    description:
      - Logins or uids of users who must follow the issue. Missing ones are added; other followers are kept,
        unless O(purge_followers=true).
    type: list
    elements: str
  purge_followers:
    description:
      - Make the issue's followers exactly O(followers).
    type: bool
    default: false
  fix_versions:
    description:
      - Versions of the issue's queue that the issue's C(fixVersions) field must hold, each by name (V(2.7.0)) or
        ID. Missing ones are added; others are kept, unless O(purge_fix_versions=true).
      - Names are looked up within the issue's queue, in one read of the queue's versions, once per queue and
        task, and only when the issue does not show them already. Of two versions of one name, the one with
        the lowest ID.
      - A name the queue does not have fails the task before anything is written, listing the names it has.
      - A name comes before an ID. Quote names in YAML. Unquoted, V(1.10) is the number 1.1 and names version C(1.1).
    type: list
    elements: str
  purge_fix_versions:
    description:
      - Make the issue's C(fixVersions) exactly O(fix_versions). With O(fix_versions=[]), removes them all.
    type: bool
    default: false
  affected_versions:
    description:
      - Versions of the issue's queue that the issue's C(affectedVersions) field must hold, by name or ID, as
        O(fix_versions) does. Others are kept, unless O(purge_affected_versions=true).
    type: list
    elements: str
  purge_affected_versions:
    description:
      - Make the issue's C(affectedVersions) exactly O(affected_versions). With O(affected_versions=[]), removes
        them all.
    type: bool
    default: false
  components:
    description:
      - Components of the issue's queue that the issue must have, each by name (V(backend)) or ID. Missing ones
        are added; others are kept, unless O(purge_components=true).
      - Names are looked up within the issue's queue, in one read of the organization's components, and only
        when the issue does not show them already. A name the queue does not have fails the task before anything
        is written, listing the names it has.
    type: list
    elements: str
  purge_components:
    description:
      - Make the issue's components exactly O(components). With O(components=[]), removes them all.
    type: bool
    default: false
  fields:
    description:
      - Any other field, local fields included, by its key (see C(https://tracker.yandex.com/admin/fields)),
        sent as given when it differs.
      - Compared with the answer field by field. A scalar matches an object by its key (ignoring case), ID or
        display name; a list matches a list with the same elements in any order; a list command (a dict with
        C(add), C(remove) or C(set)) matches when it would change nothing. Name users by uid here.
      - Must not hold the fields that options set (V(fixVersions), V(affectedVersions) and V(components) among
        them), nor V(status), V(resolution), V(queue) or V(unique).
    type: dict
  status:
    description:
      - Key of the status the issue must be in, such as V(inProgress) or V(closed). Compared ignoring case.
      - When the issue is in another status, the task runs the transition, among those Tracker offers from the
        issue's current status, that leads to O(status) (the first one, in Tracker's order, when several do).
        Transition IDs are not status keys, V(resolve) leads to V(resolved).
      - When no transition leads there, the task fails before writing anything, naming the current status and
        the statuses reachable from it.
    type: str
  resolution:
    description:
      - Key of the resolution, such as V(fixed), sent with the transition to O(status). Some transitions
        require one.
      - Only sent with a transition; an issue already in O(status) is left as it is.
    type: str
  transition_fields:
    description:
      - Other fields sent with the transition to O(status), such as V(comment).
    type: dict
'''

    # Which issues a search finds: tracker_issue_info's, tracker_bulk_change's (_issue_search.SEARCH_SPEC).
    SEARCH = r'''
options:
  keys:
    description:
      - Keys of issues. Tracker answers them sorted by summary; keys of issues that do not exist are left out.
    type: list
    elements: str
  queue:
    description:
      - Key of a queue, whose issues are answered sorted by key.
    type: str
  filter:
    description:
      - Fields and the values to find, as the search of the reference takes them, for example a C(queue),
        an C(assignee) and C(tags), or the C(unique) of an issue.
    type: dict
  query:
    description:
      - "A search in Tracker's query language, for example V(Queue: OPS Status: open \"Sort by\": Updated DESC)."
      - To sort the issues, sort inside the query (C("Sort by")).
    type: str
'''
