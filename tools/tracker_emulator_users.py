# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The users of tracker_emulator.py (the configuration's "users"), as get-user.md describes them."""

from tracker_emulator_resource import Answer, Problem

DEFAULTS = {
    'users': [
        {'uid': 1100000, 'login': 'robot-emulator', 'display': 'Emulator User', 'passportUid': 2100000},
        {'uid': 1120000000016876, 'login': 'alice', 'display': 'Alice Smith', 'passportUid': 1130000000016876},
        {'uid': 1120000000049224, 'login': 'bob', 'display': 'Bob Jones', 'passportUid': 1130000000049224},
        {'uid': 1120000000051337, 'login': 'carol', 'display': 'Carol White', 'passportUid': 1130000000051337},
        {'uid': 1120000000077777, 'login': '12345', 'display': 'Digits Login', 'passportUid': 1130000000077777},
    ],
    # The id an issue or a component shows for its users: "uid" or "passportUid".
    'issue_user_ids': 'uid',
}
TOKEN_USER = 1100000  # the uid of the tokens' user
# The tokens' user as the author of a link or a comment: what those show of it.
TOKEN_AUTHOR = {'id': '1100000', 'display': 'Emulator User'}


class Users:
    def __init__(self, config):
        self.config = config

    def find(self, value, field='user'):
        """A user named by login, uid, login:12345 or an object with one of them; Problem when none.

        In a field of a body (``field``) an unknown user is a bad value (400), in a path a missing one (404)."""
        if isinstance(value, dict):
            value = value.get('login') or value.get('id') or value.get('uid')
        name = str(value)
        users = self.config['users']
        # The forms in the order they win: a number is a uid, login:X a login however it looks.
        for matches in (lambda user: isinstance(value, int) and user['uid'] == value,
                        lambda user: name.startswith('login:') and user['login'] == name[len('login:'):],
                        lambda user: name.isdigit() and name in (str(user['uid']), str(user.get('passportUid'))),
                        lambda user: user['login'] == name):
            for user in users:
                if matches(user):
                    return user
        raise Problem(400 if field != 'user' else 404, 'User does not exist: %s' % name, {field: 'Unknown user.'})

    def short_view(self, api, uid):
        """A user as other objects show it: no login, the id a string."""
        user = self.find(uid)
        shown = user.get(self.config['issue_user_ids']) or user['uid']
        return {'self': '%s/users/%s' % (api, shown), 'id': str(shown), 'display': user['display']}

    def names(self, uid):
        """What names a user in a search."""
        user = self.find(uid)
        return [user['login'], str(user['uid']), str(user.get('passportUid')), user['display']]


def author_view(api, author):
    """The author of a link or a comment, {"id", "display"}, as they show it."""
    return {'self': '%s/users/%s' % (api, author['id']), 'id': author['id'], 'display': author['display']}


def full_view(api, user):
    first, dummy, last = user['display'].partition(' ')
    return {'self': '%s/users/%s' % (api, user['uid']), 'uid': user['uid'], 'login': user['login'],
            'trackerUid': user['uid'], 'passportUid': user.get('passportUid'),
            'cloudUid': user.get('cloudUid', 'ajecloud%d' % user['uid']), 'firstName': first, 'lastName': last,
            'display': user['display'], 'email': '%s@example.com' % user['login'], 'external': False,
            'hasLicense': True, 'dismissed': False, 'useNewFilters': True, 'disableNotifications': False}


def get_user(tracker, request):
    user = full_view(request.api, tracker.users.find(request.params.get('user', TOKEN_USER)))
    # The v2 page prints the user inside a list, the v3 page as an object.
    return Answer(200, [user] if request.api_version == 'v2' else user)
