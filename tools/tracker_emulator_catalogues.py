# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The fixed catalogues of tracker_emulator.py: issue types, priorities, statuses and resolutions.

A field of one of them is stored as the item's key and answered as {"self", "id", "key", "display"}.
"""

import json

from tracker_emulator_resource import Problem

# (id, key, display) of each item
TYPES = [('1', 'bug', 'Bug'), ('2', 'task', 'Task'), ('3', 'epic', 'Epic'), ('4', 'release', 'Release')]
PRIORITIES = [('1', 'trivial', 'Trivial'), ('2', 'minor', 'Minor'), ('3', 'normal', 'Normal'),
              ('4', 'critical', 'Critical'), ('5', 'blocker', 'Blocker')]
STATUSES = [('1', 'open', 'Open'), ('2', 'inProgress', 'In progress'), ('3', 'resolved', 'Resolved'),
            ('4', 'closed', 'Closed')]
RESOLUTIONS = [('1', 'fixed', 'Fixed'), ('2', 'wontFix', "Won't fix"), ('3', 'duplicate', 'Duplicate'),
               ('4', 'invalid', 'Invalid')]
# field: (the resource its items are under, the items)
CATALOGUES = {'type': ('issuetypes', TYPES), 'priority': ('priorities', PRIORITIES),
              'status': ('statuses', STATUSES), 'previousStatus': ('statuses', STATUSES),
              'resolution': ('resolutions', RESOLUTIONS)}


def catalogue_key(field, value):
    """The key of the item a body names by id, key, or an object with id, key, name or display; Problem 400."""
    if isinstance(value, dict) and set(value) == {'set'}:
        value = value['set']
    for item_id, key, display in CATALOGUES[field][1]:
        if isinstance(value, dict):
            found = (str(value.get('id')) == item_id or str(value.get('key', '')).lower() == key.lower()
                     or value.get('name') == display or value.get('display') == display)
        else:
            found = str(value) == item_id or str(value).lower() == key.lower()
        if found:
            return key
    raise Problem(400, 'Unknown %s: %s' % (field, json.dumps(value)), {field: 'Unknown value.'})


def catalogue_names(field, key):
    """What names an item in a search: its id, key and display."""
    for item in CATALOGUES[field][1]:
        if item[1] == key:
            return list(item)
    raise KeyError(key)


def catalogue_view(api, field, key):
    item_id, key, display = catalogue_names(field, key)
    return {'self': '%s/%s/%s' % (api, CATALOGUES[field][0], item_id), 'id': item_id, 'key': key, 'display': display}
