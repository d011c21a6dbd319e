# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the unit tests of links between issues share: link objects as the API returns them."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import API

ISSUE_LINKS = API + '/issues/TEST-1/links'


def issue_id(key):
    """A made-up issue id for a key, 24 hex digits as Tracker's."""
    return '%024x' % (sum(ord(character) for character in key) * 7919)


def issue_link(link_id, key='TEST-2', type_id='relates', direction='inward', issue='TEST-1'):
    """A link of ``issue`` to issue ``key``, shaped as the reference's "Get issue links" answer."""
    return {
        'self': '%s/issues/%s/links/%s' % (API, issue, link_id),
        'id': link_id,
        'type': {'self': API + '/linktypes/' + type_id, 'id': type_id, 'inward': 'Inward', 'outward': 'Outward'},
        'direction': direction,
        'object': {'self': API + '/issues/' + key, 'id': issue_id(key), 'key': key, 'display': 'Issue ' + key},
        'createdBy': {'self': API + '/users/1100000', 'id': '1100000', 'display': 'A user'},
        'createdAt': '2026-07-19T06:18:09.327+0000',
        'updatedAt': '2026-07-19T06:18:09.327+0000',
    }
