# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic about an issue's comments: which one a task means, and what has to change.

This file is private to the collection (leading underscore): it may change without notice. It
does no I/O: every function is a plain function of its arguments and is tested as such.

A task names its comment by a marker, a string the comment's text contains, or, without one, by
the whole text. Texts are compared as Tracker may store them: line endings as \\n, and no
whitespace at the start or the end, so a server that trims what it is sent does not make every
run edit the comment again.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._common import Plan, id_order


LEADING_BLANK_LINES = re.compile(r'^(?:[ \t]*\n)+')

# What a task asks for: the comment's whole text (the marker in it; None when state=absent asks by
# marker alone) and the marker that identifies it (None: the text does).
WantedComment = namedtuple('WantedComment', ['text', 'marker'])


def check_wanted(text, marker, state):
    """Refuse what could not name one comment, before any request; ValueError says why."""
    if marker is not None:
        if not marker.strip():
            raise ValueError('marker must not be empty; leave it out to identify the comment by its text')
        if '\n' in marker or '\r' in marker:
            raise ValueError('marker must be one line: it is looked for in the text of each comment')
    if state == 'present' and not (text or '').strip():
        raise ValueError('text must not be empty with state=present: it is what the comment says')
    if state == 'absent' and marker is None and not (text or '').strip():
        raise ValueError('state=absent needs marker or text to know which comments to delete')


def marker_pattern(marker):
    """What finds ``marker`` in a text as a whole: not as a piece of a longer word or marker, so
    that marker report:web does not find the comment of marker report:web-rollout."""
    return re.compile(r'(?<![\w-])%s(?![\w-])' % re.escape(marker))


def marked_text(text, marker):
    """The text the comment should have: ``text``, with ``marker`` on a line of its own at the end
    when ``text`` does not contain it already.

    A blank line sets the marker apart as a paragraph of its own in Tracker's markup: joined to the
    last line, it would read as part of the report.
    """
    if marker is None or marker_pattern(marker).search(text):
        return text
    return text + ('\n' if text.endswith('\n') else '\n\n') + marker


def wanted_comment(text, marker, state):
    """The WantedComment of a task's options (checked first, see check_wanted)."""
    check_wanted(text, marker, state)
    if state == 'absent' and marker is not None:
        # The marker alone names the comments to delete, whatever their text.
        return WantedComment(None, marker)
    return WantedComment(marked_text(text, marker), marker)


def normal_text(text):
    """A text as comparisons see it: \\n line endings, no blank lines before it, no whitespace after it.

    The indentation of its first line stays: in Tracker's markup it makes a code block.
    """
    text = str(text or '').replace('\r\n', '\n').replace('\r', '\n').rstrip()
    return LEADING_BLANK_LINES.sub('', text)


def comment_text(comment):
    return comment.get('text') or ''


def same_text(comment, text):
    return normal_text(comment_text(comment)) == normal_text(text)


def identified(comments, wanted):
    """The comments the task means, in the API's order: those containing its marker, or without
    one, those whose text is its text."""
    if wanted.marker is not None:
        marked = marker_pattern(wanted.marker)
        return [comment for comment in comments if marked.search(comment_text(comment))]
    text = normal_text(wanted.text)
    return [comment for comment in comments if normal_text(comment_text(comment)) == text]


def plan_comment(wanted, comments, state):
    """The Plan that makes the issue end in ``state`` for ``wanted``.

    present: nothing when a comment the task means already has the text (kept); else edit the one
    with the lowest id (the first posted), never post a second one beside it; post only when none
    is there. Others the marker finds are left alone. absent: delete every comment the task means.
    """
    found = identified(comments, wanted)
    if state == 'absent':
        return Plan(to_create=[], to_update=[], to_delete=found, kept=[])
    if not found:
        return Plan(to_create=[wanted], to_update=[], to_delete=[], kept=[])
    for comment in found:
        if same_text(comment, wanted.text):
            return Plan(to_create=[], to_update=[], to_delete=[], kept=[comment])
    return Plan(to_create=[], to_update=[(min(found, key=id_order), wanted)], to_delete=[], kept=[])


def author(comment):
    """Who wrote the comment, as its answer names them: createdBy as the tables say, createBody as
    the add and edit examples print it. The display name, else the id; None when it says nothing."""
    user = comment.get('createdBy') or comment.get('createBody')
    if not isinstance(user, dict):
        return None
    return user.get('display') or user.get('id')


def describe(comment):
    """'comment 626 (longId 5fa1...)', as messages name a comment."""
    long_id = comment.get('longId')
    return 'comment %s%s' % (comment.get('id'), ' (longId %s)' % long_id if long_id else '')
