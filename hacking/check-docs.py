# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Check the HTML documentation site that make docs built.

What should be there comes from the collection itself, so a new module or guide is checked as
soon as it exists:

* a page for every module of plugins/modules/ and every plugin of plugins/lookup/ and
  plugins/callback/, with its synopsis, parameters, examples and return values, and an anchor for
  every option (suboptions too, its doc fragments' included) and every return value of its
  documentation;
* a page for every guide that docs/docsite/extra-docs.yml lists, and the changelog;
* the collection's index links to each of them;
* every link from one page of the site to another, or to a place in one, resolves; none points at
  the root of a server, which a site opened from files cannot follow.

Usage: check-docs.py HTML_DIR
"""

import ast
import glob
import os
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urlsplit

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
COLLECTION = 'ytracker.tracker'


class Page(HTMLParser):
    """The ids and the links of an HTML page."""

    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []
        with open(path, encoding='utf-8') as handle:
            self.feed(handle.read())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ('id', 'name') if tag == 'a' else ('id',):
            if attrs.get(name):
                self.ids.add(attrs[name])
        for name in ('href', 'src'):
            if attrs.get(name) is not None:
                self.links.append(attrs[name])


def python_constants(path):
    """The string constants at the top of a Python file."""
    with open(path, encoding='utf-8') as handle:
        tree = ast.parse(handle.read(), path)
    constants = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = node.value.value
    return constants


def fragment_options(name):
    """The options of a doc fragment of this collection; {} for another collection's."""
    if not name.startswith(COLLECTION + '.'):
        return {}
    fragment, dummy, variable = name[len(COLLECTION) + 1:].partition('.')
    constants = python_constants(os.path.join(ROOT, 'plugins', 'doc_fragments', fragment + '.py'))
    return (yaml.safe_load(constants[(variable or 'documentation').upper()]) or {}).get('options') or {}


def anchors(prefix, entries, children):
    """The anchors antsibull-docs gives options (prefix 'parameter') or return values ('return')."""
    found = []
    for name, entry in (entries or {}).items():
        found.append('%s-%s' % (prefix, name))
        found.extend('%s-%s/%s' % (prefix, name, anchor.split('-', 1)[1])
                     for anchor in anchors(prefix, (entry or {}).get(children), children))
    return found


# The plugins the site has a page for: their directory under plugins/, the kind its page names, and
# the ids of its sections of options and of return values (a lookup's options are keywords, its
# terms aside, and it returns one list).
PLUGIN_KINDS = (('modules', 'module', 'parameters', 'return-values'),
                ('lookup', 'lookup', 'keyword-parameters', 'return-value'),
                ('callback', 'callback', 'parameters', None))


def modules(directory='modules'):
    """{plugin name: (option anchors, return value anchors)}, from plugins/<directory>/."""
    found = {}
    for path in sorted(glob.glob(os.path.join(ROOT, 'plugins', directory, '*.py'))):
        name = os.path.basename(path)[:-3]
        if name.startswith('_'):
            continue
        constants = python_constants(path)
        documentation = yaml.safe_load(constants['DOCUMENTATION'])
        options = {}
        for fragment in documentation.get('extends_documentation_fragment') or []:
            options.update(fragment_options(fragment))
        options.update(documentation.get('options') or {})
        returns = yaml.safe_load(constants.get('RETURN') or '') or {}
        found[name] = (anchors('parameter', options, 'suboptions'), anchors('return', returns, 'contains'))
    return found


def guides():
    with open(os.path.join(ROOT, 'docs', 'docsite', 'extra-docs.yml')) as handle:
        extra_docs = yaml.safe_load(handle) or {}
    return [entry for section in extra_docs.get('sections') or [] for entry in section.get('toctree') or []
            if isinstance(entry, str)]


def check_page(pages, expected, name, kind, options, returns, parameters, return_values):
    """The problems of the page of plugin ``name`` of ``kind``; the page is added to ``expected``."""
    page_name = '%s_%s.html' % (name, kind)
    expected[page_name] = 'the page of %s %s' % (kind, name)
    page = pages.get(page_name)
    if page is None:
        return []
    problems = []
    sections = ('synopsis', 'examples') + ((parameters,) if options else ()) + ((return_values,) if returns else ())
    for section in sections:
        if section not in page.ids:
            problems.append('%s: no %s section' % (page_name, section))
    for anchor in options + returns:
        if anchor not in page.ids:
            problems.append('%s: no %s' % (page_name, anchor))
    return problems


def check(html):
    problems = []
    pages = {}
    for path in glob.glob(os.path.join(html, '**', '*.html'), recursive=True):
        pages[os.path.relpath(path, html).replace(os.sep, '/')] = Page(path)

    expected = {'index.html': 'the collection index', 'changelog.html': 'the changelog'}
    for directory, kind, parameters, return_values in PLUGIN_KINDS:
        for module, (options, returns) in modules(directory).items():
            problems.extend(check_page(pages, expected, module, kind, options, returns, parameters, return_values))

    for guide in guides():
        expected['docsite/%s.html' % guide] = 'the guide %s' % guide

    for page_name, what in sorted(expected.items()):
        if page_name not in pages:
            problems.append('%s is missing: no %s' % (page_name, what))
    if 'index.html' in pages:
        linked = set(urldefrag(link)[0] for link in pages['index.html'].links)
        for page_name, what in sorted(expected.items()):
            if page_name != 'index.html' and page_name not in linked:
                problems.append('index.html does not link to %s (%s)' % (page_name, what))

    for page_name, page in sorted(pages.items()):
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue  # another site
            if parts.path.startswith('/'):
                problems.append('%s: %s points at the root of a server' % (page_name, link))
                continue
            target = page_name if not parts.path else os.path.normpath(
                os.path.join(os.path.dirname(page_name), unquote(parts.path))).replace(os.sep, '/')
            if not os.path.exists(os.path.join(html, target)):
                problems.append('%s: %s leads nowhere' % (page_name, link))
            elif parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
                problems.append('%s: %s leads to no place in %s' % (page_name, link, target))
    return problems, len(pages)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    problems, count = check(sys.argv[1])
    for problem in problems:
        print('check-docs: %s' % problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    print('check-docs: %d pages; every module, plugin, guide and link is there' % count)


if __name__ == '__main__':
    main()
