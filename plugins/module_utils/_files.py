# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Files on the host where a module runs, as uploads and downloads of Tracker attachments use them.

Never a whole file in memory: an upload is a multipart/form-data body read from disk as it is
sent (MultipartFile), a comparison reads the local file beside the download chunk by chunk and
stops at the first difference (same_content), and a download is written to a temporary file
beside its destination, then renamed over it (write_atomically). This file is private to the
collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import io
import os
import tempfile
import uuid
from urllib.parse import quote

# The largest piece of a file read at once.
CHUNK = 1024 * 1024


def ascii_filename(name):
    """A plain fallback of ``name`` for the filename parameter: ASCII, with no quote or backslash."""
    return ''.join(char if ' ' <= char < '\x7f' and char not in '"\\' else '_' for char in name)


def content_disposition(field, name):
    """The part's Content-Disposition: the name as a plain fallback and as RFC 5987 UTF-8 (filename*)."""
    value = 'form-data; name="%s"; filename="%s"' % (field, ascii_filename(name))
    if ascii_filename(name) != name:
        value += "; filename*=UTF-8''%s" % quote(name, safe='')
    return value


class MultipartFile(object):
    """A multipart/form-data body of one file part, ``field``, read from ``path`` as it is sent.

    Its length is known from the file's size, so it goes with a Content-Length, not chunked.
    open() gives a new reader of the whole body, for each attempt of the request.
    """

    def __init__(self, path, name, field='file', boundary=None, content_type='application/octet-stream'):
        self.path = path
        self.boundary = boundary or uuid.uuid4().hex
        self.head = ('--%s\r\nContent-Disposition: %s\r\nContent-Type: %s\r\n\r\n'
                     % (self.boundary, content_disposition(field, name), content_type)).encode('ascii')
        self.tail = ('\r\n--%s--\r\n' % self.boundary).encode('ascii')
        self.length = len(self.head) + os.path.getsize(path) + len(self.tail)

    def headers(self):
        return {'Content-Type': 'multipart/form-data; boundary=%s' % self.boundary,
                'Content-Length': str(self.length)}

    def open(self):
        return BodyReader([io.BytesIO(self.head), open(self.path, 'rb'), io.BytesIO(self.tail)], self.length)


class BodyReader(object):
    """A file-like body made of parts read one after another, at most CHUNK bytes a read."""

    def __init__(self, parts, length):
        self.parts = parts
        self.length = length

    def __len__(self):
        return self.length

    def __iter__(self):
        return iter(self.read, b'')

    def read(self, size=-1):
        # Never the rest at once, whatever is asked: a part is a file of up to a gigabyte.
        size = CHUNK if size is None or size < 0 else min(size, CHUNK)
        while self.parts:
            data = self.parts[0].read(size)
            if data:
                return data
            self.parts.pop(0).close()
        return b''

    def close(self):
        while self.parts:
            self.parts.pop(0).close()


def same_content(chunks, path):
    """Whether ``chunks`` (an iterable of bytes) make exactly the file at ``path``.

    Reads the file beside them and stops at the first difference: the rest of the chunks is not
    asked for (the caller closes them). A file longer than the chunks is not the same either.
    """
    with open(path, 'rb') as handle:
        for chunk in chunks:
            if handle.read(len(chunk)) != chunk:
                return False
        return handle.read(1) == b''


def file_digest(path, algorithm='sha256'):
    """The hex digest of the file at ``path``, read CHUNK bytes at a time."""
    digest = hashlib.new(algorithm)
    with open(path, 'rb') as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b''):
            digest.update(chunk)
    return digest.hexdigest()


def write_temporary(chunks, directory, algorithm='sha256'):
    """Write ``chunks`` to a new temporary file in ``directory``; (its path, hex digest of ``algorithm``).

    In the destination's directory, so that renaming it over the destination is atomic. Removed
    when writing fails.
    """
    digest = hashlib.new(algorithm)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix='.tracker-attachment-', suffix='.part')
    try:
        with os.fdopen(handle, 'wb') as output:
            for chunk in chunks:
                digest.update(chunk)
                output.write(chunk)
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary, digest.hexdigest()


def default_mode():
    """The mode a new file gets from this process's umask, as open() would give it."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
