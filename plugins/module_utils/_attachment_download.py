# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""The download of one attachment to a file, for tracker_attachment_info, as ansible.builtin.get_url does it.

Streamed to a temporary file beside the destination, checked against the checksum asked for,
then renamed over the destination (atomic); the destination changes only when its content or
mode would. The checks of its options come first, before any request. This file is private to
the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import os
import re
import stat
from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._attachments import attachment_id, check_name
from ansible_collections.ytracker.tracker.plugins.module_utils._files import (
    default_mode,
    file_digest,
    same_content,
    write_temporary,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import attachment_content_path
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError

OCTAL_MODE = re.compile(r'^0?o?([0-7]{3,4})$')
CHECKSUM = re.compile(r'^([A-Za-z0-9_-]+):([0-9A-Fa-f]+)$')

# What a task asks of the download: where (a file, or a directory to put it in), the mode
# (None: an existing file's, else the umask's), the checksum (algorithm, hex digest; or None),
# and whether an existing file is downloaded again to compare it.
Download = namedtuple('Download', ['dest', 'mode', 'checksum', 'force'])


def check_mode_option(mode):
    """The mode as a number; ValueError for anything but an octal one (V('0644'), or a number)."""
    if mode is None:
        return None
    if isinstance(mode, int) and not isinstance(mode, bool):
        number = mode
    else:
        found = OCTAL_MODE.match(str(mode).strip())
        if not found:
            raise ValueError("mode must be an octal number, quoted, like '0644', got %r; symbolic modes are not"
                             " supported" % (mode,))
        number = int(found.group(1), 8)
    if not 0 <= number <= 0o7777:
        raise ValueError('mode must be between 0000 and 07777, got %o' % number)
    return number


def check_checksum(checksum):
    """(algorithm, hex digest) of 'sha256:<hex>'; ValueError when it is not one."""
    if checksum is None:
        return None
    found = CHECKSUM.match(checksum.strip())
    if not found:
        raise ValueError("checksum must be '<algorithm>:<hex digest>', like 'sha256:9f86d0...', got %r" % checksum)
    algorithm, digest = found.group(1).lower(), found.group(2).lower()
    if algorithm not in hashlib.algorithms_available:
        raise ValueError('checksum: unknown algorithm %r; use one of sha256, sha512, sha1, md5' % algorithm)
    if len(digest) != hashlib.new(algorithm).digest_size * 2:
        raise ValueError('checksum: a %s digest has %d hex digits, got %d'
                         % (algorithm, hashlib.new(algorithm).digest_size * 2, len(digest)))
    return algorithm, digest


def check_dest(dest):
    """ValueError unless ``dest`` is a directory, or a file path in a directory that exists."""
    if os.path.isdir(dest):
        return dest
    directory = os.path.dirname(dest) or '.'
    if not os.path.isdir(directory):
        raise ValueError('dest %s: directory %s does not exist' % (dest, directory))
    return dest


def target_of(dest, name):
    """The file the download goes to: ``dest``, or the attachment's name inside the directory ``dest``."""
    return os.path.join(dest, name) if os.path.isdir(dest) else dest


def current_mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def download(client, issue, attachment, wanted, check_mode):
    """Make the file of ``wanted`` (a Download) hold ``attachment``; the result's fields, changed among them.

    Not downloaded when the file is there and matches the checksum asked for, or when it is there
    and force is off. Otherwise downloaded (in check mode, compared as it streams, never written),
    and the file replaced only when its content differs.
    """
    try:
        # Joined to a directory dest: a name the API answers is held to what a task may name.
        check_name(attachment.get('name') or '', 'the attachment name')
    except ValueError as error:
        raise TrackerError('attachment %s: %s' % (attachment_id(attachment), error))
    target = target_of(wanted.dest, attachment.get('name'))
    if os.path.isdir(target):
        raise TrackerError('dest %s is a directory named as the attachment: give a file path' % target)
    exists = os.path.exists(target)
    algorithm = wanted.checksum[0] if wanted.checksum else 'sha256'
    fetch = not exists or (wanted.force if wanted.checksum is None
                           else file_digest(target, algorithm) != wanted.checksum[1])
    content_changed = False
    if fetch:
        content_changed = fetch_into(client, issue, attachment, target, wanted, algorithm, check_mode, exists)
    mode = wanted.mode
    if mode is None:
        mode = current_mode(target) if exists else default_mode()
    mode_changed = exists and current_mode(target) != mode
    if mode_changed and not check_mode:
        os.chmod(target, mode)
    return dict(changed=content_changed or mode_changed, dest=target, downloaded=fetch and not check_mode,
                mode='%04o' % mode, checksum=None if check_mode and content_changed else
                '%s:%s' % (algorithm, file_digest(target, algorithm)))


def fetch_into(client, issue, attachment, target, wanted, algorithm, check_mode, exists):
    """Download ``attachment`` over ``target`` unless it holds it already; whether its content changed."""
    chunks = client.stream(attachment_content_path(issue, attachment), hints={
        404: 'attachment %s is no longer on issue %s' % (attachment_id(attachment), issue)})
    try:
        if check_mode:
            return not exists or not same_content(chunks, target)
        temporary, digest = write_temporary(chunks, os.path.dirname(os.path.abspath(target)), algorithm)
    finally:
        chunks.close()
    try:
        if wanted.checksum and digest != wanted.checksum[1]:
            raise TrackerError('the download of attachment %s has %s %s, not the checksum asked for (%s); %s is left'
                               ' as it was' % (attachment_id(attachment), algorithm, digest, wanted.checksum[1], target))
        if exists and file_digest(target, algorithm) == digest:
            return False
        os.chmod(temporary, wanted.mode if wanted.mode is not None else
                 current_mode(target) if exists else default_mode())
        os.replace(temporary, target)
        temporary = None
        return True
    finally:
        if temporary is not None:
            os.unlink(temporary)
