# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A local stand-in for the Yandex Tracker API, to rehearse playbooks offline.

It serves, under /v2 and /v3, what the public API reference describes; every request it knows is
in the route table of tracker_emulator_routes.py, each part in a file of its own beside this one.

External links and links between issues (tracker_emulator_links.py)
  GET    /{ver}/issues/{issue}/remotelinks             the issue's external links (200)
  POST   /{ver}/issues/{issue}/remotelinks[?backlink]  a new one (201), body {"relationship", "key",
                                                       "origin"}; a second identical POST makes a
                                                       duplicate, as nothing says it would not
  DELETE /{ver}/issues/{issue}/remotelinks/{id}        (204)
  GET    /{ver}/applications                           the external applications (200)
  GET    /{ver}/issues/{issue}/links                   the issue's links to other issues (200)
  POST   /{ver}/issues/{issue}/links                   a link to another issue (201), body
                                                       {"relationship", "issue"}
  DELETE /{ver}/issues/{issue}/links/{id}              (204), from both issues

Comments (tracker_emulator_comments.py)
  GET    /{ver}/issues/{issue}/comments[?perPage=N&id=X]    the comments after comment X, oldest first
  POST   /{ver}/issues/{issue}/comments[?isAddToFollowers]  a new comment (201), body {"text", and
                                                            optional "summonees", "attachmentIds",
                                                            "maillistSummonees"}
  PATCH  /{ver}/issues/{issue}/comments/{id or longId}      its new text (200), the author's only
  DELETE /{ver}/issues/{issue}/comments/{id or longId}      (204), the author's only

Checklists (tracker_emulator_checklists.py)
  GET    /{ver}/issues/{issue}/checklistItems         the issue's checklist items (200)
  POST   /{ver}/issues/{issue}/checklistItems         one new item (200, the issue with its items
                                                      under checklistItems): {"text", and optional
                                                      "checked", "assignee", "deadline": {"date",
                                                      "deadlineType"}}; a second add of one text
                                                      makes a second item
  PATCH  /{ver}/issues/{issue}/checklistItems/{id}    edit an item (200, the issue): see
                                                      --checklist-edit for the body
  PATCH  /{ver}/issues/{issue}/checklistItems         the older form: every item with its id
                                                      (--checklist-edit whole only)
  DELETE /{ver}/issues/{issue}/checklistItems/{id}    delete an item (200, the issue)
  DELETE /{ver}/issues/{issue}/checklistItems         delete the whole checklist (200, the issue)

Records of time spent (tracker_emulator_worklogs.py)
  GET    /{ver}/issues/{issue}/worklog          the issue's records (200)
  POST   /{ver}/issues/{issue}/worklog          a new record (201): {"start", "duration" (ISO 8601),
                                                and optional "comment"}; start answered in UTC,
                                                duration in business time (P5D as P1W); a second
                                                add of one start makes a second record
  PATCH  /{ver}/issues/{issue}/worklog/{id}     edit duration (required, 422) and comment (200);
                                                start is refused (400)
  DELETE /{ver}/issues/{issue}/worklog/{id}     (204)

Attachments (tracker_emulator_attachments.py)
  GET    /{ver}/issues/{issue}/attachments            the files of the issue and of its comments (200)
  POST   /{ver}/issues/{issue}/attachments/[?filename] upload one (201): multipart/form-data, the part
                                                       "file", else the only part with a filename; the
                                                       name the filename parameter, else the part's
                                                       (filename* first)
  GET    /{ver}/issues/{issue}/attachments/{id}/{name} the file's bytes (200), the name as stored
  DELETE /{ver}/issues/{issue}/attachments/{id}/       (204)

Issues, their workflow and users (tracker_emulator_issues.py, _workflow.py, _search.py, _users.py)
  POST  /{ver}/issues/                        a new issue (201): queue and summary required (422);
                                              type, priority, assignee, followers, tags, parent,
                                              description, fixVersions, affectedVersions,
                                              components, unique and any local field. A unique that
                                              an issue has already is refused with 409, atomically,
                                              in a body that does not name that issue
  GET   /{ver}/issues/{issue}                 the issue, by key or id (200)
  PATCH /{ver}/issues/{issue}[?version=N]     edit the fields of the body (200, the issue): values as
                                              the common format takes them (a key, an id, an object,
                                              null), lists also as {"add"|"remove"|"set"|"replace"};
                                              status 400 (only transitions change it); an issue at
                                              the version limit is 423, as every edit of it
  POST  /{ver}/issues/_search                 exactly one of queue, keys, filter, query (400 otherwise);
                                              order ([+/-]field) with filter; paged; pages past 10,000
                                              results are 400: scroll instead, for filter and query only
  GET   /{ver}/issues/{issue}/transitions     the transitions from the issue's status
  POST  /{ver}/issues/{issue}/transitions/{id}/_execute
                                              run one (200, the transitions from the new status); one not
                                              offered from the status is 409, an unknown one 404; resolve
                                              and close from open or inProgress need a resolution (422)
  GET   /{ver}/users/{login or uid}           a user; login:12345 for a login made only of digits. v3
                                              answers an object, v2 a list of one, as their pages print
  GET   /{ver}/myself                         the token's user

Queues (tracker_emulator_queues.py)
  POST   /{ver}/queues/                       a new queue (201): key, name, lead, defaultType,
                                              defaultPriority, issueTypesConfig required (422), and
                                              description; a key taken, or a deleted queue's, is 409
  GET    /{ver}/queues/{queue}[?expand=X]     the queue (get-queue.md): by key (case-sensitive) or
                                              id, 404 otherwise (and once deleted); expand all,
                                              projects, components, versions, types, team,
                                              workflows, fields, issueTypesConfig, or several of
                                              them separated by commas
  PATCH  /{ver}/queues/{queue}[?version=N]    edit name, description, lead, defaultType,
                                              defaultPriority, assignAuto (and issueTypesConfig,
                                              see --queue-edit); key is read-only (400)
  DELETE /{ver}/queues/{queue}                (204): its issues go with it (404, found by no search)
  POST   /{ver}/queues/{queue}/_restore       a deleted queue back, with its issues (200); 404 for
                                              one that is not deleted
  GET    /{ver}/queues/{queue}/localFields    the queue's local fields (200)
  POST   /{ver}/queues/{queue}/localFields    a new one (200): name {"en", "ru"}, id (its key),
                                              category, type (422 without); optionsProvider, order,
                                              description, readonly, visible, hidden, container; a
                                              key the queue has is 400
  GET    /{ver}/queues/{queue}/localFields/{key}  one, its name in Russian unless Accept-Language
                                              is en
  PATCH  /{ver}/queues/{queue}/localFields/{key}  edit name, category, order, description,
                                              optionsProvider, readonly, visible, hidden (200);
                                              type and the rest read-only (400)

Queue versions and components (tracker_emulator_versions.py)
  POST  /{ver}/versions/                      a new version (200): queue and name required (422);
                                              description, startDate and dueDate (YYYY-MM-DD)
  GET   /{ver}/queues/{queue}/versions        the queue's versions; the queue by key (case-sensitive)
                                              or id
  GET   /{ver}/versions/{id}                  one version
  PATCH /{ver}/versions/{id}[?version=N]      edit name, description, dates (and released, see
                                              --version-release); the version read also as If-Match
  POST  /{ver}/versions/{id}/_archive         archive it (no body: 400 with one)
  POST  /{ver}/versions/{id}/_release         release it (no body), with --version-release action only
  POST  /{ver}/components/                    a new component (201): queue and name required (422);
                                              description, lead (a login or uid), assignAuto
  GET   /{ver}/components                     every component of the organization, of all queues
  GET   /{ver}/components/{id}                one component
  PATCH /{ver}/components/{id}[?version=N]    edit name, description, lead, assignAuto

Bulk changes (tracker_emulator_bulk.py)
  POST  /{ver}/bulkchange/_update[?notify]     {"issues": [keys or ids] or "<query>", "values": {...}}: the
                                              values as PATCH /issues/<id> takes them, a "comment" too
                                              (201, the operation CREATED); issues missing, empty or more
                                              than 10,000, values missing or empty: 400
  POST  /{ver}/bulkchange/_transition[?notify] {"transition": id, "issues", "values" (the transition's
                                              fields, a resolution)} (201, the operation CREATED)
  GET   /{ver}/bulkchange/{id}                the operation, with totalIssues and totalCompletedIssues once
                                              it is over
  An operation is carried out in the background, at the first request served once bulk_delay seconds
  have passed (0: before the next request), each issue as its own request would change it. One that
  request would refuse is left as it was, and the operation ends FAILED ("Bulk edit completed with
  errors"), its other issues changed; otherwise it ends COMPLETE (--bulk-final COMPLETED: the other
  name the reference's sources give). The first bulk_hidden_reads reads of a new operation answer
  404, as one not visible yet; the issues of bulk_fail_issues fail in every operation.

Every request needs 'Authorization: OAuth <token>' or 'Bearer <token>' and an 'X-Org-ID' or
'X-Cloud-Org-ID' header known to the configuration, else 401. Unknown issues are 404, forbidden
ones 403, a body that is not JSON 400, a body that is not a JSON object 422, a body without a
required field 422, an unknown application 400, a known path with another method 405; errors carry
Tracker's {"errors", "errorMessages", "statusCode"} body.

Objects with a version (issues, versions, components) take the version a client read as
?version=N or If-Match: "N" on an edit: another one is 409. Each edit that changes something
counts up the version; a comment's counts every edit, and no edit of a comment names it.
Versions and components answer their id as a number; an issue's fixVersions, affectedVersions and
components name them as {"self", "id" (a string), "display"}, as the reference's issue pages show.
An issue takes them by id or name, of its own queue only (400 otherwise). A component whose
assignAuto is true makes its lead the assignee of a new issue that names no assignee.

Lists are paged in one of the reference's three styles (tracker_emulator_paging.py):
  pages   (links, applications, search, versions, components): ?page=P&perPage=N, 50 unless
          --page-size says otherwise; X-Total-Count, X-Total-Pages and Link rel="next" (left out
          with --no-link-header: the reference shows none)
  cursor  (comments): ?perPage=N&id=X, the N after comment X; Link rel="first" and, while more
          follow, rel="next"; no totals
  scroll  (search): ?scrollType=sorted|unsorted&perScroll=N (at most 1000) starts one over a
          snapshot, ?scrollId=X reads on; X-Total-Count, and while pages follow X-Scroll-Id,
          X-Scroll-Token, Link rel="first" and rel="next"

Where the reference's pages disagree, or say nothing, a switch chooses the reading:
  A link's relationship is answered as the reference's "Linking issues" page names them: a type.id
  and a direction ("depends on": depends, outward). Its application is answered in one of the two
  shapes the reference shows (--link-shape): "origin", application.id is the origin string the link
  was made with; "reference", as the example of "Adding an external link", application.id and
  application.self carry a numeric id and the origin shows only in object.self.
  A comment (--comment-shape): "table", an object as the parameter tables say; "example", a POST
  and a PATCH answered as their examples print them, a list holding the comment, its author under
  createBody and updateBody, and (PATCH) its id as a string.
  A new version (--version-shape): "table", an object as the parameter table says; "example", a
  list holding it, as the example of create-version.md prints it.
  A version's release (--version-release), which no page documents: "action", POST
  .../_release as .../_archive; "patch", PATCH {"released": true|false}; "none", neither. The
  readings not chosen are refused: the action 404, the field in a PATCH 400 (read-only).
  A checklist edit (--checklist-edit), whose page disagrees with itself about the body: "either"
  takes an object or an array (of the item alone, or of items with ids) at the item's path;
  "array" and "object" refuse the other shape (400); "whole" takes only the older form, every
  item with its id at the checklist's path, and answers an edit at an item's path 405.
  A checklist of one item (--checklist-read): "list", a list of it; "example", the item alone, as
  the read's example prints it. An item's assignee (--checklist-assignee): "full", as the read's
  example shows it, login included; "short", as issues show users, without the login.
  A record's author (--worklog-author): "login", as the examples show it, its id the login and
  its self the uid; "uid", its id the uid, as other objects name users.
  A queue's edit, which no page documents (--queue-edit): "fields", PATCH takes the fields of
  create-queue.md but issueTypesConfig, which it refuses as read-only (400); "types" takes it too.
  A queue's lead (--queue-lead): "uid", its id the uid, as get-queue.md shows users; "login", its
  id the login, as the example of create-queue.md shows it.
  A second version or component of one name in a queue (--duplicate-names), which no page forbids:
  "refuse" answers it 409; "allow" creates it, as two runs at once may then each make one.

Configuration (--config, a JSON file; each key replaces the default): oauth_tokens, iam_tokens,
org_ids, cloud_org_ids; issues (keys), forbidden_issues, queues; applications; users, and
issue_user_ids ("uid", or "passportUid": the id issues and components show for users);
issue_unique_shown (false: answers leave out unique, as the reference's field tables do);
bulk_delay, bulk_final_status, bulk_hidden_reads and bulk_fail_issues (see Bulk changes);
search_misses (how many searches do not find a new issue yet, as an index that lags behind
would); version_limit (11100, as for users); versions and components (those a queue has from
the start: [{"queue", "name", ...}]).

Tests steer it under /_emulator/ (no authentication; it listens on loopback only):

  POST   /_emulator/faults     arm faults: {"faults": [{"kind": ..., "method": "POST",
                               "path": "remotelinks", "count": 1, "retry_after": 1, "delay": 2,
                               "status": 503}]}; kinds: rate_limit (429, Retry-After when
                               retry_after is given), error (status, default 500, nothing done),
                               slow (delay seconds, then served), answer (status, default 200, and
                               body as given: an answer of a shape the reference does not show),
                               create_then_drop (any create is made, then the connection dropped),
                               create_then_500 (any create is made, the answer is 500),
                               concurrent_edit (on an edit of an object with a version, or a
                               transition: someone else edits it just before it is served);
                               "path" is a part of the request's path, or all of it with
                               "exact": true (/v3/issues/, a create, and not /v3/issues/_search)
  GET    /_emulator/requests   what was asked, without credentials
  POST   /_emulator/links      add external links without a request each: {"issue": "TEST-1",
                               "links": [{"origin": ..., "key": ..., "relationship": "relates"}]}
  POST   /_emulator/checklists add checklist items without a request each: {"issue": "TEST-1",
                               "items": [{"text": ..., "checked": true}]}
  POST   /_emulator/worklogs   add records of time spent, also by another user: {"issue":
                               "TEST-1", "records": [{"start", "duration", "author": "bob"}]}
  POST   /_emulator/comments   add comments without a request each, also by another user:
                               {"issue": "TEST-1", "comments": [{"text": ..., "createdBy":
                               {"id": ..., "display": ...}}]}
  POST   /_emulator/attachments add files without a request each: {"issue": "TEST-1",
                               "attachments": [{"name": ..., "text": ... or "base64": ...,
                               "createdBy": {...}, "comment": <comment id>}]}
  GET    /_emulator/issues     {"writes": [...]}: the method, path, query and body of every
                               create, edit and transition of an issue sent
  POST   /_emulator/issues     add issues without a request each: {"queue": "BULK", "count": 30}
                               or {"issues": [create bodies]}; or change settings:
                               {"settings": {"search_misses": 2}} (issue_user_ids,
                               issue_unique_shown, search_misses, version_limit, bulk_delay,
                               bulk_final_status, bulk_hidden_reads, bulk_fail_issues,
                               checklist_edit, checklist_read, checklist_assignee,
                               worklog_author, queue_edit, queue_lead)
  POST   /_emulator/issues/{issue}  edit an issue behind the module's back: {"fields": {...}} (as
                               a PATCH takes them, status included), "version": N (sets it: at
                               the version limit every edit is 423)
  POST   /_emulator/versions   add versions without a request each, released and archived too:
                               {"versions": [{"queue": "REL", "name": "2.0", "released": true}]}
  POST   /_emulator/components add components: {"components": [{"queue": "REL", "name": "db"}]}
  GET    /_emulator/bulkchanges every bulk operation: its kind, issues, values, transition,
                               notify, status and, per issue, "changed" or why not; the issues'
                               writes hold one entry per issue changed, method BULK
  POST   /_emulator/reset      back to the configuration: forget queues, links, comments, checklists,
                               records of time spent, attachments, issues, versions and
                               components made since, faults and requests; the settings of bulk changes,
                               checklists and records of time spent as started

Run: python3 tracker_emulator.py [--port 0] [--config FILE] [--page-size N] [--no-link-header]
[--link-shape origin|reference] [--comment-shape table|example] [--version-shape table|example]
[--version-release action|patch|none] [--duplicate-names refuse|allow] [--bulk-delay SECONDS]
[--bulk-final COMPLETE|COMPLETED] [--bulk-hidden-reads N] [--checklist-edit either|array|object|whole]
[--checklist-read list|example] [--checklist-assignee full|short] [--worklog-author login|uid]
[--queue-edit fields|types] [--queue-lead uid|login] [--tls-cert FILE --tls-key FILE]
[--url-file FILE].
With a certificate it serves HTTPS. It prints the URL it listens on and stops cleanly on SIGINT
or SIGTERM.
"""

import argparse
import json
import signal
import sys
import threading

import tracker_emulator_bulk
import tracker_emulator_checklists
import tracker_emulator_comments
import tracker_emulator_issues
import tracker_emulator_links
import tracker_emulator_queues
import tracker_emulator_users
import tracker_emulator_versions
import tracker_emulator_worklogs
from tracker_emulator_http import make_server

DEFAULT_CONFIG = {
    'oauth_tokens': ['emulator-oauth-token'],
    'iam_tokens': ['emulator-iam-token'],
    'org_ids': ['emulator-org'],
    'cloud_org_ids': ['emulator-cloud-org'],
    'page_size': 50,
    'link_header': True,
    'comment_shape': 'table',
}
for part in (tracker_emulator_links, tracker_emulator_issues, tracker_emulator_users, tracker_emulator_versions,
             tracker_emulator_bulk, tracker_emulator_checklists, tracker_emulator_worklogs, tracker_emulator_queues):
    DEFAULT_CONFIG.update(part.DEFAULTS)


def load_config(path, page_size=None, link_header=True, link_shape=None):
    config = dict(DEFAULT_CONFIG)
    if path:
        with open(path) as handle:
            config.update(json.load(handle))
    if page_size:
        config['page_size'] = page_size
    if not link_header:
        config['link_header'] = False
    if link_shape:
        config['link_shape'] = link_shape
    return config


def main(argv=None):
    # The whole docstring comes first in --help: the options refer to it.
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--host', default='127.0.0.1', help='address to listen on (default: 127.0.0.1)')
    parser.add_argument('--port', type=int, default=0, help='port to listen on (default: a free one)')
    parser.add_argument('--config', help='JSON file overriding tokens, organizations, issues, applications and more')
    parser.add_argument('--page-size', type=int, help='items on a page of a list (default: 50, as the API)')
    parser.add_argument('--no-link-header', action='store_true',
                        help='page lists without a Link rel="next" header, only X-Total-Pages')
    parser.add_argument('--link-shape', choices=tracker_emulator_links.LINK_SHAPES,
                        help='how a link names its application (default: origin; see above)')
    parser.add_argument('--comment-shape', choices=tracker_emulator_comments.COMMENT_SHAPES,
                        help='how a new or edited comment is answered (default: table; see above)')
    parser.add_argument('--version-shape', choices=tracker_emulator_versions.VERSION_SHAPES,
                        help='how a new version is answered (default: table; see above)')
    parser.add_argument('--version-release', choices=tracker_emulator_versions.VERSION_RELEASES,
                        help='which request releases a version (default: action; see above)')
    parser.add_argument('--duplicate-names', choices=tracker_emulator_versions.DUPLICATE_NAMES,
                        help='whether a queue takes two versions or components of one name (default: refuse)')
    parser.add_argument('--queue-edit', choices=tracker_emulator_queues.QUEUE_EDITS,
                        help="whether a queue's edit takes its issue types (default: fields; see above)")
    parser.add_argument('--queue-lead', choices=tracker_emulator_queues.QUEUE_LEADS,
                        help="how a queue names its lead (default: uid; see above)")
    parser.add_argument('--bulk-delay', type=float,
                        help='seconds before a bulk change is carried out (default: 0, by the next request)')
    parser.add_argument('--bulk-final', choices=tracker_emulator_bulk.FINAL_STATUSES,
                        help='the status of a bulk change done without errors (default: COMPLETE; see above)')
    parser.add_argument('--bulk-hidden-reads', type=int,
                        help='how many reads of a new bulk change answer 404 (default: 0; see above)')
    parser.add_argument('--checklist-edit', choices=tracker_emulator_checklists.EDIT_FORMS,
                        help='which form of a checklist edit is taken (default: either; see above)')
    parser.add_argument('--checklist-read', choices=tracker_emulator_checklists.READ_SHAPES,
                        help='how a checklist of one item is read (default: list; see above)')
    parser.add_argument('--checklist-assignee', choices=tracker_emulator_checklists.ASSIGNEE_SHAPES,
                        help="how a checklist item's assignee is shown (default: full; see above)")
    parser.add_argument('--worklog-author', choices=tracker_emulator_worklogs.AUTHOR_SHAPES,
                        help="how a record of time spent names its author (default: login; see above)")
    parser.add_argument('--tls-cert', help='serve HTTPS with this PEM certificate (chain)')
    parser.add_argument('--tls-key', help='the PEM private key of --tls-cert')
    parser.add_argument('--url-file', help='also write the URL it listens on to this file')
    parser.add_argument('--verbose', action='store_true', help='log every request to stderr')
    args = parser.parse_args(argv)

    config = load_config(args.config, args.page_size, not args.no_link_header, args.link_shape)
    for name in ('comment_shape', 'version_shape', 'version_release', 'duplicate_names', 'checklist_edit',
                 'checklist_read', 'checklist_assignee', 'worklog_author', 'queue_edit', 'queue_lead'):
        if getattr(args, name):
            config[name] = getattr(args, name)
    for name, option in (('bulk_delay', 'bulk_delay'), ('bulk_final_status', 'bulk_final'),
                         ('bulk_hidden_reads', 'bulk_hidden_reads')):
        if getattr(args, option) is not None:
            config[name] = getattr(args, option)
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error('--tls-cert and --tls-key go together')
    tls = (args.tls_cert, args.tls_key) if args.tls_cert else None
    try:
        server = make_server(config, args.host, args.port, args.verbose, tls)
    except OSError as error:  # a port in use, an address not of this machine: one line, no traceback
        print('Tracker emulator cannot listen on %s:%d: %s' % (args.host, args.port, error.strerror or error),
              file=sys.stderr, flush=True)
        return 2
    url = '%s://%s:%d' % ((server.scheme,) + server.server_address[:2])

    def stop(signum, frame):
        threading.Thread(target=server.shutdown).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.url_file:
        with open(args.url_file, 'w') as handle:
            handle.write(url + '\n')
    print('Tracker emulator listening on %s' % url, flush=True)
    server.serve_forever()
    server.server_close()
    print('Tracker emulator stopped', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
