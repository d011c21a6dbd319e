# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The paging styles of the reference, for tracker_emulator.py: every list is answered by one of them.

- pages: ?page=P&perPage=N (the common format), X-Total-Count and X-Total-Pages, and Link
  rel="next" while pages follow (left out with --no-link-header: the reference shows none);
- cursor: ?perPage=N&id=X, the N items after item X (the comments), Link rel="first" and, while
  more follow, rel="next"; no totals;
- scroll: ?scrollType=sorted|unsorted&perScroll=N starts one over a snapshot of the results,
  ?scrollId=X reads on (the search); X-Total-Count, and while pages follow X-Scroll-Id,
  X-Scroll-Token and Link rel="first" and rel="next".

Each takes the answers of the whole list, in their order.
"""

import math
from urllib.parse import quote

from tracker_emulator_resource import Answer, Problem, counter

DEFAULT_PER_SCROLL = 100
MAX_PER_SCROLL = 1000
SCROLL_TOKEN = 'dummy-token-you-dont-have-to-specify-it'  # as the reference's example has it


def whole_numbers(query, defaults, message):
    """The query's values of the ``defaults`` names as whole numbers; Problem 400 for any other."""
    try:
        return [int(query.get(name) or default) for name, default in defaults]
    except ValueError:
        raise Problem(400, message)


class Pager:
    """Pages of lists, and the scrolls under way."""

    def __init__(self, config):
        self.config = config
        self.scrolls = {}
        self.scroll_numbers = counter(1)

    def pages(self, request, answers, limit=None):
        """Page ``page`` of ``perPage``; pages that start past ``limit`` results are 400."""
        per_page, page = whole_numbers(request.query, [('perPage', self.config['page_size']), ('page', 1)],
                                       'page and perPage must be whole numbers.')
        per_page, page = max(1, per_page), max(1, page)
        if limit is not None and (page - 1) * per_page >= limit:
            raise Problem(400, 'Pages end at %d results: use scrollable results for more.' % limit)
        pages = max(1, int(math.ceil(len(answers) / float(per_page))))
        headers = {'X-Total-Count': str(len(answers)), 'X-Total-Pages': str(pages)}
        if page < pages and self.config['link_header']:
            address = request.base_url + request.path
            headers['Link'] = '<%s?page=%d&perPage=%d>; rel="next"' % (address, page + 1, per_page)
        return Answer(200, answers[(page - 1) * per_page:page * per_page], headers)

    def cursor(self, request, answers, address, names):
        """The ``perPage`` answers after the one ``id`` names (``names``: what names an answer)."""
        per_page = max(1, whole_numbers(request.query, [('perPage', self.config['page_size'])],
                                        'perPage must be a whole number.')[0])
        following = after(answers, request.query.get('id'), names)
        page = following[:per_page]
        links = ['<%s?perPage=%d>; rel="first"' % (address, per_page)]
        if len(following) > per_page:
            links.append('<%s?perPage=%d&id=%s>; rel="next"' % (address, per_page, page[-1]['id']))
        return Answer(200, page, {'Link': ', '.join(links)})

    def start_scroll(self, request, answers):
        """A new scroll over a snapshot of ``answers``, and its first page."""
        per_scroll = whole_numbers(request.query, [('perScroll', DEFAULT_PER_SCROLL)],
                                   'perScroll must be a whole number.')[0]
        if not 1 <= per_scroll <= MAX_PER_SCROLL:
            raise Problem(400, 'perScroll must be from 1 to %d.' % MAX_PER_SCROLL)
        scroll_id = 'c2Nyb2xs%016x' % next(self.scroll_numbers)
        self.scrolls[scroll_id] = {'answers': answers, 'position': 0, 'per_scroll': per_scroll}
        return self.scroll(request, scroll_id)

    def scroll(self, request, scroll_id):
        """The next page of a scroll; a scroll is forgotten once read to its end (404 after)."""
        context = self.scrolls.get(scroll_id)
        if context is None:
            raise Problem(404, 'Scroll does not exist or has ended: %s' % scroll_id)
        start = context['position']
        context['position'] += context['per_scroll']
        headers = {'X-Total-Count': str(len(context['answers']))}
        if context['position'] < len(context['answers']):
            address = request.base_url + request.path
            ttl = request.query.get('scrollTTLMillis', '60000')
            headers.update({
                'X-Scroll-Id': scroll_id,
                'X-Scroll-Token': SCROLL_TOKEN,
                'Link': '<%s?scrollType=sorted&scrollTTLMillis=%s>; rel="first", <%s?scrollId=%s&scrollTTLMillis=%s'
                        '&scrollToken=%s>; rel="next"' % (address, ttl, address, quote(scroll_id), ttl, SCROLL_TOKEN),
            })
        else:
            del self.scrolls[scroll_id]
        return Answer(200, context['answers'][start:context['position']], headers)


def after(answers, cursor, names):
    """The answers that follow the one ``cursor`` names (all of them for None)."""
    if cursor is None:
        return answers
    for index, answer in enumerate(answers):
        if cursor in names(answer):
            return answers[index + 1:]
    # One deleted meanwhile: ids count up, so its place is still known.
    if cursor.isdigit():
        return [answer for answer in answers if answer['id'] > int(cursor)]
    return []
