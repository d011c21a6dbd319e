# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Issue comments for tracker_emulator.py, as the reference's comment pages describe them.

A comment has a number id, counting up, and a longId of 24 hex digits; a path names it by
either. Only its author, the token's user, may PATCH or DELETE it: another user's comment is
answered 403. Its version counts its edits; no page says an edit names it, so none is checked.

The reference's pages disagree on the shape of one comment. --comment-shape table (the default)
answers as their parameter tables say: an object with createdBy and updatedBy and a number id.
--comment-shape example answers a POST and a PATCH as their examples print them: a list holding
the comment, its author under createBody and updateBody, and (PATCH) its id as a string. Lists
are answered as the "Get issue comments" example shows them, in either shape.
"""

from tracker_emulator_resource import Answer, Problem, Resource, counter, now
from tracker_emulator_users import TOKEN_AUTHOR, author_view

COMMENT_SHAPES = ('table', 'example')
FIRST_ID = 626


class Comments(Resource):
    """Every issue's comments, in the order they were posted."""

    noun = 'comment'
    checks_version = False

    def __init__(self):
        super().__init__(counter(FIRST_ID))

    def post(self, key, text, author=None, summonees=()):
        """Store a comment on issue ``key``; the stored record."""
        stored = self.add({'issue': key, 'text': text, 'author': dict(author or TOKEN_AUTHOR),
                           'editor': dict(author or TOKEN_AUTHOR), 'summonees': list(summonees), 'created': now(),
                           'updated': None})
        stored['longId'] = '5fa15a24ac894475%08x' % stored['id']
        return stored

    def of(self, key):
        return [stored for stored in self.all() if stored['issue'] == key]

    def find_on(self, key, comment_id):
        """The comment of issue ``key`` named by its id or its longId; Problem 404."""
        for stored in self.of(key):
            if comment_id in names(stored):
                return stored
        raise self.missing()


def names(comment):
    """What names a comment, in a path or a page's cursor."""
    return [str(comment['id']), comment['longId']]


def summonee_view(api, summonee):
    """A summonee as a comment shows it: a login or ID given as a string, or an object with an id."""
    name = summonee.get('id') if isinstance(summonee, dict) else summonee
    return {'self': '%s/users/%s' % (api, name), 'id': str(name), 'display': str(name)}


def comment_view(api, stored, shape='table', method='GET'):
    """A stored comment as the API answers it (see the module's docstring for the shapes)."""
    as_example = shape == 'example' and method != 'GET'
    created_by, updated_by = ('createBody', 'updateBody') if as_example else ('createdBy', 'updatedBy')
    comment = {
        'self': '%s/issues/%s/comments/%d' % (api, stored['issue'], stored['id']),
        'id': str(stored['id']) if as_example and method == 'PATCH' else stored['id'],
        'longId': stored['longId'],
        'text': stored['text'],
        created_by: author_view(api, stored['author']),
        updated_by: author_view(api, stored['editor']),
        'createdAt': stored['created'],
        'updatedAt': stored['updated'] or stored['created'],
        'summonees': [summonee_view(api, summonee) for summonee in stored['summonees']],
        'maillistSummonees': [],
        'version': stored['version'],
        'type': 'standard',
        'transport': 'internal',
    }
    return [comment] if as_example else comment


def text_problem(body):
    """Problem 422 unless the body has a text."""
    if not isinstance(body.get('text'), str) or not body['text'].strip():
        raise Problem(422, 'Validation failed.', {'text': 'Required field.'})


def answer(tracker, request, status, stored):
    return Answer(status, comment_view(request.api, stored, tracker.config.get('comment_shape', 'table'),
                                       request.method))


# HTTP

def list_comments(tracker, request):
    """perPage comments after the comment ``id``, oldest first."""
    key = request.issue['key']
    views = [comment_view(request.api, stored) for stored in tracker.comments.of(key)]
    return tracker.pager.cursor(request, views, '%s/issues/%s/comments' % (request.api, key), names)


def post_comment(tracker, request):
    # isAddToFollowers is only recorded, in the request log: the emulator keeps no followers.
    if request.query.get('isAddToFollowers', 'true').lower() not in ('true', 'false'):
        raise Problem(400, 'isAddToFollowers must be true or false.')
    body = request.body
    text_problem(body)
    summonees = body.get('summonees', [])
    if not isinstance(summonees, list) or not all(isinstance(one, (str, dict)) and one for one in summonees):
        raise Problem(422, 'Validation failed.', {'summonees': 'Expected an array of user IDs, logins or objects.'})
    stored = tracker.comments.post(request.issue['key'], body['text'], summonees=summonees)
    return answer(tracker, request, 201, stored)


def own_comment(tracker, request):
    """The comment of the path, if the token's user wrote it; Problem 404 or 403."""
    stored = tracker.comments.find_on(request.issue['key'], request.params['comment'])
    if stored['author']['id'] != TOKEN_AUTHOR['id']:
        raise Problem(403, 'You can only change your own comments.')
    return stored


def edit_comment(tracker, request):
    text_problem(request.body)
    stored = own_comment(tracker, request)
    # Every PATCH counts as an edit, the same text again too.
    tracker.comments.touch(stored, {'text': request.body['text'], 'editor': dict(TOKEN_AUTHOR), 'updated': now()})
    return answer(tracker, request, 200, stored)


def delete_comment(tracker, request):
    tracker.comments.delete(own_comment(tracker, request))
    return Answer(204)


def seed_comments(tracker, request):
    """Add comments without a request each: {"issue": "TEST-1", "comments": [{"text": ...,
    "createdBy": {"id": ..., "display": ...}}]}; without createdBy, the token's user wrote it."""
    key = tracker.issues.find(request.body.get('issue', ''))['key']
    wanted = request.body.get('comments', [])
    if not all(isinstance(one, dict) and isinstance(one.get('text'), str) for one in wanted):
        raise Problem(422, 'Each comment needs a text.')
    added = [tracker.comments.post(key, one['text'], one.get('createdBy')) for one in wanted]
    return Answer(200, {'added': len(added), 'ids': [stored['id'] for stored in added]})
