# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic about an issue's attachments: which ones a task means, and what has to change.

This file is private to the collection (leading underscore): it may change without notice. It
does no I/O: every function is a plain function of its arguments and is tested as such.

A task names its attachment by its file name. The issue's list holds the files of the issue and
of its comments alike, and nothing in an entry tells them apart: every entry of that name counts.
Whether one has the task's content is decided by its size first; only where the sizes agree are
the bytes compared, by the caller, which passes what it found as ``same`` (id -> bool).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._common import Plan, id_order

# What no file name of an attachment may hold: a slash would be a path, controls break headers.
UNSAFE_NAME = re.compile(r'[/\x00-\x1f\x7f]')

# What a task asks for: the file name, the local file (None with state=absent) and its size.
WantedAttachment = namedtuple('WantedAttachment', ['name', 'src', 'size'])


def check_name(name, option='name'):
    """The attachment's file name; ValueError when it could not be one, before any request."""
    if not name or not name.strip():
        raise ValueError('%s must not be empty: it is the file name of the attachment' % option)
    if UNSAFE_NAME.search(name) or name in ('.', '..'):
        raise ValueError('%s must be a file name, without a slash or control characters, got %r' % (option, name))
    return name


def attachment_id(attachment):
    return str(attachment.get('id'))


def size_of(attachment):
    """The size an entry answers, as a number; None when it answers none (or not a number)."""
    try:
        return int(attachment.get('size'))
    except (TypeError, ValueError):
        return None


def named(attachments, name):
    """The entries of ``name``, in the API's order: file names compare exactly."""
    return [attachment for attachment in attachments if attachment.get('name') == name]


def to_compare(attachments, wanted):
    """The entries of the wanted name whose content must be compared: those of the same size.

    Another size is another content, known without a download. An entry that answers no size is
    compared too: nothing else can tell.
    """
    return [attachment for attachment in named(attachments, wanted.name)
            if size_of(attachment) in (wanted.size, None)]


def identical(attachments, wanted, same):
    """The entries of the wanted name whose content ``same`` (id -> bool) found to be the file's."""
    return [attachment for attachment in named(attachments, wanted.name) if same.get(attachment_id(attachment))]


def plan_attachment(wanted, attachments, state, replace, same):
    """The Plan that leaves the issue with exactly one attachment ``wanted.name`` of the file's content.

    absent: delete every entry of the name. present: keep the first identical one (lowest id) and
    delete every other entry of the name; none identical: upload the file, and delete every entry
    of the name (after the upload: the flow creates before it deletes, so the issue never lacks
    the file). With ``replace`` false, any entry of the name is kept as it is, whatever it holds.
    """
    found = named(attachments, wanted.name)
    if state == 'absent':
        return Plan(to_create=[], to_update=[], to_delete=found, kept=[])
    if found and not replace:
        return Plan(to_create=[], to_update=[], to_delete=[], kept=found)
    kept = sorted(identical(attachments, wanted, same), key=id_order)[:1]
    others = [attachment for attachment in found if kept == [] or attachment is not kept[0]]
    return Plan(to_create=[] if kept else [wanted], to_update=[], to_delete=others, kept=kept)


def describe(attachment):
    """One line of the diff for an entry: 'report.txt, 12 bytes, attachment 4159'."""
    size = size_of(attachment)
    return '%s, %s bytes, attachment %s' % (attachment.get('name'), '?' if size is None else size,
                                            attachment_id(attachment))


def describe_wanted(wanted):
    return '%s, %d bytes, from %s' % (wanted.name, wanted.size, wanted.src)
