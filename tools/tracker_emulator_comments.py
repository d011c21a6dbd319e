# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Issue comments for tracker_emulator.py, as the reference's comment pages describe them.

  GET    /{ver}/issues/{issue}/comments[?perPage=N&id=X]  the comments after comment X, N of them
                                                          (50 unless --page-size says otherwise),
                                                          oldest first; Link: rel="first" and,
                                                          while more follow, rel="next"
  POST   /{ver}/issues/{issue}/comments[?isAddToFollowers] a new comment (201), body {"text", and
                                                          optional "summonees", "attachmentIds",
                                                          "maillistSummonees"}
  PATCH  /{ver}/issues/{issue}/comments/{id or longId}    the comment's new text (200)
  DELETE /{ver}/issues/{issue}/comments/{id or longId}    (204)

A comment has a number id, counting up, and a longId of 24 hex digits. Only its author, the
token's user, may PATCH or DELETE it: another user's comment is answered 403. A text that is
not a non-empty string is 422. isAddToFollowers is taken as true or false (400 otherwise) and
recorded in the request log; the emulator keeps no followers.

The reference's pages disagree on the shape of one comment. --comment-shape table (the default)
answers as their parameter tables say: an object with createdBy and updatedBy and a number id.
--comment-shape example answers a POST and a PATCH as their examples print them: a list holding
the comment, its author under createBody and updateBody, and (PATCH) its id as a string. Lists
are answered as the "Get issue comments" example shows them, in either shape.

Comments are kept by issue key: an issue is any that Tracker.issue_key knows.
"""

import json
import re
import time
from urllib.parse import unquote

COMMENTS_PATH = re.compile(r'^/(v2|v3)/issues/([^/]+)/comments(?:/([^/]+))?$')
COMMENT_SHAPES = ('table', 'example')
FIRST_ID = 626


def now():
    return time.strftime('%Y-%m-%dT%H:%M:%S.000+0000', time.gmtime())


class Comments:
    """Every issue's comments, in the order they were posted. Callers hold the tracker's lock."""

    def __init__(self, user):
        self.user = user  # the token's user: the author of what the API posts
        self.by_issue = {}
        self.next_id = FIRST_ID

    def add(self, key, text, author=None, summonees=()):
        """Store a comment on issue ``key``; the stored record."""
        stored = {'id': self.next_id, 'longId': '5fa15a24ac894475%08x' % self.next_id, 'text': text,
                  'author': dict(author or self.user), 'editor': dict(author or self.user),
                  'summonees': list(summonees), 'created': now(), 'updated': None, 'version': 1}
        self.next_id += 1
        self.by_issue.setdefault(key, []).append(stored)
        return stored

    def of(self, key):
        return self.by_issue.get(key, [])

    def find(self, key, comment_id):
        """The stored comment named by its id or its longId, or None."""
        for stored in self.of(key):
            if comment_id in (str(stored['id']), stored['longId']):
                return stored
        return None

    def after(self, key, comment_id):
        """The comments that follow the one named ``comment_id`` (all of them for None)."""
        comments = self.of(key)
        if comment_id is None:
            return comments
        for index, stored in enumerate(comments):
            if comment_id in (str(stored['id']), stored['longId']):
                return comments[index + 1:]
        # A comment deleted meanwhile: ids count up, so its place is still known.
        if comment_id.isdigit():
            return [stored for stored in comments if stored['id'] > int(comment_id)]
        return []

    def mine(self, stored):
        return stored['author']['id'] == self.user['id']


def user_view(api, user):
    return {'self': '%s/users/%s' % (api, user['id']), 'id': user['id'], 'display': user['display']}


def summonee_view(api, summonee):
    """A summonee as a comment shows it: a login or ID given as a string, or an object with an id."""
    name = summonee.get('id') if isinstance(summonee, dict) else summonee
    return {'self': '%s/users/%s' % (api, name), 'id': str(name), 'display': str(name)}


def comment_view(api, key, stored, shape='table', method='GET'):
    """A stored comment as the API answers it (see the module's docstring for the shapes)."""
    created_by, updated_by = ('createBody', 'updateBody') if shape == 'example' and method != 'GET' else (
        'createdBy', 'updatedBy')
    comment = {
        'self': '%s/issues/%s/comments/%d' % (api, key, stored['id']),
        'id': str(stored['id']) if shape == 'example' and method == 'PATCH' else stored['id'],
        'longId': stored['longId'],
        'text': stored['text'],
        created_by: user_view(api, stored['author']),
        updated_by: user_view(api, stored['editor']),
        'createdAt': stored['created'],
        'updatedAt': stored['updated'] or stored['created'],
        'summonees': [summonee_view(api, summonee) for summonee in stored['summonees']],
        'maillistSummonees': [],
        'version': stored['version'],
        'type': 'standard',
        'transport': 'internal',
    }
    return [comment] if shape == 'example' and method != 'GET' else comment


def body_problem(body, method):
    """What is wrong with a POST or PATCH body, as (status, message[, errors]); None when nothing is."""
    if not isinstance(body, dict):
        return 422, 'Request body must be a JSON object.'
    if not isinstance(body.get('text'), str) or not body['text'].strip():
        return 422, 'Validation failed.', {'text': 'Required field.'}
    summonees = body.get('summonees', [])
    if method == 'POST' and (not isinstance(summonees, list)
                             or not all(isinstance(one, (str, dict)) and one for one in summonees)):
        return 422, 'Validation failed.', {'summonees': 'Expected an array of user IDs, logins or objects.'}
    return None


def serve(handler, method, match, fault_kind):
    """Answer a request to an issue's comments; ``handler`` is the emulator's request handler."""
    version, issue, comment_id = match.group(1), unquote(match.group(2)), match.group(3)
    tracker = handler.tracker
    if issue in tracker.config['forbidden_issues']:
        return handler.error(403, 'You do not have permission to access this issue.')
    key = tracker.issue_key(issue)
    if key is None:
        return handler.error(404, 'Issue does not exist.')
    api = '%s/%s' % (handler.base_url(), version)
    shape = tracker.config.get('comment_shape', 'table')

    if comment_id is not None:
        return serve_one(handler, method, api, key, unquote(comment_id), shape)
    if method == 'GET':
        return send_page(handler, api, key)
    if method != 'POST':
        return handler.error(405, 'Method not allowed.')
    follow = handler.query.get('isAddToFollowers', 'true').lower()
    if follow not in ('true', 'false'):
        return handler.error(400, 'isAddToFollowers must be true or false.')
    body = parsed_body(handler)
    problem = body_problem(body, method)
    if problem:
        return handler.error(*problem)
    with tracker.lock:
        stored = tracker.comments.add(key, body['text'], summonees=body.get('summonees', []))
    if fault_kind == 'create_then_drop':
        return handler.drop_connection()
    if fault_kind == 'create_then_500':
        return handler.error(500, 'Internal server error')
    return handler.send(201, comment_view(api, key, stored, shape, method))


def serve_one(handler, method, api, key, comment_id, shape):
    """PATCH or DELETE of one comment, its author's only."""
    comments = handler.tracker.comments
    if method not in ('PATCH', 'DELETE'):
        return handler.error(405, 'Method not allowed.')
    body = parsed_body(handler) if method == 'PATCH' else None
    problem = body_problem(body, method) if method == 'PATCH' else None
    if problem:
        return handler.error(*problem)
    with handler.tracker.lock:
        status, answer = change(comments, api, key, comment_id, method, body, shape)
    # Answered once the lock is let go: the request log takes it too.
    if status >= 400:
        return handler.error(status, answer)
    return handler.send(status, answer)


def change(comments, api, key, comment_id, method, body, shape):
    """Carry out a PATCH or DELETE: (status, the answer's body or an error message)."""
    stored = comments.find(key, comment_id)
    if stored is None:
        return 404, 'Comment does not exist.'
    if not comments.mine(stored):
        return 403, 'You can only change your own comments.'
    if method == 'DELETE':
        comments.of(key).remove(stored)
        return 204, None
    stored.update(text=body['text'], editor=dict(comments.user), updated=now(), version=stored['version'] + 1)
    return 200, comment_view(api, key, stored, shape, method)


def parsed_body(handler):
    try:
        return json.loads(handler.body.decode('utf-8') or 'null')
    except ValueError:
        return None


def send_page(handler, api, key):
    """One page of the issue's comments: perPage of them after the comment ``id``, with a Link header."""
    try:
        per_page = max(1, int(handler.query.get('perPage') or handler.tracker.config['page_size']))
    except ValueError:
        return handler.error(400, 'perPage must be a whole number.')
    with handler.tracker.lock:
        following = handler.tracker.comments.after(key, handler.query.get('id'))
        page = [comment_view(api, key, stored) for stored in following[:per_page]]
    address = '%s/issues/%s/comments?perPage=%d' % (api, key, per_page)
    links = ['<%s>; rel="first"' % address]
    if len(following) > per_page:
        links.append('<%s&id=%s>; rel="next"' % (address, page[-1]['id']))
    return handler.send(200, page, {'Link': ', '.join(links)})


def seed(handler, request):
    """Add comments without a request each: {"issue": "TEST-1", "comments": [{"text": ...,
    "createdBy": {"id": ..., "display": ...}}]}; without createdBy, the token's user wrote it."""
    tracker = handler.tracker
    key = tracker.issue_key(request.get('issue', ''))
    if key is None:
        return handler.error(404, 'Issue does not exist.')
    wanted = request.get('comments', [])
    if not all(isinstance(one, dict) and isinstance(one.get('text'), str) for one in wanted):
        return handler.error(422, 'Each comment needs a text.')
    with tracker.lock:
        added = [tracker.comments.add(key, one['text'], one.get('createdBy')) for one in wanted]
    return handler.send(200, {'added': len(added), 'ids': [stored['id'] for stored in added]})
