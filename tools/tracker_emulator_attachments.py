# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Issue attachments for tracker_emulator.py, as the reference's attachment pages describe them.

An upload is a multipart/form-data POST. The reference does not name the part that carries the
file: the part named "file" (as the official Python client sends it) is taken, else the only part
that has a filename. The stored name is the filename query parameter when given, else the part's
filename (its RFC 5987 filename* first). A file has an id given as a string, counting up.

The list holds the files of the issue and of its comments alike, as the reference says, and is
not paged (the reference documents no paging for it). A download answers the bytes at
.../attachments/<id>/<file name>, the name exactly as stored (404 otherwise, as the reference does
not say another name is taken). A delete answers 204.
"""

import base64
import mimetypes
import re
from urllib.parse import quote, unquote

from tracker_emulator_resource import Answer, Problem, Resource, counter, now
from tracker_emulator_users import TOKEN_AUTHOR, author_view

FIRST_ID = 4159
PARAMETER = re.compile(r';\s*([\w*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')


class Attachments(Resource):
    """Every issue's files, in the order they were uploaded."""

    noun = 'attachment'

    def __init__(self):
        super().__init__(counter(FIRST_ID))

    def upload(self, key, name, content, mimetype=None, author=None, comment=None):
        """Store a file on issue ``key`` (on one of its comments with ``comment``); the stored record."""
        return self.add({'issue': key, 'name': name, 'content': content, 'author': dict(author or TOKEN_AUTHOR),
                         'mimetype': mimetype or mimetypes.guess_type(name)[0] or 'application/octet-stream',
                         'comment': comment, 'created': now()})

    def add(self, item):
        item['id'] = str(next(self.ids))
        return super().add(item)

    def of(self, key):
        return [stored for stored in self.all() if stored['issue'] == key]

    def find_on(self, key, attachment_id):
        stored = self.items.get(str(attachment_id))
        if stored is None or stored['issue'] != key:
            raise self.missing()
        return stored


def attachment_view(api, stored):
    """A stored file as the list and the upload answer it."""
    return {
        'self': '%s/attachments/%s' % (api, stored['id']),
        'id': stored['id'],
        'name': stored['name'],
        'content': '%s/issues/%s/attachments/%s/%s' % (api, stored['issue'], stored['id'],
                                                       quote(stored['name'], safe='')),
        'createdBy': author_view(api, stored['author']),
        'createdAt': stored['created'],
        'mimetype': stored['mimetype'],
        'size': len(stored['content']),
    }


def parameters(header):
    """The parameters of a header value (boundary, name, filename, filename*), unquoted."""
    found = {}
    for name, value in PARAMETER.findall(header):
        value = value.strip()
        if value.startswith('"'):
            value = re.sub(r'\\(.)', r'\1', value[1:-1])
        found[name.lower()] = value
    return found


def part_filename(disposition):
    """The filename of a part: filename* (RFC 5987, charset''percent-encoded) first, else filename."""
    extended = disposition.get('filename*')
    if extended and "''" in extended:
        charset, dummy, encoded = extended.partition("''")
        try:
            return unquote(encoded, encoding=charset or 'utf-8', errors='strict')
        except (LookupError, UnicodeDecodeError):
            raise Problem(400, 'The filename* of the file part is not valid.')
    return disposition.get('filename')


def multipart_parts(content_type, body):
    """The parts of a multipart/form-data body: [(headers, content)]; Problem 400 when it is not one."""
    if not content_type.lower().startswith('multipart/form-data'):
        raise Problem(400, 'Content-Type must be multipart/form-data.')
    boundary = parameters(content_type).get('boundary')
    if not boundary:
        raise Problem(400, 'The multipart body has no boundary.')
    delimiter = b'--' + boundary.encode('latin-1')
    pieces = body.split(delimiter)
    if len(pieces) < 3 or not pieces[-1].startswith(b'--'):
        raise Problem(400, 'The multipart body is not closed by its boundary.')
    parts = []
    for piece in pieces[1:-1]:
        if not piece.startswith(b'\r\n') or not piece.endswith(b'\r\n') or b'\r\n\r\n' not in piece:
            raise Problem(400, 'A part of the multipart body is malformed.')
        head, dummy, content = piece[2:-2].partition(b'\r\n\r\n')
        headers = {}
        for line in head.decode('utf-8', 'replace').split('\r\n'):
            name, dummy, value = line.partition(':')
            headers[name.strip().lower()] = value.strip()
        parts.append((headers, content))
    return parts


def file_part(parts):
    """The part that carries the file: the one named "file", else the only one with a filename."""
    named = []
    for headers, content in parts:
        disposition = parameters(';' + headers.get('content-disposition', '').partition(';')[2])
        if disposition.get('name') == 'file':
            return headers, disposition, content
        if 'filename' in disposition or 'filename*' in disposition:
            named.append((headers, disposition, content))
    if len(named) != 1:
        raise Problem(400, 'No file in the request.' if not named else 'More than one file in the request.')
    return named[0]


# HTTP

def list_attachments(tracker, request):
    key = request.issue['key']
    return Answer(200, [attachment_view(request.api, stored) for stored in tracker.attachments.of(key)])


def upload_attachment(tracker, request):
    parts = multipart_parts(request.headers.get('Content-Type') or '', request.body)
    headers, disposition, content = file_part(parts)
    name = request.query.get('filename') or part_filename(disposition)
    if not name:
        raise Problem(400, 'The file has no name.')
    part_type = headers.get('content-type')
    stored = tracker.attachments.upload(request.issue['key'], name, content,
                                        None if part_type in (None, 'application/octet-stream') else part_type)
    return Answer(201, attachment_view(request.api, stored))


def download_attachment(tracker, request):
    stored = tracker.attachments.find_on(request.issue['key'], request.params['attachment'])
    if request.params['filename'] != stored['name']:
        raise Problem(404, 'Attachment does not exist.')
    return Answer(200, stored['content'], {'Content-Type': stored['mimetype']})


def delete_attachment(tracker, request):
    tracker.attachments.delete(tracker.attachments.find_on(request.issue['key'], request.params['attachment']))
    return Answer(204)


def seed_attachments(tracker, request):
    """Add files without a request each: {"issue": "TEST-1", "attachments": [{"name": ..., "text": ... or
    "base64": ..., "createdBy": {...}, "comment": 626}]}; their ids."""
    key = tracker.issues.find(request.body.get('issue', ''))['key']
    wanted = request.body.get('attachments', [])
    if not all(isinstance(one, dict) and one.get('name') and ('text' in one or 'base64' in one) for one in wanted):
        raise Problem(422, 'Each attachment needs a name, and a text or base64 content.')
    added = [tracker.attachments.upload(key, one['name'], one['text'].encode('utf-8') if 'text' in one
                                        else base64.b64decode(one['base64']),
                                        author=one.get('createdBy'), comment=one.get('comment'))
             for one in wanted]
    return Answer(200, {'added': len(added), 'ids': [stored['id'] for stored in added]})
